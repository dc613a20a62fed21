"""GET /service_at_locations and /service_at_locations/{id}."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from perhekeskus.catalog import hsds, selectors
from perhekeskus.catalog.api.base import HsdsView, detail, object_id
from perhekeskus.catalog.api.filters import text_search
from perhekeskus.catalog.api.params import (
    ACCEPT_LANGUAGE,
    ID,
    LanguageParams,
    ServiceAtLocationParams,
)
from perhekeskus.catalog.api.shapes import DETAIL_RESPONSES, LIST_RESPONSES, page_of, shape


class ServiceAtLocationListView(HsdsView):
    params_class = ServiceAtLocationParams

    @extend_schema(
        operation_id="listServiceAtLocations",
        summary="Services at locations",
        description=(
            "Where public services are given. The filters apply to the service; "
            "`modified_after` also to the location."
        ),
        parameters=[ServiceAtLocationParams, ACCEPT_LANGUAGE],
        responses={200: page_of("ServiceAtLocationListItem"), **LIST_RESPONSES},
    )
    def get(self, request: Request) -> Response:
        params = self.params(request)
        lang = self.language
        sals = selectors.service_at_location_list_public(
            organization_id=params.get("organization_id"),
            taxonomy_term_id=params.get("taxonomy_term_id"),
            taxonomy_id=params.get("taxonomy_id"),
            modified_after=params.get("modified_after"),
            language=lang,
            full=params["full"],
        )
        if params.get("postcode"):
            sals = sals.filter(location__postal_code=params["postcode"])
        sals = text_search(
            sals,
            params.get("search"),
            ("service__name", "service__description", "location__name", "description"),
        )
        if params["full"]:
            return self.paged(params, sals, lambda s: hsds.service_at_location_full(s, lang=lang))
        return self.paged(params, sals, lambda s: hsds.service_at_location_list_item(s, lang=lang))


class ServiceAtLocationDetailView(HsdsView):
    @extend_schema(
        operation_id="getServiceAtLocation",
        summary="A service at a location",
        parameters=[ID, LanguageParams, ACCEPT_LANGUAGE],
        responses={200: shape("ServiceAtLocation"), **DETAIL_RESPONSES},
    )
    def get(self, request: Request, id: str) -> Response:
        self.params(request)
        lang, pk = self.language, object_id(id)
        return detail(
            lambda: selectors.service_at_location_get_public(service_at_location_id=pk),
            lambda s: hsds.service_at_location_full(s, lang=lang),
        )
