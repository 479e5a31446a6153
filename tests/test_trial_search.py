"""/trials/: the FilterSet, its semantics and its bad-input handling."""

import pytest
from django.urls import reverse

from tests.factories import condition, make_site, make_trial
from trialfinder.trials.models import Phase, Publication, Sex, Status, TrialIdentifier, TrialType

URL = reverse("trials:trial_list")


def titles(response) -> list[str]:
    return [t.title for t in response.context["page"].object_list]


@pytest.fixture
def nct00031915(db):
    t = make_trial(
        title="Imatinib mesylate for advanced soft tissue or bone sarcoma",
        status=Status.RECRUITING,
        min_age_months=120,
        conditions=[condition("soft-tissue-sarcoma"), condition("bone-sarcoma")],
        identifiers={
            TrialIdentifier.Kind.NCT: "NCT00031915",
            TrialIdentifier.Kind.OBSOLETE: "NCT00029094",
        },
    )
    make_site(
        t,
        facility="Mayo Clinic Cancer Center",
        city="Rochester",
        country="United States",
        region="minnesota",
    )
    return t


def test_it_lists_recruiting_trials_by_default(client, db):
    make_trial(title="Open trial", status=Status.RECRUITING)
    make_trial(title="Finished trial", status=Status.COMPLETED)
    make_trial(title="Soon trial", status=Status.NOT_YET_RECRUITING)
    response = client.get(URL)
    assert response.status_code == 200
    assert titles(response) == ["Open trial"]


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("opening_soon", {"Soon trial"}),
        ("closed", {"Finished trial", "Reported trial"}),
        ("results", {"Reported trial"}),
        ("any", {"Open trial", "Finished trial", "Soon trial", "Reported trial"}),
    ],
)
def test_it_filters_by_status_group(client, db, status, expected):
    make_trial(title="Open trial", status=Status.RECRUITING)
    make_trial(title="Finished trial", status=Status.COMPLETED)
    make_trial(title="Reported trial", status=Status.COMPLETED, has_results=True)
    make_trial(title="Soon trial", status=Status.NOT_YET_RECRUITING)
    assert set(titles(client.get(URL, {"status": status}))) == expected


def test_it_hides_unpublished_trials(client, db):
    make_trial(title="Draft trial", publication=Publication.DRAFT)
    response = client.get(URL, {"status": "any"})
    assert "Draft trial" not in titles(response)
    assert b"Draft trial" not in response.content


def test_age_ten_matches_a_trial_for_ten_and_over_and_age_nine_does_not(client, nct00031915):
    assert titles(client.get(URL, {"age": "10"})) == [nct00031915.title]
    assert titles(client.get(URL, {"age": "9"})) == []


def test_a_trial_with_no_maximum_age_has_no_upper_limit(client, nct00031915):
    assert titles(client.get(URL, {"age": "110"})) == [nct00031915.title]


def test_a_trial_with_no_age_limits_matches_every_age(client, db):
    make_trial(title="Any age")
    for age in ("0", "45", "120"):
        assert titles(client.get(URL, {"age": age})) == ["Any age"]


@pytest.mark.parametrize("low", [None, 0])
def test_a_trial_with_no_age_limits_says_so_when_an_age_is_chosen(client, db, low):
    # Registries give "0 Years" as often as nothing at all: neither is a limit.
    make_trial(title="Any age", min_age_months=low)
    page = client.get(URL, {"age": "45"}).content.decode()
    assert "Age 45: no age limits given – check with the trial team" in page
    assert "the trial takes No age limits" not in page


def test_why_this_matched_reads_the_trials_ages_as_a_sentence(client, db):
    make_trial(title="Children", max_age_months=17 * 12)
    page = client.get(URL, {"age": "8"}).content.decode()
    assert "Age 8: the trial takes up to 17 years" in page


