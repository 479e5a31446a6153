"""/staff/trials/<slug>/call/: the one-screen phone sheet a nurse reads from (issue 7)."""

import html
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.urls import reverse

from tests.factories import add_organisation, condition, make_site, make_trial
from trialfinder.trials import sheet
from trialfinder.trials.models import Publication, Status, TrialIdentifier, TrialOrganisation

US_SITES = [
    ("Jonsson Comprehensive Cancer Center, UCLA", "Los Angeles", "california"),
    ("Washington Hospital Center", "Washington", "district-of-columbia"),
    ("Lutheran General Cancer Care Center", "Park Ridge", "illinois"),
    ("Warren Grant Magnuson Clinical Center", "Bethesda", "maryland"),
    ("Dana-Farber Cancer Institute", "Boston", "massachusetts"),
    ("University of Michigan Comprehensive Cancer Center", "Ann Arbor", "michigan"),
    ("Mayo Clinic Cancer Center", "Rochester", "minnesota"),
    ("Memorial Sloan-Kettering Cancer Center", "New York", "new-york"),
    ("Herbert Irving Comprehensive Cancer Center", "New York", "new-york"),
    ("University of Texas - MD Anderson Cancer Center", "Houston", "texas"),
    ("Fred Hutchinson Cancer Center", "Seattle", "washington"),
]


@pytest.fixture
def nct00031915(db):
    """Built like seed trial 2: 10 years and over, 11 US sites, criteria as lines."""
    trial = make_trial(
        slug="imatinib-mesylate-advanced-soft-tissue-or-bone-sarcoma-nct00031915",
        title="Imatinib mesylate in treating patients with advanced soft tissue or bone sarcoma",
        summary=(
            "*This is our plain English summary of the registry record on "
            "ClinicalTrials.gov (NCT00031915).*\n\n"
            "This trial looked at **imatinib** (Glivec) for people with soft tissue sarcoma "
            "or bone sarcoma that had spread. Imatinib is a targeted drug.\n\n"
            "- It was a [phase 2](https://example.org/phases) trial"
        ),
        brief_summary="RATIONALE: Imatinib mesylate may stop the growth of tumor cells.",
        inclusion_criteria="\n".join(
            [
                "Histologically or cytologically confirmed metastatic or unresectable locally "
                "advanced (stage IV or recurrent) soft tissue or bone sarcoma of one of the "
                "eligible subtypes listed in the protocol",
                "Failed standard therapy with no available salvage regimens",
                "Unidimensionally measurable target lesions",
                "Age: 10 and over",
                "Bilirubin no greater than 3 times upper limit of normal (ULN)",
                "ALT and AST less than 2.5 times ULN",
                "Creatinine less than 1.5 times ULN",
            ]
        ),
        exclusion_criteria="Pregnant or nursing\nHormonal birth control",
        status=Status.COMPLETED,
        phase="PHASE2",
        min_age_months=120,
        conditions=[condition("soft-tissue-sarcoma"), condition("bone-sarcoma")],
        identifiers={
            TrialIdentifier.Kind.OTHER: "CDR0000069239",
            TrialIdentifier.Kind.OBSOLETE: "NCT00029094",
            TrialIdentifier.Kind.NCT: "NCT00031915",
        },
    )
    for n, (facility, city, region) in enumerate(US_SITES):
        make_site(
            trial,
            facility=facility,
            city=city,
            country="United States",
            region=region,
            status=Status.COMPLETED,
            contact_phone=f"212-555-01{n:02d}",
        )
    add_organisation(trial, "National Cancer Institute", TrialOrganisation.Role.SPONSOR, "NCI")
    return trial


@pytest.fixture
def eortc62027(db):
    """Built like seed trial 1: an editor-written trial with no sites listed."""
    return make_trial(
        title="A trial of imatinib (Glivec) for soft tissue sarcoma of the skin (EORTC 62027)",
        summary=(
            "This trial looked at imatinib (Glivec) for 2 rare types of soft tissue sarcoma of "
            "the skin. These are called **dermatofibrosarcoma protuberans (DFSP)**."
        ),
        status=Status.COMPLETED,
        has_results=True,
        phase="PHASE2",
        chief_investigator="Dr Michael Leahy",
        contact_name="Cancer Research UK cancer information nurses",
        contact_phone="0808 800 4040",
        conditions=[condition("sarcoma"), condition("soft-tissue-sarcoma")],
        identifiers={
            TrialIdentifier.Kind.ORG: "EORTC 62027",
            TrialIdentifier.Kind.CRUK: "Oracle 732",
        },
    )


def url(trial, **params) -> str:
    base = reverse("staff:phone_sheet", args=[trial.slug])
    return base + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def test_anonymous_visitors_are_sent_to_the_login_page(client, eortc62027):
    response = client.get(url(eortc62027))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login") + "?next=")


def test_signed_in_people_who_are_not_staff_are_refused(client, django_user_model, eortc62027):
    client.force_login(django_user_model.objects.create_user("patient", "p@example.com", "pw"))
    assert client.get(url(eortc62027)).status_code == 403


def test_staff_see_the_sheet(nurse_client, eortc62027):
    response = nurse_client.get(url(eortc62027))
    assert response.status_code == 200
    assert response.content.decode().count("<h1>") == 1


def test_it_says_what_the_trial_tests_in_one_plain_sentence(nurse_client, nct00031915):
    html_text = nurse_client.get(url(nct00031915)).content.decode()
    assert (
        '<p class="one-sentence">This trial looked at imatinib (Glivec) for people with soft '
        "tissue sarcoma or bone sarcoma that had spread.</p>"
    ) in html_text
    assert "From the registry summary" not in html_text


