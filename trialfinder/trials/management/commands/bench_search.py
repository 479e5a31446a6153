"""Benchmark the public search at registry scale.

Runs a fixed mix of realistic searches through the full Django view (URL routing,
FilterSet, facets, template) and through the bare SQL those requests issued, and prints
p50/p95 server time, queries per request and the view/SQL ratio for each class. Then
the public searches again, each in turn as a busy server sees them (a cache too small to
hold them all shows here), and repeats answered by the anonymous page cache.

    DEBUG=true python manage.py bench_search --trials 100000
"""

from __future__ import annotations

import random
import statistics
import time
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from trialfinder.trials import synthetic
from trialfinder.trials.models import Trial, TrialIdentifier

WORDS = [
    "breast", "lung cancer", "bowel cancer", "imatinib", "Glivec", "immunotherapy",
    "radiotherapy", "melanoma", "blood cancer", "NSCLC", "leukemia", "prostate",
    "pembrolizumab", "womb cancer", '"soft tissue" sarcoma',
]  # fmt: skip
FILTERS = [
    {"cancer_type": "breast-cancer", "age": "52", "region": "yorkshire-and-the-humber"},
    {"cancer_type": "lung-cancer", "age": "67", "region": "london"},
    {"cancer_type": "leukaemia", "age": "8", "region": "england"},
    {"cancer_type": "bowel-cancer", "age": "72", "region": "north-west", "sex": "FEMALE"},
    {"cancer_type": "sarcoma", "age": "35", "region": "scotland", "status": "any"},
    {"cancer_type": "myeloma", "age": "60", "region": "united-states"},
]
TYPOS = ["sarcomma", "lukemia", "imatinab", "brest cancer", "melanomma"]
BROAD = ["cancer", "treatment", "chemotherapy", "advanced", "trial of a new drug"]
DEEP = [
    {"page": "50"},
    {"q": "cancer", "page": "200"},
    {"status": "any", "page": "500"},
    {"q": "chemotherapy", "status": "any", "page": "100"},
]


STAFF_CLASSES = {"lookup", "phone"}


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def _get(browser: Client, url: str):
    """The response the visitor reads: a misspelt search is sent on to its spelling fix,
    and both requests are the search's time. (A trial number's redirect leads to the
    trial's page, not a results page: that one is not followed.)"""
    response = browser.get(url, secure=True)
    if response.status_code == 302 and response["Location"].startswith("/trials/?"):
        response = browser.get(response["Location"], secure=True)
    return response


