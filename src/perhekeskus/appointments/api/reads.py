"""`GET /api/v1/appointment-types` and `GET /api/v1/slots`: what a family can book, and when.

Both are public and read-only, built on the catalogue's HSDS view: `lang` or Accept-Language for
the texts and the messages, a parameter the endpoint does not take is a 400 naming it, and the
answers are HSDS pages (`contents`, `total_items`, `total_pages`, `page_number`, `size`, ...).
Times are ISO 8601 in Finnish time with their offset (+02:00 in winter, +03:00 in summer).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from perhekeskus.accounts import selectors as account_selectors
from perhekeskus.appointments import availability
from perhekeskus.appointments.models import AppointmentType
from perhekeskus.appointments.selectors import (
    appointment_type_get_bookable,
    appointment_types_bookable,
)
from perhekeskus.catalog.api import (
    ACCEPT_LANGUAGE,
    ERRORS_400,
    NOT_FOUND,
    PageParams,
    page_body,
    page_of,
    register_shape,
)
from perhekeskus.catalog.api.base import HsdsView
from perhekeskus.core.errors import NotFound

HELSINKI = availability.HELSINKI
# The longest range one slot search may ask for, in days (both ends included): eight weeks and
# a little, whatever a type's own "how far ahead" says.
MAX_SLOT_RANGE_DAYS = 62

register_shape("AppointmentQuestion", "id:int! text! kind! choices:[str]! required:bool!")
register_shape("AppointmentPlace", "id:uuid! name!")
register_shape(
    "AppointmentType",
    "id:uuid! name! description! service_id:uuid! channels:[str]! duration_minutes:int! "
    "questions:[AppointmentQuestion]! places:[AppointmentPlace]!",
)
register_shape("SlotProfessional", "id:int! name! title!")
register_shape(
    "Slot", "id! start:datetime! end:datetime! professional:SlotProfessional! channels:[str]!"
)


def _uuid_field(help_text: Any, *, required: bool = False) -> serializers.UUIDField:
    # Django's own wording, which its catalogues translate (DRF's is not in fi/sv).
    return serializers.UUIDField(
        required=required,
        help_text=help_text,
        error_messages={"invalid": _("Enter a valid UUID.")},
    )


def _date_field(help_text: Any) -> serializers.DateField:
    return serializers.DateField(
        input_formats=["%Y-%m-%d"],
        help_text=help_text,
        error_messages={"invalid": _("Give the date as YYYY-MM-DD, for example 2026-12-04.")},
    )


class AppointmentTypeParams(PageParams):
    service_id = _uuid_field(_("Only the appointment types of this service."))


class _SlotRange(PageParams):
    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        first, last = attrs["from"], attrs["to"]
        if last < first:
            raise serializers.ValidationError(
                {"to": [_("The last day cannot be before the first day.")]}
            )
        if (last - first).days + 1 > MAX_SLOT_RANGE_DAYS:
            message = gettext("Ask for at most %(days)d days at a time.")
            raise serializers.ValidationError({"to": [message % {"days": MAX_SLOT_RANGE_DAYS}]})
        return attrs


# `from` is a Python keyword: the class is built from a dictionary of its fields.
SlotParams: type[serializers.Serializer[Any]] = type(
    "SlotParams",
    (_SlotRange,),
    {
        "__module__": __name__,
        "__doc__": "The parameters of a slot search.",
        "type": _uuid_field(
            _("The appointment type (its id from /appointment-types). Required."), required=True
        ),
        "from": _date_field(_("The first day, in Finnish time (YYYY-MM-DD). Required.")),
        "to": _date_field(
            _("The last day, included (YYYY-MM-DD). Required; a search covers at most 62 days.")
        ),
        "professional": serializers.IntegerField(
            required=False,
            min_value=1,
            max_value=2**31 - 1,
            help_text=_("Only the slots with this professional (their id in a slot)."),
            error_messages={"invalid": _("Give the professional's id, a whole number.")},
        ),
    },
)


def _paged(params: dict[str, Any], items: list[Any], serialize: Any) -> Response:
    page, per_page = params["page"], params["per_page"]
    start = (page - 1) * per_page
    contents = [serialize(item) for item in items[start : start + per_page]]
    return Response(page_body(total=len(items), page=page, per_page=per_page, contents=contents))


def appointment_type_json(appointment_type: AppointmentType) -> dict[str, Any]:
    """A bookable type in the active language: what a client needs to book it."""
    return {
        "id": str(appointment_type.pk),
        "name": appointment_type.name,
        "description": appointment_type.description or "",
        "service_id": str(appointment_type.service_id),
        "channels": appointment_type.channels,
        "duration_minutes": appointment_type.duration_minutes,
        "questions": [
            {
                "id": question.pk,
                "text": question.text,
                "kind": question.kind,
                "choices": question.choice_list(),
                "required": question.required,
            }
            for question in appointment_type.questions.all()
        ],
        "places": [
            {"id": str(place.pk), "name": place.name or ""}
            for place in appointment_type.locations.all()
        ]
        if appointment_type.offers_visit
        else [],
    }


def local_time(moment: dt.datetime) -> str:
    """ISO 8601 in Finnish time with its offset: 2026-03-30T09:00:00+03:00."""
    return moment.astimezone(HELSINKI).isoformat()


TYPES_DESCRIPTION = (
    "The appointment types a family can book without a link from a professional, in the "
    "language asked for. `questions` are what the booking's `answers` answer (by the question's "
    "id); `places` are where a visit can happen (the booking's `location`)."
)


class AppointmentTypeListView(HsdsView):
    params_class = AppointmentTypeParams

    @extend_schema(
        operation_id="listAppointmentTypes",
        summary="Appointment types",
        description=TYPES_DESCRIPTION,
        parameters=[AppointmentTypeParams, ACCEPT_LANGUAGE],
        responses={200: page_of("AppointmentType"), 400: ERRORS_400},
    )
    def get(self, request: Request) -> Response:
        params = self.params(request)
        types = appointment_types_bookable(service_id=params.get("service_id"))
        return _paged(params, list(types), appointment_type_json)


SLOTS_DESCRIPTION = (
    "The free slots of an appointment type, the earliest first (and by professional at one "
    "time). Book one with POST /bookings and its `id`. Times are in Finnish time with their "
    "offset. A slot shown may be taken by someone else before it is booked (409)."
)


class SlotListView(HsdsView):
    params_class = SlotParams

    @extend_schema(
        operation_id="listSlots",
        summary="Free slots",
        description=SLOTS_DESCRIPTION,
        parameters=[SlotParams, ACCEPT_LANGUAGE],
        responses={
            200: page_of("Slot"),
            400: ERRORS_400,
            404: OpenApiResponse(
                NOT_FOUND, description="No bookable appointment type has this id."
            ),
        },
    )
    def get(self, request: Request) -> Response:
        params = self.params(request)
        try:
            appointment_type = appointment_type_get_bookable(type_id=params["type"])
        except NotFound:
            raise exceptions.NotFound(
                gettext("No appointment type that can be booked has this id.")
            ) from None
        slots = availability.free_slots(
            appointment_type=appointment_type,
            date_from=params["from"],
            date_to=params["to"],
            professional_id=params.get("professional"),
            now=timezone.now(),
        )
        people = {
            user.pk: user
            for user in account_selectors.user_list_active(
                ids={slot.professional_id for slot in slots}
            )
        }
        shown = [slot for slot in slots if slot.professional_id in people]

        def serialize(slot: availability.Slot) -> dict[str, Any]:
            professional = people[slot.professional_id]
            return {
                "id": slot.id,
                "start": local_time(slot.starts),
                "end": local_time(slot.ends),
                "professional": {
                    "id": professional.pk,
                    "name": professional.full_name,
                    "title": professional.title,
                },
                "channels": list(slot.channels),
            }

        return _paged(params, shown, serialize)
