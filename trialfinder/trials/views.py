from __future__ import annotations

from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from trialfinder.core.caching import get_or_compute
from trialfinder.trials import broader, indexing, listing, search, sheet
from trialfinder.trials.explain import doubtful, explain
from trialfinder.trials.facets import compute as facet_counts
from trialfinder.trials.filters import TrialFilter
from trialfinder.trials.models import (
    Condition,
    Site,
    Trial,
    TrialIdentifier,
    TrialOrganisation,
)
from trialfinder.trials.trees import ConditionTree, RegionTree

# Counts are keyed by the search generation, which moves whenever a trial changes, so
# they can be kept long: an edit makes the next visitor see fresh counts.
COUNTS_CACHE_SECONDS = 3600


def _open_trial_counts(tree: ConditionTree) -> tuple[dict[int, int], int]:
    """Open published trials per cancer type, each counted once under every ancestor it
    belongs to (a trial in two sarcoma subtypes counts once for Sarcoma), and in all.
    The same for every visitor, so cached until a trial changes."""
    return get_or_compute(
        f"trials:open-counts:{indexing.generation()}",
        lambda: _count_open_trials(tree),
        COUNTS_CACHE_SECONDS,
    )


def _count_open_trials(tree: ConditionTree) -> tuple[dict[int, int], int]:
    counts = {}
    through = Trial.conditions.through.objects.filter(
        trial__in=Trial.objects.published().recruiting()
    )
    for node, _depth in tree.walk():
        ids = tree.with_descendants(node.slug)
        counts[node.pk] = (
            through.filter(condition_id__in=ids).values("trial_id").distinct().count()
            if len(ids) > 1
            else None
        )
    # Leaves in one grouped query; parents above needed distinct counts of their own.
    leaf_ids = [pk for pk, n in counts.items() if n is None]
    counts.update(dict.fromkeys(leaf_ids, 0))
    for row in (
        through.filter(condition_id__in=leaf_ids)
        .values("condition_id")
        .annotate(n=Count("trial_id", distinct=True))
    ):
        counts[row["condition_id"]] = row["n"]
    return counts, Trial.objects.published().recruiting().count()


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    filterset = TrialFilter(queryset=Trial.objects.none())
    tree = filterset.conditions
    counts, open_total = _open_trial_counts(tree)
    top_level = [node for node, depth in tree.walk() if depth == 0]
    ctx = {
        "form": filterset.form,
        "cancer_types": [(node, counts.get(node.pk, 0)) for node in top_level],
        "open_total": open_total,
    }
    return render(request, "trials/home.html", ctx)


@require_GET
def trial_list(request: HttpRequest) -> HttpResponse:
    published = Trial.objects.published()
    if "page" not in request.GET and (q := request.GET.get("q", "").strip()):
        # A trial number read off a letter goes straight to the trial.
        exact = search.exact_identifier_match(q, published)
        if exact is not None:
            return redirect(exact)
    if read := broader.filters_redirect(request.GET):
        # "lung cancer over 70": the age box, not the text, says who the trial is for.
        return redirect(f"{request.path}?{read}")
    filterset = TrialFilter(request.GET, queryset=published)
    q = filterset.cleaned("q") or ""
    generation = indexing.generation()
    facets = facet_counts(filterset, generation)
    if q and not facets.total:
        # Misspelt words that found nothing: show the fixed search, saying so.
        corrected = broader.spelling_correction(request.GET, filterset)
        if corrected:
            return redirect(f"{request.path}?{corrected}")
    filterset.match_count = facets.total
    region = filterset.chosen_region
    parsed = filterset.parsed if q else None
    rows = listing.with_card_data(filterset.qs, card_only=True)
    ranked = bool(q) and filterset.cleaned("sort") == "relevance"
    # Relevance may rank only the newest matches (see search.order_by_relevance).
    shown = search.ranked_count(q, facets.total, filterset.parsed) if ranked else facets.total
    page, page_corrected = listing.results_page(request, rows, shown)
    cancer_type_ids = (
        filterset.conditions.with_descendants(filterset.cleaned("cancer_type"))
        if filterset.cleaned("cancer_type")
        else set()
    )
    listing.load_cards(page.object_list, generation, region, filterset.chosen_region_ids)
    for trial in page.object_list:
        trial.why = explain(
            trial,
            parsed,
            cancer_type_ids=cancer_type_ids,
            age=filterset.cleaned("age"),
            region=region,
        )
    ctx = {
        "filterset": filterset,
        "form": filterset.form,
        "page": page,
        "page_corrected": page_corrected,
        "facets": facets,
        "found": facets.total,
        "ranked_capped": shown < facets.total,
        "ranked_limit": search.RANKED_LIMIT,
        "chosen_region": region,
        "query_too_long": len(request.GET.get("q", "")) > search.MAX_QUERY_LENGTH,
        "age_range": search.age_range_in_words(q) if q else None,
        "near_me": search.near_me_in_words(q) if q and not region else None,
        "broader": (
            broader.searches(request.GET, filterset, {c.value: c.count for c in facets.status})
            if not facets.total
            else []
        ),
        "did_you_mean": (
            search.suggest(q)
            if q and doubtful(facets.total, parsed, [t.why for t in page.object_list])
            else None
        ),
        "reading": broader.reading(request.GET, q) if "typed" in request.GET else None,
    }
    status = 400 if filterset.form.errors else 200
    return render(request, "trials/trial_list.html", ctx, status=status)


