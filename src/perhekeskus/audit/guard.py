"""Database-level guard of the audit log.

Triggers (migration 0002) refuse UPDATE and DELETE on the audit table whatever the caller: the
ORM, raw SQL, a shell. On PostgreSQL a plpgsql trigger raises. On SQLite the trigger asks the
function `perhekeskus_audit_writable()`, registered here on every connection; it answers 0, so the
trigger aborts. Any other SQLite client (no such function) fails closed.

SQLite has no TRUNCATE. On PostgreSQL a statement-level trigger (migration 0003) refuses it too,
unless the connection's setting `perhekeskus.audit_writable` is `on`.

One way opens the table, for one purpose: `audit_table_writable_for_flush()`, which the test
harness puts around Django's flush so that it can empty the tables between transactional tests
(on SQLite the flush is DELETE, on PostgreSQL TRUNCATE).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connections

_writable = False
# A custom setting ("placeholder variable") of the PostgreSQL session, read by the trigger.
POSTGRES_WRITABLE_SETTING = "perhekeskus.audit_writable"


def _is_writable() -> int:
    return 1 if _writable else 0


def register_sqlite_function(sender: Any, connection: Any, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "perhekeskus_audit_writable", 0, _is_writable, deterministic=False
        )


def _set_postgres_writable(value: str) -> list[Any]:
    changed = []
    for connection in connections.all():
        if connection.vendor != "postgresql":
            continue
        with connection.cursor() as cursor:
            # For the session, not the transaction (SET LOCAL): Django's flush opens its own
            # transaction after this. A rolled-back transaction takes the setting back with it.
            cursor.execute("SELECT set_config(%s, %s, false)", [POSTGRES_WRITABLE_SETTING, value])
        changed.append(connection)
    return changed


@contextmanager
def audit_table_writable_for_flush() -> Iterator[None]:
    """For the test harness only: Django's flush empties every table, the audit log included.
    On SQLite it switches this process's `perhekeskus_audit_writable()` to 1; on PostgreSQL it
    sets `perhekeskus.audit_writable` on this thread's connections. Both end with the block."""
    global _writable
    _writable = True
    opened: list[Any] = []
    try:
        opened = _set_postgres_writable("on")
        yield
    finally:
        _writable = False
        for connection in opened:
            if connection.needs_rollback or not connection.is_usable():
                continue  # the rollback, or the closed session, already took the setting back
            with connection.cursor() as cursor:
                cursor.execute("SELECT set_config(%s, 'off', false)", [POSTGRES_WRITABLE_SETTING])


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
# Row triggers do not see TRUNCATE. Its statement trigger lets through only a session that
# `audit_table_writable_for_flush()` opened (the test harness around Django's flush).
POSTGRES_TRUNCATE_TRIGGERS = [
    f"""
    CREATE OR REPLACE FUNCTION audit_auditentry_no_truncate() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF coalesce(current_setting('{POSTGRES_WRITABLE_SETTING}', true), '') = 'on' THEN
            RETURN NULL;
        END IF;
        RAISE EXCEPTION 'audit entries are append-only' USING ERRCODE = 'insufficient_privilege';
    END;
    $$
    """,
    """
    CREATE TRIGGER audit_auditentry_no_truncate
    BEFORE TRUNCATE ON audit_auditentry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_auditentry_no_truncate()
    """,
]
POSTGRES_TRUNCATE_DROP = [
    "DROP TRIGGER IF EXISTS audit_auditentry_no_truncate ON audit_auditentry",
    "DROP FUNCTION IF EXISTS audit_auditentry_no_truncate()",
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


def install_truncate_trigger(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        _run(schema_editor, POSTGRES_TRUNCATE_TRIGGERS)


def remove_truncate_trigger(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        _run(schema_editor, POSTGRES_TRUNCATE_DROP)


def append_only_statements(
    table: str, what: str
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The same guard for another append-only log (`families`' access log): row triggers that
    refuse UPDATE and DELETE, and on PostgreSQL a statement trigger that refuses TRUNCATE, each
    opened only by `audit_table_writable_for_flush()`. Returns (install, remove) per vendor."""
    install = {
        "sqlite": [
            f"""
            CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}
            WHEN perhekeskus_audit_writable() = 0
            BEGIN SELECT RAISE(ABORT, '{what} are append-only'); END
            """,
            f"""
            CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
            WHEN perhekeskus_audit_writable() = 0
            BEGIN SELECT RAISE(ABORT, '{what} are append-only'); END
            """,
        ],
        "postgresql": [
            f"""
            CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'TRUNCATE'
                   AND coalesce(current_setting('{POSTGRES_WRITABLE_SETTING}', true), '') = 'on'
                THEN
                    RETURN NULL;
                END IF;
                RAISE EXCEPTION '{what} are append-only' USING ERRCODE = 'insufficient_privilege';
            END;
            $$
            """,
            f"""
            CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION {table}_append_only()
            """,
            f"""
            CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
            FOR EACH STATEMENT EXECUTE FUNCTION {table}_append_only()
            """,
        ],
    }
    remove = {
        "sqlite": [
            f"DROP TRIGGER IF EXISTS {table}_no_update",
            f"DROP TRIGGER IF EXISTS {table}_no_delete",
        ],
        "postgresql": [
            f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}",
            f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}",
            f"DROP FUNCTION IF EXISTS {table}_append_only()",
        ],
    }
    return install, remove
