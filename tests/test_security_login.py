"""Staff sign-in: lockout after repeated failures, an audit log that never holds a
password, a configurable admin address and an idle timeout for staff sessions."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from trialfinder.core import security

PASSWORD = "correct horse battery staple"


@pytest.fixture
def nurse(django_user_model):
    return django_user_model.objects.create_user("nurse", "n@example.com", PASSWORD, is_staff=True)


def _login(client, username: str, password: str, **extra):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        **extra,
    )


def test_it_locks_an_account_after_repeated_failures(client, nurse, settings):
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _login(client, "nurse", "wrong").status_code == 200  # the form again
    locked = _login(client, "nurse", "wrong")
    assert locked.status_code == 429
    assert "Too many sign-in attempts" in locked.content.decode()
    # Even the right password is refused while locked.
    assert _login(client, "nurse", PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.filter(username="nurse").exists()


def test_a_lockout_does_not_lock_out_others(client, nurse, django_user_model, settings):
    django_user_model.objects.create_user("editor", "e@example.com", PASSWORD, is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "nurse", "wrong")
    response = _login(client, "editor", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_a_successful_login_resets_the_failure_count(client, nurse, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, "nurse", "wrong")
    assert _login(client, "nurse", PASSWORD).status_code == 302
    client.logout()
    assert _login(client, "nurse", "wrong").status_code == 200


def test_logins_are_logged_without_passwords(client, nurse, caplog):
    with caplog.at_level(logging.INFO, logger="trialfinder.security"):
        _login(client, "nurse", "Wr0ng-Secret!", REMOTE_ADDR="203.0.113.9")
        _login(client, "nurse", PASSWORD, REMOTE_ADDR="203.0.113.9")
    records = [r for r in caplog.records if r.name == "trialfinder.security"]
    messages = [r.getMessage() for r in records]
    assert "login failed user=nurse ip=203.0.113.9" in messages
    assert "login succeeded user=nurse ip=203.0.113.9" in messages
    assert [r.levelname for r in records if "failed" in r.getMessage()] == ["WARNING"]
    everything = caplog.text
    assert "Wr0ng-Secret!" not in everything
    assert PASSWORD not in everything


def test_staff_sessions_expire_after_the_idle_timeout(client, nurse, settings, monkeypatch):
    settings.STAFF_IDLE_TIMEOUT = 900
    assert _login(client, "nurse", PASSWORD).status_code == 302
    assert client.session.get_expiry_age() == 900
    stored = Session.objects.get().expire_date

    # Pages within a minute of the login (which saved the session) leave it alone...
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("staff:lookup"))
        assert response.status_code == 200
        assert settings.SESSION_COOKIE_NAME not in response.cookies
        assert not [q for q in queries if "UPDATE" in q["sql"] and "django_session" in q["sql"]]

    # ...and the first page after that minute re-sends the cookie and saves the session,
    # so the 15 minutes start again.
    later = time.time() + security.SESSION_REFRESH_SECONDS
    monkeypatch.setattr(security.time, "time", lambda: later)
    response = client.get(reverse("staff:lookup"))
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 900
    assert Session.objects.get().expire_date >= stored


def test_an_idle_staff_session_is_signed_out(client, nurse, settings):
    settings.STAFF_IDLE_TIMEOUT = 900
    assert _login(client, "nurse", PASSWORD).status_code == 302
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("staff:lookup"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_non_staff_sessions_keep_the_normal_age(client, django_user_model, settings):
    user = django_user_model.objects.create_user("patient", "p@example.com", PASSWORD)
    client.force_login(user)
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE
    assert settings.SESSION_COOKIE_AGE <= 24 * 60 * 60


def test_the_admin_address_is_configurable_and_staff_pages_follow_it():
    root = Path(__file__).resolve().parent.parent
    code = (
        "import django; django.setup();"
        "from django.test import Client; from django.urls import reverse;"
        "r = Client().get('/staff/lookup/');"
        "print(reverse('admin:login'), r.status_code, r['Location'], Client().get('/admin/').status_code)"
    )
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "trialfinder.settings",
        "SECRET_KEY": "test-only-secret-key",
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "false",
        "ADMIN_URL": "backstage-7f3a/",
        "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    login, status, location, old_admin = result.stdout.split()[-4:]
    assert login == "/backstage-7f3a/login/"
    assert status == "302"
    assert location.startswith("/backstage-7f3a/login/?next=/staff/lookup/")
    assert old_admin == "404"
