"""Help for editors writing plain-language trial pages: which glossary terms a text uses,
and which hard words it uses that the glossary does not explain."""

from __future__ import annotations

import re
from typing import Any

from django.contrib import admin
from django.core.cache import cache
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from trialfinder.glossary.marking import get_matcher, glossary_version
from trialfinder.glossary.models import GlossaryTerm

PLAIN_LANGUAGE_FIELDS = (
    "summary",
    "more_about",
    "who_can_join",
    "what_is_involved",
    "results_summary",
)
LONG_WORD = 12
MANY_SYLLABLES = 3

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")

# Everyday words of three or more syllables that a reader of 11 knows; they are not hard.
_COMMON_WORDS = """
    about above across after again against also although always another anyone anything
    anywhere area because before being between body cannot company completely condition
    conditions continue daily different difficult doctor doctors during easily every
    everyday everyone everything family feeling finally following general happening
    hospital hospitals however important information interested medicine medicines
    family families nobody normal normally number numbers often okay open other people
    possible possibly probably problem problems quality really regular regularly
    remember several similar special study studies telephone therapy today together
    tomorrow treatment treatments understand usually various video whatever whenever
    yesterday anybody already animal another benefit benefits company computer customer
    energy example however library medical natural period personal physical position
    possibility quantity recovery society
"""
COMMON_WORDS = frozenset(_COMMON_WORDS.split())


def syllables(word: str) -> int:
    """A rough count: vowel groups, less a silent final 'e'. Good enough to flag words."""
    word = word.lower().strip("'-")
    count = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    return max(count, 1)


def _nci_words() -> frozenset[str]:
    """Single words from imported NCI term names: medical words, though not all have an
    entry of their own (e.g. 'carcinoma' from 'basal cell carcinoma')."""
    key = f"glossary:nci-words:{glossary_version()}"
    words = cache.get(key)
    if words is None:
        names = GlossaryTerm.objects.filter(source=GlossaryTerm.Source.NCI).values_list(
            "term", flat=True
        )
        words = frozenset(w.lower() for name in names for w in _WORD.findall(name) if len(w) > 3)
        cache.set(key, words, 60 * 60)
    return words


def is_hard(word: str, nci_words: frozenset[str] = frozenset()) -> bool:
    lower = word.lower()
    if lower in COMMON_WORDS:
        return False
    return len(lower) >= LONG_WORD or syllables(lower) >= MANY_SYLLABLES or lower in nci_words


def glossary_report(text: str) -> dict[str, list[Any]]:
    """{"terms": glossary terms the text uses (GlossaryTerm objects, in order of first use),
    "hard_words": hard words outside those terms that have no glossary entry}."""
    text = text or ""
    matcher = get_matcher()
    slugs: list[str] = []
    covered: list[tuple[int, int]] = []
    for match in matcher.finditer(text):
        covered.append((match.start, match.end))
        if match.entry.slug not in slugs:
            slugs.append(match.entry.slug)
    nci_words = _nci_words()
    hard_words: list[str] = []
    seen: set[str] = set()
    for m in _WORD.finditer(text):
        word = m.group()
        if any(start <= m.start() < end for start, end in covered) or word.lower() in seen:
            continue
        seen.add(word.lower())
        if matcher.lookup(word) is None and is_hard(word, nci_words):
            hard_words.append(word)
    by_slug = GlossaryTerm.objects.in_bulk(slugs, field_name="slug") if slugs else {}
    return {"terms": [by_slug[s] for s in slugs if s in by_slug], "hard_words": hard_words}


class GlossaryHelpMixin:
    """Adds a read-only "Glossary help" box to a ModelAdmin for Trial. If the admin sets
    `fields` or `fieldsets`, add "glossary_help" to them."""

    glossary_help_fields: tuple[str, ...] = PLAIN_LANGUAGE_FIELDS

    def field_help_extra(self, obj: Any, name: str, text: str) -> str:
        """More help for one field (e.g. readability), shown under its heading."""
        return ""

    def get_readonly_fields(self, request: Any, obj: Any = None) -> tuple[str, ...]:
        fields = tuple(super().get_readonly_fields(request, obj))  # type: ignore[misc]
        return fields if "glossary_help" in fields else (*fields, "glossary_help")

    @admin.display(description=_("Glossary help"))
    def glossary_help(self, obj: Any) -> SafeString:
        if obj is None or obj.pk is None:
            return format_html("<p>{}</p>", gettext("Save the page to see glossary help."))
        sections = []
        for name in self.glossary_help_fields:
            text = getattr(obj, name, "") or ""
            if not text.strip():
                continue
            report = glossary_report(text)
            label = obj._meta.get_field(name).verbose_name
            terms = format_html_join(
                ", ",
                '<a href="{}">{}</a>',
                (
                    (reverse("admin:glossary_glossaryterm_change", args=[t.pk]), t.term)
                    for t in report["terms"]
                ),
            ) or gettext("none")
            hard = ", ".join(report["hard_words"]) or gettext("none")
            sections.append(
                format_html(
                    "<h4>{}</h4>{}<p>{} {}</p><p>{} {}</p>",
                    label.capitalize(),
                    self.field_help_extra(obj, name, text),
                    gettext("Glossary terms:"),
                    terms,
                    gettext("Hard words with no glossary entry:"),
                    hard,
                )
            )
        if not sections:
            return format_html("<p>{}</p>", gettext("No plain-language text yet."))
        return format_html_join("", "{}", ((s,) for s in sections))
