"""How the results page reads a search, and what it offers when nothing matches: an age,
phase or area typed among the words becomes its filter, misspelt words that find nothing
their fix, and a search that still finds nothing gets the nearest broader searches that
do find trials, each with its count. The nurse lookup does the same in place."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import QueryDict
from django.utils.translation import gettext as _

from trialfinder.trials import search
from trialfinder.trials.filters import TrialFilter
from trialfinder.trials.models import Phase
from trialfinder.trials.trees import RegionTree

# A search one word shorter per word, at most: the first words typed matter most.
MAX_SHORTER = 2
# The parameter of a search for the words exactly as typed: no spelling fix, and no age,
# phase or area read from the words.
AS_TYPED = "as_typed"


def searches(
    params: QueryDict, filterset: TrialFilter, status_counts: dict[str, int] | None = None
) -> list[dict]:
    """[{label, count, query}] for: an age typed as words ("over 70") as the age filter,
    the spelling fix (in closed trials too, when that is where its trials are), one word
    fewer, everywhere instead of the chosen area, opening soon, closed trials too, and
    the chosen cancer type's parent. `status_counts` ("any", "opening_soon"), when the
    caller has them from its facets, saves two counts."""
    params = params.copy()
    params.pop("page", None)
    options: list[dict] = []

    def option(label: str, count: int, **changes) -> None:
        if not count:
            return
        new = params.copy()
        for key, value in changes.items():
            if value is None:
                new.pop(key, None)
            else:
                new[key] = value
        query = new.urlencode()
        if all(o["query"] != query for o in options):
            options.append({"label": label, "count": count, "query": query})

    def status_count(group: str) -> int:
        if status_counts is not None:
            return status_counts[group]
        return filterset.queryset_without("status").for_status_group(group).count()

    status = filterset.cleaned("status")
    q = filterset.cleaned("q")
    if q:
        without_words = filterset.queryset_without("q")
        in_words = search.age_in_words(q) if filterset.cleaned("age") is None else None
        if in_words is not None:
            age, rest = in_words
            # The words are searched as text, where "70" rarely stands: the age box
            # gives what was meant, with trials that give no age limits too.
            by_age = filterset.queryset_without("q", "age").for_age(age)
            option(
                _("Search for “%(q)s” for someone aged %(age)s") % {"q": rest, "age": age}
                if rest
                else _("Search for trials for someone aged %(age)s") % {"age": age},
                search.search(by_age, rest).count(),
                q=rest or None,
                age=str(age),
            )
        fixed = search.suggest(q)
        if fixed:
            fixed_count = search.search(without_words, fixed).count()
            option(_("Search for “%(q)s” instead") % {"q": fixed}, fixed_count, q=fixed)
            if not fixed_count and status != "any":
                # "imatinab" when every imatinib trial has closed: the fix is still the
                # answer, and a nurse may want the closed ones.
                option(
                    _("Search for “%(q)s” in closed trials and results too") % {"q": fixed},
                    search.search(filterset.queryset_without("q", "status"), fixed).count(),
                    q=fixed,
                    status="any",
                )
        # Every word must match: the searches one word shorter, most results first
        # (not when the words held an age: leaving out "over" or "70" helps nobody).
        shorter = [
            (search.search(without_words, rest).count(), rest)
            for rest in (search.shorter_searches(filterset.parsed) if in_words is None else [])
        ]
        for count, rest in sorted(shorter, key=lambda pair: -pair[0])[:MAX_SHORTER]:
            option(_("Search for “%(q)s” instead") % {"q": rest}, count, q=rest)
    if filterset.cleaned("region"):
        option(
            _("Search everywhere, not just %(area)s") % {"area": filterset.chosen_region.name},
            filterset.queryset_without("region").count(),
            region=None,
        )
    if status == "recruiting":
        option(
            _("Include trials opening soon"), status_count("opening_soon"), status="opening_soon"
        )
    if status != "any":
        option(_("Include closed trials and results"), status_count("any"), status="any")
    chosen_type = filterset.cleaned("cancer_type")
    parent = filterset.conditions.parent_of(chosen_type) if chosen_type else None
    if parent is not None:
        count = (
            filterset.queryset_without("cancer_type")
            .for_conditions(filterset.conditions.with_descendants(parent.slug))
            .count()
        )
        option(
            _("Search all %(type)s trials") % {"type": parent.name}, count, cancer_type=parent.slug
        )
    return options


ALL_KINDS = ("age", "phase", "region")


def filters_in_words(q: str, params, kinds=ALL_KINDS) -> tuple[str, dict[str, str]]:
    """The words without an age, phase or area typed among them, and those as filters,
    for the filters not already chosen: "phase 3 lung cancer in wales over 70" is "lung
    cancer", age 70, phase 3, Wales. Typed as text, "70" and "3" would rarely match
    anything useful, and "wales" only hospitals with Wales in their name.
    `kinds`: the filters the page has controls for."""
    filters = {}
    if "region" in kinds and not params.get("region") and (found := search.area_in_words(q)):
        slug, rest = found
        if slug in RegionTree.load().by_slug:
            q = rest
            filters["region"] = slug
    if "age" in kinds and not params.get("age") and (found := search.age_in_words(q)):
        age, q = found
        filters["age"] = str(age)
    if "phase" in kinds and not params.get("phase") and (found := search.phase_in_words(q)):
        phase, q = found
        filters["phase"] = phase
    return q, filters


def filters_redirect(params: QueryDict) -> str | None:
    """The query string of the same search with an age, phase or area in its words moved
    to the filters, `typed` keeping what was typed for the page to say; else None."""
    q = search.clean_query(params.get("q", ""))
    if not q or "typed" in params or AS_TYPED in params:
        return None
    words, filters = filters_in_words(q, params)
    if not filters:
        return None
    new = params.copy()
    new.pop("page", None)
    if words:
        new["q"] = words
    else:
        new.pop("q", None)
    for name, value in filters.items():
        new[name] = value
    new["typed"] = q
    return new.urlencode()


def fixed_spelling(params: QueryDict, filterset: TrialFilter) -> QueryDict | None:
    """For words that found nothing: the same search with its misspelt words fixed
    ("sarcomma" -> "sarcoma"), when that finds trials with the same choices; else None.
    (Never again on its own page: the fix finds trials.)"""
    q = filterset.cleaned("q")
    if not q or AS_TYPED in params:
        return None
    fixed = search.suggest(q, confident=True)
    if not fixed or not search.search(filterset.queryset_without("q"), fixed).exists():
        return None
    new = params.copy()
    new.pop("page", None)
    new["q"] = fixed
    return new


def spelling_correction(params: QueryDict, filterset: TrialFilter) -> str | None:
    """The query string of `fixed_spelling`, with `typed` keeping what was typed (before
    any age or phase was taken from it) for the corrected page to say."""
    new = fixed_spelling(params, filterset)
    if new is None:
        return None
    new["typed"] = params.get("typed") or filterset.cleaned("q")
    return new.urlencode()


@dataclass(frozen=True)
class Reading:
    """How this search was read from what the visitor typed, said on the page, with a
    link to search for the words exactly as typed."""

    typed: str
    notice: str
    as_typed_query: str


def reading(params: QueryDict, q: str, kinds=ALL_KINDS) -> Reading | None:
    """The reading of `typed` that gave this search, if it did. Worked out again from
    `typed`, so that a link cannot make the page claim someone searched for words of its
    choosing."""
    typed = search.clean_query(params.get("typed", ""))[: search.MAX_QUERY_LENGTH]
    if not typed:
        return None
    words, filters = filters_in_words(typed, {}, kinds)
    if any(params.get(name) != value for name, value in filters.items()):
        return None
    spelled = words != q
    if spelled and not (words and q and search.suggest(words, confident=True) == q):
        return None
    if not (filters or spelled):
        return None
    if not filters:
        notice = _("No trials matched “%(typed)s”, so we searched for “%(q)s” instead.") % {
            "typed": typed,
            "q": q,
        }
    else:
        parts = []
        if q:
            parts.append(
                _("the words “%(q)s” (spelling corrected)") % {"q": q}
                if spelled
                else _("the words “%(q)s”") % {"q": q}
            )
        if "age" in filters:
            parts.append(_("age %(age)s") % {"age": filters["age"]})
        if "phase" in filters:
            parts.append(str(Phase(filters["phase"]).label))
        if "region" in filters:
            area = RegionTree.load().by_slug[filters["region"]].name
            parts.append(_("the area %(area)s") % {"area": area})
        notice = _("We read “%(typed)s” as %(parts)s.") % {
            "typed": typed,
            "parts": ", ".join(parts),
        }
    as_typed = params.copy()
    for name in ("typed", "page", *filters):
        as_typed.pop(name, None)
    as_typed["q"] = typed
    as_typed[AS_TYPED] = "1"
    return Reading(typed, notice, as_typed.urlencode())
