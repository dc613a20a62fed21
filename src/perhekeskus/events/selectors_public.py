"""What anyone may read of the events: the public list with its filters, one event's page and
the sessions of a forum. Nothing here holds a family's data (the sign-ups' names, contacts and
answers are read through `selectors.py` only), and the online meeting address is never shown by
these pages: `Event.online_url` is for the families whose sign-up holds seats.

The list is filtered in the database and ordered by time, so that 5,000 upcoming events page as
fast as fifty; the views and the API paginate the queryset."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.core.cache import cache
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from perhekeskus.catalog.models import (
    Location,
    LocationType,
    Municipality,
    Organization,
    Service,
    ServiceAtLocation,
)
from perhekeskus.core.errors import NotFound
from perhekeskus.events.models import Event, EventKind, EventStatus, Question, RegistrationMode

HELSINKI = ZoneInfo("Europe/Helsinki")
_MUNICIPALITIES_KEY = "events:public:municipality-codes"

# What families see in the list: the parts of a series and of a forum come with their parent.
_LISTED = (
    Q(kind__in=[EventKind.SINGLE, EventKind.UMBRELLA])
    | Q(kind=EventKind.OCCURRENCE, parent__is_peer_group=False)
    | Q(kind=EventKind.SERIES, is_peer_group=True)
)
# Published events and those cancelled after publication: a family with a link (or a seat) sees
# that it was cancelled instead of a missing page. A draft cancelled before it was ever published
# (`published_at` empty) is never public.
PUBLIC = Q(status=EventStatus.PUBLISHED) | Q(
    status=EventStatus.CANCELLED, published_at__isnull=False
)


@dataclass(frozen=True)
class EventFilters:
    """The list's filters, as the page's GET parameters and the API's query give them."""

    municipality: str | None = None
    day_from: dt.date | None = None
    day_to: dt.date | None = None
    age: int | None = None
    task: int | None = None
    language: str | None = None
    free: bool = False
    has_seats: bool = False
    organization_id: uuid.UUID | None = None
    location_id: uuid.UUID | None = None
    service_id: uuid.UUID | None = None


def helsinki_date(moment: dt.datetime) -> dt.date:
    """The Finnish calendar date of a moment."""
    return moment.astimezone(HELSINKI).date()


# The days a date filter can name: beyond them a Finnish midnight has no UTC time (the edges of
# the calendar overflow), and no event is there.
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(9998, 12, 31)


def _within_calendar(day: dt.date) -> dt.date:
    return min(max(day, FIRST_DAY), LAST_DAY)


def day_start(day: dt.date) -> dt.datetime:
    """Midnight starting `day` in Finland, as an aware datetime (DST-correct)."""
    return dt.datetime.combine(day, dt.time.min, tzinfo=HELSINKI)


def _seats_open(now: dt.datetime, prefix: str = "") -> Q:
    """A sign-up event with free seats whose enrolment has not closed."""
    p = prefix
    return (
        ~Q(**{f"{p}registration": RegistrationMode.DROP_IN})
        & Q(**{f"{p}status": EventStatus.PUBLISHED})
        & Q(**{f"{p}starts__gt": now})
        & (Q(**{f"{p}enrolment_closes__isnull": True}) | Q(**{f"{p}enrolment_closes__gt": now}))
        & (Q(**{f"{p}capacity__isnull": True}) | Q(**{f"{p}seats_taken__lt": F(f"{p}capacity")}))
    )


def _umbrellas_with_open_sessions(now: dt.datetime) -> QuerySet[Event, Any]:
    """The ids of events with a session that has free seats: one uncorrelated subquery, which
    the database computes once (a per-row EXISTS made PostgreSQL walk the whole list)."""
    return (
        Event.objects.filter(_seats_open(now), kind=EventKind.SESSION)
        .order_by()
        .values("parent_id")
    )


