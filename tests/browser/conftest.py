"""Real-browser tests (issue 8): Playwright driving the system Chromium against a live
Django server started here, with the demo data loaded once for the whole session.

Run them with `make test-browser` (installs requirements-browser.txt, then
`pytest tests/browser -m browser`). `make test` leaves them out: pyproject's addopts say
`-m "not browser"`, and this folder is not even collected when Playwright is missing.
When Chromium is missing the tests skip, unless REQUIRE_BROWSER=1 (set by the Makefile
target) turns that into a failure so CI cannot pass by skipping.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

# Sync Playwright runs an asyncio loop in this thread; Django's async-safety check would
# then refuse the ORM calls the fixtures make. The live server runs in its own thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

try:
    import playwright.sync_api  # noqa: F401
except ImportError:  # `make test` without the browser requirements: collect nothing here.
    collect_ignore_glob = ["test_*.py"]

BROWSER_DIR = Path(__file__).resolve().parent
SCREENSHOTS = BROWSER_DIR.parent.parent / "browser-screenshots"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

SEED_WITH_SITES = "imatinib-mesylate-advanced-soft-tissue-or-bone-sarcoma-nct00031915"
SEED_WITH_RESULTS = "imatinib-glivec-soft-tissue-sarcoma-of-the-skin-eortc-62027"
STAFF_USERNAME = "nurse"
STAFF_PASSWORD = "browser-test-password"  # noqa: S105 - a throwaway user in the test DB

DESKTOP = {"viewport": {"width": 1280, "height": 800}}
MOBILE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}


def pytest_collection_modifyitems(config, items) -> None:
    for item in items:
        if BROWSER_DIR in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


class DemoSite:
    """The live server's address and what the tests need to know about its data."""

    def __init__(self, url: str, example_with_results: str) -> None:
        self.url = url
        self.host = urlsplit(url).netloc
        self.example_with_results = example_with_results

    def __call__(self, path: str) -> str:
        return self.url + path


@pytest.fixture(scope="session")
def django_db_setup(django_test_environment, django_db_blocker):
    """A fresh test database for the session, whatever --reuse-db says.

    pytest-django creates one only when some test asks for `db`; these tests share the
    session's `site` instead. Destroyed at the end, so the demo rows never reach a reused
    database or the development one.
    """
    from django.test.utils import setup_databases, teardown_databases

    with django_db_blocker.unblock():
        db_cfg = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    yield
    with django_db_blocker.unblock():
        teardown_databases(db_cfg, verbosity=0)


@pytest.fixture(scope="session")
def site(django_db_setup, django_db_blocker):
    """The Django site on a loopback port, with the demo trials and a staff user.

    A session fixture rather than pytest-django's function-scoped `live_server` use:
    that flushes the database after every test, and loading the demo once keeps the
    suite well inside its time budget. It is pytest-django's own LiveServer helper.
    """
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Count
    from django.test.utils import override_settings
    from pytest_django.live_server_helper import LiveServer

    from trialfinder.trials.models import Trial

    test_settings = override_settings(
        # The manifest storage needs collectstatic; the live server serves from the finders.
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        # Plain http on loopback: nothing may insist on https here.
        SECURE_SSL_REDIRECT=False,
        SESSION_COOKIE_SECURE=False,
        CSRF_COOKIE_SECURE=False,
        SECURE_HSTS_SECONDS=0,
        # One browser on one address makes many searches in a few seconds.
        RATE_LIMIT_SEARCH="100000/60",
    )
    name = connection.settings_dict["NAME"]
    assert "memory" in name or "test" in name, f"refusing to load demo data into {name}"
    with django_db_blocker.unblock(), test_settings:
        call_command("load_demo", verbosity=0)
        user, _ = get_user_model().objects.get_or_create(username=STAFF_USERNAME)
        user.is_staff, user.is_active = True, True
        user.set_password(STAFF_PASSWORD)
        user.save()
        example = (
            Trial.objects.published()
            .filter(is_example=True, has_results=True)
            .annotate(n_sites=Count("sites"))
            .filter(n_sites__gt=0)
            .order_by("slug")
            .first()
        )
        assert example is not None, "the demo data has no example trial with results and sites"
        server = LiveServer("127.0.0.1")
        server._live_server_modified_settings.enable()
        try:
            yield DemoSite(server.url, example.slug)
        finally:
            server._live_server_modified_settings.disable()
            server.stop()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class RequestLog:
    """Every request every page of a test made, to prove nothing leaves the site."""

    def __init__(self, host: str) -> None:
        self.host = host
        self.urls: list[str] = []

    def attach(self, context) -> None:
        context.on("request", lambda request: self.urls.append(request.url))

    def third_party(self) -> list[str]:
        return [
            url
            for url in self.urls
            if urlsplit(url).scheme not in ("data", "blob", "about")
            and urlsplit(url).netloc != self.host
        ]

    def assert_first_party(self) -> None:
        assert self.urls, "no requests were recorded"
        outside = self.third_party()
        assert not outside, f"requests left {self.host}:\n" + "\n".join(outside)


@pytest.fixture
def requests_log(site):
    return RequestLog(site.host)


@pytest.fixture
def new_context(browser, site, requests_log):
    """Make browser contexts (desktop unless told otherwise); each request is logged, and
    at the end of the test every request must have gone to the live server."""
    contexts = []

    def make(**options):
        context = browser.new_context(**{**DESKTOP, **options})
        context.set_default_timeout(10_000)
        requests_log.attach(context)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    outside = requests_log.third_party()
    if outside:
        pytest.fail("third-party requests:\n" + "\n".join(outside), pytrace=False)


@pytest.fixture
def page(new_context):
    return new_context().new_page()


def log_in_through_admin(page, site) -> None:
    """Sign in as the staff user with the admin login form, keyboard only."""
    page.goto(site("/admin/login/?next=/staff/lookup/"))
    from tests.browser.helpers import assert_focus_visible

    page.locator("#id_username").focus()
    assert_focus_visible(page)
    page.keyboard.type(STAFF_USERNAME)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_password"
    assert_focus_visible(page)
    page.keyboard.type(STAFF_PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == "/staff/lookup/", f"login failed: still on {page.url}"


@pytest.fixture(scope="session")
def staff_state(browser, site, tmp_path_factory):
    """A signed-in staff session (cookies), made once through the admin login form."""
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    log_in_through_admin(page, site)
    path = tmp_path_factory.mktemp("staff") / "state.json"
    context.storage_state(path=str(path))
    context.close()
    return str(path)


@pytest.fixture
def staff_page(new_context, staff_state):
    return new_context(storage_state=staff_state).new_page()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS
