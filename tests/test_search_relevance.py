"""The search entry point: synonyms, spellings, stemming, typos, IDs, facets, suggestions."""

import importlib
import re

import pytest
from django.urls import reverse

from tests.factories import condition, make_site, make_trial
from trialfinder.trials import search
from trialfinder.trials.facets import compute
from trialfinder.trials.filters import TrialFilter
from trialfinder.trials.models import (
    OPEN_STATUSES,
    Intervention,
    SpellingTerm,
    Status,
    Synonym,
    Trial,
    TrialIdentifier,
)

URL = reverse("trials:trial_list")


def found(q: str, queryset=None) -> set[str]:
    return set(search.search(queryset or Trial.objects.all(), q).values_list("title", flat=True))


@pytest.fixture
def corpus(db):
    imatinib = Intervention.objects.create(name="imatinib", other_names="Glivec\nGleevec\nSTI571")
    sarcoma = make_trial(
        title="Imatinib for advanced soft tissue sarcoma",
        conditions=[condition("soft-tissue-sarcoma")],
        summary="Imatinib is a targeted drug. It may stop sarcomas growing.",
        identifiers={
            TrialIdentifier.Kind.NCT: "NCT00031915",
            TrialIdentifier.Kind.OBSOLETE: "NCT00029094",
            TrialIdentifier.Kind.ORG: "EORTC 62027",
            TrialIdentifier.Kind.ISRCTN: "ISRCTN12345678",
            TrialIdentifier.Kind.EUDRACT: "2004-000123-45",
            TrialIdentifier.Kind.IRAS: "IRAS 234567",
            TrialIdentifier.Kind.CRUK: "Oracle 732",
        },
    )
    sarcoma.interventions.add(imatinib)
    make_trial(
        title="Chemotherapy after surgery for bowel cancer", conditions=[condition("bowel-cancer")]
    )
    make_trial(title="A study for womb cancer", conditions=[condition("womb-cancer")])
    make_trial(
        title="Leukaemia in children", conditions=[condition("acute-lymphoblastic-leukaemia")]
    )
    make_trial(title="Lymphoma and radiotherapy", conditions=[condition("hodgkin-lymphoma")])
    make_trial(
        title="Osimertinib for lung cancer", conditions=[condition("non-small-cell-lung-cancer")]
    )
    make_trial(title="Oesophageal tumour surgery", conditions=[condition("oesophageal-cancer")])
    make_trial(title="Haematological recovery after transplant", conditions=[condition("myeloma")])


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("bowel cancer", {"Chemotherapy after surgery for bowel cancer"}),
        ("colorectal", {"Chemotherapy after surgery for bowel cancer"}),
        ("colon cancer", {"Chemotherapy after surgery for bowel cancer"}),
        ("uterine", {"A study for womb cancer"}),
        ("endometrial cancer", {"A study for womb cancer"}),
        ("womb", {"A study for womb cancer"}),
        ("NSCLC", {"Osimertinib for lung cancer"}),
        ("non-small cell lung cancer", {"Osimertinib for lung cancer"}),
        ("Glivec", {"Imatinib for advanced soft tissue sarcoma"}),
        ("gleevec", {"Imatinib for advanced soft tissue sarcoma"}),
        ("STI571", {"Imatinib for advanced soft tissue sarcoma"}),
        ("imatinib", {"Imatinib for advanced soft tissue sarcoma"}),
        ("leukemia", {"Leukaemia in children"}),
        ("leukaemia", {"Leukaemia in children"}),
        ("esophageal tumor", {"Oesophageal tumour surgery"}),
        ("hematologic", {"Haematological recovery after transplant"}),
        ("sarcomas", {"Imatinib for advanced soft tissue sarcoma"}),
    ],
)
def test_synonyms_spellings_and_plurals_find_the_trial(corpus, q, expected):
    assert found(q) == expected


def test_a_broad_term_finds_its_narrower_ones_but_not_the_other_way(corpus):
    assert found("blood cancer") == {
        "Leukaemia in children",
        "Lymphoma and radiotherapy",
        "Haematological recovery after transplant",
    }
    assert found("lymphoma") == {"Lymphoma and radiotherapy"}


@pytest.mark.parametrize(
    "q", ["haematological cancer", "hematologic malignancy", "blood cancers", "Blood cancers"]
)
def test_the_words_letters_use_for_blood_cancers_find_them(corpus, q):
    # Seeded by migration: the test database has them as a new install would.
    assert {"Leukaemia in children", "Lymphoma and radiotherapy"} <= found(q)
    assert "A study for womb cancer" not in found(q)


def test_a_cancer_type_finds_trials_of_its_subtypes(corpus):
    assert "Imatinib for advanced soft tissue sarcoma" in found("sarcoma")
    assert "Leukaemia in children" in found("leukaemia")


def test_a_new_release_never_reads_the_synonyms_the_last_one_cached(corpus):
    from unittest import mock

    from trialfinder.core import caching

    with mock.patch.object(caching, "_RELEASE", "last-release"):
        search.synonym_map()
        # As a migration of the next release changes a seeded row: no signal is sent.
        Synonym.objects.filter(term="womb").update(equivalents="uterine")
        assert "endometrial" in search.synonym_map()["womb"]
    with mock.patch.object(caching, "_RELEASE", "next-release"):
        assert "endometrial" not in search.synonym_map()["womb"]


def test_each_process_keeps_the_synonyms_until_an_editor_changes_one(corpus):
    first = search.synonym_map()
    assert search.synonym_map() is first
    womb = Synonym.objects.get(term="womb")
    womb.equivalents += "\nhystera"
    womb.save()
    changed = search.synonym_map()
    assert changed is not first
    assert "hystera" in changed["womb"]
    womb.delete()
    assert "womb" not in search.synonym_map()


def test_editors_can_add_synonyms_that_work_at_once(corpus):
    assert found("gut") == set()
    Synonym.objects.create(term="gut", equivalents="bowel")
    assert found("gut") == {"Chemotherapy after surgery for bowel cancer"}


def test_websearch_syntax_supports_phrases_or_and_exclusion(corpus):
    assert found('"soft tissue"') == {"Imatinib for advanced soft tissue sarcoma"}
    assert found("womb OR leukaemia") == {"A study for womb cancer", "Leukaemia in children"}
    assert found("surgery -bowel") == {"Oesophageal tumour surgery"}


def test_short_words_match_whole_words_and_longer_ones_their_beginnings(db):
    make_trial(
        title="CAR T-cell therapy for myeloma",
        summary="CAR T-cell therapy changes your own T cells so they attack the myeloma.",
    )
    make_trial(title="Carboplatin for ovarian carcinoma", summary="Care at home after treatment.")
    make_trial(title="Melanoma vaccine trial", summary="A vaccine for melanoma.")
    # "CAR-T" was "car" and "t": as prefixes they found every carcinoma, carer and trial.
    assert found("CAR-T") == {"CAR T-cell therapy for myeloma"}
    assert [c.typed for c in search.parse("CAR-T PD-1 hepatitis b").clauses] == [
        "car",
        "pd",
        "1",
        "hepatitis",
        "b",
    ]
    assert found("T-cell") == found("cell")
    assert found("car") == {"CAR T-cell therapy for myeloma"}
    assert found("carbo") == {"Carboplatin for ovarian carcinoma"}
    assert found("melan") == {"Melanoma vaccine trial"}
    make_trial(title="Radiotherapy near the eyes")
    assert found("eye") == {"Radiotherapy near the eyes"}


def test_why_this_matched_highlights_a_short_word_only_where_it_stands_alone(client, db):
    make_trial(
        title="CAR T-cell therapy for myeloma",
        summary="Care after CAR T-cell therapy for people whose myeloma came back.",
    )
    html = client.get(URL, {"q": "car"}).content.decode()
    assert "<mark>CAR</mark> T" in html
    assert "<mark>Car" not in html


def test_hospital_and_town_names_find_the_trials_running_there(db):
    bowel = make_trial(title="Aspirin for bowel cancer", conditions=[condition("bowel-cancer")])
    site = make_site(bowel, facility="St James's University Hospital", city="Leeds")
    make_site(
        make_trial(title="Surgery for bowel cancer"), facility="The Christie", city="Manchester"
    )
    assert found("bowel cancer leeds") == {"Aspirin for bowel cancer"}
    assert found("christie") == {"Surgery for bowel cancer"}
    assert found("st james") == {"Aspirin for bowel cancer"}
    # A moved site is searchable where it is now, at once.
    site.city = "Harrogate"
    site.save()
    assert found("harrogate") == {"Aspirin for bowel cancer"}
    assert found("leeds") == set()


@pytest.fixture
def look_alike_cancers(db):
    """Cancers whose names differ only by "non-": different diseases, different trials."""
    make_trial(
        title="Osimertinib for EGFR-positive non-small cell lung cancer",
        conditions=[condition("non-small-cell-lung-cancer")],
    )
    make_trial(
        title="Chemotherapy and immunotherapy for small cell lung cancer",
        conditions=[condition("small-cell-lung-cancer")],
    )
    make_trial(title="Brentuximab for Hodgkin lymphoma", conditions=[condition("hodgkin-lymphoma")])
    make_trial(
        title="R-CHOP for non-Hodgkin lymphoma", conditions=[condition("non-hodgkin-lymphoma")]
    )
    make_trial(title="Nivolumab for melanoma", conditions=[condition("melanoma")])
    make_trial(title="Photodynamic therapy for non-melanoma skin cancer")


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("small cell lung cancer", "Chemotherapy and immunotherapy for small cell lung cancer"),
        ("SCLC", "Chemotherapy and immunotherapy for small cell lung cancer"),
        ("non-small cell lung cancer", "Osimertinib for EGFR-positive non-small cell lung cancer"),
        ("non small cell", "Osimertinib for EGFR-positive non-small cell lung cancer"),
        ("NSCLC", "Osimertinib for EGFR-positive non-small cell lung cancer"),
        ("hodgkin lymphoma", "Brentuximab for Hodgkin lymphoma"),
        ("hodgkins", "Brentuximab for Hodgkin lymphoma"),
        ("non-hodgkin lymphoma", "R-CHOP for non-Hodgkin lymphoma"),
        ("non hodgkins", "R-CHOP for non-Hodgkin lymphoma"),
        ("NHL", "R-CHOP for non-Hodgkin lymphoma"),
        ("melanoma", "Nivolumab for melanoma"),
        ("non-melanoma skin cancer", "Photodynamic therapy for non-melanoma skin cancer"),
    ],
)
def test_a_cancer_does_not_find_the_one_named_non_it(look_alike_cancers, q, expected):
    assert found(q) == {expected}


