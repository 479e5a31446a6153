"""/trials/<slug>/print/: the public "take this to your doctor" page (issue 7)."""

from django.urls import reverse

from tests.factories import add_organisation, condition, make_site, make_trial
from trialfinder.trials.models import Publication, Status, TrialIdentifier, TrialOrganisation


def print_url(trial) -> str:
    return reverse("trials:trial_print", args=[trial.slug])


def test_it_is_public_and_has_the_key_facts(client, db):
    trial = make_trial(
        title="A trial of imatinib for sarcoma",
        phase="PHASE2",
        status=Status.RECRUITING,
        min_age_months=120,
        sex="FEMALE",
        chief_investigator="Dr Michael Leahy",
        conditions=[condition("soft-tissue-sarcoma")],
        identifiers={
            TrialIdentifier.Kind.ORG: "EORTC 62027",
            TrialIdentifier.Kind.CRUK: "Oracle 732",
        },
    )
    add_organisation(trial, "National Cancer Institute", TrialOrganisation.Role.SPONSOR, "NCI")
    response = client.get(print_url(trial))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1>") == 1
    assert 'class="print-sheet"' in html
    for text in (
        "A trial of imatinib for sarcoma",
        "Soft tissue sarcoma",
        "Open",
        "Phase 2",
        "10 years and over",
        "Women only",
        "EORTC 62027",
        "Oracle 732",
        "Dr Michael Leahy",
        "National Cancer Institute (NCI)",
        "http://testserver" + trial.get_absolute_url(),
        "0808 800 4040",
    ):
        assert text in html


def test_it_lists_the_questions_to_ask_the_doctor(client, db):
    html = client.get(print_url(make_trial())).content.decode()
    for question in (
        "Could this trial be suitable for me?",
        "What would taking part involve?",
        "What are the possible side effects?",
        "What are my other options?",
        "Who do I contact to be referred?",
    ):
        assert question in html


def test_sites_are_grouped_by_area_with_status_and_phone(client, db):
    trial = make_trial()
    make_site(
        trial,
        facility="Leeds Cancer Centre",
        region="yorkshire-and-the-humber",
        status=Status.RECRUITING,
        contact_phone="0113 496 0000",
    )
    make_site(trial, facility="Guy's Hospital", city="London", region="london")
    html = client.get(print_url(trial)).content.decode()
    assert html.index("<h3>London</h3>") < html.index("Guy&#x27;s Hospital")
    assert html.index("<h3>Yorkshire and the Humber</h3>") < html.index("Leeds Cancer Centre")
    assert "0113 496 0000" in html
    assert "Ask the trial team" in html


def test_it_has_a_print_link_that_works_without_javascript(client, db):
    trial = make_trial()
    html = client.get(print_url(trial)).content.decode()
    assert f'<a class="button" href="{print_url(trial)}" data-print>Print this page</a>' in html
    assert "onclick" not in html and "<script>" not in html


def test_drafts_are_not_found(client, db):
    trial = make_trial(publication=Publication.DRAFT)
    assert client.get(print_url(trial)).status_code == 404


def test_the_print_page_has_a_bounded_number_of_queries(client, db, django_assert_max_num_queries):
    trial = make_trial(conditions=[condition("sarcoma")])
    for _ in range(5):
        make_site(trial, region="london")
    client.get(print_url(trial))  # the region tree is cached after the first page
    with django_assert_max_num_queries(7):
        client.get(print_url(trial))
