"""Reminders follow EVENTS_REMINDER_HOURS and never tell of something cancelled: a cancelled
event, a cancelled sign-up, or a peer group whose first session was cancelled."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import override_settings

from perhekeskus.events import jobs
from perhekeskus.events.models import EventKind, EventStatus, RegistrationMode, SignupStatus
from perhekeskus.events.tests.test_jobs import NOW, _event_at, _reminders
from perhekeskus.events.tests.test_notices import empty_sms_outbox, signup_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures(empty_sms_outbox.__name__)]


@override_settings(EVENTS_REMINDER_HOURS=2)
def test_the_reminder_window_is_the_setting() -> None:
    signup = signup_for(_event_at(NOW + dt.timedelta(hours=3)))
    assert jobs.reminders_send_due(now=NOW) == 0
    assert jobs.reminders_send_due(now=NOW + dt.timedelta(hours=1, minutes=5)) == 1
    signup.refresh_from_db()
    assert signup.reminder_sent_at is not None


@override_settings(EVENTS_REMINDER_HOURS=48)
def test_a_longer_window_reminds_earlier() -> None:
    signup_for(_event_at(NOW + dt.timedelta(hours=40)))
    assert jobs.reminders_send_due(now=NOW) == 1


@override_settings(EVENTS_REMINDER_HOURS=24)
def test_nothing_cancelled_is_reminded() -> None:
    event = _event_at(NOW + dt.timedelta(hours=5))
    signup_for(event, status=SignupStatus.CANCELLED)
    kept = signup_for(event, email="kept@example.org")
    event.status = EventStatus.CANCELLED
    event.save(update_fields=["status"])
    assert jobs.reminders_send_due(now=NOW) == 0
    assert jobs.reminder_send(signup_id=kept.pk, now=NOW) is False
    kept.refresh_from_db()
    assert kept.reminder_sent_at is None
    assert _reminders() == []


@override_settings(EVENTS_REMINDER_HOURS=24)
def test_a_peer_group_is_not_reminded_of_a_cancelled_first_session() -> None:
    starts = NOW + dt.timedelta(hours=5)
    group = _event_at(
        starts,
        kind=EventKind.SERIES,
        is_peer_group=True,
        registration=RegistrationMode.APPLICATION,
    )
    first = _event_at(
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
