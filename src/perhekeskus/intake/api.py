"""`POST /api/v1/help-requests` (what the form does, for other front ends) and
`GET /api/v1/help-requests/{tracking_code}` (the status page's data)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from perhekeskus.core.ages import MAX_CHILD_AGE
from perhekeskus.core.bodylimit import declared_length
from perhekeskus.core.errors import NotFound
from perhekeskus.intake import ratelimit, services
from perhekeskus.intake.forms.public import (
    MAX_CHILDREN,
    MESSAGE_MAX,
    normalize_phone,
)
from perhekeskus.intake.models import Concern, RequestStatus
from perhekeskus.intake.selectors import family_status_label, help_request_public_status

MAX_BODY_BYTES = 32 * 1024
MAX_KEY_LENGTH = 200


class ContactSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(required=False, allow_blank=True, max_length=100)
    phone = serializers.CharField(required=False, allow_blank=True, max_length=30)
    email = serializers.EmailField(required=False, allow_blank=True, max_length=254)
    preferred_time = serializers.CharField(required=False, allow_blank=True, max_length=200)

    def validate_phone(self, value: str) -> str:
        try:
            return normalize_phone(value)
        except ValueError as error:
            raise serializers.ValidationError(str(error)) from None


class HelpRequestCreateSerializer(serializers.Serializer[Any]):
    message = serializers.CharField(max_length=MESSAGE_MAX, trim_whitespace=True)
    concerns = serializers.ChoiceField(choices=Concern.choices)
    child_ages = serializers.ListField(
        child=serializers.IntegerField(min_value=0, max_value=MAX_CHILD_AGE),
        max_length=MAX_CHILDREN,
        required=False,
        default=list,
    )
    municipality = serializers.RegexField(r"^\d{3}$", max_length=3)
    language = serializers.ChoiceField(choices=["fi", "sv", "en"])
    anonymous = serializers.BooleanField(default=False)
    contact = ContactSerializer(required=False)
    consent = serializers.BooleanField()

    def validate_consent(self, value: bool) -> bool:
        if value is not True:
            raise serializers.ValidationError(_("We need your consent to handle your request."))
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        contact = attrs.get("contact") or {}
        problem = services.contact_problem(
            anonymous=bool(attrs.get("anonymous")),
            typed=[str(value) for value in contact.values()],
            reachable=bool(contact.get("phone") or contact.get("email")),
        )
        if problem is not None:
            raise serializers.ValidationError({"contact": [problem]})
        return attrs

    def to_input(self) -> services.HelpRequestInput:
        data = self.validated_data
        contact = data.get("contact") or {}
        return services.HelpRequestInput(
            message=data["message"],
            concerns=data["concerns"],
            municipality_code=data["municipality"],
            language=data["language"],
            anonymous=data["anonymous"],
            child_ages=data.get("child_ages") or [],
            contact_name=contact.get("name", "").strip(),
            contact_phone=contact.get("phone", ""),
            contact_email=contact.get("email", ""),
            preferred_time=contact.get("preferred_time", "").strip(),
        )


URGENT_HELP = (
    "True when the message shows signs of acute danger (violence, self-harm, a child in danger): "
    "show the family the urgent guidance first (call 112 in an emergency, the crisis line), as "
    "the site's own confirmation page does."
)
CREATED = inline_serializer(
    "HelpRequestCreated",
    {
        "tracking_code": serializers.CharField(),
        "status_url": serializers.URLField(),
        "urgent": serializers.BooleanField(help_text=URGENT_HELP),
    },
)
FIELD_ERRORS = inline_serializer(
    "HelpRequestFieldErrors",
    {"idempotency_key": serializers.ListField(child=serializers.CharField())},
)
STATUS = inline_serializer(
    "HelpRequestStatus",
    {
        "tracking_code": serializers.CharField(),
        "status": serializers.ChoiceField(choices=RequestStatus.choices),
        "status_label": serializers.CharField(),
        "received_at": serializers.DateTimeField(),
        "reply": serializers.CharField(allow_blank=True),
        "replied_at": serializers.DateTimeField(allow_null=True),
        "urgent": serializers.BooleanField(help_text=URGENT_HELP),
    },
)


def _language_of(request: Request) -> str:
    body = request.data if isinstance(request.data, dict) else {}
    language = body.get("language")
    if language in ("fi", "sv", "en"):
        return str(language)
    return (translation.get_language() or "fi")[:2]


class HelpRequestCreateView(APIView):
    authentication_classes: list[Any] = []  # families have no account; no CSRF cookie either
    permission_classes: list[Any] = []
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="help_request_create",
        request=HelpRequestCreateSerializer,
        parameters=[
            OpenApiParameter(
                "Idempotency-Key",
                str,
                OpenApiParameter.HEADER,
                required=False,
                description=(
                    "Send the same key with the same body again (a retry) to get the same "
                    "answer instead of a second request; a retry is answered even when the rate "
                    f"limit is used up. Use a new key for each new request: at most "
                    f"{MAX_KEY_LENGTH} characters, compared whole, valid for this endpoint only. "
                    "The same key with a different body is refused with 422."
                ),
            )
        ],
        responses={
            201: CREATED,
            400: None,
            413: None,
            422: FIELD_ERRORS,
            429: None,
        },
    )
    def post(self, request: Request) -> Response:
        if declared_length(request) > MAX_BODY_BYTES:
            return Response({"detail": "Request body too large."}, status=413)
        with translation.override(_language_of(request)):
            key = request.headers.get("Idempotency-Key", "").strip() or None
            if key is not None and len(key) > MAX_KEY_LENGTH:
                # Refused, never cut: two long keys with one prefix must not meet (F-04).
                message = _("The Idempotency-Key can be at most %(limit)d characters long.")
                return Response(
                    {"idempotency_key": [message % {"limit": MAX_KEY_LENGTH}]},
                    status=status.HTTP_400_BAD_REQUEST,
                )
            serializer = HelpRequestCreateSerializer(data=request.data)
            if not serializer.is_valid():
                return Response(serializer.errors, status=status.HTTP_400_BAD_REQUEST)
            try:
                result = services.help_request_submit(
                    data=serializer.to_input(),
                    idempotency_key=key,
                    idempotency_scope="api",
                    limiter=ratelimit.help_request_limiter(request._request),
                )
            except services.IdempotencyConflict:
                message = _(
                    "This Idempotency-Key was already used for a different request. "
                    "Use a new key for each new request."
                )
                return Response(
                    {"idempotency_key": [str(message)]},
                    status=status.HTTP_422_UNPROCESSABLE_ENTITY,
                )
            except ratelimit.RateLimited as limited:
                return Response(
                    {"detail": str(_("Too many requests. Try again later."))},
                    status=status.HTTP_429_TOO_MANY_REQUESTS,
                    headers={"Retry-After": str(limited.retry_after)},
                )
            except DjangoValidationError as error:
                return Response(error.message_dict, status=status.HTTP_400_BAD_REQUEST)
        code = result.help_request.tracking_code
        with translation.override(result.help_request.language):
            # The page where the family types the code: no code in a URL (access logs, F-03).
            status_path = reverse("help:status_lookup")
        return Response(
            {
                "tracking_code": code,
                "status_url": request.build_absolute_uri(status_path),
                "urgent": result.urgent,
            },
            status=status.HTTP_201_CREATED,
        )


class HelpRequestStatusView(APIView):
    authentication_classes: list[Any] = []
    permission_classes: list[Any] = []

    @extend_schema(operation_id="help_request_status", responses={200: STATUS, 404: None})
    def get(self, request: Request, tracking_code: str) -> Response:
        try:
            public = help_request_public_status(tracking_code=tracking_code)
        except NotFound:
            return Response({"detail": "Not found."}, status=status.HTTP_404_NOT_FOUND)
        return Response(
            {
                "tracking_code": public.tracking_code,
                "status": public.status,
                "status_label": family_status_label(
                    status=public.status, anonymous=public.anonymous
                ),
                "received_at": public.received_at,
                "reply": public.reply,
                "replied_at": public.reply_at,
                "urgent": public.urgent,
            }
        )
