from django.urls import path

from trialfinder.trials import views

app_name = "trials"
urlpatterns = [
    path("", views.home, name="home"),
    path("trials/", views.trial_list, name="trial_list"),
    path("trials/<slug:slug>/", views.trial_detail, name="trial_detail"),
    path("trials/<slug:slug>/print/", views.trial_print, name="trial_print"),
    path("cancer-types/", views.condition_list, name="condition_list"),
    path("cancer-types/<slug:slug>/", views.condition_detail, name="condition_detail"),
]
