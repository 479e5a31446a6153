"""HTTP caching: public pages are cacheable for a short time and revalidate by ETag;
anything a signed-in user sees is private. Static files are compressed and cached
forever by their hashed names."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from trialfinder.glossary.models import GlossaryTerm
from trialfinder.trials.models import Publication

ROOT = Path(__file__).resolve().parent.parent


def _public_urls(trial) -> list[str]:
    return [
        reverse("trials:home"),
        trial.get_absolute_url(),
        reverse("trials:trial_print", args=[trial.slug]),
        reverse("trials:condition_list"),
        reverse("trials:condition_detail", args=["sarcoma"]),
        reverse("glossary:index"),
        reverse("glossary:term_detail", args=[GlossaryTerm.objects.first().slug]),
    ]


def test_public_pages_are_cacheable_and_have_etags(client, trial, settings):
    for url in _public_urls(trial):
        response = client.get(url)
        assert response.status_code == 200, url
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        assert directives == {"public", f"max-age={settings.PUBLIC_CACHE_SECONDS}"}, url
        assert response["ETag"], url
        assert "Cookie" in response["Vary"], url


def test_an_unchanged_page_is_a_304(client, trial):
    first = client.get(trial.get_absolute_url())
    again = client.get(trial.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""


def test_an_edit_changes_the_etag_at_once(client, trial):
    before = client.get(trial.get_absolute_url())
    trial.summary = "Now with a clearer summary."
    trial.save()
    after = client.get(trial.get_absolute_url(), HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert "Now with a clearer summary." in after.content.decode()


def test_unpublishing_shows_at_once(client, trial):
    assert client.get(trial.get_absolute_url()).status_code == 200
    trial.publication = Publication.DRAFT
    trial.save()
    response = client.get(trial.get_absolute_url())
    assert response.status_code == 404
    assert "public" not in response.get("Cache-Control", "")


def test_signed_in_users_get_private_uncached_pages(staff_client, trial):
    for url in _public_urls(trial):
        response = staff_client.get(url)
        assert response.status_code == 200, url
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        assert {"private", "no-cache"} <= directives, url
        assert "public" not in directives
    for url in [reverse("staff:lookup"), reverse("admin:index")]:
        response = staff_client.get(url)
        assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]


def test_search_results_and_errors_are_not_publicly_cached(client, trial):
    assert "public" not in client.get(reverse("trials:trial_list")).get("Cache-Control", "")
    assert "public" not in client.get("/no-such-page/").get("Cache-Control", "")


def test_the_cache_backend_is_configurable(settings):
    # Locmem by default (tests); REDIS_URL switches to Redis (see test_security_settings).
    assert settings.CACHES["default"]["BACKEND"].endswith(("LocMemCache", "RedisCache"))


def test_the_embedded_cache_keeps_the_cards_of_many_searches(settings):
    # Without Redis each process keeps its own cache. Django's default of 300 entries
    # held the cards of 15 results pages: a mixed stream of searches evicted cards as
    # fast as it stored them, and every page loaded and rendered its cards again.
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    cache = caches["default"]
    if not isinstance(cache, LocMemCache):
        pytest.skip("a shared cache server keeps its own limits")
    entries = {f"card:test:{pk}": pk for pk in range(5000)}
    cache.set_many(entries)
    assert len(cache.get_many(list(entries))) == len(entries)


@pytest.fixture(scope="module")
def collected(tmp_path_factory) -> Path:
    # The admin's files are skipped: compressing them is slow and proves nothing more.
    static_root = tmp_path_factory.mktemp("staticfiles")
    env = {
        "PATH": os.environ["PATH"],
        "SECRET_KEY": "test-only-secret-key",
        "ALLOWED_HOSTS": "testserver",
        "STATIC_ROOT_FOR_TEST": str(static_root),
    }
    code = (
        "import os, django; from django.conf import settings;"
        "os.environ['DJANGO_SETTINGS_MODULE'] = 'trialfinder.settings';"
        "import trialfinder.settings as s; s.STATIC_ROOT = os.environ['STATIC_ROOT_FOR_TEST'];"
        "django.setup(); from django.core.management import call_command;"
        "call_command('collectstatic', '--noinput', '--ignore', 'admin', verbosity=0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return static_root


def test_collectstatic_makes_hashed_compressed_files(collected):
    site_css = sorted(collected.glob("css/site.*.css"))
    assert site_css, "no hashed site.css"
    hashed = site_css[0]
    assert Path(f"{hashed}.gz").exists()
    assert Path(f"{hashed}.br").exists()  # needs the Brotli package (pinned)
    assert gzip.decompress(Path(f"{hashed}.gz").read_bytes()) == hashed.read_bytes()
    assert (collected / "staticfiles.json").exists()


def test_whitenoise_serves_hashed_files_forever(collected, client, settings):
    settings.STATIC_ROOT = collected
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    # WhiteNoise reads its settings when the middleware chain is built.
    from django.test import Client

    fresh = Client()
    hashed = sorted(collected.glob("css/site.*.css"))[0].name
    response = fresh.get(f"/static/css/{hashed}", HTTP_ACCEPT_ENCODING="br, gzip")
    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=315360000, public, immutable"
    assert response["Content-Encoding"] == "br"
    unhashed = fresh.get("/static/css/site.css")
    assert unhashed.status_code == 200
    assert unhashed["Cache-Control"] == f"max-age={settings.WHITENOISE_MAX_AGE}, public"


def test_an_expensive_value_is_computed_once_while_others_wait_for_it():
    import threading

    from django.core.cache import cache

    from trialfinder.core.caching import get_or_compute

    calls = []
    # Another worker holds the lock and is computing; its result lands shortly.
    cache.add("counts:computing", 1, timeout=30)
    threading.Timer(0.2, lambda: cache.set("counts", "theirs", 60)).start()
    assert get_or_compute("counts", lambda: calls.append(1) or "mine", 60) == "theirs"
    assert calls == []


def test_a_waiting_caller_computes_for_itself_when_the_other_never_finishes():
    from django.core.cache import cache

    from trialfinder.core.caching import get_or_compute

    cache.add("slow:computing", 1, timeout=30)
    assert get_or_compute("slow", lambda: "mine", 60, wait=0.2) == "mine"


def test_the_first_caller_computes_stores_and_releases_the_lock():
    from django.core.cache import cache

    from trialfinder.core.caching import get_or_compute

    assert get_or_compute("fresh", lambda: 42, 60) == 42
    assert cache.get("fresh") == 42
    assert cache.get("fresh:computing") is None
    assert get_or_compute("fresh", lambda: 43, 60) == 42
