"""The places on the public map: where public services are given, and the open meeting places
among them, with their hours and distance from a point."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format, time_format

from perhekeskus.catalog import selectors
from perhekeskus.catalog.models import Location, Schedule, ScheduleKind, Service, ServiceAtLocation
from perhekeskus.catalog.opening import hours_at_place
from perhekeskus.core.happenings import Happening
from perhekeskus.finder.views.common import haversine_km, language
from perhekeskus.finder.views.hours import Hours, OpeningState, combined_state, hours, opening_state


@dataclass(frozen=True)
class ServiceHere:
    service: Service
    # The service's own weekly hours at the place when they differ from the place's (the rule
    # of catalog.opening.hours_at_place, which the service card shows).
    summary: list[str]


@dataclass(frozen=True)
class DayEvent:
    """An event at a place on the map's day, with its time as the list and the popup say it."""

    happening: Happening
    when: str


def day_event(happening: Happening, day: dt.date) -> DayEvent:
    """ "9.30–11.30" for an event within `day`; with the dates for one that begins or ends on
    another day (a forum of two days)."""
    starts = timezone.localtime(happening.starts)
    ends = timezone.localtime(happening.ends)
    if starts.date() == day == ends.date():
        when = f"{time_format(starts)}–{time_format(ends)}"
    else:
        first = date_format(starts, "SHORT_DATETIME_FORMAT")
        when = f"{first}–{date_format(ends, 'SHORT_DATETIME_FORMAT')}"
    return DayEvent(happening, when)


@dataclass(frozen=True)
class Place:
    location: Location
    services: list[Service]
    hours: Hours | None
    state: OpeningState | None
    distance_km: float | None
    here: list[ServiceHere] = dataclasses.field(default_factory=list)
    # Today's events at the place that have not ended (core.happenings), for the map.
    today: list[DayEvent] = dataclasses.field(default_factory=list)

    @property
    def point(self) -> tuple[float, float]:
        assert self.location.latitude is not None and self.location.longitude is not None
        return (float(self.location.latitude), float(self.location.longitude))


def place_list(
    *,
    now: dt.datetime,
    municipality: str | None = None,
    meeting_places_only: bool = False,
    open_now: bool = False,
    near: tuple[float, float] | None = None,
) -> list[Place]:
    """Places by name, or nearest first when `near` is given."""
    locations = selectors.location_list_public_places(
        language=language(),
        municipality_code=municipality,
        meeting_places_only=meeting_places_only,
    )
    places = []
    for location in locations:
        sals = location.public_sals  # type: ignore[attr-defined]
        own = list(location.schedules.all())
        place_hours = hours(own, now)
        if place_hours is not None:
            state: OpeningState | None = place_hours.state
        else:
            # A place without hours of its own is open when a service there is.
            state = combined_state(opening_state(list(sal.schedules.all()), now) for sal in sals)
        if open_now and not (state and state.open_now):
            continue
        place = Place(
            location=location,
            services=[sal.service for sal in sals],
            hours=place_hours,
            state=state,
            distance_km=None,
            here=[_service_here(sal, own, place_hours, now) for sal in sals],
        )
        if near:
            place = dataclasses.replace(place, distance_km=haversine_km(near, place.point))
        places.append(place)
    if near:
        places.sort(key=lambda p: p.distance_km or 0.0)
    return places


def _service_here(
    sal: ServiceAtLocation, place_rows: list[Schedule], place_hours: Hours | None, now: dt.datetime
) -> ServiceHere:
    own = list(sal.schedules.all())
    if not any(s.kind == ScheduleKind.REGULAR for s in own):
        return ServiceHere(sal.service, [])
    service_hours = hours(hours_at_place(own, place_rows), now)
    summary = service_hours.summary if service_hours else []
    if place_hours is not None and summary == place_hours.summary:
        summary = []
    return ServiceHere(sal.service, summary)


def postal_code_point(postal_code: str) -> tuple[float, float] | None:
    """Roughly where a postal code is: the middle of the places we know there, else of those in
    the same postal area (the first three, then two digits). No outside geocoding service."""
    known = selectors.location_coordinates_by_postal_code(postal_prefix=postal_code[:2])
    for length in (5, 3, 2):
        points = [(lat, lon) for code, lat, lon in known if code[:length] == postal_code[:length]]
        if points:
            return (
                sum(p[0] for p in points) / len(points),
                sum(p[1] for p in points) / len(points),
            )
    return None
