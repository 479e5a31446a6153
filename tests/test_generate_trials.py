"""`generate_trials`: reproducible synthetic trials written in bulk."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from trialfinder.trials import indexing
from trialfinder.trials.models import Site, Trial, TrialIdentifier
from trialfinder.trials.synthetic import generate

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("generate_trials", *args, stdout=out)
    return out.getvalue()


def _titles(seed: int) -> list[str]:
    trials = Trial.objects.filter(slug__startswith=f"synthetic-{seed}-")
    return [t.title for t in sorted(trials, key=lambda t: int(t.slug.rsplit("-", 1)[1]))]


def test_the_same_seed_gives_the_same_trials():
    _run("--count", "50", "--seed", "3")
    first = _titles(3)
    first_sites = sorted(Site.objects.values_list("facility", "status"))
    Trial.objects.all().delete()

    _run("--count", "50", "--seed", "3", "--batch-size", "7")
    assert _titles(3) == first
    assert sorted(Site.objects.values_list("facility", "status")) == first_sites
    assert len(set(first)) > 25  # varied, not one title 50 times


def test_another_seed_gives_other_trials():
    _run("--count", "30", "--seed", "3")
    _run("--count", "30", "--seed", "4")
    assert _titles(3) != _titles(4)
    assert Trial.objects.count() == 60


def test_running_again_skips_existing_slugs():
    _run("--count", "20", "--seed", "3")
    out = _run("--count", "30", "--seed", "3")
    assert Trial.objects.count() == 30
    assert "10 new trials (20 already there)" in out


def test_it_creates_sites_identifiers_and_links():
    _run("--count", "50", "--seed", "3")
    trials = Trial.objects.all()
    assert trials.count() == 50
    assert all(t.is_example for t in trials)
    assert 100 <= Site.objects.count() <= 400  # 1 to 8 a trial, about 4 on average
    assert not Trial.objects.filter(sites=None).exists()
    assert not Trial.objects.filter(conditions=None).exists()
    assert not Trial.objects.filter(interventions=None).exists()
    assert not Trial.objects.filter(identifiers=None).exists()
    nct = TrialIdentifier.objects.filter(kind="NCT").first()
    assert nct.value.startswith("NCT93") and len(nct.value) == 11
    assert nct.normalised == nct.value  # set by hand, as bulk_create skips save()
    assert not indexing.unindexed().exists()


def test_it_runs_in_a_bounded_number_of_queries(django_assert_max_num_queries):
    # Bulk inserts, not a query per trial: 3 times the trials costs at most a few more
    # queries (SQLite splits big INSERTs at 999 parameters; PostgreSQL does not).
    with CaptureQueriesContext(connection) as small:
        generate(20, seed=5, batch_size=2000)
    with django_assert_max_num_queries(len(small) + 10):
        generate(60, seed=6, batch_size=2000)
    with django_assert_max_num_queries(40):
        generate(20, seed=7, batch_size=2000)


def test_it_reports_progress_and_time():
    out = _run("--count", "5", "--seed", "3", "--batch-size", "2")
    assert "Batch 3/3" in out
    assert "Created 5 trials" in out and " s." in out


def test_it_rejects_a_bad_count():
    with pytest.raises(CommandError):
        _run("--count", "0")