def event_list_public(*, filters: EventFilters, now: dt.datetime | None = None) -> QuerySet[Event]:
    """The public list: published (or cancelled) events of the listed kinds that have not ended,
    by start time, with what a list item shows in one query."""
    now = now or timezone.now()
    events = (
        Event.objects.filter(_LISTED, PUBLIC, ends__gt=now)
        .select_related("location", "location__municipality", "municipality", "organization")
        .order_by("starts", "title", "pk")
    )
    if filters.municipality:
        # The organiser's services set an event's municipality from its place.
        events = events.filter(municipality_id=filters.municipality)
    if filters.day_from is not None:
        events = events.filter(ends__gt=day_start(_within_calendar(filters.day_from)))
    if filters.day_to is not None:
        day_after = _within_calendar(filters.day_to) + dt.timedelta(days=1)
        events = events.filter(starts__lt=day_start(day_after))
    if filters.age is not None:
        # An event without an age range is for families with children of any age.
        events = events.filter(
            Q(min_age__isnull=True) | Q(min_age__lte=filters.age),
            Q(max_age__isnull=True) | Q(max_age__gte=filters.age),
        )
    if filters.task is not None:
        events = events.filter(tasks__contains=f",{filters.task},")
    if filters.language:
        events = events.filter(languages__contains=f",{filters.language},")
    if filters.free:
        events = events.filter(is_free=True)
    if filters.has_seats:
        events = events.filter(
            _seats_open(now) | Q(kind=EventKind.UMBRELLA, pk__in=_umbrellas_with_open_sessions(now))
        )
    if filters.organization_id is not None:
        events = events.filter(organization_id=filters.organization_id)
    if filters.location_id is not None:
        events = events.filter(location_id=filters.location_id)
    if filters.service_id is not None:
        events = events.filter(service_id=filters.service_id)
    return events


def event_get_public(*, event_id: uuid.UUID) -> Event:
    """One published (or cancelled) event of any kind, with its place, organiser and parent;
    NotFound for a draft as for a missing one."""
    event = (
        Event.objects.filter(PUBLIC, pk=event_id)
        .select_related(
            "location",
            "location__municipality",
            "municipality",
            "organization",
            "parent",
            "service",
        )
        .first()
    )
    if event is None:
        raise NotFound(event_id)
    return event


def sessions_of(event: Event) -> list[Event]:
    """The public sessions of an umbrella event (a forum), by time; [] for other kinds."""
    if event.kind != EventKind.UMBRELLA:
        return []
    return list(
        Event.objects.filter(PUBLIC, parent=event, kind=EventKind.SESSION)
        .select_related("location", "location__municipality", "municipality")
        .order_by("starts", "title", "pk")
    )


def questions_of(event: Event) -> list[Question]:
    """The sign-up questions families answer for this event (an occurrence: its series')."""
    return list(
        Question.objects.filter(event_id=event.question_owner_id()).order_by("position", "pk")
    )


@dataclass(frozen=True)
class LinkedNames:
    """The names of the organiser, service and place a list is limited to ("" when unknown)."""

    organization: str = ""
    service: str = ""
    place: str = ""


def linked_names(
    *,
    organization_id: uuid.UUID | None = None,
    service_id: uuid.UUID | None = None,
    location_id: uuid.UUID | None = None,
) -> LinkedNames:
    """What the list's filters from links elsewhere (a service card, an organisation's page, a
    place) are called; a service only if it is public."""
    organization = (
        Organization.objects.filter(pk=organization_id).first() if organization_id else None
    )
    service = Service.objects.public().filter(pk=service_id).first() if service_id else None
    place = Location.objects.filter(pk=location_id).first() if location_id else None
    return LinkedNames(
        organization=organization.name if organization is not None else "",
        service=service.name if service is not None else "",
        place=place.name if place is not None else "",
    )