def test_the_maximum_age_includes_that_whole_year_of_life(client, db):
    make_trial(title="Children", min_age_months=12, max_age_months=17 * 12)
    assert titles(client.get(URL, {"age": "17"})) == ["Children"]
    assert titles(client.get(URL, {"age": "18"})) == []
    assert titles(client.get(URL, {"age": "0"})) == []


def test_a_bound_in_months_matches_a_baby_of_that_age(client, db):
    make_trial(title="From six months", min_age_months=6)
    assert titles(client.get(URL, {"age": "0"})) == ["From six months"]


def test_it_filters_by_sex_and_all_matches_both(client, db):
    make_trial(title="Everyone", sex=Sex.ALL)
    make_trial(title="Women", sex=Sex.FEMALE)
    make_trial(title="Men", sex=Sex.MALE)
    assert set(titles(client.get(URL, {"sex": "FEMALE"}))) == {"Everyone", "Women"}
    assert set(titles(client.get(URL, {"sex": "MALE"}))) == {"Everyone", "Men"}
    assert len(titles(client.get(URL))) == 3


def test_cancer_type_includes_its_subtypes(client, nct00031915):
    make_trial(title="Breast", conditions=[condition("breast-cancer")])
    assert titles(client.get(URL, {"cancer_type": "sarcoma"})) == [nct00031915.title]
    assert titles(client.get(URL, {"cancer_type": "bone-sarcoma"})) == [nct00031915.title]
    assert titles(client.get(URL, {"cancer_type": "breast-cancer"})) == ["Breast"]


def test_a_trial_in_two_matching_subtypes_is_listed_once(client, nct00031915):
    response = client.get(URL, {"cancer_type": "sarcoma"})
    assert response.context["page"].paginator.count == 1


def test_region_matches_when_one_site_is_there_and_shows_that_site(client, nct00031915):
    make_site(nct00031915, facility="Leeds Cancer Centre", region="yorkshire-and-the-humber")
    other = make_trial(title="Elsewhere")
    make_site(other, facility="Royal Marsden", region="london")
    response = client.get(URL, {"region": "yorkshire-and-the-humber"})
    assert titles(response) == [nct00031915.title]
    assert b"Leeds Cancer Centre" in response.content
    assert b"Mayo Clinic" not in response.content


def test_a_nation_includes_its_regions_and_a_country_its_states(client, nct00031915):
    leeds = make_trial(title="Leeds")
    make_site(leeds, region="yorkshire-and-the-humber")
    assert titles(client.get(URL, {"region": "england"})) == ["Leeds"]
    assert titles(client.get(URL, {"region": "united-kingdom"})) == ["Leeds"]
    assert titles(client.get(URL, {"region": "united-states"})) == [nct00031915.title]


def test_it_filters_by_phase_and_trial_type(client, db):
    make_trial(title="P2 treatment", phase=Phase.PHASE2, trial_type=TrialType.TREATMENT)
    make_trial(title="P3 screening", phase=Phase.PHASE3, trial_type=TrialType.SCREENING)
    assert titles(client.get(URL, {"phase": "PHASE2"})) == ["P2 treatment"]
    assert titles(client.get(URL, {"trial_type": "SCREENING"})) == ["P3 screening"]


def test_words_search_titles_cancer_type_synonyms_and_drug_names(client, nct00031915):
    nct00031915.interventions.create(name="imatinib", other_names="Glivec\nGleevec\nSTI571")
    bowel = make_trial(
        title="A new drug for people with advanced disease", conditions=[condition("bowel-cancer")]
    )
    assert titles(client.get(URL, {"q": "Glivec"})) == [nct00031915.title]
    assert titles(client.get(URL, {"q": "colorectal cancer"})) == [bowel.title]
    assert titles(client.get(URL, {"q": "bowel cancer"})) == [bowel.title]
    assert set(titles(client.get(URL, {"q": "cancer"}))) == {bowel.title, nct00031915.title}


