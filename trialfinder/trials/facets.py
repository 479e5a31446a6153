"""Facet counts: for each filter, how many results each choice would give with every
other filter kept, in one query whatever the number of results or choices.

Every facet's set of trials is the search without one of the four facet filters (status,
phase, cancer type, area), so all of them lie inside one base set: the search without
any of the four. The query finds that base set once (the costly part: words, age, sex)
and counts three ways over it:

1. status x phase, within the chosen cancer type and area: gives the status facet, the
   phase facet and the total for the page (so the paginator needs no count of its own);
2. cancer types per bucket (the chosen type's subtypes, or the top-level types), within
   the chosen status, phase and area;
3. areas per bucket, within the chosen status, phase and cancer type.

Buckets are counted from the keys each trial row carries (every cancer type and area it
belongs to, with all those above): a trial in a bucket has the bucket's id among its keys
exactly once, so unnesting and counting needs no join and no DISTINCT.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.db import connections
from django.db.models import BooleanField, ExpressionWrapper, Q, Value
from django.utils.translation import gettext_lazy as _

from trialfinder.core.caching import code_release, get_or_compute
from trialfinder.trials import indexing
from trialfinder.trials.filters import DEFAULT_STATUS, STATUS_CHOICES, TrialFilter
from trialfinder.trials.models import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    OPENING_SOON_STATUSES,
    Phase,
    status_group_q,
)
from trialfinder.trials.trees import Tree

CACHE_SECONDS = 300
BASE_COLUMNS = (
    "status",
    "has_results",
    "phase",
    "facet_conditions",
    "facet_regions",
    "in_status",
    "in_phase",
    "in_cancer",
    "in_region",
)


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


def _buckets(tree: Tree, chosen_slug: str | None) -> tuple[list, object]:
    """The chosen node's children (or the node itself when it has none), else the
    top-level nodes; and the chosen node."""
    chosen = tree.by_slug.get(chosen_slug) if chosen_slug else None
    if chosen is None:
        return [node for node, depth in tree.walk() if depth == 0], None
    return tree.children.get(chosen.pk, []) or [chosen], chosen


class _Sql:
    """The few SQL fragments that differ between PostgreSQL and SQLite."""

    def __init__(self, vendor: str) -> None:
        self.postgres = vendor == "postgresql"

    def materialized(self, has_words: bool) -> str:
        """Words make the base set costly to find (the text index, then the wide trial
        rows): find it once. Without words each count reads the narrow covering index
        on its own, in parallel, which beats writing out up to every trial first."""
        if not self.postgres:
            return ""
        return "MATERIALIZED " if has_words else "NOT MATERIALIZED "

    def keys(self, column: str) -> tuple[str, str]:
        """A FROM item unnesting `column`, and the name of each key."""
        if self.postgres:
            return f"unnest(b.{column}) AS k(key)", "k.key"
        return f"json_each(b.{column}) AS k", "k.value"


def _has_words(filterset: TrialFilter) -> bool:
    # "cancer" alone is no words at all (see search.parse).
    return bool(filterset.cleaned("q")) and bool(filterset.parsed.clauses)


def _flag(condition: Q):
    """A facet filter as a true/false column of the base set (true when not chosen)."""
    return ExpressionWrapper(condition, output_field=BooleanField()) if condition else Value(True)


def compute(filterset: TrialFilter, generation: int | None = None) -> Facets:
    """Facet counts for this search, cached per distinct search until any trial changes
    (indexing bumps the generation; pass it when the caller has read it already): deep
    pages and repeated searches reuse them."""
    key = _cache_key(filterset, indexing.generation() if generation is None else generation)
    return get_or_compute(key, lambda: _compute(filterset), CACHE_SECONDS)


def _cache_key(filterset: TrialFilter, generation: int) -> str:
    filterset.form.is_valid()
    params = sorted(
        (name, str(value))
        for name, value in filterset.form.cleaned_data.items()
        if name != "sort" and value not in (None, "")
    )
    digest = hashlib.sha256(repr(params).encode()).hexdigest()[:32]
    # The release too: a deploy may change what a pickled Facets holds.
    return f"facets:{code_release()}:{generation}:{digest}"


def _compute(filterset: TrialFilter) -> Facets:
    status_group = filterset.cleaned("status") or DEFAULT_STATUS
    phase = filterset.cleaned("phase")
    cancer_buckets, chosen_cancer = _buckets(filterset.conditions, filterset.cleaned("cancer_type"))
    region_buckets, chosen_region = _buckets(filterset.regions, filterset.cleaned("region"))

    # The four facet filters become columns of the base set, written by the same
    # QuerySet conditions the search itself uses; each count keeps the other three.
    cancer_ids = filterset.conditions.with_descendants(chosen_cancer.slug) if chosen_cancer else ()
    region_ids = filterset.regions.with_descendants(chosen_region.slug) if chosen_region else ()
    base = (
        filterset.queryset_without("status", "phase", "cancer_type", "region")
        .order_by()
        .annotate(
            in_status=_flag(status_group_q(status_group)),
            in_phase=_flag(Q(phase=phase) if phase else Q()),
            in_cancer=_flag(Q(facet_conditions__overlaps=list(cancer_ids)) if cancer_ids else Q()),
            in_region=_flag(Q(facet_regions__overlaps=list(region_ids)) if region_ids else Q()),
        )
        .values_list(*BASE_COLUMNS)
    )
    base_sql, params = base.query.sql_with_params()
    sql = _Sql(connections[base.db].vendor)
    branches = [
        "SELECT 0, b.status, b.has_results, b.phase, CAST(NULL AS integer), COUNT(*) "
        "FROM b WHERE b.in_cancer AND b.in_region GROUP BY b.status, b.has_results, b.phase"
    ]
    params = list(params)
    for kind, column, buckets, others in (
        (1, "facet_conditions", cancer_buckets, "b.in_status AND b.in_phase AND b.in_region"),
        (2, "facet_regions", region_buckets, "b.in_status AND b.in_phase AND b.in_cancer"),
    ):
        if not buckets:
            continue
        unnest, key = sql.keys(column)
        wanted = ", ".join(["%s"] * len(buckets))
        branches.append(
            f"SELECT {kind}, NULL, NULL, NULL, {key}, COUNT(*) FROM b, {unnest} "
            f"WHERE {others} AND {key} IN ({wanted}) GROUP BY {key}"
        )
        params += [node.pk for node in buckets]
    # The base SQL is the ORM's own (every value a parameter), and so is every value here.
    query = (
        f"WITH b ({', '.join(BASE_COLUMNS)}) AS "  # noqa: S608
        f"{sql.materialized(_has_words(filterset))}({base_sql}) " + " UNION ALL ".join(branches)
    )
    rows, bucket_counts = [], {1: {}, 2: {}}
    with connections[base.db].cursor() as cursor:
        cursor.execute(query, params)
        for kind, status, has_results, row_phase, key, n in cursor.fetchall():
            if kind == 0:
                rows.append((status, bool(has_results), row_phase, n))
            else:
                bucket_counts[kind][key] = n

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

    cancer_types = [
        Choice(node.slug, node.name, bucket_counts[1].get(node.pk, 0), chosen_cancer == node)
        for node in cancer_buckets
    ]
    regions = [
        Choice(node.slug, node.name, bucket_counts[2].get(node.pk, 0), chosen_region == node)
        for node in region_buckets
    ]

    return Facets(
        total=total(status_group, phase),
        status=status,
        phase=[c for c in phases if c.count or c.selected],
        cancer_type=[c for c in cancer_types if c.count or c.selected],
        region=[c for c in regions if c.count or c.selected],
    )
