from datetime import date

import pytest
from django.urls import reverse

from tests.factories import make_trial
from trialfinder.glossary.models import GlossaryTerm
from trialfinder.glossary.starter import TERMS, load_starter_glossary
from trialfinder.trials.models import Publication

pytestmark = pytest.mark.django_db


def test_the_starter_glossary_loads_on_migrate():
    assert GlossaryTerm.objects.filter(source=GlossaryTerm.Source.OURS).count() >= 80
    tki = GlossaryTerm.objects.get(slug="tyrosine-kinase-inhibitor")
    assert {"TKI", "TKIs", "tyrosine kinase inhibitors"} <= set(tki.variant_list)
    assert tki.attribution == "Written by the trialfinder team"
    assert tki.related.filter(slug="imatinib").exists()
    assert GlossaryTerm.objects.get(slug="imatinib").related.filter(pk=tki.pk).exists()


def test_loading_the_starter_glossary_again_never_overwrites_edits():
    GlossaryTerm.objects.filter(slug="biopsy").update(definition="Edited by an editor.")
    assert load_starter_glossary(GlossaryTerm) == 0
    assert GlossaryTerm.objects.get(slug="biopsy").definition == "Edited by an editor."
    assert GlossaryTerm.objects.filter(source=GlossaryTerm.Source.OURS).count() == len(TERMS)


def test_it_has_a_readable_str_and_url():
    term = GlossaryTerm.objects.get(slug="ct-scan")
    assert str(term) == "CT scan"
    assert term.get_absolute_url() == "/glossary/ct-scan/"


def test_the_index_lists_terms_by_letter(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        response = client.get(reverse("glossary:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1>") == 1
    assert '<a href="#letter-B">B</a>' in html
    assert '<h2 id="letter-B">B</h2>' in html
    assert '<a href="/glossary/biopsy/">biopsy</a>' in html


def test_the_index_shows_letters_without_terms_but_does_not_link_them(client):
    html = client.get(reverse("glossary:index")).content.decode()
    assert '<span aria-disabled="true">X</span>' in html
    assert 'href="#letter-X"' not in html


def test_the_index_query_count_does_not_grow_with_the_glossary(
    client, django_assert_max_num_queries
):
    GlossaryTerm.objects.bulk_create(
        GlossaryTerm(term=f"extra term {n}", slug=f"extra-term-{n}", definition="x")
        for n in range(200)
    )
    with django_assert_max_num_queries(3):
        assert client.get(reverse("glossary:index")).status_code == 200


def test_search_finds_terms_by_name_variant_and_definition(client):
    by_variant = client.get(reverse("glossary:index"), {"q": "tumor"})
    assert 'href="/glossary/tumour/"' in by_variant.content.decode()
    by_definition = client.get(reverse("glossary:index"), {"q": "MAGNETS"})
    assert 'href="/glossary/mri-scan/"' in by_definition.content.decode()
    assert 'href="/glossary/biopsy/"' not in by_definition.content.decode()


def test_search_says_clearly_when_nothing_matches(client):
    response = client.get(reverse("glossary:index"), {"q": "xyzzy"})
    assert response.status_code == 200
    assert "We could not find any terms matching “xyzzy”" in response.content.decode()


@pytest.mark.parametrize("q", ["\x00", "a" * 5000, "%_%", "<script>alert(1)</script>", "  "])
def test_search_never_fails_on_odd_input(client, q):
    response = client.get(reverse("glossary:index"), {"q": q})
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.content.decode()


def test_the_term_page_shows_the_whole_entry(client):
    term = GlossaryTerm.objects.get(slug="tyrosine-kinase-inhibitor")
    term.explanation = "A longer explanation."
    term.last_reviewed = date(2025, 3, 1)
    term.save()
    response = client.get(term.get_absolute_url())
    html = response.content.decode()
    assert html.count("<h1>") == 1
    assert "<h1>tyrosine kinase inhibitor</h1>" in html
    assert "A longer explanation." in html
    assert "Also called" in html and "<li>TKI</li>" in html
    assert '<a href="/glossary/imatinib/">imatinib</a>' in html
    assert "Written by the trialfinder team" in html
    assert "Last reviewed 1 March 2025" in html


def test_the_term_page_lists_only_published_trials_that_use_the_term(client):
    by_variant = make_trial(title="Imatinib for sarcoma", summary="Imatinib is a TKI.")
    by_title = make_trial(title="A tyrosine kinase inhibitor trial")
    draft = make_trial(title="Draft TKI trial", publication=Publication.DRAFT)
    unrelated = make_trial(title="Actually about CTLA4", summary="Nothing to see.")
    html = client.get("/glossary/tyrosine-kinase-inhibitor/").content.decode()
    assert by_variant.get_absolute_url() in html
    assert by_title.get_absolute_url() in html
    assert draft.get_absolute_url() not in html
    assert unrelated.get_absolute_url() not in html


def test_the_term_page_matches_whole_words_only(client):
    trial = make_trial(title="Actual findings", summary="factual")
    assert trial.get_absolute_url() not in client.get("/glossary/ct-scan/").content.decode()


def test_an_unknown_term_is_a_404(client):
    assert client.get("/glossary/no-such-term/").status_code == 404


def test_the_admin_lists_and_searches_terms(staff_client):
    response = staff_client.get("/admin/glossary/glossaryterm/", {"q": "TKI"})
    assert response.status_code == 200
    assert "tyrosine kinase inhibitor" in response.content.decode()
    assert staff_client.get("/admin/glossary/glossaryterm/add/").status_code == 200
