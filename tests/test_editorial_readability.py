"""Issue 6: readability figures for the plain-language fields, shown on the change page."""

import pytest
from django.urls import reverse

from tests.factories import make_trial
from trialfinder.staff.editorial import readability

SIMPLE = "The cat sat on the mat. We give you a new drug. You take it once a day."
JARGON = (
    "Participants with histologically confirmed metastatic adenocarcinoma refractory to "
    "fluoropyrimidine-based chemotherapy will receive intravenous immunotherapy "
    "administered concurrently with stereotactic radiotherapy, subject to satisfactory "
    "haematological, hepatic and renal biochemical parameters."
)


def test_a_simple_text_has_a_low_grade_and_high_reading_ease():
    figures = readability(SIMPLE)
    assert figures.sentences == 3 and figures.words == 18
    assert figures.grade < 8 and not figures.too_hard
    assert figures.reading_ease > 80


def test_a_jargon_heavy_text_is_above_grade_twelve():
    figures = readability(JARGON)
    assert figures.grade > 12 and figures.too_hard
    assert figures.reading_ease < 30


def test_list_items_and_markdown_links_count_as_plain_sentences():
    text = "You can join if:\n\n- you are 18 or over\n- you have [sarcoma](https://x.org/a-b-c)"
    figures = readability(text)
    assert figures.sentences == 3
    assert figures.words == 12  # the link's address is not read


def test_text_without_words_has_no_figures():
    assert readability("") is None
    assert readability("  - \n") is None


@pytest.mark.django_db
def test_the_change_page_shows_figures_and_a_warning_for_each_plain_field(staff_client):
    trial = make_trial(summary=SIMPLE, who_can_join=JARGON)
    html = staff_client.get(reverse("admin:trials_trial_change", args=[trial.pk])).content
    html = html.decode()
    assert html.count("Reading ease:") == 2
    assert html.count("Harder than reading grade 8") == 1
    assert "Hard words with no glossary entry:" in html