def test_why_this_matched_names_the_non_cancer_as_typed_and_highlights_it(
    client, look_alike_cancers
):
    html = client.get(URL, {"q": "non hodgkin"}).content.decode()
    assert "R-CHOP for non-Hodgkin lymphoma" in html
    assert "“non-hodgkin” in the title" in html
    assert "Brentuximab" not in html
    html = client.get(URL, {"q": "hodgkin"}).content.decode()
    assert "<mark>Hodgkin</mark>" in html or "“hodgkin” in the title" in html
    assert "non-<mark>" not in html


@pytest.fixture
def leukaemia_trial_with_registry_criteria(db):
    """A leukaemia trial whose criteria name other cancers and pregnancy, as most
    registry records do."""
    return make_trial(
        title="Venetoclax for acute myeloid leukaemia",
        conditions=[condition("acute-myeloid-leukaemia")],
        inclusion_criteria=(
            "ECOG performance status 0 to 2\n"
            "Measurable disease on a CT scan\n"
            "Adequate liver and kidney function: bilirubin up to 1.5 x ULN\n"
            "Not pregnant or breast-feeding\n"
            "No other malignancy within 3 years except non-melanoma skin cancer or "
            "carcinoma in situ of the cervix"
        ),
        exclusion_criteria="Active hepatitis B\nUntreated brain metastases",
    )


@pytest.mark.parametrize(
    "q",
    [
        "breast",
        "skin cancer",
        "cervical cancer",
        "hepatitis",
        "brain metastases",
        "liver cancer",
        "kidney cancer",
    ],
)
def test_what_the_criteria_say_a_trial_is_not_about_does_not_find_it(
    leukaemia_trial_with_registry_criteria, q
):
    breast = make_trial(
        title="Exercise during treatment",
        conditions=[condition("breast-cancer")],
        summary="For people who have had breast, skin, cervical, liver or kidney cancer, "
        "hepatitis or brain metastases.",
    )
    assert found(q) == {breast.title}


def test_the_rest_of_who_can_join_is_still_searched(leukaemia_trial_with_registry_criteria):
    assert found("ECOG") == {"Venetoclax for acute myeloid leukaemia"}
    assert found("measurable disease") == {"Venetoclax for acute myeloid leukaemia"}


def test_a_line_is_searched_without_its_exception(db):
    make_trial(
        title="A leukaemia trial",
        inclusion_criteria="Philadelphia-negative acute leukaemia (except acute "
        "promyelocytic leukaemia)\nNo other malignancy except basal cell skin cancer",
    )
    assert found("philadelphia") == {"A leukaemia trial"}
    assert found("promyelocytic") == set()
    assert found("skin cancer") == set()


def test_registry_criteria_that_were_not_split_are_searched_up_to_the_exclusions(db):
    make_trial(
        title="A lymphoma trial",
        eligibility_criteria=(
            "Inclusion Criteria:\n\n* Measurable disease on a PET scan\n\n"
            "Exclusion Criteria:\n\n* Known hepatitis C infection"
        ),
    )
    assert found("PET scan") == {"A lymphoma trial"}
    assert found("hepatitis") == set()


def test_sentences_of_who_can_join_about_pregnancy_are_not_searched(db):
    make_trial(
        title="Imatinib for sarcoma",
        who_can_join="It was for people aged 10 or over.\n\n"
        "People could not take part if they were pregnant or breastfeeding.",
    )
    assert found("breast") == set()
    assert found("aged 10") == {"Imatinib for sarcoma"}


def test_search_text_built_by_an_older_version_is_rebuilt_after_migrating(db):
    from trialfinder.trials import indexing, signals

    trial = make_trial(title="Aspirin for bowel cancer")
    make_site(trial, facility="The Christie", city="Manchester")
    # As a trial indexed before sites were searchable: its text lacks them.
    Trial.objects.update(
        search_version=0, search_document="aspirin for bowel cancer", search_vector=None
    )
    assert list(indexing.unindexed()) == [trial]
    assert found("christie") == set()
    signals.rebuild_after_migrate(sender=None)
    assert not indexing.unindexed().exists()
    assert found("christie") == {"Aspirin for bowel cancer"}


def test_every_word_must_match(corpus):
    assert found("imatinib bowel") == set()


@pytest.mark.parametrize(
    ("asked", "meant"),
    [
        ("my son has leukaemia", "leukaemia"),
        ("is there a trial for my mum with bowel cancer", "bowel cancer"),
        ("what trials are there for womb cancer please", "womb cancer"),
    ],
)
def test_a_search_asked_as_a_question_finds_what_it_asks_for(corpus, asked, meant):
    make_trial(title="A study of there being a son in the family")
    assert found(asked) == found(meant) != set()


def test_part_of_a_hyphenated_word_is_kept_though_alone_it_is_not_searched(corpus):
    # Pegilodecakin's code: "am" alone is not searched.
    assert [c.typed for c in search.parse("AM-0010 for pancreatic am").positive] == [
        "am",
        "0010",
        "pancreatic",
    ]
    # "HER-2" is read as "HER2" (indexing.reworded); "her" alone is not searched.
    assert [c.typed for c in search.parse("HER-2 breast for her").positive] == ["her2", "breast"]


def test_all_in_capitals_is_acute_lymphoblastic_leukaemia(corpus):
    make_trial(title="A study for all people with melanoma")
    for q in ["ALL", "B-ALL", "ALL in children"]:
        assert found(q) == {"Leukaemia in children"}, q
    # In lower case it is just a word, on both databases.
    assert found("all melanoma") == found("melanoma") == {"A study for all people with melanoma"}
    assert found("-ALL leukaemia") == set()
    # A search typed all in capitals is not a sign of the acronym...
    assert found("ALL MELANOMA") == {"A study for all people with melanoma"}
    # ...unless its words are all acronyms.
    make_trial(
        title="Acute myeloid leukaemia in adults", conditions=[condition("acute-myeloid-leukaemia")]
    )
    assert found("ALL OR AML") == {"Leukaemia in children", "Acute myeloid leukaemia in adults"}
    assert found("NSCLC OR ALL") == {"Leukaemia in children", "Osimertinib for lung cancer"}


@pytest.mark.parametrize(
    "q",
    [
        "NCT00031915",
        "nct00031915",
        "NCT 00031915",
        "NCT00029094",
        "EORTC 62027",
        "eortc62027",
        "ISRCTN12345678",
        "2004-000123-45",
        "IRAS 234567",
        "Oracle 732",
        "oracle - 732",
        # The digits of an NCT or ISRCTN number, read out without the letters.
        "00031915",
        "0002 9094",
        "12345678",
    ],
)
def test_any_trial_id_goes_straight_to_its_trial(client, corpus, q):
    response = client.get(URL, {"q": q})
    assert response.status_code == 302
    assert response.url == Trial.objects.get(title__startswith="Imatinib").get_absolute_url()


def test_eight_digits_that_are_an_nct_and_an_isrctn_number_list_both_trials(client, corpus):
    make_trial(title="Another trial", identifiers={TrialIdentifier.Kind.NCT: "NCT12345678"})
    response = client.get(URL, {"q": "12345678"})
    assert response.status_code == 200
    assert {t.title for t in response.context["page"].object_list} == {
        "Imatinib for advanced soft tissue sarcoma",
        "Another trial",
    }


def test_an_id_shared_by_several_trials_lists_them(client, corpus):
    for n in range(2):
        make_trial(title=f"Shared {n}", identifiers={TrialIdentifier.Kind.OTHER: f"CDR00{n}"})
    make_trial(title="Shared again", identifiers={TrialIdentifier.Kind.ORG: "CDR000"})
    response = client.get(URL, {"q": "CDR000"})
    assert response.status_code == 200
    assert {t.title for t in response.context["page"].object_list} == {"Shared 0", "Shared again"}


@pytest.mark.parametrize(
    ("typo", "fix"), [("sarcomma", "sarcoma"), ("imatinab", "imatinib"), ("lukemia", "leukemia")]
)
def test_spelling_mistakes_are_fixed(corpus, typo, fix):
    assert search.suggest(typo) == fix


def test_a_misspelt_search_that_finds_nothing_shows_the_fixed_search_and_says_so(client, corpus):
    response = client.get(URL, {"q": "sarcomma"})
    assert response.status_code == 302
    assert response["Location"] == f"{URL}?q=sarcoma&typed=sarcomma"
    response = client.get(response["Location"])
    assert [t.title for t in response.context["page"].object_list] == [
        "Imatinib for advanced soft tissue sarcoma"
    ]
    assert "No trials matched “sarcomma”, so we searched for “sarcoma” instead." in (
        response.content.decode()
    )


def test_the_fixed_search_keeps_the_other_choices_but_not_the_page(client, corpus):
    response = client.get(URL, {"q": "lukemia", "age": "8", "page": "3", "sort": "title"})
    assert response.status_code == 302
    assert response["Location"] == f"{URL}?q=leukemia&age=8&sort=title&typed=lukemia"


def test_words_that_find_trials_are_not_corrected(client, corpus):
    make_trial(title="Sarcomma, as one registry spells it")
    response = client.get(URL, {"q": "sarcomma"})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 1


def test_a_fix_with_no_trials_under_the_same_choices_is_not_shown_in_their_place(client, corpus):
    response = client.get(URL, {"q": "sarcomma", "cancer_type": "bowel-cancer"})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 0


