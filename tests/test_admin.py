"""The Django admin: every model usable by staff, and trial search shared with the site."""

import pytest
from django.urls import reverse

from tests.factories import condition, make_site, make_trial
from trialfinder.trials.models import (
    Condition,
    Intervention,
    Organisation,
    Region,
    Site,
    Trial,
    TrialIdentifier,
)


@pytest.mark.parametrize(
    "model", [Trial, Condition, Intervention, Organisation, Region, Site, TrialIdentifier]
)
def test_every_model_has_a_working_list_and_add_page(staff_client, trial, model):
    meta = model._meta
    assert (
        staff_client.get(
            reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        ).status_code
        == 200
    )
    assert (
        staff_client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_add")).status_code
        == 200
    )


def test_the_trial_change_page_has_inlines_and_view_on_site(staff_client, trial):
    html = staff_client.get(reverse("admin:trials_trial_change", args=[trial.pk])).content.decode()
    assert "Sites" in html and "Trial identifiers" in html
    assert "View on site" in html
    assert "St James" in html


def test_staff_search_finds_trials_by_any_identifier(staff_client, db):
    wanted = make_trial(title="Wanted", identifiers={"ORG": "EORTC 62027"})
    make_trial(title="Other")
    response = staff_client.get(reverse("admin:trials_trial_changelist"), {"q": "eortc62027"})
    assert list(response.context["cl"].result_list) == [wanted]


def test_staff_can_add_a_trial_with_a_site(staff_client, db):
    data = {
        "title": "New trial",
        "slug": "new-trial",
        "status": "RECRUITING",
        "trial_type": "TREATMENT",
        "study_type": "INTERVENTIONAL",
        "sex": "ALL",
        "publication": "DRAFT",
        "source": "MANUAL",
        "conditions": [condition("sarcoma").pk],
        "identifiers-TOTAL_FORMS": "1",
        "identifiers-INITIAL_FORMS": "0",
        "identifiers-0-kind": "ISRCTN",
        "identifiers-0-value": "ISRCTN12345678",
        "trial_organisations-TOTAL_FORMS": "0",
        "trial_organisations-INITIAL_FORMS": "0",
        "sites-TOTAL_FORMS": "1",
        "sites-INITIAL_FORMS": "0",
        "sites-0-facility": "Leeds Cancer Centre",
        "sites-0-region": Region.objects.get(slug="yorkshire-and-the-humber").pk,
    }
    response = staff_client.post(reverse("admin:trials_trial_add"), data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    trial = Trial.objects.get(slug="new-trial")
    assert trial.sites.get().facility == "Leeds Cancer Centre"
    assert trial.identifiers.get().normalised == "ISRCTN12345678"


def test_a_bad_age_range_is_refused_with_a_message_not_saved(staff_client, db):
    data = {
        "title": "Bad ages", "slug": "bad-ages", "status": "RECRUITING", "trial_type": "TREATMENT",
        "study_type": "INTERVENTIONAL", "sex": "ALL", "publication": "DRAFT", "source": "MANUAL",
        "min_age_months": "300", "max_age_months": "200",
        "identifiers-TOTAL_FORMS": "0", "identifiers-INITIAL_FORMS": "0",
        "trial_organisations-TOTAL_FORMS": "0", "trial_organisations-INITIAL_FORMS": "0",
        "sites-TOTAL_FORMS": "0", "sites-INITIAL_FORMS": "0",
    }  # fmt: skip
    response = staff_client.post(reverse("admin:trials_trial_add"), data)
    assert response.status_code == 200
    assert not Trial.objects.filter(slug="bad-ages").exists()


def test_the_trial_list_uses_a_fixed_number_of_queries(
    staff_client, db, django_assert_max_num_queries
):
    for n in range(3):
        make_site(make_trial(title=f"T{n}"), region="london")
    url = reverse("admin:trials_trial_changelist")
    with django_assert_max_num_queries(12) as small:
        staff_client.get(url)
    for n in range(30):
        make_site(make_trial(title=f"More {n}"), region="london")
    with django_assert_max_num_queries(12) as large:
        staff_client.get(url)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_a_trial_with_hundreds_of_sites_links_to_them_instead_of_inline_forms(staff_client, db):
    trial = make_trial(title="Big registry trial")
    for n in range(45):
        make_site(trial, facility=f"Hospital {n}", region="london")
    html = staff_client.get(reverse("admin:trials_trial_change", args=[trial.pk])).content.decode()
    assert "45 sites" in html
    assert f"?trial__id__exact={trial.pk}" in html
    assert "Hospital 44" not in html
