"""What a nurse reads out or sends during a call, worked out from a trial's fields.

Pure functions of model instances and strings (no queries): the views prefetch everything
first. Nothing here stores or logs anything about the caller.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import quote

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from trialfinder.text import render_markdown
from trialfinder.trials.models import Site, Trial, TrialIdentifier

# The order IDs are quoted in: the ClinicalTrials.gov number is what most letters carry.
_ID_ORDER = [
    TrialIdentifier.Kind.NCT,
    TrialIdentifier.Kind.ISRCTN,
    TrialIdentifier.Kind.EU_CT,
    TrialIdentifier.Kind.EUDRACT,
    TrialIdentifier.Kind.ORG,
    TrialIdentifier.Kind.CRUK,
    TrialIdentifier.Kind.IRAS,
    TrialIdentifier.Kind.OTHER,
    TrialIdentifier.Kind.OBSOLETE,
]
MAX_KEY_POINTS = 5
KEY_POINT_LENGTH = 110
MAX_SITES_SHOWN = 8
# Mail programs truncate or refuse very long mailto: links; the public page has the rest.
MAX_MAIL_SUMMARY = 1200

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'])")
_EDITORIAL_NOTE = re.compile(r"^<p><em>.*</em></p>$", re.DOTALL)
_LIST_OPEN = re.compile(r"<(?:ul|ol)>")
_LIST_CLOSE = re.compile(r"</(?:ul|ol)>")
_BLOCK_END = re.compile(r"</(?:p|ul|ol|h3|h4)>\s*$")


def identifiers_nct_first(identifiers: Iterable[TrialIdentifier]) -> list[TrialIdentifier]:
    def key(identifier: TrialIdentifier) -> tuple[int, str]:
        kind = identifier.kind
        rank = _ID_ORDER.index(kind) if kind in _ID_ORDER else len(_ID_ORDER)
        return rank, identifier.value

    return sorted(identifiers, key=key)


def main_identifier(identifiers: Iterable[TrialIdentifier]) -> str:
    ordered = identifiers_nct_first(identifiers)
    return ordered[0].value if ordered else ""


def _html_to_text(fragment: str) -> str:
    fragment = re.sub(r"<li>\s*", "- ", fragment)
    fragment = re.sub(r"<br\s*/?>", "\n", fragment)
    text = html.unescape(strip_tags(fragment))
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def _blocks(markdown: str) -> list[str]:
    """Top-level blocks (paragraphs, lists, headings) of editor Markdown, as sanitised HTML.
    A nested list stays inside the list it belongs to."""
    blocks, current, depth = [], [], 0
    for line in render_markdown(markdown).splitlines():
        current.append(line)
        depth += len(_LIST_OPEN.findall(line)) - len(_LIST_CLOSE.findall(line))
        if depth <= 0 and _BLOCK_END.search(line):
            blocks.append("\n".join(current))
            current, depth = [], 0
    if current:
        blocks.append("\n".join(current))
    return [block for block in blocks if block.strip()]


def markdown_to_text(markdown: str, skip_notes: bool = False) -> str:
    """Editor Markdown as plain text for an email: no asterisks, brackets or HTML.
    With skip_notes, a paragraph that is all italics (an editor's note) is left out."""
    blocks = _blocks(markdown)
    if skip_notes:
        blocks = [block for block in blocks if not _EDITORIAL_NOTE.match(block)]
    return "\n\n".join(_html_to_text(block) for block in blocks)


def first_paragraph(markdown: str) -> str:
    blocks = _blocks(markdown)
    return _html_to_text(blocks[0]) if blocks else ""


def first_sentence(text: str) -> str:
    text = " ".join(text.split())
    return _SENTENCE_END.split(text, maxsplit=1)[0] if text else ""


@dataclass
class OneSentence:
    text: str
    from_registry: bool


def what_it_tests(trial: Trial) -> OneSentence:
    """The first sentence of our plain summary, skipping an italic editor's note such as
    "This is our plain English summary of the registry record"; else the registry's.
    Only a paragraph counts: a summary that opens with a list has no sentence to read."""
    for block in _blocks(trial.summary):
        if block.startswith("<p>") and not _EDITORIAL_NOTE.match(block):
            return OneSentence(first_sentence(_html_to_text(block)), from_registry=False)
    return OneSentence(first_sentence(trial.brief_summary), from_registry=True)


def shorten(text: str, limit: int = KEY_POINT_LENGTH) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:-") + "…"


def key_points(lines: list[str]) -> list[str]:
    return [shorten(line) for line in lines[:MAX_KEY_POINTS]]


@dataclass
class SiteList:
    in_region: list[Site]
    elsewhere: dict[str, list[Site]] = field(default_factory=dict)
    not_shown: int = 0


def sites_for_call(sites: Iterable[Site], region_ids: set[int]) -> SiteList:
    """The caller's region first, then the rest grouped by area, at most MAX_SITES_SHOWN."""

    def order(site: Site) -> tuple:
        return (not site.is_open, site.area, site.city, site.facility)

    sites = list(sites)
    near = sorted((s for s in sites if s.region_id in region_ids), key=order)
    rest = sorted((s for s in sites if s.region_id not in region_ids), key=order)
    shown_near = near[:MAX_SITES_SHOWN]
    shown_rest = rest[: MAX_SITES_SHOWN - len(shown_near)]
    grouped: dict[str, list[Site]] = {}
    for site in sorted(shown_rest, key=lambda s: (s.area, s.city, s.facility)):
        grouped.setdefault(site.area, []).append(site)
    return SiteList(shown_near, grouped, len(sites) - len(shown_near) - len(shown_rest))


def mail_body(trial: Trial, identifiers: list[TrialIdentifier], public_url: str) -> str:
    plain = markdown_to_text(trial.summary, skip_notes=True)
    summary = plain or " ".join(trial.brief_summary.split())
    if len(summary) > MAX_MAIL_SUMMARY:
        summary = shorten(summary, MAX_MAIL_SUMMARY)
    parts = [trial.title, summary]
    if identifiers:
        ids = "\n".join(f"{i.get_kind_display()}: {i.value}" for i in identifiers)
        parts.append(_("Trial numbers to quote:") + "\n" + ids)
    parts.append(_("Read more about this trial:") + "\n" + public_url)
    parts.append(
        _("You can take this to your doctor, who can tell you whether the trial may suit you.")
    )
    return "\n\n".join(part for part in parts if part)


def mailto_href(trial: Trial, identifiers: list[TrialIdentifier], public_url: str) -> str:
    """A mailto: link with no recipient: the nurse types the caller's address in their own
    mail program, so we never see or keep it."""
    subject = quote(trial.title, safe="")
    body = quote(mail_body(trial, identifiers, public_url), safe="")
    return f"mailto:?subject={subject}&body={body}"
