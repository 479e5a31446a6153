"""THE search entry point. The public results page, the admin and the nurse screen all
call `search()`; nothing else builds text-search queries.

An exact trial ID (NCT00031915, "EORTC 62027", an obsolete ID ...) matches through the
normalised identifier table. Words match titles, acronym, IDs, cancer types with their
synonyms, interventions with their other names, and the plain-language summary.
"""

from __future__ import annotations

import re

from django.db.models import Exists, OuterRef, Q

from trialfinder.trials.models import (
    Condition,
    Intervention,
    Trial,
    TrialIdentifier,
    TrialQuerySet,
    normalise_identifier,
)

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
_WORD = re.compile(r"[\w'-]+", re.UNICODE)
_STOPWORDS = {
    "a",
    "an",
    "and",
    "for",
    "in",
    "of",
    "on",
    "or",
    "the",
    "to",
    "with",
    "trial",
    "trials",
}
# On a cancer trial finder these words say nothing on their own: "bowel cancer" means
# "bowel", and "cancer" alone means every trial.
_GENERIC = {"cancer", "cancers", "tumour", "tumours", "tumor", "tumors", "study", "studies"}


def clean_query(q: str) -> str:
    """Bound the cost of any query: strip control characters and cap the length."""
    q = "".join(ch for ch in q if ch.isprintable())
    return " ".join(q.split())[:MAX_QUERY_LENGTH]


def words(q: str) -> list[str]:
    found = [w.lower() for w in _WORD.findall(q)]
    return [w for w in found if w not in _STOPWORDS | _GENERIC][:MAX_WORDS]


def identifier_matches(q: str) -> TrialQuerySet | None:
    """Trials carrying `q` as one of their IDs, or None when `q` cannot be an ID."""
    key = normalise_identifier(q)
    # An ID has a digit and is at most a few words ("EORTC 62027", "Oracle - 732").
    if not key or not any(ch.isdigit() for ch in key) or len(q.split()) > 4:
        return None
    return Trial.objects.filter(
        Exists(TrialIdentifier.objects.filter(trial_id=OuterRef("pk"), normalised=key))
    )


def _word_condition(word: str) -> Q:
    through_conditions = Trial.conditions.through.objects.filter(
        trial_id=OuterRef("pk"),
        condition__in=Condition.objects.filter(
            Q(name__icontains=word) | Q(synonyms__icontains=word)
        ),
    )
    through_interventions = Trial.interventions.through.objects.filter(
        trial_id=OuterRef("pk"),
        intervention__in=Intervention.objects.filter(
            Q(name__icontains=word) | Q(other_names__icontains=word)
        ),
    )
    identifiers = TrialIdentifier.objects.filter(
        trial_id=OuterRef("pk"), normalised__contains=normalise_identifier(word) or word
    )
    return (
        Q(title__icontains=word)
        | Q(official_title__icontains=word)
        | Q(acronym__icontains=word)
        | Q(summary__icontains=word)
        | Q(keywords__icontains=word)
        | Exists(through_conditions)
        | Exists(through_interventions)
        | Exists(identifiers)
    )


def search(queryset: TrialQuerySet, q: str) -> TrialQuerySet:
    """Narrow `queryset` to the trials matching the words or ID in `q`.

    Every word must match somewhere (AND), so "bowel cancer leeds" narrows rather than
    widens. An exact ID wins outright.
    """
    q = clean_query(q)
    if not q:
        return queryset
    by_id = identifier_matches(q)
    if by_id is not None:
        id_hits = queryset.filter(pk__in=by_id.values("pk"))
        if id_hits.exists():
            return id_hits
    terms = words(q)
    for word in terms:
        queryset = queryset.filter(_word_condition(word))
    return queryset


def exact_identifier_match(q: str, queryset: TrialQuerySet) -> Trial | None:
    """The one trial whose ID is exactly `q`, so the page can go straight to it."""
    by_id = identifier_matches(clean_query(q))
    if by_id is None:
        return None
    hits = list(queryset.filter(pk__in=by_id.values("pk"))[:2])
    return hits[0] if len(hits) == 1 else None
