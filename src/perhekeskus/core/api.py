"""Shared pieces of the JSON API: the root document and error mapping, and what the families'
writes (a booking, an event's sign-up) answer alike: the Idempotency-Key, the language of the
messages and the 429."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, JsonResponse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import exceptions, permissions, serializers, status
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from perhekeskus.core.bodylimit import declared_length
from perhekeskus.core.errors import NotFound
from perhekeskus.core.language import active_language
from perhekeskus.core.logging import denial_of, log_denial
from perhekeskus.core.ratelimit import RateLimited

HSDS_VERSION = "3.0"
HSDS_PROFILE = "https://openreferral.org/"


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Map the service layer's errors to HTTP: validation → 400 with field messages, not-found and
    forbidden both → 404 (an outsider learns nothing of what exists), policy denial → 403."""
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            detail: Any = {
                field: [str(m) for m in msgs] for field, msgs in exc.message_dict.items()
            }
        else:
            detail = {"non_field_errors": [str(m) for m in exc.messages]}
        return Response(detail, status=status.HTTP_400_BAD_REQUEST)
    request = context.get("request")
    denial = denial_of(exc)
    if denial is None and isinstance(
        exc, (exceptions.PermissionDenied, exceptions.NotAuthenticated)
    ):
        denial = exc
    if denial is not None and request is not None:
        log_denial(request, denial)
    if isinstance(exc, NotFound):
        exc = Http404(str(exc) or "Not found.")
    if isinstance(exc, DjangoPermissionDenied):
        return Response({"detail": str(exc) or "Forbidden"}, status=status.HTTP_403_FORBIDDEN)
    return drf_exception_handler(exc, context)


# The bodies of the error answers, also where Django itself answers (an unknown path, an error
# outside a view): everything under /api/ answers JSON, 500 included.
ERROR_DETAILS = {
    400: "Bad request.",
    403: "You do not have permission to perform this action.",
    404: "Not found.",
    405: "Method not allowed.",
    413: "Request body too large.",
    500: "Server error.",
}


