"""Response headers, staff session rules, client addresses and the login audit log."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse

from trialfinder.core import dbrouter

log = logging.getLogger("trialfinder.security")

# A staff session is written back at most this often to restart its idle clock, so it
# ends between STAFF_IDLE_TIMEOUT minus this and STAFF_IDLE_TIMEOUT after the last
# request. Writing it on every request cost a transaction per page while a nurse looked
# trials up with a caller waiting.
SESSION_REFRESH_SECONDS = 60
_SEEN = "_staff_seen"


def client_ip(request: HttpRequest) -> str:
    """The address to rate-limit and lock out. REMOTE_ADDR, unless settings.TRUSTED_PROXY
    says a proxy of ours sits in front: then the hop that proxy added to X-Forwarded-For
    (the last one; anything before it was sent by the client and may be forged)."""
    if settings.TRUSTED_PROXY:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [h for h in hops if h]
        if hops:
            return hops[-1][:64]
    return request.META.get("REMOTE_ADDR", "")[:64]


class PermissionsPolicyMiddleware:
    """Browser features the site never uses are switched off for every page."""

    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class StaffSessionMiddleware:
    """Signed-in staff: the session ends after STAFF_IDLE_TIMEOUT idle seconds, and every
    query of the request goes to the primary database (they edit what they read)."""

    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Only requests carrying a session can belong to staff; checking the cookie first
        # keeps anonymous requests free of a session query.
        signed_in = settings.SESSION_COOKIE_NAME in request.COOKIES and (
            request.user.is_authenticated
        )
        if signed_in and request.user.is_staff:
            _set_staff_expiry(request)
            if time.time() - request.session.get(_SEEN, 0) >= SESSION_REFRESH_SECONDS:
                # Saving the session restarts its clock: that makes the timeout "idle".
                _mark_seen(request)
        anonymous_read = not signed_in and request.method in ("GET", "HEAD")
        with dbrouter.replica_reads(anonymous_read):
            return self.get_response(request)


def _mark_seen(request: HttpRequest) -> None:
    request.session[_SEEN] = int(time.time())


def _set_staff_expiry(request: HttpRequest) -> None:
    # Set once; rewriting the same value each request would still change nothing stored.
    if request.session.get_expiry_age() != settings.STAFF_IDLE_TIMEOUT or (
        "_session_expiry" not in request.session
    ):
        request.session.set_expiry(settings.STAFF_IDLE_TIMEOUT)


@receiver(user_logged_in)
def _log_login(sender, request: HttpRequest | None, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session") and user.is_staff:
        _set_staff_expiry(request)
        # The login itself saves the session: the next minute's pages need not.
        _mark_seen(request)
    log.info(
        "login succeeded user=%s ip=%s", user.get_username(), client_ip(request) if request else ""
    )


@receiver(user_logged_out)
def _log_logout(sender, request: HttpRequest | None, user, **kwargs) -> None:
    name = user.get_username() if user else ""
    log.info("logout user=%s ip=%s", name, client_ip(request) if request else "")


@receiver(user_login_failed)
def _log_login_failure(sender, credentials: dict, request: HttpRequest | None = None, **kw) -> None:
    # Django already masks the password in `credentials`; log only the username anyway.
    username = str(credentials.get("username", ""))[:150]
    log.warning("login failed user=%s ip=%s", username, client_ip(request) if request else "")
