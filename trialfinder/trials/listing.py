"""Lists of trial cards (results, cancer-type pages, the nurse lookup): the page, its
rows and everything each row shows, in a fixed number of queries whatever the count."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch
from django.http import HttpRequest

from trialfinder.trials.models import Condition, Site, TrialQuerySet

PAGE_SIZE = 20
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


def with_card_data(qs: TrialQuerySet, with_interventions: bool = False) -> TrialQuerySet:
    """Everything a result card shows, in a fixed number of queries per page. The page's
    sites come in one prefetch (counted in Python): a COUNT annotation would make the
    database group every match before it could apply the page's LIMIT."""
    if not qs.query.order_by:
        qs = qs.order_by("-updated", "pk")
    qs = qs.defer(*CARD_DEFERRED).prefetch_related(
        Prefetch("conditions", queryset=Condition.objects.only("name", "slug", "synonyms")),
        Prefetch("sites", queryset=Site.objects.select_related("region")),
    )
    if with_interventions:
        qs = qs.prefetch_related("interventions")
    return qs


def annotate_cards(trials, region_ids: set[int]) -> None:
    for trial in trials:
        sites = trial.sites.all()
        trial.site_count = len(sites)
        trial.sites_in_region = [s for s in sites if s.region_id in region_ids]
