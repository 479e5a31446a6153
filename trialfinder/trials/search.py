"""THE search entry point. The public results page, the admin and the nurse screen all
call `search()`; nothing else builds text-search queries.

A query is parsed once (websearch style: "quoted phrases", -excluded words, OR) into
clauses. Each clause is a set of alternatives: what was typed plus its synonyms from the
editable Synonym table. Every clause must match (AND); any alternative will do (OR).

Two implementations sit behind the same API:
- PostgreSQL: the stored weighted `search_vector` (GIN index), English stemming, prefix
  matching of a typed word of MIN_PREFIX letters or more that has no synonyms (it may
  be unfinished: see Clause.prefix) in titles, IDs, cancer types, treatments and
  summaries, ranking with `ts_rank`; spelling fixes from `pg_trgm`.
- SQLite: the same words matched whole or by prefix on the stored normalised
  `search_document`, a light plural stemmer, and difflib for spelling fixes.

An exact trial ID (NCT00031915, "nct 0003 1915", "EORTC 62027", an obsolete ID) matches
the identifier table first.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import timedelta
from functools import lru_cache, reduce

from django.contrib.postgres.search import SearchQueryField, SearchRank, TrigramSimilarity
from django.core.cache import cache
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    DateTimeField,
    Exists,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Value,
    When,
)
from django.db.models.expressions import RawSQL

from trialfinder.core.caching import code_release, kept_in_process
from trialfinder.text import lines
from trialfinder.trials.indexing import generation, join_non, normalise_text, reworded
from trialfinder.trials.models import (
    Phase,
    SpellingTerm,
    Synonym,
    Trial,
    TrialIdentifier,
    TrialQuerySet,
    normalise_identifier,
)
from trialfinder.trials.signals import synonyms_cache_key

MAX_QUERY_LENGTH = 200
MAX_CLAUSES = 8
MIN_PREFIX = 4
# Ranking reads every match's vector. Up to RANK_ALL_LIMIT matches that is cheaper than
# anything else (one pass over the text index); a broad word matches most trials, so
# then only the RANKED_LIMIT most recently updated are ranked, and the page says so.
RANK_ALL_LIMIT = 8000
RANKED_LIMIT = 2000
_TOKEN = re.compile(r'"([^"]*)"|(-?)([\w\'-]+)', re.UNICODE)
# British spellings that registries write the American way, beyond the pairs in the
# synonym table ("lymphoedema" finds "lymphedema"). Words of six letters or more; where
# a rule makes a word that is not the American spelling, it simply matches nothing.
# ("-ize" is not here: the search reads it as "-ise" in trials and searches alike.)
_AMERICAN = [
    (re.compile(r"(?<=[a-z])ae(?=[a-z])"), "e"),  # anaemia, haemorrhage, paediatric
    (re.compile(r"oe(?=[a-z])"), "e"),  # oedema, oesophagus, diarrhoea, coeliac
    (re.compile(r"our(s?)$"), r"or\1"),  # tumour, tumours
    (re.compile(r"tre(s?)$"), r"ter\1"),  # centre, centres
    (re.compile(r"sulph"), "sulf"),  # sulphate
]


# Asked for each typed word by every card's "why this matched" (via Clause.prefix).
@lru_cache(maxsize=4096)
def american_spelling(word: str) -> str | None:
    """The American spelling of a British one ("lymphoedema" -> "lymphedema"), or None."""
    if len(word) < 6:
        return None
    american = word
    for pattern, replacement in _AMERICAN:
        american = pattern.sub(replacement, american)
    return american if american != word else None


# Cancer acronyms that are also everyday words (and so stopwords to PostgreSQL, which
# drops them from the text and the query alike): typed in capitals, they mean the cancer
# ("ALL in children", "B-ALL"); in lower case, "all" is just a word.
_WORD_ACRONYMS = {"ALL": ["acute lymphoblastic leukaemia", "acute lymphoblastic leukemia"]}
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "i",
        "in",
        "is",
        "it",
        "its",
        "me",
        "my",
        "of",
        "on",
        "or",
        "that",
        "the",
        "this",
        "to",
        "was",
        "with",
        "what",
        "which",
        "who",
        "trial",
        "trials",
        "near",
        "all",
    ]
)
# How people ask, not what they ask for: "is there a trial for my mum with breast
# cancer" must find breast cancer trials, not trials whose text says "there" and "mum".
_CONVERSATIONAL = frozenset(
    [
        *("about", "am", "any", "anything", "are", "been", "can", "could", "did", "do"),
        *("does", "find", "get", "he", "help", "her", "hers", "him", "his", "how"),
        *("looking", "need", "our", "please", "search", "she", "some", "someone"),
        *("their", "them", "there", "they", "want", "we", "were", "where", "would"),
        *("you", "your"),
        # Who the search is for.
        *("mum", "mom", "mother", "dad", "father", "son", "daughter", "husband", "wife"),
        *("partner", "brother", "sister", "friend", "grandmother", "grandfather"),
        *("grandma", "grandad", "grandpa", "nan"),
    ]
)
# On a cancer trial finder these say nothing on their own: "bowel cancer" means "bowel",
# "cancer" alone means every trial, and "clinical trials" just "trials".
_GENERIC = frozenset(
    ["cancer", "cancers", "tumour", "tumours", "tumor", "tumors", "study", "studies", "clinical"]
)
_NOT_SEARCHED = _STOPWORDS | _CONVERSATIONAL | _GENERIC
_NOT_SEARCHED_IN_JOINED = _STOPWORDS | _GENERIC


@dataclass
class Clause:
    typed: str
    alternatives: list[str]
    negated: bool = False

    @property
    def has_synonyms(self) -> bool:
        """Whether the table knows the typed words: more than their US spelling."""
        return bool(set(self.alternatives) - {self.typed, american_spelling(self.typed)})

    @property
    def prefix(self) -> str | None:
        """The one alternative also found at the start of longer words: the typed word,
        which may be unfinished ("melan" for melanoma). Synonyms are whole words, and
        so is a typed word that has some, as one we know: "kids" must not find "kidney",
        nor "breast" "breastfeeding"."""
        if " " in self.typed or not open_ended(self.typed) or self.has_synonyms:
            return None
        return self.typed


@dataclass
class ParsedQuery:
    text: str
    clauses: list[Clause] = field(default_factory=list)

    @property
    def positive(self) -> list[Clause]:
        return [c for c in self.clauses if not c.negated]


def clean_query(q: str) -> str:
    """Bound the cost of any query: printable characters only, capped length."""
    q = "".join(ch for ch in q if ch.isprintable())
    return " ".join(q.split())[:MAX_QUERY_LENGTH]


# Edits forget the map (signals); this only bounds how long an unused one is kept.
SYNONYMS_CACHE_SECONDS = 300


def synonym_map() -> dict[str, set[str]]:
    """Normalised phrase -> every phrase it should also find. Every search reads it, so
    each process keeps it built (unpickling it took half a millisecond a search)."""
    return kept_in_process(synonyms_cache_key(), _read_synonyms, SYNONYMS_CACHE_SECONDS)


def _read_synonyms() -> dict[str, set[str]]:
    mapping: dict[str, set[str]] = {}
    for term, equivalents, two_way in Synonym.objects.values_list("term", "equivalents", "two_way"):
        group = {normalise_text(term)} | {normalise_text(e) for e in lines(equivalents)}
        group.discard("")
        members = group if two_way else {normalise_text(term)}
        for member in members:
            mapping.setdefault(member, set()).update(group)
    return mapping


def parse(q: str) -> ParsedQuery:
    q = clean_query(q)
    parsed = ParsedQuery(text=q)
    synonyms = synonym_map()
    pending_or = False
    # (normalised word, negated, part of a hyphenated word), flushed into clauses
    words: list[tuple[str, bool, bool]] = []

    def add(clause: Clause) -> None:
        nonlocal pending_or
        if pending_or and parsed.clauses and not clause.negated:
            previous = parsed.clauses[-1]
            previous.typed += f" OR {clause.typed}"
            previous.alternatives += [
                a for a in clause.alternatives if a not in previous.alternatives
            ]
        else:
            parsed.clauses.append(clause)
        pending_or = False

    def flush() -> None:
        i = 0
        while i < len(words):
            word, negated, joined = words[i]
            # Longest known phrase first: "blood cancer" before "blood".
            for n in range(min(4, len(words) - i), 1, -1):
                phrase = " ".join(w for w, _neg, _joined in words[i : i + n])
                # "brain tumours" as "brain tumour".
                known = phrase if phrase in synonyms else phrase.removesuffix("s")
                if known in synonyms and not any(neg for _w, neg, _j in words[i : i + n]):
                    add(
                        Clause(
                            phrase, sorted(synonyms[known] | {phrase}, key=lambda a: (len(a), a))
                        )
                    )
                    i += n
                    break
            else:
                # "HER-2" is not the word "her".
                if word not in (_NOT_SEARCHED_IN_JOINED if joined else _NOT_SEARCHED):
                    others = set(synonyms.get(word, set()))
                    if american := american_spelling(word):
                        others.add(american)
                    add(Clause(word, [word, *sorted(others - {word})], negated))
                i += 1
        words.clear()

    # A query typed all in capitals ("ALL LEEDS") is not a sign of acronyms, unless its
    # longer words are acronyms we know too ("NSCLC OR ALL").
    shouting = q.isupper() and any(
        len(w) > 3 and w.lower() not in synonyms for w in re.findall(r"[^\W\d_]+", q)
    )
    # "non small cell" as the search text has it: "nonsmall cell" (indexing.join_non), and
    # "has not spread" as "localised", "HER2+" as "HER2 positive" (indexing.reworded).
    unsearched = _NEAR_ME.sub(" ", _AGE_RANGE_WORDS.sub(" ", q))
    for match in _TOKEN.finditer(join_non(reworded(unsearched))):
        phrase, minus, word = match.groups()
        acronym = None if shouting else _WORD_ACRONYMS.get(word.rsplit("-", 1)[-1] if word else "")
        if acronym:
            flush()
            add(Clause(word, list(acronym), bool(minus)))
        elif phrase is not None:
            flush()
            normalised = normalise_text(phrase)
            if normalised:
                add(
                    Clause(
                        normalised,
                        [normalised, *sorted(synonyms.get(normalised, set()) - {normalised})],
                    )
                )
        elif word.lower() == "or" and not minus:
            flush()
            pending_or = True
        else:
            parts = normalise_text(word).split()
            if len(parts) > 1:
                # A lone letter from "CAR-T" or "T-cell" says nothing on its own (it is a
                # stopword to PostgreSQL); digits ("PD-1") do.
                parts = [p for p in parts if len(p) > 1 or p.isdigit()] or parts
            for part in parts:
                words.append((part, bool(minus), len(parts) > 1))
    flush()
    parsed.clauses = parsed.clauses[:MAX_CLAUSES]
    return parsed


# "over 70", "aged 8", "age 45", "70 years old", "a 70-year-old": an age typed as words.
# "Trials for the over-70s" too: the youngest of them, whom every trial for them takes.
# ("under 18" is a range, not an age, so it is left to the words.)
_AGE_WORDS = re.compile(
    r"\b(?:(?:over|aged?|older than)[\s-]+(\d{1,3})(?:['’]?s\b)?"
    r"|(\d{1,3})(?:\s*|-)(?:years?|yrs?)(?:\s*|-)old)\b",
    re.IGNORECASE,
)


# "under 5", "younger than 18": a range of ages, not one age for the age box. As words,
# "under" and "5" matched text that says nothing about age ("5 mg", "under review").
_AGE_RANGE_WORDS = re.compile(
    r"\b(?:under|below|younger than|less than)\s+\d{1,3}(?:\s*-?\s*(?:years?|yrs?)"
    r"(?:\s*-?\s*old)?)?(?!\w)",
    re.IGNORECASE,
)


# "Near me", "nearby", "in my area": where the visitor is, which the words cannot say. As
# words, "lung cancer nearby" found nothing and "breast cancer in my area" only a trial
# that says "area". ("Local" only before "trials": "local anaesthetic" is a treatment.)
_NEAR_ME = re.compile(
    r"\b(?:(?:near|close)\s+(?:to\s+)?(?:me|us|here|my\s+home)|nearby"
    r"|in\s+my\s+(?:area|region|town|city)|local(?=\s+(?:[^\W\d_]+\s+){0,3}trials?\b))\b",
    re.IGNORECASE,
)


def near_me_in_words(q: str) -> str | None:
    """The words asking for trials near the visitor ("near me"), which are not searched."""
    match = _NEAR_ME.search(clean_query(q))
    return match.group(0) if match else None


def age_range_in_words(q: str) -> str | None:
    """The age range typed among the words ("under 5"), which the search leaves out."""
    match = _AGE_RANGE_WORDS.search(clean_query(q))
    return match.group(0) if match else None


# Words that joined an age or area to the rest, left hanging once it is taken out:
# "leukaemia in a 6 year old" is the words "leukaemia", not "leukaemia in a".
_JOINING = frozenset(
    {"a", "an", "the", "in", "for", "of", "at", "with", "and", "or", "who", "is", "my", "near"}
)


def _without(q: str, match: re.Match) -> str:
    """The search text with the matched words, and the words left hanging, taken out."""
    before = q[: match.start()].split()
    while before and before[-1].lower() in _JOINING:
        before.pop()
    words = before + q[match.end() :].split()
    while words and words[0].lower() in _JOINING:
        words.pop(0)
    while words and words[-1].lower() in _JOINING:
        words.pop()
    return " ".join(words)


def age_in_words(q: str) -> tuple[int, str] | None:
    """(the age, the search text without it) when the words give an age, as callers who
    do not see the age box type it: "bowel cancer over 70" is (70, "bowel cancer")."""
    q = clean_query(q)
    match = _AGE_WORDS.search(q)
    if match is None:
        return None
    age = int(match.group(1) or match.group(2))
    if age > 120:
        return None
    return age, _without(q, match)


_PHASE_WORDS = re.compile(
    r"\bphase\s*(iv|i{1,3}|[1-4])(?:\s*[/-]\s*(iv|i{1,3}|[1-4]))?\b", re.IGNORECASE
)
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
_PHASES = {
    ("1", None): Phase.PHASE1,
    ("2", None): Phase.PHASE2,
    ("3", None): Phase.PHASE3,
    ("4", None): Phase.PHASE4,
    ("1", "2"): Phase.PHASE1_PHASE2,
    ("2", "3"): Phase.PHASE2_PHASE3,
}


def phase_in_words(q: str) -> tuple[str, str] | None:
    """(the phase, the search text without it) when the words name a trial phase:
    "phase 3 breast cancer" is (PHASE3, "breast cancer"); "phase I/II" is phase 1/2."""
    q = clean_query(q)
    match = _PHASE_WORDS.search(q)
    if match is None:
        return None
    first, second = (_ROMAN.get(n.lower(), n) if n else None for n in match.groups())
    phase = _PHASES.get((first, second))
    if phase is None:
        return None
    return str(phase), _without(q, match)


# Areas as people type them, and their area's slug (seeded by trialfinder.trials.seed):
# UK nations, English regions and the countries in the area list. Towns stay words:
# they are searched in the sites' text. US states too: "Washington", "Georgia" and
# "Indiana" name universities and a country as often as a state.
_AREAS = {
    "united kingdom": "united-kingdom",
    "uk": "united-kingdom",
    "england": "england",
    "scotland": "scotland",
    "wales": "wales",
    "northern ireland": "northern-ireland",
    "london": "london",
    "north east": "north-east",
    "north west": "north-west",
    "yorkshire and the humber": "yorkshire-and-the-humber",
    "yorkshire": "yorkshire-and-the-humber",
    "east midlands": "east-midlands",
    "west midlands": "west-midlands",
    "east of england": "east-of-england",
    "south east": "south-east",
    "south west": "south-west",
    "united states": "united-states",
    "united states of america": "united-states",
    "usa": "united-states",
    "america": "united-states",
    # "us" alone is a word ("help us"); "in the US" is the country.
    "the us": "united-states",
    "ireland": "ireland",
    "republic of ireland": "ireland",
    "france": "france",
    "germany": "germany",
    "netherlands": "netherlands",
    "holland": "netherlands",
    "belgium": "belgium",
    "spain": "spain",
    "italy": "italy",
    "canada": "canada",
    "australia": "australia",
    "denmark": "denmark",
    "sweden": "sweden",
    "norway": "norway",
    "switzerland": "switzerland",
    "poland": "poland",
    "china": "china",
    "japan": "japan",
    "south korea": "south-korea",
    "korea": "south-korea",
}
# Not the places that share these names ("New South Wales", "New England", "Latin
# America", "North Korea"), nor "South West Oncology Group" or "south east Asia".
# And parts of an area are in it: "South Wales", "south-west London", "West Yorkshire".
_COMPASS = r"(?:(?:north|south|east|west|mid)(?:[\s-]+(?:east|west))?[\s-]+)?"
_WITH_PARTS = ["wales", "london", "yorkshire", "scotland"]
_BEFORE = {
    "america": r"(?<!north )(?<!south )(?<!latin )(?<!central )",
    "korea": r"(?<!north )",
    **dict.fromkeys(_WITH_PARTS, _COMPASS),
}
_AFTER = dict.fromkeys(
    ["north east", "north west", "south east", "south west"],
    r"(?![\s-]+(?:" + "|".join(_WITH_PARTS) + r")\b)",
)
_AREA_WORDS = re.compile(
    r"\b(?:(?:in|near|around)\s+)?(?<!south )(?<!new )("
    + "|".join(
        _BEFORE.get(name, "") + name.replace(" ", r"[\s-]+") + _AFTER.get(name, "")
        for name in sorted(_AREAS, key=len, reverse=True)
    )
    + r")\b(?!\s+(?:asia|asian|oncology|ontario|cancer\s+group))",
    re.IGNORECASE,
)


def area_in_words(q: str) -> tuple[str, str] | None:
    """(the area's slug, the search text without it) when the words name a UK nation,
    an English region or a country: "breast cancer in scotland" is ("scotland", "breast
    cancer")."""
    q = clean_query(q)
    match = _AREA_WORDS.search(q)
    if match is None:
        return None
    name = " ".join(re.split(r"[\s-]+", match.group(1).lower()))
    if name not in _AREAS:
        name = name.rsplit(" ", 1)[1]  # "south wales": Wales
    return _AREAS[name], _without(q, match)


def readable(typed: str) -> str:
    """Typed words as the page shows them: "nonhodgkin" as "non-hodgkin"."""
    return _JOINED_NON.sub("non-", typed)


# Not the words that only start so: "none", "nonetheless", "nonsense", "nonagenarian".
_JOINED_NON = re.compile(r"\bnon(?!e|sense|agenarian)(?=[^\W\d_]{4,})")


@lru_cache(maxsize=256)
def _generic_after(typed: str) -> re.Pattern:
    words = r"[\W_]+".join(re.escape(w) for w in typed.split())
    return re.compile(rf"(?<!\w){words}[\W_]+(cancers?|tumou?rs?)\b", re.IGNORECASE)


def shorter_searches(parsed: ParsedQuery, limit: int = 4) -> list[str]:
    """The search text with each of its first `limit` words or phrases left out in turn:
    every word must match, so when nothing does, the nearest broader searches are these
    ("radiotherapy for prostate" -> "prostate", "radiotherapy")."""
    if len(parsed.positive) < 2:
        return []
    known = synonym_map()

    def text(clause: Clause) -> str:
        words = readable(clause.typed)
        # Quoted only as the visitor quoted it: a phrase the table knows ("secondary
        # liver cancer") is read as one again.
        if " " in words and " OR " not in words and clause.typed not in known:
            words = f'"{words}"'
        # "breast cancer", not "breast": "cancer" is not searched, but reads as typed.
        if generic := _generic_after(clause.typed).search(parsed.text):
            words += f" {generic.group(1)}"
        return f"-{words}" if clause.negated else words

    return [
        " ".join(text(c) for c in parsed.clauses if c is not left_out)
        for left_out in parsed.positive[:limit]
    ]


def _identifier_keys(q: str) -> tuple[str, ...] | None:
    """`q` as IDs are stored for lookup, or None when `q` cannot be an ID. Eight digits
    alone may be the number of an NCT or ISRCTN ID read out without its letters."""
    key = normalise_identifier(q)
    # An ID has a digit and is at most a few words ("EORTC 62027", "Oracle - 732").
    if not key or not any(ch.isdigit() for ch in key) or len(q.split()) > 4:
        return None
    if len(key) == 8 and key.isdigit():
        return (key, f"NCT{key}", f"ISRCTN{key}")
    return (key,)


def _has_identifier(keys: tuple[str, ...]) -> Exists:
    return Exists(TrialIdentifier.objects.filter(trial_id=OuterRef("pk"), normalised__in=keys))


def exact_identifier_match(q: str, queryset: TrialQuerySet) -> Trial | None:
    """The one trial whose ID is exactly `q`, so the page can go straight to it. (Only
    its slug is loaded: this runs before every search with a possible ID in it.)"""
    keys = _identifier_keys(clean_query(q))
    if keys is None:
        return None
    hits = list(queryset.filter(_has_identifier(keys)).only("slug")[:2])
    return hits[0] if len(hits) == 1 else None


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def _stem(word: str) -> str:
    """Just enough for SQLite to find 'sarcoma' from 'sarcomas' and 'therapy' from
    'therapies'; PostgreSQL uses its English stemmer instead."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def open_ended(word: str) -> bool:
    """Whether a word also finds the longer words it begins ("melan" finds "melanoma").
    Short ones match whole words only: "car" (from "CAR-T") must not find "carcinoma",
    nor "t" every word that starts with a t."""
    return len(word) >= MIN_PREFIX


def _sqlite_condition(clause: Clause) -> Q:
    alternatives = []
    prefix = clause.prefix
    for alt in clause.alternatives:
        if alt == prefix:
            # A leading space anchors the match at a word start (the document has none).
            stem = _stem(alt)
            alternatives.append(
                Q(search_document__startswith=stem) | Q(search_document__contains=" " + stem)
            )
        else:
            # The whole word, or its plural ("eye" finds "eyes", as stemming does).
            for phrase in (alt, alt + "s"):
                alternatives.append(
                    Q(search_document=phrase)
                    | Q(search_document__startswith=phrase + " ")
                    | Q(search_document__contains=f" {phrase} ")
                    | Q(search_document__endswith=" " + phrase)
                )
    return reduce(lambda a, b: a | b, alternatives)


def _postgres_query(clause: Clause) -> tuple[str, list[str]]:
    parts, params = [], []
    prefix = clause.prefix
    for alt in clause.alternatives:
        if " " in alt:
            part, param = "phraseto_tsquery('english', %s)", alt
        elif alt == prefix:
            # The typed word may be unfinished ("melan"), but only titles, IDs, cancer
            # types, treatments and summaries (weights A to C) are searched for words
            # it starts: in the criteria and hospitals (D), "lynch" found "Lynchburg"
            # and "heart" "Heartland". Safe as raw: normalise_text leaves word characters.
            part, param = "to_tsquery('english', %s)", f"{alt} | {alt}:*ABC"
        else:
            # Synonyms are whole words: "colon:*" would also find "colonoscopy".
            part, param = "plainto_tsquery('english', %s)", alt
        parts.append(f"!!({part})" if clause.negated else part)
        params.append(param)
    # NOT (a OR b) is (NOT a) AND (NOT b).
    joiner = " && " if clause.negated else " || "
    return f"({joiner.join(parts)})", params


def tsquery(parsed: ParsedQuery) -> RawSQL | None:
    """The words as one tsquery. One SQL expression, not a tree of SearchQuery objects:
    Django copies and resolves each node of a tree every time the query is used (the
    filter, the ranking and the newest-matches subquery), which for a word with a dozen
    synonyms cost more Python than the database took to search."""
    if not parsed.clauses:
        return None
    parts, params = [], []
    for clause in parsed.clauses:
        part, clause_params = _postgres_query(clause)
        parts.append(part)
        params += clause_params
    return RawSQL(" && ".join(parts), params, output_field=SearchQueryField())


class Matches(Func):
    """`vector @@ query`: the text index's operator, as a filter."""

    arg_joiner = " @@ "
    template = "%(expressions)s"
    output_field = BooleanField()


def identifier_found(q: str, queryset: TrialQuerySet) -> bool | None:
    """Whether `q` is the ID of a trial in `queryset`; None when it cannot be an ID."""
    keys = _identifier_keys(clean_query(q))
    return None if keys is None else queryset.filter(_has_identifier(keys)).exists()


def search(
    queryset: TrialQuerySet,
    q: str,
    parsed: ParsedQuery | None = None,
    *,
    id_found: bool | None = None,
) -> TrialQuerySet:
    """Narrow `queryset` to the trials matching the words or ID in `q`.

    Something that looks like an ID and is one ("EORTC 62027", "nct 0003 1915") wins
    outright: an indexed lookup, where OR-ing it into the text search would make
    PostgreSQL scan every trial. `id_found`, when the caller knows it
    (`identifier_found`), saves checking that again.
    """
    q = clean_query(q)
    if not q:
        return queryset
    keys = _identifier_keys(q)
    if keys is not None:
        id_hits = queryset.filter(_has_identifier(keys))
        if id_found is None:
            id_found = id_hits.exists()
        if id_found:
            return id_hits
    parsed = parse(q) if parsed is None else parsed
    if not parsed.clauses:
        return queryset
    if _is_postgres():
        return queryset.filter(Matches(F("search_vector"), tsquery(parsed)))
    for clause in parsed.clauses:
        condition = _sqlite_condition(clause)
        queryset = queryset.exclude(condition) if clause.negated else queryset.filter(condition)
    return queryset


def order_by_relevance(
    queryset: TrialQuerySet,
    q: str,
    matches: int | None = None,
    parsed: ParsedQuery | None = None,
) -> TrialQuerySet:
    """Most relevant first. PostgreSQL ranks with the weighted vector; SQLite puts title
    matches first.

    `matches` is how many trials match, when the caller knows. Up to RANK_ALL_LIMIT,
    every match is ranked in one pass over the text index; above it (or when not known)
    only the newest RANKED_LIMIT are, which needs a subquery and a join back.
    """
    parsed = parse(q) if parsed is None else parsed
    if not parsed.positive:
        return queryset.order_by("-updated", "pk")
    if matches is None or matches > RANK_ALL_LIMIT:
        queryset = _newest_matches(queryset, matches)
    if _is_postgres():
        # Length normalisation 1 (divided by 1 + log of the length): a long record does
        # not win on loose repeats alone. For several words, cover density too: the
        # words close together rank above the same words scattered ("HER2 positive
        # breast cancer" above a HER2-negative trial whose criteria say "positive"). It
        # costs about twice plain ts_rank, so one word or phrase keeps the cheaper one.
        rank = SearchRank(
            F("search_vector"),
            tsquery(parsed),
            cover_density=len(parsed.positive) > 1,
            normalization=Value(1),
        )
        return queryset.annotate(rank=rank).order_by("-rank", "-updated", "pk")
    first = parsed.positive[0].alternatives
    in_title = reduce(lambda a, b: a | b, [Q(title__icontains=alt) for alt in first])
    return queryset.annotate(
        title_hit=Case(When(in_title, then=Value(1)), default=Value(0), output_field=IntegerField())
    ).order_by("-title_hit", "-updated", "pk")


def ranked_count(q: str, matches: int, parsed: ParsedQuery | None = None) -> int:
    """How many of the `matches` a relevance ordering for `q` shows."""
    if matches > RANK_ALL_LIMIT and (parse(q) if parsed is None else parsed).positive:
        return RANKED_LIMIT
    return matches


def _newest_matches(queryset: TrialQuerySet, matches: int | None) -> TrialQuerySet:
    """Only the RANKED_LIMIT most recently updated of `queryset`.

    `matches` picks how PostgreSQL finds them: walking the `updated` index pays when most
    trials match, but rechecks every vector it passes, which is slow when few do; then an
    ordering the index cannot serve makes it fetch the matches through the GIN index.
    """
    newest_first: list = ["-updated", "pk"]
    if matches is not None and matches < 10 * RANKED_LIMIT:
        opaque = ExpressionWrapper(F("updated") + timedelta(0), output_field=DateTimeField())
        newest_first = [opaque.desc(), "pk"]
    newest = queryset.order_by(*newest_first).values("pk")[:RANKED_LIMIT]
    return queryset.filter(pk__in=newest)


# A spelling fix is looked up again by the page it leads to, and by every visitor who
# makes the same mistake; new words move the generation on, and new code the release.
SPELLING_CACHE_SECONDS = 3600
# Enough to tell a common spelling from a rare one without counting every trial.
FOUND_ALONE_CAP = 1000


def spelling_fix(word: str) -> str | None:
    """The known cancer-type, treatment or synonym word closest to `word`, if close."""
    if len(word) < 4 or not word.isalpha():
        return None
    key = f"spelling:{code_release()}:{generation()}:{word[:100]}"
    fix = cache.get(key)
    if fix is None:
        fix = _closest_known_word(word) or ""
        cache.set(key, fix, SPELLING_CACHE_SECONDS)
    return fix or None


def _closest_known_word(word: str) -> str | None:
    """The known word fewest slips from `word`, within reach; of several as close, the
    one that finds most trials ("breat" is "breast" before "breath")."""
    alike = _most_alike(word)
    if word in alike:
        return None
    # Trigrams and difflib miss two swapped pairs of letters ("mylemoa" shares two of
    # its trigrams with "myeloma"), so then the slips are counted instead.
    near = _within_reach(word, alike) or _within_reach(word, _same_first_letter(word))
    if not near:
        return None
    fewest = min(near.values())
    closest = sorted(term for term, slips in near.items() if slips == fewest)
    return closest[0] if len(closest) == 1 else max(closest, key=_found_alone)


# Enough of the most alike known words to hold every one as close as the closest.
ALIKE = 5


def _most_alike(word: str) -> list[str]:
    if _is_postgres():
        # The % operator (trigram_similar) uses the GIN trigram index; then rank.
        return list(
            SpellingTerm.objects.filter(term__trigram_similar=word)
            .annotate(similarity=TrigramSimilarity("term", word))
            .order_by("-similarity", "term")
            .values_list("term", flat=True)[:ALIKE]
        )
    candidates = _starting_like(word) or list(
        SpellingTerm.objects.values_list("term", flat=True)[:5000]
    )
    return difflib.get_close_matches(word, candidates, n=ALIKE, cutoff=0.75)


def _starting_like(word: str) -> list[str]:
    """The known words with the same first letter."""
    return list(
        SpellingTerm.objects.filter(term__startswith=word[0]).values_list("term", flat=True)
    )


def _same_first_letter(word: str) -> list[str]:
    """The known words with the same first letter and about as long."""
    return [term for term in _starting_like(word) if abs(len(term) - len(word)) <= 2]


def _within_reach(typed: str, known: list[str]) -> dict[str, int]:
    """Each known word that can be what the visitor meant, with its slips: one in a short
    word, two in most, three in a long one. Further off it is another word that happens
    to be the nearest we know: "sacituzumab" is not "bemarituzumab", nor "scalp" "scan"."""
    allowed = 1 if len(typed) <= 5 else 2 if len(typed) <= 8 else 3
    slips = {term: edits(typed.lower(), term.lower()) for term in known}
    return {term: n for term, n in slips.items() if n <= allowed}


def _found_alone(word: str) -> int:
    """How many published trials `word` alone finds, counted up to FOUND_ALONE_CAP."""
    key = f"spelling:found:{code_release()}:{generation()}:{word[:100]}"
    found = cache.get(key)
    if found is None:
        found = search(Trial.objects.published(), word)[:FOUND_ALONE_CAP].count()
        cache.set(key, found, SPELLING_CACHE_SECONDS)
    return found


def edits(a: str, b: str) -> int:
    """Letters added, dropped, changed or swapped with the next to turn `a` into `b`
    (optimal string alignment distance)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


def confident_fix(typed: str, fix: str) -> bool:
    """Close enough to make without asking: one slip of the finger ("sarcomma",
    "brest", "leukeamia"), two in a long word. Not a different word that happens to be
    the nearest we know: "lymphoedema" is not lymphoma, nor "zolbetuximab" rituximab."""
    return edits(typed.lower(), fix.lower()) <= (2 if len(typed) >= 10 else 1)


def _may_fix(clause: Clause) -> bool:
    # A phrase or a word with known synonyms is spelt as we know it.
    return " " not in clause.typed and not clause.has_synonyms


def may_be_misspelt(parsed: ParsedQuery) -> bool:
    """Whether a typed word has a known word spelt close to it that it is not: the
    cheap first test before `suggest`, from the cached spelling fixes."""
    return any(_may_fix(clause) and spelling_fix(clause.typed) for clause in parsed.positive)


def suggest(q: str, confident: bool = False) -> str | None:
    """The query with misspelt words replaced ("sarcomma" -> "sarcoma"), or None.
    `confident`: None unless every fix is close enough to make without asking."""
    parsed = parse(q)
    # As the words were parsed: a clause's "nonhodgkn" is "non-hodgkn" as typed.
    changed, text = False, join_non(parsed.text)
    for clause in parsed.positive:
        if not _may_fix(clause):
            continue
        fix = spelling_fix(clause.typed)
        # A word some trials spell so is a fix only as a slip of the finger that finds
        # more ("sarcomma" in one registry record), not as a different word that finds
        # more ("quality" is not "reality", nor "immunotherapy" "therapy").
        if fix and (
            (typed := _found_alone(clause.typed)) == 0
            or (confident_fix(clause.typed, fix) and _found_alone(fix) > typed)
        ):
            if confident and not confident_fix(clause.typed, fix):
                return None
            text = re.sub(
                rf"\b{re.escape(clause.typed)}\b", fix, text, count=1, flags=re.IGNORECASE
            )
            changed = True
    return readable(text) if changed else None


__all__ = [
    "MAX_QUERY_LENGTH",
    "exact_identifier_match",
    "order_by_relevance",
    "parse",
    "ranked_count",
    "search",
    "suggest",
]
