"""The search benchmark (manage.py bench_search) runs end to end at a small scale and
reports every class of search it promises: its figures are what the speed targets of
the search are judged by, so a broken benchmark must fail the suite."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import call_command

from trialfinder.trials.models import Trial

CLASSES = ["words", "filters", "id", "typo", "broad", "deep page", "lookup", "phone", "PUBLIC"]


@pytest.mark.django_db
def test_it_generates_the_trials_it_needs_and_reports_every_class(settings):
    settings.RATE_LIMIT_SEARCH_REQUESTS = 0
    out = StringIO()
    call_command("bench_search", trials=30, repeat=1, stdout=out)
    report = out.getvalue()
    assert Trial.objects.published().count() >= 30
    for label in CLASSES:
        row = re.search(rf"^{label}\s+(\d+)\s+([\d.]+)ms.*?\s(\d+)\s+([\d.]+)\s", report, re.M)
        assert row, f"no row for {label}:\n{report}"
        requests, view_p50, queries, ratio = row.groups()
        assert int(requests) > 0 and float(view_p50) > 0 and float(ratio) > 0
    public_queries = int(re.search(r"^PUBLIC.*?ms\s+(\d+)\s+[\d.]+\s", report, re.M).group(1))
    assert 1 <= public_queries <= 8
    assert re.search(r"public searches in turn \(\d+ requests", report)
    assert re.search(r"page cache hits .* 0 queries", report)
