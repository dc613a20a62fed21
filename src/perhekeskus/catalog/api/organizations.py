"""GET /organizations and /organizations/{id}."""

from __future__ import annotations

from typing import Any

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
    OrganizationParams,
)
from perhekeskus.catalog.api.shapes import DETAIL_RESPONSES, LIST_RESPONSES, page_of, shape
from perhekeskus.catalog.models import Organization


class OrganizationListView(HsdsView):
    params_class = OrganizationParams

    @extend_schema(
        operation_id="listOrganizations",
        summary="Organisations",
        description=(
            "Organisations that provide or produce a public service, or own a place where one "
            "is given, and their parent organisations."
        ),
        parameters=[OrganizationParams, ACCEPT_LANGUAGE],
        responses={200: page_of("OrganizationListItem"), **LIST_RESPONSES},
    )
    def get(self, request: Request) -> Response:
        params = self.params(request)
        lang = self.language
        full = params["full"]
        organizations = text_search(
            selectors.organization_list_public(language=lang, full=full),
            params.get("search"),
            ("name", "description"),
        )
        if not full:
            return self.paged(
                params, organizations, lambda o: hsds.organization_list_item(o, lang=lang)
            )

        def serialize(organization: Organization) -> dict[str, Any]:
            services, locations = selectors.organization_public_parts(organization)
            return hsds.organization_full(
                organization, lang=lang, services=services, locations=locations
            )

        return self.paged(params, organizations, serialize)


class OrganizationDetailView(HsdsView):
    @extend_schema(
        operation_id="getOrganization",
        summary="An organisation",
        description="An organisation with its public services and the places they are given at.",
        parameters=[ID, LanguageParams, ACCEPT_LANGUAGE],
        responses={200: shape("Organization"), **DETAIL_RESPONSES},
    )
    def get(self, request: Request, id: str) -> Response:
        self.params(request)
        lang, pk = self.language, object_id(id)

        def serialize(organization: Organization) -> dict[str, Any]:
            services, locations = selectors.organization_public_parts(organization)
            return hsds.organization_full(
                organization, lang=lang, services=services, locations=locations
            )

        return detail(
            lambda: selectors.organization_get_public(organization_id=pk, language=lang),
            serialize,
        )
