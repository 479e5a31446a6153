import re

import pytest
from django.template import Context, Template

from trialfinder.glossary.marking import mark_terms
from trialfinder.glossary.models import GlossaryTerm
from trialfinder.text import render_markdown

pytestmark = pytest.mark.django_db


def marked(html: str) -> list[tuple[str, str]]:
    """(slug, matched text) for each marked term, in order."""
    return re.findall(r'class="glossary-term" href="[^"]*" data-term="([^"]+)">([^<]*)</a>', html)


def mark(markdown: str, seen: set[str] | None = None) -> str:
    return mark_terms(render_markdown(markdown), seen)


def test_it_renders_a_term_as_a_real_link_with_a_hidden_definition():
    html = mark("You will need a biopsy.")
    assert '<a class="glossary-term" href="/glossary/biopsy/" data-term="biopsy">biopsy</a>' in html
    assert '<span class="glossary-def" id="gl-def-biopsy-1" hidden>' in html
    assert "small sample of tissue" in html
    assert 'href="/glossary/biopsy/">More about biopsy</a>' in html
    assert html.startswith("<p>") and html.endswith("</p>\n")


def test_it_marks_the_longest_match_first():
    assert marked(mark("A soft tissue sarcoma trial.")) == [
        ("soft-tissue-sarcoma", "soft tissue sarcoma")
    ]


def test_it_prefers_the_longer_term_when_terms_overlap():
    html = mark("Imatinib is a tyrosine kinase inhibitor. A tyrosine kinase is an enzyme.")
    assert marked(html) == [
        ("imatinib", "Imatinib"),
        ("tyrosine-kinase-inhibitor", "tyrosine kinase inhibitor"),
        ("tyrosine-kinase", "tyrosine kinase"),
        ("enzyme", "enzyme"),
    ]


def test_it_marks_variants_abbreviations_and_us_spellings():
    html = mark("Tumors may shrink with a TKI. You have radiation therapy.")
    assert marked(html) == [
        ("tumour", "Tumors"),
        ("tyrosine-kinase-inhibitor", "TKI"),
        ("radiotherapy", "radiation therapy"),
    ]


def test_it_marks_simple_plurals_of_terms():
    assert marked(mark("Two biopsies and several cohorts.")) == [
        ("biopsy", "biopsies"),
        ("cohort", "cohorts"),
    ]


def test_it_is_case_insensitive_for_words():
    assert marked(mark("CHEMOTHERAPY and Placebo")) == [
        ("chemotherapy", "CHEMOTHERAPY"),
        ("placebo", "Placebo"),
    ]


def test_it_matches_abbreviations_only_in_capitals():
    assert marked(mark("The ct value is gp. Then a CT.")) == [("ct-scan", "CT")]


def test_it_matches_whole_words_only():
    assert marked(mark("Overdosed, rearmed, stages2, doseX")) == []


def test_it_matches_a_term_split_over_a_line_break():
    assert marked(mark("This is a phase\n2 trial.")) == [("phase-2", "phase\n2 trial")]


def test_it_marks_only_the_first_occurrence():
    assert marked(mark("A biopsy, then another biopsy.")) == [("biopsy", "biopsy")]


def test_it_marks_the_first_occurrence_across_fields_of_a_page():
    seen: set[str] = set()
    first = mark("You need a biopsy.", seen)
    second = mark("After the biopsy you have a CT scan.", seen)
    assert marked(first) == [("biopsy", "biopsy")]
    assert marked(second) == [("ct-scan", "CT scan")]
    assert seen == {"biopsy", "ct-scan"}
    assert 'id="gl-def-ct-scan-2"' in second


def test_it_gives_the_same_answer_from_its_cache():
    seen_a: set[str] = set()
    seen_b: set[str] = set()
    assert mark("A biopsy.", seen_a) == mark("A biopsy.", seen_b)
    assert seen_a == seen_b == {"biopsy"}


def test_it_never_marks_inside_links_or_headings():
    html = mark("## Biopsy results\n\nSee [the biopsy page](https://example.org/).\n\nA placebo.")
    assert marked(html) == [("placebo", "placebo")]
    assert "<h4>Biopsy results</h4>" in html


def test_it_never_marks_inside_an_already_marked_term():
    once = mark("A soft tissue sarcoma.")
    assert mark_terms(once) == once


def test_it_escapes_a_definition_containing_script():
    GlossaryTerm.objects.create(
        term="zebrafish",
        slug="zebrafish",
        definition='<script>alert("x")</script> & <b>bold</b>',
        variants="<img src=x onerror=alert(1)>",
    )
    html = mark("A zebrafish.")
    assert "<script>" not in html and "<b>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in html


def test_it_keeps_escaped_text_escaped():
    html = mark_terms("<p>Use &lt;script&gt; and 5 &lt; 6 &amp; a biopsy</p>")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html and "5 &lt; 6 &amp; a" in html


def test_it_sees_glossary_changes_straight_away():
    assert marked(mark("A zebrafish.")) == []
    GlossaryTerm.objects.create(term="zebrafish", slug="zebrafish", definition="A fish.")
    assert marked(mark("A zebrafish.")) == [("zebrafish", "zebrafish")]
    GlossaryTerm.objects.filter(slug="zebrafish").get().delete()
    assert marked(mark("A zebrafish.")) == []


def test_it_skips_terms_editors_asked_not_to_link():
    GlossaryTerm.objects.filter(slug="biopsy").update(mark_in_text=False)
    GlossaryTerm.objects.get(slug="placebo").save()  # any save refreshes the matcher
    assert marked(mark("A biopsy.")) == []


def test_the_template_tag_marks_each_term_once_per_page():
    template = Template(
        "{% load glossary %}{% glossary_mark first %}|{% glossary_mark second %}"
        "|{% for f in more %}{% glossary_mark f %}{% endfor %}"
    )
    html = template.render(
        Context(
            {
                "first": render_markdown("A biopsy."),
                "second": render_markdown("Another biopsy and a placebo."),
                "more": [render_markdown("A placebo and a CT scan.")],
            }
        )
    )
    assert marked(html) == [("biopsy", "biopsy"), ("placebo", "placebo"), ("ct-scan", "CT scan")]


def test_the_template_tag_escapes_plain_strings():
    template = Template("{% load glossary %}{% glossary_mark text %}")
    html = template.render(Context({"text": "<b>biopsy</b>"}))
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert marked(html) == [("biopsy", "biopsy")]
