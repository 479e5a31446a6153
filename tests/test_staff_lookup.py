"""/staff/lookup/: the nurse's call-mode search (issue 7)."""

import pytest
from django.urls import reverse

from tests.factories import condition, make_site, make_trial
from trialfinder.trials.models import Phase, Publication, Status, TrialIdentifier

URL = reverse("staff:lookup")


@pytest.fixture
def nct00031915(db):
    """Built like seed trial 2: closed, 10 years and over, US sites."""
    trial = make_trial(
        title="Imatinib mesylate in treating patients with advanced soft tissue sarcoma",
        status=Status.COMPLETED,
        phase="PHASE2",
        min_age_months=120,
        conditions=[condition("soft-tissue-sarcoma"), condition("bone-sarcoma")],
        identifiers={
            TrialIdentifier.Kind.NCT: "NCT00031915",
            TrialIdentifier.Kind.OBSOLETE: "NCT00029094",
        },
    )
    make_site(
        trial,
        facility="Memorial Sloan-Kettering Cancer Center",
        city="New York",
        country="United States",
        region="new-york",
        contact_phone="212-555-0100",
    )
    make_site(trial, facility="Mayo Clinic", city="Rochester", region="minnesota")
    return trial


@pytest.fixture
def eortc62027(db):
    """Built like seed trial 1: closed, with an organisation's own ID and no NCT number."""
    return make_trial(
        title="A trial of imatinib (Glivec) for soft tissue sarcoma of the skin",
        status=Status.COMPLETED,
        has_results=True,
        conditions=[condition("soft-tissue-sarcoma")],
        identifiers={
            TrialIdentifier.Kind.ORG: "EORTC 62027",
            TrialIdentifier.Kind.CRUK: "Oracle 732",
        },
    )


def rows(response) -> list[str]:
    return [t.title for t in response.context["page"].object_list]


