"""Facet counts: for each filter, how many results each choice would give with every
other filter kept. Three queries whatever the number of results or choices:

1. status x phase: one grouped count gives the status facet, the phase facet and the
   total for the page (so the paginator needs no count query of its own);
2. cancer types: trials per bucket (the chosen type's subtypes, or the top-level types),
   each trial counted once per bucket, from the keys on the trial row;
3. areas: trials with at least one site per bucket, the same way.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.db import connections
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from trialfinder.core.caching import get_or_compute
from trialfinder.trials import indexing
from trialfinder.trials.filters import DEFAULT_STATUS, STATUS_CHOICES, TrialFilter
from trialfinder.trials.models import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    OPENING_SOON_STATUSES,
    Phase,
)
from trialfinder.trials.trees import Tree

CACHE_SECONDS = 300


@dataclass
class Choice:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facets:
    total: int
    status: list[Choice]
    phase: list[Choice]
    cancer_type: list[Choice]
    region: list[Choice]

    def groups(self) -> list[tuple[str, str, list[Choice]]]:
        return [
            ("cancer_type", _("Cancer type"), self.cancer_type),
            ("region", _("Area"), self.region),
            ("status", _("Status"), self.status),
            ("phase", _("Phase"), self.phase),
        ]


def _in_status_group(group: str, status: str, has_results: bool) -> bool:
    return {
        "recruiting": status in OPEN_STATUSES,
        "opening_soon": status in OPENING_SOON_STATUSES,
        "closed": status in CLOSED_STATUSES,
        "results": has_results,
        "any": True,
    }[group]


def _bucket_counts(trials, tree: Tree, chosen_slug: str | None, column: str) -> list[Choice]:
    """Trials per bucket. Buckets are the chosen node's children (or the chosen node
    itself when it has none), else the top-level nodes.

    Each trial row carries its keys (`column`: every node it belongs to, with all the
    nodes above), so a trial in a bucket has that bucket's id among its keys exactly
    once: unnesting the keys of the matching trials and counting is the whole job, one
    pass over the trial rows with no join and no DISTINCT."""
    chosen = tree.by_slug.get(chosen_slug) if chosen_slug else None
    if chosen is None:
        buckets = [node for node, depth in tree.walk() if depth == 0]
    else:
        buckets = sorted(tree.children.get(chosen.pk, []), key=lambda n: n.name) or [chosen]
    if not buckets:
        return []
    sql, params = trials.order_by().values(column).query.sql_with_params()
    wanted = [node.pk for node in buckets]
    if connections[trials.db].vendor == "postgresql":
        unnest = f"SELECT key, COUNT(*) FROM ({sql}) AS t, unnest(t.{column}) AS key"  # noqa: S608
        query, params = f"{unnest} WHERE key = ANY(%s) GROUP BY key", [*params, wanted]
    else:
        each = f"SELECT j.value, COUNT(*) FROM ({sql}) AS t, json_each(t.{column}) AS j"  # noqa: S608
        marks = ", ".join(["%s"] * len(wanted))
        query, params = f"{each} WHERE j.value IN ({marks}) GROUP BY j.value", [*params, *wanted]
    # The ORM cannot unnest; the inner SQL is the ORM's own, and every value a parameter.
    with connections[trials.db].cursor() as cursor:
        cursor.execute(query, params)
        counts = dict(cursor.fetchall())
    return [
        Choice(node.slug, node.name, counts.get(node.pk, 0), selected=chosen == node)
        for node in buckets
    ]


def compute(filterset: TrialFilter) -> Facets:
    """Facet counts for this search, cached per distinct search until any trial changes
    (indexing bumps the generation): deep pages and repeated searches reuse them."""
    return get_or_compute(_cache_key(filterset), lambda: _compute(filterset), CACHE_SECONDS)


def _cache_key(filterset: TrialFilter) -> str:
    filterset.form.is_valid()
    params = sorted(
        (name, str(value))
        for name, value in filterset.form.cleaned_data.items()
        if name != "sort" and value not in (None, "")
    )
    digest = hashlib.sha256(repr(params).encode()).hexdigest()[:32]
    return f"facets:{indexing.generation()}:{digest}"


def _compute(filterset: TrialFilter) -> Facets:
    status_group = filterset.cleaned("status") or DEFAULT_STATUS
    phase = filterset.cleaned("phase")

    rows = list(
        filterset.queryset_without("status", "phase")
        .order_by()
        .values_list("status", "has_results", "phase")
        .annotate(n=Count("pk"))
    )

    def total(group: str, wanted_phase: str | None) -> int:
        return sum(
            n
            for status, has_results, row_phase, n in rows
            if _in_status_group(group, status, has_results)
            and (wanted_phase is None or row_phase == wanted_phase)
        )

    status = [
        Choice(value, str(label), total(value, phase), selected=value == status_group)
        for value, label in STATUS_CHOICES
    ]
    phases = [
        Choice(value, str(label), total(status_group, value), selected=value == phase)
        for value, label in Phase.choices
    ]

    cancer_types = _bucket_counts(
        filterset.queryset_without("cancer_type"),
        filterset.conditions,
        filterset.cleaned("cancer_type"),
        "facet_conditions",
    )
    regions = _bucket_counts(
        filterset.queryset_without("region"),
        filterset.regions,
        filterset.cleaned("region"),
        "facet_regions",
    )

    return Facets(
        total=total(status_group, phase),
        status=status,
        phase=[c for c in phases if c.count or c.selected],
        cancer_type=[c for c in cancer_types if c.count or c.selected],
        region=[c for c in regions if c.count or c.selected],
    )