def test_the_visitor_can_search_for_the_words_as_typed(client, corpus):
    response = client.get(URL, {"q": "sarcomma", "sort": "title"}, follow=True)
    link = 'href="?q=sarcomma&amp;sort=title&amp;as_typed=1"'
    assert f"{link}>Search only for “sarcomma”</a>" in response.content.decode()
    response = client.get(URL, {"q": "sarcomma", "sort": "title", "as_typed": "1"})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 0
    assert "Search for “sarcoma” instead" in [o["label"] for o in response.context["broader"]]


def test_a_fix_that_is_another_word_altogether_is_offered_but_not_made(db, monkeypatch):
    # Were "rituximab" the nearest word we know to "zolbetuximab" (trigrams ranked it so
    # before fixes had to be a few slips away): a different drug.
    make_trial(title="Rituximab for lymphoma")
    make_trial(title="Leukemia in adults")
    monkeypatch.setattr(search, "spelling_fix", {"zolbetuximab": "rituximab"}.get)
    assert search.suggest("zolbetuximab") == "rituximab"
    assert search.suggest("zolbetuximab", confident=True) is None
    monkeypatch.setattr(search, "spelling_fix", {"lukemia": "leukemia"}.get)
    assert search.suggest("lukemia", confident=True) == "leukemia"


@pytest.mark.parametrize(("typo", "fix"), [("mylemoa", "myeloma"), ("lymphomia", "lymphoma")])
def test_letters_swapped_twice_are_still_a_spelling_mistake(corpus, typo, fix):
    # "mylemoa" shares too few trigrams with "myeloma" for the trigram index to find it.
    assert search.suggest(typo) == fix


def test_of_two_words_as_close_the_one_that_finds_more_trials_is_the_fix(db):
    # "breat" is one slip from "breast" and from "breath", which trigrams put closer.
    Intervention.objects.create(name="breath test")
    make_trial(title="A breath test for lung cancer")
    for n in range(2):
        make_trial(title=f"Radiotherapy for breast cancer {n}")
    assert search.suggest("breat cancer") == "breast cancer"


@pytest.mark.parametrize("typed", ["scalp", "sacituzumab"])
def test_a_word_several_slips_from_the_nearest_known_word_gets_no_suggestion(corpus, typed):
    # The nearest words we know, by trigrams and by difflib, but other words altogether.
    Intervention.objects.create(name="CT scan")
    Intervention.objects.create(name="bemarituzumab")
    assert search.suggest(typed) is None
    assert search.suggest("bemaritusumab") == "bemarituzumab"


@pytest.mark.parametrize(
    ("typed", "fix", "confident"),
    [
        ("sarcomma", "sarcoma", True),
        ("brest", "breast", True),
        ("leukeamia", "leukaemia", True),
        ("pembrolizamub", "pembrolizumab", True),
        ("lymphoedema", "lymphoma", False),
        ("melanoma", "myeloma", False),
        ("zolbetuximab", "rituximab", False),
    ],
)
def test_only_a_slip_of_the_finger_is_fixed_without_asking(typed, fix, confident):
    assert search.confident_fix(typed, fix) is confident


def test_a_british_spelling_finds_the_american_one(corpus):
    make_trial(title="Acupuncture for lymphedema after breast surgery")
    make_trial(title="Probiotics for diarrhea during radiotherapy")
    assert found("lymphoedema") == {"Acupuncture for lymphedema after breast surgery"}
    assert found("diarrhoea radiotherapy") == {"Probiotics for diarrhea during radiotherapy"}


@pytest.mark.parametrize(
    ("brand", "generic"),
    [
        ("Verzenios", "abemaciclib"),
        ("Imbruvica", "ibrutinib"),
        ("Enhertu", "trastuzumab deruxtecan"),
    ],
)
def test_a_brand_name_from_the_medicine_box_finds_the_generic_drug(corpus, brand, generic):
    trial = make_trial(title="A study of a targeted drug")
    trial.interventions.add(Intervention.objects.create(name=generic))
    assert found(brand) == {"A study of a targeted drug"}
    assert found(generic) == {"A study of a targeted drug"}


def test_british_and_american_words_no_rule_links_are_synonyms(corpus):
    make_trial(title="Acupuncture for hot flushes after breast cancer")
    make_trial(title="Acetaminophen before surgery")
    assert found("hot flashes") == {"Acupuncture for hot flushes after breast cancer"}
    assert found("paracetamol") == {"Acetaminophen before surgery"}


def test_a_british_word_we_have_no_trials_for_is_not_taken_for_a_cancer(client, corpus):
    make_trial(title="Lymphoma in adults", conditions=[condition("hodgkin-lymphoma")])
    response = client.get(URL, {"q": "lymphoedema"})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 0


def test_a_drug_we_do_not_know_is_not_taken_for_another(client, corpus):
    rituximab = Intervention.objects.create(name="rituximab")
    make_trial(title="Rituximab for lymphoma").interventions.add(rituximab)
    response = client.get(URL, {"q": "zolbetuximab"})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 0


def test_the_page_names_only_words_that_really_were_corrected(client, corpus):
    for typed in ["Call 0900 000000 now", "sarcoma", "lukemia"]:
        response = client.get(URL, {"q": "sarcoma", "typed": typed})
        assert response.status_code == 200
        assert response.context["reading"] is None
        assert "No trials matched" not in response.content.decode()


def test_no_results_suggest_broader_searches_that_have_results(client, corpus):
    trial = Trial.objects.get(title__startswith="Imatinib")
    make_site(trial, region="wales")
    soon = make_trial(
        title="Soon", status=Status.NOT_YET_RECRUITING, conditions=[condition("bone-sarcoma")]
    )
    make_site(soon, region="wales")
    response = client.get(URL, {"cancer_type": "bone-sarcoma", "region": "wales"})
    labels = [o["label"] for o in response.context["broader"]]
    assert response.context["page"].paginator.count == 0
    assert "Include trials opening soon" in labels
    assert "Search all Sarcoma trials" in labels
    response = client.get(URL, {"cancer_type": "soft-tissue-sarcoma", "region": "scotland"})
    assert "Search everywhere, not just Scotland" in [
        o["label"] for o in response.context["broader"]
    ]
    assert b"0808" in response.content  # the nurse line


def test_a_misspelt_search_whose_fix_has_only_closed_trials_offers_them(client, corpus):
    Trial.objects.filter(title__startswith="Imatinib").update(status=Status.COMPLETED)
    response = client.get(URL, {"q": "imatinab"})
    assert response.context["page"].paginator.count == 0
    options = {o["label"]: o for o in response.context["broader"]}
    offered = options["Search for “imatinib” in closed trials and results too"]
    assert offered["count"] == 1
    assert offered["query"] == "q=imatinib&status=any"


def test_no_results_for_several_words_suggest_the_searches_one_word_shorter(client, corpus):
    response = client.get(URL, {"q": "radiotherapy imatinib", "status": "any"})
    assert response.context["page"].paginator.count == 0
    options = {o["label"]: o["count"] for o in response.context["broader"]}
    assert options["Search for “imatinib” instead"] == 1
    assert options["Search for “radiotherapy” instead"] == 1
    html = response.content.decode()
    assert "q=imatinib" in html and "q=radiotherapy" in html


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("bowel cancer over 70", (70, "bowel cancer")),
        ("myeloma aged 67", (67, "myeloma")),
        ("Age 45 breast", (45, "breast")),
        ("8 year old leukaemia", (8, "leukaemia")),
        ("a 70-year-old with lung cancer", (70, "lung cancer")),
        ("over 70", (70, "")),
        ("trials for over 70s", (70, "trials")),
        ("lymphoma in the over-70's", (70, "lymphoma")),
        # The words that joined the age to the rest go with it.
        ("leukaemia in a 6 year old", (6, "leukaemia")),
        ("trials for a 6 year old with leukaemia", (6, "trials with leukaemia")),
        ("NCT00031915", None),
        ("stage 4 bowel cancer", None),
        ("over 500", None),
        ("leukaemia under 18", None),
    ],
)
def test_an_age_typed_as_words_is_recognised(q, expected):
    assert search.age_in_words(q) == expected


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("phase 3 breast cancer", ("PHASE3", "breast cancer")),
        ("Phase III sarcoma", ("PHASE3", "sarcoma")),
        ("leukaemia phase I/II", ("PHASE1_PHASE2", "leukaemia")),
        ("phase 2-3 myeloma", ("PHASE2_PHASE3", "myeloma")),
        ("phase 1b melanoma", None),
        ("phase 5", None),
        ("phases of treatment", None),
    ],
)
def test_a_phase_typed_as_words_is_recognised(q, expected):
    assert search.phase_in_words(q) == expected


def test_an_age_or_phase_in_the_words_becomes_the_filter_and_the_page_says_so(client, db):
    make_trial(title="Lung cancer in older people", min_age_months=65 * 12, phase="PHASE3")
    make_trial(title="Lung cancer in children", max_age_months=17 * 12, phase="PHASE3")
    make_trial(title="Lung cancer, an early study", phase="PHASE1")
    response = client.get(URL, {"q": "phase 3 lung cancer over 70", "page": "2"})
    assert response.status_code == 302
    assert response["Location"] == (
        f"{URL}?q=lung+cancer&age=70&phase=PHASE3&typed=phase+3+lung+cancer+over+70"
    )
    response = client.get(response["Location"])
    assert [t.title for t in response.context["page"].object_list] == [
        "Lung cancer in older people"
    ]
    html = response.content.decode()
    assert (
        "We read “phase 3 lung cancer over 70” as the words “lung cancer”, age 70, Phase 3." in html
    )
    # The words as typed, without the filters read from them.
    assert '<a href="?q=phase+3+lung+cancer+over+70&amp;as_typed=1">' in html


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("breast cancer in scotland", ("scotland", "breast cancer")),
        ("lung cancer North-West", ("north-west", "lung cancer")),
        ("yorkshire myeloma", ("yorkshire-and-the-humber", "myeloma")),
        ("melanoma new south wales", None),
        ("new england lymphoma", None),
        ("South West Oncology Group", None),
        ("south east asian patients", None),
        ("bowel cancer leeds", None),  # a town: searched in the hospitals' text
        ("AML germany", ("germany", "AML")),
        ("lymphoma in the US", ("united-states", "lymphoma")),
        ("myeloma USA", ("united-states", "myeloma")),
        ("leukaemia in ireland", ("ireland", "leukaemia")),
        ("leukaemia in northern ireland", ("northern-ireland", "leukaemia")),
        ("sarcoma in south korea", ("south-korea", "sarcoma")),
        ("leukaemia in north wales", ("wales", "leukaemia")),
        ("myeloma south-west london", ("london", "myeloma")),
        ("west yorkshire lymphoma", ("yorkshire-and-the-humber", "lymphoma")),
        ("north korea", None),
        ("help us find a trial", None),
        ("trials in latin america", None),
        ("north america", None),
        ("american cancer society", None),
        ("leukemia in texas", None),  # a state: searched in the hospitals' text
    ],
)
def test_an_area_typed_as_words_is_recognised(q, expected):
    assert search.area_in_words(q) == expected


