"""With JavaScript off the patient journey still works: plain forms and real links."""

import re

import pytest

pytestmark = pytest.mark.browser


def test_patient_journey_without_javascript(new_context, site, requests_log):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(site("/"))
    assert page.evaluate("1 + 1") == 2  # Playwright's own scripts still run; the page's do not
    page.locator("input[name=q]").fill("sarcoma")
    page.locator("input[name=q]").press("Enter")
    page.wait_for_url(re.compile(r"/trials/\?.*q=sarcoma"))
    assert page.locator(".cards .card").count() > 0

    page.locator(".card-title a").first.click()
    page.wait_for_url(re.compile(r"/trials/[\w-]+/"))

    term = page.locator("a.glossary-term").first
    href = term.get_attribute("href")
    assert re.fullmatch(r"/glossary/[\w-]+/", href), href
    assert term.get_attribute("role") is None, "the script should not have run"
    assert term.get_attribute("aria-expanded") is None
    assert page.locator(".glossary-def").first.is_hidden()

    term.click()
    page.wait_for_url(site(href))
    definition = page.locator(".glossary-definition")
    assert definition.is_visible()
    assert definition.inner_text().strip()
    requests_log.assert_first_party()
