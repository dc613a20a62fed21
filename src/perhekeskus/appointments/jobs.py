"""The appointments app's background jobs (on `perhekeskus.core.jobs`, ADR 0034 and 0036).

- `appointments_due_reminders`, every minute: each live booking starting within
  `APPOINTMENTS_REMINDER_HOURS` whose reminder has not gone gets it once. The booking's row is
  locked, `reminder_sent_at` re-checked and set, and the reminder's outbox e-mail and text
  message job are written in that one transaction: a worker killed at any point either wrote all
  of it or nothing, and a second worker (or the next run) finds the booking done.
  A booking made or moved inside the window gets no separate reminder: its confirmation is the
  reminder (`notices` marks it).
- `appointments_send_sms`: one text message, retried; it re-reads the booking and sends nothing
  when the message has been overtaken (the booking moved again, was cancelled or erased).
- `appointments_anonymise_past`, daily: the retention rule (`bookings_anonymise_past`).
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from perhekeskus.appointments import notices
from perhekeskus.appointments.models import Booking, BookingStatus
from perhekeskus.core.jobs import enqueue, job, periodic
from perhekeskus.core.sms import send_sms

log = logging.getLogger(__name__)

# How many due bookings one query fetches; the job loops until none is due.
REMINDER_BATCH = 200


def reminder_window(now: dt.datetime) -> dt.datetime:
    return now + dt.timedelta(hours=settings.APPOINTMENTS_REMINDER_HOURS)


def _due(now: dt.datetime, limit: int) -> list[Any]:
    return list(
        Booking.objects.filter(
            status=BookingStatus.BOOKED,
            reminder_sent_at__isnull=True,
            anonymised_at__isnull=True,
            starts__gt=now,
            starts__lte=reminder_window(now),
        )
        .order_by("starts", "id")
        .values_list("pk", flat=True)[:limit]
    )


def reminder_send(*, booking_id: Any, now: dt.datetime | None = None) -> bool:
    """Send one booking's reminder unless it has gone (or is no longer due). True if sent here."""
    now = now or timezone.now()
    with transaction.atomic():
        booking = (
            Booking.objects.select_for_update(of=("self",))
            .select_related("appointment_type", "location")
            .filter(pk=booking_id, status=BookingStatus.BOOKED, reminder_sent_at__isnull=True)
            .first()
        )
        if booking is None or booking.anonymised_at or booking.starts <= now:
            return False
        # A compare-and-set under the lock as well: on a database without row locks it is the
        # update itself that lets only one writer through.
        claimed = Booking.objects.filter(pk=booking.pk, reminder_sent_at__isnull=True).update(
            reminder_sent_at=now
        )
        if not claimed:
            return False
        booking.reminder_sent_at = now
        notices.booking_reminder(booking)
    return True


def reminders_send_due(*, now: dt.datetime | None = None, limit: int | None = None) -> int:
    """Send every due reminder (at most `limit`); returns how many were sent by this call."""
    sent = 0
    seen: set[Any] = set()
    while limit is None or sent < limit:
        moment = now or timezone.now()
        batch = [pk for pk in _due(moment, REMINDER_BATCH) if pk not in seen]
        if not batch:
            break
        for booking_id in batch:
            seen.add(booking_id)
            if reminder_send(booking_id=booking_id, now=now or timezone.now()):
                sent += 1
                if limit is not None and sent >= limit:
                    break
    if sent:
        log.info("Appointment reminders sent: %s", sent)
    return sent


@job(retries=3)
def appointments_due_reminders() -> int:
    return reminders_send_due()


@job(retries=5)
def appointments_send_sms(booking_id: str, kind: str, starts: str) -> None:
    """One text message about a booking. Sends nothing when it is no longer true: the booking
    was moved after this message was queued (the newer message tells), cancelled (for a
    message other than the cancellation), erased or past."""
    booking = (
        Booking.objects.select_related("appointment_type", "location").filter(pk=booking_id).first()
    )
    if booking is None or booking.anonymised_at or not booking.phone:
        return
    if kind not in notices.KINDS:
        raise ValueError("unknown text message kind")
    if booking.starts != dt.datetime.fromisoformat(starts):
        return
    if kind == "cancelled":
        if booking.status != BookingStatus.CANCELLED:
            return
    elif booking.status != BookingStatus.BOOKED or booking.starts <= timezone.now():
        return
    send_sms(to=booking.phone, text=notices.sms_text(booking, kind))


def sms_enqueue(task: Any, *, booking: Booking, kind: str) -> None:
    """Queue the text message in the caller's transaction (the job row commits with it). Only
    the booking's id and time go in the job's arguments, never the number or the text."""
    enqueue(task, booking_id=str(booking.pk), kind=kind, starts=booking.starts.isoformat())


@job(retries=3)
def appointments_anonymise_past() -> int:
    from perhekeskus.appointments.services import bookings_anonymise_past

    return bookings_anonymise_past()


def register() -> None:
    """Called from AppointmentsConfig.ready()."""
    periodic(
        "appointments.reminders", every=dt.timedelta(minutes=1), job=appointments_due_reminders
    )
    periodic("appointments.anonymise", every=dt.timedelta(days=1), job=appointments_anonymise_past)
