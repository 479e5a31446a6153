"""Issue 6: who changed what and when, for trials and the tables editors keep, with
revert from the admin; importer changes are marked as such."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.factories import make_site, make_trial
from tests.test_editorial_workflow import change_form_data
from trialfinder.glossary.models import GlossaryTerm
from trialfinder.registry.writer import IMPORT_REASON
from trialfinder.trials.models import Synonym, Trial

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures" / "ctgov"


def test_an_admin_edit_is_recorded_with_its_user(staff_client):
    trial = make_trial(title="Before")
    url = reverse("admin:trials_trial_change", args=[trial.pk])
    staff_client.post(url, {**change_form_data(staff_client, trial), "title": "After"})
    latest, previous = trial.history.all()[:2]
    assert latest.history_user.username == "editor"
    assert latest.title == "After" and previous.title == "Before"
    assert "title" in latest.diff_against(previous).changed_fields


def test_search_columns_are_not_part_of_the_history(db):
    trial = make_trial(summary="Searchable words")
    fields = {f.name for f in Trial.history.model._meta.fields}
    assert "search_document" not in fields and "search_vector" not in fields
    # Indexing writes with a bulk update: the one save is the one history row.
    assert trial.history.count() == 1


def test_the_history_page_shows_who_changed_what(staff_client):
    trial = make_trial(title="Before")
    url = reverse("admin:trials_trial_change", args=[trial.pk])
    staff_client.post(url, {**change_form_data(staff_client, trial), "title": "After"})
    html = staff_client.get(reverse("admin:trials_trial_history", args=[trial.pk])).content
    html = html.decode()
    assert "editor" in html and "Before" in html and "After" in html


def test_reverting_through_the_admin_restores_an_old_version(staff_client):
    trial = make_trial(title="Good title", summary="Good summary")
    make_site(trial, facility="Leeds General")
    url = reverse("admin:trials_trial_change", args=[trial.pk])
    data = change_form_data(staff_client, trial)
    staff_client.post(url, {**data, "title": "Vandalised", "summary": ""})
    good = trial.history.earliest()
    revert_url = reverse("admin:trials_trial_simple_history", args=[trial.pk, good.history_id])

    response = staff_client.get(revert_url)
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form["title"].value() == "Good title"
    data = {k: v for k, v in data.items() if not k.startswith(("sites-", "identifiers-"))}
    data.update(
        {
            "title": "Good title",
            "summary": "Good summary",
            "loaded_version": str(form["loaded_version"].value()),
        }
    )
    response = staff_client.post(revert_url, data)
    assert response.status_code == 302
    trial.refresh_from_db()
    assert (trial.title, trial.summary) == ("Good title", "Good summary")
    assert trial.sites.count() == 1
    assert trial.history.count() == 3


def test_an_editor_cannot_publish_by_reverting_to_a_published_version(client, staff_client):
    from django.contrib.auth.models import Group, User

    trial = make_trial(title="Once published")  # published by the factory
    Trial.objects.filter(pk=trial.pk).update(publication="DRAFT")
    trial.refresh_from_db()
    trial.save()
    editor = User.objects.create_user("ed", "ed@example.com", "pw", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    client.force_login(editor)
    old = trial.history.earliest()
    revert_url = reverse("admin:trials_trial_simple_history", args=[trial.pk, old.history_id])
    form = client.get(revert_url).context["adminform"].form
    data = {k: v for k, v in change_form_data(client, trial).items() if "-" not in k}
    data.update(publication="PUBLISHED", loaded_version=str(form["loaded_version"].value()))
    response = client.post(revert_url, data)
    assert response.status_code == 200
    trial.refresh_from_db()
    assert trial.publication == "DRAFT"


def test_an_import_is_recorded_with_no_user_and_the_import_reason(tmp_path):
    call_command("import_ctgov", str(FIXTURES / "single_study.json"), stdout=StringIO())
    trial = Trial.objects.get(registry_record__nct_id="NCT09000001")
    created = trial.history.get()
    assert created.history_type == "+"
    assert created.history_user is None and created.history_change_reason == IMPORT_REASON
    site = trial.sites.first()
    assert site.history.get().history_change_reason == IMPORT_REASON
    identifier = trial.identifiers.first()
    assert identifier.history.get().history_change_reason == IMPORT_REASON

    study = json.loads((FIXTURES / "single_study.json").read_text())
    status = study["protocolSection"]["statusModule"]
    status["lastUpdatePostDateStruct"]["date"] = "2025-01-01"
    status["overallStatus"] = "COMPLETED"
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(study))
    call_command("import_ctgov", str(newer), stdout=StringIO())
    updated = trial.history.latest()
    assert updated.history_type == "~" and updated.status == "COMPLETED"
    assert updated.history_user is None and updated.history_change_reason == IMPORT_REASON
    removed_site = site.history.filter(history_type="-").get()
    assert removed_site.history_change_reason == IMPORT_REASON


def test_glossary_terms_and_synonyms_keep_their_history(staff_client):
    term = GlossaryTerm.objects.create(term="zorbitinib", slug="zorbitinib", definition="A drug.")
    term.definition = "A new drug."
    term.save()
    assert [h.definition for h in term.history.all()] == ["A new drug.", "A drug."]
    synonym = Synonym.objects.create(term="zorbi", equivalents="zorbitinib")
    assert synonym.history.get().history_type == "+"
    response = staff_client.get(reverse("admin:trials_synonym_history", args=[synonym.pk]))
    assert response.status_code == 200 and "zorbi" in response.content.decode()


def test_a_trials_cancer_types_are_kept_in_its_history(db):
    from tests.factories import condition, make_trial

    trial = make_trial(conditions=[condition("sarcoma")])
    trial.conditions.set([condition("bone-sarcoma")])
    latest = trial.history.order_by("-history_id").first()
    assert [c.condition.slug for c in latest.conditions.all()] == ["bone-sarcoma"]
    earlier = [[c.condition.slug for c in h.conditions.all()] for h in trial.history.all()]
    assert ["sarcoma"] in earlier
