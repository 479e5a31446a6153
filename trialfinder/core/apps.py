from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Cross-cutting security and reliability wiring (issue 9): middleware, the health
    check, the replica router, the login audit log and two-step sign-in for staff
    (twofactor.py). No models."""

    name = "trialfinder.core"
    label = "core"

    def ready(self) -> None:
        from django.contrib import admin

        from trialfinder.core import security  # noqa: F401  (connects the login signals)
        from trialfinder.core.twofactor import AdminLoginForm

        # Staff sign in on the admin login form; this one also asks for the code of
        # their authenticator app when they have one.
        admin.site.login_form = AdminLoginForm
