"""Phone and desktop layouts: no sideways scrolling, big enough targets; screenshots."""

import pytest

from tests.browser.conftest import DESKTOP, MOBILE, SEED_WITH_SITES
from tests.browser.helpers import horizontal_overflow, small_targets

pytestmark = pytest.mark.browser

VIEWPORTS = {"mobile": MOBILE, "desktop": DESKTOP}
PAGES = {
    "home": "/",
    "results": "/trials/?q=sarcoma&status=any",
    "results-paged": "/trials/?status=any&page=2",
    "trial": f"/trials/{SEED_WITH_SITES}/",
    "glossary-index": "/glossary/",
}
# The main controls the issue names; each must be at least 44 x 44 CSS pixels.
MAIN_CONTROLS = [
    ".nav a",
    "input[type=search]",
    "select",
    ".search-form button[type=submit]",
    ".glossary-search button",
    ".pagination a",
]


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_layout(new_context, site, screenshots, viewport):
    page = new_context(**VIEWPORTS[viewport]).new_page()
    problems = []
    for name, path in PAGES.items():
        page.goto(site(path))
        page.screenshot(path=str(screenshots / f"{name}-{viewport}.png"), full_page=True)
        scroll_width, client_width = horizontal_overflow(page)
        if scroll_width > client_width:
            problems.append(f"{name}: scrolls sideways ({scroll_width} > {client_width} px)")
        for selector in MAIN_CONTROLS:
            problems += [f"{name}: {p}" for p in small_targets(page, selector)]
    if viewport == "mobile":
        # The paged results must have had pagination links to measure.
        page.goto(site(PAGES["results-paged"]))
        assert page.locator(".pagination a").count() >= 1
    assert not problems, "\n".join(problems)


def test_glossary_popover_fits_a_phone_screen(new_context, site, screenshots):
    page = new_context(**MOBILE).new_page()
    page.goto(site(f"/trials/{SEED_WITH_SITES}/"))
    terms = page.locator("a.glossary-term")
    assert terms.count() > 0
    for i in range(min(terms.count(), 6)):
        term = terms.nth(i)
        term.scroll_into_view_if_needed()
        term.tap()
        popover = page.locator("#" + term.get_attribute("aria-controls"))
        assert popover.is_visible()
        box = popover.bounding_box()
        width = page.evaluate("document.documentElement.clientWidth")
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, (
            f"pop-up for {term.inner_text()!r} runs off the screen: {box} (screen {width})"
        )
        if i == 0:
            page.screenshot(path=str(screenshots / "trial-glossary-popover-mobile.png"))
        term.tap()  # tap again to close
        assert popover.is_hidden()
