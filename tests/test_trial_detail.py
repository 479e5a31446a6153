"""/trials/<slug>/: the trial page a patient reads."""

from django.urls import reverse

from tests.factories import add_organisation, condition, make_site, make_trial
from trialfinder.trials.models import Publication, Status, TrialIdentifier, TrialOrganisation


def test_it_shows_the_key_facts_at_the_top(client, db):
    trial = make_trial(
        title="A trial of a new drug",
        phase="PHASE2",
        status=Status.RECRUITING,
        conditions=[condition("soft-tissue-sarcoma")],
        min_age_months=18 * 12,
        max_age_months=70 * 12,
    )
    response = client.get(trial.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>A trial of a new drug</h1>" in html
    assert "Soft tissue sarcoma" in html
    assert "Phase 2" in html
    assert "Open" in html
    assert "18 to 70 years" in html


def test_drafts_are_not_found_by_the_public(client, db):
    trial = make_trial(publication=Publication.DRAFT)
    assert client.get(trial.get_absolute_url()).status_code == 404


def test_an_unknown_trial_shows_a_friendly_404(client, db):
    response = client.get(reverse("trials:trial_detail", args=["no-such-trial"]))
    assert response.status_code == 404
    assert b"Page not found" in response.content
    assert b"Search for a trial" in response.content


def test_sites_are_grouped_by_region_with_their_own_status(client, db):
    trial = make_trial()
    make_site(
        trial,
        facility="Leeds Cancer Centre",
        region="yorkshire-and-the-humber",
        status=Status.RECRUITING,
    )
    make_site(trial, facility="Guy's Hospital", region="london", status=Status.NOT_YET_RECRUITING)
    html = client.get(trial.get_absolute_url()).content.decode()
    assert html.index("<h3>London</h3>") < html.index("Guy&#x27;s Hospital")
    assert html.index("<h3>Yorkshire and the Humber</h3>") < html.index("Leeds Cancer Centre")
    assert "Opening soon" in html


def test_it_shows_every_identifier_and_the_people_behind_the_trial(client, db):
    trial = make_trial(
        chief_investigator="Dr Michael Leahy",
        identifiers={
            TrialIdentifier.Kind.ORG: "EORTC 62027",
            TrialIdentifier.Kind.CRUK: "Oracle 732",
        },
    )
    add_organisation(
        trial,
        "European Organisation for Research and Treatment of Cancer",
        TrialOrganisation.Role.COLLABORATOR,
        "EORTC",
    )
    add_organisation(trial, "National Cancer Institute", TrialOrganisation.Role.SPONSOR, "NCI")
    html = client.get(trial.get_absolute_url()).content.decode()
    for text in (
        "Dr Michael Leahy",
        "EORTC 62027",
        "Oracle 732",
        "Supported by",
        "(EORTC)",
        "Sponsor",
        "National Cancer Institute (NCI)",
    ):
        assert text in html


def test_the_registry_summary_stands_in_for_a_missing_plain_summary_and_says_so(client, db):
    trial = make_trial(
        summary="", brief_summary="RATIONALE: Imatinib mesylate may stop tumour growth."
    )
    html = client.get(trial.get_absolute_url()).content.decode()
    assert "written by the trial team for health professionals" in html
    assert "RATIONALE: Imatinib mesylate" in html


def test_editor_markdown_is_rendered_and_raw_html_is_not(client, db):
    trial = make_trial(
        summary="**Bold point**\n\n<script>alert(1)</script>\n\n[x](javascript:alert(2))"
    )
    html = client.get(trial.get_absolute_url()).content.decode()
    assert "<strong>Bold point</strong>" in html
    assert "<script>alert(1)</script>" not in html
    assert 'href="javascript:' not in html


def test_example_trials_say_they_are_invented(client, db):
    trial = make_trial(is_example=True)
    assert b"This is an example trial." in client.get(trial.get_absolute_url()).content


def test_results_are_shown_when_reported(client, db):
    trial = make_trial(
        status=Status.COMPLETED,
        has_results=True,
        results_summary="- Shrunk in 5\n- Stayed the same in 6",
    )
    html = client.get(trial.get_absolute_url()).content.decode()
    assert "<li>Shrunk in 5</li>" in html
    assert 'status--results">Results<' in html


def test_the_page_uses_a_fixed_number_of_queries(client, db, django_assert_max_num_queries):
    trial = make_trial(conditions=[condition("sarcoma")])
    for n in range(30):
        make_site(trial, facility=f"Hospital {n}", region="london")
    with django_assert_max_num_queries(8):
        client.get(trial.get_absolute_url())


def test_glossary_terms_in_plain_sections_link_to_their_definitions(client, db):
    trial = make_trial(
        summary="Imatinib is a tyrosine kinase inhibitor.",
        who_can_join="You need a biopsy. Another tyrosine kinase inhibitor is not marked twice.",
    )
    html = client.get(trial.get_absolute_url()).content.decode()
    assert html.count('data-term="tyrosine-kinase-inhibitor"') == 1
    assert 'href="/glossary/biopsy/"' in html
