"""/: the home page."""

from django.urls import reverse

from tests.factories import condition, make_trial
from trialfinder.trials.models import Publication, Status


def test_it_offers_the_search_form_and_the_nurse_line(client, db, settings):
    settings.NURSE_PHONE = "0808 000 1234"
    html = client.get(reverse("trials:home")).content.decode()
    for name in ('name="q"', 'name="cancer_type"', 'name="age"', 'name="region"'):
        assert name in html
    assert "0808 000 1234" in html
    assert "How to join a trial" in html


def test_browse_counts_open_published_trials_once_per_cancer_type(client, db):
    make_trial(conditions=[condition("sarcoma"), condition("soft-tissue-sarcoma")])
    make_trial(conditions=[condition("bone-sarcoma")])
    make_trial(conditions=[condition("bone-sarcoma")], status=Status.COMPLETED)
    make_trial(conditions=[condition("bone-sarcoma")], publication=Publication.DRAFT)
    response = client.get(reverse("trials:home"))
    counts = {c.slug: n for c, n in response.context["cancer_types"]}
    assert counts["sarcoma"] == 2
    assert counts["breast-cancer"] == 0
    assert "soft-tissue-sarcoma" not in counts  # subtypes are on the cancer types page


def test_cached_counts_change_as_soon_as_a_trial_does(client, db):
    make_trial(conditions=[condition("melanoma")])
    first = client.get(reverse("trials:home")).context
    assert first["open_total"] == 1
    make_trial(conditions=[condition("melanoma")])
    second = client.get(reverse("trials:home")).context
    assert second["open_total"] == 2
    assert {c.slug: n for c, n in second["cancer_types"]}["melanoma"] == 2
