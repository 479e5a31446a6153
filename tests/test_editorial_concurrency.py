"""Issue 6: no lost edits. Each save moves the trial's version on; a save from a page
opened before someone else's save is refused, never silently applied."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import make_site, make_trial
from tests.test_editorial_workflow import change_form_data
from trialfinder.trials.models import EditConflict, Trial

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_client(django_user_model):
    other = Client()
    other.force_login(
        django_user_model.objects.create_user(
            "second", "second@example.com", "pw", is_staff=True, is_superuser=True
        )
    )
    return other


def test_every_save_moves_the_version_on_by_one(db):
    trial = make_trial()
    assert trial.version == 1
    trial.save()
    trial.save()
    assert trial.version == 3
    assert Trial.objects.values_list("version", flat=True).get(pk=trial.pk) == 3


def test_search_indexing_does_not_move_the_version(db):
    trial = make_trial(summary="Words")  # the save reindexes through a bulk update
    assert Trial.objects.get(pk=trial.pk).version == 1


def test_a_save_expecting_an_old_version_raises_and_writes_nothing(db):
    first = make_trial(title="Original")
    second = Trial.objects.get(pk=first.pk)
    first.title = "First editor"
    first.save()
    second.title = "Second editor"
    second._expected_version = 1
    with pytest.raises(EditConflict):
        second.save()
    assert Trial.objects.get(pk=first.pk).title == "First editor"


def test_two_editors_the_second_save_is_refused_with_a_link_to_the_history(
    staff_client, second_client
):
    trial = make_trial(title="Original title")
    make_site(trial, facility="Leeds General")
    url = reverse("admin:trials_trial_change", args=[trial.pk])
    # Both open the page...
    first = change_form_data(staff_client, trial)
    second = change_form_data(second_client, trial)
    # ...the first saves...
    assert staff_client.post(url, {**first, "title": "First editor's title"}).status_code == 302
    # ...and the second's save is refused with their words still on the page.
    response = second_client.post(url, {**second, "summary": "Second editor's summary"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Someone else saved this trial after you opened it" in html
    assert reverse("admin:trials_trial_history", args=[trial.pk]) in html
    assert "Second editor&#x27;s summary" in html
    trial.refresh_from_db()
    assert trial.title == "First editor's title" and trial.summary == ""
    assert trial.version == 2


def test_after_reloading_the_second_editor_can_save(staff_client, second_client):
    trial = make_trial(title="Original title")
    url = reverse("admin:trials_trial_change", args=[trial.pk])
    first = change_form_data(staff_client, trial)
    staff_client.post(url, {**first, "title": "First"})
    again = change_form_data(second_client, trial)
    assert second_client.post(url, {**again, "summary": "Second"}).status_code == 302
    trial.refresh_from_db()
    assert (trial.title, trial.summary, trial.version) == ("First", "Second", 3)


def test_a_save_racing_past_the_form_check_is_still_refused(staff_client, monkeypatch):
    trial = make_trial(title="Original title")
    url = reverse("admin:trials_trial_change", args=[trial.pk])
    data = change_form_data(staff_client, trial)
    from trialfinder.trials.admin import TrialAdminForm

    clean = TrialAdminForm.clean

    def clean_then_someone_saves(form):
        cleaned = clean(form)
        Trial.objects.filter(pk=trial.pk).update(version=99, title="Saved in between")
        return cleaned

    monkeypatch.setattr(TrialAdminForm, "clean", clean_then_someone_saves)
    response = staff_client.post(url, {**data, "title": "Mine"}, follow=True)
    assert "Someone else saved this trial at the same moment" in response.content.decode()
    trial.refresh_from_db()
    # (The simulated save shares the request's transaction, so it rolls back too.)
    assert trial.title != "Mine"
