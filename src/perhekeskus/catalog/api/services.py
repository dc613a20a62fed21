"""GET /services and /services/{id}."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from perhekeskus.catalog import hsds, selectors
from perhekeskus.catalog.api.base import HsdsView, detail, object_id
from perhekeskus.catalog.api.params import (
    ACCEPT_LANGUAGE,
    ID,
    LanguageParams,
    ServiceFilterParams,
)
from perhekeskus.catalog.api.shapes import DETAIL_RESPONSES, LIST_RESPONSES, page_of, shape


class ServiceListView(HsdsView):
    params_class = ServiceFilterParams

    @extend_schema(
        operation_id="listServices",
        summary="Services",
        description=(
            "Public services by name: one-to-one fields only; with `minimal=true` only ids and "
            "modification times, with `full=true` fully nested."
        ),
        parameters=[ServiceFilterParams, ACCEPT_LANGUAGE],
        responses={200: page_of("ServiceListItem"), **LIST_RESPONSES},
    )
    def get(self, request: Request) -> Response:
        params = self.params(request)
        lang = self.language
        services = selectors.service_list_public(
            organization_id=params.get("organization_id"),
            taxonomy_term_id=params.get("taxonomy_term_id"),
            taxonomy_id=params.get("taxonomy_id"),
            modified_after=params.get("modified_after"),
            language=lang,
            full=params.get("full", False),
        )
        if params.get("minimal"):
            return self.paged(params, services, hsds.service_minimal)
        if params.get("full"):
            return self.paged(params, services, lambda s: hsds.service_full(s, lang=lang))
        return self.paged(params, services, lambda s: hsds.service_list_item(s, lang=lang))


class ServiceDetailView(HsdsView):
    @extend_schema(
        operation_id="getService",
        summary="A service",
        description="A public service with everything it links to.",
        parameters=[ID, LanguageParams, ACCEPT_LANGUAGE],
        responses={200: shape("Service"), **DETAIL_RESPONSES},
    )
    def get(self, request: Request, id: str) -> Response:
        self.params(request)
        lang, pk = self.language, object_id(id)
        return detail(
            lambda: selectors.service_get_public(service_id=pk),
            lambda s: hsds.service_full(s, lang=lang),
        )
