"""`load_demo`: the two seed trials as their source pages give them, and the examples."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import F

from trialfinder.trials.models import (
    Condition,
    Phase,
    Publication,
    Site,
    Status,
    Trial,
    TrialIdentifier,
    TrialOrganisation,
    TrialType,
)

SEED_1 = "imatinib-glivec-soft-tissue-sarcoma-of-the-skin-eortc-62027"
SEED_2 = "imatinib-mesylate-advanced-soft-tissue-or-bone-sarcoma-nct00031915"

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def _demo_loaded(django_db_setup, django_db_blocker):
    # For speed: load once for the module, inside a transaction rolled back at the end,
    # so no other test module sees these rows.
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(_demo_loaded, db):
    return None


def _counts() -> dict[str, int]:
    return {
        "trials": Trial.objects.count(),
        "sites": Site.objects.count(),
        "identifiers": TrialIdentifier.objects.count(),
        "organisations": TrialOrganisation.objects.count(),
        "conditions": Trial.conditions.through.objects.count(),
        "interventions": Trial.interventions.through.objects.count(),
    }


def test_it_is_idempotent(demo):
    first = _counts()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert _counts() == first
    assert "0 created, 52 updated" in out.getvalue()


def test_every_trial_is_indexed_once_however_many_rows_it_has(demo, monkeypatch):
    from trialfinder.trials import indexing

    assert not indexing.unindexed().exists()
    reindexed: list[int] = []
    real = indexing.reindex
    monkeypatch.setattr(indexing, "reindex", lambda ids: reindexed.extend(ids) or real(ids))
    call_command("load_demo", stdout=io.StringIO())
    # Each trial's cancer types, identifiers and sites are replaced row by row, and each
    # row asks for a reindex: the loader batches them into one per trial.
    assert sorted(reindexed) == sorted(Trial.objects.values_list("pk", flat=True))
    assert not indexing.unindexed().exists()


def test_the_seed_trials_are_found_by_search_words_and_by_id(demo, client):
    assert b"EORTC 62027" in client.get("/trials/", {"q": "Glivec", "status": "any"}).content
    response = client.get("/trials/", {"q": "NCT 00031915"})
    assert response.status_code == 302 and response["Location"].endswith(f"/{SEED_2}/")


def test_seed_trial_1_has_the_results_from_the_cruk_page(demo):
    trial = Trial.objects.get(slug=SEED_1)
    assert not trial.is_example
    assert trial.status == Status.COMPLETED and trial.has_results
    assert trial.phase == Phase.PHASE2
    for fact in ("recruited 16 people", "shrunk in 5", "stayed the same in 6", "grow in 3"):
        assert fact in trial.results_summary
    assert "1 and a half years" in trial.results_summary
    assert trial.chief_investigator == "Dr Michael Leahy"
    assert trial.start_date is None and trial.min_age_months is None  # the page gives neither


def test_seed_trial_1_names_its_supporters_and_ids(demo):
    trial = Trial.objects.get(slug=SEED_1)
    supporters = {
        (link.organisation.short_name, link.role) for link in trial.trial_organisations.all()
    }
    assert supporters == {("EORTC", "COLLABORATOR"), ("ECMC", "COLLABORATOR")}
    assert set(trial.identifiers.values_list("kind", "value")) == {
        ("ORG", "EORTC 62027"),
        ("CRUK", "Oracle 732"),
    }
    assert set(trial.conditions.values_list("slug", flat=True)) == {
        "sarcoma",
        "soft-tissue-sarcoma",
    }
    assert "Glivec" in trial.interventions.get().other_name_list


def test_seed_trial_2_has_the_us_sites_from_the_registry_page(demo):
    trial = Trial.objects.get(slug=SEED_2)
    states = sorted(trial.sites.values_list("region__slug", flat=True))
    # The page lists 10 sites (2 in New York), one per line under each state.
    assert states == [
        "california",
        "district-of-columbia",
        "illinois",
        "maryland",
        "massachusetts",
        "michigan",
        "minnesota",
        "new-york",
        "new-york",
        "texas",
    ]
    assert set(trial.sites.values_list("country", "status")) == {
        ("United States", Status.COMPLETED)
    }
    assert trial.sites.get(city="Park Ridge").postcode == "60068"


def test_seed_trial_2_has_the_registry_ages_ids_and_dates(demo):
    trial = Trial.objects.get(slug=SEED_2)
    assert (trial.min_age_months, trial.max_age_months) == (120, None)
    assert set(trial.identifiers.values_list("kind", "value")) == {
        ("NCT", "NCT00031915"),
        ("OBSOLETE", "NCT00029094"),
        ("OTHER", "CDR0000069239"),
    }
    assert str(trial.start_date) == "2002-06-01" and str(trial.end_date) == "2007-05-01"
    assert str(trial.registry_last_updated) == "2013-06-19"
    assert trial.chief_investigator == "Lee J. Helman, MD"
    assert "metastatic osteosarcoma" in trial.keyword_list
    assert "Imatinib Mesylate" in trial.mesh_term_list
    assert trial.trial_organisations.get().role == "SPONSOR"


def test_the_examples_cover_every_status_phase_and_trial_type(demo):
    examples = Trial.objects.filter(is_example=True)
    assert examples.count() >= 45
    assert set(examples.values_list("status", flat=True)) == set(Status.values)
    assert set(examples.values_list("phase", flat=True)) == set(Phase.values)
    assert set(examples.values_list("trial_type", flat=True)) == set(TrialType.values)
    assert examples.filter(publication=Publication.DRAFT).count() == 4
    assert examples.filter(has_results=True).exclude(results_summary="").count() >= 4


def test_the_examples_cover_at_least_18_cancer_types(demo):
    linked = Condition.objects.filter(trials__is_example=True).distinct()
    assert linked.count() >= 18
    # Counting only top-level types (Leukaemia for AML), there are still 18 or more.
    parents = dict(Condition.objects.values_list("pk", "parent_id"))

    def root(pk: int) -> int:
        while parents[pk] is not None:
            pk = parents[pk]
        return pk

    assert len({root(c.pk) for c in linked}) >= 18


def _nation(site: Site) -> str | None:
    region = site.region
    if region.kind == "ENGLISH_REGION":
        return region.parent.slug
    return region.slug if region.kind == "UK_NATION" else None


def test_the_examples_run_in_all_four_uk_nations_and_every_english_region(demo):
    sites = list(Site.objects.filter(trial__is_example=True).select_related("region__parent"))
    assert {_nation(s) for s in sites} - {None} == {
        "england",
        "scotland",
        "wales",
        "northern-ireland",
    }
    assert len({s.region.slug for s in sites if s.region.kind == "ENGLISH_REGION"}) == 9
    assert any(s.region.kind == "US_STATE" for s in sites)


def test_some_example_sites_have_their_own_status(demo):
    assert Site.objects.filter(trial__is_example=True).exclude(status=F("trial__status")).exists()


def test_the_examples_cover_the_age_and_sex_groups(demo):
    examples = Trial.objects.filter(is_example=True)
    assert examples.filter(max_age_months__lte=17 * 12).exists()  # children only
    assert examples.filter(min_age_months=65 * 12, max_age_months=None).exists()
    assert examples.filter(min_age_months=18 * 12, max_age_months=70 * 12).exists()
    assert examples.filter(min_age_months=None, max_age_months=None).exists()
    assert examples.filter(sex="FEMALE").exists() and examples.filter(sex="MALE").exists()
    assert examples.filter(healthy_volunteers=True, trial_type=TrialType.SCREENING).exists()
