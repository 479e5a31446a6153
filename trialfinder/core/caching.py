"""HTTP caching for the public pages.

Anonymous visitors get `Cache-Control: public, max-age=PUBLIC_CACHE_SECONDS`; signed-in
users get `private, no-cache`. ETags come from the page content
(ConditionalGetMiddleware), so an edited or newly published trial has a new ETag at
once and a revalidating browser or proxy fetches it. There is no server-side page
cache, hence nothing to invalidate: a page is at most PUBLIC_CACHE_SECONDS stale in a
cache that does not revalidate.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.conf import settings
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
