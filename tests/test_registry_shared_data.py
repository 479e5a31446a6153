"""Import every real ClinicalTrials.gov file in ../shared/data/ctgov (when present)."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from trialfinder.registry.models import RegistryRecord
from trialfinder.trials.models import Trial

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "ctgov"

pytestmark = [
    pytest.mark.shared_data,
    pytest.mark.django_db,
    pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data/ctgov is not here"),
]


def run(*paths) -> str:
    out = StringIO()
    call_command("import_ctgov", *map(str, paths), stdout=out, stderr=StringIO())
    return out.getvalue().strip().splitlines()[-1]


def test_every_shared_file_imports_without_failures_and_then_is_unchanged():
    first = run(SHARED)
    assert first.startswith(
        "created 186, updated 0, unchanged 3, skipped (non-cancer) 109, failed 0"
    ), first

    pallas = Trial.objects.get(registry_record__nct_id="NCT02513394")
    assert pallas.acronym == "PALLAS"
    assert pallas.sites.count() == 437
    assert list(pallas.conditions.values_list("slug", flat=True)) == ["breast-cancer"]
    assert pallas.sites.filter(region__kind="US_STATE").count() > 100

    # Asthma studies are not cancer and are skipped.
    asthma_ids = ["NCT00410098"]
    assert not RegistryRecord.objects.filter(nct_id__in=asthma_ids).exists()

    second = run(SHARED)
    assert second.startswith(
        "created 0, updated 0, unchanged 189, skipped (non-cancer) 109, failed 0"
    ), second


def test_child_ages_in_the_aact_edge_cases_are_read_in_months():
    from trialfinder.registry.mapping import map_study
    from trialfinder.registry.readers import iter_studies

    ages = {
        item.study["protocolSection"]["identificationModule"]["nctId"]: map_study(item.study)
        for item in iter_studies([SHARED / "v2" / "aact_edge_cases"])
    }
    children = [d for d in ages.values() if (d.min_age_months, d.max_age_months) == (60, 96)]
    assert children, "expected a 5-8 Years study"
    # None of these edge cases is about cancer: all skipped, none failed.
    assert run(SHARED / "v2" / "aact_edge_cases").startswith(
        "created 0, updated 0, unchanged 0, skipped (non-cancer) 12, failed 0"
    )


def test_every_asthma_study_is_skipped_as_non_cancer():
    assert run(SHARED / "v2" / "asthma_10.json").startswith(
        "created 0, updated 0, unchanged 0, skipped (non-cancer) 10, failed 0"
    )
