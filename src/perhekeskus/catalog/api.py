"""The open HSDS 3.0 read API of the catalogue: services, organisations, services at locations,
taxonomies and their terms. No login: it shows public data only (published, active services and
what hangs on them); a draft is "not found" like a missing id.

The language of the texts is `lang` (fi, sv, en), else Accept-Language, else Finnish; error
messages come in the same language. Paging is HSDS's: `page` and `per_page` in, the `Page`
fields and `contents` out. A page past the last one is an empty page, not an error.
"""

from __future__ import annotations

import functools
import math
import uuid
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponseBase
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import exceptions, permissions, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from perhekeskus.catalog import hsds, selectors
from perhekeskus.catalog.models import ChannelKind, Organization, Taxonomy, TaxonomyTerm
from perhekeskus.core.errors import NotFound

LANGUAGES = [code for code, _name in settings.LANGUAGES]
DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
# Far beyond any real catalogue, and small enough that the database's OFFSET never overflows.
MAX_PAGE = 1_000_000

Serialize = Callable[[Any], dict[str, Any]]


# --- parameters ---------------------------------------------------------------------------------


def _uuid_field(help_text: Any) -> serializers.UUIDField:
    # Django's own wording, which its catalogues translate (DRF's UUID message is not in fi/sv).
    return serializers.UUIDField(
        required=False, help_text=help_text, error_messages={"invalid": _("Enter a valid UUID.")}
    )


class LanguageParams(serializers.Serializer[Any]):
    lang = serializers.ChoiceField(
        choices=LANGUAGES,
        required=False,
        help_text=_(
            "Language of the texts: fi, sv or en. Wins over Accept-Language; Finnish by default. "
            "Every language has the same ids."
        ),
    )


class PageParams(LanguageParams):
    page = serializers.IntegerField(
        min_value=1, max_value=MAX_PAGE, default=1, help_text=_("Page number, from 1.")
    )
    per_page = serializers.IntegerField(
        min_value=1,
        max_value=MAX_PER_PAGE,
        default=DEFAULT_PER_PAGE,
        help_text=_("Items per page, at most 100."),
    )


class ServiceFilterParams(PageParams):
    organization_id = _uuid_field(_("Only the services this organisation provides."))
    taxonomy_term_id = _uuid_field(
        _(
            "Only services classified with this term. A term of the contact-channel taxonomy "
            "gives the services that can be reached through that channel."
        )
    )
    taxonomy_id = _uuid_field(_("Only services with any term of this taxonomy."))
    modified_after = serializers.DateTimeField(
        required=False,
        help_text=_("Only what changed at or after this time (ISO 8601, e.g. 2025-01-31T12:00Z)."),
    )


class TaxonomyTermParams(PageParams):
    taxonomy_id = _uuid_field(_("Only the terms of this taxonomy."))


ACCEPT_LANGUAGE = OpenApiParameter(
    "Accept-Language",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="fi, sv or en; the `lang` parameter wins over it.",
)
ID = OpenApiParameter("id", OpenApiTypes.UUID, OpenApiParameter.PATH)


# --- paging -------------------------------------------------------------------------------------


class _Countable(Protocol):
    def count(self) -> int: ...

    def __getitem__(self, index: slice) -> Iterable[Any]: ...


class _Prepended:
    """A queryset with a few items in front of it (the channel taxonomy, which lives in code),
    pageable like the queryset itself."""

    def __init__(self, first: Sequence[Any], rest: QuerySet[Any]) -> None:
        self.first = list(first)
        self.rest = rest

    def count(self) -> int:
        return len(self.first) + self.rest.count()

    def __getitem__(self, index: slice) -> list[Any]:
        start, stop = index.start or 0, index.stop
        head = self.first[start:stop]
        rest_start = max(start - len(self.first), 0)
        rest_stop = None if stop is None else max(stop - len(self.first), 0)
        return head + list(self.rest[rest_start:rest_stop])


def _page(items: _Countable, *, page: int, per_page: int, serialize: Serialize) -> dict[str, Any]:
    total = items.count()
    total_pages = math.ceil(total / per_page)
    start = (page - 1) * per_page
    contents = (
        [serialize(item) for item in items[start : start + per_page]] if start < total else []
    )
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": total == 0,
        "contents": contents,
    }


# --- response shapes (documentation) ------------------------------------------------------------
# What `hsds.py` writes, for the OpenAPI schema; a test checks that real responses use no key
# that is not declared here. Each shape is a list of `name[:type][!]`: `!` always present; type
# str (the default), uuid, int, float, bool, date, datetime, another shape, or [shape] for an
# array of it. `x_…` properties are our HSDS extensions (docs/catalog-mapping.md).

