"""`POST /api/v1/bookings`: book a free slot, as the family's booking page does.

The answer carries the booking's id and its two links (the manage page and the calendar file,
absolute, in the booking's language) and nothing of what the family typed. An `Idempotency-Key`
makes a retry safe: the same key with the same body is answered as the first time (201, the same
body), even when the rate limit is used up; the same key with another body is refused with 422.
A slot taken meanwhile is a 409; a rule the booking breaks is a 400 naming the field.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from perhekeskus.appointments import services
from perhekeskus.appointments.models import BookingLanguage, Channel
from perhekeskus.appointments.ratelimit import booking_limiter
from perhekeskus.catalog.api import ERRORS_400
from perhekeskus.core.api import (
    CONTENT_LANGUAGE,
    FamilyWriteView,
    answers_field,
    contact_email_field,
    family_language_field,
    idempotency_key_of,
    idempotency_key_parameter,
    idempotency_key_reused,
    idempotency_key_too_long,
    optional_text,
    retry_after_parameter,
    too_many_requests,
)
from perhekeskus.core.links import absolute
from perhekeskus.core.ratelimit import RateLimited

MAX_ANSWERS = 50
LANGUAGES = [code for code, _name in BookingLanguage.choices]
NON_FIELD = "non_field_errors"


class BookingCreateSerializer(serializers.Serializer[Any]):
    slot = serializers.CharField(
        max_length=100, help_text=_("The `id` of a free slot from GET /slots.")
    )
    channel = serializers.ChoiceField(
        choices=Channel.choices, help_text=_("How the family meets: one of the slot's channels.")
    )
    name = optional_text(200, _("The name of the one who books. Required."))
    email = contact_email_field()
    phone = optional_text(
        30, _("Phone number for the text-message reminder (and for a phone call).")
    )
    language = family_language_field(LANGUAGES)
    answers = answers_field(
        _(
            "Answers to the type's pre-questions: the question's id → the answer (for a choice "
            "question, one of its choices)."
        )
    )
    location = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_(
            "For a visit: the place (one of the type's `places`); may be left out when the type "
            "has one place."
        ),
        error_messages={"invalid": _("Enter a valid UUID.")},
    )

    def validate_answers(self, value: dict[str, str]) -> dict[str, str]:
        if len(value) > MAX_ANSWERS:
            raise serializers.ValidationError(
                _("Answer at most the questions the appointment type asks.")
            )
        return value


CREATED = inline_serializer(
    "BookingCreated",
    {
        "id": serializers.UUIDField(),
        "manage_url": serializers.URLField(
            help_text="The family's page to see, change or cancel the booking (keep it private)."
        ),
        "calendar_url": serializers.URLField(help_text="The booking as an iCalendar file."),
    },
)
DETAIL = inline_serializer("BookingErrorDetail", {"detail": serializers.CharField()})
KEY_ERRORS = inline_serializer(
    "BookingKeyErrors", {"idempotency_key": serializers.ListField(child=serializers.CharField())}
)
IDEMPOTENCY_KEY = idempotency_key_parameter("booking", valid_for="this endpoint")
RETRY_AFTER = retry_after_parameter("booking")


class BookingCreateView(FamilyWriteView):
    languages = LANGUAGES

    @extend_schema(
        operation_id="createBooking",
        summary="Book a slot",
        description=(
            "Books a free slot for a family. Messages (400, 409, 422, 429) are in the body's "
            "`language`, else in the language of Accept-Language. The answer holds no personal "
            "data: only the booking's id and its links."
        ),
        request=BookingCreateSerializer,
        parameters=[IDEMPOTENCY_KEY, RETRY_AFTER, CONTENT_LANGUAGE],
        responses={
            201: OpenApiResponse(CREATED, description="Booked (or a retry of the same booking)."),
            400: OpenApiResponse(
                ERRORS_400,
                description=(
                    "Field → messages: a field missing or of the wrong type, a slot id that is "
                    "not one or a slot outside the bookable window (`slot`), a channel the type "
                    "does not offer (`channel`), a missing or wrong answer to a pre-question "
                    "(`q_<question id>`), the per-person limit (`non_field_errors`), or a too "
                    "long Idempotency-Key (`idempotency_key`)."
                ),
            ),
            409: OpenApiResponse(DETAIL, description="The slot is no longer free."),
            413: OpenApiResponse(DETAIL, description="The body is larger than 32 KiB."),
            422: OpenApiResponse(
                KEY_ERRORS, description="The Idempotency-Key was used for a different body."
            ),
            429: OpenApiResponse(DETAIL, description="Too many bookings; see Retry-After."),
        },
    )
    def post(self, request: Request) -> Response:
        return self.answer(request, lambda language: self._book(request, language))

    def _book(self, request: Request, language: str) -> Response:
        key = idempotency_key_of(request)
        if (too_long := idempotency_key_too_long(key)) is not None:
            return too_long
        serializer = BookingCreateSerializer(data=request.data)
        if not serializer.is_valid():
            return Response(serializer.errors, status=status.HTTP_400_BAD_REQUEST)
        data = serializer.validated_data
        try:
            result = services.booking_create(
                slot_id=data["slot"],
                channel=data["channel"],
                name=data["name"],
                email=data["email"],
                phone=data["phone"],
                language=data.get("language") or language,
                answers=dict(data["answers"]),
                location_id=data["location"],
                idempotency_key=key,
                idempotency_scope="api",
                limiter=booking_limiter(request._request),
            )
        except services.IdempotencyConflict:
            return idempotency_key_reused()
        except services.SlotTaken as taken:
            return Response({"detail": str(taken.message)}, status=status.HTTP_409_CONFLICT)
        except RateLimited as limited:
            return too_many_requests(limited)
        except DjangoValidationError as error:
            # The booking's rules name the body's fields, a pre-question as `q_<its id>`, and
            # a rule of the whole booking (the per-person limit) as DRF does: non_field_errors.
            detail = {
                NON_FIELD if field == NON_FIELD_ERRORS else field: [str(m) for m in messages]
                for field, messages in error.message_dict.items()
            }
            return Response(detail, status=status.HTTP_400_BAD_REQUEST)
        booking = result.booking
        with translation.override(booking.language):
            token = result.manage_token
            manage = absolute(reverse("appointments:manage", kwargs={"token": token}))
            calendar = absolute(reverse("appointments:manage_ics", kwargs={"token": token}))
        return Response(
            {"id": str(booking.pk), "manage_url": manage, "calendar_url": calendar},
            status=status.HTTP_201_CREATED,
            # The manage link is the family's key to the booking: no cache keeps it.
            headers={"Cache-Control": "no-store"},
        )
