"""The intake migrations that change stored rows: 0004 encrypts the danger signals already
stored (F-08), so that a dump shows no kind of danger while `has_danger` says whether there was
any; 0005 closes again a request an illegal move reopened, before the database refuses such
rows."""

from __future__ import annotations

import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from perhekeskus.intake.models import HelpRequest

BEFORE = [("intake", "0003_idempotency_body_and_single_line_team_name")]
AFTER = [("intake", "0004_danger_signals_encrypted_and_minutes_retention")]


def _migrate(targets: list[tuple[str, str]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


@pytest.mark.django_db(transaction=True)
def test_existing_danger_signals_are_encrypted_by_the_migration() -> None:
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old_apps = _migrate(BEFORE).loader.project_state(BEFORE).apps
        Organization = old_apps.get_model("catalog", "Organization")
        Municipality = old_apps.get_model("catalog", "Municipality")
        Team = old_apps.get_model("intake", "EarlySupportTeam")
        OldRequest = old_apps.get_model("intake", "HelpRequest")
        organization = Organization.objects.create(name="Itä-Uudenmaan hyvinvointialue")
        municipality = Municipality.objects.create(code="018", name="Askola")
        team = Team.objects.create(name="VATU", organization=organization)
        common = {
            "team": team,
            "municipality": municipality,
            "concerns": "my_child",
            "consent_at": timezone.now(),
        }
        danger = OldRequest.objects.create(
            tracking_code="A" * 20, danger_signals=["self_harm", "violence"], **common
        )
        calm = OldRequest.objects.create(tracking_code="B" * 20, danger_signals=[], **common)
        _migrate(AFTER)
        with connection.cursor() as cursor:
            cursor.execute("SELECT tracking_code, danger_signals FROM intake_helprequest")
            raw = dict(cursor.fetchall())
        assert raw["B" * 20] == ""
        assert raw["A" * 20] and "self_harm" not in raw["A" * 20]
        migrated = HelpRequest.objects.get(pk=uuid.UUID(str(danger.pk)))
        assert migrated.danger_signals == ["self_harm", "violence"]
        assert migrated.has_danger
        assert not HelpRequest.objects.get(pk=uuid.UUID(str(calm.pk))).has_danger
    finally:
        _migrate(latest)


@pytest.mark.django_db(transaction=True)
def test_a_request_moved_back_from_closed_is_closed_again_before_the_constraint() -> None:
    """Migration 0005: a row the old bug left behind ("in triage" with a closing time) is
    closed again, with an event that says so, before the database starts refusing such rows."""
    before = [("intake", "0004_danger_signals_encrypted_and_minutes_retention")]
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old_apps = _migrate(before).loader.project_state(before).apps
        Organization = old_apps.get_model("catalog", "Organization")
        Municipality = old_apps.get_model("catalog", "Municipality")
        Team = old_apps.get_model("intake", "EarlySupportTeam")
        OldRequest = old_apps.get_model("intake", "HelpRequest")
        team = Team.objects.create(
            name="VATU", organization=Organization.objects.create(name="Askolan kunta")
        )
        reopened = OldRequest.objects.create(
            tracking_code="C" * 20,
            team=team,
            municipality=Municipality.objects.create(code="018", name="Askola"),
            concerns="my_child",
            consent_at=timezone.now(),
            status="in_triage",
            closed_at=timezone.now(),
        )
        _migrate(latest)
        fixed = HelpRequest.objects.get(pk=uuid.UUID(str(reopened.pk)))
        assert fixed.status == "closed"
        event = fixed.events.get()
        assert event.data == {"old": "in_triage", "new": "closed", "via": "migration intake.0005"}
    finally:
        _migrate(latest)