def test_anonymous_visitors_are_sent_to_the_login_page(client, db):
    response = client.get(URL, {"q": "sarcoma"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login") + "?next=/staff/lookup/")


def test_signed_in_people_who_are_not_staff_are_refused(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("patient", "p@example.com", "pw"))
    assert client.get(URL).status_code == 403


def test_staff_see_the_lookup_screen_with_the_box_focused(nurse_client):
    response = nurse_client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1>") == 1
    assert 'name="q"' in html and "autofocus" in html
    for name in ("age", "sex", "region", "status"):
        assert f'name="{name}"' in html
    assert "js/lookup.js" in html
    assert "onclick" not in html and "<script>" not in html
    assert response["Cache-Control"].startswith("max-age=0")


def test_it_lists_recruiting_trials_by_default(nurse_client):
    make_trial(title="Open trial", status=Status.RECRUITING)
    make_trial(title="Finished trial", status=Status.COMPLETED)
    make_trial(title="Draft trial", publication=Publication.DRAFT)
    assert rows(nurse_client.get(URL)) == ["Open trial"]


@pytest.mark.parametrize("typed", ["NCT00031915", "nct00031915", " nct 0003 1915 "])
def test_an_nct_number_in_any_case_or_spacing_puts_the_trial_at_the_top(
    nurse_client, nct00031915, typed
):
    response = nurse_client.get(URL, {"q": typed})
    assert response.status_code == 200
    assert response.context["exact"] == nct00031915
    html = response.content.decode()
    sheet_url = reverse("staff:phone_sheet", args=[nct00031915.slug])
    assert html.index("Imatinib mesylate") < html.index('id="results-heading"')
    assert f'href="{sheet_url}"' in html


def test_an_organisation_id_finds_the_trial_without_leaving_the_screen(nurse_client, eortc62027):
    response = nurse_client.get(URL, {"q": "EORTC 62027"})
    assert response.status_code == 200
    assert response.context["exact"] == eortc62027
    assert "Oracle 732" in response.content.decode()


def test_words_find_matching_trials(nurse_client, nct00031915, eortc62027):
    make_trial(title="A trial of a vaccine for melanoma")
    response = nurse_client.get(URL, {"q": "imatinib", "status": "any"})
    assert response.context["exact"] is None
    assert set(rows(response)) == {nct00031915.title, eortc62027.title}


def test_the_table_shows_the_nct_number_or_the_first_other_id(
    nurse_client, nct00031915, eortc62027
):
    html = nurse_client.get(URL, {"status": "any"}).content.decode()
    assert '<td class="nowrap">NCT00031915</td>' in html
    assert '<td class="nowrap">EORTC 62027</td>' in html
    assert "NCT00029094" not in html
    assert 'scope="col"' in html and 'scope="row"' in html


def test_it_filters_by_age(nurse_client, nct00031915):
    response = nurse_client.get(URL, {"age": 8, "status": "any"})
    assert rows(response) == []
    response = nurse_client.get(URL, {"age": 12, "status": "any"})
    assert rows(response) == [nct00031915.title]
    assert "10 years and over" in response.content.decode()


def test_a_region_shows_the_sites_there_with_their_phone_number(nurse_client, nct00031915):
    make_trial(title="Only in London").sites.create(facility="Guy's", city="London")
    response = nurse_client.get(URL, {"region": "new-york", "status": "any"})
    html = response.content.decode()
    assert rows(response) == [nct00031915.title]
    assert "Sites in New York" in html
    assert "212-555-0100" in html
    assert "Rochester" not in html
    sheet_url = reverse("staff:phone_sheet", args=[nct00031915.slug])
    assert f'href="{sheet_url}?region=new-york"' in html


def test_without_a_region_it_shows_how_many_sites(nurse_client, nct00031915):
    html = nurse_client.get(URL, {"status": "any"}).content.decode()
    assert "2 sites" in html


def test_each_row_can_be_ticked_for_comparison(nurse_client, nct00031915):
    html = nurse_client.get(URL, {"status": "any", "region": "new-york"}).content.decode()
    assert f'action="{reverse("staff:compare")}"' in html
    assert f'name="compare" value="{nct00031915.slug}"' in html
    assert '<input type="hidden" name="region" value="new-york">' in html
    assert "Compare selected" in html


def test_script_requests_get_only_the_results_region(nurse_client, nct00031915):
    response = nurse_client.get(
        URL, {"q": "imatinib", "status": "any"}, headers={"X-Requested-With": "fetch"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and 'id="lookup-form"' not in html
    assert nct00031915.title in html
    assert "X-Requested-With" in response["Vary"]


def test_bad_filter_values_get_a_400_with_a_message(nurse_client):
    response = nurse_client.get(URL, {"age": "old"})
    assert response.status_code == 400
    assert "Enter age as a whole number" in response.content.decode()


def test_it_pages_by_25(nurse_client):
    for i in range(26):
        make_trial(title=f"Trial {i}")
    response = nurse_client.get(URL)
    assert len(response.context["page"].object_list) == 25
    assert len(nurse_client.get(URL, {"page": 2}).context["page"].object_list) == 1


def test_the_number_of_queries_does_not_grow_with_the_results(
    nurse_client, django_assert_max_num_queries
):
    def add(n):
        for i in range(n):
            t = make_trial(
                title=f"Sarcoma trial {i}",
                conditions=[condition("sarcoma"), condition("bone-sarcoma")],
                identifiers={TrialIdentifier.Kind.ISRCTN: f"ISRCTN{i:08d}{n}"},
            )
            make_site(t, region="london", contact_phone="020 7946 0000")
            make_site(t, region="london")

    add(2)
    params = {"q": "sarcoma", "region": "london"}
    nurse_client.get(URL, params)  # Warm the cached cancer type and region trees.
    with django_assert_max_num_queries(14) as small:
        nurse_client.get(URL, params)
    add(20)
    # Again: the spelling checks are cached by generation, which the new trials moved on.
    nurse_client.get(URL, params)
    with django_assert_max_num_queries(14) as large:
        nurse_client.get(URL, params)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_an_id_lookup_has_a_bounded_number_of_queries(
    nurse_client, nct00031915, django_assert_max_num_queries
):
    # 17: one of them is the two-step sign-in check on every staff page (core.twofactor).
    with django_assert_max_num_queries(17):
        response = nurse_client.get(URL, {"q": "NCT00031915", "region": "new-york"})
    assert response.context["exact"] == nct00031915


def test_an_id_whose_trial_is_in_the_list_is_loaded_once(
    nurse_client, nct00031915, django_assert_max_num_queries
):
    params = {"q": "NCT00031915", "region": "new-york", "status": "any"}
    nurse_client.get(URL, params)  # Warm the cached cancer type and region trees.
    # 3 for the session, the user and the sign-in check; the lookup's own are 8.
    with django_assert_max_num_queries(11):
        response = nurse_client.get(URL, params)
    (row,) = response.context["page"].object_list
    assert response.context["exact"] is row


def test_a_search_with_no_results_offers_nearby_searches_that_have_some(nurse_client, db):
    make_trial(title="Imatinib for GIST", status=Status.COMPLETED)
    make_trial(title="Radiotherapy for lymphoma")
    html = nurse_client.get(URL, {"q": "imatinab"}).content.decode()
    assert "Search for “imatinib” in closed trials and results too" in html
    assert "?q=imatinib&amp;status=any" in html
    response = nurse_client.get(URL, {"q": "radiotherapy imatinib", "status": "any"})
    labels = [o["label"] for o in response.context["broader"]]
    assert "Search for “radiotherapy” instead" in labels
    assert "Search for “imatinib” instead" in labels
    assert "Try fewer words" not in response.content.decode()


def test_misspelt_words_that_find_nothing_show_the_fixed_search_at_once(nurse_client, db):
    make_trial(title="Leukemia in adults", conditions=[condition("acute-myeloid-leukaemia")])
    for headers in ({}, {"X-Requested-With": "fetch"}):
        response = nurse_client.get(URL, {"q": "lukemia"}, headers=headers)
        assert response.status_code == 200
        assert [t.title for t in response.context["page"].object_list] == ["Leukemia in adults"]
        assert "No trials matched “lukemia”, so we searched for “leukemia” instead." in (
            response.content.decode()
        )


def test_a_fix_that_finds_nothing_with_the_same_choices_is_only_offered(nurse_client, db):
    make_trial(title="Leukemia in adults", status=Status.COMPLETED)
    response = nurse_client.get(URL, {"q": "lukemia"})
    assert response.context["page"].paginator.count == 0
    assert response.context["reading"] is None
    labels = [o["label"] for o in response.context["broader"]]
    assert "Search for “leukemia” in closed trials and results too" in labels


def test_an_age_or_area_typed_among_the_words_is_the_callers(nurse_client, db):
    make_trial(title="Bowel cancer in older people", min_age_months=65 * 12)
    make_trial(title="Bowel cancer in younger people", max_age_months=50 * 12)
    # As the form sends it, with the empty age and area boxes.
    response = nurse_client.get(URL, {"q": "bowel cancer over 70", "age": "", "region": ""})
    assert [t.title for t in response.context["page"].object_list] == [
        "Bowel cancer in older people"
    ]
    assert response.context["filterset"].data.getlist("age") == ["70"]
    html = response.content.decode()
    assert "We read “bowel cancer over 70” as the words “bowel cancer”, age 70." in html
    # The age box shows it.
    assert 'name="age" type="number" value="70"' in html
    response = nurse_client.get(URL, {"q": "bowel cancer over 70 in wales"})
    assert response.context["filterset"].cleaned("region") == "wales"
    assert "as the words “bowel cancer”, age 70, the area Wales." in response.content.decode()


def test_a_phase_typed_among_the_words_sets_the_phase_box(nurse_client, db):
    make_trial(title="Bowel cancer phase 3", phase=Phase.PHASE3)
    make_trial(title="Bowel cancer phase 2", phase=Phase.PHASE2)
    response = nurse_client.get(URL, {"q": "phase 3 bowel cancer", "phase": ""})
    assert [t.title for t in response.context["page"].object_list] == ["Bowel cancer phase 3"]
    html = response.content.decode()
    assert "We read “phase 3 bowel cancer” as the words “bowel cancer”, Phase 3." in html
    assert '<option value="PHASE3" selected>' in html
    # The nurse can still choose another phase, or none.
    response = nurse_client.get(URL, {"q": "bowel cancer", "phase": "PHASE2"})
    assert [t.title for t in response.context["page"].object_list] == ["Bowel cancer phase 2"]


def test_an_age_range_in_the_words_is_not_searched_and_the_nurse_is_asked_for_the_age(
    nurse_client,
):
    make_trial(title="Chemotherapy for leukaemia in children", max_age_months=17 * 12)
    response = nurse_client.get(URL, {"q": "leukaemia under 5"})
    assert [t.title for t in response.context["page"].object_list] == [
        "Chemotherapy for leukaemia in children"
    ]
    assert "Put the caller’s age in the age box" in response.content.decode()


def test_a_misspelling_that_names_a_town_is_offered_the_fix(nurse_client, brest_and_breast):
    response = nurse_client.get(URL, {"q": "brest cancer over 60"})
    assert response.context["found"] == 3
    assert response.context["did_you_mean"] == "breast cancer"
    html = response.content.decode()
    # The age read from the words stays with the fix.
    assert 'Did you mean <a href="?q=breast+cancer&amp;age=60">breast cancer</a>?' in html
    fixed = nurse_client.get(URL, {"q": "breast cancer", "age": "60"})
    assert fixed.context["found"] == 5
    assert fixed.context["did_you_mean"] is None


def test_words_spelt_right_are_not_offered_a_fix(nurse_client, db):
    for n in range(3):
        trial = make_trial(
            title=f"Radiotherapy for breast cancer {n}", conditions=[condition("breast-cancer")]
        )
        make_site(trial, facility="St James's University Hospital", city="Leeds")
    for q in ("breast cancer leeds", "breast cancer"):
        response = nurse_client.get(URL, {"q": q})
        assert response.context["found"] == 3
        assert response.context["did_you_mean"] is None
