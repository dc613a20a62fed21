"""`GET /api/v1/events`: the public events, filtered as on the events page, as HSDS-style pages.

Public and read-only on the catalogue's `HsdsView`: `lang` or Accept-Language for the texts and
the messages, a parameter the endpoint does not take is a 400 naming it. The filters are the
page's (`selectors_public.EventFilters`), the listing is `event_list_public`: published events of
the listed kinds that have not ended, the earliest first. A forum's sessions come inside their
umbrella (`sub_events`), each with its own registration, as on the forum's page. Times are ISO
8601 in Finnish time with their offset. Nothing of any family is shown: seats are counts.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from perhekeskus.catalog import selectors as catalog_selectors
from perhekeskus.catalog.api import (
    ACCEPT_LANGUAGE,
    ERRORS_400,
    PageParams,
    page_of,
    register_shape,
)
from perhekeskus.catalog.api.base import HsdsView
from perhekeskus.catalog.models import Location, Municipality
from perhekeskus.core.ages import MAX_CHILD_AGE
from perhekeskus.core.links import absolute
from perhekeskus.core.tasks import FAMILY_CENTER_TASKS
from perhekeskus.events.models import (
    Event,
    EventKind,
    EventLanguage,
    Question,
)
from perhekeskus.events.selectors_public import EventFilters, event_list_public, sessions_of
from perhekeskus.events.services.signup import closed_reason

register_shape("EventMunicipality", "code! name!")
register_shape(
    "EventPlace",
    "id:uuid! name! address! postal_code! post_office! municipality:EventMunicipality?! "
    "latitude:float?! longitude:float?!",
)
register_shape("EventOrganization", "id:uuid! name!")
register_shape("EventSuper", "id:uuid! name! kind!")
register_shape("EventAges", "min:int?! max:int?!")
register_shape("EventQuestion", "id:int! text! kind! choices:[str]! required:bool!")
register_shape(
    "EventRegistration",
    "mode! open:bool! capacity:int?! seats_left:int?! waitlist_length:int! max_group_size:int! "
    "enrolment_opens:datetime?! enrolment_closes:datetime?! questions:[EventQuestion]!",
)
_EVENT_CORE = (
    "id:uuid! kind! name! description! url! start:datetime! end:datetime! status! "
    "place:EventPlace?! online:bool! municipality:EventMunicipality?! audience! "
    "ages:EventAges! languages:[str]! tasks:[int]! free:bool! price! "
    "organization:EventOrganization! super_event:EventSuper?! registration:EventRegistration?!"
)
register_shape("EventSession", _EVENT_CORE)
register_shape("Event", f"{_EVENT_CORE} sub_events:[EventSession]!")

TASK_NUMBERS = [task.number for task in FAMILY_CENTER_TASKS]


def _date_field(help_text: Any) -> serializers.DateField:
    return serializers.DateField(
        required=False,
        input_formats=["%Y-%m-%d"],
        help_text=help_text,
        error_messages={"invalid": _("Give the date as YYYY-MM-DD, for example 2026-12-04.")},
    )


def _uuid_field(help_text: Any) -> serializers.UUIDField:
    # Django's own wording, which its catalogues translate (DRF's is not in fi/sv).
    return serializers.UUIDField(
        required=False, help_text=help_text, error_messages={"invalid": _("Enter a valid UUID.")}
    )


def _flag(help_text: Any) -> serializers.BooleanField:
    return serializers.BooleanField(required=False, default=False, help_text=help_text)


class EventParams(PageParams):
    """The filters of the events listing (`start` and `end` as Linked Events names them)."""

    start = _date_field(
        _(
            "Only events on or after this day, in Finnish time (YYYY-MM-DD); by default "
            "every event that has not ended."
        )
    )
    end = _date_field(_("Only events on or before this day, included (YYYY-MM-DD)."))
    municipality = serializers.CharField(
        required=False,
        help_text=_(
            "Official three-digit municipality code, e.g. 853 for Turku: the events held there "
            "(an online event: the municipality it is for). An unknown code is an error."
        ),
    )
    age = serializers.IntegerField(
        required=False,
        min_value=0,
        max_value=MAX_CHILD_AGE,
        help_text=_(
            "Age of a child in whole years: only events for a child of that age (events "
            "without an age range are for all)."
        ),
        error_messages={"invalid": _("Give the age in whole years, for example 3.")},
    )
    task = serializers.ChoiceField(
        choices=TASK_NUMBERS,
        required=False,
        help_text=_("Only events of this family-center task (1–8)."),
        error_messages={
            "invalid_choice": _(
                "The task is the number of one of the eight family-center tasks, from 1 to 8."
            )
        },
    )
    language = serializers.ChoiceField(
        choices=[code for code, _name in EventLanguage.choices],
        required=False,
        help_text=_("Only events held in this language: fi, sv or en."),
    )
    free = _flag(_("true: only events free of charge."))
    has_seats = _flag(
        _(
            "true: only events a family can sign up for now with seats free (no seat limit "
            "counts as free); an event with sessions when one of its sessions has seats."
        )
    )
    organization_id = _uuid_field(_("Only the events of this organiser."))
    location_id = _uuid_field(_("Only the events at this place."))
    service_id = _uuid_field(_("Only the events of this service."))

    def validate_municipality(self, value: str) -> str:
        if len(value) != 3 or not value.isascii() or not value.isdigit():
            raise serializers.ValidationError(_("A municipality code has three digits."))
        if not catalog_selectors.municipality_exists(code=value):
            raise serializers.ValidationError(
                gettext("There is no municipality with the code %(code)s.") % {"code": value}
            )
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        first, last = attrs.get("start"), attrs.get("end")
        if first is not None and last is not None and last < first:
            raise serializers.ValidationError(
                {"end": [_("The last day cannot be before the first day.")]}
            )
        return attrs


def event_filters(params: dict[str, Any]) -> EventFilters:
    return EventFilters(
        municipality=params.get("municipality"),
        day_from=params.get("start"),
        day_to=params.get("end"),
        age=params.get("age"),
        task=params.get("task"),
        language=params.get("language"),
        free=bool(params.get("free")),
        has_seats=bool(params.get("has_seats")),
        organization_id=params.get("organization_id"),
        location_id=params.get("location_id"),
        service_id=params.get("service_id"),
    )


def local_time(moment: dt.datetime) -> str:
    """ISO 8601 in Finnish time with its offset: 2026-03-30T09:00:00+03:00."""
    return timezone.localtime(moment).isoformat()


def _municipality(municipality: Municipality | None) -> dict[str, str] | None:
    return {"code": municipality.code, "name": municipality.name} if municipality else None


def _place(location: Location | None) -> dict[str, Any] | None:
    if location is None:
        return None
    return {
        "id": str(location.pk),
        "name": location.name,
        "address": location.street_address or "",
        "postal_code": location.postal_code,
        "post_office": location.post_office or "",
        "municipality": _municipality(location.municipality),
        "latitude": float(location.latitude) if location.latitude is not None else None,
        "longitude": float(location.longitude) if location.longitude is not None else None,
    }


def _questions(event: Event) -> list[dict[str, Any]]:
    """The questions a sign-up answers (an occurrence's are its series')."""
    owner = event.parent if event.kind == EventKind.OCCURRENCE and event.parent else event
    questions: list[Question] = list(owner.questions.all())
    return [
        {
            "id": question.pk,
            "text": question.text,
            "kind": question.kind,
            "choices": question.choice_list(),
            "required": question.required,
        }
        for question in questions
    ]


def _registration(event: Event, now: dt.datetime) -> dict[str, Any] | None:
    if not event.takes_signups:
        return None
    return {
        "mode": event.registration,
        "open": closed_reason(event, now) is None,
        "capacity": event.capacity,
        "seats_left": event.seats_left,
        "waitlist_length": event.waitlisted_count,
        "max_group_size": event.max_group_size,
        "enrolment_opens": local_time(event.enrolment_opens) if event.enrolment_opens else None,
        "enrolment_closes": local_time(event.enrolment_closes) if event.enrolment_closes else None,
        "questions": _questions(event),
    }


def event_json(event: Event, *, now: dt.datetime) -> dict[str, Any]:
    """An event in the active language, without the sessions of an umbrella."""
    parent = event.parent if event.kind in (EventKind.OCCURRENCE, EventKind.SESSION) else None
    return {
        "id": str(event.pk),
        "kind": event.kind,
        "name": event.title,
        "description": event.description or "",
        "url": absolute(reverse("events:detail", kwargs={"event_id": event.pk})),
        "start": local_time(event.starts),
        "end": local_time(event.ends),
        "status": event.status,
        "place": None if event.is_online else _place(event.location),
        "online": event.is_online,
        # Where the municipality filter finds the event: the place's, or chosen for one online.
        "municipality": _municipality(
            event.municipality or (event.location.municipality if event.location else None)
        ),
        "audience": event.audience or "",
        "ages": {"min": event.min_age, "max": event.max_age},
        "languages": event.language_codes,
        "tasks": event.task_numbers,
        "free": event.is_free,
        "price": event.price_info or "",
        "organization": {"id": str(event.organization_id), "name": event.organization.name},
        "super_event": {"id": str(parent.pk), "name": parent.title, "kind": parent.kind}
        if parent is not None
        else None,
        "registration": _registration(event, now),
    }


def _listed(queryset: QuerySet[Event]) -> QuerySet[Event]:
    """The listing with what a page of it shows fetched in a few queries."""
    return queryset.select_related(
        "organization", "location__municipality", "parent"
    ).prefetch_related(
        Prefetch("questions", queryset=Question.objects.order_by("position", "pk")),
        Prefetch("parent__questions", queryset=Question.objects.order_by("position", "pk")),
    )


def _sessions(umbrella: Event) -> list[Event]:
    """A forum's sessions, knowing their umbrella and (mostly shared) organiser already."""
    sessions = sessions_of(umbrella)
    for session in sessions:
        session.parent = umbrella
        if session.organization_id == umbrella.organization_id:
            session.organization = umbrella.organization
    return sessions


