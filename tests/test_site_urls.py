"""{% site_url %}: the links every page carries, reversed once per process."""

from django.template import Context, Template
from django.urls import reverse, set_script_prefix


def render(text: str) -> str:
    return Template("{% load site_urls %}" + text).render(Context())


def test_it_gives_the_same_path_as_url():
    assert render("{% site_url 'trials:trial_list' %}") == reverse("trials:trial_list")
    assert render("{% site_url 'glossary:index' %}") == reverse("glossary:index")


def test_it_follows_the_script_prefix():
    try:
        set_script_prefix("/finder/")
        assert render("{% site_url 'trials:home' %}") == "/finder/"
    finally:
        set_script_prefix("/")
    assert render("{% site_url 'trials:home' %}") == "/"
