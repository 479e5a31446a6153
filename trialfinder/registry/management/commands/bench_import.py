"""python manage.py bench_import [--studies N]: studies/second and peak memory.

Builds N realistic API v2 studies (our test fixtures with fresh NCT IDs and varied
sites), imports them through the real writer, prints the rate and the peak memory,
then deletes what it created (unless --keep).
"""

from __future__ import annotations

import copy
import json
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from trialfinder.registry.models import RegistryRecord
from trialfinder.registry.readers import Item, iter_studies
from trialfinder.registry.writer import Importer
from trialfinder.trials.models import Trial

FIXTURES = Path(__file__).resolve().parents[4] / "tests" / "fixtures" / "ctgov"
FIRST_ID = 98_000_000  # NCT IDs far above real ones, so a bench never meets real data.
SITES = [
    ("St James's University Hospital", "Leeds", "", "LS9 7TF", "United Kingdom"),
    ("The Christie", "Manchester", "", "M20 4BX", "United Kingdom"),
    ("Royal Marsden Hospital", "London", "", "SW3 6JJ", "United Kingdom"),
    ("Beatson West of Scotland Cancer Centre", "Glasgow", "", "G12 0YN", "United Kingdom"),
    ("Velindre Cancer Centre", "Cardiff", "", "CF14 2TL", "United Kingdom"),
    ("MD Anderson Cancer Center", "Houston", "Texas", "77030", "United States"),
    ("Memorial Sloan Kettering", "New York", "New York", "10065", "United States"),
    ("Dana-Farber Cancer Institute", "Boston", "Massachusetts", "02215", "United States"),
    ("Gustave Roussy", "Villejuif", "", "94805", "France"),
    ("Charite", "Berlin", "", "10117", "Germany"),
]


def templates() -> list[dict]:
    found = [i.study for i in iter_studies([FIXTURES]) if i.study]
    if not found:
        raise SystemExit(f"No fixtures found in {FIXTURES}")
    return [s for s in found if "Asthma" not in json.dumps(s)]


def synthetic(count: int) -> Iterator[Item]:
    """Generated lazily, so the benchmark measures the importer's memory, not ours."""
    bases = templates()
    for n in range(count):
        study = copy.deepcopy(bases[n % len(bases)])
        ident = study["protocolSection"]["identificationModule"]
        ident["nctId"] = f"NCT{FIRST_ID + n:08d}"
        ident["orgStudyIdInfo"] = {"id": f"BENCH-{n}"}
        ident["secondaryIdInfos"] = []
        ident["briefTitle"] = f"{ident['briefTitle']} (bench {n})"
        study["protocolSection"]["contactsLocationsModule"]["locations"] = [
            {"facility": f, "city": c, "state": s, "zip": z, "country": k, "status": "RECRUITING"}
            for f, c, s, z, k in (SITES[(n + i) % len(SITES)] for i in range(2 + n % 9))
        ]
        yield Item("bench", f"study {n}", study=study)


class Command(BaseCommand):
    help = "Benchmark import_ctgov on synthetic studies."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--studies", type=int, default=1000)
        parser.add_argument("--keep", action="store_true", help="Keep the imported trials.")

    def handle(self, *args, **options) -> None:
        count = options["studies"]
        self._clean(count)
        importer = Importer()
        started = time.perf_counter()
        result = importer.run(synthetic(count))
        elapsed = time.perf_counter() - started
        # ru_maxrss is KiB on Linux, bytes on macOS.
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        peak_mb = peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
        self.stdout.write(result.summary())
        self.stdout.write(
            f"{count} studies in {elapsed:.2f}s: {count / elapsed:.0f} studies/second; "
            f"peak memory (max RSS) {peak_mb:.0f} MB"
        )
        if not options["keep"]:
            self._clean(count)

    def _clean(self, count: int) -> None:
        ids = [f"NCT{FIRST_ID + n:08d}" for n in range(count)]
        for start in range(0, len(ids), 500):  # SQLite caps query parameters.
            chunk = ids[start : start + 500]
            Trial.objects.filter(registry_record__nct_id__in=chunk).delete()
            RegistryRecord.objects.filter(nct_id__in=chunk).delete()
