"""Search cost is bounded: a per-address limit on the search pages, counted in the
configured cache, answered with a friendly 429 and Retry-After."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.urls import reverse

from trialfinder.core import ratelimit


@pytest.fixture
def limit_of_three(settings, monkeypatch):
    settings.RATE_LIMIT_SEARCH_REQUESTS = 3
    settings.RATE_LIMIT_SEARCH_SECONDS = 60
    # The clock stands still mid-window: requests that crossed into the next minute were
    # counted afresh (a full PostgreSQL run failed that way once).
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: 1_800_000_030.0))
    return settings


def test_the_search_page_answers_429_after_the_limit(client, db, limit_of_three):
    for _ in range(3):
        assert client.get(reverse("trials:trial_list"), {"q": "sarcoma"}).status_code == 200
    response = client.get(reverse("trials:trial_list"), {"q": "sarcoma"})
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert "Too many searches" in response.content.decode()
    # Other pages are not limited.
    assert client.get(reverse("trials:condition_list")).status_code == 200


def test_the_limit_is_per_address(client, db, limit_of_three):
    for _ in range(4):
        client.get(reverse("trials:trial_list"), REMOTE_ADDR="198.51.100.1")
    assert client.get(reverse("trials:trial_list"), REMOTE_ADDR="198.51.100.1").status_code == 429
    assert client.get(reverse("trials:trial_list"), REMOTE_ADDR="198.51.100.2").status_code == 200


def test_the_staff_lookup_is_limited_too(staff_client, limit_of_three):
    for _ in range(3):
        assert staff_client.get(reverse("staff:lookup")).status_code == 200
    assert staff_client.get(reverse("staff:lookup")).status_code == 429


def test_forwarded_for_is_ignored_unless_a_proxy_is_trusted(client, db, limit_of_three):
    def search(forwarded: str):
        return client.get(
            reverse("trials:trial_list"),
            REMOTE_ADDR="10.0.0.5",
            HTTP_X_FORWARDED_FOR=forwarded,
        )

    # Untrusted: a client cannot dodge the limit by inventing X-Forwarded-For.
    statuses = [search(f"203.0.113.{n}").status_code for n in range(4)]
    assert statuses == [200, 200, 200, 429]

    limit_of_three.TRUSTED_PROXY = True
    # Trusted: the hop our proxy appended (the last) is the client; earlier ones are
    # whatever the client sent and are ignored.
    statuses = [search(f"1.2.3.{n}, 198.51.100.7").status_code for n in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert search("198.51.100.8").status_code == 200


def test_a_limit_of_zero_switches_it_off(client, db, settings):
    settings.RATE_LIMIT_SEARCH_REQUESTS = 0
    for _ in range(70):
        assert client.get(reverse("trials:trial_list")).status_code == 200


def test_the_count_lives_in_the_shared_cache(db, limit_of_three):
    from django.core.cache import cache

    assert [ratelimit.hit("t", "192.0.2.1", 2, 60) for _ in range(3)][:2] == [0, 0]
    keys = [k for k in cache._cache if "ratelimit:t:192.0.2.1" in k]  # locmem internals
    assert keys


def test_it_counts_in_redis_when_configured(settings):
    import redis

    url = "redis://127.0.0.1:6379/15"
    try:
        redis.Redis.from_url(url).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    }
    try:
        redis.Redis.from_url(url).flushdb()
        waits = [ratelimit.hit("redis-test", "192.0.2.9", 2, 60) for _ in range(3)]
        assert waits[:2] == [0, 0] and waits[2] > 0
    finally:
        redis.Redis.from_url(url).flushdb()