def _published_trial(slug: str) -> Trial:
    """A published trial with everything its page shows, in a fixed number of queries."""
    trials = Trial.objects.published().prefetch_related(
        "conditions",
        "interventions",
        Prefetch("sites", queryset=Site.objects.select_related("region")),
        Prefetch("identifiers", queryset=TrialIdentifier.objects.order_by("kind", "value")),
        Prefetch(
            "trial_organisations",
            queryset=TrialOrganisation.objects.select_related("organisation"),
        ),
    )
    return get_object_or_404(trials, slug=slug)


def _trial_page_context(request: HttpRequest, trial: Trial) -> dict:
    """What the trial page and its printable version share. Sites are grouped by area,
    the area the visitor searched in (?region=) first."""
    regions = RegionTree.load()
    first = regions.with_descendants(request.GET.get("region", ""))
    areas: dict[str, list[Site]] = {}
    for site in sorted(
        trial.sites.all(), key=lambda s: (s.region_id not in first, s.area, s.city, s.facility)
    ):
        areas.setdefault(site.area, []).append(site)
    organisations = trial.trial_organisations.all()
    return {
        "trial": trial,
        "site_areas": areas,
        "sponsors": [o for o in organisations if o.role == TrialOrganisation.Role.SPONSOR],
        "supporters": [o for o in organisations if o.role != TrialOrganisation.Role.SPONSOR],
    }


@require_GET
def trial_detail(request: HttpRequest, slug: str) -> HttpResponse:
    trial = _published_trial(slug)
    return render(request, "trials/trial_detail.html", _trial_page_context(request, trial))


@require_GET
def trial_print(request: HttpRequest, slug: str) -> HttpResponse:
    """The "take this to your doctor" page: key facts, IDs, sites and questions."""
    trial = _published_trial(slug)
    ctx = {
        **_trial_page_context(request, trial),
        "one_sentence": sheet.what_it_tests(trial),
        "identifiers": sheet.identifiers_nct_first(trial.identifiers.all()),
        "public_url": request.build_absolute_uri(trial.get_absolute_url()),
        "questions": [
            _("Could this trial be suitable for me?"),
            _("What would taking part involve?"),
            _("What are the possible side effects?"),
            _("What are my other options?"),
            _("Who do I contact to be referred?"),
        ],
    }
    return render(request, "trials/trial_print.html", ctx)


@require_GET
def condition_list(request: HttpRequest) -> HttpResponse:
    tree = ConditionTree.load()
    counts, _open_total = _open_trial_counts(tree)
    ctx = {"cancer_types": [(node, depth, counts.get(node.pk, 0)) for node, depth in tree.walk()]}
    return render(request, "trials/condition_list.html", ctx)


@require_GET
def condition_detail(request: HttpRequest, slug: str) -> HttpResponse:
    condition = get_object_or_404(Condition.objects.select_related("parent"), slug=slug)
    tree = ConditionTree.load()
    ids = tree.with_descendants(slug)
    trials = Trial.objects.published().for_conditions(ids)
    generation = indexing.generation()
    # Counting a large cancer type scans its trials; the counts change only with trials.
    open_count, total = get_or_compute(
        f"cancer-type-counts:{generation}:{slug}",
        lambda: (trials.recruiting().count(), trials.count()),
        COUNTS_CACHE_SECONDS,
    )
    open_trials = listing.with_card_data(
        trials.recruiting().order_by("-updated", "pk"), card_only=True
    )
    page, _corrected = listing.results_page(request, open_trials, open_count)
    listing.load_cards(page.object_list, generation)
    ctx = {
        "condition": condition,
        "subtypes": tree.children.get(condition.pk, []),
        "page": page,
        "other_count": total - open_count,
        "title": _("%(name)s trials") % {"name": condition.name},
    }
    return render(request, "trials/condition_detail.html", ctx)
