"""Printed trial pages: no navigation or forms; the key facts and the numbers to quote."""

import pytest

from tests.browser.conftest import SEED_WITH_SITES

pytestmark = pytest.mark.browser


def test_trial_page_prints_facts_without_navigation(page, site, screenshots):
    page.goto(site(f"/trials/{SEED_WITH_SITES}/"))
    page.emulate_media(media="print")
    for selector in (
        ".site-header",
        ".site-header nav",
        ".skip-link",
        "nav.contents",
        "nav.breadcrumbs",
    ):
        assert page.locator(selector).first.is_hidden(), f"{selector} is printed"
    assert page.locator("h1").is_visible()
    assert page.locator(".key-facts").is_visible()
    for fact in ("Cancer type", "Status", "Phase"):
        assert fact in page.locator(".key-facts").inner_text()
    details = page.locator("#details")
    assert details.is_visible()
    assert "NCT00031915" in details.inner_text()
    assert page.locator("#where .sites").first.is_visible()
    pdf = page.pdf(path=str(screenshots / "trial-print.pdf"))
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000


def test_results_page_prints_without_the_search_form(page, site):
    page.goto(site("/trials/?q=sarcoma&status=any"))
    assert page.locator("form.search-form").is_visible()
    page.emulate_media(media="print")
    assert page.locator("form.search-form").is_hidden()
    assert page.locator(".site-header nav").is_hidden()
    assert page.locator(".cards .card").first.is_visible()


def test_printable_version_for_the_doctor(page, site, screenshots):
    page.goto(site(f"/trials/{SEED_WITH_SITES}/print/"))
    page.emulate_media(media="print")
    assert page.locator(".site-header").is_hidden()
    assert page.locator(".print-actions").is_hidden()
    facts = page.locator(".print-facts")
    assert facts.is_visible() and "NCT00031915" in facts.inner_text()
    pdf = page.pdf(path=str(screenshots / "trial-printable-version.pdf"))
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000
