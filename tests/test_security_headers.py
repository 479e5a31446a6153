"""Security headers on every kind of response: a public page, the admin login, a 404,
a 500 and a staff page. The CSP allows nothing inline, so no page may need it."""

from __future__ import annotations

import re

import pytest
from django.urls import path, reverse

from trialfinder import urls as project_urls


def boom(request):
    raise RuntimeError("secret internals: /srv/trialfinder/settings.py password=hunter2")


urlpatterns = [*project_urls.urlpatterns, path("boom/", boom)]
handler500 = project_urls.handler500


def _csp(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: " ".join(part.split()[1:]) for part in header.split("; ")}


def _assert_security_headers(response) -> None:
    csp = _csp(response)
    assert csp["default-src"] == "'self'"
    assert csp["script-src"] == "'self'"
    assert csp["style-src"] == "'self'"
    assert csp["img-src"] == "'self' data:"
    assert csp["frame-ancestors"] == "'none'"
    assert csp["form-action"] == "'self'"
    assert csp["base-uri"] == "'self'"
    assert csp["object-src"] == "'none'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "geolocation=()" in response["Permissions-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert "microphone=()" in response["Permissions-Policy"]


def _inline_scripts_and_styles(html: str) -> list[str]:
    inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html, re.IGNORECASE)
    inline += re.findall(r"<style\b", html, re.IGNORECASE)
    return inline


def test_a_public_page_has_every_header(client, trial):
    response = client.get(trial.get_absolute_url())
    assert response.status_code == 200
    _assert_security_headers(response)
    assert _inline_scripts_and_styles(response.content.decode()) == []


def test_the_admin_login_has_every_header_and_no_inline_code(client):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 200
    _assert_security_headers(response)
    assert _inline_scripts_and_styles(response.content.decode()) == []


def test_the_admin_changelist_needs_no_inline_scripts(staff_client, trial):
    response = staff_client.get(reverse("admin:trials_trial_changelist"))
    assert response.status_code == 200
    _assert_security_headers(response)
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", response.content.decode()) == []


def test_a_404_has_every_header(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    _assert_security_headers(response)


def test_a_staff_page_has_every_header(staff_client):
    response = staff_client.get(reverse("staff:lookup"))
    assert response.status_code == 200
    _assert_security_headers(response)


@pytest.mark.urls(__name__)
def test_a_500_is_friendly_has_every_header_and_shows_no_internals(client, db):
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    _assert_security_headers(response)
    html = response.content.decode()
    assert "Sorry, something went wrong" in html
    assert "secret internals" not in html
    assert "Traceback" not in html
    assert "RuntimeError" not in html
    # The 500 page's styles come from a file, so the strict CSP does not block them.
    assert _inline_scripts_and_styles(html) == []
    assert "/static/css/error" in html


def test_hsts_is_sent_on_https(client, db, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")


def test_plain_http_is_redirected_to_https_except_the_health_check(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/glossary/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")
    assert client.get("/healthz").status_code == 200