def is_api_path(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def json_error(status_code: int) -> JsonResponse:
    return JsonResponse({"detail": ERROR_DETAILS.get(status_code, "Error.")}, status=status_code)


ERROR_SCHEMA = inline_serializer("ErrorDetail", {"detail": serializers.CharField()})
ERROR_DESCRIPTIONS = {
    # Session authentication sends no WWW-Authenticate challenge, so DRF answers a missing login
    # with 403, never 401.
    "403": "Not logged in (with the second factor where required), or not allowed.",
    "404": "No such object, or one you may not see (the two are not told apart).",
}


class ApiSchema(AutoSchema):
    """Every operation documents the error answers it can give: 403 where its permission
    classes ask for more than anyone has (not logged in is a 403 too, see above), 404 where the
    path names an object or the list is paged (a page past the end). A 401 is never given."""

    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        responses: dict[str, Any] = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        codes = []
        view_permissions = (
            self.view.get_permissions() if hasattr(self.view, "get_permissions") else []
        )
        if any(not isinstance(p, permissions.AllowAny) for p in view_permissions):
            codes.append("403")
        paged = self._is_list_view() and getattr(self.view, "pagination_class", None)
        if "{" in self.path or paged:
            codes.append("404")
        if codes:
            ref = self.resolve_serializer(ERROR_SCHEMA, "response").ref
            for code in codes:
                if "content" not in responses.get(code, {}):
                    responses[code] = {
                        "description": ERROR_DESCRIPTIONS[code],
                        "content": {"application/json": {"schema": ref}},
                    }
        return responses


class ApiRootView(APIView):
    @extend_schema(
        responses=inline_serializer(
            "ApiRoot",
            {
                "version": serializers.CharField(),
                "profile": serializers.URLField(),
                "openapi_url": serializers.URLField(),
            },
        )
    )
    def get(self, request: Request) -> Response:
        return Response(
            {
                "version": HSDS_VERSION,
                "profile": HSDS_PROFILE,
                "openapi_url": request.build_absolute_uri("/api/v1/openapi.json"),
            }
        )


# --- The families' writes: a booking, an event's sign-up -----------------------------------------

MAX_IDEMPOTENCY_KEY_LENGTH = 200
MAX_WRITE_BODY_BYTES = 32 * 1024
MAX_ANSWER_LENGTH = 2000


class FamilyWriteView(APIView):
    """An endpoint a family's app writes through (no account, so no CSRF cookie either): a
    JSON body of at most `MAX_WRITE_BODY_BYTES` (413), answered in the body's `language`, else
    the request's (`Content-Language`)."""

    authentication_classes: list[Any] = []
    permission_classes: list[Any] = []
    parser_classes = [JSONParser]
    languages: Sequence[str] = ()

    def answer(self, request: Request, write: Callable[[str], Response]) -> Response:
        """`write(language)`'s answer, its messages in the language of the write."""
        if (too_large := body_too_large(request, MAX_WRITE_BODY_BYTES)) is not None:
            return too_large
        language = request_language(request, self.languages)
        with translation.override(language):
            response = write(language)
        response["Content-Language"] = language
        return response


def optional_text(max_length: int, help_text: Any) -> serializers.CharField:
    """A text field of the body that may be left out or empty ("")."""
    return serializers.CharField(
        required=False, allow_blank=True, default="", max_length=max_length, help_text=help_text
    )


def contact_email_field() -> serializers.EmailField:
    return serializers.EmailField(
        required=False,
        allow_blank=True,
        default="",
        max_length=254,
        help_text=_("E-mail for the confirmation and the reminder. Give an e-mail or a phone."),
    )


def family_language_field(languages: Sequence[str]) -> serializers.ChoiceField:
    return serializers.ChoiceField(
        choices=list(languages),
        required=False,
        help_text=_(
            "The family's language for the messages, the links and the reminder: fi, sv or en. "
            "By default the language of the request (Accept-Language), else Finnish."
        ),
    )


def answers_field(help_text: Any) -> serializers.DictField:
    """The answers to the questions asked: the question's id → the answer."""
    return serializers.DictField(
        child=serializers.CharField(allow_blank=True, max_length=MAX_ANSWER_LENGTH),
        required=False,
        default=dict,
        help_text=help_text,
    )


CONTENT_LANGUAGE = OpenApiParameter(
    "Content-Language",
    str,
    OpenApiParameter.HEADER,
    response=True,
    description="The language of the messages in the answer.",
)


def idempotency_key_parameter(what: str, *, valid_for: str) -> OpenApiParameter:
    """The `Idempotency-Key` header of an endpoint that writes one `what` ("booking") per key,
    a key being valid for `valid_for` ("this endpoint") only."""
    return OpenApiParameter(
        "Idempotency-Key",
        str,
        OpenApiParameter.HEADER,
        required=False,
        description=(
            "Strongly recommended. Send the same key with the same body again (a retry after a "
            f"lost answer) to get the same answer, 201 with the same {what}, instead of a second "
            f"{what}; a retry is answered even when the rate limit is used up. Use a new key for "
            f"each new {what}: at most {MAX_IDEMPOTENCY_KEY_LENGTH} characters, compared whole, "
            f"valid for {valid_for} only. The same key with a different body is refused with 422."
        ),
    )


def retry_after_parameter(doing: str) -> OpenApiParameter:
    """The 429's `Retry-After` header: seconds to wait before `doing` ("booking") again."""
    return OpenApiParameter(
        "Retry-After",
        int,
        OpenApiParameter.HEADER,
        response=[429],
        description=f"Seconds to wait before {doing} again.",
    )


def body_too_large(request: Request, limit: int) -> Response | None:
    """The 413 for a body whose declared length is over `limit` bytes, or None."""
    if declared_length(request) <= limit:
        return None
    return Response({"detail": ERROR_DETAILS[413]}, status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)


def request_language(request: Request, languages: Collection[str]) -> str:
    """The language of a write's messages: the body's `language` when it is one of `languages`,
    else the request's (Accept-Language), else Finnish."""
    body = request.data if isinstance(request.data, dict) else {}
    chosen = body.get("language")
    if isinstance(chosen, str) and chosen in languages:
        return chosen
    return active_language(languages)


def idempotency_key_of(request: Request) -> str:
    """The request's `Idempotency-Key` ("" for none)."""
    return str(request.headers.get("Idempotency-Key", "")).strip()


def idempotency_key_too_long(key: str) -> Response | None:
    """The 400 for a key longer than `MAX_IDEMPOTENCY_KEY_LENGTH`, or None: a key is refused,
    never cut, so that two long keys with one prefix never meet."""
    if len(key) <= MAX_IDEMPOTENCY_KEY_LENGTH:
        return None
    message = gettext("The Idempotency-Key can be at most %(limit)d characters long.")
    return Response(
        {"idempotency_key": [message % {"limit": MAX_IDEMPOTENCY_KEY_LENGTH}]},
        status=status.HTTP_400_BAD_REQUEST,
    )


def idempotency_key_reused() -> Response:
    """The 422 for a known key sent with another body."""
    message = gettext(
        "This Idempotency-Key was already used for a different request. "
        "Use a new key for each new request."
    )
    return Response({"idempotency_key": [message]}, status=status.HTTP_422_UNPROCESSABLE_ENTITY)


def too_many_requests(limited: RateLimited) -> Response:
    """The 429, with the seconds to wait in `Retry-After`."""
    return Response(
        {"detail": gettext("Too many requests. Try again later.")},
        status=status.HTTP_429_TOO_MANY_REQUESTS,
        headers={"Retry-After": str(limited.retry_after)},
    )
