import pytest
from django.contrib import admin

from tests.factories import make_trial
from trialfinder.glossary.editor_help import GlossaryHelpMixin, glossary_report, syllables
from trialfinder.glossary.models import GlossaryTerm
from trialfinder.trials.models import Trial

pytestmark = pytest.mark.django_db


class TrialHelpAdmin(GlossaryHelpMixin, admin.ModelAdmin):
    pass


def test_it_counts_syllables_roughly():
    assert syllables("cat") == 1
    assert syllables("hormone") == 2
    assert syllables("immunotherapy") == 6


def test_the_report_lists_glossary_terms_in_order_of_first_use():
    report = glossary_report("You have a CT scan, then a biopsy, then another CT scan.")
    assert [t.slug for t in report["terms"]] == ["ct-scan", "biopsy"]
    assert all(isinstance(t, GlossaryTerm) for t in report["terms"])


def test_the_report_lists_hard_words_without_a_glossary_entry():
    report = glossary_report(
        "Chemotherapy can cause thrombocytopenia. The hospital has a telephone. "
        "You may feel lethargic."
    )
    assert report["hard_words"] == ["thrombocytopenia", "lethargic"]


def test_the_report_counts_words_from_imported_terms_as_hard():
    GlossaryTerm.objects.create(
        term="basal cell carcinoma ultra", slug="bcc-ultra", definition="x", source="NCI"
    )
    assert glossary_report("It was basal.")["hard_words"] == ["basal"]


def test_the_admin_mixin_shows_terms_and_hard_words_for_each_field(rf):
    trial = make_trial(
        summary="This trial tests a TKI.",
        who_can_join="You need measurable disease and adequate haematological function.",
    )
    model_admin = TrialHelpAdmin(Trial, admin.site)
    assert "glossary_help" in model_admin.get_readonly_fields(rf.get("/"), trial)
    html = model_admin.glossary_help(trial)
    tki = GlossaryTerm.objects.get(slug="tyrosine-kinase-inhibitor")
    assert (
        f'<a href="/admin/glossary/glossaryterm/{tki.pk}/change/">tyrosine kinase inhibitor</a>'
        in html
    )
    assert "<h4>Who can join</h4>" in html
    assert "haematological" in html and "adequate" in html
    assert "More about this trial" not in html  # empty fields are left out


def test_the_admin_mixin_escapes_what_editors_wrote():
    trial = make_trial(summary="A <script>x</script> biopsy.")
    html = TrialHelpAdmin(Trial, admin.site).glossary_help(trial)
    assert "<script>" not in html
    assert "biopsy" in html
