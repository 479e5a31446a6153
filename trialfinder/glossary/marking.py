"""Marks glossary terms in sanitised HTML: each first mention on a page becomes a link to
the term's page, followed by a hidden definition that glossary.js turns into a pop-up.

The matcher (one regular expression over every term and variant, longest first) is built
once per process and rebuilt when the glossary version in the cache changes; saving or
deleting a GlossaryTerm bumps that version (see signals.py), and so do the importers.
"""

from __future__ import annotations

import hashlib
import re
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from django.core.cache import cache
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext

from trialfinder.core.caching import bump_content_version

VERSION_KEY = "glossary:version"
RESULT_TIMEOUT = 60 * 60 * 24

# Text inside these is never marked: a link inside a link is invalid, headings should read
# cleanly, and code is code.
SKIP_TAGS = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style", "button"}
SKIP_CLASSES = {"glossary", "glossary-term", "glossary-def"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"}
POPOVER_MAX_CHARS = 300

_TAG_NAME = re.compile(r"^[a-z][a-z0-9]*$")
_ATTR_NAME = re.compile(r"^[a-z_:][-a-z0-9_:.]*$")


@dataclass(frozen=True)
class Entry:
    pk: int
    slug: str
    term: str
    definition: str
    source: str


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    text: str
    entry: Entry


class Matcher:
    def __init__(self, entries: dict[str, Entry], case_sensitive: dict[str, str]) -> None:
        self.entries = entries
        self.pattern = _compile(entries, case_sensitive)

    def lookup(self, matched: str) -> Entry | None:
        return self.entries.get(normalise(matched))

    def finditer(self, text: str) -> Iterator[Match]:
        """Leftmost, longest, non-overlapping matches."""
        if self.pattern is None:
            return
        for m in self.pattern.finditer(text):
            entry = self.lookup(m.group())
            if entry is not None:
                yield Match(m.start(), m.end(), m.group(), entry)


def normalise(form: str) -> str:
    return " ".join(form.split()).lower()


def is_abbreviation(form: str) -> bool:
    """'CT', 'TKI', 'ALL': matched case-sensitively, or 'all' and 'ct' would be marked."""
    return any(c.isalpha() for c in form) and not any(c.islower() for c in form)


def simple_plurals(form: str) -> list[str]:
    if not form[-1:].isalpha():
        return []
    if is_abbreviation(form):
        return [form + "s"]
    lower = form.lower()
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return [form + "es"]
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        return [form[:-1] + "ies"]
    return [form + "s"]


_END = ""


def _compile(entries: dict[str, Entry], exact: dict[str, str]) -> re.Pattern[str] | None:
    """One regular expression for every form, shaped as a trie ("tumo(?:ur|r)s?") rather
    than a flat list: with thousands of imported terms a flat alternation is tried branch
    by branch at every word and marks a page several times slower. At each letter the
    longer continuation is tried first, so the longest form wins ("soft tissue sarcoma"
    over "sarcoma"); the trailing word-boundary check makes it back off to a shorter form
    when the longer one does not fit."""
    if not entries:
        return None
    trie: dict = {}
    for form in entries:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        # Abbreviations must match their exact case, checked once the letters have matched.
        node[_END] = f"(?<=(?-i:{exact[form]}))" if form in exact else ""
    return re.compile(r"(?<![\w-])" + _trie_pattern(trie) + r"(?![\w-])", re.IGNORECASE)


def _trie_pattern(node: dict) -> str:
    branches = [
        (r"\s+" if ch == " " else re.escape(ch)) + _trie_pattern(child)
        for ch, child in sorted(node.items())
        if ch != _END
    ]
    if _END in node:
        branches.append(node[_END])
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def build_matcher() -> Matcher:
    from trialfinder.glossary.models import GlossaryTerm

    best: dict[str, tuple[tuple[int, int], Entry]] = {}
    exact: dict[str, str] = {}
    rows = GlossaryTerm.objects.filter(mark_in_text=True).values_list(
        "pk", "slug", "term", "definition", "variants", "source"
    )
    for pk, slug, term, definition, variants, source in rows:
        entry = Entry(pk, slug, term, definition, source)
        ours = 0 if source == GlossaryTerm.Source.OURS else 1
        names = [term, *(line.strip() for line in variants.splitlines() if line.strip())]
        for i, name in enumerate(names):
            for plural, form in ((0, name), *((1, p) for p in simple_plurals(name))):
                if len(form.strip()) < 2:
                    continue
                key = normalise(form)
                # Our own words beat imported ones; a term's own name beats someone's variant.
                rank = (ours, (i > 0) * 2 + plural)
                if key not in best or rank < best[key][0]:
                    best[key] = (rank, entry)
                    if is_abbreviation(name):
                        # Lookbehinds need a fixed width, so a plain space here.
                        exact[key] = re.escape(" ".join(form.split()))
                    else:
                        exact.pop(key, None)
    return Matcher({key: entry for key, (_, entry) in best.items()}, exact)


# ---- caching ---------------------------------------------------------------------------

_lock = threading.Lock()
_matcher: tuple[str, Matcher] | None = None


def glossary_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        # add() so that processes starting together settle on one version.
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY) or version
    return version


