"""/cancer-types/ and /cancer-types/<slug>/."""

from django.urls import reverse

from tests.factories import condition, make_trial
from trialfinder.trials.models import Status


def test_the_index_lists_types_with_subtypes_and_counts(client, db):
    make_trial(conditions=[condition("bone-sarcoma")])
    response = client.get(reverse("trials:condition_list"))
    rows = {c.slug: (depth, n) for c, depth, n in response.context["cancer_types"]}
    assert rows["sarcoma"] == (0, 1)
    assert rows["bone-sarcoma"] == (1, 1)
    assert rows["soft-tissue-sarcoma"] == (1, 0)
    assert len(rows) >= 25


def test_a_type_page_lists_open_trials_of_its_subtypes(client, db):
    make_trial(title="Bone trial", conditions=[condition("bone-sarcoma")])
    make_trial(
        title="Closed bone trial", conditions=[condition("bone-sarcoma")], status=Status.COMPLETED
    )
    make_trial(title="Breast trial", conditions=[condition("breast-cancer")])
    response = client.get(condition("sarcoma").get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bone trial" in html
    assert "Closed bone trial" not in html
    assert "Breast trial" not in html
    assert "including 1 closed or opening soon" in html
    assert "Soft tissue sarcoma" in html  # subtype link


def test_an_unknown_type_is_404(client, db):
    assert client.get(reverse("trials:condition_detail", args=["nope"])).status_code == 404


def test_a_renamed_cancer_type_shows_on_cached_result_cards(client, db):
    make_trial(title="Bone trial", conditions=[condition("bone-sarcoma")])
    url = condition("sarcoma").get_absolute_url()
    assert "Bone sarcoma" in client.get(url).content.decode()
    bone = condition("bone-sarcoma")
    bone.name = "Primary bone sarcoma"
    bone.save()
    assert "Primary bone sarcoma" in client.get(url).content.decode()
