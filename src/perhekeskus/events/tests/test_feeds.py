"""The public calendar subscriptions at /event-feeds/…: a municipality's and an organisation's
published, listed events from a month back to half a year ahead, in the asked language, with
cache headers and an ETag; nothing of any sign-up, no online meeting's address; 404 for an
unknown municipality or organisation."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from perhekeskus.events.models import Event, EventKind, EventStatus
from perhekeskus.events.tests.helpers import signup_for
from perhekeskus.testing.factories import (
    EventFactory,
    LocationFactory,
    MunicipalityFactory,
    OrganizationFactory,
)

pytestmark = pytest.mark.django_db

ONLINE = "https://meet.example.org/secret-room"


def _at(days: int, hour: int = 10) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour), tzinfo=timezone.get_current_timezone())


def _event(days: int, **fields: Any) -> Event:
    starts = _at(days)
    return EventFactory.create(starts=starts, ends=starts + dt.timedelta(hours=2), **fields)


def _summaries(response: Any) -> list[str]:
    return [str(item["SUMMARY"]) for item in Calendar.from_ical(response.content).walk("VEVENT")]


def _municipality_path(code: str) -> str:
    return reverse("events_feed:municipality", kwargs={"code": code})


def test_municipality_feed_has_its_published_events_in_the_window() -> None:
    simo = MunicipalityFactory.create(code="845", name="Simo")
    other = MunicipalityFactory.create(code="018", name="Askola")
    place = LocationFactory.create(municipality=simo)
    inside = _event(3, title="Vauvamuskari", location=place, municipality=simo)
    _event(-10, title="Viime viikolla", location=place, municipality=simo)
    _event(5, title="Paikan kautta", location=place, municipality=simo)
    _event(
        7,
        title="Verkossa",
        location=None,
        is_online=True,
        online_url=ONLINE,
        municipality=simo,
    )
    _event(3, title="Luonnos", municipality=simo, status=EventStatus.DRAFT)
    # Cancelled after publication: kept, marked cancelled, so subscribed calendars drop it.
    _event(6, title="Peruttu", municipality=simo, status=EventStatus.CANCELLED)
    _event(
        6,
        title="Peruttu luonnos",
        municipality=simo,
        status=EventStatus.CANCELLED,
        published_at=None,
    )
    _event(3, title="Askolassa", municipality=other)
    _event(-40, title="Kauan sitten", municipality=simo)
    _event(200, title="Liian kaukana", municipality=simo)
    series = _event(3, title="Sarjan sääntö", kind=EventKind.SERIES, municipality=simo)
    _event(
        4,
        title="Sarjan kerta",
        kind=EventKind.OCCURRENCE,
        parent=series,
        organization=series.organization,
        municipality=simo,
    )
    signup_for(inside, name="Maija Meikäläinen", email="maija@example.org")
    assert _municipality_path("845") == "/event-feeds/municipality/845.ics"
    response = Client().get(_municipality_path("845"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"] == "public, max-age=900"
    assert response["ETag"]
    assert _summaries(response) == [
        "Viime viikolla",
        "Vauvamuskari",
        "Sarjan kerta",
        "Paikan kautta",
        "Peruttu",
        "Verkossa",
    ]
    statuses = {
        str(item["SUMMARY"]): str(item["STATUS"])
        for item in Calendar.from_ical(response.content).walk("VEVENT")
    }
    assert statuses["Peruttu"] == "CANCELLED"
    assert statuses["Vauvamuskari"] == "CONFIRMED"
    calendar = Calendar.from_ical(response.content)
    assert "METHOD" not in calendar
    assert str(calendar["X-WR-CALNAME"]) == "Tapahtumat: Simo"
    assert ONLINE.encode() not in response.content
    assert b"Maija" not in response.content
    assert b"maija@example.org" not in response.content
    assert b"/manage/" not in response.content


def test_feed_speaks_the_asked_language() -> None:
    simo = MunicipalityFactory.create(code="845", name="Simo")
    _event(3, municipality=simo, title="Perhekahvila", title_sv="Familjecafé", title_en="Café")
    response = Client().get(_municipality_path("845") + "?lang=sv")
    assert _summaries(response) == ["Familjecafé"]
    assert b"/sv/events/" in response.content
    response = Client().get(_municipality_path("845") + "?lang=en")
    assert _summaries(response) == ["Café"]
    response = Client().get(_municipality_path("845"))
    assert _summaries(response) == ["Perhekahvila"]


def test_an_unchanged_feed_is_not_sent_again() -> None:
    simo = MunicipalityFactory.create(code="845", name="Simo")
    _event(3, municipality=simo)
    first = Client().get(_municipality_path("845"))
    again = Client().get(_municipality_path("845"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""


def test_organization_feed_has_only_its_events() -> None:
    organization = OrganizationFactory.create(name="Simon seurakunta")
    own = _event(3, organization=organization, title="Perhekerho")
    _event(3, title="Muiden tapahtuma")
    path = reverse("events_feed:organization", kwargs={"organization_id": organization.pk})
    assert path == f"/event-feeds/organization/{organization.pk}.ics"
    response = Client().get(path)
    assert response.status_code == 200
    assert _summaries(response) == [own.title]
    assert "Simon seurakunta" in str(Calendar.from_ical(response.content)["X-WR-CALNAME"])


@pytest.mark.parametrize(
    "path",
    [
        "/event-feeds/municipality/999.ics",
        "/event-feeds/municipality/abc.ics",
        "/event-feeds/organization/5c0ffee0-0000-4000-8000-000000000000.ics",
        "/event-feeds/organization/not-a-uuid.ics",
    ],
)
def test_unknown_feeds_are_not_found(path: str) -> None:
    assert Client().get(path).status_code == 404


def test_feeds_answer_only_reads() -> None:
    simo = MunicipalityFactory.create(code="845", name="Simo")
    assert Client().post(_municipality_path(simo.code)).status_code == 405
