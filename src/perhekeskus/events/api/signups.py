"""`POST /api/v1/events/{id}/signups`: sign a family up for an event, as the event's page does.

One contact person and the participants who come (adults without an age, children with theirs);
the seats taken are the participants. The answer is the sign-up's status (attending, on the
waiting list with its position, or applied to a peer group) and the family's manage link,
absolute, in the sign-up's language; nothing the family typed. An `Idempotency-Key` makes a retry
safe: the same key with the same body is answered with the same sign-up (201), even when the rate
limit is used up; the same key with another body is a 422. A closed or full event is a 409; a
rule the sign-up breaks is a 400 naming the field as it is in the body (`contact.email`,
`participants[1].age`, `answers.<question id>`). Messages are in the body's `language`, else in
the language of the request.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from perhekeskus.catalog.api import ERRORS_400
from perhekeskus.core.ages import MAX_CHILD_AGE
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
from perhekeskus.core.errors import NotFound
from perhekeskus.core.links import absolute
from perhekeskus.core.ratelimit import RateLimited
from perhekeskus.events.models import EventLanguage, SignupStatus
from perhekeskus.events.ratelimit import signup_limiter
from perhekeskus.events.selectors import waitlist_position
from perhekeskus.events.selectors_public import event_get_public
from perhekeskus.events.services.signup import (
    IdempotencyConflict,
    ParticipantInput,
    SignupInput,
    SignupRefused,
    signup_create,
)

MAX_PARTICIPANTS = 50
MAX_ANSWERS = 50
LANGUAGES = [code for code, _name in EventLanguage.choices]
NON_FIELD = "non_field_errors"


class SignupContactSerializer(serializers.Serializer[Any]):
    name = optional_text(200, _("The contact person's name. Required."))
    email = contact_email_field()
    phone = optional_text(30, _("Phone number for text messages (a reminder, a seat freed)."))


class SignupParticipantSerializer(serializers.Serializer[Any]):
    name = optional_text(
        200, _("The participant's name (or a pseudonym where the event allows one).")
    )
    age = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        min_value=0,
        max_value=MAX_CHILD_AGE,
        help_text=_("A child's age in whole years; null or left out for an adult."),
    )


class SignupCreateSerializer(serializers.Serializer[Any]):
    contact = SignupContactSerializer(help_text=_("Who is told about the sign-up."))
    participants = serializers.ListField(
        child=SignupParticipantSerializer(),
        allow_empty=False,
        max_length=MAX_PARTICIPANTS,
        help_text=_(
            "Everyone who comes, the contact person too if they come: at least one and at most "
            "the event's `max_group_size`. Each takes a seat."
        ),
    )
    language = family_language_field(LANGUAGES)
    answers = answers_field(
        _(
            "Answers to the event's questions (`registration.questions` in GET /events): the "
            "question's id → the answer (for a choice question, one of its choices)."
        )
    )

    def validate_answers(self, value: dict[str, str]) -> dict[str, str]:
        if len(value) > MAX_ANSWERS:
            raise serializers.ValidationError(_("Answer at most the questions the event asks."))
        return value


CREATED = inline_serializer(
    "SignupCreated",
    {
        "status": serializers.ChoiceField(
            choices=[code for code, _name in SignupStatus.choices],
            help_text=(
                "attending: the seats are the family's; waitlisted: on the waiting list (see "
                "`position`); applied: a peer group's facilitator decides. A retry answers the "
                "sign-up as it is now (it may since have been promoted, or cancelled)."
            ),
        ),
        "position": serializers.IntegerField(
            allow_null=True,
            help_text=(
                "The place on the waiting list, 1 for the next family to get seats (families, "
                "not persons); null when not waitlisted."
            ),
        ),
        "manage_url": serializers.URLField(
            help_text=(
                "The family's page to see, change or cancel the sign-up (keep it private: it is "
                "the only key to it)."
            )
        ),
    },
)
DETAIL = inline_serializer("SignupErrorDetail", {"detail": serializers.CharField()})
REFUSED = inline_serializer(
    "SignupRefusedDetail",
    {
        "detail": serializers.CharField(),
        "code": serializers.ChoiceField(
            choices=["closed", "full"],
            help_text=(
                "closed: sign-up is not open (not yet, no longer, the event started or was "
                "cancelled); full: no seats and no room on the waiting list for the group."
            ),
        ),
    },
)
KEY_ERRORS = inline_serializer(
    "SignupKeyErrors", {"idempotency_key": serializers.ListField(child=serializers.CharField())}
)
IDEMPOTENCY_KEY = idempotency_key_parameter("sign-up", valid_for="this event")
RETRY_AFTER = retry_after_parameter("signing up")
EVENT_ID = OpenApiParameter(
    "id", str, OpenApiParameter.PATH, description="The event's `id` from GET /events."
)

# The service's field names (the sign-up form's) → the body's.
_CONTACT_FIELDS = {"name", "email", "phone"}
_PARTICIPANT_FIELD = re.compile(r"^participants-(\d+)-(\w+)$")
_QUESTION_FIELD = re.compile(r"^(?:q_)?(\d+)$")


def body_field(name: str) -> str:
    """Where in the body the service's field `name` is."""
    if name == NON_FIELD_ERRORS:
        return NON_FIELD
    if name in _CONTACT_FIELDS:
        return f"contact.{name}"
    if match := _PARTICIPANT_FIELD.match(name):
        return f"participants[{match.group(1)}].{match.group(2)}"
    if match := _QUESTION_FIELD.match(name):
        return f"answers.{match.group(1)}"
    return name


