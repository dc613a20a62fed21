"""A booking exported for the person it is about, and erased after the retention time."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.db import connection

from perhekeskus.appointments import actions, selectors, services
from perhekeskus.appointments.models import Booking, BookingStatus, Channel
from perhekeskus.appointments.tests.factories import (
    AppointmentTypeFactory,
    BookingFactory,
    PreQuestionFactory,
    receiving_professional,
)
from perhekeskus.audit.models import AuditEntry
from perhekeskus.core.errors import NotFound
from perhekeskus.testing.factories import LocationFactory

pytestmark = pytest.mark.django_db

ENDED = dt.datetime(2026, 1, 5, 8, 45, tzinfo=dt.UTC)


@pytest.fixture
def professional(organization: Any) -> Any:
    return receiving_professional(organization, full_name="Tiina Työntekijä")


def _booking(professional: Any, starts: dt.datetime, **fields: Any) -> Booking:
    kind = AppointmentTypeFactory.create(professionals=[professional], name="Perheneuvonta")
    question = PreQuestionFactory.create(appointment_type=kind, text="Mistä haluat puhua?")
    values: dict[str, Any] = {
        "appointment_type": kind,
        "professional": professional,
        "starts": starts,
        "name": "Maija Meikäläinen",
        "email": "maija@example.org",
        "phone": "+358401234567",
        "answers": json.dumps({str(question.pk): "Unesta"}),
        "person_key": "a" * 64,
        "channel": Channel.VIDEO,
        **fields,
    }
    return BookingFactory.create(**values)


# --- Export -------------------------------------------------------------------------------------


def test_export_gives_the_persons_data_decrypted_and_is_audited(professional: Any) -> None:
    place = LocationFactory.create(name="Perhekeskus", street_address="Ratatie 5")
    booking = _booking(professional, ENDED - dt.timedelta(minutes=45), location=place)
    data = services.booking_export(actor=professional, booking_id=booking.pk)
    assert data["name"] == "Maija Meikäläinen"
    assert data["email"] == "maija@example.org" and data["phone"] == "+358401234567"
    assert data["answers"] == [{"question": "Mistä haluat puhua?", "answer": "Unesta"}]
    assert data["appointment_type"] == "Perheneuvonta"
    assert data["professional"] == "Tiina Työntekijä"
    assert data["place"] == {"name": "Perhekeskus", "address": "Ratatie 5"}
    assert data["status"] == BookingStatus.BOOKED
    json.dumps(data)  # a file can be written of it
    entry = AuditEntry.objects.get(action=actions.BOOKING_EXPORT.name)
    assert entry.actor_id == professional.pk and entry.target_id == str(booking.pk)
    assert not AuditEntry.objects.filter(action=actions.BOOKING_VIEW.name).exists()


def test_export_is_refused_to_others(organization: Any, professional: Any) -> None:
    booking = _booking(professional, ENDED - dt.timedelta(minutes=45))
    with pytest.raises(NotFound):
        services.booking_export(actor=receiving_professional(organization), booking_id=booking.pk)
    assert not AuditEntry.objects.filter(action=actions.BOOKING_EXPORT.name).exists()


# --- Retention ----------------------------------------------------------------------------------


def test_bookings_past_the_retention_time_are_erased(professional: Any, settings: Any) -> None:
    settings.APPOINTMENTS_RETENTION_DAYS = 180
    old = _booking(professional, ENDED - dt.timedelta(minutes=45), cancel_reason="Sairastuin.")
    token = old.manage_token
    recent = _booking(professional, ENDED + dt.timedelta(days=2))
    now = ENDED + dt.timedelta(days=181)
    assert services.bookings_anonymise_past(now=now) == 1
    erased = Booking.objects.get(pk=old.pk)
    for field in ("name", "email", "phone", "answers", "person_key", "manage_token"):
        assert getattr(erased, field) == "", field
    assert erased.cancel_reason == "" and erased.video_room == ""
    assert erased.anonymised_at == now
    # What the calendar and statistics need stays.
    assert erased.starts == old.starts and erased.status == old.status
    assert erased.professional_id == professional.pk
    with pytest.raises(NotFound):
        selectors.booking_get_by_token(manage_token=token)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, email, phone, answers, manage_token, cancel_reason"
            " FROM appointments_booking WHERE anonymised_at IS NOT NULL"
        )
        assert cursor.fetchall() == [("", "", "", "", "", "")]
    kept = Booking.objects.get(pk=recent.pk)
    assert kept.name == "Maija Meikäläinen" and kept.anonymised_at is None
    entry = AuditEntry.objects.get(action=actions.BOOKING_ANONYMISE.name)
    assert entry.details == {"count": 1, "older_than_days": 180}
    assert entry.actor_id is None


def test_a_second_run_erases_nothing_and_logs_nothing(professional: Any, settings: Any) -> None:
    settings.APPOINTMENTS_RETENTION_DAYS = 30
    _booking(professional, ENDED - dt.timedelta(minutes=45))
    now = ENDED + dt.timedelta(days=31)
    assert services.bookings_anonymise_past(now=now) == 1
    assert services.bookings_anonymise_past(now=now + dt.timedelta(days=1)) == 0
    assert AuditEntry.objects.filter(action=actions.BOOKING_ANONYMISE.name).count() == 1


def test_the_retention_time_counts_from_the_end(professional: Any, settings: Any) -> None:
    settings.APPOINTMENTS_RETENTION_DAYS = 30
    _booking(professional, ENDED - dt.timedelta(minutes=45))
    assert services.bookings_anonymise_past(now=ENDED + dt.timedelta(days=30)) == 0
    assert services.bookings_anonymise_past(now=ENDED + dt.timedelta(days=30, seconds=1)) == 1


def test_export_of_an_erased_booking_has_no_personal_data(professional: Any, settings: Any) -> None:
    settings.APPOINTMENTS_RETENTION_DAYS = 30
    booking = _booking(professional, ENDED - dt.timedelta(minutes=45))
    services.bookings_anonymise_past(now=ENDED + dt.timedelta(days=31))
    data = services.booking_export(actor=professional, booking_id=booking.pk)
    assert data["name"] == data["email"] == data["phone"] == ""
    assert data["answers"] == [] and data["anonymised_at"]