_SERVICE_CORE = (
    "id:uuid! organization_id:uuid! name! alternate_name description url email status! "
    "application_process fees_description eligibility_description minimum_age:int "
    "maximum_age:int assured_date:date last_modified:datetime! x_summary"
)
_ORGANIZATION_CORE = (
    "id:uuid! name! description! email website legal_status parent_organization_id:uuid x_type!"
)
_ORGANIZATION_DETAILS = (
    f"{_ORGANIZATION_CORE} phones:[Phone] organization_identifiers:[OrganizationIdentifier] "
    "x_municipalities:[Municipality]"
)
_LOCATION_CORE = (
    "id:uuid! location_type! url organization_id:uuid! name alternate_name description "
    "transportation latitude:float longitude:float"
)
_SAL_CORE = "id:uuid! service_id:uuid! location_id:uuid! description"
_SAL_NESTED = (
    f"{_SAL_CORE} phones:[Phone] schedules:[Schedule] location:Location! attributes:[Attribute]"
)
_CHANNEL_EXTENSIONS = "x_name x_charge x_charge_description x_order:int x_schedules:[Schedule]"

_SHAPES: dict[str, str] = {
    "Language": "id:uuid! name! code!",
    "Schedule": (
        "id:uuid! freq! byday dtstart:date until:date valid_from:date valid_to:date opens_at "
        "closes_at description x_kind x_closed:bool"
    ),
    "Phone": f"id:uuid! number! type! description languages:[Language] {_CHANNEL_EXTENSIONS}",
    "Taxonomy": "id:uuid! name! description! uri version",
    "TaxonomyTerm": (
        "id:uuid! code! name! description! parent_id:uuid taxonomy! taxonomy_id:uuid! "
        "taxonomy_detail:Taxonomy! language! term_uri"
    ),
    "Attribute": (
        "id:uuid! link_id:uuid! link_type! link_entity! taxonomy_term_id:uuid! "
        f"taxonomy_term:TaxonomyTerm! value x_description x_languages:[str] {_CHANNEL_EXTENSIONS}"
    ),
    "Municipality": "code! name!",
    "OrganizationIdentifier": "id:uuid! identifier_scheme! identifier_type! identifier!",
    "OrganizationListItem": _ORGANIZATION_CORE,
    "OrganizationDetails": _ORGANIZATION_DETAILS,
    "Organization": f"{_ORGANIZATION_DETAILS} locations:[Location] services:[ServiceListItem]",
    "Address": (
        "id:uuid! address_1! city! region state_province! postal_code! country! address_type!"
    ),
    "Accessibility": "id:uuid! description!",
    "LocationListItem": _LOCATION_CORE,
    "Location": (
        f"{_LOCATION_CORE} addresses:[Address] accessibility:[Accessibility] "
        "schedules:[Schedule] x_municipality:Municipality x_is_meeting_place:bool"
    ),
    "ServiceListItem": f"{_SERVICE_CORE} organization:OrganizationListItem!",
    "ServiceArea": "id:uuid! name! uri!",
    "CostOption": "id:uuid! option! currency! amount:float!",
    "ServiceAtLocationInService": _SAL_NESTED,
    "Service": (
        f"{_SERVICE_CORE} x_keywords x_free_of_charge:bool! organization:OrganizationDetails! "
        "phones:[Phone] schedules:[Schedule] service_areas:[ServiceArea] "
        "service_at_locations:[ServiceAtLocationInService] languages:[Language] "
        "cost_options:[CostOption] attributes:[Attribute] x_producers:[OrganizationDetails]"
    ),
    "ServiceAtLocation": f"{_SAL_NESTED} service:ServiceListItem!",
    "ServiceAtLocationListItem": (
        f"{_SAL_CORE} location:LocationListItem! service:ServiceListItem!"
    ),
}
_FIELDS: dict[str, Callable[..., serializers.Field[Any, Any, Any, Any]]] = {
    "str": serializers.CharField,
    "uuid": serializers.UUIDField,
    "int": serializers.IntegerField,
    "float": serializers.FloatField,
    "bool": serializers.BooleanField,
    "date": serializers.DateField,
    "datetime": serializers.DateTimeField,
}


def _field(spec: str) -> tuple[str, serializers.Field[Any, Any, Any, Any]]:
    required = spec.endswith("!")
    name, _colon, kind = spec.rstrip("!").partition(":")
    kind = kind or "str"
    many = kind.startswith("[")
    kind = kind.strip("[]")
    if kind in _FIELDS:
        if many:
            return name, serializers.ListField(child=_FIELDS[kind](), required=required)
        # Passed to the constructor: DRF copies fields by re-running it.
        return name, _FIELDS[kind](required=required)
    return name, shape(kind, many=many, required=required)


