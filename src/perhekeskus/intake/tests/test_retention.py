"""Retention clears everything it promises (security review F-08): the danger flags (stored
encrypted, erased with the words; only `has_danger` stays), the meeting decisions' next steps,
the minutes of meetings that can no longer name a kept request, and requests that are never
closed."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from perhekeskus.audit.models import AuditEntry
from perhekeskus.intake import selectors, services
from perhekeskus.intake.models import (
    CloseReason,
    HelpRequest,
    MeetingDecision,
    RequestStatus,
    TeamMeeting,
)
from perhekeskus.intake.tests.factories import (
    EarlySupportTeamFactory,
    member_of,
    received_ago,
    submitted_request,
)

pytestmark = pytest.mark.django_db

DAYS = 365
LONG_AGO = dt.timedelta(days=DAYS + 35)
DANGER = "Mieheni lyö minua ja lapsia, ja pelkään mennä kotiin."


@pytest.fixture
def team(organization: Any) -> Any:
    return EarlySupportTeamFactory.create(organization=organization)


@pytest.fixture
def member(team: Any) -> Any:
    return member_of(team)


def _raw(help_request: HelpRequest, column: str) -> Any:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {column} FROM intake_helprequest WHERE id = %s",  # noqa: S608 (fixed names)
            [help_request.pk.hex if connection.vendor == "sqlite" else help_request.pk],
        )
        return cursor.fetchone()[0]


def _closed_long_ago(member: Any, help_request: HelpRequest) -> HelpRequest:
    services.help_request_close(actor=member, help_request=help_request, reason="guided")
    HelpRequest.objects.filter(pk=help_request.pk).update(closed_at=timezone.now() - LONG_AGO)
    return help_request


def test_danger_signals_are_stored_encrypted_and_flagged_in_plain(team: Any) -> None:
    help_request = submitted_request(team, message=DANGER)
    help_request.refresh_from_db()
    assert "violence" in help_request.danger_signals
    assert help_request.has_danger
    raw = _raw(help_request, "danger_signals")
    assert raw and "violence" not in raw and "afraid" not in raw


def test_anonymisation_erases_which_danger_but_keeps_that_there_was(team: Any, member: Any) -> None:
    help_request = _closed_long_ago(member, submitted_request(team, message=DANGER))
    assert services.help_requests_anonymize(older_than_days=DAYS) == 1
    help_request.refresh_from_db()
    assert help_request.danger_signals == []
    assert _raw(help_request, "danger_signals") == ""
    assert help_request.has_danger
    assert help_request.message == ""


def test_the_board_still_orders_danger_first_by_the_plain_flag(team: Any) -> None:
    calm = received_ago(submitted_request(team), days=3)
    danger = submitted_request(team, message=DANGER)
    ordered = selectors.danger_first(
        HelpRequest.objects.filter(team=team), waiting_only=True
    ).order_by("urgency", "created_at")
    assert list(ordered) == [danger, calm]


def _meeting_with_decision(team: Any, member: Any, help_request: HelpRequest) -> TeamMeeting:
    held_on = timezone.localdate() - LONG_AGO
    meeting = TeamMeeting.objects.create(team=team, held_on=held_on, minutes="Perhe V. lyöminen")
    MeetingDecision.objects.create(
        meeting=meeting, request=help_request, responsible=member, next_step="Soitto V:lle"
    )
    return meeting


def test_minutes_and_decisions_go_once_no_request_they_can_name_is_kept(
    team: Any, member: Any
) -> None:
    help_request = received_ago(submitted_request(team), days=DAYS + 40)
    meeting = _meeting_with_decision(team, member, help_request)
    _closed_long_ago(member, help_request)
    services.help_requests_anonymize(older_than_days=DAYS)
    meeting.refresh_from_db()
    assert meeting.minutes == ""
    assert meeting.anonymized_at is not None
    assert MeetingDecision.objects.get(meeting=meeting).next_step == "–"
    entry = AuditEntry.objects.get(action="intake.request.anonymize")
    assert entry.details["meetings"] == 1
    with pytest.raises(ValidationError):
        services.meeting_minutes_save(actor=member, meeting=meeting, minutes="Uusi")
    meeting.refresh_from_db()
    assert meeting.minutes == ""


def test_minutes_stay_while_a_request_of_that_day_is_kept(team: Any, member: Any) -> None:
    anonymised = received_ago(submitted_request(team), days=DAYS + 40)
    meeting = _meeting_with_decision(team, member, anonymised)
    _closed_long_ago(member, anonymised)
    # Received before the meeting, closed only lately: the minutes may still name it.
    kept = received_ago(submitted_request(team), days=DAYS + 39)
    services.help_request_close(actor=member, help_request=kept, reason="guided")
    services.help_requests_anonymize(older_than_days=DAYS)
    meeting.refresh_from_db()
    assert meeting.minutes == "Perhe V. lyöminen"
    assert meeting.anonymized_at is None


def test_a_request_never_closed_is_closed_as_no_contact_and_anonymised(
    team: Any, member: Any
) -> None:
    forgotten = received_ago(submitted_request(team), days=DAYS + 1)
    active = received_ago(submitted_request(team), days=DAYS + 1)
    services.help_request_note(actor=member, help_request=active, text="Soitetaan huomenna.")
    assert services.help_requests_anonymize(older_than_days=DAYS) == 1
    forgotten.refresh_from_db()
    assert forgotten.status == RequestStatus.CLOSED
    assert forgotten.close_reason == CloseReason.NO_CONTACT
    assert forgotten.anonymized_at is not None and forgotten.message == ""
    close = AuditEntry.objects.get(action="intake.request.close", target_id=str(forgotten.pk))
    assert close.details == {
        "from": "new",
        "to": "closed",
        "reason": "no_contact",
        "via": "retention",
    }
    active.refresh_from_db()
    assert active.status == RequestStatus.NEW and active.message


def test_a_recent_open_request_is_left_alone(team: Any) -> None:
    recent = received_ago(submitted_request(team), days=DAYS - 1)
    assert services.help_requests_anonymize(older_than_days=DAYS) == 0
    recent.refresh_from_db()
    assert recent.status == RequestStatus.NEW and recent.anonymized_at is None


def test_every_encrypted_text_of_a_request_is_a_personal_field() -> None:
    """One tuple says what lists never load and what retention erases: every encrypted text."""
    from perhekeskus.intake.crypto import EncryptedTextField
    from perhekeskus.intake.models import PERSONAL_FIELDS

    encrypted = {
        field.name
        for field in HelpRequest._meta.get_fields()
        if isinstance(field, EncryptedTextField)
    }
    assert encrypted == set(PERSONAL_FIELDS)
