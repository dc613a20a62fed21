"""Database-level guard of the audit log.

Triggers (migration 0002) refuse UPDATE and DELETE on the audit table whatever the caller: the
ORM, raw SQL, a shell. On PostgreSQL a plpgsql trigger raises. On SQLite the trigger asks the
function `perhekeskus_audit_writable()`, registered here on every connection; it answers 0, so the
trigger aborts. Only the test harness flips it, to let Django's flush empty the tables between
transactional tests. Any other SQLite client (no such function) fails closed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_writable = False


def _is_writable() -> int:
    return 1 if _writable else 0


def register_sqlite_function(sender: Any, connection: Any, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "perhekeskus_audit_writable", 0, _is_writable, deterministic=False
        )


@contextmanager
def audit_table_writable_for_flush() -> Iterator[None]:
    """For the test harness only: Django's flush empties every table, the audit log included."""
    global _writable
    _writable = True
    try:
        yield
    finally:
        _writable = False


SQLITE_TRIGGERS = [
    """
    CREATE TRIGGER audit_auditentry_no_update BEFORE UPDATE ON audit_auditentry
    WHEN perhekeskus_audit_writable() = 0
    BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END
    """,
    """
    CREATE TRIGGER audit_auditentry_no_delete BEFORE DELETE ON audit_auditentry
    WHEN perhekeskus_audit_writable() = 0
    BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END
    """,
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS audit_auditentry_no_update",
    "DROP TRIGGER IF EXISTS audit_auditentry_no_delete",
]
POSTGRES_TRIGGERS = [
    """
    CREATE OR REPLACE FUNCTION audit_auditentry_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'audit entries are append-only' USING ERRCODE = 'insufficient_privilege';
    END;
    $$
    """,
    """
    CREATE TRIGGER audit_auditentry_append_only
    BEFORE UPDATE OR DELETE ON audit_auditentry
    FOR EACH ROW EXECUTE FUNCTION audit_auditentry_append_only()
    """,
]
POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS audit_auditentry_append_only ON audit_auditentry",
    "DROP FUNCTION IF EXISTS audit_auditentry_append_only()",
]


def _run(schema_editor: Any, statements: list[str]) -> None:
    for statement in statements:
        schema_editor.execute(statement)


def install_triggers(apps: Any, schema_editor: Any) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _run(schema_editor, SQLITE_TRIGGERS)
    elif vendor == "postgresql":
        _run(schema_editor, POSTGRES_TRIGGERS)


def remove_triggers(apps: Any, schema_editor: Any) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _run(schema_editor, SQLITE_DROP)
    elif vendor == "postgresql":
        _run(schema_editor, POSTGRES_DROP)
