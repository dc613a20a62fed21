"""The documents imports keep waiting for their services or organisation (ADR 0030): a read-only
page for coordinators in the catalogue editor, and a clean-up of those no import has renewed for
PENDING_IMPORT_RETENTION_DAYS (daily as a periodic job, and `purge-pending-imports`)."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import override_settings
from django.utils import timezone

from perhekeskus.audit.models import AuditEntry
from perhekeskus.catalog.models import PendingImport
from perhekeskus.catalog.services import pending_import_purge
from perhekeskus.testing.clients import logged_in_client

pytestmark = pytest.mark.django_db

LIST = "/fi/pro/catalog/catalog/pendingimport/"
NOW = dt.datetime(2026, 12, 4, 9, 0, tzinfo=dt.UTC)


def _pending(
    *,
    days_old: int,
    waiting_for: tuple[str, ...] = (PendingImport.Waiting.ORGANIZATION,),
    waiting_services: tuple[str, ...] = (),
) -> PendingImport:
    row = PendingImport.objects.create(
        source="ptv",
        object_id=uuid.uuid4(),
        document={
            "serviceChannelNames": [
                {"language": "sv", "value": "Familjerådgivning", "type": "Name"},
                {"language": "fi", "value": "Perheneuvola", "type": "Name"},
            ]
        },
        waiting_for=list(waiting_for),
        waiting_services=list(waiting_services),
    )
    # `received_at` is set on every save: put it back in time as a later day would see it.
    PendingImport.objects.filter(pk=row.pk).update(received_at=NOW - dt.timedelta(days=days_old))
    row.refresh_from_db()
    return row


def test_a_coordinator_sees_what_waits_and_for_what(coordinator: Any) -> None:
    row = _pending(
        days_old=2,
        waiting_for=(PendingImport.Waiting.SERVICES, PendingImport.Waiting.ORGANIZATION),
        waiting_services=("a", "b", "c", "d", "e"),
    )
    client = logged_in_client(coordinator)
    page = client.get(LIST).content.decode()
    assert "Perheneuvola" in page
    assert "palvelut a, b, c ja 2 muuta; sen organisaatio" in page
    swedish = client.get(LIST.replace("/fi/", "/sv/")).content.decode()
    assert "tjänsterna a, b, c och 2 till; dess organisation" in swedish
    english = client.get(LIST.replace("/fi/", "/en/")).content.decode()
    assert "services a, b, c and 2 more; its organisation" in english
    # Stored as codes, not as words of one language.
    row.refresh_from_db()
    assert row.waiting_for == ["services", "organization"]
    detail = client.get(f"{LIST}{row.pk}/change/")
    assert detail.status_code == 200
    html = detail.content.decode()
    assert "Familjerådgivning" in html  # the document itself
    assert 'name="_save"' not in html  # read only


def test_an_editor_does_not_see_the_waiting_documents_and_changes_nothing(editor: Any) -> None:
    row = _pending(days_old=2)
    client = logged_in_client(editor)
    entries = AuditEntry.objects.count()
    assert client.get(LIST).status_code == 403
    assert client.get(f"{LIST}{row.pk}/change/").status_code == 403
    assert client.post(f"{LIST}{row.pk}/delete/", {"post": "yes"}).status_code == 403
    assert PendingImport.objects.filter(pk=row.pk).exists()
    assert AuditEntry.objects.count() == entries


def test_nobody_changes_or_deletes_them_on_the_page(coordinator: Any) -> None:
    row = _pending(days_old=2)
    client = logged_in_client(coordinator)
    client.post(f"{LIST}{row.pk}/change/", {"waiting_for": '["nothing"]'})
    client.post(f"{LIST}{row.pk}/delete/", {"post": "yes"})
    row.refresh_from_db()
    assert row.waiting_for == ["organization"]


@override_settings(CATALOG_PENDING_IMPORT_RETENTION_DAYS=30)
def test_the_clean_up_deletes_only_what_waited_past_the_retention() -> None:
    old = _pending(days_old=31)
    recent = _pending(days_old=29)
    assert pending_import_purge(now=NOW) == 1
    assert not PendingImport.objects.filter(pk=old.pk).exists()
    assert PendingImport.objects.filter(pk=recent.pk).exists()


def test_the_command_takes_the_days_and_says_how_many_in_the_users_language() -> None:
    _pending(days_old=(timezone.now() - NOW).days + 11)
    _pending(days_old=(timezone.now() - NOW).days)
    out = io.StringIO()
    call_command("purge_pending_imports", "--days", "10", "--language", "fi", stdout=out)
    assert "Poistettiin 1 asiakirja" in out.getvalue()
    assert PendingImport.objects.count() == 1
    with pytest.raises(CommandError):
        call_command("purge_pending_imports", "--days", "-1", stdout=io.StringIO())


def test_the_clean_up_is_a_daily_periodic_job() -> None:
    from perhekeskus.core.jobs.schedule import run_periodic, schedules

    schedule = schedules()["catalog.pending_imports.purge"]
    assert schedule.every == dt.timedelta(days=1)
    old = _pending(days_old=(timezone.now() - NOW).days + 400)
    run_periodic.call("catalog.pending_imports.purge")
    assert not PendingImport.objects.filter(pk=old.pk).exists()


BEFORE_CODES = [("catalog", "0008_database_defaults_for_the_review_columns")]
AFTER_CODES = [("catalog", "0009_pending_import_waiting_for_codes")]


def _migrate(targets: list[tuple[str, str]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


@pytest.mark.django_db(transaction=True)
def test_the_migration_turns_the_stored_english_words_into_codes() -> None:
    """Rows written before 0009 said what they wait for in English: they are codes now, and
    where the words cut the ids short ("and N more") the ids come from the channel's document."""
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    linked = [str(uuid.UUID(int=n)) for n in range(1, 7)]
    try:
        old_apps = _migrate(BEFORE_CODES).loader.project_state(BEFORE_CODES).apps
        OldPending = old_apps.get_model("catalog", "PendingImport")
        Organization = old_apps.get_model("catalog", "Organization")
        Service = old_apps.get_model("catalog", "Service")
        organization = Organization.objects.create(name="Askolan kunta")
        Service.objects.create(id=linked[0], organization=organization, name="Neuvola")
        document = {"services": [{"service": {"id": s}} for s in linked]}
        shown = ", ".join(linked[1:4])
        rows = {
            "both": OldPending.objects.create(
                source="ptv",
                object_id=uuid.uuid4(),
                document=document,
                waiting_for=f"services {shown} and 2 more; its organisation",
            ),
            "services": OldPending.objects.create(
                source="ptv",
                object_id=uuid.uuid4(),
                document={},
                waiting_for=f"services {linked[1]}, {linked[2]}",
            ),
            "organisation": OldPending.objects.create(
                source="ptv", object_id=uuid.uuid4(), document={}, waiting_for="its organisation"
            ),
        }
        _migrate(AFTER_CODES)
        migrated = {
            key: PendingImport.objects.get(object_id=row.object_id) for key, row in rows.items()
        }
        assert migrated["both"].waiting_for == ["services", "organization"]
        assert migrated["both"].waiting_services == linked[1:]
        assert migrated["services"].waiting_for == ["services"]
        assert migrated["services"].waiting_services == linked[1:3]
        assert migrated["organisation"].waiting_for == ["organization"]
        assert migrated["organisation"].waiting_services == []
    finally:
        _migrate(latest)
