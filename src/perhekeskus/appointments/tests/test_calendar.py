"""Calendar files: they parse back with icalendar, carry UTC times that are right on both sides of
the daylight-saving changes, one UID per booking with a growing SEQUENCE, and the professional's
version (and feed) carries nothing that identifies the family."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from perhekeskus.appointments.calendar import booking_ics, booking_sequence, feed_ics
from perhekeskus.appointments.models import Booking, BookingStatus, Channel
from perhekeskus.appointments.tests.factories import (
    AppointmentTypeFactory,
    BookingFactory,
    receiving_professional,
)
from perhekeskus.testing.factories import LocationFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2027, 3, 1, 10, 0, tzinfo=dt.UTC)


def _event(ics: bytes) -> tuple[Calendar, object]:
    calendar = Calendar.from_ical(ics)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    return calendar, events[0]


@pytest.mark.parametrize(
    ("starts", "deadline"),
    [
        # 9.00 in Finnish time on the Friday before summer time (UTC+2) and the Monday after
        # (UTC+3, from 2027-03-28); the deadline 24 hours before is 9.00 Finnish time too.
        (dt.datetime(2027, 3, 26, 7, 0, tzinfo=dt.UTC), "25.3.2027 klo 9.00"),
        (dt.datetime(2027, 3, 29, 6, 0, tzinfo=dt.UTC), "28.3.2027 klo 9.00"),
        # The Friday before winter time (UTC+3) and the Monday after (UTC+2, from 2027-10-31).
        (dt.datetime(2027, 10, 29, 6, 0, tzinfo=dt.UTC), "28.10.2027 klo 9.00"),
        (dt.datetime(2027, 11, 1, 7, 0, tzinfo=dt.UTC), "31.10.2027 klo 9.00"),
    ],
)
def test_booking_ics_has_utc_times_across_daylight_saving(
    starts: dt.datetime, deadline: str
) -> None:
    booking = BookingFactory.create(starts=starts)
    ics = booking_ics(booking, for_family=True, now=NOW)
    calendar, event = _event(ics)
    assert calendar["METHOD"] == "REQUEST"
    assert event["DTSTART"].dt == starts  # type: ignore[index]
    assert event["DTSTART"].dt.utcoffset() == dt.timedelta(0)  # type: ignore[index]
    assert event["DTEND"].dt == starts + dt.timedelta(minutes=45)  # type: ignore[index]
    assert event["DTSTAMP"].dt == NOW  # type: ignore[index]
    assert f"DTSTART:{starts:%Y%m%dT%H%M%S}Z".encode() in ics  # UTC, no time zone to resolve
    assert deadline in str(event["DESCRIPTION"])  # type: ignore[index]


def test_family_ics_says_where_and_links_to_the_manage_page() -> None:
    place = LocationFactory.create(
        name="Perhekeskus Simo", street_address="Ratatie 5", postal_code="95200", post_office="Simo"
    )
    appointment_type = AppointmentTypeFactory.create(offers_visit=True, locations=[place])
    booking = BookingFactory.create(
        appointment_type=appointment_type,
        channel=Channel.VISIT,
        location=place,
        starts=dt.datetime(2027, 3, 29, 6, 0, tzinfo=dt.UTC),
        language="fi",
    )
    _calendar, event = _event(booking_ics(booking, for_family=True, now=NOW))
    assert str(event["SUMMARY"]) == appointment_type.name_fi  # type: ignore[index]
    assert str(event["LOCATION"]) == "Perhekeskus Simo, Ratatie 5, 95200 Simo"  # type: ignore[index]
    with translation.override("fi"):
        manage = reverse("appointments:manage", kwargs={"token": booking.manage_token})
    assert str(event["URL"]).endswith(manage)  # type: ignore[index]
    description = str(event["DESCRIPTION"])  # type: ignore[index]
    assert manage in description
    # The deadline: 24 hours before 29.3.2027 klo 9.00, across the change to summer time.
    assert "28.3.2027 klo 9.00" in description


@pytest.mark.parametrize(
    ("language", "phone_text", "summary_field"),
    [
        ("fi", "soittaa sinulle", "name_fi"),
        ("sv", "ringer dig", "name_sv"),
        ("en", "calls you", "name_en"),
    ],
)
def test_family_ics_for_a_phone_booking_is_in_the_booking_language(
    language: str, phone_text: str, summary_field: str
) -> None:
    booking = BookingFactory.create(channel=Channel.PHONE, language=language)
    _calendar, event = _event(booking_ics(booking, for_family=True, now=NOW))
    assert phone_text in str(event["LOCATION"])  # type: ignore[index]
    assert str(event["SUMMARY"]) == getattr(booking.appointment_type, summary_field)  # type: ignore[index]


def test_family_ics_for_a_video_booking_links_to_the_waiting_page_not_the_room() -> None:
    booking = BookingFactory.create(channel=Channel.VIDEO, language="en")
    ics = booking_ics(booking, for_family=True, now=NOW)
    _calendar, event = _event(ics)
    with translation.override("en"):
        waiting = reverse("appointments:video", kwargs={"token": booking.manage_token})
    assert str(event["LOCATION"]).endswith(waiting)  # type: ignore[index]
    assert booking.video_room.encode() not in ics


def test_uid_is_stable_and_sequence_grows_when_moved_and_cancelled() -> None:
    booking = BookingFactory.create()
    _calendar, first = _event(booking_ics(booking, for_family=True, now=NOW))
    # Moved a minute after it was made.
    moved_at = booking.created_at + dt.timedelta(minutes=1)
    Booking.objects.filter(pk=booking.pk).update(
        starts=booking.starts + dt.timedelta(days=1),
        ends=booking.ends + dt.timedelta(days=1),
        blocked_from=booking.blocked_from + dt.timedelta(days=1),
        blocked_until=booking.blocked_until + dt.timedelta(days=1),
        updated_at=moved_at,
    )
    booking.refresh_from_db()
    _calendar, moved = _event(booking_ics(booking, for_family=True, now=NOW))
    Booking.objects.filter(pk=booking.pk).update(status=BookingStatus.CANCELLED)
    booking.refresh_from_db()
    calendar, cancelled = _event(booking_ics(booking, for_family=True, now=NOW))

    assert first["UID"] == moved["UID"] == cancelled["UID"]  # type: ignore[index]
    assert str(first["UID"]).startswith(f"appointment-{booking.pk}@")  # type: ignore[index]
    assert first["SEQUENCE"] < moved["SEQUENCE"] < cancelled["SEQUENCE"]  # type: ignore[index]
    assert calendar["METHOD"] == "CANCEL"
    assert cancelled["STATUS"] == "CANCELLED"  # type: ignore[index]
    assert booking_sequence(booking) == cancelled["SEQUENCE"]  # type: ignore[index]


def test_professional_ics_carries_nothing_that_identifies_the_family() -> None:
    professional = receiving_professional()
    booking = BookingFactory.create(
        professional=professional,
        name="Maija Meikäläinen",
        email="maija@example.org",
        phone="+358401234567",
        answers='{"1": "Huoltajuus"}',
        channel=Channel.VIDEO,
    )
    with translation.override("fi"):
        ics = booking_ics(booking, for_family=False, now=NOW)
        pro_link = reverse("appointments_pro:booking", kwargs={"booking_id": booking.pk})
    _calendar, event = _event(ics)
    for secret in ("Maija", "Meikäläinen", "maija@example.org", "358401234567", "Huoltajuus"):
        assert secret.encode() not in ics
    assert booking.manage_token.encode() not in ics
    assert booking.video_room.encode() not in ics
    assert str(event["SUMMARY"]) == f"Tapaaminen: {booking.appointment_type.name_fi}"  # type: ignore[index]
    assert str(event["URL"]).endswith(pro_link)  # type: ignore[index]


def test_feed_ics_lists_each_booking_once_and_keeps_cancelled_as_cancelled() -> None:
    professional = receiving_professional()
    live = BookingFactory.create(professional=professional, name="Maija Meikäläinen")
    gone = BookingFactory.create(
        professional=professional,
        starts=live.starts + dt.timedelta(hours=2),
        status=BookingStatus.CANCELLED,
        name="Ville Virtanen",
    )
    with translation.override("sv"):
        ics = feed_ics(professional, [live, gone], now=NOW)
    calendar = Calendar.from_ical(ics)
    assert "METHOD" not in calendar
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    assert len(events) == 2
    assert events[f"appointment-{gone.pk}@127.0.0.1"]["STATUS"] == "CANCELLED"
    assert events[f"appointment-{live.pk}@127.0.0.1"]["STATUS"] == "CONFIRMED"
    assert str(events[f"appointment-{live.pk}@127.0.0.1"]["SUMMARY"]).startswith("Möte: ")
    assert b"Maija" not in ics and b"Ville" not in ics
