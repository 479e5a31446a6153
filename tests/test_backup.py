"""Backup and restore (ops/backup.sh, ops/restore.sh): a PostgreSQL dump restored into a
new database holds the same trials, sites, identifiers, glossary terms and history."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
COUNTED = [
    "trials_trial",
    "trials_site",
    "trials_trialidentifier",
    "trials_trialorganisation",
    "glossary_glossaryterm",
]


def _url(name: str) -> str:
    s = connection.settings_dict
    return f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"


def _counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND "
                "(tablename = ANY(%s) OR tablename LIKE '%%historical%%')",
                [COUNTED],
            )
        ]
        # Table names come from the catalogue, not from input.
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


_SEED = """
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from tests.factories import make_site, make_trial, condition
from trialfinder.glossary.models import GlossaryTerm
trial = make_trial(title="Backed up trial", conditions=[condition("soft-tissue-sarcoma")],
                   identifiers={"NCT": "NCT09990001"})
make_site(trial, region="yorkshire-and-the-humber")
trial.summary = "Edited once, so there is history."
trial.save()
GlossaryTerm.objects.create(term="backupterm", slug="backupterm", definition="Kept.")
"""


@pytest.mark.postgres
def test_a_dump_restores_into_a_new_database(tmp_path):
    # Its own source database, committed and migrated in a subprocess: the test database
    # is inside a transaction pg_dump cannot see, and must stay untouched.
    source_name, target_name = (f"tf_backup_{uuid.uuid4().hex[:8]}" for _ in range(2))
    source, target = _url(source_name), _url(target_name)
    with psycopg.connect(_url("postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{source_name}"')
        admin.execute(f'CREATE DATABASE "{target_name}"')
    try:
        env = {
            "PATH": os.environ["PATH"],
            "SECRET_KEY": "test-only-secret-key",
            "ALLOWED_HOSTS": "testserver",
            "DATABASE_URL": source,
            "DJANGO_SETTINGS_MODULE": "trialfinder.settings",
        }
        seed = subprocess.run(
            [sys.executable, "-c", _SEED], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert seed.returncode == 0, seed.stderr[-3000:]
        dump = subprocess.run(
            ["ops/backup.sh", str(tmp_path / "backup")],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        assert dump.returncode == 0, dump.stderr
        dump_file = tmp_path / "backup.dump"
        assert dump_file.stat().st_size > 0
        restore = subprocess.run(
            ["ops/restore.sh", str(dump_file)],
            cwd=ROOT,
            env={**env, "DATABASE_URL": target},
            capture_output=True,
            text=True,
        )
        assert restore.returncode == 0, restore.stderr
        before, after = _counts(source), _counts(target)
        assert before == after
        assert before["trials_trial"] >= 1 and before["trials_site"] >= 1
        assert before["trials_trialidentifier"] >= 1
        assert before["glossary_glossaryterm"] > 1
        history = [t for t in before if "historical" in t]
        if history:  # django-simple-history is being added alongside this work
            assert sum(before[t] for t in history) > 0
    finally:
        with psycopg.connect(_url("postgres"), autocommit=True) as admin:
            for name in (source_name, target_name):
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_sqlite_backup_restores_every_row_into_a_new_database(tmp_path):
    """The real scripts, end to end: demo data (with history) in, JSON backup out,
    restored into an empty SQLite file, and every table's count the same."""
    source, target = tmp_path / "source.sqlite3", tmp_path / "target.sqlite3"
    env = {**os.environ, "DEBUG": "true"}
    python = str(ROOT / ".venv" / "bin" / "python")

    def run(*args: str, db: Path) -> None:
        subprocess.run(
            args, cwd=ROOT, env={**env, "DATABASE_URL": f"sqlite:///{db}"}, check=True,
            capture_output=True,
        )  # fmt: skip

    run(python, "manage.py", "migrate", "--noinput", db=source)
    run(python, "manage.py", "load_demo", db=source)
    run("bash", "ops/backup.sh", str(tmp_path / "backup"), db=source)
    run("bash", "ops/restore.sh", str(tmp_path / "backup.json"), db=target)

    def counts(db: Path) -> dict[str, int]:
        with sqlite3.connect(db) as conn:
            tables = [
                name
                for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
                if name.startswith(("trials_", "glossary_", "registry_"))
            ]
            return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}

    before, after = counts(source), counts(target)
    assert before == after
    assert before["trials_trial"] >= 50 and before["trials_site"] > 200
    assert before["trials_historicaltrial"] >= before["trials_trial"]
    assert before["glossary_glossaryterm"] >= 80
