"""Hostile input: random and malicious query strings and paths at every public URL.
Whatever arrives, the answer is never a 5xx.

Profiles (HYPOTHESIS_PROFILE): "ci", the default, runs well over 2,000 examples in all
(under a minute); "fuzz" (`make fuzz`) runs twenty times as many.
"""

from __future__ import annotations

import os
from urllib.parse import quote, quote_from_bytes, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import make_site, make_trial
from trialfinder.glossary.models import GlossaryTerm

# Each test's data is built once in a function-scoped fixture and only read by the
# examples, so sharing it across examples is safe: hence the suppressed health check.
_COMMON = {
    "deadline": None,
    # Nothing written into the working tree; a failure prints its reproducing example.
    "database": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}
# A plain `make test` stays quick; .ci/run asks for more, and `make fuzz` for far more.
settings.register_profile("dev", max_examples=150, **_COMMON)
settings.register_profile("ci", max_examples=400, **_COMMON)
settings.register_profile("fuzz", max_examples=8000, **_COMMON)
settings.load_profile(os.getenv("HYPOTHESIS_PROFILE", "dev"))

SEARCH_PARAMS = [
    "q",
    "cancer_type",
    "age",
    "sex",
    "region",
    "status",
    "phase",
    "trial_type",
    "sort",
    "page",
    "typed",
    "as_typed",
    "compare",
    "term",
    "format",
]
HOSTILE = [
    "",
    "\x00",
    "a\x00b",
    "9" * 400,
    "-1",
    "-99999999999999999999",
    "1e308",
    "NaN",
    "inf",
    "0x10",
    "١٢٣",  # Arabic-Indic digits pass str.isdigit()
    "²",
    "1" * 5000,
    "w" * 10000,
    " ".join(["word"] * 3000),
    "NCT" + "0" * 5000,
    '"' * 500,
    "-" * 300,
    "OR " * 500,
    "' OR 1=1 --",
    "%00",
    "%",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "${jndi:ldap://x}",
    "{{7*7}}",
    "\u202e\u200b\ufeff",
    "🧬" * 300,
    "ǅ" * 100,
    "\n\r\t",
    "sarcoma",
    "sarcomma over 70 phase III",
    "phase 1/2 " * 50,
    "soft-tissue-sarcoma",
    "yorkshire-and-the-humber",
    "recruiting",
    "any",
]
values = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=60),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=200, max_size=400),
)
keys = st.one_of(st.sampled_from(SEARCH_PARAMS), st.text(max_size=20))
# Repeated keys are allowed: a list of pairs, not a dict.
pairs = st.lists(st.tuples(keys, values), max_size=8)
# Bytes that are not UTF-8, percent-encoded as a browser or a bot would send them.
junk = st.binary(max_size=40).map(quote_from_bytes)


def _query(items: list[tuple[str, str]], raw: str) -> str:
    query = urlencode(items)
    return f"{query}&{raw}" if raw else query


@pytest.fixture
def seeded(db, soft_tissue_sarcoma, settings):
    # The fuzzer is one client hammering the search page: not what the limit is for.
    settings.RATE_LIMIT_SEARCH_REQUESTS = 0
    trial = make_trial(title="Imatinib for sarcoma", conditions=[soft_tissue_sarcoma])
    make_site(trial, region="yorkshire-and-the-humber")
    make_trial(title="Closed chemotherapy study", status="COMPLETED", has_results=True)
    GlossaryTerm.objects.get_or_create(
        slug="fuzz-term", defaults={"term": "fuzzterm", "definition": "A test term."}
    )
    return trial


def _paths(trial) -> list[str]:
    return [
        "/",
        "/trials/",
        trial.get_absolute_url(),
        f"/trials/{trial.slug}/print/",
        "/trials/no-such-trial/",
        "/trials/no-such-trial/print/",
        "/cancer-types/",
        "/cancer-types/sarcoma/",
        "/cancer-types/soft-tissue-sarcoma/",
        "/cancer-types/no-such-type/",
        "/glossary/",
        "/glossary/fuzz-term/",
        "/glossary/no-such-term/",
        "/healthz",
        "/no/such/page/",
        "/static/does-not-exist.css",
    ]


def _assert_not_5xx(response, url: str) -> None:
    assert response.status_code < 500, f"{response.status_code} for {url!r}"


@settings(max_examples=settings().max_examples * 2)
@given(items=pairs, raw=junk)
def test_the_search_page_never_fails(client, seeded, items, raw):
    url = "/trials/?" + _query(items, raw)
    response = client.get(url)
    _assert_not_5xx(response, url)
    assert response.status_code in (200, 302, 400)


@settings(max_examples=settings().max_examples * 3 // 2)
@given(index=st.integers(min_value=0, max_value=15), items=pairs, raw=junk)
def test_every_public_url_survives_hostile_query_strings(client, seeded, index, items, raw):
    url = _paths(seeded)[index] + "?" + _query(items, raw)
    _assert_not_5xx(client.get(url), url)


segments = st.one_of(
    st.sampled_from(["x" * 3000, "..", "%2e%2e", "%00", "%ff%fe", "a%2Fb", "-", "_", "9" * 40]),
    st.text(min_size=1, max_size=40).map(lambda s: quote(s, safe="")),
    junk.filter(bool),
)


@given(
    prefix=st.sampled_from(["/trials/", "/cancer-types/", "/glossary/", "/", "/staff/trials/"]),
    segment=segments,
    suffix=st.sampled_from(["", "/", "/print/", "/call/", "//"]),
)
def test_unknown_and_malformed_slugs_are_never_a_server_error(
    client, seeded, prefix, segment, suffix
):
    url = prefix + segment + suffix
    _assert_not_5xx(client.get(url), url)


@settings(max_examples=settings().max_examples // 2)
@given(items=pairs, raw=junk)
def test_the_staff_lookup_never_fails(staff_client, seeded, items, raw):
    url = "/staff/lookup/?" + _query(items, raw)
    response = staff_client.get(url)
    _assert_not_5xx(response, url)
    assert response.status_code in (200, 400)
    compare = "/staff/compare/?" + _query([("compare", v) for _k, v in items], raw)
    _assert_not_5xx(staff_client.get(compare), compare)


@pytest.mark.parametrize("page", ["²", "١٢٣", "𝟗", "0" * 30 + "9", "-1", "9" * 400, "\x00"])
def test_odd_page_numbers_found_by_the_fuzzer_are_not_errors(client, seeded, page):
    # "²".isdigit() is True but int("²") raises: this was a 500 on /trials/.
    for url in ["/trials/", "/cancer-types/sarcoma/", "/glossary/"]:
        assert client.get(url, {"page": page}).status_code in (200, 400)


def test_a_nul_byte_in_a_compared_slug_is_not_an_error(staff_client, seeded):
    # PostgreSQL refuses NUL in a string parameter: this was a 500 on /staff/compare/.
    response = staff_client.get("/staff/compare/", {"compare": ["a\x00b", seeded.slug]})
    assert response.status_code < 500
