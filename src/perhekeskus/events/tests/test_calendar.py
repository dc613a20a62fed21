"""Calendar files of events: UTC times right on both sides of the daylight-saving changes, one
UID per event, the sign-up's language, the online meeting's address only for an attending
family, a cancellation that removes the event, and a public feed that carries no one's data."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from perhekeskus.events.calendar import (
    event_uid,
    feed_for,
    ics_for_event,
    online_url_for,
    place_text,
    when_text,
)
from perhekeskus.events.models import EventKind, EventStatus, SignupStatus
from perhekeskus.events.tests.helpers import NOW, signup_for
from perhekeskus.testing.factories import EventFactory, LocationFactory

pytestmark = pytest.mark.django_db

ONLINE = "https://meet.example.org/perhekahvila-7f3a"


def _events(ics: bytes) -> tuple[Calendar, list[Any]]:
    calendar = Calendar.from_ical(ics)
    return calendar, list(calendar.walk("VEVENT"))


@pytest.mark.parametrize(
    ("starts", "finnish"),
    [
        # 10.00 Finnish time on the Friday before summer time (UTC+2) and the Monday after
        # (UTC+3, from 2027-03-28).
        (dt.datetime(2027, 3, 26, 8, 0, tzinfo=dt.UTC), "26.3.2027 klo 10.00–12.00"),
        (dt.datetime(2027, 3, 29, 7, 0, tzinfo=dt.UTC), "29.3.2027 klo 10.00–12.00"),
        # The Friday before winter time (UTC+3) and the Monday after (UTC+2, from 2027-10-31).
        (dt.datetime(2027, 10, 29, 7, 0, tzinfo=dt.UTC), "29.10.2027 klo 10.00–12.00"),
        (dt.datetime(2027, 11, 1, 8, 0, tzinfo=dt.UTC), "1.11.2027 klo 10.00–12.00"),
    ],
)
def test_ics_has_utc_times_across_daylight_saving(starts: dt.datetime, finnish: str) -> None:
    event = EventFactory.create(starts=starts, ends=starts + dt.timedelta(hours=2))
    signup = signup_for(event)
    ics = ics_for_event(event, signup=signup, now=NOW)
    calendar, (item,) = _events(ics)
    assert calendar["METHOD"] == "REQUEST"
    assert item["DTSTART"].dt == starts
    assert item["DTSTART"].dt.utcoffset() == dt.timedelta(0)
    assert item["DTEND"].dt == starts + dt.timedelta(hours=2)
    assert item["DTSTAMP"].dt == NOW
    assert f"DTSTART:{starts:%Y%m%dT%H%M%S}Z".encode() in ics
    assert str(item["STATUS"]) == "CONFIRMED"
    with translation.override("fi"):
        assert when_text(event) == finnish


def test_uid_is_the_events_and_stays_while_the_sequence_grows() -> None:
    event = EventFactory.create()
    signup = signup_for(event)
    _calendar, (first,) = _events(ics_for_event(event, signup=signup, now=NOW))
    _calendar, (public,) = _events(ics_for_event(event, now=NOW))
    assert str(first["UID"]) == str(public["UID"]) == event_uid(event)
    assert str(event.pk) in str(first["UID"])
    event.starts += dt.timedelta(hours=1)
    event.ends += dt.timedelta(hours=1)
    event.updated_at = event.created_at + dt.timedelta(seconds=90)
    event.save(update_fields=["starts", "ends"])
    event.refresh_from_db()
    _calendar, (moved,) = _events(ics_for_event(event, signup=signup, now=NOW))
    assert str(moved["UID"]) == str(first["UID"])
    assert int(moved["SEQUENCE"]) >= int(first["SEQUENCE"])


@pytest.mark.parametrize(
    ("language", "title_field", "place_word", "manage_word"),
    [
        ("fi", "title", "Paikka: ", "Katso, muuta tai peru ilmoittautumisesi: "),
        ("sv", "title_sv", "Plats: ", "Se, ändra eller avboka din anmälan: "),
        ("en", "title_en", "Place: ", "See, change or cancel your sign-up: "),
    ],
)
def test_family_ics_is_in_the_signups_language_with_the_place_and_manage_link(
    language: str, title_field: str, place_word: str, manage_word: str
) -> None:
    place = LocationFactory.create(
        name="Perhekeskus Simo", street_address="Ratatie 5", postal_code="95200", post_office="Simo"
    )
    event = EventFactory.create(location=place)
    signup = signup_for(event, language=language)
    _calendar, (item,) = _events(ics_for_event(event, signup=signup, now=NOW))
    assert str(item["SUMMARY"]) == getattr(event, title_field)
    assert str(item["LOCATION"]) == "Perhekeskus Simo, Ratatie 5, 95200 Simo"
    with translation.override(language):
        manage = reverse("events:manage", kwargs={"token": signup.manage_token})
    assert str(item["URL"]).endswith(manage)
    assert str(item["URL"]).startswith("http")
    description = str(item["DESCRIPTION"])
    assert f"{place_word}Perhekeskus Simo" in description
    assert manage_word in description
    assert "Maija" not in description


@pytest.mark.parametrize(
    ("status", "shown"),
    [
        (SignupStatus.ATTENDING, True),
        (SignupStatus.WAITLISTED, False),
        (SignupStatus.OFFERED, False),
        (SignupStatus.APPLIED, False),
        (SignupStatus.CANCELLED, False),
    ],
)
def test_the_online_address_is_only_in_an_attending_familys_file(status: str, shown: bool) -> None:
    event = EventFactory.create(location=None, is_online=True, online_url=ONLINE)
    signup = signup_for(event, status=status)
    ics = ics_for_event(event, signup=signup, now=NOW)
    assert (ONLINE.encode() in ics) is shown
    _calendar, (item,) = _events(ics)
    assert str(item["LOCATION"]) == (ONLINE if shown else "Verkossa")
    assert ONLINE.encode() not in ics_for_event(event, now=NOW)


def test_a_cancelled_events_online_address_is_given_to_nobody() -> None:
    # The family still "attends" a cancelled event; its meeting room must not look alive.
    event = EventFactory.create(location=None, is_online=True, online_url=ONLINE)
    signup = signup_for(event, status=SignupStatus.ATTENDING)
    assert online_url_for(event, signup) == ONLINE
    event.status = EventStatus.CANCELLED
    event.save()
    assert online_url_for(event, signup) == ""
    assert ONLINE.encode() not in ics_for_event(event, signup=signup, now=NOW)


def test_a_cancelled_signup_or_event_gives_a_cancelling_file() -> None:
    event = EventFactory.create()
    cancelled = signup_for(event, status=SignupStatus.CANCELLED)
    calendar, (item,) = _events(ics_for_event(event, signup=cancelled, now=NOW))
    assert calendar["METHOD"] == "CANCEL"
    assert str(item["STATUS"]) == "CANCELLED"
    attending = signup_for(event)
    event.status = EventStatus.CANCELLED
    event.save(update_fields=["status"])
    calendar, (item,) = _events(ics_for_event(event, signup=attending, now=NOW))
    assert calendar["METHOD"] == "CANCEL"
    assert str(item["STATUS"]) == "CANCELLED"
    assert str(item["UID"]) == event_uid(event)


def test_a_waitlisted_familys_file_is_tentative() -> None:
    event = EventFactory.create()
    signup = signup_for(event, status=SignupStatus.WAITLISTED, queue_number=1)
    _calendar, (item,) = _events(ics_for_event(event, signup=signup, now=NOW))
    assert str(item["STATUS"]) == "TENTATIVE"


def test_a_peer_groups_file_has_each_session() -> None:
    series = EventFactory.create(
        kind=EventKind.SERIES, is_peer_group=True, registration="application"
    )
    sessions = [
        EventFactory.create(
            kind=EventKind.OCCURRENCE,
            parent=series,
            organization=series.organization,
            starts=series.starts + dt.timedelta(days=7 * week),
            ends=series.ends + dt.timedelta(days=7 * week),
        )
        for week in range(3)
    ]
    EventFactory.create(
        kind=EventKind.OCCURRENCE,
        parent=series,
        organization=series.organization,
        status=EventStatus.DRAFT,
    )
    signup = signup_for(series)
    _calendar, items = _events(ics_for_event(series, signup=signup, now=NOW))
    assert [str(item["UID"]) for item in items] == [event_uid(s) for s in sessions]


def test_the_public_file_links_to_the_events_page() -> None:
    umbrella = EventFactory.create(kind=EventKind.UMBRELLA, is_forum=True)
    session = EventFactory.create(
        kind=EventKind.SESSION, parent=umbrella, organization=umbrella.organization
    )
    calendar, (item,) = _events(ics_for_event(session, now=NOW))
    assert calendar["METHOD"] == "PUBLISH"
    assert str(item["URL"]).endswith(reverse("events:detail", kwargs={"event_id": umbrella.pk}))


def test_feed_carries_events_without_anyones_data() -> None:
    online = EventFactory.create(
        location=None, is_online=True, online_url=ONLINE, title_sv="Babymusik"
    )
    cancelled = EventFactory.create(status=EventStatus.CANCELLED, title_sv="Familjecafé")
    signup_for(online)
    with translation.override("sv"):
        ics = feed_for([online, cancelled], name="Simo", now=NOW)
    calendar, items = _events(ics)
    assert "METHOD" not in calendar
    assert str(calendar["X-WR-CALNAME"]) == "Evenemang: Simo"
    assert [str(item["SUMMARY"]) for item in items] == ["Babymusik", "Familjecafé"]
    assert [str(item["STATUS"]) for item in items] == ["CONFIRMED", "CANCELLED"]
    assert ONLINE.encode() not in ics
    assert b"Maija" not in ics
    assert b"maija@example.org" not in ics
    assert b"/manage/" not in ics


def test_place_text_of_an_event_without_place() -> None:
    with translation.override("en"):
        assert place_text(EventFactory.create(location=None, is_online=True)) == "Online"
        assert place_text(EventFactory.create(location=None, is_online=False)) == ""
