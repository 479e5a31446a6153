"""Optional two-step sign-in for staff: the code of an authenticator app (TOTP) at login,
sessions that never gave one, STAFF_REQUIRE_2FA, and the set-up page."""

from __future__ import annotations

import base64
import logging
import re

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "correct horse battery staple"
SETUP = reverse("staff:two_factor")


@pytest.fixture
def nurse(django_user_model):
    return django_user_model.objects.create_user("nurse", "n@example.com", PASSWORD, is_staff=True)


@pytest.fixture
def app(nurse) -> TOTPDevice:
    """The nurse's confirmed authenticator app."""
    return TOTPDevice.objects.create(user=nurse, name="Authenticator app", confirmed=True)


@pytest.fixture
def no_throttle(settings):
    # django-otp makes a code straight after a wrong one wait; these tests do not.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def code(device: TOTPDevice) -> str:
    device.refresh_from_db()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def wrong_code(device: TOTPDevice) -> str:
    return f"{(int(code(device)) + 500_000) % 1_000_000:06d}"


def _login(client, otp_token: str | None = None, password: str = PASSWORD, **extra):
    data = {"username": "nurse", "password": password, "next": reverse("admin:index")}
    if otp_token is not None:
        data["otp_token"] = otp_token
    return client.post(reverse("admin:login"), data, **extra)


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


# --- Login -------------------------------------------------------------------------------


def test_the_login_page_has_an_accessible_authentication_code_field(client, db):
    html = client.get(reverse("admin:login")).content.decode()
    assert '<label for="id_otp_token">Authentication code:</label>' in html
    field = re.search(r"<input[^>]*name=\"otp_token\"[^>]*>", html).group(0)
    assert 'aria-describedby="id_otp_token_helptext"' in field
    assert 'autocomplete="one-time-code"' in field
    assert 'id="id_otp_token_helptext"' in html