DESCRIPTION = (
    "The public events, the earliest first: one-off events, the occurrences of recurring events "
    "(each with its series as `super_event`), peer groups (a family applies to the group: "
    "`registration.mode` is `application`) and events with sessions, such as family center "
    "forums, whose sessions come in `sub_events`. Events that have ended are left out.\n\n"
    "`registration` is null for a drop-in event (no sign-up). Otherwise `open` tells whether a "
    "family can sign up now (POST /events/{id}/signups), `capacity` and `seats_left` are in "
    "persons, adults and children alike (null: no limit), and `waitlist_length` is the number "
    "of persons (not groups) on the waiting list. `questions` are what a sign-up's `answers` "
    "answer, by the question's id.\n\n"
    "`place` is null for an online event (`online`); the meeting link is given to those "
    "signed up only. Times are in Finnish time with their offset."
)


class EventListView(HsdsView):
    params_class = EventParams

    @extend_schema(
        operation_id="listEvents",
        summary="Events",
        description=DESCRIPTION,
        parameters=[EventParams, ACCEPT_LANGUAGE],
        responses={200: page_of("Event"), 400: ERRORS_400},
    )
    def get(self, request: Request) -> Response:
        params = self.params(request)
        now = timezone.now()
        events = _listed(event_list_public(filters=event_filters(params), now=now))

        def serialize(event: Event) -> dict[str, Any]:
            item = event_json(event, now=now)
            item["sub_events"] = [event_json(session, now=now) for session in _sessions(event)]
            return item

        return self.paged(params, events, serialize)
