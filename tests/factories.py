"""Small make_* helpers for tests. Defaults via setdefault so each test states only
what it cares about."""

from __future__ import annotations

import itertools

from django.utils.text import slugify

from trialfinder.trials import indexing
from trialfinder.trials.models import (
    Condition,
    Organisation,
    Publication,
    Region,
    Site,
    Status,
    Trial,
    TrialIdentifier,
    TrialOrganisation,
)

_counter = itertools.count(1)


def make_trial(**kwargs) -> Trial:
    conditions = kwargs.pop("conditions", [])
    identifiers = kwargs.pop("identifiers", {})
    n = next(_counter)
    kwargs.setdefault("title", f"Test trial {n}")
    kwargs.setdefault("slug", slugify(kwargs["title"]) + f"-{n}")
    kwargs.setdefault("status", Status.RECRUITING)
    kwargs.setdefault("publication", Publication.PUBLISHED)
    # Indexed once at the end, as the importer does, not once for each row written.
    with indexing.deferred():
        trial = Trial.objects.create(**kwargs)
        if conditions:
            trial.conditions.set(conditions)
        for kind, value in identifiers.items():
            TrialIdentifier.objects.create(trial=trial, kind=kind, value=value)
    return trial


def make_site(trial: Trial, **kwargs) -> Site:
    kwargs.setdefault("facility", f"Test Hospital {next(_counter)}")
    kwargs.setdefault("city", "Leeds")
    kwargs.setdefault("country", "United Kingdom")
    if "region" in kwargs and isinstance(kwargs["region"], str):
        kwargs["region"] = Region.objects.get(slug=kwargs["region"])
    return Site.objects.create(trial=trial, **kwargs)


def make_condition(name: str, parent: Condition | None = None, **kwargs) -> Condition:
    condition, _ = Condition.objects.get_or_create(
        slug=slugify(name), defaults={"name": name, "parent": parent, **kwargs}
    )
    return condition


def add_organisation(trial: Trial, name: str, role: str, short_name: str = "") -> None:
    organisation, _ = Organisation.objects.get_or_create(
        name=name, defaults={"short_name": short_name}
    )
    TrialOrganisation.objects.create(trial=trial, organisation=organisation, role=role)


def condition(slug: str) -> Condition:
    """A seeded cancer type (the data migration loads them)."""
    return Condition.objects.get(slug=slug)


def region(slug: str) -> Region:
    return Region.objects.get(slug=slug)
