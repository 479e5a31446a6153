"""The signed-in staff member's two-step sign-in: set up an authenticator app by scanning
a QR code and confirming a code from it, or remove it (with a current code).

The rules that use the app at login live in trialfinder/core/twofactor.py. One app per
person: a key waits unconfirmed, and inactive, until the person has proved with a code
that their app has it.
"""

from __future__ import annotations

import base64
import logging

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from trialfinder.core.security import client_ip
from trialfinder.core.twofactor import DEVICE_NAME, code_problem, confirmed_device
from trialfinder.staff.views import staff_required

log = logging.getLogger("trialfinder.security")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Authentication code"),
        max_length=20,
        help_text=gettext_lazy("The 6 numbers your authenticator app shows now."),
        error_messages={"required": gettext_lazy("Enter the code from your authenticator app.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}
        ),
    )


def _qr_svg(device: TOTPDevice) -> str:
    """The app's set-up address as an inline SVG QR code: plain paths, no script or style."""
    qr = segno.make(device.config_url, error="m")
    svg = qr.svg_inline(
        scale=4,
        light="#fff",  # scanners need the light border, whatever the page background
        title=_("QR code to scan with your authenticator app"),
        svgclass="qr-code",
        lineclass=None,
    )
    return svg.replace("<svg ", '<svg role="img" ', 1)


def _manual_key(device: TOTPDevice) -> str:
    """The secret as authenticator apps ask for it: base32, in groups of four."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


@require_http_methods(["GET", "POST"])
@staff_required
def two_factor(request: HttpRequest) -> HttpResponse:
    device = confirmed_device(request.user)
    if device is not None:
        return _remove(request, device)
    return _set_up(request)


def _set_up(request: HttpRequest) -> HttpResponse:
    user = request.user
    pending = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if pending is None:
        pending = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if problem := code_problem(user, pending, form.cleaned_data["code"]):
            form.add_error("code", problem)
        else:
            pending.confirmed = True
            pending.save(update_fields=["confirmed"])
            TOTPDevice.objects.devices_for_user(user, confirmed=False).delete()
            # This session has just given a code: it stays signed in.
            otp_login(request, pending)
            log.info(
                "two-step sign-in set up user=%s ip=%s", user.get_username(), client_ip(request)
            )
            messages.success(
                request, _("Two-step sign-in is on. Use your app's code each time you sign in.")
            )
            return redirect("staff:two_factor")
    ctx = {
        "form": form,
        # Safe: segno's markup holds only path data and our own title.
        "qr_svg": mark_safe(_qr_svg(pending)),
        "manual_key": _manual_key(pending),
        "required": settings.STAFF_REQUIRE_2FA,
    }
    return render(request, "staff/two_factor.html", ctx, status=400 if form.errors else 200)


def _remove(request: HttpRequest, device: TOTPDevice) -> HttpResponse:
    user = request.user
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if problem := code_problem(user, device, form.cleaned_data["code"]):
            form.add_error("code", problem)
        else:
            TOTPDevice.objects.devices_for_user(user).delete()
            request.session.pop(DEVICE_ID_SESSION_KEY, None)
            log.info(
                "two-step sign-in removed user=%s ip=%s", user.get_username(), client_ip(request)
            )
            messages.success(request, _("Your authenticator app has been removed."))
            return redirect("staff:two_factor")
    ctx = {"form": form, "device": device, "required": settings.STAFF_REQUIRE_2FA}
    return render(request, "staff/two_factor.html", ctx, status=400 if form.errors else 200)
