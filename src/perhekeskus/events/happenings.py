"""The events as the finder shows them: today's at each place of the map, and the next ones of a
service card and an organisation page (`core.happenings`, which the finder asks, since the
finder may not import this app).

`register()` is called from `EventsConfig.ready`. The reads here are this app's selectors for
the finder: each answer is one query over the public list (`selectors_public.event_list_public`:
published, of the kinds families see, not ended), and holds nothing of any family.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection

from django.db.models import F, QuerySet, Window
from django.db.models.functions import Coalesce, RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import npgettext, pgettext

from perhekeskus.core import happenings
from perhekeskus.core.happenings import Happening, Upcoming
from perhekeskus.events.models import Event, EventKind, EventStatus, RegistrationMode
from perhekeskus.events.selectors_public import EventFilters, event_list_public

KEY = "events"
# The texts' context in the translations: the finder's short words on an event.
_CONTEXT = "events on the finder"

# A day at a place: the events that happen then (a series is shown by its occurrences; a peer
# group's meetings are closed, so the map leaves them out like the public list does).
_ON_A_DAY = (EventKind.SINGLE, EventKind.OCCURRENCE, EventKind.UMBRELLA)


def seats_text(event: Event, *, now: dt.datetime) -> str:
    """What a family needs to know before going: drop in, seats left, full, waiting list; closed
    as the sign-up service closes it (`signup.closed_reason`: not yet open, closed, begun)."""
    if event.registration == RegistrationMode.DROP_IN:
        return pgettext(_CONTEXT, "Drop in, no sign-up")
    if event.enrolment_opens is not None and event.enrolment_opens > now:
        opens = date_format(timezone.localtime(event.enrolment_opens), "SHORT_DATE_FORMAT")
        return pgettext(_CONTEXT, "Sign-up opens %(date)s") % {"date": opens}
    if (event.enrolment_closes is not None and event.enrolment_closes <= now) or (
        event.starts <= now
    ):
        return pgettext(_CONTEXT, "Sign-up closed")
    if event.registration == RegistrationMode.APPLICATION:
        return pgettext(_CONTEXT, "Apply to join")
    left = event.seats_left
    if left is None:
        return pgettext(_CONTEXT, "Sign-up open")
    if left > 0:
        return npgettext(_CONTEXT, "%(count)d seat left", "%(count)d seats left", left) % {
            "count": left
        }
    room = event.waitlist_capacity
    if room is None or event.waitlisted_count < room:
        return pgettext(_CONTEXT, "Full, waiting list open")
    return pgettext(_CONTEXT, "Full")


def _happening(event: Event, now: dt.datetime) -> Happening:
    return Happening(
        title=str(event.title),
        starts=event.starts,
        ends=event.ends,
        url=reverse("events:detail", kwargs={"event_id": event.pk}),
        seats=seats_text(event, now=now),
    )


def _published(filters: EventFilters, now: dt.datetime) -> QuerySet[Event]:
    return event_list_public(filters=filters, now=now).filter(status=EventStatus.PUBLISHED)


def events_on_day(
    place_ids: Collection[uuid.UUID], day: dt.date, *, now: dt.datetime | None = None
) -> dict[uuid.UUID, list[Happening]]:
    """The published events at these places on the Finnish `day` that have not ended, by place
    id, in the order they start. One query."""
    now = now or timezone.now()
    events = _published(EventFilters(day_from=day, day_to=day), now).filter(
        kind__in=_ON_A_DAY, location_id__in=list(place_ids)
    )
    found: dict[uuid.UUID, list[Happening]] = {}
    for event in events:
        assert event.location_id is not None
        found.setdefault(event.location_id, []).append(_happening(event, now))
    return found


def events_upcoming(
    *,
    service_id: uuid.UUID | None = None,
    organization_id: uuid.UUID | None = None,
    limit: int,
    now: dt.datetime | None = None,
) -> Upcoming:
    """The next `limit` published events of the service (or of the organisation), a recurring
    event by its next occurrence only, so that one weekly club does not fill the list; and the
    public list's page of all of them. One query."""
    if service_id is None and organization_id is None:
        return Upcoming()
    now = now or timezone.now()
    filters = EventFilters(service_id=service_id, organization_id=organization_id)
    events = (
        _published(filters, now)
        .annotate(
            nth_of_series=Window(
                RowNumber(),
                partition_by=[Coalesce(F("parent_id"), F("id"))],
                order_by=[F("starts").asc(), F("id").asc()],
            )
        )
        .filter(nth_of_series=1)
        .order_by("starts", "title", "pk")[:limit]
    )
    found = [_happening(event, now) for event in events]
    if not found:
        return Upcoming()
    # The public list's query parameters for EventFilters.service_id and .organization_id.
    query = (
        {"service": str(service_id)}
        if service_id is not None
        else {"organization": str(organization_id)}
    )
    return Upcoming(found, f"{reverse('events:list')}?{urlencode(query)}")


class EventsProvider:
    """The events app's answers to `core.happenings`."""

    def on_day(
        self, place_ids: Collection[uuid.UUID], day: dt.date
    ) -> dict[uuid.UUID, list[Happening]]:
        return events_on_day(place_ids, day)

    def upcoming(
        self,
        *,
        service_id: uuid.UUID | None = None,
        organization_id: uuid.UUID | None = None,
        limit: int,
    ) -> Upcoming:
        return events_upcoming(service_id=service_id, organization_id=organization_id, limit=limit)


def register() -> None:
    """Let the finder show the events (called from `EventsConfig.ready`)."""
    happenings.register(KEY, EventsProvider())