def test_an_area_in_the_words_becomes_the_area_filter(client, db):
    in_wales = make_trial(title="Lung cancer in Wales")
    make_site(in_wales, facility="Velindre Cancer Centre", city="Cardiff", region="wales")
    make_site(make_trial(title="Lung cancer in Leeds"), region="yorkshire-and-the-humber")
    response = client.get(URL, {"q": "lung cancer in wales"}, follow=True)
    assert response.redirect_chain[-1][0] == (
        f"{URL}?q=lung+cancer&region=wales&typed=lung+cancer+in+wales"
    )
    assert [t.title for t in response.context["page"].object_list] == ["Lung cancer in Wales"]
    assert (
        "We read “lung cancer in wales” as the words “lung cancer”, the area Wales."
        in response.content.decode()
    )


def test_an_age_or_phase_the_visitor_chose_is_not_second_guessed(client, db):
    response = client.get(URL, {"q": "lung cancer over 70", "age": "71"})
    assert response.status_code == 200
    response = client.get(URL, {"q": "phase 3 lung cancer", "phase": "PHASE2"})
    assert response.status_code == 200
    response = client.get(URL, {"q": "lung cancer in wales", "region": "london"})
    assert response.status_code == 200


def test_a_misspelling_and_a_phase_are_both_read(client, corpus):
    Trial.objects.filter(title__startswith="Imatinib").update(phase="PHASE2")
    response = client.get(URL, {"q": "phase 2 sarcomma"}, follow=True)
    assert response.redirect_chain[-1][0] == f"{URL}?q=sarcoma&phase=PHASE2&typed=phase+2+sarcomma"
    assert response.context["page"].paginator.count == 1
    assert (
        "We read “phase 2 sarcomma” as the words “sarcoma” (spelling corrected), Phase 2."
        in response.content.decode()
    )


def test_the_page_says_how_it_read_the_words_only_when_it_did(client, corpus):
    for params in [
        {"q": "sarcoma", "phase": "PHASE2", "typed": "phase 3 sarcoma"},
        {"q": "sarcoma", "age": "40", "typed": "sarcoma over 70"},
        {"q": "sarcoma", "typed": "Call 0900 000000 now"},
    ]:
        response = client.get(URL, params)
        assert response.context["reading"] is None
        assert "We read" not in response.content.decode()


def test_no_results_for_an_age_in_words_offer_the_age_filter(client, db):
    make_trial(title="Lung cancer in older people", min_age_months=65 * 12)
    make_trial(title="Lung cancer in children", max_age_months=17 * 12)
    # The words exactly as typed: the page does not move the age to the filter itself.
    response = client.get(URL, {"q": "lung cancer over 70", "as_typed": "1"})
    assert response.context["page"].paginator.count == 0
    options = {o["label"]: o for o in response.context["broader"]}
    offered = options["Search for “lung cancer” for someone aged 70"]
    assert offered["count"] == 1
    assert offered["query"] == "q=lung+cancer&as_typed=1&age=70"
    assert len(options) == 1  # not also "lung over" and "over 70"
    # Someone who already gave an age in the box is not second-guessed.
    response = client.get(URL, {"q": "lung cancer over 70", "age": "71"})
    assert not any("aged" in o["label"] for o in response.context["broader"])


def test_a_shorter_search_keeps_phrases_and_exclusions(corpus):
    parsed = search.parse('"soft tissue" imatinib -bowel surgery')
    assert search.shorter_searches(parsed) == [
        "imatinib -bowel surgery",
        '"soft tissue" -bowel surgery',
        '"soft tissue" imatinib -bowel',
    ]
    assert search.shorter_searches(search.parse("imatinib")) == []


def test_a_shorter_search_reads_as_typed(db):
    # "cancer" is not searched but stays beside its word; a known phrase needs no quotes.
    assert search.shorter_searches(search.parse("breast cancer 45 manchester")) == [
        "45 manchester",
        "breast cancer manchester",
        "breast cancer 45",
    ]
    assert search.shorter_searches(search.parse("secondary liver cancer nhs")) == [
        "nhs",
        "secondary liver cancer",
    ]


def test_each_result_says_why_it_matched_with_the_words_highlighted(client, corpus):
    trial = Trial.objects.get(title__startswith="Imatinib")
    make_site(trial, region="london")
    response = client.get(
        URL, {"q": "glivec", "age": "40", "region": "london", "cancer_type": "sarcoma"}
    )
    html = response.content.decode()
    assert "“glivec” treatment: imatinib" in html
    assert "Cancer type: Soft tissue sarcoma" in html
    assert "Age 40: no age limits given" in html
    assert "1 hospital in London" in html


def test_the_snippet_highlights_matched_words_safely(client, db):
    make_trial(title="Plain", summary="We test <b>drug</b> called zolbetuximab for stomach cancer.")
    html = client.get(URL, {"q": "zolbetuximab"}).content.decode()
    assert "<mark>zolbetuximab</mark>" in html
    assert "<b>drug" not in html
    assert "&lt;b" in html


def _count(params: dict) -> int:
    return TrialFilter(params, queryset=Trial.objects.published()).qs.count()


def test_facet_counts_equal_the_counts_of_the_filtered_searches(corpus):
    for n, status in enumerate([Status.COMPLETED, Status.NOT_YET_RECRUITING, Status.RECRUITING]):
        t = make_trial(
            title=f"Extra sarcoma {n}",
            status=status,
            phase="PHASE2",
            conditions=[condition("bone-sarcoma")],
        )
        make_site(t, region="london" if n else "scotland")
    params = {"q": "sarcoma"}
    facets = compute(TrialFilter(params, queryset=Trial.objects.published()))
    assert facets.total == _count(params)
    for choice in facets.status:
        assert choice.count == _count({**params, "status": choice.value}), choice
    for choice in facets.phase:
        assert choice.count == _count({**params, "phase": choice.value}), choice
    for choice in facets.cancer_type:
        assert choice.count == _count({**params, "cancer_type": choice.value}), choice
    for choice in facets.region:
        assert choice.count == _count({**params, "region": choice.value}), choice
    chosen = compute(
        TrialFilter(
            {**params, "cancer_type": "sarcoma", "status": "any"},
            queryset=Trial.objects.published(),
        )
    )
    assert {c.label for c in chosen.cancer_type} == {"Bone sarcoma", "Soft tissue sarcoma"}
    for choice in chosen.cancer_type:
        assert choice.count == _count({**params, "status": "any", "cancer_type": choice.value})


def test_the_results_page_query_count_is_bounded_for_word_searches(
    client, corpus, django_assert_max_num_queries
):
    client.get(URL)
    for n in range(25):
        make_site(
            make_trial(title=f"Sarcoma trial {n}", conditions=[condition("sarcoma")]),
            region="london",
        )
    with django_assert_max_num_queries(8):
        response = client.get(URL, {"q": "sarcoma", "region": "london", "age": "50"})
    assert response.context["page"].paginator.count == 25


def test_sorting_by_recruitment_end(client, db):
    import datetime

    make_trial(title="Not given", end_date=None)
    make_trial(title="Late", end_date=datetime.date(2030, 1, 1))
    make_trial(title="Early", end_date=datetime.date(2027, 1, 1))
    titles = [t.title for t in client.get(URL, {"sort": "ending"}).context["page"].object_list]
    # Trials without a date come last on every database (SQLite sorts NULL first).
    assert titles == ["Early", "Late", "Not given"]


def test_sorting_by_title_ignores_case(client, db):
    for title in ["Zoledronic acid trial", "eHealth support trial", "Aspirin trial"]:
        make_trial(title=title)
    titles = [t.title for t in client.get(URL, {"sort": "title"}).context["page"].object_list]
    assert titles == ["Aspirin trial", "eHealth support trial", "Zoledronic acid trial"]


@pytest.mark.postgres
def test_title_matches_rank_above_summary_matches(client, db):
    make_trial(title="A trial of exercise", summary="Includes people with melanoma.")
    make_trial(title="Melanoma vaccine trial", summary="A vaccine.")
    titles = [t.title for t in client.get(URL, {"q": "melanoma"}).context["page"].object_list]
    assert titles == ["Melanoma vaccine trial", "A trial of exercise"]


@pytest.mark.postgres
def test_the_words_together_rank_above_the_same_words_apart(client, db):
    # (This was "HER2 positive breast cancer" against a HER2-negative trial; "HER2
    # positive" is a phrase now, which that trial does not match at all.)
    make_trial(title="A walking programme for fatigue after treatment")
    # A long record that says each word many times, apart, must not come first.
    make_trial(
        title="Walking, sleep and rest: support for fatigue during a chemotherapy programme",
        summary="For people with fatigue who find walking hard during a programme of chemotherapy.",
        eligibility_criteria=" ".join(
            f"Rule {n}: walking aids, a programme of visits and fatigue scores." for n in range(30)
        ),
    )
    response = client.get(URL, {"q": "walking programme fatigue"})
    assert [t.title for t in response.context["page"].object_list] == [
        "A walking programme for fatigue after treatment",
        "Walking, sleep and rest: support for fatigue during a chemotherapy programme",
    ]


@pytest.mark.postgres
def test_postgres_stems_english_words(db):
    make_trial(title="Treating metastases", summary="Patients were treated.")
    assert found("treated") == {"Treating metastases"}
    assert found("metastases") == {"Treating metastases"}


