from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Cross-cutting security and reliability wiring (issue 9): middleware, the health
    check, the replica router and the login audit log. No models."""

    name = "trialfinder.core"
    label = "core"

    def ready(self) -> None:
        from trialfinder.core import security  # noqa: F401  (connects the login signals)