def flat_errors(errors: Any, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested errors as one level, named like the service's: `contact.email`,
    `participants[1].age`, `answers.12`; a list's or an object's own errors under its name."""
    flat: dict[str, list[str]] = {}
    if isinstance(errors, dict):
        for key, value in errors.items():
            if isinstance(key, int):  # an item of a list, by its index
                name = f"{prefix}[{key}]"
            elif key == NON_FIELD and prefix:
                name = prefix
            elif prefix:
                name = f"{prefix}.{key}"
            else:
                name = str(key)
            for field, messages in flat_errors(value, name).items():
                flat.setdefault(field, []).extend(messages)
    elif isinstance(errors, list):
        if all(isinstance(item, str) for item in errors):
            flat[prefix or NON_FIELD] = [str(item) for item in errors]
        else:
            for index, item in enumerate(errors):
                if item:
                    flat.update(flat_errors(item, f"{prefix}[{index}]"))
    else:
        flat[prefix or NON_FIELD] = [str(errors)]
    return flat


def _event_id(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


class SignupCreateView(FamilyWriteView):
    languages = LANGUAGES

    @extend_schema(
        operation_id="createEventSignup",
        summary="Sign up for an event",
        description=(
            "Signs a family up for an event whose `registration` is not null and `open`: "
            "a one-off event, an occurrence of a recurring event, a session of a forum, or a "
            "peer group (an application the facilitator decides on). The participants take "
            "seats while there are enough for the whole group; otherwise the group goes on the "
            "waiting list, and is given seats in its turn when others cancel (the contact "
            "person is told). Messages (400, 404, 409, 422, 429) are in the body's `language`, "
            "else in the language of Accept-Language. The answer holds no personal data."
        ),
        request=SignupCreateSerializer,
        parameters=[EVENT_ID, IDEMPOTENCY_KEY, RETRY_AFTER, CONTENT_LANGUAGE],
        responses={
            201: OpenApiResponse(
                CREATED, description="Signed up (or a retry of the same sign-up)."
            ),
            400: OpenApiResponse(
                ERRORS_400,
                description=(
                    "Field → messages, named as in the body: a field missing or of the wrong "
                    "type, no way to reach the contact person (`contact.email`, "
                    "`contact.phone`), a group larger than the event takes (`participants`), a "
                    "child's age outside the event's range (`participants[<i>].age`, from 0), "
                    "a missing or wrong answer (`answers.<question id>`), or a too long "
                    "Idempotency-Key (`idempotency_key`)."
                ),
            ),
            404: OpenApiResponse(DETAIL, description="No public event takes sign-ups by this id."),
            409: OpenApiResponse(
                REFUSED, description="Sign-up is closed, or the event and its waiting list full."
            ),
            413: OpenApiResponse(DETAIL, description="The body is larger than 32 KiB."),
            422: OpenApiResponse(
                KEY_ERRORS, description="The Idempotency-Key was used for a different body."
            ),
            429: OpenApiResponse(DETAIL, description="Too many sign-ups; see Retry-After."),
        },
    )
    def post(self, request: Request, id: str) -> Response:  # the path's name
        return self.answer(request, lambda language: self._sign_up(request, id, language))

    def _sign_up(self, request: Request, raw_id: str, language: str) -> Response:
        event_id = _event_id(raw_id)
        if event_id is None:
            return self._not_found()
        try:
            # A draft is not found, like a missing id; a cancelled event is closed (409).
            event_get_public(event_id=event_id)
        except NotFound:
            return self._not_found()
        key = idempotency_key_of(request)
        if (too_long := idempotency_key_too_long(key)) is not None:
            return too_long
        serializer = SignupCreateSerializer(data=request.data)
        if not serializer.is_valid():
            return Response(flat_errors(serializer.errors), status=status.HTTP_400_BAD_REQUEST)
        data = serializer.validated_data
        contact = data["contact"]
        signup_input = SignupInput(
            name=contact["name"],
            email=contact["email"],
            phone=contact["phone"],
            language=data.get("language") or language,
            participants=[
                ParticipantInput(name=participant["name"], age=participant["age"])
                for participant in data["participants"]
            ],
            answers={str(question): answer for question, answer in data["answers"].items()},
        )
        try:
            result = signup_create(
                event_id=event_id,
                data=signup_input,
                idempotency_key=key,
                idempotency_scope="api",
                limiter=signup_limiter(request._request),
            )
        except IdempotencyConflict:
            return idempotency_key_reused()
        except SignupRefused as refused:
            if refused.code == "not_found":
                return self._not_found()
            return Response(
                {"detail": str(refused.message), "code": refused.code},
                status=status.HTTP_409_CONFLICT,
            )
        except RateLimited as limited:
            return too_many_requests(limited)
        except DjangoValidationError as error:
            detail: dict[str, list[str]] = {}
            for field, messages in error.message_dict.items():
                detail.setdefault(body_field(field), []).extend(str(m) for m in messages)
            return Response(detail, status=status.HTTP_400_BAD_REQUEST)
        signup = result.signup
        with translation.override(signup.language):
            manage = absolute(reverse("events:manage", kwargs={"token": result.manage_token}))
        return Response(
            {
                "status": signup.status,
                "position": waitlist_position(signup),
                "manage_url": manage,
            },
            status=status.HTTP_201_CREATED,
            # The manage link is the family's key to the sign-up: no cache keeps it.
            headers={"Cache-Control": "no-store"},
        )

    @staticmethod
    def _not_found() -> Response:
        return Response(
            {"detail": gettext("No event that takes sign-ups has this id.")},
            status=status.HTTP_404_NOT_FOUND,
        )
