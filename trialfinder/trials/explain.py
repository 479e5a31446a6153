"""Why a result matched: which words (and where), cancer type, age and area, plus a
snippet of the trial's own text with the matched words highlighted.

Works on data the results page has already prefetched, so it adds no queries.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from trialfinder.trials.indexing import IZE_ENDINGS, as_written, normalise_text
from trialfinder.trials.search import Clause, ParsedQuery, readable
from trialfinder.trials.templatetags.trial_display import age_range

SNIPPET_RADIUS = 90
_JOINED_NON = re.compile(r"^non(?!e)(?=[^\W\d_]{3,})")
_MARKDOWN_SYMBOLS = re.compile(r"[*_#>`\[\]]|\(https?://[^)]*\)")
_BRITISH_ISE = re.compile(rf"(?<=[^\W\d_]{{3}}[iy])s({IZE_ENDINGS})$")


@dataclass
class Explanation:
    reasons: list[str] = field(default_factory=list)
    snippet: SafeString | None = None
    # The typed words found in the title, a trial number, the cancer types, treatments or
    # summaries; the others were found only in the criteria, descriptions or hospitals.
    words_found: set[str] = field(default_factory=set)


def _pattern(alternatives: list[str], prefix: str | None = None) -> re.Pattern:
    return _compiled(tuple(alternatives), prefix)


# A page explains twenty trials with the same few patterns, and reads the same texts
# (cancer type and treatment names above all) again and again.
@lru_cache(maxsize=256)
def _compiled(alternatives: tuple[str, ...], prefix: str | None) -> re.Pattern:
    """Each alternative as a word-start pattern, as the search has it: the `prefix`
    (search.Clause.prefix) also starts longer words ('melan' finds 'melanoma'); the
    others are whole words or their plurals ('kids' is not 'kidney')."""
    parts = []
    for alt in sorted(alternatives, key=len, reverse=True):
        words = [re.escape(w) for w in alt.split()]
        end = r"\w*" if alt == prefix else r"(?:e?s)?(?!\w)"
        if words[-1].endswith("s") and len(words[-1]) > 3:
            words[-1] = words[-1][:-1]
        # The search joins "non-" to its word (indexing.join_non); the text may not.
        words = [_JOINED_NON.sub(r"non[\\W_]*", w) for w in words]
        # And reads "-ize" as "-ise" (indexing.reworded): the text may be American.
        words = [_BRITISH_ISE.sub(r"[sz]\1", w) for w in words]
        parts.append(r"[\W_]+".join(words) + end)
    # Not the word inside "non-Hodgkin" or "non-small", which the search does not find.
    return re.compile(r"(?<!\w)(?<!non-)(?<!non )(?:" + "|".join(parts) + ")", re.IGNORECASE)


@lru_cache(maxsize=1024)
def _normalised(text: str) -> str:
    return normalise_text(text)


def _found(pattern: re.Pattern, *texts: str) -> bool:
    return _found_in(pattern, *texts) is not None


def _found_in(pattern: re.Pattern, *texts: str) -> str | None:
    """The first of `texts` the pattern finds, as the search reads it or as written."""
    return next(
        (t for t in texts if t and (pattern.search(_normalised(t)) or pattern.search(t))), None
    )


def _conditions(trial) -> list:
    # Result cards carry theirs (listing.attach_links); any other trial has the relation.
    found = getattr(trial, "card_conditions", None)
    return list(trial.conditions.all()) if found is None else found


def _interventions(trial) -> list:
    found = getattr(trial, "card_interventions", None)
    return list(trial.interventions.all()) if found is None else found


def _where(pattern: re.Pattern, trial) -> tuple[str, str] | None:
    """Where the pattern is found first, and the text it is found in."""
    if text := _found_in(pattern, trial.title, trial.acronym):
        return _("in the title"), text
    # A public card's numbers (listing.load_cards): "NCT05" is the start of one.
    for number in getattr(trial, "card_numbers", ()):
        if _found(pattern, number):
            return _("trial number %(number)s") % {"number": number}, number
    for condition in _conditions(trial):
        if text := _found_in(pattern, condition.name, condition.synonyms):
            return _("cancer type: %(name)s") % {"name": condition.name}, text
    for intervention in _interventions(trial):
        if text := _found_in(pattern, intervention.name, intervention.other_names):
            return _("treatment: %(name)s") % {"name": intervention.name}, text
    if text := _found_in(pattern, trial.summary, trial.brief_summary):
        return _("in the summary"), text
    return None


def _word_reason(clause: Clause, trial) -> str | None:
    """Where in the trial's text the typed words matched, or else the first synonym
    that did, which it names. None when not in the title, cancer types, treatments or
    summaries."""
    # The words as typed first: "brain tumour" is the cancer type Brain tumours before
    # it is "glioma" in that type's other names. Typed "liver or kidney cancer", each
    # side is typed words: "liver cancer" in the title, not "liver cancer OR kidney
    # cancer" (as "hcc").
    prefix = clause.prefix
    typed = clause.typed.split(" OR ")
    for alternative in [*typed, *(alt for alt in clause.alternatives if alt not in typed)]:
        pattern = _pattern([alternative], prefix)
        found = _where(pattern, trial)
        if found:
            where, text = found
            # Found as the search reads the text: "recurrent" in a title that says "has
            # come back", which the search reads as "relapsed". Name the words as written.
            written = None if pattern.search(text) else as_written(text, pattern)
            if written:
                return _("“%(words)s” (as “%(alt)s”) %(where)s") % {
                    "words": readable(alternative if alternative in typed else clause.typed),
                    "alt": written,
                    "where": where,
                }
            if alternative in typed:
                return _("“%(words)s” %(where)s") % {
                    "words": readable(alternative),
                    "where": where,
                }
            return _("“%(words)s” (as “%(alt)s”) %(where)s") % {
                "words": readable(clause.typed),
                "alt": readable(alternative),
                "where": where,
            }
    return None


def _at_hospitals(named: list[str]) -> str:
    if len(named) == 1:
        return _("at %(place)s") % {"place": named[0]}
    others = len(named) - 1
    return ngettext(
        "at %(place)s and %(n)s other hospital",
        "at %(place)s and %(n)s other hospitals",
        others,
    ) % {"place": named[0], "n": others}


def _hospital_reasons(clauses: list[Clause], trial) -> list[str]:
    """For words not in the trial's text: the hospitals they name ("royal marsden",
    "leeds"), from a public card's cached places, all the words together when one
    hospital has them all; else "in the trial details" (criteria, descriptions)."""
    places = getattr(trial, "card_places", ())
    # Whole words: the search reads no word a hospital's name merely starts with.
    patterns = [_pattern(clause.alternatives) for clause in clauses]
    if len(clauses) > 1:
        named = [p for p in places if all(_found(pattern, p) for pattern in patterns)]
        if named:
            words = " ".join(readable(clause.typed) for clause in clauses)
            return [_("“%(words)s” %(where)s") % {"words": words, "where": _at_hospitals(named)}]
    reasons = []
    for clause, pattern in zip(clauses, patterns, strict=True):
        named = [p for p in places if _found(pattern, p)]
        where = _at_hospitals(named) if named else _("in the trial details")
        reasons.append(
            _("“%(words)s” %(where)s") % {"words": readable(clause.typed), "where": where}
        )
    return reasons


@lru_cache(maxsize=64)
def _combined(patterns: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(patterns), re.IGNORECASE)


def snippet(text: str, pattern: re.Pattern) -> SafeString | None:
    plain = " ".join(_MARKDOWN_SYMBOLS.sub(" ", text).split())
    hit = pattern.search(plain)
    if not hit:
        return None
    start = max(0, hit.start() - SNIPPET_RADIUS)
    end = min(len(plain), hit.end() + SNIPPET_RADIUS)
    window = plain[start:end]
    pieces, last = [], 0
    # The standard library's escape, as Django's is, without its check for lazy text.
    for m in pattern.finditer(window):
        pieces += [html.escape(window[last : m.start()]), f"<mark>{html.escape(m.group(0))}</mark>"]
        last = m.end()
    pieces.append(html.escape(window[last:]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(plain) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 - every piece is escaped


def explain(
    trial,
    parsed: ParsedQuery | None,
    *,
    cancer_type_ids: set[int] = frozenset(),
    age: int | None = None,
    region=None,
) -> Explanation:
    result = Explanation()
    patterns = []
    elsewhere = []
    for clause in parsed.positive if parsed else []:
        patterns.append(_pattern(clause.alternatives, clause.prefix))
        reason = _word_reason(clause, trial)
        if reason:
            result.reasons.append(reason)
            result.words_found.add(clause.typed)
        else:
            elsewhere.append(clause)
    if elsewhere:
        result.reasons += _hospital_reasons(elsewhere, trial)
    if cancer_type_ids:
        names = [c.name for c in _conditions(trial) if c.pk in cancer_type_ids]
        if names:
            result.reasons.append(_("Cancer type: %(names)s") % {"names": ", ".join(names)})
    if age is not None:
        # A minimum of 0 is no lower limit, as the card's age_range has it.
        if not trial.min_age_months and trial.max_age_months is None:
            result.reasons.append(
                _("Age %(age)s: no age limits given – check with the trial team") % {"age": age}
            )
        else:
            ages = age_range(trial)
            result.reasons.append(
                _("Age %(age)s: the trial takes %(range)s")
                % {"age": age, "range": ages[:1].lower() + ages[1:]}
            )
    if region is not None:
        n = getattr(trial, "area_site_count", None)
        if n is None:
            n = len(getattr(trial, "sites_in_region", []))
        result.reasons.append(
            ngettext("%(n)s hospital in %(region)s", "%(n)s hospitals in %(region)s", n)
            % {"n": n, "region": region.name}
        )
    if patterns:
        combined = _combined(tuple(p.pattern for p in patterns))
        for text in (trial.summary, trial.brief_summary, trial.title):
            result.snippet = snippet(text, combined) if text else None
            if result.snippet:
                break
    return result


def doubtful(found: int, parsed: ParsedQuery, explanations: list[Explanation]) -> bool:
    """Whether words that found trials may still be misspelt: they found very few, or
    a word is in no result's title, cancer types, treatments or summary ("brest cancer"
    found only the hospitals in Brest). Then the page offers "Did you mean"."""
    if not found:
        return False
    if found < 3:
        return True
    strong = set().union(*(why.words_found for why in explanations))
    return any(clause.typed not in strong for clause in parsed.positive)
