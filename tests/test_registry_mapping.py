"""The ClinicalTrials.gov mapping rules, on plain dicts: no database."""

import copy
import datetime as dt
import json
from pathlib import Path

import pytest

from trialfinder.registry.mapping import (
    ConditionMatcher,
    RegionRef,
    StudyError,
    is_cancer_study,
    map_phase,
    map_study,
    map_trial_type,
    parse_age_months,
    parse_date,
    region_for,
    secondary_id_kind,
    split_criteria,
    study_terms,
    uk_area_region,
)

FIXTURES = Path(__file__).parent / "fixtures" / "ctgov"
PLAIN_LANGUAGE_FIELDS = ["summary", "more_about", "who_can_join", "what_is_involved"]


@pytest.fixture
def study() -> dict:
    return json.loads((FIXTURES / "single_study.json").read_text())


def _with(study: dict, module: str, **values) -> dict:
    study = copy.deepcopy(study)
    study["protocolSection"].setdefault(module, {}).update(values)
    return study


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("18 Years", 216),
        ("1 Year", 12),
        ("6 Months", 6),
        ("1 Month", 1),
        ("3 Weeks", 0),
        ("9 Weeks", 2),
        ("5 Days", 0),
        ("61 Days", 2),
        ("12 Hours", 0),
        ("N/A", None),
        ("", None),
        (None, None),
    ],
)
def test_it_converts_ages_in_every_unit_to_whole_months(text, months):
    assert parse_age_months(text) == months


def test_it_rejects_an_age_it_cannot_read():
    with pytest.raises(StudyError):
        parse_age_months("eighteen")


def test_a_missing_maximum_age_means_no_upper_limit(study):
    data = map_study(study)
    assert (data.min_age_months, data.max_age_months) == (216, None)


def test_it_rejects_a_minimum_age_above_the_maximum(study):
    bad = _with(study, "eligibilityModule", minimumAge="65 Years", maximumAge="18 Years")
    with pytest.raises(StudyError, match="minimum age"):
        map_study(bad)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-15", dt.date(2024, 3, 15)),
        ("2024-03", dt.date(2024, 3, 1)),
        ("2024", dt.date(2024, 1, 1)),
    ],
)
def test_it_reads_full_and_partial_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2024-13", "March 2024", "2024-02-30"])
def test_it_rejects_bad_dates(text):
    with pytest.raises(StudyError):
        parse_date(text)


def test_an_estimated_completion_date_is_marked_as_an_estimate(study):
    data = map_study(study)
    assert data.start_date == dt.date(2023, 3, 1)
    assert data.end_date == dt.date(2026, 12, 31)
    assert data.end_date_is_estimate
    assert data.enrolment == 120 and data.enrolment_is_estimate


@pytest.mark.parametrize(
    ("phases", "expected"),
    [
        (["PHASE1", "PHASE2"], "PHASE1_PHASE2"),
        (["PHASE2", "PHASE3"], "PHASE2_PHASE3"),
        (["PHASE3"], "PHASE3"),
        (["EARLY_PHASE1"], "EARLY_PHASE1"),
        (["NA"], "NA"),
        ([], ""),
        (None, ""),
    ],
)
def test_it_combines_phases_into_one(phases, expected):
    assert map_phase(phases) == expected


@pytest.mark.parametrize(
    ("purpose", "expected"),
    [
        ("TREATMENT", "TREATMENT"),
        ("BASIC_SCIENCE", "OTHER"),
        ("HEALTH_SERVICES_RESEARCH", "OTHER"),
        (None, "OTHER"),
    ],
)
def test_it_maps_primary_purpose_to_trial_type(purpose, expected):
    assert map_trial_type(purpose) == expected


def test_it_keeps_the_registry_status_and_calls_unknown_values_unknown(study):
    assert map_study(study).status == "RECRUITING"
    assert map_study(_with(study, "statusModule", overallStatus="AVAILABLE")).status == "UNKNOWN"


@pytest.mark.parametrize(
    ("value", "id_type", "domain", "kind"),
    [
        ("2014-005181-30", "EUDRACT_NUMBER", "", "EUDRACT"),
        ("2014-005181-30", "OTHER", "", "EUDRACT"),
        ("2023-505976-31-00", "OTHER", "CTIS", "EU_CT"),
        ("2023-505976-31", "REGISTRY", "CTIS (EU)", "EU_CT"),
        ("ISRCTN12345678", "REGISTRY", "ISRCTN", "ISRCTN"),
        ("IRAS 123456", "OTHER", "", "IRAS"),
        ("123456", "OTHER", "IRAS", "IRAS"),
        ("CA180-123", "OTHER", "BMS", "OTHER"),
    ],
)
def test_it_types_secondary_ids_by_their_shape(value, id_type, domain, kind):
    assert secondary_id_kind(value, id_type, domain) == kind


