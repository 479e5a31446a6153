from django.urls import path

from trialfinder.core.caching import public_page
from trialfinder.trials import views

app_name = "trials"
urlpatterns = [
    path("", public_page(views.home), name="home"),
    # Search results: cached on the server, never by shared proxies (see core.caching).
    path("trials/", public_page(views.trial_list, shared=False), name="trial_list"),
    path("trials/<slug:slug>/", public_page(views.trial_detail), name="trial_detail"),
    path("trials/<slug:slug>/print/", public_page(views.trial_print), name="trial_print"),
    path("cancer-types/", public_page(views.condition_list), name="condition_list"),
    path("cancer-types/<slug:slug>/", public_page(views.condition_detail), name="condition_detail"),
]