def test_staff_without_an_app_sign_in_with_their_password_alone(client, nurse):
    response = _login(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert client.get(reverse("staff:lookup")).status_code == 200


def test_staff_with_an_app_cannot_sign_in_without_its_code(client, app, caplog):
    with caplog.at_level(logging.INFO, logger="trialfinder.security"):
        response = _login(client, REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 200
    assert not _signed_in(client)
    html = response.content.decode()
    assert "Enter the 6-digit code from your authenticator app." in html
    # The message is tied to the field for screen readers.
    field = re.search(r"<input[^>]*name=\"otp_token\"[^>]*>", html).group(0)
    assert 'aria-describedby="id_otp_token_helptext id_otp_token_error"' in field
    assert 'aria-invalid="true"' in field
    assert 'id="id_otp_token_error"' in html
    assert "login failed user=nurse ip=203.0.113.9" in caplog.messages
    assert AccessAttempt.objects.get(username="nurse").failures_since_start == 1


def test_a_wrong_code_is_refused_logged_and_counted_without_storing_the_code(client, app, caplog):
    wrong = wrong_code(app)
    with caplog.at_level(logging.INFO, logger="trialfinder.security"):
        response = _login(client, wrong, REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 200
    assert not _signed_in(client)
    assert "That code is not right" in response.content.decode()
    assert "login failed user=nurse ip=203.0.113.9" in caplog.messages
    attempt = AccessAttempt.objects.get(username="nurse")
    assert attempt.failures_since_start == 1
    assert "otp_token=****" in attempt.post_data
    assert wrong not in attempt.post_data
    assert wrong not in caplog.text


def test_repeated_wrong_codes_lock_the_account_like_wrong_passwords(client, app, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _login(client, wrong_code(app)).status_code == 200
    assert _login(client, wrong_code(app)).status_code == 429
    # Even the right password and code are refused while locked.
    assert _login(client, code(app)).status_code == 429
    assert not _signed_in(client)


def test_the_right_code_signs_in_and_the_session_remembers_it(client, app, caplog):
    with caplog.at_level(logging.INFO, logger="trialfinder.security"):
        response = _login(client, code(app), REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert client.session[DEVICE_ID_SESSION_KEY] == app.persistent_id
    assert "login succeeded user=nurse ip=203.0.113.9" in caplog.messages
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("staff:lookup")).status_code == 200


def test_the_code_may_be_typed_with_a_space(client, app):
    right = code(app)
    assert _login(client, f"{right[:3]} {right[3:]}").status_code == 302


def test_a_code_works_only_once(client, app):
    right = code(app)
    assert _login(client, right).status_code == 302
    client.logout()
    response = _login(client, right)
    assert response.status_code == 200
    assert not _signed_in(client)


def test_a_wrong_password_with_the_right_code_is_still_refused(client, app):
    response = _login(client, code(app), password="wrong")
    assert response.status_code == 200
    assert not _signed_in(client)


# --- Sessions that never gave a code ---------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        reverse("admin:index"),
        reverse("admin:trials_trial_changelist"),
        reverse("staff:lookup"),
        reverse("staff:dashboard"),
        SETUP,
    ],
)
def test_a_session_without_the_code_cannot_use_admin_or_staff_pages(client, app, url):
    # Signed in some other way than the login form (or before the app was set up).
    client.force_login(app.user)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert not _signed_in(client)
    page = client.get(response["Location"]).content.decode()
    assert "Sign in again with the code from your authenticator app." in page


def test_setting_up_an_app_in_one_browser_signs_out_the_others(
    nurse_client, django_user_model, no_throttle
):
    # nurse_client's session predates the app that another browser sets up.
    other = Client()
    other.force_login(django_user_model.objects.get(username="nurse"))
    other.get(SETUP)
    pending = TOTPDevice.objects.get(user__username="nurse")
    assert other.post(SETUP, {"code": code(pending)}).status_code == 302
    assert other.get(reverse("staff:lookup")).status_code == 200
    assert nurse_client.get(reverse("staff:lookup")).status_code == 302
    assert not _signed_in(nurse_client)


def test_public_pages_do_not_care_about_the_code(client, app, trial):
    client.force_login(app.user)
    assert client.get(trial.get_absolute_url()).status_code == 200
    assert _signed_in(client)


# --- STAFF_REQUIRE_2FA -----------------------------------------------------------------


def test_staff_without_an_app_are_not_sent_to_set_one_up_by_default(nurse_client, settings):
    assert settings.STAFF_REQUIRE_2FA is False
    assert nurse_client.get(reverse("staff:lookup")).status_code == 200


def test_when_required_staff_without_an_app_must_set_one_up_first(nurse_client, settings):
    settings.STAFF_REQUIRE_2FA = True
    for url in (reverse("staff:lookup"), reverse("admin:index"), reverse("staff:dashboard")):
        response = nurse_client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == SETUP
    page = nurse_client.get(SETUP)
    assert page.status_code == 200
    assert "You need to set up two-step sign-in" in page.content.decode()
    # Signing out still works.
    assert nurse_client.post(reverse("admin:logout")).status_code == 200
    assert not _signed_in(nurse_client)


def test_when_required_a_new_login_goes_to_set_up_then_on(client, nurse, settings):
    settings.STAFF_REQUIRE_2FA = True
    assert _login(client).status_code == 302
    assert client.get(reverse("admin:index"))["Location"] == SETUP
    client.get(SETUP)
    pending = TOTPDevice.objects.get(user=nurse, confirmed=False)
    assert client.post(SETUP, {"code": code(pending)}).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("staff:lookup")).status_code == 200


# --- The set-up page -------------------------------------------------------------------


def test_the_set_up_page_shows_a_qr_code_and_the_key_to_type(nurse_client):
    response = nurse_client.get(SETUP)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]  # the key stays out of caches
    html = response.content.decode()
    pending = TOTPDevice.objects.get(user__username="nurse")
    assert pending.confirmed is False
    assert re.search(r'<svg role="img"[^>]*class="qr-code"[^>]*><title>QR code', html)
    key = base64.b32encode(pending.bin_key).decode().rstrip("=")
    shown = re.search(r'<p class="secret-key"><code>([A-Z2-7 ]+)</code>', html).group(1)
    assert shown.replace(" ", "") == key
    assert "issuer=Trial%20finder" in pending.config_url
    # Coming back shows the same key until it is confirmed.
    nurse_client.get(SETUP)
    assert TOTPDevice.objects.get(user__username="nurse").key == pending.key