def bump_glossary_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    # Terms are marked in every trial page and listed on the glossary pages.
    bump_content_version()


def get_matcher(version: str | None = None) -> Matcher:
    global _matcher
    version = version or glossary_version()
    current = _matcher
    if current is not None and current[0] == version:
        return current[1]
    with _lock:
        if _matcher is None or _matcher[0] != version:
            # One query and one compile for the whole glossary; fine after each edit.
            _matcher = (version, build_matcher())
        return _matcher[1]


# ---- marking ---------------------------------------------------------------------------


def mark_terms(html: str, seen: set[str] | None = None) -> str:
    """Mark the first mention on the page of each glossary term in sanitised `html`.

    `seen` holds the slugs already marked on this page; share one set across all the
    fields of a page. It is updated in place.
    """
    if seen is None:
        seen = set()
    if not html:
        return html
    version = glossary_version()
    digest = hashlib.sha256(
        "\0".join([version, get_language() or "", html, *sorted(seen)]).encode()
    ).hexdigest()
    key = f"glossary:marked:{digest}"
    cached = cache.get(key)
    if cached is not None:
        output, newly_seen = cached
    else:
        marker = _Marker(get_matcher(version), set(seen))
        output = marker.run(html)
        newly_seen = sorted(marker.seen - seen)
        cache.set(key, (output, newly_seen), RESULT_TIMEOUT)
    seen.update(newly_seen)
    return output


def render_mark(entry: Entry, text: str, number: int, base_url: str) -> str:
    url = escape(f"{base_url}{entry.slug}/")
    slug = escape(entry.slug)
    definition = Truncator(entry.definition).chars(POPOVER_MAX_CHARS)
    more = gettext("More about %(term)s") % {"term": entry.term}
    return (
        f'<span class="glossary">'
        f'<a class="glossary-term" href="{url}" data-term="{slug}">{escape(text)}</a>'
        f'<span class="glossary-def" id="gl-def-{slug}-{number}" hidden>'
        f'<span class="glossary-def-text">{escape(definition)}</span> '
        f'<a class="glossary-more" href="{url}">{escape(more)}</a>'
        f"</span></span>"
    )


class _Marker(HTMLParser):
    """Re-serialises the HTML, marking terms in text nodes only. Everything emitted is
    escaped here, so a definition or text containing markup can only ever show as text."""

    def __init__(self, matcher: Matcher, seen: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.matcher = matcher
        self.seen = seen
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []
        self.skipping = 0
        self.base_url = reverse("glossary:index")

    def run(self, html: str) -> str:
        self.feed(html)
        self.close()
        return "".join(self.out)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not _TAG_NAME.match(tag):
            self.handle_data(self.get_starttag_text() or "")
            return
        self.out.append(_start_tag(tag, attrs))
        if tag in VOID_TAGS:
            return
        classes = set((dict(attrs).get("class") or "").split())
        skip = tag in SKIP_TAGS or bool(classes & SKIP_CLASSES)
        self.stack.append((tag, skip))
        self.skipping += skip

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not _TAG_NAME.match(tag):
            self.handle_data(self.get_starttag_text() or "")
            return
        self.out.append(_start_tag(tag, attrs))
        if tag not in VOID_TAGS:
            self.out.append(f"</{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if not any(open_tag == tag for open_tag, _ in self.stack):
            return  # A stray end tag: dropping it keeps the output balanced.
        while self.stack:
            open_tag, skip = self.stack.pop()
            self.skipping -= skip
            self.out.append(f"</{open_tag}>")
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.skipping:
            self.out.append(escape(data))
            return
        pos = 0
        for match in self.matcher.finditer(data):
            if match.entry.slug in self.seen:
                continue
            self.seen.add(match.entry.slug)
            self.out.append(escape(data[pos : match.start]))
            self.out.append(render_mark(match.entry, match.text, len(self.seen), self.base_url))
            pos = match.end
        self.out.append(escape(data[pos:]))

    def close(self) -> None:
        super().close()
        while self.stack:
            self.out.append(f"</{self.stack.pop()[0]}>")


def _start_tag(tag: str, attrs: list[tuple[str, str | None]]) -> str:
    parts = [tag]
    for name, value in attrs:
        if not _ATTR_NAME.match(name):
            continue
        parts.append(name if value is None else f'{name}="{escape(value)}"')
    return "<" + " ".join(parts) + ">"
