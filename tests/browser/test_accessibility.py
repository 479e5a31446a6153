"""axe-core (WCAG 2.0/2.1/2.2 A and AA rules) finds nothing on the main pages."""

from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import SEED_WITH_RESULTS, SEED_WITH_SITES
from tests.browser.helpers import axe_violations, summarise

pytestmark = pytest.mark.browser

PUBLIC_PAGES = {
    "home": "/",
    "results": "/trials/?q=sarcoma&status=any",
    "no-results": "/trials/?q=zzzzqqq",
    "spelling-corrected": "/trials/?q=sarcomma&status=any",
    "filter-errors": "/trials/?age=abc",
    "trial-with-sites": f"/trials/{SEED_WITH_SITES}/",
    "trial-with-results": f"/trials/{SEED_WITH_RESULTS}/",
    "example-trial-with-results-and-sites": None,  # chosen from the demo data
    "trial-print-version": f"/trials/{SEED_WITH_SITES}/print/",
    "glossary-index": "/glossary/",
    "glossary-search": "/glossary/?q=scan",
    "glossary-term": "/glossary/biopsy/",
    "cancer-type": "/cancer-types/sarcoma/",
    "cancer-types": "/cancer-types/",
    "not-found": "/trials/no-such-trial/",
    "admin-login": "/admin/login/",
}
STAFF_PAGES = {
    "nurse-lookup": "/staff/lookup/?q=sarcoma",
    "nurse-lookup-by-id": "/staff/lookup/?q=NCT00031915",
    "nurse-lookup-spelling-corrected": "/staff/lookup/?q=sarcomma&status=any",
    "phone-sheet": f"/staff/trials/{SEED_WITH_SITES}/call/",
    "two-step-sign-in-setup": "/staff/two-factor/",
}


def check(page, url: str, expected_status: int = 200) -> None:
    response = page.goto(url)
    assert response.status == expected_status, f"{url} answered {response.status}"
    assert urlsplit(page.url).path == urlsplit(url).path, f"{url} went to {page.url}"
    violations = axe_violations(page)
    assert not violations, f"{len(violations)} axe violation(s) on {url}:\n{summarise(violations)}"


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_has_no_axe_violations(page, site, name):
    path = PUBLIC_PAGES[name] or f"/trials/{site.example_with_results}/"
    check(page, site(path), {"not-found": 404, "filter-errors": 400}.get(name, 200))


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_staff_page_has_no_axe_violations(staff_page, site, name):
    check(staff_page, site(STAFF_PAGES[name]))
