"""Issue 6: the editors' review queues (TrialQuerySet, admin filter, staff dashboard),
the staff-only patient preview, and the admin staying fast with many trials and sites."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import make_site, make_trial
from tests.test_editorial_workflow import change_form_data
from trialfinder.registry.models import RegistryRecord
from trialfinder.trials.models import Publication, Source, Status, Trial, review_cutoff

pytestmark = pytest.mark.django_db
TODAY = dt.date(2025, 6, 15)


def titles(qs) -> set[str]:
    return set(qs.values_list("title", flat=True))


def record(trial: Trial, status: str) -> RegistryRecord:
    return RegistryRecord.objects.create(
        trial=trial,
        nct_id=f"NCT{trial.pk:08d}",
        content_hash="x",
        registry_status=status,
        last_imported="2025-01-01T00:00Z",
    )


def test_six_months_before_a_month_end_is_the_last_day_of_that_month():
    assert review_cutoff(dt.date(2025, 8, 31)) == dt.date(2025, 2, 28)
    assert review_cutoff(dt.date(2025, 3, 15)) == dt.date(2024, 9, 15)


def test_review_is_due_when_never_reviewed_stale_or_recruiting_past_its_end_date():
    make_trial(title="Never")
    make_trial(title="Stale", last_reviewed=dt.date(2024, 12, 1))
    make_trial(title="Fresh", last_reviewed=dt.date(2025, 3, 1))
    make_trial(
        title="Overdue end",
        last_reviewed=dt.date(2025, 5, 1),
        end_date=dt.date(2025, 6, 1),
        status=Status.RECRUITING,
    )
    make_trial(
        title="Ended and closed",
        last_reviewed=dt.date(2025, 5, 1),
        end_date=dt.date(2025, 6, 1),
        status=Status.COMPLETED,
    )
    make_trial(title="Withdrawn", publication=Publication.WITHDRAWN)
    assert titles(Trial.objects.review_due(TODAY)) == {"Never", "Stale", "Overdue end"}


def test_imported_trials_without_a_plain_summary_need_one():
    make_trial(title="Imported bare", source=Source.REGISTRY, summary="  \n")
    make_trial(title="Imported done", source=Source.REGISTRY, summary="Plain words.")
    make_trial(title="Ours", source=Source.MANUAL)
    assert titles(Trial.objects.needs_plain_summary()) == {"Imported bare"}


def test_a_status_change_in_the_registry_since_the_review_is_flagged():
    same = make_trial(title="Same", last_reviewed=TODAY, status_at_review=Status.RECRUITING)
    changed = make_trial(title="Changed", last_reviewed=TODAY, status_at_review=Status.RECRUITING)
    unknown = make_trial(title="Reviewed before we kept the status", last_reviewed=TODAY)
    record(same, Status.RECRUITING)
    record(changed, Status.COMPLETED)
    record(unknown, Status.COMPLETED)
    assert titles(Trial.objects.registry_status_changed()) == {"Changed"}


def test_setting_last_reviewed_in_the_admin_remembers_the_registry_status(staff_client):
    trial = make_trial(title="Imported", source=Source.REGISTRY)
    record(trial, Status.ACTIVE_NOT_RECRUITING)
    url = reverse("admin:trials_trial_change", args=[trial.pk])
    data = change_form_data(staff_client, trial)
    assert staff_client.post(url, {**data, "last_reviewed": "2025-06-01"}).status_code == 302
    trial.refresh_from_db()
    assert trial.status_at_review == Status.ACTIVE_NOT_RECRUITING
    RegistryRecord.objects.filter(trial=trial).update(registry_status=Status.COMPLETED)
    assert titles(Trial.objects.registry_status_changed()) == {"Imported"}


def test_the_admin_list_filters_by_queue(staff_client):
    make_trial(title="Imported bare", source=Source.REGISTRY, last_reviewed=dt.date.today())
    make_trial(title="Ours", last_reviewed=dt.date.today())
    response = staff_client.get(
        reverse("admin:trials_trial_changelist"), {"queue": "needs_summary"}
    )
    assert [t.title for t in response.context["cl"].result_list] == ["Imported bare"]


def test_the_dashboard_lists_each_queue_for_staff_only(staff_client, django_user_model):
    make_trial(title="Imported bare", source=Source.REGISTRY)
    make_trial(title="Waiting", publication=Publication.REVIEW, last_reviewed=dt.date.today())
    url = reverse("staff:dashboard")
    html = staff_client.get(url).content.decode()
    assert "Needs a plain-language summary" in html and "Imported bare" in html
    assert "Ready for review" in html and "Waiting" in html
    client = Client()  # staff_client is pytest-django's `client`, signed in
    assert client.get(url).status_code == 302
    client.force_login(django_user_model.objects.create_user("p", "p@example.com", "pw"))
    assert client.get(url).status_code == 403


# --- Preview ------------------------------------------------------------------------------


def test_staff_can_preview_a_draft_as_a_patient_would_see_it(staff_client):
    draft = make_trial(title="Secret draft", publication=Publication.DRAFT, summary="Hello.")
    client = Client()
    assert client.get(draft.get_absolute_url()).status_code == 404
    response = staff_client.get(reverse("staff:trial_preview", args=[draft.slug]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Preview – not published." in html and "Secret draft" in html
    assert response.context["preview"] is True
    assert (
        "Preview – not published"
        not in client.get(make_trial().get_absolute_url()).content.decode()
    )


def test_preview_sends_visitors_to_login_and_refuses_non_staff(client, django_user_model):
    url = reverse("staff:trial_preview", args=[make_trial(publication="DRAFT").slug])
    response = client.get(url)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(django_user_model.objects.create_user("p", "p@example.com", "pw"))
    assert client.get(url).status_code == 403


def test_the_change_page_links_to_the_preview(staff_client):
    trial = make_trial(publication=Publication.DRAFT)
    html = staff_client.get(reverse("admin:trials_trial_change", args=[trial.pk])).content
    assert reverse("staff:trial_preview", args=[trial.slug]) in html.decode()


# --- Speed --------------------------------------------------------------------------------


def test_the_change_page_query_count_does_not_grow_with_sites(
    staff_client, django_assert_max_num_queries
):
    trial = make_trial()
    make_site(trial, region="london")
    url = reverse("admin:trials_trial_change", args=[trial.pk])
    with django_assert_max_num_queries(40) as one:
        assert staff_client.get(url).status_code == 200
    for n in range(30):
        make_site(trial, facility=f"Hospital {n}", region="yorkshire-and-the-humber")
    with django_assert_max_num_queries(40) as many:
        staff_client.get(url)
    assert len(many.captured_queries) == len(one.captured_queries)


def test_the_changelist_with_a_queue_filter_uses_a_fixed_number_of_queries(
    staff_client, django_assert_max_num_queries
):
    url = reverse("admin:trials_trial_changelist")
    make_trial(source=Source.REGISTRY)
    with django_assert_max_num_queries(12) as small:
        staff_client.get(url, {"queue": "review_due"})
    for n in range(30):
        make_trial(title=f"More {n}", source=Source.REGISTRY)
    with django_assert_max_num_queries(12) as large:
        staff_client.get(url, {"queue": "review_due"})
    assert len(large.captured_queries) == len(small.captured_queries)
