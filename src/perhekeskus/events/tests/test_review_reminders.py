"""Reminders follow EVENTS_REMINDER_HOURS and never tell of something cancelled: a cancelled
event, a cancelled sign-up, or a peer group's cancelled session. A peer group's attending members
are reminded of each of its sessions once, with the session's own time and place."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.test import override_settings
from django.utils import translation

from perhekeskus.events import jobs
from perhekeskus.events.calendar import when_text
from perhekeskus.events.models import (
    Event,
    EventKind,
    EventStatus,
    RegistrationMode,
    SessionReminder,
    SignupStatus,
)
from perhekeskus.events.tests.helpers import NOW, event_at, reminders, signup_for
from perhekeskus.testing.concurrency import at_once, concurrent
from perhekeskus.testing.factories import LocationFactory

pytestmark = pytest.mark.django_db


@override_settings(EVENTS_REMINDER_HOURS=2)
def test_the_reminder_window_is_the_setting() -> None:
    signup = signup_for(event_at(NOW + dt.timedelta(hours=3)))
    assert jobs.reminders_send_due(now=NOW) == 0
    assert jobs.reminders_send_due(now=NOW + dt.timedelta(hours=1, minutes=5)) == 1
    signup.refresh_from_db()
    assert signup.reminder_sent_at is not None


@override_settings(EVENTS_REMINDER_HOURS=48)
def test_a_longer_window_reminds_earlier() -> None:
    signup_for(event_at(NOW + dt.timedelta(hours=40)))
    assert jobs.reminders_send_due(now=NOW) == 1


@override_settings(EVENTS_REMINDER_HOURS=24)
def test_nothing_cancelled_is_reminded() -> None:
    event = event_at(NOW + dt.timedelta(hours=5))
    signup_for(event, status=SignupStatus.CANCELLED)
    kept = signup_for(event, email="kept@example.org")
    event.status = EventStatus.CANCELLED
    event.save(update_fields=["status"])
    assert jobs.reminders_send_due(now=NOW) == 0
    assert jobs.reminder_send(signup_id=kept.pk, now=NOW) is False
    kept.refresh_from_db()
    assert kept.reminder_sent_at is None
    assert reminders() == []


@override_settings(EVENTS_REMINDER_HOURS=24)
def test_a_peer_group_is_not_reminded_of_a_cancelled_first_session() -> None:
    starts = NOW + dt.timedelta(hours=5)
    group = event_at(
        starts,
        kind=EventKind.SERIES,
        is_peer_group=True,
        registration=RegistrationMode.APPLICATION,
    )
    first = event_at(
        starts,
        kind=EventKind.OCCURRENCE,
        parent=group,
        organization=group.organization,
        registration=RegistrationMode.DROP_IN,
        status=EventStatus.CANCELLED,
    )
    member = signup_for(group)
    assert jobs.reminders_send_due(now=NOW) == 0
    member.refresh_from_db()
    assert member.reminder_sent_at is None
    first.status = EventStatus.PUBLISHED
    first.save(update_fields=["status"])
    assert jobs.reminders_send_due(now=NOW) == 1


def _peer_group_with_sessions(*starts: dt.datetime) -> tuple[Event, list[Event]]:
    """A published peer group and its published sessions, each at a place of its own."""
    group = event_at(
        starts[0],
        kind=EventKind.SERIES,
        is_peer_group=True,
        registration=RegistrationMode.APPLICATION,
    )
    sessions = [
        event_at(
            moment,
            kind=EventKind.OCCURRENCE,
            parent=group,
            organization=group.organization,
            registration=RegistrationMode.DROP_IN,
            location=LocationFactory.create(
                organization=group.organization, name=f"Perhekeskus {number}"
            ),
        )
        for number, moment in enumerate(starts, start=1)
    ]
    return group, sessions


@override_settings(EVENTS_REMINDER_HOURS=24)
def test_a_peer_groups_members_are_reminded_of_each_session_once() -> None:
    first_starts = NOW + dt.timedelta(hours=5)
    group, sessions = _peer_group_with_sessions(first_starts, first_starts + dt.timedelta(days=7))
    member = signup_for(group, language="en")
    signup_for(group, email="left@example.org", status=SignupStatus.CANCELLED)
    signup_for(group, email="waiting@example.org", status=SignupStatus.WAITLISTED)

    assert jobs.reminders_send_due(now=NOW) == 1
    assert jobs.reminders_send_due(now=NOW + dt.timedelta(minutes=5)) == 0  # run twice: once
    (first,) = reminders()
    assert json.loads(first.recipients) == [member.email]
    with translation.override("en"):
        first_when, second_when = when_text(sessions[0]), when_text(sessions[1])
    assert first_when in first.subject and first_when in first.body
    assert "Perhekeskus 1" in first.body and "Perhekeskus 2" not in first.body

    week_later = NOW + dt.timedelta(days=7)
    assert jobs.reminders_send_due(now=week_later) == 1
    assert jobs.reminders_send_due(now=week_later) == 0
    second = next(message for message in reminders() if message.pk != first.pk)
    assert second_when in second.subject and second_when in second.body
    assert "Perhekeskus 2" in second.body
    assert len(reminders()) == 2
    assert set(
        SessionReminder.objects.filter(signup=member).values_list("occurrence_id", flat=True)
    ) == {session.pk for session in sessions}


@override_settings(EVENTS_REMINDER_HOURS=24)
def test_a_cancelled_session_of_a_peer_group_is_not_reminded() -> None:
    first_starts = NOW + dt.timedelta(hours=5)
    group, (held, cancelled) = _peer_group_with_sessions(
        first_starts, first_starts + dt.timedelta(hours=3)
    )
    member = signup_for(group, language="en")
    cancelled.status = EventStatus.CANCELLED
    cancelled.save(update_fields=["status"])
    assert jobs.reminders_send_due(now=NOW) == 1
    assert (
        jobs.session_reminder_send(signup_id=member.pk, session_id=cancelled.pk, now=NOW) is False
    )
    (reminder,) = reminders()
    with translation.override("en"):
        assert when_text(held) in reminder.body
    assert list(SessionReminder.objects.values_list("occurrence_id", flat=True)) == [held.pk]


@override_settings(EVENTS_REMINDER_HOURS=24)
def test_a_member_who_cancelled_or_a_cancelled_group_is_not_reminded() -> None:
    group, (session,) = _peer_group_with_sessions(NOW + dt.timedelta(hours=5))
    member = signup_for(group)
    member.status = SignupStatus.CANCELLED
    member.save(update_fields=["status"])
    assert jobs.reminders_send_due(now=NOW) == 0
    member.status = SignupStatus.ATTENDING
    member.save(update_fields=["status"])
    group.status = EventStatus.CANCELLED
    group.save(update_fields=["status"])
    assert jobs.reminders_send_due(now=NOW) == 0
    assert jobs.session_reminder_send(signup_id=member.pk, session_id=session.pk, now=NOW) is False
    assert reminders() == []
    assert not SessionReminder.objects.exists()


@concurrent
@pytest.mark.django_db(transaction=True)
@override_settings(EVENTS_REMINDER_HOURS=24)
def test_workers_running_at_once_remind_each_member_of_a_session_once() -> None:
    group, _sessions = _peer_group_with_sessions(
        NOW + dt.timedelta(hours=3), NOW + dt.timedelta(hours=6)
    )
    for number in range(8):
        signup_for(group, email=f"family{number}@example.org")
    results = at_once(4, lambda _index: jobs.reminders_send_due(now=NOW))
    assert all(isinstance(result, int) for result in results), results
    assert sum(results) == 16
    sent = reminders()
    assert len(sent) == 16
    assert len({message.dedupe_key for message in sent}) == 16
    assert SessionReminder.objects.count() == 16
