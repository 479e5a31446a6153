"""Nurse call mode (issue 7): find the right trial while the caller waits.

Every staff view is GET-only, never cached, and stores nothing about the caller: no
models, no session writes, no logging of the query.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from trialfinder.trials import broader, listing, search, sheet
from trialfinder.trials.explain import doubtful, explain
from trialfinder.trials.filters import TrialFilter
from trialfinder.trials.models import (
    Region,
    Site,
    Trial,
    TrialIdentifier,
    TrialOrganisation,
    TrialQuerySet,
)
from trialfinder.trials.trees import RegionTree

PAGE_SIZE = 25
# The filters the lookup reads from the words: those it has controls for.
LOOKUP_KINDS = ("age", "phase", "region")
MAX_COMPARE = 3
# lookup.js asks for the results region alone with this header value.
PARTIAL_HEADER = "fetch"


def staff_required(view: Callable) -> Callable:
    """Anonymous users go to the admin login page; signed-in non-staff get a 403."""

    @wraps(view)
    @login_required(login_url="admin:login")
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_staff:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return never_cache(wrapper)


def _caller_region(request: HttpRequest) -> tuple[Region | None, set[int]]:
    """The ?region=<slug> passed on from the lookup screen; unknown slugs are ignored."""
    slug = request.GET.get("region", "")
    if not slug:
        return None, set()
    regions = RegionTree.load()
    return regions.by_slug.get(slug), regions.with_descendants(slug)


def _with_row_data(qs: TrialQuerySet) -> TrialQuerySet:
    """Everything a lookup row or compare column shows, in a fixed number of queries:
    the public result cards' data plus every identifier."""
    return listing.with_card_data(qs).prefetch_related(
        Prefetch("identifiers", queryset=TrialIdentifier.objects.all())
    )


def _with_sheet_data(qs: TrialQuerySet) -> TrialQuerySet:
    return qs.prefetch_related(
        "conditions",
        Prefetch("sites", queryset=Site.objects.select_related("region")),
        Prefetch("identifiers", queryset=TrialIdentifier.objects.all()),
        Prefetch(
            "trial_organisations",
            queryset=TrialOrganisation.objects.select_related("organisation"),
        ),
    )


def _did_you_mean(q: str, found: int, parsed: search.ParsedQuery, rows: list) -> str | None:
    """As on the results page: a fix for words that found few trials, or found them
    only in criteria or hospital names ("brest cancer" at the hospitals in Brest). Only
    looked into when a word has a known spelling close to it, as it needs each row's
    treatments (two queries) and its "why this matched"."""
    if not found or not search.may_be_misspelt(parsed):
        return None
    listing.attach_links(rows, with_interventions=True)
    explanations = [explain(row, parsed) for row in rows]
    return search.suggest(q) if doubtful(found, parsed, explanations) else None


def _with_words(params, words: str) -> str:
    """The lookup's query with other words: the caller's age and area, read from the
    words typed before, stay set."""
    changed = params.copy()
    changed["q"] = words
    changed.pop("page", None)
    return changed.urlencode()


def _sponsors(trial: Trial) -> list[TrialOrganisation]:
    return [o for o in trial.trial_organisations.all() if o.role == TrialOrganisation.Role.SPONSOR]


@require_GET
@staff_required
@vary_on_headers("X-Requested-With")
def lookup(request: HttpRequest) -> HttpResponse:
    published = Trial.objects.published()
    q = request.GET.get("q", "")
    typed = search.clean_query(q)
    params = request.GET
    # "bowel cancer over 70 in wales": the caller's age and area, not words to find.
    # (Read in place, as results update while the nurse types.)
    words, read = broader.filters_in_words(typed, params, kinds=LOOKUP_KINDS)
    if read and broader.AS_TYPED not in params:
        params = params.copy()
        params["q"] = words
        for name, value in read.items():
            params[name] = value  # in place of the form's empty value
    filterset = TrialFilter(params, queryset=published)
    region_ids = filterset.chosen_region_ids
    # An exact ID stays on this screen, at the top, whatever the status filter says.
    exact_match = search.exact_identifier_match(q, published) if q else None
    # Count once without ranking; the count also picks the cheaper ranking plan.
    matches = filterset.queryset_without().count()
    if not matches and exact_match is None and (fixed := broader.fixed_spelling(params, filterset)):
        # Misspelt words that found nothing: the caller is waiting, so show the fix's
        # trials at once, saying so. (The box keeps what the nurse typed.)
        filterset = TrialFilter(fixed, queryset=published)
        matches = filterset.queryset_without().count()
    filterset.match_count = matches
    q = filterset.cleaned("q") or ""
    shown = filterset.data.copy()
    shown["typed"] = typed
    reading = (
        broader.reading(shown, q, kinds=LOOKUP_KINDS) if typed and exact_match is None else None
    )
    ranked = bool(q) and filterset.cleaned("sort") == "relevance"
    page, _corrected = listing.results_page(
        request,
        _with_row_data(filterset.qs),
        count=search.ranked_count(q, matches, filterset.parsed) if ranked else matches,
        per_page=PAGE_SIZE,
    )
    listing.annotate_cards(page.object_list, region_ids)
    exact = None
    if exact_match is not None:
        # Usually the list has it too (the filters allow it): that row does for both.
        exact = next((row for row in page.object_list if row.pk == exact_match.pk), None)
        if exact is None:
            exact = _with_row_data(published.filter(pk=exact_match.pk)).get()
            listing.annotate_cards([exact], region_ids)
    did_you_mean = _did_you_mean(q, matches, filterset.parsed, page.object_list) if q else None
    ctx = {
        "filterset": filterset,
        "form": filterset.form,
        "page": page,
        "found": matches,
        "exact": exact,
        "reading": reading,
        "did_you_mean": did_you_mean,
        "did_you_mean_query": _with_words(params, did_you_mean) if did_you_mean else "",
        "age_range": search.age_range_in_words(q) if q else None,
        "chosen_region": filterset.chosen_region,
        "broader": broader.searches(params, filterset) if not (matches or exact) else [],
    }
    partial = request.headers.get("X-Requested-With") == PARTIAL_HEADER
    template = "staff/_lookup_results.html" if partial else "staff/lookup.html"
    status = 400 if filterset.form.errors else 200
    return render(request, template, ctx, status=status)


