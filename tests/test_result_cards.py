"""Result cards: their facts are cached across searches, read in one go, and never stale."""

from unittest import mock

import pytest
from django.urls import reverse

from tests.factories import make_site, make_trial
from trialfinder.trials import listing

URL = reverse("trials:trial_list")


@pytest.fixture
def page_cache_off(settings):
    # The page cache would answer repeats without running the view at all.
    settings.PAGE_CACHE_SECONDS = 0


def test_a_pages_card_facts_come_from_one_cache_read(client, trial, page_cache_off):
    make_trial(title="A second sarcoma trial")
    client.get(URL)
    with mock.patch.object(listing.cache, "get_many", wraps=listing.cache.get_many) as reads:
        client.get(URL, {"q": "trial"})
    card_reads = [c.args[0] for c in reads.call_args_list if c.args[0][0].startswith("card:")]
    assert len(card_reads) == 1
    assert len(card_reads[0]) == 2


def test_a_page_of_cached_cards_needs_only_the_page_query(
    client, trial, page_cache_off, django_assert_num_queries
):
    # Three, so that no "did you mean" spelling lookup runs.
    for n in range(2):
        other = make_trial(title=f"Sarcoma trial {n}", conditions=trial.conditions.all())
        make_site(other, region="yorkshire-and-the-humber")
    params = {"q": "sarcoma", "region": "yorkshire-and-the-humber", "age": "40"}
    client.get(URL, params)
    with django_assert_num_queries(1):
        response = client.get(URL, params)
    assert b"St James&#x27;s University Hospital" in response.content
    assert b"1 hospital in Yorkshire and the Humber" in response.content


def test_uncached_cards_take_a_fixed_number_of_queries(client, db, page_cache_off):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(3):
        make_site(make_trial(title=f"Sarcoma trial {n}"), region="yorkshire-and-the-humber")
    client.get(URL, {"region": "wales"})  # facet counts and trees cached
    with CaptureQueriesContext(connection) as few:
        client.get(URL, {"region": "yorkshire-and-the-humber"})
    for n in range(3, 12):
        make_site(make_trial(title=f"Sarcoma trial {n}"), region="yorkshire-and-the-humber")
    client.get(URL, {"region": "wales"})
    with CaptureQueriesContext(connection) as many:
        client.get(URL, {"region": "yorkshire-and-the-humber"})
    assert len(many) == len(few)


def test_cached_facts_are_not_rendered_again(client, trial, page_cache_off):
    first = client.get(URL, {"region": "yorkshire-and-the-humber"})
    with mock.patch.object(listing, "get_template", side_effect=AssertionError("rendered")):
        again = client.get(URL, {"region": "yorkshire-and-the-humber"})
    assert again.status_code == 200
    assert again.content == first.content


def test_other_searches_share_a_trials_facts(client, trial, page_cache_off):
    client.get(URL, {"q": "imatinib"})
    with mock.patch.object(listing, "get_template", side_effect=AssertionError("rendered")):
        response = client.get(URL, {"q": "sarcoma"})
    assert b"A trial of imatinib for sarcoma" in response.content


def test_an_edit_shows_on_the_card_at_once(client, trial, page_cache_off):
    client.get(URL)
    trial.title = "A trial of imatinib for soft tissue sarcoma"
    trial.save()
    assert b"A trial of imatinib for soft tissue sarcoma" in client.get(URL).content


def test_a_new_site_in_the_area_shows_on_the_card_at_once(client, trial, page_cache_off):
    client.get(URL, {"region": "yorkshire-and-the-humber"})
    make_site(
        trial, facility="Hull Royal Infirmary", city="Hull", region="yorkshire-and-the-humber"
    )
    response = client.get(URL, {"region": "yorkshire-and-the-humber"})
    assert b"Hull Royal Infirmary" in response.content
    assert b"2 hospitals" in response.content
    assert b"2 hospitals in Yorkshire and the Humber" in response.content  # why it matched


def test_the_area_line_is_only_on_cards_for_an_area_search(client, trial, page_cache_off):
    in_area = client.get(URL, {"region": "yorkshire-and-the-humber"}).content.decode()
    anywhere = client.get(URL).content.decode()
    assert "In Yorkshire and the Humber:" in in_area
    assert "St James&#x27;s University Hospital" in in_area
    assert "In Yorkshire and the Humber:" not in anywhere


def test_a_new_release_never_reads_cards_the_last_one_stored(client, trial, page_cache_off):
    from trialfinder.core import caching

    client.get(URL)
    with (
        mock.patch.object(caching, "_RELEASE", "next-release"),
        mock.patch.object(listing, "get_template", wraps=listing.get_template) as rendered,
    ):
        client.get(URL)
    assert rendered.called


def test_why_this_matched_names_the_hospital_the_words_name(client, trial, page_cache_off):
    make_site(trial, facility="The Royal Marsden Hospital", city="London")
    make_site(trial, facility="Velindre Cancer Centre", city="Cardiff")
    make_site(trial, facility="University Hospital of Wales", city="Cardiff")
    cardiff = "“cardiff” at University Hospital of Wales, Cardiff and 1 other hospital"
    for q, reason in [
        ("imatinib leeds", "“leeds” at St James's University Hospital, Leeds"),
        ("royal marsden", "“royal marsden” at The Royal Marsden Hospital, London"),
        ("sarcoma cardiff", cardiff),
    ]:
        for _ in range(2):  # the card's places come from the cache the second time
            response = client.get(URL, {"q": q})
            (card,) = response.context["page"].object_list
            assert reason in card.why.reasons, q


def test_why_this_matched_names_the_trial_number_part_of_which_was_typed(
    client, trial, page_cache_off
):
    from trialfinder.trials.models import TrialIdentifier

    TrialIdentifier.objects.create(trial=trial, kind=TrialIdentifier.Kind.NCT, value="NCT05012345")
    for _ in range(2):  # the card's numbers come from the cache the second time
        response = client.get(URL, {"q": "NCT0501"})
        (card,) = response.context["page"].object_list
        assert card.why.reasons == ["“nct0501” trial number NCT05012345"]