@functools.cache
def _shape_class(name: str) -> type[serializers.Serializer[Any]]:
    # One class per shape: drf-spectacular refuses two components of one name.
    spec = _PAGE if name.endswith("Page") else _SHAPES[name]
    fields: dict[str, Any] = dict(_field(item) for item in spec.split())
    if name.endswith("Page"):
        fields["contents"] = shape(name.removesuffix("Page"), many=True)
    return type(f"Hsds{name}", (serializers.Serializer,), fields)


def shape(name: str, **kwargs: Any) -> serializers.Serializer[Any]:
    """The documented HSDS shape `name`, as the OpenAPI component Hsds<name>."""
    return _shape_class(name)(**kwargs)


_PAGE = (
    "total_items:int! total_pages:int! page_number:int! size:int! first_page:bool! "
    "last_page:bool! empty:bool!"
)


def page_of(name: str) -> serializers.Serializer[Any]:
    """HSDS's `Page` with `contents` of the shape `name`."""
    return shape(f"{name}Page")


ERRORS_400 = {
    "type": "object",
    "description": "Field → messages, in the language of the request.",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}
NOT_FOUND = inline_serializer("NotFound", {"detail": serializers.CharField()})


# --- views --------------------------------------------------------------------------------------


class _HsdsView(APIView):
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
        # An empty parameter (`?organization_id=`) is no filter rather than a wrong value.
        data = {key: value for key, value in request.query_params.items() if value != ""}
        params = self.params_class(data=data)
        params.is_valid(raise_exception=True)
        return dict(params.validated_data)

    def paged(self, params: dict[str, Any], items: _Countable, serialize: Serialize) -> Response:
        return Response(
            _page(items, page=params["page"], per_page=params["per_page"], serialize=serialize)
        )