def test_cached_facet_counts_never_outlive_an_edit(client, db):
    make_trial(title="Melanoma one", conditions=[condition("melanoma")])
    assert client.get(URL, {"q": "melanoma"}).context["page"].paginator.count == 1
    make_trial(title="Melanoma two", conditions=[condition("melanoma")])
    assert client.get(URL, {"q": "melanoma"}).context["page"].paginator.count == 2
    Trial.objects.filter(title="Melanoma two").get().delete()
    response = client.get(URL, {"q": "melanoma"})
    assert response.context["page"].paginator.count == 1


def _trials_and_rank_limits(monkeypatch, titles: list[str], rank_all: int, ranked: int):
    monkeypatch.setattr(search, "RANK_ALL_LIMIT", rank_all)
    monkeypatch.setattr(search, "RANKED_LIMIT", ranked)
    for title in titles:
        make_trial(title=title)


def test_relevance_ranks_every_match_when_not_too_many(client, db, monkeypatch):
    _trials_and_rank_limits(monkeypatch, [f"Melanoma {n}" for n in range(5)], 5, 3)
    response = client.get(URL, {"q": "melanoma"})
    assert response.context["page"].paginator.count == 5
    assert b"Many trials match these words" not in response.content


def test_relevance_ranks_only_the_newest_matches_and_says_so(client, db, monkeypatch):
    _trials_and_rank_limits(monkeypatch, [f"Melanoma {n}" for n in range(5)], 4, 3)
    response = client.get(URL, {"q": "melanoma"})
    assert response.context["page"].paginator.count == 3
    assert b"Many trials match these words" in response.content
    # The heading still says how many trials match in all.
    assert b"5 trials found" in response.content
    by_date = client.get(URL, {"q": "melanoma", "sort": "updated"})
    assert by_date.context["page"].paginator.count == 5
    assert b"Many trials match these words" not in by_date.content


def test_a_generic_word_alone_is_not_ranked_or_capped(client, db, monkeypatch):
    # "cancer" alone means every trial: there is nothing to rank by.
    _trials_and_rank_limits(monkeypatch, [f"Cancer trial {n}" for n in range(3)], 2, 1)
    response = client.get(URL, {"q": "cancer"})
    assert response.context["page"].paginator.count == 3
    assert b"Many trials match these words" not in response.content


def test_all_facet_counts_come_from_one_query(corpus, django_assert_num_queries):
    filterset = TrialFilter(
        {"q": "sarcoma", "cancer_type": "sarcoma", "region": "london", "age": "40"},
        queryset=Trial.objects.published(),
    )
    filterset.form.is_valid()
    assert filterset.conditions and filterset.regions  # trees: loaded once per request
    search.synonym_map()
    with django_assert_num_queries(1):
        compute(filterset)


def test_the_open_trials_text_index_is_for_exactly_the_open_statuses():
    migration = importlib.import_module(
        "trialfinder.trials.migrations.0010_open_trials_search_index"
    )
    listed = re.search(r"status IN \(([^)]*)\)", migration.FORWARDS).group(1)
    assert {s.strip(" '") for s in listed.split(",")} == {str(s) for s in OPEN_STATUSES}


@pytest.mark.postgres
def test_postgres_has_the_open_trials_text_index(db):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'trials_trial_open_search_gin'"
        )
        (definition,) = cursor.fetchone()
    assert "USING gin (search_vector)" in definition
    assert all(status in definition for status in OPEN_STATUSES)


def test_mouth_cancer_finds_cancer_of_the_oral_cavity_not_tablets_taken_by_mouth(db):
    make_trial(
        title="Radiotherapy for cancer of the oral cavity",
        conditions=[condition("head-and-neck-cancer")],
    )
    make_trial(title="Oral venetoclax for acute myeloid leukaemia")
    assert found("mouth cancer") == {"Radiotherapy for cancer of the oral cavity"}
    assert found("oral cancer") == {"Radiotherapy for cancer of the oral cavity"}


def test_the_migration_mends_the_seeded_mouth_synonym_but_keeps_an_editors_own(db):
    from django.apps import apps

    migration = importlib.import_module(
        "trialfinder.trials.migrations.0016_mouth_means_oral_cavity"
    )
    Synonym.objects.filter(term="mouth").update(equivalents="oral")
    migration.forwards(apps, None)
    assert Synonym.objects.get(term="mouth").equivalents == "oral cavity\noral cancer"
    Synonym.objects.filter(term="mouth").update(equivalents="oral\nbuccal")
    migration.forwards(apps, None)
    assert Synonym.objects.get(term="mouth").equivalents == "oral\nbuccal"


def test_a_word_that_finds_trials_is_not_offered_a_rarer_word_instead(client, corpus):
    # The nearest known word to "quality" is "quantity": a different word, not a fix.
    SpellingTerm.objects.create(term="quantity")
    make_trial(title="Quantity of blood taken for tests")
    make_trial(title="Exercise and quality of life after surgery")
    make_trial(title="Quality of life during radiotherapy")
    assert search.suggest("quality of life") is None
    page = client.get(URL, {"q": "quality of life"}).content.decode()
    assert "Did you mean" not in page


def test_a_rare_misspelling_in_a_record_is_still_offered_the_common_spelling(client, corpus):
    make_trial(title="Sarcomma, as one registry spells it")
    make_trial(title="Surgery for sarcoma")
    assert search.suggest("sarcomma") == "sarcoma"


def test_a_known_word_is_not_offered_a_shorter_word_that_finds_more(corpus):
    # Trigrams put "therapy" nearest to "immunotherapy", and "therapy" finds more.
    SpellingTerm.objects.get_or_create(term="therapy")
    make_trial(title="Immunotherapy for melanoma")
    make_trial(title="Radiotherapy and therapy dogs")
    make_trial(title="Hormone therapy")
    assert search.suggest("immunotherapy melanoma") is None


@pytest.mark.parametrize("q", ["stage 4 bowel cancer", "stage four bowel cancer"])
def test_stage_4_finds_trials_for_cancer_that_has_spread(db, q):
    make_trial(
        title="Chemotherapy for metastatic bowel cancer", conditions=[condition("bowel-cancer")]
    )
    make_trial(
        title="Surgery for stage IV colorectal cancer", conditions=[condition("bowel-cancer")]
    )
    make_trial(title="Screening for early bowel cancer", conditions=[condition("bowel-cancer")])
    assert found(q) == {
        "Chemotherapy for metastatic bowel cancer",
        "Surgery for stage IV colorectal cancer",
    }


def test_clinical_trials_is_not_a_word_to_find(db):
    make_trial(title="Aspirin for bowel cancer", conditions=[condition("bowel-cancer")])
    assert found("clinical trials for bowel cancer") == {"Aspirin for bowel cancer"}


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("nonhodgkin lymphoma", "non-hodgkin lymphoma"),
        ("nonsmall cell", "non-small cell"),
        ("none", "none"),
        ("nonsense", "nonsense"),
    ],
)
def test_joined_words_are_shown_as_people_write_them(typed, shown):
    assert search.readable(typed) == shown


def test_a_misspelt_word_after_non_is_fixed_too(client, db):
    make_trial(
        title="R-CHOP for non-Hodgkin lymphoma", conditions=[condition("non-hodgkin-lymphoma")]
    )
    SpellingTerm.objects.get_or_create(term="nonhodgkin")
    assert search.suggest("non-hodgkn lymphoma") == "non-hodgkin lymphoma"
    response = client.get(URL, {"q": "non-hodgkn lymphoma"}, follow=True)
    assert [t.title for t in response.context["page"].object_list] == [
        "R-CHOP for non-Hodgkin lymphoma"
    ]
    assert "so we searched for “non-hodgkin lymphoma” instead" in response.content.decode()


@pytest.fixture
def organ_words(db):
    """Trials whose text uses an organ's name for something other than its cancer."""
    make_trial(
        title="Surgery for glioblastoma", conditions=[condition("brain-tumours")], summary=""
    )
    make_trial(title="MRI of brain changes in children treated for leukaemia")
    make_trial(
        title="Osimertinib for lung cancer",
        inclusion_criteria="Stable brain metastases are allowed",
    )
    make_trial(title="Regorafenib for osteosarcoma", conditions=[condition("bone-sarcoma")])
    make_trial(title="Zoledronic acid for bone cancer pain", summary="For primary bone cancer.")
    make_trial(title="Bone marrow biopsies in acute myeloid leukaemia")
    make_trial(title="Cabozantinib for advanced kidney cancer")
    make_trial(title="A blood test for leukaemia in children and young people")
    make_trial(title="Dinutuximab for paediatric neuroblastoma")
    make_trial(title="Brentuximab for adolescents with Hodgkin lymphoma")


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("brain tumour", {"Surgery for glioblastoma"}),
        ("brain tumours", {"Surgery for glioblastoma"}),
        ("brain cancer", {"Surgery for glioblastoma"}),
        ("glioblastoma", {"Surgery for glioblastoma"}),
        (
            "bone cancer",
            {"Regorafenib for osteosarcoma", "Zoledronic acid for bone cancer pain"},
        ),
        (
            "kids cancer",
            {
                "MRI of brain changes in children treated for leukaemia",
                "A blood test for leukaemia in children and young people",
                "Dinutuximab for paediatric neuroblastoma",
            },
        ),
        (
            "teenagers",
            {
                "A blood test for leukaemia in children and young people",
                "Brentuximab for adolescents with Hodgkin lymphoma",
            },
        ),
    ],
)
def test_a_cancer_named_by_its_organ_finds_that_cancer_not_every_mention_of_the_organ(
    organ_words, q, expected
):
    assert found(q) == expected


def test_brain_still_finds_trials_that_say_glioma(organ_words):
    assert "Surgery for glioblastoma" in found("brain")


def test_a_word_with_synonyms_is_a_whole_word_and_an_unknown_one_may_be_unfinished(db):
    make_trial(title="Cabozantinib for advanced kidney cancer")
    make_trial(title="Exercise while breastfeeding")
    make_trial(title="Nivolumab for melanoma")
    assert found("kids") == set()
    assert found("breast") == set()
    assert found("melan") == {"Nivolumab for melanoma"}


