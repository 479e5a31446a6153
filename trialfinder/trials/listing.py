"""Lists of trial cards (results, cancer-type pages, the nurse lookup): the page, its
rows and everything each row shows, in a fixed number of queries whatever the count."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Prefetch, Value
from django.http import HttpRequest
from django.template.loader import get_template
from django.utils.translation import get_language

from trialfinder.core.caching import code_release
from trialfinder.trials.models import Condition, Site, Trial, TrialIdentifier, TrialQuerySet

PAGE_SIZE = 20
# A card changes only with its trial, and the generation in its key moves on with every
# change, so this only bounds how long unused ones take up room.
CARDS_CACHE_SECONDS = 3600
# Deep pages cost the database and help nobody reading results; refine the search instead.
MAX_PAGE = 500
# Long texts a result card never shows: not worth reading from the database.
CARD_DEFERRED = [
    "search_document",
    "search_vector",
    "eligibility_criteria",
    "inclusion_criteria",
    "exclusion_criteria",
    "detailed_description",
    "more_about",
    "what_is_involved",
    "results_summary",
]


# What a public result card and its "why this matched" read; nothing else is loaded.
# (Staff rows show more, so they keep every column but the long texts.)
CARD_FIELDS = [
    "slug",
    "title",
    "acronym",
    "is_example",
    "status",
    "has_results",
    "phase",
    "min_age_months",
    "max_age_months",
    "summary",
    "brief_summary",
    "updated",
    "end_date",
]


# What cards and the nurse screens show of a site in the visitor's area.
AREA_SITE_FIELDS = ["trial_id", "facility", "city", "status", "contact_phone"]


class KnownCountPaginator(Paginator):
    """A paginator told its count (the facet query already has it), saving a query."""

    def __init__(self, object_list, per_page: int, count: int) -> None:
        super().__init__(object_list, per_page)
        self.count = count


def results_page(
    request: HttpRequest, qs: TrialQuerySet, count: int | None = None, per_page: int = PAGE_SIZE
) -> tuple[Page, bool]:
    """The requested page, and whether the page number had to be corrected."""
    if count is None:
        paginator = Paginator(qs, per_page)
    else:
        paginator = KnownCountPaginator(qs, per_page, count)
    raw = request.GET.get("page", "1")
    page = paginator.get_page(page_number(raw))
    corrected = raw != str(page.number) and "page" in request.GET
    return page, corrected


def page_number(raw: str) -> int:
    """A page number from the query string: plain ASCII digits, at most MAX_PAGE.
    Anything else ('abc', '-1', '²', a 5,000-digit number) means page 1."""
    if raw.isascii() and raw.isdigit() and len(raw) <= len(str(MAX_PAGE)):
        return max(1, min(int(raw), MAX_PAGE))
    if raw.isascii() and raw.isdigit():
        return MAX_PAGE
    return 1


@dataclass(frozen=True)
class Linked:
    """A cancer type or treatment as a public card and its "why this matched" use it."""

    pk: int
    name: str
    synonyms: str = ""
    other_names: str = ""


def with_card_data(qs: TrialQuerySet, card_only: bool = False) -> TrialQuerySet:
    """Everything a result card shows, in a fixed number of queries per page (the sites
    come from `annotate_cards`). `card_only`: just the card's own columns, for public
    cards, whose cancer types, treatments and sites come from `load_cards`."""
    if not qs.query.order_by:
        qs = qs.order_by("-updated", "pk")
    if card_only:
        return qs.only(*CARD_FIELDS)
    return qs.defer(*CARD_DEFERRED).prefetch_related(
        Prefetch("conditions", queryset=Condition.objects.only("name", "slug", "synonyms")),
    )


def attach_links(trials, with_interventions: bool = False) -> None:
    """Each card's cancer types (`card_conditions`) and, for word searches, treatments
    (`card_interventions`), one plain query each. Prefetching builds a related manager
    and a queryset per card, which cost more than the queries themselves."""
    trials = list(trials)
    ids = [trial.pk for trial in trials]
    conditions: dict[int, list[Linked]] = {}
    for trial_id, pk, name, synonyms in (
        Trial.conditions.through.objects.filter(trial_id__in=ids)
        .order_by("condition__name")
        .values_list("trial_id", "condition_id", "condition__name", "condition__synonyms")
    ):
        conditions.setdefault(trial_id, []).append(Linked(pk, name, synonyms=synonyms))
    interventions: dict[int, list[Linked]] = {}
    if with_interventions and ids:
        for trial_id, pk, name, other_names in (
            Trial.interventions.through.objects.filter(trial_id__in=ids)
            .order_by("intervention__name")
            .values_list(
                "trial_id", "intervention_id", "intervention__name", "intervention__other_names"
            )
        ):
            interventions.setdefault(trial_id, []).append(Linked(pk, name, other_names=other_names))
    for trial in trials:
        trial.card_conditions = conditions.get(trial.pk, [])
        trial.card_interventions = interventions.get(trial.pk, [])


def annotate_cards(trials, region_ids: set[int]) -> None:
    """Each card's number of sites, and its sites in the visitor's area. Cards show a
    count, not the sites, so the sites are counted in the database: loading every site
    of a page of large international trials cost more than the rest of the page. (A
    COUNT annotation on the page query would make the database group every match
    before it could apply the page's LIMIT.)"""
    trials = list(trials)
    ids = [trial.pk for trial in trials]
    if not ids:
        return
    counts = dict(
        Site.objects.filter(trial_id__in=ids)
        .order_by()
        .values("trial_id")
        .annotate(n=Count("pk"))
        .values_list("trial_id", "n")
    )
    in_region: dict[int, list[Site]] = {}
    if region_ids:
        for site in Site.objects.filter(trial_id__in=ids, region_id__in=region_ids).only(
            *AREA_SITE_FIELDS
        ):
            in_region.setdefault(site.trial_id, []).append(site)
    for trial in trials:
        trial.site_count = counts.get(trial.pk, 0)
        trial.sites_in_region = in_region.get(trial.pk, [])


@dataclass(frozen=True)
class CardData:
    """What a public card and its "why this matched" need beyond the trial's own
    columns: the same for every search, so kept in the shared cache (see load_cards)."""

    facts_html: str
    conditions: list[Linked]
    interventions: list[Linked]
    site_count: int
    area_site_count: int
    # Each hospital as "facility, city": the words of a search may name one.
    places: tuple[str, ...] = ()
    # And the trial's numbers: a nurse may type part of one ("NCT05").
    numbers: tuple[str, ...] = ()


def load_cards(trials, generation: int, region=None, region_ids: set[int] = frozenset()) -> None:
    """Everything the public cards on a page show, from the shared cache in one read:
    each card's facts as HTML (title, status, phase, cancer types, age, hospitals and
    those in the visitor's area) and what "why this matched" reads (cancer types,
    treatments, hospitals, trial numbers). None of it depends on the search, so every
    search shares it until a trial changes (`generation`). Only cards not in the cache
    are loaded (five queries, whatever their number), rendered and stored."""
    trials = list(trials)
    area = region.slug if region else ""
    prefix = f"card:{code_release()}:{generation}:{get_language()}:{area}"
    keys = {trial.pk: f"{prefix}:{trial.pk}" for trial in trials}
    found = cache.get_many(list(keys.values()))
    missing = [trial for trial in trials if keys[trial.pk] not in found]
    if missing:
        annotate_cards(missing, region_ids)
        attach_links(missing, with_interventions=True)
        places, numbers = _places_and_numbers([trial.pk for trial in missing])
        template = get_template("trials/_card_facts.html")
        stored = {}
        for trial in missing:
            stored[keys[trial.pk]] = CardData(
                facts_html=template.render({"trial": trial, "chosen_region": region}),
                conditions=trial.card_conditions,
                interventions=trial.card_interventions,
                site_count=trial.site_count,
                area_site_count=len(trial.sites_in_region),
                places=tuple(places.get(trial.pk, ())),
                numbers=tuple(numbers.get(trial.pk, ())),
            )
        cache.set_many(stored, CARDS_CACHE_SECONDS)
        found.update(stored)
    for trial in trials:
        card = found[keys[trial.pk]]
        trial.facts_html = card.facts_html
        trial.card_conditions = card.conditions
        trial.card_interventions = card.interventions
        trial.site_count = card.site_count
        trial.area_site_count = card.area_site_count
        trial.card_places = card.places
        trial.card_numbers = card.numbers


def _places_and_numbers(trial_ids: list[int]) -> tuple[dict, dict]:
    """Each trial's hospitals as "facility, city", once each, and its trial numbers.
    Read only for cards not yet in the cache, as short columns in one query, not whole
    sites (the page keeps within its query budget)."""
    sites = (
        # No ordering of their own: SQLite allows none inside a UNION.
        Site.objects.filter(trial_id__in=trial_ids)
        .order_by()
        .annotate(source=Value("place"), text=F("facility"))
        .values_list("trial_id", "source", "text", "city")
    )
    numbers = (
        TrialIdentifier.objects.filter(trial_id__in=trial_ids)
        .order_by()
        .annotate(source=Value("number"), text=F("value"), city=Value(""))
        .values_list("trial_id", "source", "text", "city")
    )
    found: dict[str, dict[int, list[str]]] = {"place": {}, "number": {}}
    # UNION, not UNION ALL: a hospital listed twice is one place.
    for trial_id, source, text, city in sites.union(numbers).order_by(
        "trial_id", "source", "text", "city"
    ):
        found[source].setdefault(trial_id, []).append(", ".join(p for p in (text, city) if p))
    return found["place"], found["number"]
