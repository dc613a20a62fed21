"""The events as the finder shows them (events.happenings, registered in core.happenings): only
published events families may see, in one query however many places; a recurring event by its
next occurrence; the seats in a family's words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from perhekeskus.catalog.models import Location, Organization, Service
from perhekeskus.core import happenings as core_happenings
from perhekeskus.events import happenings
from perhekeskus.events.models import Event, EventKind, EventStatus, RegistrationMode
from perhekeskus.testing.factories import (
    EventFactory,
    LocationFactory,
    OrganizationFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db

HELSINKI = ZoneInfo("Europe/Helsinki")
MONDAY = dt.date(2026, 12, 7)
NOW = dt.datetime(2026, 12, 7, 10, 0, tzinfo=HELSINKI)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=HELSINKI)


def event(place: Location, starts: dt.datetime, hours: float = 2, **kwargs: Any) -> Event:
    kwargs.setdefault("organization", place.organization)
    return EventFactory(
        location=place, starts=starts, ends=starts + dt.timedelta(hours=hours), **kwargs
    )


def series(place: Location, **kwargs: Any) -> Event:
    kwargs.setdefault("organization", place.organization)
    return EventFactory(
        kind=EventKind.SERIES,
        location=place,
        starts=at(MONDAY, 9),
        ends=at(MONDAY + dt.timedelta(weeks=4), 11),
        **kwargs,
    )


def occurrence(parent: Event, starts: dt.datetime, **kwargs: Any) -> Event:
    return EventFactory(
        kind=EventKind.OCCURRENCE,
        parent=parent,
        organization=parent.organization,
        location=parent.location,
        service=parent.service,
        title=parent.title,
        starts=starts,
        ends=starts + dt.timedelta(hours=2),
        **kwargs,
    )


@pytest.fixture
def place() -> Location:
    return LocationFactory(is_meeting_place=True)


@pytest.fixture(autouse=True)
def finnish() -> Iterator[None]:
    with translation.override("fi"):
        yield


def test_today_at_the_places_are_the_published_events_families_see(
    place: Location, django_assert_num_queries: Any
) -> None:
    other = LocationFactory()
    cafe = event(place, at(MONDAY, 9, 30), registration=RegistrationMode.DROP_IN)
    evening = event(place, at(MONDAY, 17))
    at_other = event(other, at(MONDAY, 12))
    # Not shown: ended, tomorrow, a draft, cancelled, at a place not asked about.
    event(place, at(MONDAY, 7), hours=1)
    event(place, at(MONDAY + dt.timedelta(days=1), 9))
    event(place, at(MONDAY, 12), status=EventStatus.DRAFT)
    event(place, at(MONDAY, 13), status=EventStatus.CANCELLED)
    event(LocationFactory(), at(MONDAY, 12))
    # A series is shown by its occurrence; a peer group's meetings and a forum's sessions are
    # not on the map (the group takes applications; the sessions are on the forum's page).
    club = series(place, registration=RegistrationMode.DROP_IN)
    club_today = occurrence(club, at(MONDAY, 14), registration=RegistrationMode.DROP_IN)
    group = series(place, is_peer_group=True, registration=RegistrationMode.APPLICATION)
    occurrence(group, at(MONDAY, 15), registration=RegistrationMode.DROP_IN)
    forum = event(place, at(MONDAY, 12), hours=4, kind=EventKind.UMBRELLA, is_forum=True)
    EventFactory(
        kind=EventKind.SESSION,
        parent=forum,
        organization=forum.organization,
        location=place,
        starts=at(MONDAY, 12),
        ends=at(MONDAY, 13),
    )

    with django_assert_num_queries(1):
        found = happenings.events_on_day([place.pk, other.pk], MONDAY, now=NOW)

    assert {key: [h.title for h in found[key]] for key in found} == {
        place.pk: [cafe.title, forum.title, club_today.title, evening.title],
        other.pk: [at_other.title],
    }
    first = found[place.pk][0]
    assert first.url == f"/fi/events/{cafe.pk}/"
    assert (first.starts, first.ends) == (cafe.starts, cafe.ends)
    assert first.seats == "Ei ilmoittautumista, tule suoraan"
    assert found[place.pk][3].seats == "10 paikkaa jäljellä"


def test_a_day_with_nothing_or_no_places_is_empty(place: Location) -> None:
    event(place, at(MONDAY + dt.timedelta(days=2), 9))
    assert happenings.events_on_day([place.pk], MONDAY, now=NOW) == {}
    assert happenings.events_on_day([], MONDAY, now=NOW) == {}


def test_an_event_of_two_days_is_shown_on_the_second(place: Location) -> None:
    forum = event(place, at(MONDAY - dt.timedelta(days=1), 9), hours=30, kind=EventKind.UMBRELLA)
    assert [h.title for h in happenings.events_on_day([place.pk], MONDAY, now=NOW)[place.pk]] == [
        forum.title
    ]


def test_a_services_next_events_a_series_by_its_next_occurrence(
    place: Location, django_assert_num_queries: Any
) -> None:
    service: Service = ServiceFactory(organization=place.organization)
    club = series(place, service=service)
    occurrence(club, at(MONDAY, 8))  # ended
    next_club = occurrence(club, at(MONDAY, 14))
    occurrence(club, at(MONDAY + dt.timedelta(days=1), 14))
    occurrence(club, at(MONDAY + dt.timedelta(days=2), 14))
    later = [event(place, at(MONDAY + dt.timedelta(days=n), 9), service=service) for n in (3, 4)]
    soon = event(place, at(MONDAY, 12), service=service)
    group = series(
        place, service=service, is_peer_group=True, registration=RegistrationMode.APPLICATION
    )
    event(place, at(MONDAY, 11), service=service, status=EventStatus.DRAFT)
    event(place, at(MONDAY, 11))  # another service's

    with django_assert_num_queries(1):
        upcoming = happenings.events_upcoming(service_id=service.pk, limit=5, now=NOW)

    # The peer group began before and goes on: it is listed by its series, first.
    assert [h.url for h in upcoming.happenings] == [
        f"/fi/events/{e.pk}/" for e in (group, soon, next_club, *later)
    ]
    assert upcoming.happenings[0].seats == "Ilmoittautuminen on päättynyt"  # the group has begun
    assert upcoming.all_url == f"/fi/events/?service={service.pk}"
    assert len(happenings.events_upcoming(service_id=service.pk, limit=2, now=NOW).happenings) == 2


def test_an_organisations_next_events(place: Location) -> None:
    organization: Organization = place.organization
    mine = event(place, at(MONDAY, 12))
    event(LocationFactory(), at(MONDAY, 12))
    upcoming = happenings.events_upcoming(organization_id=organization.pk, limit=5, now=NOW)
    assert [h.title for h in upcoming.happenings] == [mine.title]
    assert upcoming.all_url == f"/fi/events/?organization={organization.pk}"


def test_nothing_coming_is_an_empty_answer(place: Location) -> None:
    event(place, at(MONDAY, 7), hours=1)
    lonely = OrganizationFactory()
    assert happenings.events_upcoming(organization_id=lonely.pk, limit=5, now=NOW) == (
        core_happenings.Upcoming()
    )
    assert happenings.events_upcoming(limit=5, now=NOW) == core_happenings.Upcoming()


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        ({"registration": RegistrationMode.DROP_IN}, "Drop in, no sign-up"),
        ({"registration": RegistrationMode.APPLICATION}, "Apply to join"),
        (
            {"registration": RegistrationMode.APPLICATION, "starts": at(MONDAY, 9)},
            "Sign-up closed",
        ),
        ({"enrolment_opens": at(MONDAY + dt.timedelta(days=1), 8)}, "Sign-up opens 8.12.2026"),
        ({"enrolment_closes": at(MONDAY, 9)}, "Sign-up closed"),
        ({"starts": at(MONDAY, 9)}, "Sign-up closed"),
        ({"capacity": None}, "Sign-up open"),
        ({"capacity": 10, "seats_taken": 9}, "1 seat left"),
        ({"capacity": 10, "seats_taken": 7}, "3 seats left"),
        ({"capacity": 10, "seats_taken": 10}, "Full, waiting list open"),
        (
            {"capacity": 10, "seats_taken": 10, "waitlist_capacity": 4, "waitlisted_count": 3},
            "Full, waiting list open",
        ),
        (
            {"capacity": 10, "seats_taken": 10, "waitlist_capacity": 4, "waitlisted_count": 4},
            "Full",
        ),
        ({"capacity": 10, "seats_taken": 10, "waitlist_capacity": 0}, "Full"),
    ],
)
def test_the_seats_in_a_familys_words(fields: dict[str, Any], text: str) -> None:
    values: dict[str, Any] = {
        "registration": RegistrationMode.REGISTRATION,
        "starts": at(MONDAY, 12),
        "capacity": 10,
    }
    values.update(fields)
    with translation.override("en"):
        assert happenings.seats_text(Event(**values), now=NOW) == text


def test_register_lets_the_finder_ask_the_events(place: Location) -> None:
    with core_happenings.only({}):
        assert core_happenings.upcoming_of_organization(place.organization_id) == []
        event(place, dt.datetime.now(tz=HELSINKI) + dt.timedelta(days=1))
        happenings.register()
        assert list(core_happenings.providers()) == [happenings.KEY]
        (upcoming,) = core_happenings.upcoming_of_organization(place.organization_id)
        assert len(upcoming.happenings) == 1
