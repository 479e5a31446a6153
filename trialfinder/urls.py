from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from trialfinder.core import health

urlpatterns = [
    path("", include("trialfinder.trials.urls")),
    path("glossary/", include("trialfinder.glossary.urls")),
    path("staff/", include("trialfinder.staff.urls")),
    # Configurable (ADMIN_URL) so the login page is not where every bot looks first.
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", health.healthz, name="healthz"),
]

# Database outages met outside a view become the friendly 503 page, not a 500.
handler500 = "trialfinder.core.health.server_error"
