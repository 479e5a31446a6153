"""Caching: HTTP caching for the public pages, a server-side page cache for anonymous
visitors, and `get_or_compute` for expensive server-side values.

Anonymous visitors get `Cache-Control: public, max-age=PUBLIC_CACHE_SECONDS`; signed-in
users get `private, no-cache`. ETags come from the page content
(ConditionalGetMiddleware), so an edited or newly published trial has a new ETag at
once and a revalidating browser or proxy fetches it.

The server keeps the HTML of anonymous pages in the shared cache for PAGE_CACHE_SECONDS,
keyed by the content version: any saved or deleted trial, site, glossary term or other
content row moves the version on (after its transaction commits), so an edit is never
served stale. Search results are cached on the server but never marked public: a
shared proxy should not keep what people search for.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

CONTENT_VERSION_KEY = "pages:version"


def content_version() -> int:
    return cache.get_or_set(CONTENT_VERSION_KEY, 1, None)


def bump_content_version() -> None:
    """Every cached page goes stale. Also once the current transaction commits: a page
    rendered between the change and its commit would otherwise be kept under the new
    version with the old content."""

    def bump() -> None:
        try:
            cache.incr(CONTENT_VERSION_KEY)
        except ValueError:
            cache.set(CONTENT_VERSION_KEY, 1, None)

    bump()
    transaction.on_commit(bump)


def _code_release() -> str:
    """Pages rendered by one release of the templates and code are not served by the
    next: every app server of a release computes the same value from the same files."""
    root = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    for path in sorted([*root.glob("templates/**/*.html"), *root.glob("trialfinder/**/*.py")]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


_RELEASE: str | None = None


def code_release() -> str:
    """This release of the templates and code (computed once per process). Keys of
    anything rendered or pickled by the code include it, so a deploy never reads what
    the previous release stored."""
    global _RELEASE
    if _RELEASE is None:
        _RELEASE = _code_release()
    return _RELEASE


def _page_key(request: HttpRequest) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    return f"page:{code_release()}:{content_version()}:{language}:{path}"


def _signed_in(request: HttpRequest) -> bool:
    # The cookie first: anonymous requests then never load a session.
    return settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated


def _cacheable(request: HttpRequest, response: HttpResponse) -> bool:
    # Redirects too: a trial number to its trial, misspelt words to their fix.
    return (
        response.status_code in (200, 302)
        and not response.streaming
        and not response.cookies
        # A page that rendered a CSRF token is personal to this visitor.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


def _served_from_cache(view: Callable) -> Callable:
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if (
            not settings.PAGE_CACHE_SECONDS
            or request.method not in ("GET", "HEAD")
            or _signed_in(request)
        ):
            return view(request, *args, **kwargs)
        key = _page_key(request)
        cached = cache.get(key)
        if cached is not None:
            status, content, content_type, location = cached
            response = HttpResponse(content, content_type=content_type, status=status)
            if location:
                response["Location"] = location
            return response
        response = view(request, *args, **kwargs)
        if _cacheable(request, response):
            stored = (
                response.status_code,
                response.content,
                response["Content-Type"],
                response.get("Location"),
            )
            cache.set(key, stored, settings.PAGE_CACHE_SECONDS)
        return response

    return wrapper


def public_page(view: Callable, shared: bool = True) -> Callable:
    """An anonymous public page: served from the server's page cache, and cacheable by
    browsers and shared proxies (`shared=False`: by browsers only)."""
    view = _served_from_cache(view)

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code != 200 or "Cache-Control" in response:
            return response
        if _signed_in(request):
            patch_cache_control(response, private=True, no_cache=True)
        elif shared:
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


UNREAD = object()
# Values built in this process, each with the stamp it was built under.
_kept: dict[str, tuple[str, object]] = {}


def stamp_key(key: str) -> str:
    return f"{key}:stamp"


def kept_in_process(
    key: str,
    load: Callable[[], object],
    timeout: int,
    build: Callable[[object], T] | None = None,
    stamp=UNREAD,
) -> T:
    """A value every request needs (the trees, the synonyms), kept built in each process
    while its stamp in the shared cache is unchanged: one small read per request instead
    of unpickling and building it again. The shared cache holds `load()` under `key`;
    `build` makes the kept value from that. `forget_kept(key)` makes every process load
    it again on its next request. `stamp`, when the caller has read it already."""
    if stamp is UNREAD:
        stamp = cache.get(stamp_key(key))
    kept = _kept.get(key)
    if stamp is not None and kept is not None and kept[0] == stamp:
        return kept[1]
    stored = cache.get(key)
    if stored is None:
        stored = load()
        cache.set(key, stored, timeout)
    if stamp is None:
        cache.add(stamp_key(key), uuid.uuid4().hex, timeout)
        stamp = cache.get(stamp_key(key))
    value = build(stored) if build else stored
    if stamp is not None:
        _kept[key] = (stamp, value)
    return value


def forget_kept(*keys: str) -> None:
    """After an edit: every process loads these values again."""
    cache.delete_many([*keys, *(stamp_key(key) for key in keys)])