def test_the_set_up_page_has_no_inline_script_or_style(nurse_client):
    response = nurse_client.get(SETUP)
    html = response.content.decode()
    assert "<svg" in html
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html, re.IGNORECASE) == []
    assert re.findall(r"<style\b|\sstyle=|\son[a-z]+=", html, re.IGNORECASE) == []
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_a_new_app_works_only_after_a_code_from_it_is_accepted(client, nurse, no_throttle):
    client.force_login(nurse)
    client.get(SETUP)
    pending = TOTPDevice.objects.get(user=nurse)
    # An unconfirmed app is not asked for at login.
    assert _login(client).status_code == 302

    response = client.post(SETUP, {"code": wrong_code(pending)})
    assert response.status_code == 400
    html = response.content.decode()
    assert "That code is not right" in html
    assert 'aria-describedby="id_code_helptext id_code_error"' in html
    assert 'id="id_code_error"' in html
    assert '<a href="#id_code">' in html  # the error summary
    pending.refresh_from_db()
    assert pending.confirmed is False

    response = client.post(SETUP, {"code": code(pending)})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.confirmed is True
    # This session gave the code, so it carries on; the next login needs one.
    assert "Two-step sign-in is on" in client.get(SETUP).content.decode()
    client.logout()
    assert _login(client).status_code == 200
    assert not _signed_in(client)


def test_an_empty_code_is_explained(nurse_client):
    response = nurse_client.post(SETUP, {"code": ""})
    assert response.status_code == 400
    assert "Enter the code from your authenticator app." in response.content.decode()


def test_a_right_code_straight_after_a_wrong_one_has_to_wait(nurse_client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60  # a minute's wait after a wrong code
    nurse_client.get(SETUP)
    pending = TOTPDevice.objects.get(user__username="nurse")
    nurse_client.post(SETUP, {"code": wrong_code(pending)})
    response = nurse_client.post(SETUP, {"code": code(pending)})
    assert response.status_code == 400
    assert "Too many wrong codes" in response.content.decode()


def test_removing_the_app_needs_a_current_code(client, app, no_throttle):
    assert _login(client, code(app)).status_code == 302
    page = client.get(SETUP).content.decode()
    assert "Remove authenticator app" in page

    response = client.post(SETUP, {"code": wrong_code(app)})
    assert response.status_code == 400
    assert TOTPDevice.objects.filter(pk=app.pk).exists()

    # The login used the current code, which works once only; the next one is accepted.
    app.refresh_from_db()
    next_code = f"{totp(app.bin_key, app.step, app.t0, app.digits, app.drift + 1):06d}"
    response = client.post(SETUP, {"code": next_code})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=app.user).exists()
    assert DEVICE_ID_SESSION_KEY not in client.session
    assert client.get(reverse("staff:lookup")).status_code == 200
    client.logout()
    assert _login(client).status_code == 302


def test_only_signed_in_staff_can_use_the_set_up_page(client, django_user_model):
    response = client.get(SETUP)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    patient = django_user_model.objects.create_user("patient", "p@example.com", "pw")
    client.force_login(patient)
    assert client.get(SETUP).status_code == 403
    assert not TOTPDevice.objects.exists()


def test_the_admin_links_to_two_step_sign_in(staff_client):
    html = staff_client.get(reverse("admin:index")).content.decode()
    assert f'<a href="{SETUP}">Two-step sign-in</a>' in html


def test_a_superuser_can_remove_a_lost_phones_app_without_seeing_its_key(staff_client, app):
    change = reverse("admin:otp_totp_totpdevice_change", args=[app.pk])
    response = staff_client.get(change)
    assert response.status_code == 200
    assert app.key not in response.content.decode()
    delete = reverse("admin:otp_totp_totpdevice_delete", args=[app.pk])
    assert staff_client.post(delete, {"post": "yes"}).status_code == 302
    assert not TOTPDevice.objects.filter(user=app.user).exists()
