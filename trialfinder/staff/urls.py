from django.urls import path

from trialfinder.staff import views

app_name = "staff"
urlpatterns = [
    path("lookup/", views.lookup, name="lookup"),
    path("trials/<slug:slug>/call/", views.phone_sheet, name="phone_sheet"),
    path("compare/", views.compare, name="compare"),
]