def test_it_lists_nct_org_secondary_and_obsolete_ids(study):
    study = _with(study, "identificationModule", nctIdAliases=["NCT00000001"])
    kinds = {(i.kind, i.value) for i in map_study(study).identifiers}
    assert kinds == {
        ("NCT", "NCT09000001"),
        ("ORG", "ORG-0001"),
        ("EUDRACT", "2019-001234-56"),
        ("OBSOLETE", "NCT00000001"),
    }


def test_it_splits_criteria_under_headings_in_any_case_and_bullet_style():
    text = (
        "INCLUSION CRITERIA:\n\n* Aged 18 or over\n- Signed consent\n1. ECOG 0-1\n\n"
        "exclusion criteria:\n\n  2) Pregnant\n* Prior CDK4/6 inhibitor"
    )
    assert split_criteria(text) == (
        ["Aged 18 or over", "Signed consent", "ECOG 0-1"],
        ["Pregnant", "Prior CDK4/6 inhibitor"],
    )


@pytest.mark.parametrize(
    "heading", ["Non-inclusion criteria:", "NON INCLUSION CRITERIA", "Non-Inclusion:"]
)
def test_non_inclusion_criteria_are_the_exclusions(heading):
    text = (
        f"Inclusion criteria:\n1. Histological diagnosis of NSCLC\n\n{heading}\n1. Brain metastases"
    )
    assert split_criteria(text) == (["Histological diagnosis of NSCLC"], ["Brain metastases"])


def test_criteria_without_headings_all_count_as_inclusion():
    assert split_criteria("* Adults\n* With sarcoma") == (["Adults", "With sarcoma"], [])


def test_criteria_are_stored_one_per_line(study):
    data = map_study(study)
    assert data.inclusion_criteria == "Aged 18 or over\nConfirmed diagnosis"
    assert data.exclusion_criteria == "Pregnant\nPrior treatment"


@pytest.mark.parametrize(
    ("postcode", "region"),
    [
        ("LS9 7TF", "Yorkshire and the Humber"),
        ("M20 4BX", "North West"),
        ("B15 2TH", "West Midlands"),
        ("SW3 6JJ", "London"),
        ("EC1A 1BB", "London"),
        ("OX3 7LE", "South East"),
        ("NE7 7DN", "North East"),
        ("CB2 0QQ", "East of England"),
        ("NG5 1PB", "East Midlands"),
        ("BS2 8ED", "South West"),
        ("EH4 2XU", "Scotland"),
        ("G12 0YN", "Scotland"),
        ("AB25 2ZN", "Scotland"),
        ("CF14 2TL", "Wales"),
        ("SA2 8PP", "Wales"),
        ("SY23 1ER", "Wales"),
        ("SY3 8XQ", "West Midlands"),
        ("BT9 7AB", "Northern Ireland"),
        ("ls97tf", "Yorkshire and the Humber"),
        ("JE1 1AA", None),
        ("02215", None),
    ],
)
def test_it_finds_the_uk_region_from_the_postcode_area(postcode, region):
    assert uk_area_region(postcode) == region


def test_uk_sites_fall_back_to_the_nation_then_the_country():
    assert region_for("United Kingdom", "", "LS9 7TF") == RegionRef(
        "ENGLISH_REGION", "Yorkshire and the Humber"
    )
    assert region_for("United Kingdom", "Scotland", "") == RegionRef("UK_NATION", "Scotland")
    assert region_for("United Kingdom", "Wales", "") == RegionRef("UK_NATION", "Wales")
    assert region_for("United Kingdom", "Surrey", "") == RegionRef("COUNTRY", "United Kingdom")


def test_us_sites_go_by_state_name_or_code():
    assert region_for("United States", "Massachusetts", "02215") == RegionRef(
        "US_STATE", "Massachusetts"
    )
    assert region_for("United States", "CA", "") == RegionRef("US_STATE", "California")
    assert region_for("United States", "", "") == RegionRef("COUNTRY", "United States")


def test_other_sites_go_by_country():
    assert region_for("France", "", "94805") == RegionRef("COUNTRY", "France")
    assert region_for("Korea, Republic of", "", "") == RegionRef("COUNTRY", "South Korea")


def test_it_maps_sites_with_status_contact_and_geopoint(study):
    study = json.loads((FIXTURES / "array.json").read_text())[0]
    site = map_study(study).sites[0]
    assert (site.facility, site.city, site.state, site.postcode) == (
        "Dana-Farber Cancer Institute",
        "Boston",
        "Massachusetts",
        "02215",
    )
    assert site.status == "RECRUITING"
    assert (site.contact_name, site.contact_email) == ("Site Nurse", "nurse@example.org")
    assert (site.latitude, site.longitude) == (42.35843, -71.05977)


def test_it_maps_people_sponsors_and_interventions(study):
    data = map_study(study)
    assert (data.chief_investigator, data.chief_investigator_affiliation) == (
        "Dr Ada Example",
        "Example University",
    )
    assert (data.contact_name, data.contact_phone, data.contact_email) == (
        "Trial Office",
        "0113 123 4567",
        "trials@example.org",
    )
    assert [(o.name, o.role) for o in data.organisations] == [
        ("Example University", "SPONSOR"),
        ("Cancer Research UK", "COLLABORATOR"),
    ]
    assert [(i.name, i.kind, i.other_names) for i in data.interventions] == [
        ("Imatinib", "DRUG", ["Glivec", "STI571"])
    ]


