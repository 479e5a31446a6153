from django.urls import path

from trialfinder.glossary import views

app_name = "glossary"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.term_detail, name="term_detail"),
]