def test_why_this_matched_does_not_read_kids_in_kidney(client, organ_words):
    html = client.get(URL, {"q": "kids cancer", "status": "any"}).content.decode()
    assert "Cabozantinib" not in html
    assert "“kids” (as “paediatric”) in the title" in html
    assert "“kids” (as “children”) in the title" in html


def test_why_this_matched_names_the_words_as_typed_before_a_synonym(client, organ_words):
    html = client.get(URL, {"q": "brain tumour", "status": "any"}).content.decode()
    assert "“brain tumour” cancer type: Brain tumours" in html
    assert "glioma" not in html


def test_the_migration_makes_brain_one_way_and_adds_the_phrases_but_keeps_an_editors_own(db):
    from django.apps import apps

    migration = importlib.import_module(
        "trialfinder.trials.migrations.0018_brain_bone_and_young_people_synonyms"
    )
    Synonym.objects.filter(term="brain").update(two_way=True)
    Synonym.objects.filter(term="bone cancer").delete()
    Synonym.objects.filter(term="kids").update(equivalents="children\nyoungsters")
    Synonym.objects.filter(term="chemo").update(equivalents="chemotherapy", two_way=True)
    migration.forwards(apps, None)
    chemo = Synonym.objects.get(term="chemo")
    assert "chemoradiotherapy" in chemo.equivalents and not chemo.two_way
    assert not Synonym.objects.get(term="brain").two_way
    assert "osteosarcoma" in Synonym.objects.get(term="bone cancer").equivalents
    assert Synonym.objects.get(term="kids").equivalents == "children\nyoungsters"
    Synonym.objects.filter(term="brain").update(equivalents="glioma", two_way=True)
    migration.forwards(apps, None)
    assert Synonym.objects.get(term="brain").two_way


def test_chemo_finds_chemoradiotherapy_but_chemoradiotherapy_not_every_chemo_trial(db):
    make_trial(title="Chemoradiotherapy for anal cancer")
    make_trial(title="Chemo at home", summary="Chemotherapy given at home.")
    make_trial(title="Chemo for bowel cancer")
    assert found("chemo") == {
        "Chemoradiotherapy for anal cancer",
        "Chemo at home",
        "Chemo for bowel cancer",
    }
    assert found("chemotherapy") == {"Chemo at home", "Chemo for bowel cancer"}
    assert found("chemoradiotherapy") == {"Chemoradiotherapy for anal cancer"}


def test_lines_about_other_illnesses_of_the_organs_are_not_searched(db):
    make_trial(
        title="Donor stem cell transplant for leukaemia",
        inclusion_criteria="Aged 18 to 65\nSevere heart, lung, liver and kidney insufficiency\n"
        "Cardiac dysfunction\nRenal failure needing dialysis",
    )
    assert found("lung") == set()
    assert found("heart") == set()
    assert found("renal") == set()
    assert found("aged 18") == {"Donor stem cell transplant for leukaemia"}


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("leukaemia in children under 5", "under 5"),
        ("sarcoma younger than 18 years old", "younger than 18 years old"),
        ("breast cancer over 70", None),
        ("tumours under review", None),
    ],
)
def test_an_age_range_typed_as_words_is_recognised(q, expected):
    assert search.age_range_in_words(q) == expected


def test_an_age_range_is_not_searched_as_words_and_the_page_says_to_use_the_age_box(client, db):
    make_trial(title="Chemotherapy for leukaemia in children", max_age_months=17 * 12)
    make_trial(title="Leukaemia drug at 5 mg a day, under review")
    assert found("leukaemia under 5") == {
        "Chemotherapy for leukaemia in children",
        "Leukaemia drug at 5 mg a day, under review",
    }
    html = client.get(URL, {"q": "leukaemia in children under 5"}).content.decode()
    assert "1 trial found" in html
    assert "We did not search for the words “under 5”" in html
    assert "give their age in the age box" in html


@pytest.mark.postgres
def test_an_unfinished_word_finds_longer_words_in_the_trial_but_not_in_hospital_names(db):
    melanoma = make_trial(title="Nivolumab for melanoma")
    make_site(melanoma, facility="Heartland Oncology", city="Lynchburg")
    make_trial(title="Aspirin for people with Lynch syndrome")
    assert found("melan") == {"Nivolumab for melanoma"}
    assert found("lynch") == {"Aspirin for people with Lynch syndrome"}
    assert found("heart") == set()
    assert found("heartland") == {"Nivolumab for melanoma"}


def test_a_misspelling_that_names_a_town_is_still_offered_the_fix(client, brest_and_breast):
    response = client.get(URL, {"q": "brest cancer"})
    assert response.context["found"] == 3
    assert response.context["did_you_mean"] == "breast cancer"
    assert "Did you mean" in response.content.decode()


def test_a_town_typed_on_purpose_is_not_offered_a_fix(client, db):
    for n in range(3):
        trial = make_trial(
            title=f"Radiotherapy for breast cancer {n}", conditions=[condition("breast-cancer")]
        )
        make_site(trial, facility="St James's University Hospital", city="Leeds")
    response = client.get(URL, {"q": "breast cancer leeds"})
    assert response.context["found"] == 3
    assert response.context["did_you_mean"] is None


def test_cancer_that_has_come_back_finds_relapsed_and_recurrent_cancer(db):
    make_trial(title="A trial of a new drug for myeloma that has come back")
    make_trial(title="Venetoclax for relapsed acute myeloid leukaemia")
    make_trial(title="Radiotherapy for recurrent glioblastoma")
    make_trial(title="Surgery for newly diagnosed bowel cancer")
    assert found("cancer that has come back") == {
        "A trial of a new drug for myeloma that has come back",
        "Venetoclax for relapsed acute myeloid leukaemia",
        "Radiotherapy for recurrent glioblastoma",
    }


def test_two_searches_built_together_each_filter_by_their_own_values(db):
    # Filters are copied per search (filters.CopiedShallow): each copy's method must be
    # the copy's own FilterSet's, not the class's or another search's.
    make_trial(title="Sarcoma trial", conditions=[condition("sarcoma")])
    make_trial(title="Lung cancer trial", conditions=[condition("lung-cancer")])
    published = Trial.objects.published()
    sarcoma = TrialFilter({"q": "sarcoma"}, queryset=published)
    lung = TrialFilter({"q": "lung", "cancer_type": "lung-cancer"}, queryset=published)
    assert [t.title for t in lung.qs] == ["Lung cancer trial"]
    assert [t.title for t in sarcoma.qs] == ["Sarcoma trial"]
    assert sarcoma.filters["q"].parent is sarcoma
    assert TrialFilter.base_filters["q"] is not sarcoma.filters["q"]
    assert not hasattr(TrialFilter.base_filters["q"], "parent")


LIVER_SECONDARIES = {
    "SIRT for bowel cancer with liver metastases",
    "Surgery for bowel cancer in the liver",
}


@pytest.fixture
def spread_trials(db):
    make_trial(
        title="Shorter radiotherapy for prostate cancer",
        summary="This trial is for men with prostate cancer that has not spread.",
    )
    make_trial(title="Enzalutamide for metastatic prostate cancer")
    make_trial(title="SIRT for bowel cancer with liver metastases")
    # How plain-language summaries say it.
    make_trial(
        title="Surgery for bowel cancer in the liver",
        summary="For people with bowel cancer that has spread to the liver.",
    )
    make_trial(title="Atezolizumab for advanced hepatocellular carcinoma")
    make_trial(title="Radiotherapy for bone metastases", summary="Pain from cancer in the bones.")
    make_trial(title="Regorafenib after chemotherapy for osteosarcoma")
    make_trial(title="Radiosurgery for brain metastases")
    make_trial(title="Surgery for glioblastoma")
    make_trial(title="Stereotactic radiotherapy for lung metastases")


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("secondary liver cancer", LIVER_SECONDARIES),
        ("cancer that has spread to the liver", LIVER_SECONDARIES),
        ("spread to my liver", LIVER_SECONDARIES),
        ("liver mets", LIVER_SECONDARIES),
        ("secondary bone cancer", {"Radiotherapy for bone metastases"}),
        ("cancer that has spread to the bones", {"Radiotherapy for bone metastases"}),
        ("secondary brain tumours", {"Radiosurgery for brain metastases"}),
        ("secondary lung cancer", {"Stereotactic radiotherapy for lung metastases"}),
        # A phrase: the cancer that started in the liver, not bowel cancer there.
        ("liver cancer", {"Atezolizumab for advanced hepatocellular carcinoma"}),
        ("bone cancer", {"Regorafenib after chemotherapy for osteosarcoma"}),
    ],
)  # fmt: skip
def test_cancer_that_has_spread_to_an_organ_is_not_that_organs_own_cancer(
    spread_trials, q, expected
):
    assert found(q) == expected


def test_cancer_that_has_spread_finds_metastatic_trials_not_one_that_has_not_spread(
    spread_trials,
):
    spread = found("prostate cancer that has spread")
    assert spread == {"Enzalutamide for metastatic prostate cancer"}
    assert found("prostate cancer that hasn't spread") == {
        "Shorter radiotherapy for prostate cancer"
    }
    assert found("localised prostate cancer") == {"Shorter radiotherapy for prostate cancer"}
    assert "Shorter radiotherapy for prostate cancer" not in found("spread")


@pytest.mark.parametrize("q", ["metastasis", "metastases", "metastasised", "metastasized"])
def test_every_way_of_writing_metastases_finds_the_metastatic_trials(spread_trials, q):
    metastatic = found(q)
    assert "Enzalutamide for metastatic prostate cancer" in metastatic
    assert {"Radiosurgery for brain metastases", "Radiotherapy for bone metastases"} <= metastatic
    assert "Shorter radiotherapy for prostate cancer" not in metastatic
    assert found(f"prostate cancer that has {q}") == {"Enzalutamide for metastatic prostate cancer"}


def test_metastatic_finds_what_registries_call_metastatic(spread_trials):
    # One way: criteria say "no metastases" of trials for cancer that has not spread.
    assert "Radiotherapy for bone metastases" not in found("metastatic")


