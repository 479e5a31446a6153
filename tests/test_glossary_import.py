from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from trialfinder.glossary.models import NCI_ATTRIBUTION, GlossaryTerm

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures" / "glossary"
SHARED_GLOSSARY = Path(__file__).resolve().parents[2] / "shared" / "data" / "glossary"


def run_import(path: Path) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_glossary", str(path), "--format", "nci", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_imports_nci_terms_from_csv_and_reports_counts():
    out, err = run_import(FIXTURES / "nci_small.csv")
    assert "Created 2, updated 0, skipped 2 written by our team" in out
    assert "skipped 1 bad rows" in out
    assert "Skipped line 5: no term" in err
    term = GlossaryTerm.objects.get(slug="fibromatosis")
    assert term.source == GlossaryTerm.Source.NCI
    assert term.attribution == NCI_ATTRIBUTION
    assert "PDQ" not in term.attribution


def test_it_never_overwrites_our_terms_matched_by_slug_or_text():
    ours = {
        t.slug: t.definition for t in GlossaryTerm.objects.filter(slug__in=["biopsy", "placebo"])
    }
    run_import(FIXTURES / "nci_small.csv")
    for slug, definition in ours.items():
        term = GlossaryTerm.objects.get(slug=slug)
        assert term.definition == definition
        assert term.source == GlossaryTerm.Source.OURS


def test_it_updates_nci_terms_from_jsonl_preferring_the_patient_definition():
    run_import(FIXTURES / "nci_small.csv")
    out, err = run_import(FIXTURES / "nci_small.jsonl")
    assert "Created 1, updated 1, skipped 1 written by our team" in out
    assert "skipped 2 bad rows" in out
    assert "not valid JSON" in err and "no definition" in err
    assert GlossaryTerm.objects.get(slug="fibromatosis").definition == (
        "An updated definition of fibromatosis."
    )
    assert GlossaryTerm.objects.get(slug="chemotherapy").source == GlossaryTerm.Source.OURS
    assert GlossaryTerm.objects.filter(slug="abt-751").exists()


def test_importing_twice_updates_instead_of_duplicating():
    run_import(FIXTURES / "nci_small.csv")
    out, _ = run_import(FIXTURES / "nci_small.csv")
    assert "Created 0, updated 2" in out
    assert GlossaryTerm.objects.filter(term__iexact="fibromatosis").count() == 1


def test_imported_terms_are_marked_in_text_straight_away():
    from trialfinder.glossary.marking import mark_terms

    assert "glossary-term" not in mark_terms("<p>fibromatosis</p>")
    run_import(FIXTURES / "nci_small.csv")
    assert 'data-term="fibromatosis"' in mark_terms("<p>fibromatosis</p>")


def test_it_reports_progress_on_stderr(tmp_path):
    path = tmp_path / "many.csv"
    rows = "".join(
        f"CDR{n},term number {n},Definition {n}.,Cancer.gov,Patient,2007\n" for n in range(5)
    )
    path.write_text("cdr_id,term,definition,dictionary,audience,date_last_modified\n" + rows)
    err = StringIO()
    call_command(
        "import_glossary",
        str(path),
        "--format",
        "nci",
        "--progress-every",
        "2",
        stdout=StringIO(),
        stderr=err,
    )
    assert "4 rows read" in err.getvalue()


@pytest.mark.shared_data
@pytest.mark.skipif(not SHARED_GLOSSARY.exists(), reason="needs ../shared/data")
def test_it_imports_the_real_nci_dictionary():
    out, _ = run_import(SHARED_GLOSSARY / "nci_dictionary_of_cancer_terms_2016_patient_en.csv")
    assert GlossaryTerm.objects.filter(source=GlossaryTerm.Source.NCI).count() > 7000
    assert "skipped 0 bad rows" in out
    assert GlossaryTerm.objects.get(slug="biopsy").source == GlossaryTerm.Source.OURS
