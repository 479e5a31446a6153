"""Beyond one machine: an optional read replica. Anonymous reads of public content go to
"replica"; writes, staff, the admin and unsafe methods stay on the primary."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.http import HttpResponse
from django.test import RequestFactory

from trialfinder.core import dbrouter
from trialfinder.core.security import StaffSessionMiddleware
from trialfinder.glossary.models import GlossaryTerm
from trialfinder.trials.models import Trial

ROOT = Path(__file__).resolve().parent.parent
router = dbrouter.ReplicaRouter()


def test_public_reads_go_to_the_replica_and_everything_else_to_the_primary():
    # Outside a request (commands, migrations, shell): always the primary.
    assert router.db_for_read(Trial) == "default"
    with dbrouter.replica_reads():
        assert router.db_for_read(Trial) == "replica"
        assert router.db_for_read(GlossaryTerm) == "replica"
        assert router.db_for_read(User) == "default"
        assert router.db_for_read(Session) == "default"
        assert router.db_for_write(Trial) == "default"
    assert router.db_for_read(Trial) == "default"
    assert router.allow_migrate("default", "trials") is True
    assert router.allow_migrate("replica", "trials") is False


def _database_used_by(request) -> str:
    seen = []

    def view(req):
        seen.append(router.db_for_read(Trial))
        return HttpResponse()

    StaffSessionMiddleware(view)(request)
    return seen[0]


def test_the_middleware_pins_signed_in_and_unsafe_requests(rf: RequestFactory, settings):
    anonymous = rf.get("/trials/")
    anonymous.user = type("Anon", (), {"is_authenticated": False, "is_staff": False})()
    assert _database_used_by(anonymous) == "replica"

    posted = rf.post("/trials/")
    posted.user = anonymous.user
    assert _database_used_by(posted) == "default"

    staff = rf.get("/trials/")
    staff.COOKIES[settings.SESSION_COOKIE_NAME] = "x"
    staff.user = type("Staff", (), {"is_authenticated": True, "is_staff": True})()
    staff.session = type(
        "S",
        (),
        {
            "get_expiry_age": lambda s: 0,
            "set_expiry": lambda s, v: 0,
            "__contains__": lambda s, k: False,
            "get": lambda s, k, default=None: default,
            "__setitem__": lambda s, k, v: None,
            "modified": False,
        },
    )()
    assert _database_used_by(staff) == "default"


# A primary and a replica as two SQLite files. The replica is a copy taken before a new
# trial is written, standing in for replication lag: anonymous visitors read the replica
# (no trial yet), staff read the primary (the trial is there).
_SCENARIO = textwrap.dedent(
    """
    import shutil, sys
    import django
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.contrib.auth.models import User
    from django.test import Client
    from tests.factories import make_trial

    call_command("migrate", verbosity=0)
    shutil.copy(sys.argv[1], sys.argv[2])
    trial = make_trial(title="Written after the copy")
    staff = User.objects.create_user("nurse", "n@example.com", "pw", is_staff=True)
    print("routers", settings.DATABASE_ROUTERS)
    print("anonymous", Client().get(trial.get_absolute_url()).status_code)
    nurse = Client()
    nurse.force_login(staff)
    print("staff", nurse.get(trial.get_absolute_url()).status_code)
    print("phone-sheet", nurse.get(f"/staff/trials/{trial.slug}/call/").status_code)
    """
)


def test_a_sqlite_replica_serves_anonymous_reads(tmp_path):
    primary, replica = tmp_path / "primary.sqlite3", tmp_path / "replica.sqlite3"
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "trialfinder.settings",
        "SECRET_KEY": "test-only-secret-key",
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "false",
        "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "DATABASE_URL": f"sqlite:///{primary}",
        "DATABASE_REPLICA_URL": f"sqlite:///{replica}",
    }
    result = subprocess.run(
        [sys.executable, "-c", _SCENARIO, str(primary), str(replica)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert lines["routers"] == "['trialfinder.core.dbrouter.ReplicaRouter']"
    assert lines["anonymous"] == "404"  # not replicated yet
    assert lines["staff"] == "200"
    assert lines["phone-sheet"] == "200"
