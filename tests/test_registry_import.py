"""python manage.py import_ctgov on each input shape, re-imports and editors' work."""

import gzip
import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from trialfinder.registry.models import RegistryRecord
from trialfinder.registry.readers import iter_studies
from trialfinder.registry.writer import Importer
from trialfinder.trials.models import Condition, Publication, Region, Site, Trial

FIXTURES = Path(__file__).parent / "fixtures" / "ctgov"

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out, err = StringIO(), StringIO()
    call_command("import_ctgov", *map(str, args), stdout=out, stderr=err)
    return out.getvalue().strip().splitlines()[-1]


def trial(nct_id: str) -> Trial:
    return Trial.objects.get(registry_record__nct_id=nct_id)


def test_it_imports_a_single_study_object():
    assert run(FIXTURES / "single_study.json").startswith(
        "created 1, updated 0, unchanged 0, skipped (non-cancer) 0, failed 0"
    )
    t = trial("NCT09000001")
    assert t.title == "Imatinib for Soft Tissue Sarcoma"
    assert t.slug == "imatinib-for-soft-tissue-sarcoma-nct09000001"
    assert t.source == "REGISTRY" and t.publication == Publication.PUBLISHED
    assert list(t.conditions.values_list("slug", flat=True)) == ["soft-tissue-sarcoma"]
    assert t.brief_summary.startswith("Registry summary")
    assert t.summary == "" and t.who_can_join == ""
    assert set(t.identifiers.values_list("kind", flat=True)) == {"NCT", "ORG", "EUDRACT"}
    assert t.interventions.get().other_name_list == ["Glivec", "STI571"]


def test_it_puts_sites_in_regions_and_adds_missing_countries():
    run(FIXTURES / "single_study.json", FIXTURES / "page.json")
    regions = dict(Site.objects.values_list("facility", "region__slug"))
    assert regions["St James's University Hospital"] == "yorkshire-and-the-humber"
    assert regions["Western General Hospital"] == "scotland"
    assert regions["Institut Gustave Roussy"] == "france"
    # 'georgia' is the US state, so the country gets its own slug.
    georgia = Region.objects.get(sites__facility="Tbilisi Cancer Centre")
    assert (georgia.name, georgia.slug, georgia.kind, georgia.parent) == (
        "Georgia",
        "georgia-country",
        "COUNTRY",
        None,
    )


def test_it_imports_a_json_array_and_skips_non_cancer_studies():
    assert "created 1, updated 0, unchanged 0, skipped (non-cancer) 1" in run(
        FIXTURES / "array.json"
    )
    assert trial("NCT09000002").phase == "PHASE1_PHASE2"
    assert not RegistryRecord.objects.filter(nct_id="NCT09000003").exists()


def test_all_conditions_keeps_non_cancer_studies():
    out = StringIO()
    call_command("import_ctgov", str(FIXTURES / "array.json"), "--all-conditions", stdout=out)
    assert "created 2" in out.getvalue()


def test_it_imports_an_api_page():
    assert "created 1" in run(FIXTURES / "page.json")
    t = trial("NCT09000004")
    assert list(t.conditions.values_list("slug", flat=True)) == ["acute-myeloid-leukaemia"]
    assert (t.min_age_months, t.max_age_months) == (12, 204)


def test_it_imports_ndjson():
    assert "created 2" in run(FIXTURES / "studies.ndjson")
    assert list(trial("NCT09000005").conditions.values_list("slug", flat=True)) == [
        "non-small-cell-lung-cancer"
    ]


def test_it_imports_gzip_by_its_magic_bytes_whatever_the_name(tmp_path):
    packed = tmp_path / "export.data"
    packed.write_bytes(gzip.compress((FIXTURES / "studies.ndjson").read_bytes()))
    single = tmp_path / "one.json.gz"
    single.write_bytes(gzip.compress((FIXTURES / "single_study.json").read_bytes()))
    assert "created 3" in run(packed, single)


