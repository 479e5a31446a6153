"""The server-side page cache: anonymous pages come from the cache without touching the
database, and no edit is ever served stale."""

from __future__ import annotations

from django.urls import reverse

from tests.factories import make_site
from trialfinder.glossary.models import GlossaryTerm
from trialfinder.trials.models import (
    Organisation,
    Publication,
    Trial,
    TrialIdentifier,
    TrialOrganisation,
)


def test_a_repeated_anonymous_page_needs_no_database(client, trial, django_assert_num_queries):
    first = client.get(trial.get_absolute_url())
    with django_assert_num_queries(0):
        again = client.get(trial.get_absolute_url())
    assert again.status_code == 200
    assert again.content == first.content
    # The headers are made fresh for every response, cached or not.
    assert again["Content-Security-Policy"]
    assert again["Cache-Control"] == first["Cache-Control"]


def test_search_results_are_cached_on_the_server_but_not_by_proxies(
    client, trial, django_assert_num_queries
):
    url = reverse("trials:trial_list") + "?q=imatinib"
    assert trial.title in client.get(url).content.decode()
    with django_assert_num_queries(0):
        response = client.get(url)
    assert trial.title in response.content.decode()
    assert "public" not in response.get("Cache-Control", "")


def test_a_trial_number_redirect_is_answered_from_the_cache_too(
    client, trial, django_assert_num_queries
):
    TrialIdentifier.objects.create(trial=trial, kind=TrialIdentifier.Kind.NCT, value="NCT00031915")
    url = reverse("trials:trial_list") + "?q=NCT00031915"
    first = client.get(url)
    assert first.status_code == 302
    with django_assert_num_queries(0):
        again = client.get(url)
    assert again.status_code == 302
    assert again["Location"] == first["Location"] == trial.get_absolute_url()


def test_each_query_string_is_its_own_page(client, trial):
    assert trial.title in client.get(reverse("trials:trial_list") + "?q=imatinib").content.decode()
    other = client.get(reverse("trials:trial_list") + "?q=melanoma").content.decode()
    assert trial.title not in other


def test_editing_a_trial_shows_at_once(client, trial):
    client.get(trial.get_absolute_url())
    client.get(reverse("trials:trial_list") + "?q=imatinib")
    trial.title = "A trial of imatinib for sarcoma, renamed"
    trial.save()
    assert "renamed" in client.get(trial.get_absolute_url()).content.decode()
    assert "renamed" in client.get(reverse("trials:trial_list") + "?q=imatinib").content.decode()


def test_unpublishing_removes_the_trial_from_cached_results(client, trial):
    url = reverse("trials:trial_list") + "?q=imatinib"
    assert trial.title in client.get(url).content.decode()
    trial.publication = Publication.DRAFT
    trial.save()
    assert client.get(trial.get_absolute_url()).status_code == 404
    assert trial.title not in client.get(url).content.decode()


def test_a_new_site_or_sponsor_shows_at_once(client, trial):
    client.get(trial.get_absolute_url())
    make_site(trial, facility="Freeman Hospital", city="Newcastle", region="north-east")
    organisation = Organisation.objects.create(name="Sarcoma Research Group")
    TrialOrganisation.objects.create(
        trial=trial, organisation=organisation, role=TrialOrganisation.Role.SPONSOR
    )
    page = client.get(trial.get_absolute_url()).content.decode()
    assert "Freeman Hospital" in page
    assert "Sarcoma Research Group" in page


def test_editing_a_glossary_term_shows_at_once(client, trial):
    term = GlossaryTerm.objects.first()
    client.get(term.get_absolute_url())
    term.definition = "A definition rewritten by an editor just now."
    term.save()
    assert "rewritten by an editor" in client.get(term.get_absolute_url()).content.decode()


def test_signed_in_staff_never_get_the_anonymous_copy(
    client, staff_client, trial, django_assert_max_num_queries
):
    anonymous = client.__class__()
    anonymous.get(trial.get_absolute_url())
    with django_assert_max_num_queries(30) as captured:
        response = staff_client.get(trial.get_absolute_url())
    assert len(captured) > 0, "a signed-in page was served from the anonymous cache"
    assert "private" in response["Cache-Control"]


def test_pages_that_are_not_found_are_not_cached(client, trial):
    Trial.objects.filter(pk=trial.pk).update(publication=Publication.DRAFT)
    assert client.get(trial.get_absolute_url()).status_code == 404
    # A bulk update sends no signal, so nothing moves the cache on: only not keeping
    # the 404 lets the published trial show.
    Trial.objects.filter(pk=trial.pk).update(publication=Publication.PUBLISHED)
    assert client.get(trial.get_absolute_url()).status_code == 200


def test_the_page_cache_can_be_turned_off(client, trial, settings, django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(trial.get_absolute_url())
    with django_assert_max_num_queries(20) as captured:
        client.get(trial.get_absolute_url())
    assert len(captured) > 0


def test_the_page_cache_is_on_in_production_and_off_while_developing(tmp_path):
    from tests.test_security_settings import _production_env, _settings

    assert _settings(["PAGE_CACHE_SECONDS"], **_production_env(tmp_path)) == {
        "PAGE_CACHE_SECONDS": 600
    }
    # An edited template must show on the next reload.
    assert _settings(["PAGE_CACHE_SECONDS"], DEBUG="true") == {"PAGE_CACHE_SECONDS": 0}


def test_a_batched_write_refreshes_pages_once_the_batch_ends(client, trial):
    from trialfinder.trials import indexing

    client.get(trial.get_absolute_url())
    with indexing.deferred():
        organisation = Organisation.objects.create(name="Batch Sponsor Trust")
        TrialOrganisation.objects.create(
            trial=trial, organisation=organisation, role=TrialOrganisation.Role.SPONSOR
        )
    assert "Batch Sponsor Trust" in client.get(trial.get_absolute_url()).content.decode()
