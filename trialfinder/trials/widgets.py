"""Search form controls rendered in Python. Django renders each <option> through its own
template, which cost more than the whole rest of the results page for the ~150 areas
and cancer types, and each <input> through two; these render the same markup directly."""

from __future__ import annotations

from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

# Rendered selects by (choices key, selected value, language, attributes). The keys are
# few: a handful of fixed lists, and the two trees, whose key changes when an editor
# changes one. Cleared when full rather than tracked, since refilling it is cheap.
_rendered: dict[tuple, str] = {}
_MAX_RENDERED = 4096


class FastSelect(forms.Select):
    """`choices_key`, when set, names the choices (and their version): options are then
    rendered once per process for each selected value, without reading the choices."""

    choices_key: tuple | None = None

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        selected = "" if value is None else str(value)
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        key = None
        if self.choices_key:
            key = (self.choices_key, selected, get_language(), tuple(final_attrs.items()))
        html = _rendered.get(key) if key else None
        if html is None:
            options = _options(_frozen(self.choices), selected)
            html = f"<select{flatatt(final_attrs)}>{options}</select>"
            if key:
                if len(_rendered) >= _MAX_RENDERED:
                    _rendered.clear()
                _rendered[key] = html
        return mark_safe(html)  # noqa: S308 - flatatt and _options escape every value


def _frozen(choices) -> tuple:
    """Choices as plain strings; option groups are (group label, choices)."""
    return tuple(
        (str(value), _frozen(label))
        if isinstance(label, (list, tuple))
        else ("" if value is None else str(value), str(label))
        for value, label in choices
    )


def _options(choices: tuple, selected: str) -> str:
    parts = []
    for value, label in choices:
        if isinstance(label, tuple):
            parts.append(
                f'<optgroup label="{escape(value)}">{_options(label, selected)}</optgroup>'
            )
        else:
            mark = " selected" if value == selected else ""
            parts.append(f'<option value="{escape(value)}"{mark}>{escape(label)}</option>')
    return "".join(parts)


class FastNumberInput(forms.NumberInput):
    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        # The same markup as django/forms/widgets/input.html: type, name, value, attrs.
        first = {"type": self.input_type, "name": name}
        formatted = self.format_value(value)
        if formatted is not None:
            first["value"] = formatted
        final_attrs = {**first, **self.build_attrs(self.attrs, attrs)}
        return mark_safe(f"<input{flatatt(final_attrs)}>")  # noqa: S308