def test_it_imports_every_file_under_a_directory(tmp_path):
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    for name in ["single_study.json", "array.json", "page.json", "studies.ndjson"]:
        shutil.copy(FIXTURES / name, nested if name.endswith("json") else tmp_path)
    shutil.copy(FIXTURES / "legacy.xml", tmp_path / "a")
    assert run(tmp_path).startswith(
        "created 6, updated 0, unchanged 0, skipped (non-cancer) 1, failed 0"
    )


def test_it_imports_legacy_xml():
    assert "created 1" in run(FIXTURES / "legacy.xml")
    t = trial("NCT09000009")
    assert (t.status, t.phase, t.min_age_months, t.max_age_months) == (
        "ACTIVE_NOT_RECRUITING",
        "PHASE2_PHASE3",
        6,
        None,
    )
    assert str(t.start_date) == "2015-08-01" and t.end_date_is_estimate
    assert t.brief_summary == "Registry summary of a glioblastoma trial\nwrapped over two lines."
    assert t.inclusion_list == ["Aged 6 months or older"]
    assert t.exclusion_list == ["Previous radiotherapy to the brain"]
    assert list(t.conditions.values_list("slug", flat=True)) == ["brain-tumours"]
    assert t.sites.get().region.slug == "west-midlands"
    assert t.chief_investigator == "Dr Brian Example"


