"""/staff/compare/: two or three trials side by side for a caller (issue 7)."""

import pytest
from django.urls import reverse

from tests.factories import condition, make_site, make_trial
from trialfinder.trials.models import Intervention, Status

URL = reverse("staff:compare")


@pytest.fixture
def three_trials(db):
    imatinib = Intervention.objects.create(name="imatinib")
    first = make_trial(
        title="Imatinib for sarcoma",
        phase="PHASE2",
        min_age_months=120,
        conditions=[condition("soft-tissue-sarcoma")],
        what_is_involved="Everyone has **imatinib** tablets twice a day.\n\nMore detail here.",
    )
    first.interventions.set([imatinib])
    make_site(first, facility="Leeds Cancer Centre", region="yorkshire-and-the-humber")
    make_site(first, facility="Guy's Hospital", city="London", region="london")
    second = make_trial(
        title="Radiotherapy for bone sarcoma",
        phase="PHASE3",
        status=Status.NOT_YET_RECRUITING,
        sex="FEMALE",
        min_age_months=18 * 12,
        max_age_months=70 * 12,
        conditions=[condition("bone-sarcoma")],
    )
    make_site(second, facility="The Christie", city="Manchester", region="north-west")
    third = make_trial(title="A vaccine for melanoma", conditions=[condition("melanoma")])
    return first, second, third


def params(*trials, **extra) -> dict:
    return {"compare": [t.slug for t in trials], **extra}


def test_anonymous_visitors_are_sent_to_the_login_page(client, three_trials):
    response = client.get(URL, params(*three_trials[:2]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login") + "?next=")


def test_signed_in_people_who_are_not_staff_are_refused(client, django_user_model, three_trials):
    client.force_login(django_user_model.objects.create_user("patient", "p@example.com", "pw"))
    assert client.get(URL, params(*three_trials[:2])).status_code == 403


def test_two_trials_are_shown_side_by_side(nurse_client, three_trials):
    first, second, _third = three_trials
    response = nurse_client.get(URL, params(first, second))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('<th scope="col">') == 2
    assert html.index(first.title) < html.index(second.title)
    for text in (
        "Soft tissue sarcoma",
        "Bone sarcoma",
        "10 years and over",
        "18 to 70 years",
        "Women only",
        "Men and women",
        "Phase 2",
        "Phase 3",
        "Open",
        "Opening soon",
        "imatinib",
        "Everyone has imatinib tablets twice a day.",
        '<th scope="row">What taking part involves</th>',
    ):
        assert text in html
    assert "More detail here." not in html
    assert "**" not in html


def test_three_trials_are_shown_side_by_side(nurse_client, three_trials):
    response = nurse_client.get(URL, params(*three_trials))
    assert response.status_code == 200
    assert [t.title for t in response.context["trials"]] == [t.title for t in three_trials]
    assert response.content.decode().count('<th scope="col">') == 3


def test_it_keeps_the_callers_region_and_lists_the_sites_there(nurse_client, three_trials):
    first, second, _third = three_trials
    response = nurse_client.get(URL, params(first, second, region="london"))
    html = response.content.decode()
    assert "Sites in London" in html
    assert "Guy&#x27;s Hospital, London" in html
    assert "Leeds Cancer Centre" not in html
    assert "None in this area" in html
    sheet = reverse("staff:phone_sheet", args=[first.slug])
    assert f'href="{sheet}?region=london"' in html


def test_four_trials_are_refused(nurse_client, three_trials):
    fourth = make_trial(title="A fourth trial")
    response = nurse_client.get(URL, params(*three_trials, fourth))
    assert response.status_code == 400
    assert "You can compare up to 3 trials at a time" in response.content.decode()


def test_unknown_trials_are_refused_by_name(nurse_client, three_trials):
    response = nurse_client.get(URL, {"compare": [three_trials[0].slug, "no-such-trial"]})
    assert response.status_code == 400
    assert "We could not find these trials: no-such-trial." in response.content.decode()


def test_one_trial_asks_for_at_least_two(nurse_client, three_trials):
    response = nurse_client.get(URL, params(three_trials[0]))
    assert response.status_code == 200
    assert "Pick at least two trials to compare." in response.content.decode()
    assert response.context["trials"] == []


def test_the_same_trial_twice_counts_once(nurse_client, three_trials):
    response = nurse_client.get(URL, params(three_trials[0], three_trials[0]))
    assert "Pick at least two trials to compare." in response.content.decode()
