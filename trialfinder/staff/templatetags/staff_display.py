"""Display helpers for the nurse screens."""

from __future__ import annotations

from django import template

from trialfinder.trials import sheet

register = template.Library()


@register.filter
def main_id(trial) -> str:
    """The ID a nurse reads out: the NCT number, else the first other ID. Uses the
    prefetched identifiers, so it costs no query."""
    return sheet.main_identifier(trial.identifiers.all())


@register.filter
def ids_nct_first(trial) -> list:
    return sheet.identifiers_nct_first(trial.identifiers.all())


@register.filter
def tel(phone: str) -> str:
    """A phone number as a tel: link target: digits and a leading plus only."""
    return "".join(ch for ch in phone if ch.isdigit() or ch == "+")
