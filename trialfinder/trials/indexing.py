"""Keeps each trial's stored search text current.

Every trial has a `search_document` (normalised words, used by the SQLite search) and, on
PostgreSQL, a weighted `search_vector`:

  A  titles, acronym and IDs
  B  cancer types (with their parents and synonyms), treatments (with other names),
     keywords and MeSH terms
  C  plain-language sections and registry summaries
  D  who can join (see `eligibility_text`), the detailed description, and the
     hospitals and towns of its sites ("bowel cancer leeds", "the christie")

Signals reindex one trial after an edit; bulk writers (import, generate_trials) call
`reindex()` themselves with the primary keys they wrote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection, transaction

from trialfinder.core.caching import bump_content_version
from trialfinder.text import lines, split_criteria
from trialfinder.trials import trees
from trialfinder.trials.models import (
    Condition,
    Intervention,
    Site,
    SpellingTerm,
    Synonym,
    Trial,
    TrialQuerySet,
)

CHUNK = 500
# Raise whenever what goes into the search text changes: trials built by an older
# version are rebuilt in place after the next migrate (signals.rebuild_after_migrate).
# 1: hospitals and towns of the sites added.
# 2: who cannot join, and lines about pregnancy or other cancers, left out.
# 3: "non-" joined to the word it negates (see join_non).
# 4: lines about organ function and blood counts left out.
# 5: exceptions cut from a line ("except APL"), not the whole line left out.
# 6: lines about organ failure or insufficiency left out.
# 7: cancer that "has not spread" searched as localised (see reworded).
# 8: "ovarian failure" (who cannot become pregnant) left out like other organ failure.
# 9: "HER2+" and "ER-" searched as "HER2 positive" and "ER negative" (see reworded).
# 10: "liver or kidney cancer" and "cancer of the liver" searched with the phrase "liver
#     cancer" in them (see reworded).
# 11: a cancer that "has come back" searched as relapsed (see reworded).
# 12: "HER-2" and "HER 2 positive" searched as "HER2" (see reworded).
# 13: the MeSH heading for ALL searched without its "lymphoma" (see _ALL_MESH).
# 14: American "-ize" and "-yze" words searched as British "-ise" and "-yse" (see reworded).
SEARCH_VERSION = 14
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
# "Non-small cell lung cancer" is not small cell lung cancer, nor "non-Hodgkin lymphoma"
# Hodgkin lymphoma: kept apart, the words made a search for one find trials of the other.
_NON = re.compile(r"\bnon[\s\-\u2010\u2011\u2013]+(?=[^\W\d_])", re.IGNORECASE)
# Inside `deferred()`, signal-driven work is collected here and done once at the end.
_pending: ContextVar[dict | None] = ContextVar("search_index_pending", default=None)


GENERATION_KEY = "search:generation"


def generation() -> int:
    """Changes whenever any trial's search data changes; cached search results are
    keyed by it, so they can never outlive an edit."""
    return cache.get_or_set(GENERATION_KEY, 1, None)


def bump_generation() -> None:
    # Every public page may show what changed (counts, cards, sites).
    bump_content_version()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def join_non(text: str) -> str:
    """'Non-small cell' -> 'Nonsmall cell': one word, which "small cell" cannot find."""
    return _NON.sub(lambda match: match.group(0)[:3], text)


# "Prostate cancer that has not spread": as the word "spread", it came first for "cancer
# that has spread", and the synonyms of "spread" (metastatic, advanced) would have found
# every metastatic trial for "cancer that has not spread".
_NOT_SPREAD = re.compile(
    r"\b(?:(?:has|have|had)\s+not|(?:has|have|had)n[’']?t|not|no|without)\s+(?:yet\s+)?spread\b",
    re.IGNORECASE,
)


# Registries write a receptor's status as a sign ("HR+/HER2- early breast cancer"), which
# is not a word: "HER2 positive" found that HER2-negative trial by its "HR+".
_RECEPTOR_SIGN = re.compile(
    r"(?<![\w-])(HER-?2|ERBB2|ER|PR|HR)([+\-\u2212\u2013])(?![\w+])", re.IGNORECASE
)


# "HER-2-positive" and "HER 2 positive" as "HER2", the one spelling the phrases name:
# as words, "her", "2" and "positive" found every trial with a 2 and "positive" in it.
# Spaced, only before what names the receptor's status ("her 2 sisters" is not HER2).
_HER_2 = re.compile(
    r"\bHER[\-\u2010\u2011]2\b"
    r"|\bHER\s+2(?=[\s-]*(?:pos|neg|\+|-|\u2212|low\b|neu\b|amplif|status|receptor|express))",
    re.IGNORECASE,
)


def _in_words(match: re.Match) -> str:
    # "HER-2" as "HER2", the one spelling the phrases name. Spaced: PostgreSQL reads
    # "positive/HER2" as one word, a file path.
    name = match.group(1).replace("-", "")
    return f" {name} {'positive' if match.group(2) == '+' else 'negative'} "


# A cancer named by its organ is a phrase ("liver cancer" is not every trial that says
# "liver" and "cancer"), so the other ways of writing it are written as that phrase:
# "liver or kidney cancer" as "liver cancer or kidney cancer", and "cancer of the liver"
# as "liver cancer". (Lists of up to nine: the search of a long text stays linear.)
_ORGAN = (
    r"(?:breast|skin|cervical|liver|kidney|lung|bowel|colon|rectal|colorectal|bladder"
    r"|thyroid|pancreatic|prostate|ovarian|womb|stomach|oesophageal|esophageal|brain|bone"
    r"|head and neck)"
)
_ORGAN_LIST = re.compile(
    rf"\b{_ORGAN}(?:(?:\s*,\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+){_ORGAN}){{1,8}}\s+(cancers?)\b",
    re.IGNORECASE,
)
_LISTED_ORGAN = re.compile(rf"\b({_ORGAN})(?=\s*,|\s+(?:or|and)\s)", re.IGNORECASE)
_CANCER_OF_THE = re.compile(
    r"\bcancers?\s+of\s+the\s+(liver|kidneys?|skin|lungs?|bladder|thyroid|pancreas|bowel"
    r"|breasts?|prostate|ovary|ovaries|womb|cervix|stomach|oesophagus|esophagus)\b",
    re.IGNORECASE,
)
_ORGAN_ADJECTIVE = {
    "pancreas": "pancreatic",
    "ovary": "ovarian",
    "ovaries": "ovarian",
    "cervix": "cervical",
    "oesophagus": "oesophageal",
    "esophagus": "esophageal",
}


def _each_organ_cancer(match: re.Match) -> str:
    return _LISTED_ORGAN.sub(rf"\1 {match.group(1)}", match.group(0))


def _organ_cancer(match: re.Match) -> str:
    organ = match.group(1).lower()
    return f"{_ORGAN_ADJECTIVE.get(organ, organ.removesuffix('s'))} cancer"


# Plain-language summaries say a cancer "has come back"; registries "relapsed" or
# "recurrent". As a phrase, "come back" also finds "come back to the clinic", and
# PostgreSQL drops "has" as a stopword, so the words are read as "relapsed".
_HAS_COME_BACK = re.compile(r"\b(?:has|have|had)\s+come\s+back\b", re.IGNORECASE)


# American spellings as British: PostgreSQL's English stemmer cuts "-ize" off a word but
# not "-ise", so "hospitalized" is "hospit", which "hospital" is too, and "organized"
# "organ". Searched as "hospitalised", "organised", "localised", an American spelling finds
# what the British one does and no more. (Three letters first: not "size" or "seize".)
IZE_ENDINGS = "e|ed|es|ing|ation|ations"
_AMERICAN_IZE = re.compile(rf"\b([^\W\d_]{{3,}}[iy])z({IZE_ENDINGS})\b", re.IGNORECASE)


# What `reworded` does, in order: each pattern and what it is read as.
_REWORDINGS = (
    (_CANCER_OF_THE, _organ_cancer),
    (_ORGAN_LIST, _each_organ_cancer),
    (_NOT_SPREAD, "localised"),
    (_HAS_COME_BACK, "has relapsed"),
    (_HER_2, "HER2"),
    (_RECEPTOR_SIGN, _in_words),
    (_AMERICAN_IZE, r"\1s\2"),
)


def reworded(text: str) -> str:
    """The text as the search reads it, in the trials and in a search: cancer that "has
    not spread" as "localised", "has come back" as "has relapsed", "HER2+" or "ER-" as
    "HER2 positive" or "ER negative", "liver or kidney cancer" or "cancer of the liver"
    with "liver cancer" in it, and "hospitalized" as "hospitalised"."""
    for pattern, replacement in _REWORDINGS:
        text = pattern.sub(replacement, text)
    return text


def as_written(text: str, pattern: re.Pattern) -> str | None:
    """The words of `text` the search reads as something `pattern` finds, as written:
    "has come back" for "relapsed", "liver or kidney cancer" for "liver cancer"."""
    for rule, _replacement in _REWORDINGS:
        for match in rule.finditer(text):
            if pattern.search(normalise_text(match.group(0))):
                return " ".join(match.group(0).split())
    return None


def normalise_text(text: str) -> str:
    """Lower case, "non-" joined to its word, reworded, other punctuation to spaces:
    'Non-small cell, T-cell' -> 'nonsmall cell t cell'."""
    return " ".join(_NON_WORD.sub(" ", join_non(reworded(text)).lower()).split())


# Eligibility text names much that a trial is not about: who cannot join ("pregnant or
# breastfeeding", "hepatitis B"), the other cancers people may have had ("no other
# cancer except non-melanoma skin cancer or carcinoma in situ of the cervix") and the
# organs whose working is checked ("adequate liver and kidney function"). Searched, those
# made "skin cancer" find 24 trials among the real registry records, 22 of them for
# leukaemia or myeloma; "breast" 34, 30 of them not about breast cancer; and "liver
# cancer" 33, nearly all for other cancers.
_NOT_ABOUT_THE_TRIAL = re.compile(
    # Pregnancy and contraception.
    r"pregnan|breast[\s-]*fe[de]|lactating|lactation|contracept|condom|spermicid"
    r"|birth[\s-]control|child[\s-]*bearing"
    # Other cancers.
    r"|\b(?:other|another|second|additional|prior|previous|concurrent)\s+(?:\w+\s+){0,2}malignan"
    r"|\b(?:other|another|second|additional)\s+(?:\w+\s+){0,2}(?:cancers?|tumou?rs?|neoplasms?)\b"
    r"|\bin[\s-]situ\b|non[\s-]?melanoma"
    # Organ function and blood counts.
    r"|\bfunction|\bimpairment|\bULN\b|upper limit of normal|creatinine|bilirubin"
    r"|transaminase|\b(?:AST|ALT|SGOT|SGPT)\b|clearance|ejection fraction|platelet"
    r"|neutrophil|ha?emoglobin"
    # "severe heart, lung, liver and kidney insufficiency": other illnesses.
    r"|insufficien|\bdysfunction|\b(?:heart|cardiac|renal|kidney|liver|hepatic|respiratory"
    r"|pulmonary|lung|ovarian|organ)\s+failure",
    re.IGNORECASE,
)
# An exception names what the rest of a line is not about: "acute leukaemia (except
# APL)" is searched as "acute leukaemia".
_EXCEPTION = re.compile(r"\b(?:except|excluding|other than)\b[^.;)\]\n]*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+|\n+")


def _about_the_trial(parts: Iterable[str]) -> str:
    """The lines or sentences about the trial itself, without their exceptions."""
    return "\n".join(
        _EXCEPTION.sub(" ", part)
        for part in parts
        if part and not _NOT_ABOUT_THE_TRIAL.search(part)
    )


def eligibility_text(trial: Trial) -> str:
    """Who can join, as the search reads it: the inclusion criteria (all of the registry
    text when it has no headings to split it by), without the lines about pregnancy,
    other cancers, organ function or organ failure. The exclusion criteria are not
    searched at all."""
    if trial.inclusion_criteria or trial.exclusion_criteria:
        items = lines(trial.inclusion_criteria)
    else:
        items = split_criteria(trial.eligibility_criteria)[0]
    return _about_the_trial(items)


# The MeSH heading registries give acute lymphoblastic leukaemia names a lymphoma too:
# "lymphoma" found 27 ALL trials by it among the real registry records (of 47 found). A
# lymphoblastic lymphoma trial says so in its own words.
_ALL_MESH = re.compile(r"\bprecursor cell lymphoblastic leuka?emia[\s-]+lymphoma\b", re.IGNORECASE)


def _weights(
    trial: Trial, ancestors: dict[int, list[str]], places: Iterable[str] = ()
) -> tuple[str, str, str, str]:
    identifiers = [f"{i.value} {i.normalised}" for i in trial.identifiers.all()]
    a = [trial.title, trial.acronym, *identifiers]
    b = [trial.keywords, _ALL_MESH.sub("precursor cell lymphoblastic leukemia", trial.mesh_terms)]
    for condition in trial.conditions.all():
        b += [condition.name, condition.synonyms, *ancestors.get(condition.pk, [])]
    for intervention in trial.interventions.all():
        b += [intervention.name, intervention.other_names]
    c = [
        trial.summary,
        trial.more_about,
        _about_the_trial(_SENTENCE_END.split(trial.who_can_join)),
        trial.what_is_involved,
        trial.results_summary,
        trial.brief_summary,
        trial.official_title,
    ]
    d = [
        eligibility_text(trial),
        trial.detailed_description,
        *places,
    ]
    return tuple(
        join_non(reworded("\n".join(part for part in parts if part))) for parts in (a, b, c, d)
    )


def _ancestor_names() -> dict[int, list[str]]:
    """Each cancer type's parents' names, so a GIST trial is found by 'sarcoma'."""
    rows = {
        pk: (name, parent)
        for pk, name, parent in Condition.objects.values_list("pk", "name", "parent_id")
    }
    result = {}
    for pk in rows:
        names, parent = [], rows[pk][1]
        while parent is not None and parent in rows and len(names) < 10:
            names.append(rows[parent][0])
            parent = rows[parent][1]
        result[pk] = names
    return result


@dataclass
class _Row:
    pk: int
    weights: tuple[str, str, str, str]
    regions: list[int]
    conditions: list[int]


def reindex(trial_ids: Iterable[int]) -> int:
    """Rebuild the search text and facet keys of the given trials. Returns how many were
    written."""
    ids = sorted(set(trial_ids))
    if not ids:
        return 0
    ancestors = _ancestor_names()
    conditions, regions = trees.ConditionTree.load(), trees.RegionTree.load()
    condition_keys = {pk: conditions.with_ancestors(pk) for pk in conditions.by_pk}
    region_keys = {pk: regions.with_ancestors(pk) for pk in regions.by_pk}
    written = 0
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        trials = Trial.objects.filter(pk__in=chunk).prefetch_related(
            "identifiers", "conditions", "interventions"
        )
        site_regions: dict[int, set[int]] = {}
        # Each hospital and town once, however many sites share it.
        places: dict[int, dict[str, None]] = {}
        for trial_id, region_id, facility, city in Site.objects.filter(
            trial_id__in=chunk
        ).values_list("trial_id", "region_id", "facility", "city"):
            if region_id is not None:
                site_regions.setdefault(trial_id, set()).update(region_keys.get(region_id, ()))
            places.setdefault(trial_id, {}).update(dict.fromkeys(p for p in (facility, city) if p))
        rows = [
            _Row(
                t.pk,
                _weights(t, ancestors, places.get(t.pk, {})),
                sorted(site_regions.get(t.pk, ())),
                sorted({k for c in t.conditions.all() for k in condition_keys.get(c.pk, ())}),
            )
            for t in trials
        ]
        if not rows:
            continue  # all deleted or rolled back meanwhile
        with transaction.atomic():
            if connection.vendor == "postgresql":
                _write_postgres(rows)
            else:
                Trial.objects.bulk_update(
                    [
                        Trial(
                            pk=row.pk,
                            search_document=normalise_text(" ".join(row.weights)),
                            search_version=SEARCH_VERSION,
                            facet_regions=row.regions,
                            facet_conditions=row.conditions,
                        )
                        for row in rows
                    ],
                    ["search_document", "search_version", "facet_regions", "facet_conditions"],
                )
        written += len(rows)
    bump_generation()
    return written


def _write_postgres(rows: list[_Row]) -> None:
    # PostgreSQL searches the vector only, so the plain document (SQLite's) stays empty
    # there: it would make every trial row, and every scan of them, wider.
    values = ", ".join(["(%s::bigint, %s, %s, %s, %s, %s::integer[], %s::integer[])"] * len(rows))
    params: list = []
    for row in rows:
        params += [row.pk, *row.weights, row.regions, row.conditions]
    sql = f"""
        UPDATE trials_trial AS t SET
            search_document = '',
            search_vector =
                setweight(to_tsvector('english', v.a), 'A') ||
                setweight(to_tsvector('english', v.b), 'B') ||
                setweight(to_tsvector('english', v.c), 'C') ||
                setweight(to_tsvector('english', v.d), 'D'),
            search_version = %s,
            facet_regions = v.regions,
            facet_conditions = v.conditions
        FROM (VALUES {values}) AS v(id, a, b, c, d, regions, conditions)
        WHERE t.id = v.id
    """  # noqa: S608 - only placeholders are formatted in; every value is a parameter.
    with connection.cursor() as cursor:
        cursor.execute(sql, [SEARCH_VERSION, *params])


def batching() -> bool:
    """Inside `deferred()`: the reindex at its end moves the generation on once."""
    return _pending.get() is not None


def request_reindex(trial_ids: Iterable[int]) -> None:
    """Reindex now, or at the end of the enclosing `deferred()` block."""
    pending = _pending.get()
    if pending is None:
        reindex(trial_ids)
    else:
        pending["trials"].update(trial_ids)


def request_spelling_words(*texts: str) -> None:
    pending = _pending.get()
    if pending is None:
        add_spelling_words(texts)
    else:
        pending["texts"].extend(texts)


@contextmanager
def deferred() -> Iterator[None]:
    """Batch the reindexing that signals ask for: a bulk writer (the importer, the demo
    loader) saves many rows, and each trial needs reindexing once, not once per row."""
    if _pending.get() is not None:
        yield  # already batching further out
        return
    pending = {"trials": set(), "texts": []}
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
        add_spelling_words(pending["texts"])
        if not reindex(pending["trials"]):
            # Rows other than trials (organisations, say) may have changed meanwhile.
            bump_generation()


def unindexed() -> TrialQuerySet:
    """Trials whose search text was never built (rows written by a data migration, say)
    or was built by an older SEARCH_VERSION."""
    return Trial.objects.filter(search_version__lt=SEARCH_VERSION)


def reindex_all() -> int:
    return reindex(Trial.objects.values_list("pk", flat=True).iterator())


def _spelling_words(texts: Iterable[str]) -> set[str]:
    return {
        word[:100]
        for text in texts
        for word in normalise_text(text).split()
        if len(word) >= 4 and word.isalpha()
    }


def add_spelling_words(texts: Iterable[str]) -> None:
    words = _spelling_words(texts)
    if words:
        SpellingTerm.objects.bulk_create(
            [SpellingTerm(term=w) for w in sorted(words)], ignore_conflicts=True, batch_size=1000
        )


def refresh_spelling_terms() -> int:
    """Rebuild the words spelling suggestions may offer: every word of every cancer type,
    treatment and synonym we know, four letters or longer."""
    texts: list[str] = []
    for name, synonyms in Condition.objects.values_list("name", "synonyms"):
        texts += [name, *lines(synonyms)]
    for name, other in Intervention.objects.values_list("name", "other_names"):
        texts += [name, *lines(other)]
    for term, equivalents in Synonym.objects.values_list("term", "equivalents"):
        texts += [term, *lines(equivalents)]
    words = _spelling_words(texts)
    existing = set(SpellingTerm.objects.values_list("term", flat=True))
    with transaction.atomic():
        stale = existing - words
        if stale:
            SpellingTerm.objects.filter(term__in=stale).delete()
        add_spelling_words(words - existing)
    return len(words)