def test_early_cancer_is_cancer_that_has_not_spread(client, spread_trials):
    make_trial(title="Surgery for non-metastatic kidney cancer")
    # Not locally advanced, nor a trial in a study's first stage.
    make_trial(title="Radiotherapy for locally advanced kidney cancer")
    make_trial(title="Sunitinib for kidney cancer", summary="Stage 1 of the study finds the dose.")
    assert found("early prostate cancer") == {"Shorter radiotherapy for prostate cancer"}
    assert found("early kidney cancer") == {"Surgery for non-metastatic kidney cancer"}
    response = client.get(URL, {"q": "early prostate cancer", "status": "any"})
    (trial,) = response.context["page"].object_list
    assert "“early” (as “has not spread”) in the summary" in trial.why.reasons


@pytest.fixture
def spellings(db):
    make_trial(title="Hospitalized patients with lymphoma")
    make_trial(title="Exercise in hospital after surgery for lung cancer")
    make_trial(title="Randomised trial of aspirin for bowel cancer")
    make_trial(title="A randomized study of metformin for breast cancer")
    make_trial(title="Organized screening for bowel cancer")
    make_trial(title="Kidney function in organ transplant recipients")
    make_trial(title="Blood samples analyzed for myeloma markers")
    make_trial(title="Radiotherapy for localized prostate cancer")
    make_trial(title="Radiotherapy for locally advanced prostate cancer")


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("hospitalised", {"Hospitalized patients with lymphoma"}),
        ("hospitalized", {"Hospitalized patients with lymphoma"}),
        ("randomised", {
            "Randomised trial of aspirin for bowel cancer",
            "A randomized study of metformin for breast cancer",
        }),
        ("randomized", {
            "Randomised trial of aspirin for bowel cancer",
            "A randomized study of metformin for breast cancer",
        }),
        ("organised", {"Organized screening for bowel cancer"}),
        ("analysed", {"Blood samples analyzed for myeloma markers"}),
        ("localised", {"Radiotherapy for localized prostate cancer"}),
        ("localized", {"Radiotherapy for localized prostate cancer"}),
        ("early prostate cancer", {"Radiotherapy for localized prostate cancer"}),
    ],
)  # fmt: skip
def test_american_and_british_spellings_find_each_other_and_nothing_more(spellings, q, expected):
    # PostgreSQL's stemmer read "hospitalized" as "hospit" and "organized" as "organ", so
    # "hospitalised" found every trial that says "hospital".
    assert found(q) == expected


def test_why_this_matched_finds_and_highlights_an_american_spelling(client, spellings):
    response = client.get(URL, {"q": "hospitalised", "status": "any"})
    (trial,) = response.context["page"].object_list
    assert trial.why.reasons == ["“hospitalised” in the title"]
    assert trial.why.snippet == "<mark>Hospitalized</mark> patients with lymphoma"


def test_why_this_matched_reads_has_not_spread_as_localised(client, spread_trials):
    response = client.get(URL, {"q": "cancer that has not spread", "status": "any"})
    (trial,) = response.context["page"].object_list
    assert trial.title == "Shorter radiotherapy for prostate cancer"
    assert trial.why.reasons == ["“localised” (as “has not spread”) in the summary"]


def test_the_spread_migration_adds_the_phrases_but_keeps_an_editors_own(db):
    from django.apps import apps

    migration = importlib.import_module(
        "trialfinder.trials.migrations.0019_cancer_that_has_spread_synonyms"
    )
    Synonym.objects.filter(term="secondary liver cancer").delete()
    Synonym.objects.filter(term="spread").update(equivalents="metastatic")
    migration.forwards(apps, None)
    assert "liver metastases" in Synonym.objects.get(term="secondary liver cancer").equivalents
    assert Synonym.objects.get(term="spread").equivalents == "metastatic"
    migration.backwards(apps, None)
    assert not Synonym.objects.filter(term="secondary liver cancer").exists()
    assert Synonym.objects.filter(term="spread").exists()


@pytest.fixture
def treatment_kinds(db):
    nivolumab = make_trial(
        title="Nivolumab compared with docetaxel", conditions=[condition("lung-cancer")]
    )
    nivolumab.interventions.add(Intervention.objects.create(name="nivolumab"))
    make_trial(title="Radiotherapy for lung cancer", conditions=[condition("lung-cancer")])
    make_trial(title="Immunotherapy with a cancer vaccine for melanoma")
    make_trial(title="Anastrozole for women at high risk of breast cancer")
    make_trial(title="Hormone therapy with radiotherapy for prostate cancer")
    make_trial(title="Exercise therapy after treatment", summary="We measure hormone levels.")


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("immunotherapy for lung cancer", {"Nivolumab compared with docetaxel"}),
        ("immunotherapy", {
            "Nivolumab compared with docetaxel",
            "Immunotherapy with a cancer vaccine for melanoma",
        }),
        # One way: the drug does not find every immunotherapy trial.
        ("nivolumab", {"Nivolumab compared with docetaxel"}),
        ("hormone therapy", {
            "Anastrozole for women at high risk of breast cancer",
            "Hormone therapy with radiotherapy for prostate cancer",
        }),
        ("hormonal therapy for breast cancer", {
            "Anastrozole for women at high risk of breast cancer",
        }),
    ],
)  # fmt: skip
def test_a_kind_of_treatment_finds_trials_that_name_only_its_drugs(treatment_kinds, q, expected):
    assert found(q) == expected


def test_why_this_matched_names_the_drug_a_kind_of_treatment_found(client, treatment_kinds):
    response = client.get(URL, {"q": "immunotherapy for lung cancer", "status": "any"})
    (trial,) = response.context["page"].object_list
    assert "“immunotherapy” (as “nivolumab”) in the title" in trial.why.reasons


def test_the_treatment_kinds_migration_adds_rows_but_keeps_an_editors_own(db):
    from django.apps import apps

    migration = importlib.import_module(
        "trialfinder.trials.migrations.0020_kinds_of_treatment_synonyms"
    )
    Synonym.objects.filter(term="hormone therapy").delete()
    Synonym.objects.filter(term="immunotherapy").update(equivalents="pembrolizumab")
    migration.forwards(apps, None)
    assert "tamoxifen" in Synonym.objects.get(term="hormone therapy").equivalents
    assert Synonym.objects.get(term="immunotherapy").equivalents == "pembrolizumab"


def test_who_cannot_become_pregnant_is_not_searched_as_ovarian_cancer(db):
    make_trial(
        title="Induction for acute lymphoblastic leukaemia",
        inclusion_criteria="Aged 18 or over\nHave undergone hysterectomy or bilateral "
        "oophorectomy; or have medically confirmed ovarian failure",
    )
    assert found("ovarian") == set()
    assert found("lymphoblastic") == {"Induction for acute lymphoblastic leukaemia"}


HER2_POSITIVE_TRIALS = {"Margetuximab for breast cancer", "Trastuzumab after surgery"}


@pytest.fixture
def breast_receptors(db):
    make_trial(
        title="Palbociclib with hormone therapy for early breast cancer",
        inclusion_criteria="HR+/HER2- early breast cancer\nER+ and/or PR+",
    )
    make_trial(
        title="Margetuximab for breast cancer", summary="For HER2+ metastatic breast cancer."
    )
    make_trial(title="Trastuzumab after surgery", summary="For HER-2+ early breast cancer.")
    make_trial(
        title="Pembrolizumab before surgery for breast cancer",
        summary="For triple-negative breast cancer (TNBC).",
    )


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("HER2 positive breast cancer", HER2_POSITIVE_TRIALS),
        ("her2+ breast cancer", HER2_POSITIVE_TRIALS),
        ("HER2-positive", HER2_POSITIVE_TRIALS),
        ("HER-2-positive breast cancer", HER2_POSITIVE_TRIALS),
        ("her 2 positive", HER2_POSITIVE_TRIALS),
        ("HER2 negative breast cancer", {
            "Palbociclib with hormone therapy for early breast cancer",
            "Pembrolizumab before surgery for breast cancer",
        }),
        ("ER positive breast cancer", {"Palbociclib with hormone therapy for early breast cancer"}),
        ("hormone receptor positive", {"Palbociclib with hormone therapy for early breast cancer"}),
        ("triple negative breast cancer", {"Pembrolizumab before surgery for breast cancer"}),
        ("tnbc", {"Pembrolizumab before surgery for breast cancer"}),
    ],
)  # fmt: skip
def test_a_receptor_status_finds_trials_written_with_its_sign_and_not_the_opposite(
    breast_receptors, q, expected
):
    assert found(q) == expected


def test_the_receptor_migration_adds_rows_but_keeps_an_editors_own(db):
    from django.apps import apps

    migration = importlib.import_module(
        "trialfinder.trials.migrations.0021_breast_cancer_receptor_synonyms"
    )
    Synonym.objects.filter(term="her2 positive").delete()
    Synonym.objects.filter(term="triple negative").update(equivalents="tnbc\nbasal-like")
    migration.forwards(apps, None)
    assert "her2 amplified" in Synonym.objects.get(term="her2 positive").equivalents
    assert Synonym.objects.get(term="triple negative").equivalents == "tnbc\nbasal-like"


@pytest.fixture
def named_in_full(db):
    make_trial(title="Temozolomide for glioblastoma")
    make_trial(title="A new drug for GBM that has come back")
    make_trial(title="Olaparib maintenance for ovarian cancer")
    make_trial(title="Ibrutinib for chronic lymphocytic leukaemia")
    make_trial(title="Palbociclib with letrozole for breast cancer")
    make_trial(title="Glofitamab for diffuse large B-cell lymphoma")
    make_trial(title="Sacituzumab govitecan for triple negative breast cancer")
    make_trial(title="Haematopoietic stem cell transplantation for acute myeloid leukaemia")
    make_trial(title="SABR for prostate cancer")
    make_trial(title="Brentuximab for teenagers and young adults with Hodgkin lymphoma")
    make_trial(title="Aspirin after surgery for colorectal cancer")


