from django.urls import path

from trialfinder.staff import two_factor, views

app_name = "staff"
urlpatterns = [
    path("lookup/", views.lookup, name="lookup"),
    path("trials/<slug:slug>/call/", views.phone_sheet, name="phone_sheet"),
    path("compare/", views.compare, name="compare"),
    path("trials/<slug:slug>/preview/", views.trial_preview, name="trial_preview"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("two-factor/", two_factor.two_factor, name="two_factor"),
]
