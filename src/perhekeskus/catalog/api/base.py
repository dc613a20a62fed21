"""The view every HSDS endpoint builds on: public, language, parameters, paging, not found."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, permissions, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from perhekeskus.catalog.api.paging import Countable, Serialize, paginate
from perhekeskus.catalog.api.params import LANGUAGES, LanguageParams
from perhekeskus.core.errors import NotFound

UNKNOWN_PARAMETER = _("This API does not take this parameter.")
FORMAT_NOT_SERVED = _("Only json is served (HSDS's ndjson is not).")


class HsdsView(APIView):
    # Public and read-only: no session, no login, no CSRF.
    authentication_classes: list[Any] = []
    permission_classes = [permissions.AllowAny]
    params_class: type[serializers.Serializer[Any]] = LanguageParams

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        # A valid `lang` sets the language of everything, error messages included; an invalid
        # one is refused by the parameters in the language of Accept-Language.
        lang = request.GET.get("lang")
        if lang in LANGUAGES:
            with translation.override(lang):
                return super().dispatch(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def perform_content_negotiation(self, request: Request, force: bool = False) -> Any:
        # HSDS's `format` is DRF's too: a format we do not serve (ndjson) is a 400 naming the
        # parameter, like any parameter we do not take, not DRF's bare 404.
        requested = request.query_params.get("format")
        if not force and requested not in (None, "", "json"):
            raise exceptions.ValidationError({"format": [FORMAT_NOT_SERVED]})
        return super().perform_content_negotiation(request, force)

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response["Content-Language"] = self.language
        return super().finalize_response(request, response, *args, **kwargs)

    @property
    def language(self) -> str:
        language = translation.get_language() or settings.LANGUAGE_CODE
        return language if language in LANGUAGES else settings.LANGUAGE_CODE

    def params(self, request: Request) -> dict[str, Any]:
        """The query's parameters, validated. A parameter this endpoint does not take (one HSDS
        defines that is not implemented here, or a misspelt one) is refused with a 400 that
        names it, rather than silently ignored; `format` is DRF's (json)."""
        allowed = set(self.params_class().fields) | {"format"}
        unknown = sorted(set(request.query_params) - allowed)
        if unknown:
            raise exceptions.ValidationError(
                {name: [UNKNOWN_PARAMETER, *self._accepted(allowed)] for name in unknown}
            )
        # An empty parameter (`?organization_id=`) is no filter rather than a wrong value.
        data = {key: value for key, value in request.query_params.items() if value != ""}
        params = self.params_class(data=data)
        params.is_valid(raise_exception=True)
        return dict(params.validated_data)

    @staticmethod
    def _accepted(allowed: set[str]) -> list[str]:
        return [
            gettext("This endpoint takes: %(names)s.")
            % {"names": ", ".join(sorted(allowed - {"format"}))}
        ]

    def paged(self, params: dict[str, Any], items: Countable, serialize: Serialize) -> Response:
        return Response(
            paginate(items, page=params["page"], per_page=params["per_page"], serialize=serialize)
        )


def object_id(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise exceptions.NotFound() from None


def detail(find: Callable[[], Any], serialize: Serialize) -> Response:
    try:
        found = find()
    except NotFound:
        raise exceptions.NotFound() from None
    return Response(serialize(found))
