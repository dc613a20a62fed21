"""The private calendar feed at /calendar-feeds/<token>.ics: what it carries (the type, time,
channel and place; never the family's name or contacts), its window (a month back, half a year
ahead), its headers, and a revocation that works at once."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from perhekeskus.appointments import services
from perhekeskus.appointments.models import BookingStatus, Channel
from perhekeskus.appointments.tests.pro_people import (
    FAMILY_EMAIL,
    FAMILY_NAME,
    FAMILY_PHONE,
    People,
    booking_for,
    make_people,
)
from perhekeskus.testing.clients import logged_in_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(organization: Any, other_organization: Any) -> People:
    return make_people(organization, other_organization)


def feed_path(token: str) -> str:
    return f"/calendar-feeds/{token}.ics"


def at(days: int, hour: int = 10) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour), tzinfo=timezone.get_current_timezone())


def events(response: Any) -> list[Any]:
    return list(Calendar.from_ical(response.content).walk("VEVENT"))


def test_feed_has_the_bookings_without_the_familys_data(people: People) -> None:
    token = services.feed_create(actor=people.pro, professional_id=people.pro.pk)
    booking = booking_for(people, starts=at(3))
    booking_for(people, starts=at(4), channel=Channel.VIDEO)
    response = Client().get(feed_path(token))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Cache-Control"] == "private, no-store"
    found = events(response)
    assert len(found) == 2
    first = found[0]
    assert str(first["summary"]).startswith("Appointment: ") or str(first["summary"]).startswith(
        "Tapaaminen: "
    )
    assert first.decoded("dtstart") == booking.starts
    raw = response.content.decode()
    unfolded = raw.replace("\r\n ", "")
    for personal in (FAMILY_NAME, FAMILY_EMAIL, FAMILY_PHONE, "Tapaamisoikeudesta"):
        assert personal not in unfolded
    # Not even the video room: the professional opens it from the booking's page.
    assert all(
        b.video_room not in unfolded for b in people.pro.appointment_bookings.all() if b.video_room
    )


def test_feed_window_is_a_month_back_and_half_a_year_ahead(people: People) -> None:
    token = services.feed_create(actor=people.pro, professional_id=people.pro.pk)
    inside = [booking_for(people, starts=at(-29)), booking_for(people, starts=at(179))]
    booking_for(people, starts=at(-40))
    booking_for(people, starts=at(200))
    found = events(Client().get(feed_path(token)))
    assert sorted(e.decoded("dtstart") for e in found) == [b.starts for b in inside]


def test_cancelled_bookings_are_marked_cancelled(people: People) -> None:
    token = services.feed_create(actor=people.pro, professional_id=people.pro.pk)
    booking_for(people, starts=at(5), status=BookingStatus.CANCELLED)
    found = events(Client().get(feed_path(token)))
    assert all(str(e.get("status", "")).upper() == "CANCELLED" for e in found)


def test_revocation_works_at_once(people: People) -> None:
    client = logged_in_client(people.pro)
    created = client.post("/en/pro/appointments/feed/create/").content.decode()
    token = created.split("/calendar-feeds/", 1)[1].split(".ics", 1)[0]
    booking_for(people, starts=at(2))
    assert Client().get(feed_path(token)).status_code == 200
    assert client.post("/en/pro/appointments/feed/revoke/").status_code == 302
    assert Client().get(feed_path(token)).status_code == 404


def test_a_new_address_stops_the_old_one(people: People) -> None:
    old = services.feed_create(actor=people.pro, professional_id=people.pro.pk)
    new = services.feed_create(actor=people.pro, professional_id=people.pro.pk)
    assert Client().get(feed_path(old)).status_code == 404
    assert Client().get(feed_path(new)).status_code == 200


@pytest.mark.parametrize("token", ["nonexistent", "a" * 32, "x" * 300])
def test_an_unknown_token_is_a_404(people: People, token: str) -> None:
    response = Client().get(feed_path(token))
    assert response.status_code == 404
    assert FAMILY_NAME not in response.content.decode()


def test_an_inactive_professionals_feed_is_gone(people: People) -> None:
    token = services.feed_create(actor=people.pro, professional_id=people.pro.pk)
    people.pro.is_active = False
    people.pro.save(update_fields=["is_active"])
    assert Client().get(feed_path(token)).status_code == 404
