"""Issue 6: Editor and Publisher roles, and the moves between publication states, enforced
on the server whichever way the request comes in (change form or list action)."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.factories import make_trial
from trialfinder.staff import editorial
from trialfinder.trials.models import Publication, Trial

pytestmark = pytest.mark.django_db

COMPLETE = {
    "summary": "This trial tests a new drug for sarcoma.",
    "who_can_join": "Adults with sarcoma that has spread.",
    "last_reviewed": dt.date(2025, 1, 1),
}


def staff_in(django_user_model, group: str):
    user = django_user_model.objects.create_user(group.lower(), f"{group}@example.com", "pw")
    user.is_staff = True
    user.save()
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(django_user_model):
    return staff_in(django_user_model, "Editor")


@pytest.fixture
def publisher(django_user_model):
    return staff_in(django_user_model, "Publisher")


def change_form_data(client, trial: Trial) -> dict:
    """What the browser would post back from the trial's change page, unchanged."""
    response = client.get(reverse("admin:trials_trial_change", args=[trial.pk]))
    assert response.status_code == 200
    data: dict = {}

    def add(form):
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            key = form.add_prefix(name)
            if value is True:
                data[key] = "on"
            elif isinstance(value, list | tuple):
                data[key] = [str(v) for v in value]
            else:
                data[key] = str(value)

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        initial = len(formset.initial_forms)
        data[f"{formset.prefix}-TOTAL_FORMS"] = str(initial)
        data[f"{formset.prefix}-INITIAL_FORMS"] = str(initial)
        for form in formset.initial_forms:
            add(form)
    return data


def post_change(client, trial: Trial, **changes):
    data = {**change_form_data(client, trial), **changes}
    return client.post(reverse("admin:trials_trial_change", args=[trial.pk]), data)


def post_action(client, action: str, trials, confirm: bool = True):
    data = {"action": action, "_selected_action": [t.pk for t in trials]}
    if confirm:
        data["confirm"] = "yes"
    return client.post(reverse("admin:trials_trial_changelist"), data)


# --- Roles ----------------------------------------------------------------------------


def test_the_groups_have_exactly_their_permissions():
    def codes(name):
        return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    editor, publisher = codes("Editor"), codes("Publisher")
    assert {"add_trial", "change_trial", "submit_trial", "change_glossaryterm"} <= editor
    assert {"add_site", "change_synonym", "change_condition", "change_intervention"} <= editor
    assert not editor & {"publish_trial", "withdraw_trial", "delete_trial"}
    assert publisher == editor | {"publish_trial", "withdraw_trial"}