GLIOBLASTOMA = {"Temozolomide for glioblastoma", "A new drug for GBM that has come back"}


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("GBM", GLIOBLASTOMA),
        ("glioblastoma", GLIOBLASTOMA),
        ("glioblastoma multiforme", GLIOBLASTOMA),
        ("PARP inhibitors", {"Olaparib maintenance for ovarian cancer"}),
        ("BTK inhibitor", {"Ibrutinib for chronic lymphocytic leukaemia"}),
        ("CDK4/6 inhibitor", {"Palbociclib with letrozole for breast cancer"}),
        ("CDK 4/6 inhibitors", {"Palbociclib with letrozole for breast cancer"}),
        ("bispecific antibody", {"Glofitamab for diffuse large B-cell lymphoma"}),
        ("antibody-drug conjugate", {"Sacituzumab govitecan for triple negative breast cancer"}),
        ("Trodelvy", {"Sacituzumab govitecan for triple negative breast cancer"}),
        ("bone marrow transplant", {
            "Haematopoietic stem cell transplantation for acute myeloid leukaemia",
        }),
        ("HSCT", {"Haematopoietic stem cell transplantation for acute myeloid leukaemia"}),
        ("stereotactic radiotherapy", {"SABR for prostate cancer"}),
        ("SBRT", {"SABR for prostate cancer"}),
        ("TYA", {"Brentuximab for teenagers and young adults with Hodgkin lymphoma"}),
        ("CRC", {"Aspirin after surgery for colorectal cancer"}),
        # One way: the drug does not find every trial of its kind, nor the full name its
        # letters (as a key, "colorectal cancer" would be searched as that phrase alone).
        ("olaparib", {"Olaparib maintenance for ovarian cancer"}),
        ("colorectal", {"Aspirin after surgery for colorectal cancer"}),
    ],
)  # fmt: skip
def test_letters_and_kinds_of_drug_find_the_trials_that_name_them_in_full(
    named_in_full, q, expected
):
    assert found(q) == expected


def test_the_abbreviations_migration_adds_rows_but_keeps_an_editors_own(db):
    from django.apps import apps

    migration = importlib.import_module(
        "trialfinder.trials.migrations.0022_abbreviations_drug_kinds_and_brands"
    )
    Synonym.objects.filter(term="PARP inhibitor").delete()
    Synonym.objects.filter(term="GBM").update(equivalents="glioblastoma\nglioma")
    migration.forwards(apps, None)
    assert "olaparib" in Synonym.objects.get(term="PARP inhibitor").equivalents
    assert Synonym.objects.get(term="GBM").equivalents == "glioblastoma\nglioma"
    migration.backwards(apps, None)
    assert not Synonym.objects.filter(term="PARP inhibitor").exists()
    assert Synonym.objects.filter(term="GBM").exists()


@pytest.fixture
def organ_cancers(db):
    make_trial(title="SIRT for liver cancer", conditions=[condition("liver-cancer")])
    make_trial(title="Atezolizumab for advanced hepatocellular carcinoma")
    make_trial(
        title="Venetoclax for acute myeloid leukaemia",
        summary="Some people with this cancer have liver problems during treatment.",
    )
    make_trial(
        title="Teclistamab for myeloma",
        summary="A new drug for this blood cancer.",
        what_is_involved="You have teclistamab as an injection under the skin.",
    )
    make_trial(title="Exercise for people who have had breast, skin or kidney cancer")
    make_trial(title="Imiquimod cream for basal cell carcinoma")


LIVER_CANCER = {"SIRT for liver cancer", "Atezolizumab for advanced hepatocellular carcinoma"}
HAD_CANCER = "Exercise for people who have had breast, skin or kidney cancer"


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("liver cancer", LIVER_CANCER),
        ("cancer of the liver", LIVER_CANCER),
        ("skin cancer", {HAD_CANCER, "Imiquimod cream for basal cell carcinoma"}),
        ("kidney cancer", {HAD_CANCER}),
        ("liver or kidney cancer", {*LIVER_CANCER, HAD_CANCER}),
        # The organ alone still finds every mention of it.
        ("liver", {*LIVER_CANCER, "Venetoclax for acute myeloid leukaemia"}),
    ],
)
def test_a_cancer_named_by_its_organ_is_a_phrase_however_the_trial_words_it(
    organ_cancers, q, expected
):
    assert found(q) == expected


def test_why_this_matched_names_the_side_of_an_or_that_a_trial_matched(client, organ_cancers):
    response = client.get(URL, {"q": "liver or kidney cancer", "status": "any"})
    reasons = {t.title: t.why.reasons for t in response.context["page"].object_list}
    assert reasons["SIRT for liver cancer"] == ["“liver cancer” in the title"]
    assert reasons[HAD_CANCER] == ["“kidney cancer” in the title"]
    # A list of organs names each one's cancer: named as the title writes it.
    response = client.get(URL, {"q": "skin cancer", "status": "any"})
    reasons = {t.title: t.why.reasons for t in response.context["page"].object_list}
    assert reasons[HAD_CANCER] == [
        "“skin cancer” (as “breast, skin or kidney cancer”) in the title"
    ]


def test_the_organ_cancers_migration_adds_rows_but_keeps_an_editors_own(db):
    from django.apps import apps

    migration = importlib.import_module(
        "trialfinder.trials.migrations.0023_cancers_named_by_their_organ"
    )
    Synonym.objects.filter(term="liver cancer").delete()
    Synonym.objects.filter(term="skin cancer").update(equivalents="melanoma")
    migration.forwards(apps, None)
    assert "hepatocellular carcinoma" in Synonym.objects.get(term="liver cancer").equivalents
    assert Synonym.objects.get(term="skin cancer").equivalents == "melanoma"
    migration.backwards(apps, None)
    assert not Synonym.objects.filter(term="liver cancer").exists()
    assert Synonym.objects.filter(term="skin cancer").exists()


@pytest.fixture
def stages_and_relapses(db):
    make_trial(title="Niraparib for ovarian cancer that has come back")
    make_trial(title="Olaparib for relapsed ovarian cancer")
    make_trial(
        title="Surgery for ovarian cancer", summary="You come back to the clinic every 3 months."
    )
    make_trial(title="Capecitabine for stage III bowel cancer")
    make_trial(title="Chemoradiotherapy for locally advanced rectal cancer")
    make_trial(title="Aspirin for stage 1 bowel cancer")


OVARIAN_RELAPSED = {
    "Niraparib for ovarian cancer that has come back",
    "Olaparib for relapsed ovarian cancer",
}


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("recurrent ovarian cancer", OVARIAN_RELAPSED),
        ("relapsed ovarian cancer", OVARIAN_RELAPSED),
        ("ovarian cancer that has come back", OVARIAN_RELAPSED),
        ("stage 3 bowel cancer", {
            "Capecitabine for stage III bowel cancer",
            "Chemoradiotherapy for locally advanced rectal cancer",
        }),
        ("stage three bowel cancer", {
            "Capecitabine for stage III bowel cancer",
            "Chemoradiotherapy for locally advanced rectal cancer",
        }),
    ],
)  # fmt: skip
def test_stages_and_cancer_that_has_come_back_are_found_however_trials_word_them(
    stages_and_relapses, q, expected
):
    assert found(q) == expected


@pytest.fixture
def everyday_words(db):
    make_trial(title="An app to help with fatigue during chemotherapy")
    make_trial(title="Scalp cooling to prevent alopecia")
    make_trial(title="Azacitidine for elderly patients with acute myeloid leukaemia")
    make_trial(title="Laparoscopic surgery for bowel cancer")
    make_trial(title="Total therapy for infants with leukaemia")


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("tiredness", {"An app to help with fatigue during chemotherapy"}),
        ("hair loss", {"Scalp cooling to prevent alopecia"}),
        ("older people", {"Azacitidine for elderly patients with acute myeloid leukaemia"}),
        ("keyhole surgery", {"Laparoscopic surgery for bowel cancer"}),
        ("babies with leukaemia", {"Total therapy for infants with leukaemia"}),
    ],
)
def test_side_effects_and_people_are_found_in_everyday_words(everyday_words, q, expected):
    assert found(q) == expected


def test_the_mesh_heading_for_all_does_not_make_it_a_lymphoma_trial(db):
    make_trial(
        title="Blinatumomab for children with relapsed ALL",
        mesh_terms="Precursor Cell Lymphoblastic Leukemia-Lymphoma\nLeukemia",
    )
    make_trial(title="Mogamulizumab after transplant", mesh_terms="Leukemia-Lymphoma, Adult T-Cell")
    assert found("lymphoma") == {"Mogamulizumab after transplant"}
    assert found("lymphoblastic leukemia") == {"Blinatumomab for children with relapsed ALL"}


def test_why_this_matched_names_the_words_as_the_trial_writes_them(client, stages_and_relapses):
    response = client.get(URL, {"q": "recurrent ovarian cancer", "status": "any"})
    reasons = {t.title: t.why.reasons for t in response.context["page"].object_list}
    assert reasons["Niraparib for ovarian cancer that has come back"] == [
        "“recurrent” (as “has come back”) in the title",
        "“ovarian” in the title",
    ]
    assert reasons["Olaparib for relapsed ovarian cancer"] == [
        "“recurrent” (as “relapsed”) in the title",
        "“ovarian” in the title",
    ]


@pytest.mark.parametrize(
    "q",
    [
        "lung cancer near me",
        "lung cancer nearby",
        "lung cancer trials in my area",
        "local lung cancer trials",
    ],
)
def test_asking_for_trials_near_me_searches_the_other_words(corpus, q):
    assert found(q) == found("lung cancer") != set()


def test_local_is_searched_when_it_is_not_about_where(db):
    make_trial(title="Local anaesthetic for bone marrow biopsies")
    make_trial(title="General anaesthetic for bone marrow biopsies")
    assert found("local anaesthetic") == {"Local anaesthetic for bone marrow biopsies"}


def test_the_page_asks_where_the_visitor_lives_for_trials_near_them(client, corpus):
    html = client.get(URL, {"q": "lung cancer near me"}).content.decode()
    assert (
        "We did not search for the words “near me”. To see the trials with a hospital near"
        " you, choose where you live in the “Where you live” box."
    ) in html
    html = client.get(URL, {"q": "lung cancer near me", "region": "scotland"}).content.decode()
    assert "We did not search for the words" not in html
