"""When a search finds nothing: the nearest broader searches that do find trials, each
with its count. The public results page and the nurse lookup both offer them."""

from __future__ import annotations

from django.http import QueryDict
from django.utils.translation import gettext as _

from trialfinder.trials import search
from trialfinder.trials.filters import TrialFilter

# A search one word shorter per word, at most: the first words typed matter most.
MAX_SHORTER = 2
# The parameter of a search for the words exactly as typed: no spelling correction.
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


def fixed_spelling(params: QueryDict, filterset: TrialFilter) -> QueryDict | None:
    """For words that found nothing: the same search with its misspelt words fixed
    ("sarcomma" -> "sarcoma"), when that finds trials with the same choices; else None."""
    q = filterset.cleaned("q")
    # Not again on the corrected page, nor when the visitor asked for their own words.
    if not q or "typed" in params or AS_TYPED in params:
        return None
    fixed = search.suggest(q, confident=True)
    if not fixed or not search.search(filterset.queryset_without("q"), fixed).exists():
        return None
    new = params.copy()
    new.pop("page", None)
    new["q"] = fixed
    return new


def spelling_correction(params: QueryDict, filterset: TrialFilter) -> str | None:
    """The query string of `fixed_spelling`, with `typed` keeping what was typed for the
    corrected page to say."""
    new = fixed_spelling(params, filterset)
    if new is None:
        return None
    new["typed"] = filterset.cleaned("q")
    return new.urlencode()


def corrected_from(params: QueryDict, q: str) -> str | None:
    """What the visitor typed, when this search is its spelling fix. Checked, so that a
    link cannot make the page claim someone searched for words of its choosing."""
    typed = params.get("typed", "").strip()[: search.MAX_QUERY_LENGTH]
    if not typed or not q or typed == q:
        return None
    return typed if search.suggest(typed, confident=True) == q else None


def as_typed_query(params: QueryDict, typed: str) -> str:
    """The query string of the search for the words as typed, without correcting them."""
    new = params.copy()
    for name in ("typed", "page"):
        new.pop(name, None)
    new["q"] = typed
    new[AS_TYPED] = "1"
    return new.urlencode()
