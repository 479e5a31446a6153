"""A small closed-loop load test: N client threads for S seconds over a realistic mix of
pages, against a trialfinder already running on loopback. Standard library only.

    .venv/bin/python loadtest/run.py --url http://127.0.0.1:8000 --clients 64 --seconds 60

Prints requests/s, errors (5xx, 429 and connection failures counted separately) and
latency percentiles. Refuses any host other than 127.0.0.1/localhost/::1.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from urllib.parse import urlencode, urlsplit

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
SEARCHES = [
    "sarcoma",
    "breast cancer",
    "lung",
    "immunotherapy",
    "chemotherapy",
    "leukaemia",
    "radiotherapy",
    "melanoma",
    "bowel",
    "prostate",
    "NCT00031915",
    "imatinib",
    "childhood",
]
CANCER_TYPES = ["sarcoma", "breast-cancer", "lung-cancer", "leukaemia", "melanoma"]
REGIONS = ["", "london", "yorkshire-and-the-humber", "scotland", "wales"]
# (weight, kind): roughly what patients do - search, read trials, browse, look up words.
MIX = [
    (30, "search"),
    (30, "trial"),
    (15, "home"),
    (10, "cancer_type"),
    (10, "glossary"),
    (5, "print"),
]


def discover(base: str, opener) -> tuple[list[str], list[str]]:
    """Trial and glossary paths, read from a few result and index pages."""
    trials: set[str] = set()
    # Visitors read many different trials: a few pages of results for each search, so
    # the mix is not a handful of pages any cache would hold.
    for q in SEARCHES:
        for page in (1, 2, 3):
            query = urlencode({"q": q, "status": "any", "page": page})
            html = opener.open(f"{base}/trials/?{query}").read().decode()
            trials.update(re.findall(r'href="(/trials/[a-z0-9-]+/)"', html))
    html = opener.open(f"{base}/glossary/").read().decode()
    terms = sorted(set(re.findall(r'href="(/glossary/[a-z0-9-]+/)"', html)))
    return sorted(trials) or ["/"], terms or ["/glossary/"]


def pick(rng: random.Random, trials: list[str], terms: list[str]) -> tuple[str, str]:
    kind = rng.choices([k for _, k in MIX], weights=[w for w, _ in MIX])[0]
    return kind, _path(kind, rng, trials, terms)


def _path(kind: str, rng: random.Random, trials: list[str], terms: list[str]) -> str:
    if kind == "search":
        params = {"q": rng.choice(SEARCHES)}
        if region := rng.choice(REGIONS):
            params["region"] = region
        if rng.random() < 0.4:
            # Many give their age: a long tail of searches nobody made before.
            params["age"] = str(rng.randint(1, 90))
        if rng.random() < 0.2:
            params["page"] = str(rng.randint(2, 5))
        return "/trials/?" + urlencode(params)
    if kind == "trial":
        return rng.choice(trials)
    if kind == "print":
        return rng.choice(trials) + "print/"
    if kind == "cancer_type":
        return f"/cancer-types/{rng.choice(CANCER_TYPES)}/"
    if kind == "glossary":
        return rng.choice(terms)
    return "/"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="mean seconds a visitor spends reading before the next click (exponential); "
        "0 sends the next request at once, which measures queueing rather than visitors",
    )
    parser.add_argument("--trace", help="write 'start seconds, latency ms, path' per request")
    args = parser.parse_args()
    base = args.url.rstrip("/")
    if urlsplit(base).hostname not in LOOPBACK:
        print("refusing: the load test only ever targets loopback", file=sys.stderr)
        return 2
    # Never follow proxies from the environment.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    trials, terms = discover(base, opener)
    print(f"{len(trials)} trial pages and {len(terms)} glossary pages in the mix")

    latencies: list[float] = []
    statuses: Counter = Counter()
    by_kind: dict[str, list[float]] = {}
    trace: list[tuple[float, float, str]] = []
    lock = threading.Lock()
    started = time.monotonic()
    deadline = started + args.seconds

    def client(n: int) -> None:
        rng = random.Random(args.seed * 1000 + n)
        local_lat, local_status = [], Counter()
        local_kinds: dict[str, list[float]] = {}
        local_trace: list[tuple[float, float, str]] = []
        if args.think:
            # Visitors arrive at different moments, not all in the same millisecond:
            # each starts somewhere within one think time (a ramp-up, as locust does).
            time.sleep(rng.uniform(0, args.think))
        while time.monotonic() < deadline:
            kind, path = pick(rng, trials, terms)
            start = time.monotonic()
            try:
                with opener.open(base + path, timeout=30) as response:
                    response.read()
                    code = response.status
            except urllib.error.HTTPError as exc:
                code = exc.code
            except OSError:
                code = "connection-error"
            local_lat.append(time.monotonic() - start)
            local_kinds.setdefault(kind, []).append(local_lat[-1])
            local_trace.append((start - started, local_lat[-1], path))
            local_status[code] += 1
            if args.think:
                time.sleep(
                    max(0.0, min(rng.expovariate(1 / args.think), deadline - time.monotonic()))
                )
        with lock:
            latencies.extend(local_lat)
            statuses.update(local_status)
            trace.extend(local_trace)
            for kind, values in local_kinds.items():
                by_kind.setdefault(kind, []).extend(values)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    total = len(latencies)
    q = statistics.quantiles(latencies, n=100) if total > 1 else [0.0] * 99
    errors = sum(v for k, v in statuses.items() if k == "connection-error" or int(k) >= 500)
    print(
        f"clients={args.clients} think={args.think}s seconds={elapsed:.1f} requests={total} "
        f"rps={total / elapsed:.1f}"
    )
    print(f"errors={errors} (5xx and connection failures) rate_limited_429={statuses.get(429, 0)}")
    distinct = len({path for _at, _latency, path in trace})
    print(f"distinct pages={distinct} ({distinct / max(total, 1):.0%} of requests)")
    print(f"p50={q[49] * 1000:.0f}ms p95={q[94] * 1000:.0f}ms p99={q[98] * 1000:.0f}ms")
    print("statuses:", dict(sorted(statuses.items(), key=str)))
    for kind, values in sorted(by_kind.items()):
        kq = statistics.quantiles(values, n=100) if len(values) > 1 else [values[0]] * 99
        print(
            f"  {kind:<12} n={len(values):<5} p50={kq[49] * 1000:.0f}ms p99={kq[98] * 1000:.0f}ms"
        )
    if args.trace:
        with open(args.trace, "w") as out:
            for at, latency, path in sorted(trace):
                out.write(f"{at:.3f} {latency * 1000:.0f} {path}\n")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