def test_anonymous_visitors_are_sent_to_the_admin_login(client):
    response = client.get(reverse("admin:trials_trial_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_signed_in_non_staff_cannot_reach_the_admin(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("patient", "p@example.com", "pw"))
    response = client.get(reverse("admin:trials_trial_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_an_editor_can_open_and_edit_a_trial(client, editor):
    client.force_login(editor)
    trial = make_trial(publication=Publication.DRAFT)
    response = post_change(client, trial, title="A clearer title")
    assert response.status_code == 302, response.context["adminform"].form.errors
    trial.refresh_from_db()
    assert trial.title == "A clearer title"


# --- The change form ------------------------------------------------------------------


def test_an_editor_cannot_publish_through_the_change_form(client, editor):
    client.force_login(editor)
    trial = make_trial(publication=Publication.REVIEW, **COMPLETE)
    response = post_change(client, trial, publication=Publication.PUBLISHED)
    assert response.status_code == 200
    assert "You do not have permission to do this" in response.content.decode()
    trial.refresh_from_db()
    assert trial.publication == Publication.REVIEW


def test_an_editor_cannot_add_a_trial_that_is_already_published(client, editor):
    client.force_login(editor)
    data = {
        "title": "Sneaky", "slug": "sneaky", "status": "RECRUITING", "trial_type": "TREATMENT",
        "study_type": "INTERVENTIONAL", "sex": "ALL", "publication": "PUBLISHED",
        "source": "MANUAL", "summary": "x", "who_can_join": "y", "last_reviewed": "2025-01-01",
        "identifiers-TOTAL_FORMS": "0", "identifiers-INITIAL_FORMS": "0",
        "trial_organisations-TOTAL_FORMS": "0", "trial_organisations-INITIAL_FORMS": "0",
        "sites-TOTAL_FORMS": "0", "sites-INITIAL_FORMS": "0",
    }  # fmt: skip
    response = client.post(reverse("admin:trials_trial_add"), data)
    assert response.status_code == 200
    assert not Trial.objects.filter(slug="sneaky").exists()


def test_an_editor_can_mark_a_draft_ready_for_review_and_it_is_recorded(client, editor):
    client.force_login(editor)
    trial = make_trial(publication=Publication.DRAFT)
    response = post_change(client, trial, publication=Publication.REVIEW)
    assert response.status_code == 302
    trial.refresh_from_db()
    assert trial.publication == Publication.REVIEW
    assert trial.submitted_by == editor and trial.submitted_at is not None
    assert trial.history.latest().history_change_reason == "Marked ready for review"


def test_a_publisher_can_publish_a_complete_trial_through_the_change_form(client, publisher):
    client.force_login(publisher)
    trial = make_trial(publication=Publication.REVIEW, **COMPLETE)
    response = post_change(client, trial, publication=Publication.PUBLISHED)
    assert response.status_code == 302
    trial.refresh_from_db()
    assert trial.publication == Publication.PUBLISHED
    assert trial.published_by == publisher and trial.published_at is not None
    assert client.get(trial.get_absolute_url()).status_code == 200


def test_publishing_needs_a_summary_who_can_join_and_a_review_date(client, publisher):
    client.force_login(publisher)
    trial = make_trial(publication=Publication.REVIEW)
    response = post_change(client, trial, publication=Publication.PUBLISHED)
    assert response.status_code == 200
    html = response.content.decode()
    assert "This trial cannot be published" in html
    assert "It has no plain-language summary." in html
    assert "who can join" in html
    assert "It has no last-reviewed date." in html
    trial.refresh_from_db()
    assert trial.publication == Publication.REVIEW


def test_the_rules_see_what_was_typed_in_the_same_save(client, publisher):
    client.force_login(publisher)
    trial = make_trial(publication=Publication.REVIEW)
    response = post_change(
        client,
        trial,
        publication=Publication.PUBLISHED,
        summary=COMPLETE["summary"],
        who_can_join=COMPLETE["who_can_join"],
        last_reviewed="2025-01-01",
    )
    assert response.status_code == 302
    trial.refresh_from_db()
    assert trial.publication == Publication.PUBLISHED


# --- Actions --------------------------------------------------------------------------


def test_an_editor_is_not_offered_the_publish_actions(client, editor):
    client.force_login(editor)
    make_trial()
    actions = client.get(reverse("admin:trials_trial_changelist")).context["action_form"]
    names = {value for value, _label in actions.fields["action"].choices}
    assert "submit_for_review" in names
    assert not names & {"publish", "unpublish", "withdraw"}


def test_an_editor_posting_the_publish_action_changes_nothing(client, editor):
    client.force_login(editor)
    trial = make_trial(publication=Publication.REVIEW, **COMPLETE)
    post_action(client, "publish", [trial])
    trial.refresh_from_db()
    assert trial.publication == Publication.REVIEW


def test_an_action_asks_for_confirmation_before_doing_anything(client, publisher):
    client.force_login(publisher)
    ready = make_trial(title="Ready", publication=Publication.REVIEW, **COMPLETE)
    bare = make_trial(title="Bare", publication=Publication.REVIEW)
    response = post_action(client, "publish", [ready, bare], confirm=False)
    assert response.status_code == 200
    html = response.content.decode()
    assert "These 1 trials will be published" in html or "This trial will be published" in html
    assert "Bare" in html and "It has no plain-language summary." in html
    ready.refresh_from_db()
    assert ready.publication == Publication.REVIEW


def test_the_publish_action_publishes_complete_trials_and_says_why_others_were_not(
    client, publisher
):
    client.force_login(publisher)
    ready = make_trial(title="Ready", publication=Publication.REVIEW, **COMPLETE)
    bare = make_trial(title="Bare", publication=Publication.DRAFT)
    response = post_action(client, "publish", [ready, bare])
    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]
    assert "1 trial published." in messages
    assert any("Bare" in m and "no plain-language summary" in m for m in messages)
    assert any(m.startswith("1 trial could not be published:") for m in messages)
    ready.refresh_from_db()
    bare.refresh_from_db()
    assert ready.publication == Publication.PUBLISHED and ready.published_by == publisher
    assert bare.publication == Publication.DRAFT
    assert ready.history.latest().history_user == publisher


def test_unpublish_and_withdraw_take_a_trial_off_the_public_site(client, publisher):
    client.force_login(publisher)
    a = make_trial(**COMPLETE)
    b = make_trial(**COMPLETE)
    post_action(client, "unpublish", [a])
    post_action(client, "withdraw", [b])
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.publication, b.publication) == (Publication.DRAFT, Publication.WITHDRAWN)
    assert list(Trial.objects.published().filter(pk__in=[a.pk, b.pk])) == []
    assert client.get(b.get_absolute_url()).status_code == 404


def test_an_action_refuses_a_move_from_the_wrong_state(client, editor):
    client.force_login(editor)
    published = make_trial(**COMPLETE)
    response = post_action(client, "submit_for_review", [published])
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("It is published, so it cannot be marked ready for review" in m for m in messages)


def test_an_action_does_not_overwrite_text_saved_since_the_page_was_listed(client, publisher):
    client.force_login(publisher)
    trial = make_trial(publication=Publication.REVIEW, **COMPLETE)
    Trial.objects.filter(pk=trial.pk).update(title="Edited meanwhile")
    post_action(client, "publish", [trial])
    trial.refresh_from_db()
    assert trial.title == "Edited meanwhile" and trial.publication == Publication.PUBLISHED


# --- Rules --------------------------------------------------------------------------------


def test_published_means_published_only(db):
    make_trial(title="Pub")
    for state in (Publication.DRAFT, Publication.REVIEW, Publication.WITHDRAWN):
        make_trial(title=state, publication=state)
    assert list(Trial.objects.published().values_list("title", flat=True)) == ["Pub"]


def test_each_move_has_its_sources_and_permission(publisher, editor):
    trial = make_trial(publication=Publication.DRAFT, **COMPLETE)
    assert editorial.check(trial, editorial.SUBMIT, editor) == []
    assert editorial.check(trial, editorial.PUBLISH, publisher) == []
    assert editorial.check(trial, editorial.PUBLISH, editor)
    assert editorial.check(trial, editorial.UNPUBLISH, publisher)  # already a draft
    assert editorial.check(trial, editorial.WITHDRAW, publisher) == []
