"""Optional two-step sign-in for staff: a 6-digit code from an authenticator app (TOTP,
django-otp) as well as the password.

- Staff who have set up an app (/staff/two-factor/) give its code on the admin login
  form. A missing or wrong code is a failed login: django-axes counts it towards the
  lockout and the login log records it.
- A signed-in session that gave no code while its user has an app counts as signed out
  on admin and staff pages (it predates the app, or came in some other way).
- STAFF_REQUIRE_2FA: staff without an app are sent to set one up before any admin or
  staff page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import logout
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from trialfinder.core.security import client_ip

log = logging.getLogger("trialfinder.security")

DEVICE_NAME = "Authenticator app"
SETUP_VIEW = "staff:two_factor"
# URL namespaces of the pages only staff may use.
STAFF_NAMESPACES = frozenset({"admin", "staff"})
# What staff who must still set up an app can reach: the setup page, signing in and out.
SETUP_EXEMPT = frozenset({SETUP_VIEW, "admin:login", "admin:logout"})


def confirmed_device(user) -> TOTPDevice | None:
    """The user's authenticator app once they have confirmed it with a code."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def code_problem(user, device: TOTPDevice, code: str) -> str:
    """ "" when `code` is the device's current code, otherwise what to tell the user.
    A code works once only, and each wrong one makes the next try wait longer
    (django-otp's throttling)."""
    code = "".join(code.split())  # "123 456" as some apps show it
    if not code:
        return _("Enter the 6-digit code from your authenticator app.")
    if not (code.isdigit() and len(code) == device.digits):
        return _("The code is 6 numbers, for example 123456.")
    if not device.verify_is_allowed()[0]:
        return _("Too many wrong codes. Wait a minute, then enter the newest code.")
    # Locks the device row while checking, so one code cannot be used twice at once.
    if verify_token(user, device.persistent_id, code) is None:
        return _(
            "That code is not right. Enter the code your authenticator app shows now for this site."
        )
    return ""


class AdminLoginForm(AdminAuthenticationForm):
    """The admin login form with an "Authentication code" field, which staff who have
    set up an authenticator app must fill in."""

    otp_token = forms.CharField(
        label=gettext_lazy("Authentication code"),
        required=False,
        max_length=20,
        help_text=gettext_lazy(
            "If you have set up two-step sign-in: the 6-digit code your authenticator"
            " app shows now. Otherwise leave it empty."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}
        ),
    )

    def clean(self):
        cleaned = super().clean()  # the password and is_staff; raises when wrong
        user = self.get_user()
        device = confirmed_device(user) if user is not None else None
        if device is not None:
            problem = code_problem(user, device, cleaned.get("otp_token", ""))
            if problem:
                # Counted and logged like a wrong password (axes and core.security
                # listen to this signal); only the username, never the code.
                user_login_failed.send(
                    sender=__name__,
                    credentials={"username": cleaned.get("username", "")},
                    request=self.request,
                )
                raise forms.ValidationError({"otp_token": problem})
            # django_otp's user_logged_in receiver marks the session as verified.
            user.otp_device = device
        return cleaned


class StaffTwoFactorMiddleware:
    """Applies the rules in this module's docstring to admin and staff pages. Comes after
    django_otp.middleware.OTPMiddleware, which sets request.user.is_verified()."""

    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view, args, kwargs) -> HttpResponse | None:
        match = request.resolver_match
        if match is None or not match.namespaces or match.namespaces[0] not in STAFF_NAMESPACES:
            return None
        user = request.user
        if not (user.is_authenticated and user.is_staff) or user.is_verified():
            return None
        if TOTPDevice.objects.devices_for_user(user, confirmed=True).exists():
            log.warning(
                "session without authentication code signed out user=%s ip=%s",
                user.get_username(),
                client_ip(request),
            )
            logout(request)
            messages.warning(request, _("Sign in again with the code from your authenticator app."))
            return None  # the page now sees a signed-out visitor and asks them to sign in
        if settings.STAFF_REQUIRE_2FA and match.view_name not in SETUP_EXEMPT:
            return redirect(SETUP_VIEW)
        return None