def test_registry_summaries_never_go_into_plain_language_fields(study):
    fields = map_study(study).trial_fields()
    assert fields["brief_summary"] == "Registry summary of Imatinib for Soft Tissue Sarcoma."
    assert fields["detailed_description"] == "Detailed registry description."
    assert not set(PLAIN_LANGUAGE_FIELDS + ["results_summary", "publication", "slug"]) & set(fields)


def test_it_ignores_unknown_keys(study):
    study["somethingNew"] = {"x": 1}
    study["protocolSection"]["statusModule"]["newField"] = [1, 2]
    assert map_study(study).nct_id == "NCT09000001"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda s: s["protocolSection"]["identificationModule"].pop("nctId"), "missing nctId"),
        (
            lambda s: s["protocolSection"]["conditionsModule"].update(conditions="Sarcoma"),
            "should be a list",
        ),
        (
            lambda s: s["protocolSection"]["designModule"]["enrollmentInfo"].update(count="lots"),
            "enrollment count",
        ),
        (
            lambda s: s["protocolSection"]["statusModule"]["startDateStruct"].update(date="soon"),
            "not a date",
        ),
    ],
)
def test_it_rejects_malformed_studies_with_a_reason(study, change, reason):
    change(study)
    with pytest.raises(StudyError, match=reason):
        map_study(study)


# --- Cancer types -----------------------------------------------------------------------

CONDITIONS = [
    (1, "Sarcoma", "", None),
    (2, "Soft tissue sarcoma", "STS\nliposarcoma", 1),
    (3, "Leukaemia", "leukemia\nblood cancer", None),
    (4, "Acute myeloid leukaemia", "acute myeloid leukemia\nAML", 3),
    (5, "Acute lymphoblastic leukaemia", "ALL", 3),
    (6, "Lung cancer", "", None),
    (7, "Non-small cell lung cancer", "NSCLC", 6),
    (8, "Small cell lung cancer", "SCLC", 6),
    (9, "Melanoma", "", None),
    (10, "Skin cancer", "non-melanoma skin cancer", None),
    (11, "Lymphoma", "blood cancer", None),
    (12, "Stomach cancer", "gastric cancer", None),
    (13, "Liver cancer", "", None),
]
MAPPINGS = [
    ("leukemia, myeloid, acute", "CONTAINS_WORD", 4),
    ("non-small cell lung", "CONTAINS_WORD", 7),
    ("gastric", "WORD_IN_CANCER_TERM", 12),
    ("liver", "WORD_IN_CANCER_TERM", 13),
]


@pytest.fixture
def matcher() -> ConditionMatcher:
    return ConditionMatcher.from_conditions(CONDITIONS, MAPPINGS)


@pytest.mark.parametrize(
    ("terms", "ids"),
    [
        (["Soft Tissue Sarcoma"], [2]),  # The subtype, not also its parent.
        (["Sarcoma"], [1]),
        (["Leukemia, Myeloid, Acute"], [4]),
        (["Acute Myeloid Leukaemia"], [4]),
        (["AML"], [4]),
        (["ALL"], [5]),
        (["All Solid Tumours"], []),  # 'ALL' only on its own.
        (["Carcinoma, Non-Small-Cell Lung"], [7]),  # Not also small cell.
        (["Non-melanoma Skin Cancer"], [10]),  # Not also melanoma.
        (["Blood cancer"], [3, 11]),
        (["Gastric or Gastroesophageal Cancer"], [12]),
        (["Gastric Reflux"], []),
        (["Liver Metastases"], []),
        (["Asthma"], []),
    ],
)
def test_it_maps_registry_wording_to_the_most_specific_cancer_type(matcher, terms, ids):
    assert matcher.match(terms) == ids


def test_a_study_with_no_cancer_type_or_cancer_word_is_not_about_cancer(matcher):
    array = json.loads((FIXTURES / "array.json").read_text())
    asthma = map_study(array[1])
    assert not is_cancer_study(asthma, matcher.match(study_terms(asthma)))
    breast = map_study(array[0])
    assert is_cancer_study(breast, [])  # 'Breast Cancer' is a cancer word even unmapped.


def test_a_misfiring_derived_mesh_term_does_not_make_a_study_about_cancer(study):
    study["protocolSection"]["conditionsModule"]["conditions"] = ["Macular Edema"]
    study["derivedSection"]["conditionBrowseModule"] = {
        "meshes": [{"id": "D009362", "term": "Neoplasm Metastasis"}],
        "browseLeaves": [
            {"id": "M1", "name": "Neoplasm Metastasis", "asFound": "Secondary", "relevance": "HIGH"}
        ],
    }
    assert not is_cancer_study(map_study(study), [])
