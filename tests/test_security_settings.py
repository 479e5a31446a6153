"""Secure by default: production settings refuse to start half-configured, and pass
Django's deployment checklist with no warnings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Long and random-looking enough for security.W009.
PRODUCTION_KEY = "k3Yq9-vTz8LwP2xR7mN4bH6cJ1dF5gS0aE_uI9oU3yT8rW2qZ6xC4vB7nM1lK5j"


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess:
    clean = {"PATH": os.environ["PATH"], "PYTHONDONTWRITEBYTECODE": "1", **env}
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60
    )


def _production_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {
        "SECRET_KEY": PRODUCTION_KEY,
        "ALLOWED_HOSTS": "trials.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        **extra,
    }


def _settings(names: list[str], **env: str) -> dict:
    code = (
        "import json, trialfinder.settings as s; "
        f"print(json.dumps({{n: getattr(s, n) for n in {names!r}}}, default=str))"
    )
    result = _run(["-c", code], **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_it_refuses_to_start_without_a_secret_key():
    result = _run(["-c", "import trialfinder.settings"], ALLOWED_HOSTS="trials.example.org")
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_manage_py_says_what_is_missing_instead_of_an_unrelated_traceback():
    result = _run(["manage.py", "check"])
    assert result.returncode == 1
    assert "manage.py: SECRET_KEY must be set when DEBUG is off" in result.stderr
    assert "set DEBUG=true" in result.stderr
    assert "Traceback" not in result.stderr


def test_checking_for_missing_migrations_needs_no_production_settings():
    result = _run(["manage.py", "makemigrations", "--check", "--dry-run"])
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


def test_it_refuses_to_start_without_allowed_hosts():
    result = _run(["-c", "import trialfinder.settings"], SECRET_KEY=PRODUCTION_KEY)
    assert result.returncode != 0
    assert "ImproperlyConfigured: ALLOWED_HOSTS must be set when DEBUG is off" in result.stderr


def test_it_rejects_malformed_security_settings():
    for name, value in [
        ("ADMIN_URL", "/admin"),
        ("RATE_LIMIT_SEARCH", "lots"),
        ("SECURE_PROXY_SSL_HEADER", "HTTP_X_FORWARDED_PROTO"),
        ("SECURE_SSL_REDIRECT", "maybe"),
    ]:
        env = {"SECRET_KEY": PRODUCTION_KEY, "ALLOWED_HOSTS": "x.org", name: value}
        result = _run(["-c", "import trialfinder.settings"], **env)
        assert result.returncode != 0, name
        assert f"ImproperlyConfigured: {name}" in result.stderr, result.stderr


def test_the_deployment_checklist_passes_with_production_settings(tmp_path):
    result = _run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **_production_env(tmp_path)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_defaults_are_the_secure_ones(tmp_path):
    values = _settings(
        [
            "DEBUG",
            "SECURE_SSL_REDIRECT",
            "SECURE_HSTS_SECONDS",
            "SECURE_HSTS_INCLUDE_SUBDOMAINS",
            "SESSION_COOKIE_SECURE",
            "CSRF_COOKIE_SECURE",
            "SECURE_PROXY_SSL_HEADER",
            "SESSION_ENGINE",
        ],
        **_production_env(tmp_path),
    )
    assert values == {
        "DEBUG": False,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        # Only trusted when a proxy is declared.
        "SECURE_PROXY_SSL_HEADER": None,
        "SESSION_ENGINE": "django.contrib.sessions.backends.db",
    }


def test_development_is_relaxed_and_proxy_settings_come_from_the_environment(tmp_path):
    dev = _settings(
        ["SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SESSION_COOKIE_SECURE"], DEBUG="true"
    )
    assert dev == {
        "SECURE_SSL_REDIRECT": False,
        "SECURE_HSTS_SECONDS": 0,
        "SESSION_COOKIE_SECURE": False,
    }
    proxied = _settings(
        ["SECURE_PROXY_SSL_HEADER", "CSRF_TRUSTED_ORIGINS", "SECURE_HSTS_PRELOAD", "CACHES"],
        **_production_env(
            tmp_path,
            SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO,https",
            CSRF_TRUSTED_ORIGINS="https://trials.example.org",
            SECURE_HSTS_PRELOAD="false",
            REDIS_URL="redis://127.0.0.1:6379/3",
        ),
    )
    assert proxied["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert proxied["CSRF_TRUSTED_ORIGINS"] == ["https://trials.example.org"]
    assert proxied["SECURE_HSTS_PRELOAD"] is False
    assert proxied["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