def occurrences_of(event: Event, *, now: dt.datetime | None = None) -> list[Event]:
    """The coming public occurrences of a series, by time; [] for other kinds."""
    if event.kind != EventKind.SERIES:
        return []
    now = now or timezone.now()
    return list(
        Event.objects.filter(PUBLIC, parent=event, kind=EventKind.OCCURRENCE, ends__gt=now)
        .select_related("location")
        .order_by("starts", "pk")
    )


def place_on_map(event: Event) -> bool:
    """Whether the event's place is on the finder's public map (a physical place with
    coordinates where a public service is given), so that its page can link there."""
    location = event.location
    if location is None or location.location_type != LocationType.PHYSICAL:
        return False
    if location.latitude is None or location.longitude is None:
        return False
    return ServiceAtLocation.objects.filter(
        location=location, service__in=Service.objects.public()
    ).exists()


MUNICIPALITIES_CACHE_SECONDS = 60


def municipalities_with_events(
    *, now: dt.datetime | None = None, include: str | None = None
) -> list[tuple[str, str]]:
    """(code, name) of the municipalities that have coming public events, by name in the
    page's language: the list's municipality choices (and `include`, the chosen one, if it is a
    municipality at all). The codes are kept a minute in the cache: reading them means going
    through every coming event."""
    now = now or timezone.now()

    def read_codes() -> list[str]:
        rows = (
            Event.objects.filter(_LISTED, PUBLIC, ends__gt=now)
            # No ordering: the model's (starts, title) would make every event a distinct row.
            .order_by()
            .values_list("municipality_id", flat=True)
            .distinct()
        )
        return sorted({code for code in rows if code})

    codes = set(
        cache.get_or_set(_MUNICIPALITIES_KEY, read_codes, MUNICIPALITIES_CACHE_SECONDS) or ()
    )
    if include and _may_be_code(include):
        codes.add(include)
    return [(m.code, m.name) for m in Municipality.objects.filter(code__in=codes).order_by("name")]


# --- Calendar subscriptions (views/feeds.py) -----------------------------------------------------

FEED_DAYS_BACK = 30
FEED_DAYS_AHEAD = 183
# A feed is a bounded file: a county's busiest half-year fits many times over.
FEED_LIMIT = 3000
FEED_KINDS = (EventKind.SINGLE, EventKind.OCCURRENCE, EventKind.UMBRELLA)


def _may_be_code(code: str) -> bool:
    """Whether a code from an address can be looked up at all (PostgreSQL refuses a NUL in a
    text, and no code has a control character or is that long)."""
    return len(code) <= 20 and code.isprintable()


def feed_municipality(*, code: str) -> Municipality:
    municipality = Municipality.objects.filter(code=code).first() if _may_be_code(code) else None
    if municipality is None:
        raise NotFound(code)
    return municipality


def feed_organization(*, organization_id: uuid.UUID) -> Organization:
    organization = Organization.objects.filter(pk=organization_id).first()
    if organization is None:
        raise NotFound(organization_id)
    return organization


def feed_events(
    *,
    municipality_code: str | None = None,
    organization_id: uuid.UUID | None = None,
    now: dt.datetime | None = None,
) -> QuerySet[Event]:
    """The public, listed events of a municipality or an organisation inside the feed's
    window, a month back and half a year ahead. A cancelled one stays in the feed, marked
    cancelled, so that a subscribed calendar takes it away rather than keeping the old copy."""
    now = now or timezone.now()
    events = Event.objects.filter(
        PUBLIC,
        kind__in=FEED_KINDS,
        ends__gte=now - dt.timedelta(days=FEED_DAYS_BACK),
        starts__lte=now + dt.timedelta(days=FEED_DAYS_AHEAD),
    )
    if municipality_code is not None:
        events = events.filter(municipality_id=municipality_code)
    if organization_id is not None:
        events = events.filter(organization_id=organization_id)
    return events.select_related("location", "parent").order_by("starts", "pk")[:FEED_LIMIT]
