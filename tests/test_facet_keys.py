"""The area and cancer-type keys each trial row carries (with every area or type above)
drive the region and cancer-type filters and their facet counts, so they must follow
every change to sites, links and the trees at once."""

from __future__ import annotations

import importlib

import pytest
from django.db import connection

from tests.factories import condition, make_site, make_trial, region
from trialfinder.trials import synthetic
from trialfinder.trials.facets import compute
from trialfinder.trials.filters import TrialFilter
from trialfinder.trials.models import Condition, Region, Site, Trial


def _titles(params: dict) -> set[str]:
    return set(
        TrialFilter({"status": "any", **params}, queryset=Trial.objects.all()).qs.values_list(
            "title", flat=True
        )
    )


def _expected_keys(trial: Trial) -> tuple[list[int], list[int]]:
    """The keys worked out from the sites and links themselves."""

    def up(node) -> set[int]:
        found = set()
        while node is not None:
            found.add(node.pk)
            node = node.parent
        return found

    regions = set()
    for site in Site.objects.filter(trial=trial).select_related("region"):
        regions |= up(site.region)
    conditions = set()
    for linked in trial.conditions.all():
        conditions |= up(linked)
    return sorted(regions), sorted(conditions)


def test_a_new_site_makes_the_trial_found_in_its_area_and_the_areas_above(db):
    trial = make_trial(title="Needs a site")
    assert "Needs a site" not in _titles({"region": "london"})
    site = make_site(trial, region="london")
    assert "Needs a site" in _titles({"region": "london"})
    assert "Needs a site" in _titles({"region": "england"})
    assert "Needs a site" not in _titles({"region": "scotland"})
    site.delete()
    assert "Needs a site" not in _titles({"region": "england"})


def test_a_site_moved_to_another_area_moves_the_trial(db):
    site = make_site(make_trial(title="Moving"), region="london")
    site.region = region("scotland")
    site.save()
    assert "Moving" in _titles({"region": "scotland"})
    assert "Moving" not in _titles({"region": "london"})


def test_linking_and_unlinking_a_cancer_type_updates_the_filter_and_its_parents(db):
    trial = make_trial(title="Linked later")
    trial.conditions.add(condition("soft-tissue-sarcoma"))
    assert "Linked later" in _titles({"cancer_type": "sarcoma"})
    facets = compute(TrialFilter({"status": "any"}, queryset=Trial.objects.all()))
    assert {c.value: c.count for c in facets.cancer_type}["sarcoma"] == 1
    trial.conditions.remove(condition("soft-tissue-sarcoma"))
    assert "Linked later" not in _titles({"cancer_type": "sarcoma"})


def test_moving_a_cancer_type_under_another_parent_moves_its_trials(db):
    rare = Condition.objects.create(
        name="Rare tumour", slug="rare-tumour", parent=condition("sarcoma")
    )
    make_trial(title="Rare one", conditions=[rare])
    assert "Rare one" in _titles({"cancer_type": "sarcoma"})
    rare.parent = condition("bowel-cancer")
    rare.save()
    assert "Rare one" in _titles({"cancer_type": "bowel-cancer"})
    assert "Rare one" not in _titles({"cancer_type": "sarcoma"})


def test_moving_an_area_under_another_parent_moves_trials_with_sites_there(db):
    island = Region.objects.create(name="Test Isle", slug="test-isle", parent=region("scotland"))
    make_site(make_trial(title="Island trial"), region=island)
    assert "Island trial" in _titles({"region": "scotland"})
    island.parent = region("wales")
    island.save()
    assert "Island trial" in _titles({"region": "wales"})
    assert "Island trial" not in _titles({"region": "scotland"})


def test_bulk_generated_trials_have_the_keys_of_their_sites_and_types(db):
    synthetic.generate(30, seed=7)
    trials = list(Trial.objects.filter(slug__startswith=synthetic.slug_for(7, 0)[:-1]))
    assert len(trials) == 30
    for trial in trials:
        assert (trial.facet_regions, trial.facet_conditions) == _expected_keys(trial), trial


def test_the_migration_fills_the_keys_of_existing_trials(db):
    from django.apps import apps
    from django.db import connection

    migration = importlib.import_module("trialfinder.trials.migrations.0009_facet_keys")
    trial = make_trial(title="Old row", conditions=[condition("myeloma")])
    make_site(trial, region="north-west")
    Trial.objects.filter(pk=trial.pk).update(facet_regions=[], facet_conditions=[])
    migration.fill_facet_keys(apps, connection.schema_editor())
    trial.refresh_from_db()
    assert (trial.facet_regions, trial.facet_conditions) == _expected_keys(trial)
    assert trial.facet_regions and trial.facet_conditions


@pytest.mark.postgres
def test_postgres_finds_a_cancer_type_or_area_through_an_index_of_the_keys(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE 'trials_trial_facet_%'"
        )
        found = dict(cursor.fetchall())
    assert "USING gin (facet_conditions)" in found["trials_trial_facet_conditions_gin"]
    assert "USING gin (facet_regions)" in found["trials_trial_facet_regions_gin"]
