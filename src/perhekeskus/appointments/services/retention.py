"""A booking's personal data for the data subject, and its erasure after the retention time."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.http import HttpRequest
from django.utils import timezone

from perhekeskus.accounts.models import User
from perhekeskus.appointments import actions
from perhekeskus.appointments.models import Booking, PreQuestion
from perhekeskus.appointments.selectors import access_booking
from perhekeskus.audit.services import audit_record


def _answers(booking: Booking) -> list[dict[str, str]]:
    try:
        stored = json.loads(booking.answers or "{}")
    except ValueError:
        stored = {}
    if not isinstance(stored, dict):
        return []
    questions = {
        str(q.pk): q.text
        for q in PreQuestion.objects.filter(appointment_type=booking.appointment_type)
    }
    return [
        {"question": questions.get(str(key), ""), "answer": str(value)}
        for key, value in sorted(stored.items(), key=lambda item: str(item[0]))
    ]


def booking_export(
    *, actor: User, booking_id: uuid.UUID, request: HttpRequest | None = None
) -> dict[str, Any]:
    """Everything stored about one booking, decrypted, for the person it is about (GDPR art.
    15); for whoever may see the booking, and audited."""
    booking = access_booking(actor=actor, booking_id=booking_id, for_action=True)
    location = booking.location
    data: dict[str, Any] = {
        "id": str(booking.pk),
        "appointment_type": booking.appointment_type.name,
        "service": booking.appointment_type.service.name,
        "professional": booking.professional.full_name,
        "starts": booking.starts.isoformat(),
        "ends": booking.ends.isoformat(),
        "channel": booking.channel,
        "place": (
            {"name": location.name, "address": location.street_address} if location else None
        ),
        "status": booking.status,
        "language": booking.language,
        "name": booking.name,
        "email": booking.email,
        "phone": booking.phone,
        "answers": _answers(booking),
        "booked_at": booking.created_at.isoformat(),
        "cancelled_at": booking.cancelled_at.isoformat() if booking.cancelled_at else None,
        "cancelled_by_family": booking.cancelled_by_family,
        "cancel_reason": booking.cancel_reason,
        "reminder_sent_at": (
            booking.reminder_sent_at.isoformat() if booking.reminder_sent_at else None
        ),
        "anonymised_at": booking.anonymised_at.isoformat() if booking.anonymised_at else None,
    }
    audit_record(action=actions.BOOKING_EXPORT, actor=actor, target=booking, request=request)
    return data


def bookings_anonymise_past(*, now: dt.datetime | None = None) -> int:
    """Erase the family's data of bookings that ended more than APPOINTMENTS_RETENTION_DAYS ago:
    name, contacts, answers, person key, manage link (its token, and its hash replaced so the
    link is dead), cancellation reason and video room. What is left (type, professional, times,
    channel, status) is what statistics and the professional's calendar need. One audit entry
    with the count; none when nothing was due. Returns how many were erased."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=settings.APPOINTMENTS_RETENTION_DAYS)
    with transaction.atomic():
        count = Booking.objects.filter(ends__lt=cutoff, anonymised_at__isnull=True).update(
            name="",
            email="",
            phone="",
            answers="",
            person_key="",
            manage_token="",
            # Never a SHA-256 of any token, and unique as the id is.
            manage_token_hash=Concat(Value("erased:"), Cast("id", output_field=CharField())),
            idempotency_key="",
            cancel_reason="",
            video_room="",
            anonymised_at=now,
        )
        if count:
            audit_record(
                action=actions.BOOKING_ANONYMISE,
                details={
                    "count": count,
                    "older_than_days": settings.APPOINTMENTS_RETENTION_DAYS,
                },
            )
    return count
