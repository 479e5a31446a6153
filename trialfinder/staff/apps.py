from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    """Nurse call mode: lookup, phone sheet and compare. No models: nothing about a
    caller is ever stored."""

    name = "trialfinder.staff"
    verbose_name = _("Staff tools")
