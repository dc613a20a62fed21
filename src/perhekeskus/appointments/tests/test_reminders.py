"""Reminders: each due booking's reminder goes once, whether the job runs twice, concurrently or
after a crash; and the daily anonymisation job."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any
from unittest import mock

import pytest
from django.test import override_settings

from perhekeskus.appointments import jobs
from perhekeskus.appointments.models import Booking, BookingStatus
from perhekeskus.appointments.tests.factories import BookingFactory, receiving_professional
from perhekeskus.core import sms
from perhekeskus.core.models import OutboxEmail
from perhekeskus.testing.concurrency import at_once, concurrent
from perhekeskus.testing.jobs import run_jobs

NOW = dt.datetime(2027, 3, 1, 8, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _empty_sms_outbox() -> Iterator[None]:
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def _due(starts: dt.datetime, **fields: Any) -> Booking:
    values: dict[str, Any] = {"starts": starts, "phone": "", **fields}
    return BookingFactory.create(**values)


def _reminders() -> list[OutboxEmail]:
    return list(OutboxEmail.objects.filter(kind="appointments.booking.reminder"))


@pytest.mark.django_db
@override_settings(APPOINTMENTS_REMINDER_HOURS=24)
def test_a_due_reminder_is_sent_once_when_the_job_runs_twice() -> None:
    booking = _due(NOW + dt.timedelta(hours=20))
    assert jobs.reminders_send_due(now=NOW) == 1
    assert jobs.reminders_send_due(now=NOW + dt.timedelta(minutes=1)) == 0
    assert len(_reminders()) == 1
    booking.refresh_from_db()
    assert booking.reminder_sent_at == NOW


@pytest.mark.django_db
@override_settings(APPOINTMENTS_REMINDER_HOURS=24)
def test_only_live_bookings_inside_the_window_are_reminded() -> None:
    professional = receiving_professional()

    def at(hours: float, **fields: Any) -> Booking:
        return _due(NOW + dt.timedelta(hours=hours), professional=professional, **fields)

    due = at(23)
    at(25)  # not yet
    at(-1)  # past
    at(5, status=BookingStatus.CANCELLED)
    at(6, reminder_sent_at=NOW - dt.timedelta(hours=1))  # already reminded
    at(7, anonymised_at=NOW)
    assert jobs.reminders_send_due(now=NOW) == 1
    (message,) = _reminders()
    due.refresh_from_db()
    assert due.reminder_sent_at == NOW
    assert Booking.objects.filter(reminder_sent_at=NOW).count() == 1
    assert message.subject.startswith("Muistutus: ")


@pytest.mark.django_db
def test_the_reminder_and_the_mark_are_one_transaction() -> None:
    booking = _due(NOW + dt.timedelta(hours=2))
    with (
        mock.patch.object(jobs.notices, "booking_reminder", side_effect=RuntimeError("boom")),
        pytest.raises(RuntimeError),
    ):
        jobs.reminders_send_due(now=NOW)
    booking.refresh_from_db()
    assert booking.reminder_sent_at is None  # rolled back: the next run sends it
    assert jobs.reminders_send_due(now=NOW) == 1
    assert len(_reminders()) == 1


@pytest.mark.django_db
def test_the_periodic_job_sends_the_reminder_and_its_text_message_once() -> None:
    now = dt.datetime.now(dt.UTC)
    booking = _due(now + dt.timedelta(hours=3), phone="040 123 4567", language="sv")
    run_jobs(periodic=True)
    run_jobs(periodic=True)
    assert jobs.reminders_send_due() == 0
    assert len(_reminders()) == 1
    (message,) = sms.outbox
    assert message.text.startswith("Påminnelse: ")
    assert booking.name.split(" ")[0] not in message.text


@pytest.mark.django_db
def test_reminders_send_due_stops_at_the_limit() -> None:
    for hours in (1, 2, 3):
        _due(NOW + dt.timedelta(hours=hours))
    assert jobs.reminders_send_due(now=NOW, limit=2) == 2
    assert jobs.reminders_send_due(now=NOW) == 1
    assert len(_reminders()) == 3


@concurrent
@pytest.mark.django_db(transaction=True)
def test_workers_running_at_once_send_each_reminder_once() -> None:
    professional = receiving_professional()
    bookings = [
        _due(NOW + dt.timedelta(hours=1, minutes=15 * i), professional=professional)
        for i in range(24)
    ]
    results = at_once(4, lambda _index: jobs.reminders_send_due(now=NOW))
    assert all(isinstance(result, int) for result in results), results
    assert sum(results) == len(bookings)
    reminders = _reminders()
    assert len(reminders) == len(bookings)
    assert len({message.dedupe_key for message in reminders}) == len(bookings)
    assert not Booking.objects.filter(reminder_sent_at__isnull=True).exists()


@pytest.mark.django_db
@override_settings(APPOINTMENTS_RETENTION_DAYS=30)
def test_the_daily_job_anonymises_past_bookings() -> None:
    old = _due(dt.datetime.now(dt.UTC) - dt.timedelta(days=40), name="Maija Meikäläinen")
    recent = _due(dt.datetime.now(dt.UTC) - dt.timedelta(days=2), name="Ville Virtanen")
    jobs.appointments_anonymise_past.enqueue()
    run_jobs()
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.anonymised_at is not None
    assert old.name == ""
    assert recent.anonymised_at is None
    assert recent.name == "Ville Virtanen"


def test_the_jobs_are_scheduled() -> None:
    from perhekeskus.core.jobs.schedule import schedules

    registered = schedules()
    assert registered["appointments.reminders"].every == dt.timedelta(minutes=1)
    assert registered["appointments.reminders"].job is jobs.appointments_due_reminders
    assert registered["appointments.anonymise"].every == dt.timedelta(days=1)
