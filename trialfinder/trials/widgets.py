"""A <select> rendered in Python. Django renders each <option> through its own template,
which costs more than the whole rest of the results page for the ~150 areas and cancer
types; this renders the same markup directly."""

from __future__ import annotations

from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


class FastSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        selected = "" if value is None else str(value)
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        parts = []
        for group, options, _index in self.optgroups(name, [selected], final_attrs):
            rendered = "".join(
                f'<option value="{escape(o["value"])}"'
                f"{' selected' if o['selected'] else ''}>{escape(o['label'])}</option>"
                for o in options
            )
            if group:
                parts.append(f'<optgroup label="{escape(group)}">{rendered}</optgroup>')
            else:
                parts.append(rendered)
        return mark_safe(f"<select{flatatt(final_attrs)}>{''.join(parts)}</select>")  # noqa: S308
