"""Faults: the health check, friendly 503s while the database is away, and recovery
without a restart once it is back."""

from __future__ import annotations

import os
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
from glob import glob
from pathlib import Path
from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends import utils as db_utils

ROOT = Path(__file__).resolve().parent.parent


class _Outage:
    """Every query fails the way a dropped PostgreSQL connection does, until undo()."""

    def __init__(self) -> None:
        def refuse(*args, **kwargs):
            raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")

        self._patches = [
            mock.patch.object(db_utils.CursorWrapper, "execute", refuse),
            mock.patch.object(db_utils.CursorWrapper, "executemany", refuse),
        ]
        for patch in self._patches:
            patch.start()

    def undo(self) -> None:
        for patch in self._patches:
            patch.stop()
        self._patches = []


@pytest.fixture
def database_down(db):
    # Depends on `db` so the outage ends before the test database is cleaned up.
    outage = _Outage()
    yield outage
    outage.undo()


def test_healthz_says_ok_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_the_database_does_not(client, db, database_down):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"database unavailable\n"
    assert response["Retry-After"]


def test_public_pages_answer_a_friendly_503_and_recover(client, trial, database_down):
    for url in ["/", "/trials/", trial.get_absolute_url(), "/glossary/", "/cancer-types/"]:
        response = client.get(url)
        assert response.status_code == 503, url
        assert response["Retry-After"] == "30"
        html = response.content.decode()
        assert "briefly unavailable" in html
        assert "OperationalError" not in html and "127.0.0.1" not in html
    database_down.undo()
    assert client.get(trial.get_absolute_url()).status_code == 200


def test_a_staff_request_that_fails_in_middleware_is_a_503_too(staff_client, database_down):
    # Loading the session happens in middleware, before any view runs.
    staff_client.raise_request_exception = False
    response = staff_client.get("/staff/lookup/")
    assert response.status_code == 503
    assert "briefly unavailable" in response.content.decode()


def test_connections_are_health_checked_so_the_site_recovers_by_itself(settings):
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(args: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return args
    runuser = shutil.which("runuser")
    if runuser is None:
        pytest.skip("running as root and runuser is missing: initdb refuses to run as root")
    return [runuser, "-u", "postgres", "--", *args]


# Runs in a fresh process against the throwaway server: migrate, then serve requests
# through the real WSGI handler (the test client skips the per-request connection
# checks that make recovery work) while PostgreSQL is stopped and started.
_SCENARIO = textwrap.dedent(
    """
    import subprocess, sys
    from wsgiref.util import setup_testing_defaults

    import django
    django.setup()
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application

    stop, start = sys.argv[1], sys.argv[2]
    call_command("migrate", verbosity=0)
    app = get_wsgi_application()

    def status(path):
        environ = {"PATH_INFO": path, "HTTP_HOST": "testserver"}
        setup_testing_defaults(environ)
        seen = []
        body = app(environ, lambda s, headers: seen.append(s))
        b"".join(body)
        body.close()
        return seen[0].split()[0]

    def statuses(*paths):
        return [status(path) for path in ("/healthz", *paths)]

    print("up", *statuses("/glossary/"))
    subprocess.run(stop, shell=True, check=True, capture_output=True)
    # A page the page cache already holds cannot have changed while the database is
    # down, so it is still served; any other page is the friendly 503.
    print("down", *statuses("/glossary/", "/cancer-types/"))
    subprocess.run(start, shell=True, check=True, capture_output=True)
    print("back", *statuses("/glossary/", "/cancer-types/"))
    """
)


@pytest.mark.postgres
def test_a_real_postgresql_outage_gives_503s_then_recovers(tmp_path):
    binaries = sorted(glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if not binaries:
        pytest.skip("no PostgreSQL server binaries under /usr/lib/postgresql")
    bin_dir = Path(binaries[-1]).parent
    # A directory the postgres user can reach (pytest's tmp_path is private to root).
    base = Path(tempfile.mkdtemp(prefix="tf-pg-", dir="/tmp"))
    data = base / "data"
    try:
        if os.geteuid() == 0:
            shutil.chown(base, "postgres")
            base.chmod(0o700)
        port = _free_port()
        init = _as_postgres(
            [str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"]
        )
        subprocess.run(init, check=True, capture_output=True, timeout=120)
        options = f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={base} -c fsync=off"
        pg_ctl = [str(bin_dir / "pg_ctl"), "-D", str(data), "-w", "-l", str(base / "log")]
        start = _as_postgres([*pg_ctl, "-o", options, "start"])
        stop = _as_postgres([*pg_ctl, "-m", "fast", "stop"])
        subprocess.run(start, check=True, capture_output=True, timeout=60)
        env = {
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "trialfinder.settings",
            "SECRET_KEY": "test-only-secret-key",
            "ALLOWED_HOSTS": "testserver",
            "SECURE_SSL_REDIRECT": "false",
            "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{port}/postgres",
        }
        result = subprocess.run(
            [sys.executable, "-c", _SCENARIO, shlex.join(stop), shlex.join(start)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=240,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        lines = [
            line for line in result.stdout.splitlines() if line.split()[0] in ("up", "down", "back")
        ]
        assert lines == ["up 200 200", "down 503 200 503", "back 200 200 200"]
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(
                _as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                capture_output=True,
            )
        shutil.rmtree(base, ignore_errors=True)
