"""Shared pieces of the JSON API: the root document and error mapping."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from perhekeskus.core.errors import NotFound

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
    if isinstance(exc, NotFound):
        exc = Http404(str(exc) or "Not found.")
    if isinstance(exc, DjangoPermissionDenied):
        return Response({"detail": str(exc) or "Forbidden"}, status=status.HTTP_403_FORBIDDEN)
    return drf_exception_handler(exc, context)


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