def test_without_a_plain_summary_it_uses_the_registry_summary_and_says_so(nurse_client):
    trial = make_trial(brief_summary="RATIONALE: Drugs may help. PURPOSE: A phase 2 trial.")
    html_text = nurse_client.get(url(trial)).content.decode()
    assert '<p class="one-sentence">RATIONALE: Drugs may help.</p>' in html_text
    assert "From the registry summary" in html_text


def test_the_who_can_join_checklist_has_the_basics_and_five_key_points(nurse_client, nct00031915):
    html_text = html.unescape(nurse_client.get(url(nct00031915)).content.decode())
    for text in (
        "10 years and over",
        "Men and women",
        "Soft tissue sarcoma",
        "Bone sarcoma",
        "People without cancer:</strong> Cannot take part",
        "Failed standard therapy with no available salvage regimens",
        "Pregnant or nursing",
        "Hormonal birth control",
        "2 more points on the trial page",
    ):
        assert text in html_text
    # The long first criterion is shortened; the sixth and seventh are left for the page.
    assert "eligible subtypes listed in the protocol" not in html_text
    assert "Creatinine" not in html_text


def test_the_callers_region_comes_first_then_the_rest_grouped(nurse_client, nct00031915):
    html_text = nurse_client.get(url(nct00031915, region="new-york")).content.decode()
    new_york = html_text.index("<h3>In New York</h3>")
    assert new_york < html_text.index("Memorial Sloan-Kettering Cancer Center")
    assert new_york < html_text.index("Herbert Irving Comprehensive Cancer Center")
    assert html_text.index("Herbert Irving") < html_text.index("<h3>California</h3>")
    assert "212-555-0107" in html_text  # Memorial Sloan-Kettering's own phone number
    assert "Completed" in html_text or "Closed" in html_text
    # Two in New York plus six elsewhere are shown; three are counted.
    assert "and 3 other sites, listed on the trial page" in html_text


def test_without_a_region_it_shows_eight_sites_and_counts_the_rest(nurse_client, nct00031915):
    response = nurse_client.get(url(nct00031915))
    sites = response.context["sites"]
    assert sites.in_region == []
    assert sum(len(group) for group in sites.elsewhere.values()) == 8
    assert sites.not_shown == 3


def test_it_lists_every_id_to_quote_with_the_nct_number_first(nurse_client, nct00031915):
    response = nurse_client.get(url(nct00031915))
    assert [i.value for i in response.context["identifiers"]] == [
        "NCT00031915",
        "CDR0000069239",
        "NCT00029094",
    ]


def test_it_shows_the_people_behind_a_trial_like_seed_trial_1(nurse_client, eortc62027):
    html_text = html.unescape(nurse_client.get(url(eortc62027)).content.decode())
    for text in (
        "Chief investigator: Dr Michael Leahy",
        "EORTC 62027",
        "Oracle 732",
        "Cancer Research UK cancer information nurses",
        "0808 800 4040",
        "The trial team has not listed sites.",
        "This trial is not taking new people at the moment.",
    ):
        assert text in html_text
    assert "DRAFT" not in html_text


def test_the_mailto_link_holds_the_summary_the_ids_and_the_public_link(nurse_client, nct00031915):
    response = nurse_client.get(url(nct00031915))
    href = response.context["mailto"]
    assert f'href="{html.escape(href)}"' in response.content.decode()
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and parts.path == ""  # no recipient: nothing stored
    assert " " not in href and "\n" not in href
    fields = parse_qs(parts.query)
    assert fields["subject"] == [nct00031915.title]
    body = fields["body"][0]
    assert "This trial looked at imatinib (Glivec) for people with soft tissue sarcoma" in body
    assert "- It was a phase 2 trial" in body
    assert "This is our plain English summary of the registry record" not in body
    assert "*" not in body and "](" not in body and "<" not in body
    assert "NCT00031915" in body and "NCT00029094" in body and "CDR0000069239" in body
    assert "http://testserver" + nct00031915.get_absolute_url() in body
    assert unquote(href.split("body=")[1]) == body


def test_the_mailto_body_keeps_characters_that_would_break_the_link(db):
    trial = make_trial(title="Drugs & surgery? 100% sure", summary="A + B = C & D #1")
    href = sheet.mailto_href(trial, [], "https://example.org/trials/x/")
    fields = parse_qs(urlsplit(href).query)
    assert fields["subject"] == ["Drugs & surgery? 100% sure"]
    assert "A + B = C & D #1" in fields["body"][0]


def test_it_offers_print_and_the_patient_print_page(nurse_client, eortc62027):
    html_text = nurse_client.get(url(eortc62027)).content.decode()
    assert "data-print" in html_text
    assert f'href="{reverse("trials:trial_print", args=[eortc62027.slug])}"' in html_text
    assert "onclick" not in html_text


def test_staff_can_open_drafts_which_are_clearly_labelled(nurse_client):
    trial = make_trial(publication=Publication.DRAFT)
    response = nurse_client.get(url(trial))
    html_text = response.content.decode()
    assert response.status_code == 200
    assert "<strong>DRAFT</strong>" in html_text
    assert "Send to the caller" not in html_text


def test_an_unknown_region_is_ignored(nurse_client, nct00031915):
    response = nurse_client.get(url(nct00031915, region="atlantis"))
    assert response.status_code == 200
    assert response.context["region"] is None


def test_nothing_about_the_call_is_stored(nurse_client, nct00031915):
    session_before = dict(nurse_client.session)
    nurse_client.get(url(nct00031915, region="new-york"))
    nurse_client.get(reverse("staff:lookup"), {"q": "NCT00031915"})
    assert dict(nurse_client.session) == session_before
