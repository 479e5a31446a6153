"""The health check, and friendly 503s instead of 500s while the database is away."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

log = logging.getLogger("trialfinder.health")

# Errors that mean "the database is not answering", not "our code is wrong".
UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """200 "ok" when the primary database answers a query, else 503. For load balancers
    and uptime checks: no session, no template, no authentication."""
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        log.warning("health check failed: %s", exc.__class__.__name__)
        response = HttpResponse("database unavailable\n", status=503, content_type="text/plain")
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponse("ok\n", content_type="text/plain")


def _error_page(template_name: str, fallback: str) -> str:
    """An error page rendered without a request, so no context processor can touch the
    database; if even that fails (say, a missing static manifest), a bare message."""
    try:
        return loader.render_to_string(template_name)
    except Exception:
        log.exception("could not render %s", template_name)
        return f"<!doctype html><title>{fallback}</title><h1>{fallback}</h1>"


def unavailable_response() -> HttpResponse:
    body = _error_page("503.html", "The trial finder is briefly unavailable")
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """A view that finds the database down answers 503 with a friendly page and a
    Retry-After. Connections are health-checked (CONN_HEALTH_CHECKS), so the first
    request after the database returns gets a fresh connection and succeeds."""

    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if isinstance(exception, UNAVAILABLE):
            log.error("database unavailable: %s", exception.__class__.__name__)
            return unavailable_response()
        return None


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500. A database outage met outside a view (e.g. loading the session in
    middleware) still becomes the friendly 503; anything else is the plain 500 page."""
    exc = sys.exc_info()[1]
    if isinstance(exc, UNAVAILABLE):
        return unavailable_response()
    return HttpResponseServerError(_error_page("500.html", "Sorry, something went wrong"))