class Command(BaseCommand):
    help = "Benchmark /trials/ searches (view and bare SQL) at scale."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--trials", type=int, default=100_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--repeat", type=int, default=5, help="timed runs per search")

    def handle(self, *args, trials: int, seed: int, repeat: int, **options) -> None:
        # generate() makes trials 1..count of a seed (a few are drafts) and skips those
        # already there, so ask for more until enough are published.
        count = Trial.objects.filter(slug__startswith=synthetic.slug_for(seed, 0)[:-1]).count()
        while (published := Trial.objects.published().count()) < trials:
            count += int((trials - published) * 1.1) + 1
            self.stdout.write(f"{published} published trials; generating up to {count}")
            synthetic.generate(count, seed=seed, stdout=self.stdout)
        mix = self._mix(seed)
        self.stdout.write(
            f"{Trial.objects.published().count()} published trials, "
            f"{connection.vendor}, {len(mix)} searches x {repeat} runs\n"
        )
        # Each URL's queries, captured once: what its SQL-only timings replay.
        self._queries: dict[str, list[dict]] = {}
        client = Client(HTTP_HOST="localhost")
        staff = Client(HTTP_HOST="localhost")
        staff.force_login(self._staff_user())
        # The search itself is measured: the anonymous page cache would answer every
        # repeat of a URL without running it. Its hits are measured on their own below.
        with override_settings(PAGE_CACHE_SECONDS=0):
            results = self._run(mix, client, staff, repeat)
            # Each search in turn, as a busy server sees them: what one search cached
            # must survive the others (the per-process cache once evicted it).
            public = [(label, url) for label, url in mix if label not in STAFF_CLASSES]
            mixed = self._run_mixed(public, client, repeat)
        with override_settings(PAGE_CACHE_SECONDS=600):
            cached = self._run(
                [("page hit", url) for _label, url in mix[:10]], client, staff, repeat
            )
        self._report(results)
        self._report_mixed(mixed)
        self._report_cached(cached["page hit"])

    def _run(self, mix, client, staff, repeat: int) -> dict[str, dict[str, list]]:
        results: dict[str, dict[str, list]] = {}
        for label, url in mix:
            browser = staff if url.startswith("/staff/") else client
            # The first request of a search computes and caches its facet counts.
            started = time.perf_counter()
            _get(browser, url)
            cold_ms = (time.perf_counter() - started) * 1000
            row = results.setdefault(label, {"view": [], "sql": [], "queries": [], "cold": []})
            row["cold"].append(cold_ms)
            # One request with its SQL captured, untimed: capturing formats and logs
            # every query, which is the benchmark's cost, not the view's.
            reset_queries()
            with CaptureQueriesContext(connection) as captured:
                response = _get(browser, url)
            if response.status_code not in (200, 302):
                raise RuntimeError(f"{url} answered {response.status_code}")
            # A copy: every request starts by clearing the connection's query log.
            queries = list(captured.captured_queries)
            self._queries[url] = queries
            for _ in range(repeat):
                started = time.perf_counter()
                _get(browser, url)
                row["view"].append((time.perf_counter() - started) * 1000)
                row["sql"].append(self._replay(queries))
                row["queries"].append(len(queries))
        return results

    def _run_mixed(self, mix, client, repeat: int) -> dict[str, list]:
        row = {"view": [], "sql": []}
        for _ in range(repeat):
            for _label, url in mix:
                started = time.perf_counter()
                _get(client, url)
                row["view"].append((time.perf_counter() - started) * 1000)
                row["sql"].append(self._replay(self._queries[url]))
        return row

    def _report_mixed(self, row: dict[str, list]) -> None:
        ratio = statistics.median(
            v / max(s, 0.01) for v, s in zip(row["view"], row["sql"], strict=True)
        )
        self.stdout.write(
            f"\npublic searches in turn ({len(row['view'])} requests, each search after all"
            f" the others): view p50 {_percentile(row['view'], 50):.1f}ms, "
            f"p95 {_percentile(row['view'], 95):.1f}ms, view/sql {ratio:.2f}"
        )

    def _report_cached(self, row: dict[str, list]) -> None:
        self.stdout.write(
            f"\npage cache hits (anonymous repeats of {len(row['cold'])}"
            f" searches, cache on): p50 {_percentile(row['view'], 50):.1f}ms, "
            f"p95 {_percentile(row['view'], 95):.1f}ms, {max(row['queries'])} queries"
        )

    def _mix(self, seed: int) -> list[tuple[str, dict]]:
        rng = random.Random(seed)
        ids = list(
            TrialIdentifier.objects.filter(trial__publication="PUBLISHED")
            .order_by("pk")
            .values_list("value", flat=True)[:5000]
        )
        picked = rng.sample(ids, min(5, len(ids)))
        mix = [("words", {"q": w}) for w in WORDS]
        mix += [("filters", f) for f in FILTERS]
        mix += [("id", {"q": value}) for value in picked]
        mix += [("typo", {"q": t}) for t in TYPOS]
        mix += [("broad", {"q": b}) for b in BROAD]
        mix += [("deep page", d) for d in DEEP]
        urls = [(label, "/trials/?" + urlencode(params)) for label, params in mix]
        # The nurse screens use the same search; they are staff pages, never cached.
        lookups = [{"q": "bowel cancer", "age": "72", "region": "yorkshire-and-the-humber"}]
        lookups += [{"q": picked[0]}, {"q": "sarcoma", "region": "london"}, {"q": "lukemia"}]
        urls += [("lookup", "/staff/lookup/?" + urlencode(p)) for p in lookups]
        slugs = Trial.objects.published().order_by("?").values_list("slug", flat=True)[:4]
        urls += [("phone", f"/staff/trials/{slug}/call/?region=london") for slug in slugs]
        return urls

    def _staff_user(self):
        user, _ = get_user_model().objects.get_or_create(
            username="bench-nurse", defaults={"is_staff": True}
        )
        return user

    def _replay(self, queries: list[dict]) -> float:
        """Run the SQL the view ran, straight on the connection: the database's share."""
        started = time.perf_counter()
        with connection.cursor() as cursor:
            for query in queries:
                sql = query["sql"]
                if sql.startswith(("SAVEPOINT", "RELEASE", "ROLLBACK")):
                    continue
                # No parameters: the captured SQL already has them inlined.
                cursor.execute(sql)
                if cursor.description:
                    cursor.fetchall()
        return (time.perf_counter() - started) * 1000

    def _report(self, results: dict[str, dict[str, list]]) -> None:
        header = (
            f"{'class':<10} {'n':>3} {'view p50':>9} {'view p95':>9} {'sql p50':>8} "
            f"{'sql p95':>8} {'queries':>8} {'view/sql':>9} {'cold p50':>9} {'cold p95':>9}"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        classes: dict[str, dict[str, list]] = {}
        for label, row in results.items():
            bucket = classes.setdefault(label, {"view": [], "sql": [], "queries": [], "cold": []})
            for key in bucket:
                bucket[key] += row[key]
        public = {"view": [], "sql": [], "queries": [], "cold": []}
        every = {"view": [], "sql": [], "queries": [], "cold": []}
        for label, row in classes.items():
            for key in every:
                every[key] += row[key]
                if label not in STAFF_CLASSES:
                    public[key] += row[key]
        for label, row in [*classes.items(), ("PUBLIC", public), ("ALL", every)]:
            view50, view95 = _percentile(row["view"], 50), _percentile(row["view"], 95)
            sql50, sql95 = _percentile(row["sql"], 50), _percentile(row["sql"], 95)
            self.stdout.write(
                f"{label:<10} {len(row['view']):>3} {view50:>8.1f}ms {view95:>8.1f}ms "
                f"{sql50:>7.1f}ms {sql95:>7.1f}ms {max(row['queries']):>8} "
                f"{statistics.median(v / max(s, 0.01) for v, s in zip(row['view'], row['sql'], strict=True)):>9.2f} "
                f"{_percentile(row['cold'], 50):>8.1f}ms {_percentile(row['cold'], 95):>8.1f}ms"
            )
        self.stdout.write(
            "\nview: full Django request (queries not captured), facet counts and result cards "
            "cached as on a running server; sql: the same request's queries replayed on the "
            "connection; cold: each search's first request, which computes its facet counts "
            "and, for cards not yet cached, their sites and links."
        )
