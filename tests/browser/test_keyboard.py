"""Keyboard-only journeys, with a visible focus indicator at every stop."""

import re

import pytest

from tests.browser.conftest import SEED_WITH_SITES, log_in_through_admin
from tests.browser.helpers import assert_focus_visible, focused, tab_until

pytestmark = pytest.mark.browser


def test_patient_search_trial_and_glossary_by_keyboard(page, site, requests_log):
    page.goto(site("/"))
    tab_until(page, "input[name=q]")
    page.keyboard.type("sarcoma")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/trials/\?.*q=sarcoma"))
    results_url = page.url
    assert page.locator(".cards .card").count() > 0, "no results for sarcoma"

    tab_until(page, ".card-title a")
    href = focused(page, "el => el.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url(site(href))
    assert page.locator("h1").inner_text()

    tab_until(page, "a.glossary-term")
    controls = focused(page, "el => el.getAttribute('aria-controls')")
    assert controls, "the glossary term was not enhanced into a button"
    term = page.locator(f"a.glossary-term[aria-controls='{controls}']")
    assert term.get_attribute("role") == "button"
    assert term.get_attribute("aria-expanded") == "false"
    popover = page.locator(f"#{controls}")
    assert popover.is_hidden()

    page.keyboard.press("Enter")
    assert term.get_attribute("aria-expanded") == "true"
    assert popover.is_visible()
    assert popover.locator(".glossary-def-text").inner_text().strip()
    assert page.url == site(href), "Enter on the term left the page instead of opening it in place"

    # Tab into the pop-up's "More about" link: it stays open; Escape closes it and puts
    # focus back on the word.
    page.keyboard.press("Tab")
    assert focused(page, "el => el.className") == "glossary-more"
    assert_focus_visible(page)
    assert popover.is_visible()
    page.keyboard.press("Escape")
    assert popover.is_hidden()
    assert term.get_attribute("aria-expanded") == "false"
    assert focused(page, "el => el.getAttribute('aria-controls')") == controls
    assert_focus_visible(page)

    # Back (Alt+Left is a browser-window shortcut that headless Chromium does not have).
    page.go_back()
    page.wait_for_url(results_url)
    assert page.locator(".cards .card").count() > 0
    requests_log.assert_first_party()


def test_nurse_finds_a_trial_by_number_by_keyboard(new_context, site, requests_log):
    page = new_context().new_page()
    log_in_through_admin(page, site)  # keyboard only, through the admin login form
    # The search box has focus when the lookup opens: a nurse on a call starts typing.
    assert focused(page, "el => el.name") == "q"
    assert_focus_visible(page)
    page.keyboard.type("NCT00031915")
    with page.expect_navigation():  # the live results update too, but Enter still submits
        page.keyboard.press("Enter")
    assert re.search(r"/staff/lookup/\?.*q=NCT00031915", page.url), page.url
    assert focused(page, "el => el.name") == "q"

    page.keyboard.press("ArrowDown")  # Down arrow moves from the box to the results
    assert_focus_visible(page)
    assert SEED_WITH_SITES in focused(page, "el => el.getAttribute('href') || ''")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/staff/trials/{SEED_WITH_SITES}/call/"))
    assert page.locator("h1").inner_text()
    assert "NCT00031915" in page.locator(".id-list").inner_text()
    requests_log.assert_first_party()


def test_nurse_finds_a_trial_by_words_by_keyboard(staff_page, site, requests_log):
    page = staff_page
    page.goto(site("/staff/lookup/"))
    assert focused(page, "el => el.name") == "q"
    page.keyboard.type("lung")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(r"/staff/lookup/\?.*q=lung", page.url), page.url
    assert page.locator("a.row-link").count() >= 2

    tab_until(page, "a.row-link")  # Tab through the filters to the first trial
    first = focused(page, "el => el.getAttribute('href')")
    page.keyboard.press("ArrowDown")  # then the arrows walk the list
    assert_focus_visible(page)
    second = focused(page, "el => el.getAttribute('href')")
    assert second != first and "/call/" in second
    page.keyboard.press("ArrowUp")
    assert focused(page, "el => el.getAttribute('href')") == first
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(site(second))
    assert page.locator(".phone-sheet h1").inner_text()
    requests_log.assert_first_party()
