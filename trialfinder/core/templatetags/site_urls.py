"""`{% site_url 'trials:home' %}`: `{% url %}` for the pages every page links to.

Reversing a URL name walks the URL patterns and their regular expressions each time,
which cost about as much as the rest of the page header. Names without arguments always
give the same path for the same script prefix, so each is reversed once per process.
"""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.urls import get_script_prefix, reverse

register = template.Library()


@register.simple_tag
def site_url(name: str) -> str:
    return _reversed(name, get_script_prefix())


@lru_cache(maxsize=64)
def _reversed(name: str, prefix: str) -> str:
    # The prefix is part of the key: reverse() puts it in front of every path.
    return reverse(name)
