"""Model invariants, display rules and the age words."""

import pytest
from django.db import IntegrityError

from tests.factories import make_trial
from trialfinder.trials.models import Status, Trial, TrialIdentifier, normalise_identifier
from trialfinder.trials.templatetags.trial_display import age_range


@pytest.mark.parametrize(
    ("low", "high", "words"),
    [
        (None, None, "No age limits given"),
        (120, None, "10 years and over"),
        (None, 17 * 12 + 0, "Up to 17 years"),
        (18 * 12, 70 * 12, "18 to 70 years"),
        (6, 17 * 12, "6 months to 17 years"),
        (0, None, "No age limits given"),
        (12, None, "1 year and over"),
    ],
)
def test_ages_read_as_words(low, high, words):
    assert age_range(Trial(min_age_months=low, max_age_months=high)) == words


def test_the_database_refuses_a_minimum_age_above_the_maximum(db):
    with pytest.raises(IntegrityError):
        make_trial(min_age_months=300, max_age_months=200)


def test_an_identifier_is_unique_per_kind_whatever_its_spacing(db):
    trial = make_trial()
    TrialIdentifier.objects.create(trial=trial, kind="NCT", value="NCT00031915")
    with pytest.raises(IntegrityError):
        TrialIdentifier.objects.create(trial=trial, kind="NCT", value="nct 0003 1915")


def test_identifiers_are_normalised_for_lookups():
    assert (
        normalise_identifier("EORTC 62027") == normalise_identifier("eortc-62027") == "EORTC62027"
    )


@pytest.mark.parametrize(
    ("status", "has_results", "label"),
    [
        (Status.RECRUITING, False, "Open"),
        (Status.NOT_YET_RECRUITING, False, "Opening soon"),
        (Status.COMPLETED, False, "Closed"),
        (Status.COMPLETED, True, "Results"),
        (Status.TERMINATED, False, "Stopped early"),
        (Status.UNKNOWN, False, "Status not known"),
    ],
)
def test_the_status_is_told_in_patients_words(status, has_results, label):
    assert str(Trial(status=status, has_results=has_results).patient_status[0]) == label