def _object_id(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise exceptions.NotFound() from None


def _detail(find: Callable[[], Any], serialize: Serialize) -> Response:
    try:
        found = find()
    except NotFound:
        raise exceptions.NotFound() from None
    return Response(serialize(found))


_LIST_RESPONSES = {400: ERRORS_400}
_DETAIL_RESPONSES = {400: ERRORS_400, 404: NOT_FOUND}


class ServiceListView(_HsdsView):
    params_class = ServiceFilterParams

    @extend_schema(
        operation_id="listServices",
        summary="Services",
        description="Public services, one-to-one fields only, by name.",
        parameters=[ServiceFilterParams, ACCEPT_LANGUAGE],
        responses={200: page_of("ServiceListItem"), **_LIST_RESPONSES},
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
        )
        return self.paged(params, services, lambda s: hsds.service_list_item(s, lang=lang))


class ServiceDetailView(_HsdsView):
    @extend_schema(
        operation_id="getService",
        summary="A service",
        description="A public service with everything it links to.",
        parameters=[ID, LanguageParams, ACCEPT_LANGUAGE],
        responses={200: shape("Service"), **_DETAIL_RESPONSES},
    )
    def get(self, request: Request, id: str) -> Response:
        self.params(request)
        lang, pk = self.language, _object_id(id)
        return _detail(
            lambda: selectors.service_get_public(service_id=pk),
            lambda s: hsds.service_full(s, lang=lang),
        )


class OrganizationListView(_HsdsView):
    params_class = PageParams

    @extend_schema(
        operation_id="listOrganizations",
        summary="Organisations",
        description=(
            "Organisations that provide or produce a public service, or own a place where one "
            "is given, and their parent organisations."
        ),
        parameters=[PageParams, ACCEPT_LANGUAGE],
        responses={200: page_of("OrganizationListItem"), **_LIST_RESPONSES},
    )
    def get(self, request: Request) -> Response:
        params = self.params(request)
        lang = self.language
        organizations = selectors.organization_list_public(language=lang)
        return self.paged(
            params, organizations, lambda o: hsds.organization_list_item(o, lang=lang)
        )


class OrganizationDetailView(_HsdsView):
    @extend_schema(
        operation_id="getOrganization",
        summary="An organisation",
        description="An organisation with its public services and the places they are given at.",
        parameters=[ID, LanguageParams, ACCEPT_LANGUAGE],
        responses={200: shape("Organization"), **_DETAIL_RESPONSES},
    )
    def get(self, request: Request, id: str) -> Response:
        self.params(request)
        lang, pk = self.language, _object_id(id)

        def serialize(organization: Organization) -> dict[str, Any]:
            services, locations = selectors.organization_public_parts(organization)
            return hsds.organization_full(
                organization, lang=lang, services=services, locations=locations
            )

        return _detail(
            lambda: selectors.organization_get_public(organization_id=pk, language=lang),
            serialize,
        )


class ServiceAtLocationListView(_HsdsView):
    params_class = ServiceFilterParams

    @extend_schema(
        operation_id="listServiceAtLocations",
        summary="Services at locations",
        description=(
            "Where public services are given. The filters apply to the service; "
            "`modified_after` also to the location."
        ),
        parameters=[ServiceFilterParams, ACCEPT_LANGUAGE],
        responses={200: page_of("ServiceAtLocationListItem"), **_LIST_RESPONSES},
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
        )
        return self.paged(params, sals, lambda s: hsds.service_at_location_list_item(s, lang=lang))


class ServiceAtLocationDetailView(_HsdsView):
    @extend_schema(
        operation_id="getServiceAtLocation",
        summary="A service at a location",
        parameters=[ID, LanguageParams, ACCEPT_LANGUAGE],
        responses={200: shape("ServiceAtLocation"), **_DETAIL_RESPONSES},
    )
    def get(self, request: Request, id: str) -> Response:
        self.params(request)
        lang, pk = self.language, _object_id(id)
        return _detail(
            lambda: selectors.service_at_location_get_public(service_at_location_id=pk),
            lambda s: hsds.service_at_location_full(s, lang=lang),
        )


class TaxonomyListView(_HsdsView):
    params_class = PageParams

    @extend_schema(
        operation_id="listTaxonomies",
        summary="Taxonomies",
        description="The classifications in use, the contact-channel taxonomy first.",
        parameters=[PageParams, ACCEPT_LANGUAGE],
        responses={200: page_of("Taxonomy"), **_LIST_RESPONSES},
    )
    def get(self, request: Request) -> Response:
        params = self.params(request)
        lang = self.language
        taxonomies = _Prepended([None], selectors.taxonomy_list())
        return self.paged(params, taxonomies, lambda t: hsds.taxonomy(t, lang=lang))


class TaxonomyDetailView(_HsdsView):
    @extend_schema(
        operation_id="getTaxonomy",
        summary="A taxonomy",
        parameters=[ID, LanguageParams, ACCEPT_LANGUAGE],
        responses={200: shape("Taxonomy"), **_DETAIL_RESPONSES},
    )
    def get(self, request: Request, id: str) -> Response:
        self.params(request)
        lang, pk = self.language, _object_id(id)

        def find() -> Taxonomy | None:
            if pk == hsds.CHANNEL_TAXONOMY_ID:
                return None
            return selectors.taxonomy_get(taxonomy_id=pk)

        return _detail(find, lambda t: hsds.taxonomy(t, lang=lang))


class TaxonomyTermListView(_HsdsView):
    params_class = TaxonomyTermParams

    @extend_schema(
        operation_id="listTaxonomyTerms",
        summary="Taxonomy terms",
        description="Terms by taxonomy and code, the contact-channel terms first.",
        parameters=[TaxonomyTermParams, ACCEPT_LANGUAGE],
        responses={200: page_of("TaxonomyTerm"), **_LIST_RESPONSES},
    )
    def get(self, request: Request) -> Response:
        params = self.params(request)
        lang = self.language
        taxonomy_id = params.get("taxonomy_id")
        channel_terms: list[str] = list(ChannelKind.values)
        terms: _Countable
        if taxonomy_id == hsds.CHANNEL_TAXONOMY_ID:
            terms = _Prepended(channel_terms, TaxonomyTerm.objects.none())
        elif taxonomy_id is not None:
            terms = selectors.taxonomy_term_list(taxonomy_id=taxonomy_id)
        else:
            terms = _Prepended(channel_terms, selectors.taxonomy_term_list())
        return self.paged(params, terms, lambda t: hsds.taxonomy_term(t, lang=lang))


class TaxonomyTermDetailView(_HsdsView):
    @extend_schema(
        operation_id="getTaxonomyTerm",
        summary="A taxonomy term",
        parameters=[ID, LanguageParams, ACCEPT_LANGUAGE],
        responses={200: shape("TaxonomyTerm"), **_DETAIL_RESPONSES},
    )
    def get(self, request: Request, id: str) -> Response:
        self.params(request)
        lang, pk = self.language, _object_id(id)

        def find() -> TaxonomyTerm | str:
            kind = hsds.CHANNEL_KIND_BY_TERM_ID.get(pk)
            return kind if kind is not None else selectors.taxonomy_term_get(taxonomy_term_id=pk)

        return _detail(find, lambda t: hsds.taxonomy_term(t, lang=lang))
