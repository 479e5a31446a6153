from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("trialfinder.trials.urls")),
    path("glossary/", include("trialfinder.glossary.urls")),
    path("staff/", include("trialfinder.staff.urls")),
    path("admin/", admin.site.urls),
]
