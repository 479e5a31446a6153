"""A <select> rendered in Python. Django renders each <option> through its own template,
which costs more than the whole rest of the results page for the ~150 areas and cancer
types; this renders the same markup directly."""

from __future__ import annotations

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe


class FastSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        selected = "" if value is None else str(value)
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        parts = []
        for group, options, _index in self.optgroups(name, [selected], final_attrs):
            rendered = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                (
                    (o["value"], mark_safe(" selected") if o["selected"] else "", o["label"])
                    for o in options
                ),
            )
            if group:
                parts.append(format_html('<optgroup label="{}">{}</optgroup>', group, rendered))
            else:
                parts.append(rendered)
        return format_html("<select{}>{}</select>", flatatt(final_attrs), mark_safe("".join(parts)))
