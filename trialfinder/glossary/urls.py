from django.urls import path

from trialfinder.core.caching import public_page
from trialfinder.glossary import views

app_name = "glossary"
urlpatterns = [
    path("", public_page(views.index), name="index"),
    path("<slug:slug>/", public_page(views.term_detail), name="term_detail"),
]