def test_an_identical_re_import_is_unchanged_and_writes_nothing(django_assert_max_num_queries):
    run(FIXTURES / "single_study.json")
    before = Trial.objects.values("updated").get()
    # Lookup tables load once per run: a handful of queries, and none of them writes.
    with django_assert_max_num_queries(11) as captured:
        summary = run(FIXTURES / "single_study.json")
    writes = [
        q["sql"]
        for q in captured.captured_queries
        if q["sql"].startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
    assert summary.startswith("created 0, updated 0, unchanged 1")
    assert Trial.objects.values("updated").get() == before


def _newer(tmp_path: Path, **changes) -> Path:
    study = json.loads((FIXTURES / "single_study.json").read_text())
    study["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"] = "2025-01-01"
    study["protocolSection"]["statusModule"].update(changes)
    path = tmp_path / "newer.json"
    path.write_text(json.dumps(study))
    return path


def test_an_update_keeps_editor_fields_publication_and_slug(tmp_path):
    run(FIXTURES / "single_study.json")
    t = trial("NCT09000001")
    t.summary = "Plain words by an editor."
    t.who_can_join = "Adults with sarcoma."
    t.publication = Publication.DRAFT
    t.slug = "editor-slug"
    t.title = "A trial of imatinib for sarcoma"
    t.save()

    assert "updated 1" in run(_newer(tmp_path, overallStatus="COMPLETED"))
    t.refresh_from_db()
    assert t.status == "COMPLETED"
    assert t.summary == "Plain words by an editor."
    assert t.who_can_join == "Adults with sarcoma."
    assert t.publication == Publication.DRAFT
    assert t.slug == "editor-slug"
    assert t.title == "A trial of imatinib for sarcoma"
    assert t.registry_record.registry_status == "COMPLETED"
    assert t.sites.count() == 3  # Replaced, not added to.


def test_an_update_keeps_cancer_types_an_editor_changed(tmp_path):
    run(FIXTURES / "single_study.json")
    t = trial("NCT09000001")
    t.conditions.set([Condition.objects.get(slug="bone-sarcoma")])
    run(_newer(tmp_path, overallStatus="SUSPENDED"))
    assert list(t.conditions.values_list("slug", flat=True)) == ["bone-sarcoma"]


def test_an_update_refreshes_cancer_types_nobody_edited(tmp_path):
    run(FIXTURES / "single_study.json")
    study = json.loads(_newer(tmp_path).read_text())
    study["protocolSection"]["conditionsModule"]["conditions"] = ["Osteosarcoma"]
    study["derivedSection"]["conditionBrowseModule"]["meshes"] = []
    (tmp_path / "newer.json").write_text(json.dumps(study))
    run(tmp_path / "newer.json")
    t = trial("NCT09000001")
    assert list(t.conditions.values_list("slug", flat=True)) == ["bone-sarcoma"]
    assert t.registry_record.imported_condition_ids == [t.conditions.get().pk]


def test_an_older_copy_does_not_replace_newer_data(tmp_path):
    run(_newer(tmp_path, overallStatus="COMPLETED"))
    assert "unchanged 1" in run(FIXTURES / "single_study.json")
    assert trial("NCT09000001").status == "COMPLETED"


def test_a_malformed_study_is_reported_skipped_and_fails_the_run(tmp_path):
    good = (FIXTURES / "studies.ndjson").read_text().splitlines()[0]
    bad = json.loads(good)
    bad["protocolSection"]["identificationModule"]["nctId"] = "NCT09999999"
    bad["protocolSection"]["eligibilityModule"].update(minimumAge="70 Years", maximumAge="18 Years")
    no_id = json.loads(good)
    del no_id["protocolSection"]["identificationModule"]["nctId"]
    path = tmp_path / "mixed.ndjson"
    path.write_text("\n".join([good, json.dumps(bad), json.dumps(no_id), "{not json"]))

    err = StringIO()
    with pytest.raises(CommandError, match="3 studies failed"):
        call_command("import_ctgov", str(path), stdout=StringIO(), stderr=err)
    report = err.getvalue()
    assert f"{path} (line 2) NCT09999999: minimum age" in report
    assert f"{path} (line 3): missing nctId" in report
    assert f"{path} (line 4): invalid JSON" in report
    assert list(RegistryRecord.objects.values_list("nct_id", flat=True)) == ["NCT09000005"]
    assert not Trial.objects.filter(identifiers__value="NCT09999999").exists()


def test_a_study_the_database_refuses_leaves_nothing_half_written(tmp_path, monkeypatch):
    from trialfinder.registry import writer

    def explode(*args, **kwargs):
        raise writer.DatabaseError("disk full")

    monkeypatch.setattr(writer.Importer, "_write_interventions", explode)
    with pytest.raises(CommandError):
        call_command(
            "import_ctgov",
            str(FIXTURES / "single_study.json"),
            stdout=StringIO(),
            stderr=StringIO(),
        )
    assert not Trial.objects.exists() and not Site.objects.exists()


def test_draft_keeps_new_trials_unpublished_and_records_the_choice():
    out = StringIO()
    call_command("import_ctgov", str(FIXTURES / "single_study.json"), "--draft", stdout=out)
    t = trial("NCT09000001")
    assert t.publication == Publication.DRAFT
    assert t.registry_record.imported_as_draft


def test_it_adopts_an_editors_trial_with_the_same_nct_id(sarcoma):
    from tests.factories import make_trial

    mine = make_trial(
        title="Our own page", summary="Editor text", conditions=[sarcoma],
        identifiers={"NCT": "NCT09000001"},
    )  # fmt: skip
    assert "created 1" in run(FIXTURES / "single_study.json")
    mine.refresh_from_db()
    assert (mine.title, mine.summary, mine.source) == ("Our own page", "Editor text", "REGISTRY")
    assert list(mine.conditions.all()) == [sarcoma]
    assert mine.registry_record.nct_id == "NCT09000001"
    assert Trial.objects.count() == 1


def test_odd_numbers_in_a_study_fail_that_study_only(tmp_path):
    good = json.loads((FIXTURES / "single_study.json").read_text())
    odd = json.loads((FIXTURES / "single_study.json").read_text())
    odd["protocolSection"]["identificationModule"]["nctId"] = "NCT09999998"
    odd["protocolSection"]["designModule"]["enrollmentInfo"]["count"] = "²"
    huge = json.loads((FIXTURES / "single_study.json").read_text())
    huge["protocolSection"]["identificationModule"]["nctId"] = "NCT09999997"
    huge["protocolSection"]["designModule"]["enrollmentInfo"]["count"] = 2**40
    path = tmp_path / "odd.json"
    path.write_text(json.dumps([odd, huge, good]))
    importer = Importer()
    result = importer.run(iter_studies([path]))
    assert result.counts["created"] == 1, (result.summary(), result.failures)
    assert result.counts["failed"] == 2
    assert {f.nct_id for f in result.failures} == {"NCT09999998", "NCT09999997"}
