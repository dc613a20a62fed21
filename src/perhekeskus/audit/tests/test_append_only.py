"""No way to alter an audit entry: not the model, the queryset, raw SQL, the admin or the API."""

import pytest
from django.core.management.color import no_style
from django.db import DatabaseError, connection, transaction
from django.test import Client

from perhekeskus.audit.guard import audit_table_writable_for_flush
from perhekeskus.audit.models import AuditEntry, AuditLogIsAppendOnly
from perhekeskus.audit.services import audit_record
from perhekeskus.testing.clients import logged_in_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry() -> AuditEntry:
    return audit_record(action="accounts.user.login", details={"n": 1})


def test_model_save_of_an_existing_entry_is_refused(entry: AuditEntry) -> None:
    entry.action = "accounts.user.logout"
    with pytest.raises(AuditLogIsAppendOnly):
        entry.save()
    assert AuditEntry.objects.get(pk=entry.pk).action == "accounts.user.login"


def test_model_delete_is_refused(entry: AuditEntry) -> None:
    with pytest.raises(AuditLogIsAppendOnly):
        entry.delete()
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_queryset_update_and_delete_are_refused(entry: AuditEntry) -> None:
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEntry.objects.filter(pk=entry.pk).update(action="x.y.z")
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get(pk=entry.pk).action == "accounts.user.login"


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditentry SET action = 'x.y.z'",
        "UPDATE audit_auditentry SET reason = 'rewritten' WHERE id = %s",
        "DELETE FROM audit_auditentry WHERE id = %s",
        "DELETE FROM audit_auditentry",
    ],
)
def test_raw_sql_update_and_delete_are_refused_by_the_database(entry: AuditEntry, sql: str) -> None:
    params = [entry.pk] if "%s" in sql else []
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, params)
    entry_now = AuditEntry.objects.get(pk=entry.pk)
    assert entry_now.action == "accounts.user.login"
    assert entry_now.reason == ""


only_on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite has no TRUNCATE; its flush is a DELETE"
)


@only_on_postgresql
def test_truncate_is_refused_by_the_database(entry: AuditEntry) -> None:
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("TRUNCATE audit_auditentry")
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_djangos_flush_statements_are_refused_outside_the_escape_hatch(entry: AuditEntry) -> None:
    # What `perhekeskus flush` runs: TRUNCATE on PostgreSQL, DELETE on SQLite.
    statements = connection.ops.sql_flush(no_style(), ["audit_auditentry"])
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        connection.ops.execute_sql_flush(statements)
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_the_escape_hatch_lets_the_flush_empty_the_table_and_closes_after_it(
    entry: AuditEntry,
) -> None:
    statements = connection.ops.sql_flush(no_style(), ["audit_auditentry"])
    # Inside the test's transaction: the emptied table comes back when the test ends.
    with audit_table_writable_for_flush():
        connection.ops.execute_sql_flush(statements)
    assert not AuditEntry.objects.exists()
    audit_record(action="accounts.user.login", details={"n": 2})
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        connection.ops.execute_sql_flush(statements)
    assert AuditEntry.objects.count() == 1


@only_on_postgresql
def test_the_escape_hatch_is_a_setting_of_this_session_only_while_it_is_open() -> None:
    def setting() -> str | None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('perhekeskus.audit_writable', true)")
            return cursor.fetchone()[0]

    assert setting() in (None, "", "off")
    with audit_table_writable_for_flush():
        assert setting() == "on"
    assert setting() == "off"


def test_admin_offers_no_add_change_or_delete(admin_user, entry: AuditEntry) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(admin_user)
    base = "/admin/audit/auditentry/"
    assert client.get(base).status_code == 200
    assert client.get(f"{base}add/").status_code == 403
    assert client.get(f"{base}{entry.pk}/change/").status_code == 200  # a read-only view
    assert client.post(f"{base}{entry.pk}/change/", {"action": "x.y.z"}).status_code == 403
    assert client.post(f"{base}{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    assert AuditEntry.objects.get(pk=entry.pk).action == "accounts.user.login"


def test_api_has_no_write_methods(coordinator, entry: AuditEntry) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(coordinator)
    url = f"/api/v1/audit-entries/{entry.pk}"
    assert client.get(url).status_code == 200
    for method in (client.put, client.patch, client.delete):
        response = method(url, data={"action": "x.y.z"}, content_type="application/json")
        assert response.status_code == 405
    assert client.post("/api/v1/audit-entries", {"action": "x.y.z"}).status_code == 405
    assert AuditEntry.objects.get(pk=entry.pk).action == "accounts.user.login"


def test_anonymous_api_client_sees_nothing(entry: AuditEntry) -> None:
    assert Client().get("/api/v1/audit-entries").status_code == 403
