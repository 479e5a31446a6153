"""A per-address request limit for the search pages, counted in the configured cache
(Redis in production, so every process shares one count)."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from trialfinder.core.security import client_ip

# Searching is the expensive part of the site; these are the pages that run searches.
LIMITED_VIEWS = frozenset({"trials:trial_list", "staff:lookup"})


def hit(scope: str, ident: str, limit: int, period: int) -> int:
    """Count one request in the current fixed window; the seconds to wait when over the
    limit, else 0."""
    now = time.time()
    window = int(now // period)
    key = f"ratelimit:{scope}:{ident}:{window}"
    # add() is a no-op when the key exists; incr() is atomic on Redis.
    cache.add(key, 0, timeout=period + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=period + 1)
        count = 1
    if count <= limit:
        return 0
    return max(1, int((window + 1) * period - now))


class RateLimitMiddleware:
    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.view_name not in LIMITED_VIEWS:
            return None
        limit = settings.RATE_LIMIT_SEARCH_REQUESTS
        if limit <= 0:  # 0 switches the limit off
            return None
        wait = hit("search", client_ip(request), limit, settings.RATE_LIMIT_SEARCH_SECONDS)
        if not wait:
            return None
        response = render(request, "429.html", {"retry_after": wait}, status=429)
        response["Retry-After"] = str(wait)
        return response
