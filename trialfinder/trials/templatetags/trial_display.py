"""Display formatting for trials, kept out of views and templates."""

from __future__ import annotations

from urllib.parse import urlencode

from django import template
from django.template.loader import render_to_string
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from trialfinder.text import render_markdown

register = template.Library()


def _age(months: int) -> str:
    if months % 12 == 0 or months >= 24:
        years = months // 12
        return ngettext("%(n)d year", "%(n)d years", years) % {"n": years}
    return ngettext("%(n)d month", "%(n)d months", months) % {"n": months}


@register.filter
def age_range(trial) -> str:
    """'10 years and over', '18 to 70 years', 'Up to 17 years', 'No age limits given'."""
    low = trial.min_age_months or None
    high = trial.max_age_months
    if low is None and high is None:
        return _("No age limits given")
    if high is None:
        return _("%(age)s and over") % {"age": _age(low)}
    if low is None:
        return _("Up to %(age)s") % {"age": _age(high)}
    if low % 12 == 0 and high % 12 == 0 and low != high:
        return _("%(low)d to %(high)s") % {"low": low // 12, "high": _age(high)}
    return _("%(low)s to %(high)s") % {"low": _age(low), "high": _age(high)}


@register.filter
def markdown(text: str) -> SafeString:
    # render_markdown escapes raw HTML and sanitises the result with nh3.
    return mark_safe(render_markdown(text))  # noqa: S308


@register.filter
def sex_in_words(sex: str) -> str:
    return {"FEMALE": _("Women only"), "MALE": _("Men only")}.get(sex, _("Men and women"))


@register.simple_tag(takes_context=True)
def query_without(context, *names: str) -> str:
    """The current query string without the given parameters (and without page)."""
    params = context["request"].GET.copy()
    for name in (*names, "page"):
        params.pop(name, None)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def query_with_value(context, name: str, value) -> str:
    """The current query string with one parameter set (for facet links). A results page
    has dozens of these, mostly for the same few parameters: the rest of the query
    string is encoded once per parameter and request, not once per link."""
    request = context["request"]
    around = getattr(request, "_query_around", None)
    if around is None:
        around = request._query_around = {}
    if name not in around:
        around[name] = _encoded_around(request, name)
    before, after = around[name]
    return f"?{before}{urlencode([(name, str(value))])}{after}"


def _encoded_around(request, name: str) -> tuple[str, str]:
    """The query string without `page`, split where `name` goes: in the place of its
    first value (as QueryDict does), or at the end. Each part ready to join with '&'."""
    pairs = [(key, v) for key, values in request.GET.lists() for v in values if key != "page"]
    keys = [key for key, _v in pairs]
    at = keys.index(name) if name in keys else len(pairs)
    before = urlencode([p for p in pairs[:at] if p[0] != name])
    after = urlencode([p for p in pairs[at:] if p[0] != name])
    return (f"{before}&" if before else ""), (f"&{after}" if after else "")


@register.simple_tag
def search_field(field) -> SafeString:
    """One labelled control of the search form, with its errors. Built here, not in an
    included template, because the form has eight of them on every results page."""
    errors = render_to_string("trials/_field_errors.html", {"field": field}) if field.errors else ""
    return format_html(
        '<div class="field{}">\n  <label for="{}">{}</label>\n  {}{}\n</div>',
        " field--error" if field.errors else "",
        field.id_for_label,
        field.label,
        errors,
        field.as_widget(),
    )


# The two tags below build repeated markup in Python, each value through
# conditional_escape: format_html took 8 µs a call, and a results page made about 160.


@register.simple_tag(takes_context=True)
def facet_choices(context, name: str, choices) -> SafeString:
    """A facet's choices: each a link that sets it, with the number of results it would
    give, or the chosen one marked as current. Built here rather than in template
    markup, as a results page has up to a hundred of these."""
    items = []
    for choice in choices:
        label, count = conditional_escape(choice.label), choice.count
        if choice.selected:
            items.append(f'<li><strong aria-current="true">{label} ({count})</strong></li>')
        else:
            href = conditional_escape(query_with_value(context, name, choice.value))
            items.append(
                f'<li><a href="{href}">{label} <span class="count">({count})</span></a></li>'
            )
    return mark_safe("\n".join(items))  # noqa: S308 - every value is escaped


@register.simple_tag
def why_matched(why) -> SafeString:
    """A result card's snippet and the reasons it matched. Built here rather than in
    the card's markup: a page has twenty cards, and their template loops cost more
    than everything else on the card."""
    if not why:
        return mark_safe("")
    parts = []
    if why.snippet:
        parts.append(f'<p class="snippet">{conditional_escape(why.snippet)}</p>')
    if why.reasons:
        label = conditional_escape(_("Why this matched:"))
        items = "".join(f"<li>{conditional_escape(reason)}</li>" for reason in why.reasons)
        parts.append(
            f'<div class="why"><span class="why-label">{label}</span>\n<ul>{items}</ul>\n</div>'
        )
    return mark_safe("\n".join(parts))  # noqa: S308 - every value is escaped
