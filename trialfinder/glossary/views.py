from __future__ import annotations

import re
import string

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from trialfinder.glossary.models import GlossaryTerm
from trialfinder.trials import search
from trialfinder.trials.models import Trial

MAX_QUERY_LENGTH = 100
MAX_TRIALS = 20
# icontains finds candidates; a whole-word check then drops "CT" inside "actual".
CANDIDATE_TRIALS = 200
TRIAL_TEXT_FIELDS = (
    "title",
    "summary",
    "more_about",
    "who_can_join",
    "what_is_involved",
    "results_summary",
)
OTHER = "#"


def _clean_query(raw: str) -> str:
    # NUL bytes make PostgreSQL raise, and a huge query helps nobody.
    return " ".join(raw.replace("\x00", "").split())[:MAX_QUERY_LENGTH]


def _letter(term: str) -> str:
    first = term[:1].upper()
    return first if first in string.ascii_uppercase else OTHER


def _group_by_letter(terms: list[dict]) -> list[dict]:
    groups: dict[str, list[dict]] = {}
    for term in terms:
        groups.setdefault(_letter(term["term"]), []).append(term)
    letters = [*string.ascii_uppercase, OTHER]
    return [{"letter": letter, "terms": groups.get(letter, [])} for letter in letters]


def _trials_using(term: GlossaryTerm) -> list[Trial]:
    forms = [form for form in term.forms if len(form) >= 2 and '"' not in form]
    if not forms:
        return []
    words = re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")s?(?![\w-])", re.IGNORECASE
    )
    # The shared search finds candidates through its index; the pattern then keeps the
    # trials whose patient-facing text really uses the term.
    any_form = " OR ".join(f'"{form}"' for form in forms)
    found = []
    candidates = (
        search.search(Trial.objects.published(), any_form)
        .only("slug", *TRIAL_TEXT_FIELDS)
        .order_by("title")
    )
    for trial in candidates[:CANDIDATE_TRIALS]:
        if any(words.search(getattr(trial, field)) for field in TRIAL_TEXT_FIELDS):
            found.append(trial)
            if len(found) == MAX_TRIALS:
                break
    return found


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    q = _clean_query(request.GET.get("q", ""))
    terms = GlossaryTerm.objects.all()
    if q:
        terms = terms.filter(
            Q(term__icontains=q) | Q(variants__icontains=q) | Q(definition__icontains=q)
        )
    # values() keeps the full A-Z list (thousands of imported terms) to one light query.
    rows = list(terms.values("term", "slug", "definition"))
    ctx = {
        "q": q,
        "results": rows if q else None,
        "groups": None if q else _group_by_letter(rows),
        "term_count": len(rows),
    }
    return render(request, "glossary/index.html", ctx)


@require_GET
def term_detail(request: HttpRequest, slug: str) -> HttpResponse:
    term = get_object_or_404(GlossaryTerm.objects.prefetch_related("related"), slug=slug)
    ctx = {
        "term": term,
        "variants": term.variant_list,
        "related": list(term.related.all()),
        "trials": _trials_using(term),
    }
    return render(request, "glossary/term_detail.html", ctx)