@require_GET
@staff_required
def phone_sheet(request: HttpRequest, slug: str) -> HttpResponse:
    # Staff may open drafts; the template labels them.
    trial = get_object_or_404(_with_sheet_data(Trial.objects.all()), slug=slug)
    region, region_ids = _caller_region(request)
    identifiers = sheet.identifiers_nct_first(trial.identifiers.all())
    public_url = request.build_absolute_uri(trial.get_absolute_url())
    ctx = {
        "trial": trial,
        "region": region,
        "one_sentence": sheet.what_it_tests(trial),
        "inclusion": sheet.key_points(trial.inclusion_list),
        "exclusion": sheet.key_points(trial.exclusion_list),
        "more_inclusion": max(0, len(trial.inclusion_list) - sheet.MAX_KEY_POINTS),
        "more_exclusion": max(0, len(trial.exclusion_list) - sheet.MAX_KEY_POINTS),
        "sites": sheet.sites_for_call(trial.sites.all(), region_ids),
        "site_total": len(trial.sites.all()),
        "identifiers": identifiers,
        "sponsors": _sponsors(trial),
        "public_url": public_url,
        "mailto": sheet.mailto_href(trial, identifiers, public_url),
    }
    return render(request, "staff/phone_sheet.html", ctx)


@require_GET
@staff_required
def compare(request: HttpRequest) -> HttpResponse:
    slugs = list(dict.fromkeys(s for s in request.GET.getlist("compare") if s and "\x00" not in s))
    region, region_ids = _caller_region(request)
    ctx: dict = {"region": region, "trials": [], "problem": "", "max_compare": MAX_COMPARE}
    status = 200
    if len(slugs) > MAX_COMPARE:
        ctx["problem"] = _("You can compare up to %(n)d trials at a time. Pick fewer.") % {
            "n": MAX_COMPARE
        }
        status = 400
    elif len(slugs) < 2:
        ctx["problem"] = _("Pick at least two trials to compare.")
    else:
        # defer(None): compare shows "what taking part involves", which cards leave out.
        qs = _with_row_data(Trial.objects.filter(slug__in=slugs)).defer(None)
        found = {t.slug: t for t in qs.prefetch_related("interventions")}
        listing.annotate_cards(found.values(), region_ids)
        missing = [s for s in slugs if s not in found]
        if missing:
            ctx["problem"] = _("We could not find these trials: %(slugs)s.") % {
                "slugs": ", ".join(missing)
            }
            status = 400
        else:
            trials = [found[s] for s in slugs]
            for trial in trials:
                trial.involved = sheet.first_paragraph(trial.what_is_involved)
            ctx["trials"] = trials
    return render(request, "staff/compare.html", ctx, status=status)


# --- Editorial (issue 6): preview drafts, review queues -------------------------------


@require_GET
@staff_required
def trial_preview(request: HttpRequest, slug: str) -> HttpResponse:
    """The public trial page for a trial in any publication state, under a banner."""
    from trialfinder.trials.views import _trial_page_context  # the public page's context

    trial = get_object_or_404(
        _with_sheet_data(Trial.objects.all()).prefetch_related("interventions"), slug=slug
    )
    ctx = {**_trial_page_context(request, trial), "preview": True}
    return render(request, "trials/trial_detail.html", ctx)


DASHBOARD_ROWS = 20


@require_GET
@staff_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """The editors' queues, oldest review first: two queries per queue."""
    from trialfinder.staff import editorial

    queues = []
    for name, label in editorial.QUEUES.items():
        qs = editorial.queue(name).order_by("last_reviewed", "pk")
        queues.append(
            {
                "name": name,
                "label": label,
                "count": qs.count(),
                "trials": list(
                    qs.only("title", "slug", "publication", "last_reviewed")[:DASHBOARD_ROWS]
                ),
            }
        )
    return render(request, "staff/dashboard.html", {"queues": queues, "rows": DASHBOARD_ROWS})