@pytest.mark.parametrize("q", ["NCT00031915", "nct 00031915", "NCT00029094"])
def test_a_trial_number_goes_straight_to_the_trial(client, nct00031915, q):
    response = client.get(URL, {"q": q})
    assert response.status_code == 302
    assert response.url == nct00031915.get_absolute_url()


def test_active_filters_are_shown_with_links_that_remove_each(client, nct00031915):
    response = client.get(URL, {"age": "45", "cancer_type": "sarcoma", "region": "minnesota"})
    html = response.content.decode()
    assert "Age in years: 45" in html
    assert "Cancer type: Sarcoma" in html
    assert (
        'href="?cancer_type=sarcoma&amp;region=minnesota&amp;status=recruiting&amp;sort=updated"'
        in html
        or ("?cancer_type=sarcoma&amp;region=minnesota" in html)
    )


def test_pagination_keeps_the_query(client, db):
    for n in range(25):
        make_trial(title=f"Sarcoma trial {n:02d}", conditions=[condition("sarcoma")])
    response = client.get(URL, {"cancer_type": "sarcoma"})
    assert len(titles(response)) == 20
    assert (
        "cancer_type=sarcoma"
        in response.content.decode().split('rel="next" href="')[1].split('"')[0]
    )
    assert len(titles(client.get(URL, {"cancer_type": "sarcoma", "page": "2"}))) == 5


@pytest.mark.parametrize(
    "params",
    [
        {"age": "abc"},
        {"age": "-3"},
        {"age": "1e9"},
        {"age": "4.5"},
        {"cancer_type": "no-such-cancer"},
        {"region": "atlantis"},
        {"status": "whatever"},
        {"phase": "PHASE9"},
        {"sex": "X"},
        {"sort": "sideways"},
        {"q": "\x00bad"},
    ],
)
def test_bad_parameters_show_a_clear_message_not_a_500(client, nct00031915, params):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert b"There is a problem with your search" in response.content


@pytest.mark.parametrize(
    "params",
    [
        {"page": "999999"},
        {"page": "abc"},
        {"page": "-1"},
        {"q": "x" * 10_000},
        {"q": "'; DROP TABLE--"},
    ],
)
def test_odd_pages_and_queries_never_fail(client, nct00031915, params):
    response = client.get(URL, params)
    assert response.status_code == 200


def test_the_number_of_queries_does_not_grow_with_the_results(
    client, db, django_assert_max_num_queries
):
    def add(n):
        for i in range(n):
            t = make_trial(
                title=f"Trial {i}", conditions=[condition("sarcoma"), condition("bone-sarcoma")]
            )
            make_site(t, region="london")
            make_site(t, region="london")

    add(2)
    client.get(URL)  # the cancer-type and region trees are cached after the first page
    with django_assert_max_num_queries(8) as small:
        client.get(URL, {"region": "london", "cancer_type": "sarcoma"})
    add(18)
    with django_assert_max_num_queries(8) as large:
        client.get(URL, {"region": "london", "cancer_type": "sarcoma"})
    assert len(large.captured_queries) == len(small.captured_queries)


@pytest.mark.parametrize(
    ("raw", "number"),
    [("3", 3), ("0", 1), ("abc", 1), ("-1", 1), ("²", 1), ("9" * 5000, 500), ("600", 500)],
)
def test_page_numbers_are_read_strictly_and_capped(raw, number):
    from trialfinder.trials.listing import page_number

    assert page_number(raw) == number


def test_active_filters_name_areas_and_subtypes_as_the_form_does(client, db):
    html = client.get(URL, {"cancer_type": "soft-tissue-sarcoma", "region": "united-kingdom"})
    html = html.content.decode()
    assert "Cancer type: Soft tissue sarcoma" in html
    assert "Where you live: Anywhere in the UK" in html
    assert "\u00a0Soft tissue sarcoma" not in html.split('class="active-filters"')[1]
