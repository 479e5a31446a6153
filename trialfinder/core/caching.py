"""Caching: HTTP caching for the public pages, and `get_or_compute` for expensive
server-side values.


Anonymous visitors get `Cache-Control: public, max-age=PUBLIC_CACHE_SECONDS`; signed-in
users get `private, no-cache`. ETags come from the page content
(ConditionalGetMiddleware), so an edited or newly published trial has a new ETag at
once and a revalidating browser or proxy fetches it. There is no server-side page
cache, hence nothing to invalidate: a page is at most PUBLIC_CACHE_SECONDS stale in a
cache that does not revalidate.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers


def public_page(view: Callable) -> Callable:
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code != 200 or "Cache-Control" in response:
            return response
        signed_in = settings.SESSION_COOKIE_NAME in request.COOKIES and (
            request.user.is_authenticated
        )
        if signed_in:
            patch_cache_control(response, private=True, no_cache=True)
        else:
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_SECONDS)
        # A shared cache must not answer a signed-in visitor with the anonymous copy's
        # headers, nor the other way round.
        patch_vary_headers(response, ["Cookie"])
        return response

    return wrapper


T = TypeVar("T")
_MISSING = object()


def get_or_compute(key: str, compute: Callable[[], T], timeout: int, wait: float = 3.0) -> T:
    """The cached value, or compute it once. When a trial changes, every cached count
    goes cold at the same moment; without this, each worker serving the next visitors
    would run the same expensive count at the same time, and all of them would be slow.
    One worker computes (it holds a short lock in the shared cache); the others wait up
    to `wait` seconds for its result and only then give up and compute their own."""
    value = cache.get(key, _MISSING)
    if value is not _MISSING:
        return value
    lock = f"{key}:computing"
    if cache.add(lock, 1, timeout=30):
        try:
            value = compute()
            cache.set(key, value, timeout)
            return value
        finally:
            cache.delete(lock)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        time.sleep(0.05)
        value = cache.get(key, _MISSING)
        if value is not _MISSING:
            return value
    return compute()
