"""A <select> rendered in Python. Django renders each <option> through its own template,
which costs more than the whole rest of the results page for the ~150 areas and cancer
types; this renders the same markup directly."""

from __future__ import annotations

from functools import lru_cache

from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language


class FastSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        selected = "" if value is None else str(value)
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        # The long lists (areas, cancer types) are the same on every page but for the
        # selected option: rendered once per process for each choice.
        options = _options(_frozen(self.choices), selected, get_language())
        return mark_safe(f"<select{flatatt(final_attrs)}>{options}</select>")  # noqa: S308


def _frozen(choices) -> tuple:
    """Choices as a hashable key; option groups are (group label, choices)."""
    return tuple(
        (str(value), _frozen(label))
        if isinstance(label, (list, tuple))
        else ("" if value is None else str(value), str(label))
        for value, label in choices
    )


@lru_cache(maxsize=1024)
def _options(choices: tuple, selected: str, language: str) -> str:
    parts = []
    for value, label in choices:
        if isinstance(label, tuple):
            parts.append(
                f'<optgroup label="{escape(value)}">{_options(label, selected, language)}</optgroup>'
            )
        else:
            mark = " selected" if value == selected else ""
            parts.append(f'<option value="{escape(value)}"{mark}>{escape(label)}</option>')
    return "".join(parts)
