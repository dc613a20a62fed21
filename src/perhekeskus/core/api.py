"""Shared pieces of the JSON API: the root document and error mapping."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, JsonResponse
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import exceptions, permissions, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from perhekeskus.core.errors import NotFound
from perhekeskus.core.logging import denial_of, log_denial

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
