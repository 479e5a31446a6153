"""Optional read replica (DATABASE_REPLICA_URL). Only while serving an anonymous GET or
HEAD (StaffSessionMiddleware opts in) do reads of the public content go to the "replica"
alias. Writes, migrations, management commands and every query made for staff, the
admin or an unsafe method use "default". Replication lag therefore only ever shows to
anonymous visitors, for seconds."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

REPLICA = "replica"
PUBLIC_APPS = frozenset({"trials", "glossary"})
_replica_allowed: ContextVar[bool] = ContextVar("trialfinder_replica_allowed", default=False)


@contextmanager
def replica_reads(allowed: bool = True) -> Iterator[None]:
    token = _replica_allowed.set(allowed)
    try:
        yield
    finally:
        _replica_allowed.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints) -> str:
        if _replica_allowed.get() and model._meta.app_label in PUBLIC_APPS:
            return REPLICA
        return "default"

    def db_for_write(self, model, **hints) -> str:
        return "default"

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        # Both aliases hold the same data.
        return True

    def allow_migrate(self, db: str, app_label: str, **hints) -> bool:
        # The replica is a copy made by PostgreSQL replication, never migrated itself.
        return db == "default"
