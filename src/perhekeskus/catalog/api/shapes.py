"""The documented response shapes: what `hsds` writes, as serializers for the OpenAPI schema."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from drf_spectacular.utils import inline_serializer
from rest_framework import serializers

# --- response shapes (documentation) ------------------------------------------------------------
# What `hsds` writes, for the OpenAPI schema; a test checks that real responses use no key
# that is not declared here. Each shape is a list of `name[:type][?][!]`: `!` always present,
# `?` may be null; type str (the default), uuid, int, float, bool, date, datetime, another
# shape, or [shape] for an array of it. `x_…` properties are our HSDS extensions
# (docs/catalog-mapping.md). A `…Page` is `Page` with `contents` of its shape, plus any fields
# declared under its own name. Apps that build on this API declare their additions with
# `register_shape` (the catalogue imports none of them).

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
    "Accessibility": "id:uuid! description! x_feature x_available:bool",
    "ServiceText": "language! name summary description",
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
        "cost_options:[CostOption] attributes:[Attribute] x_producers:[OrganizationDetails] "
        "x_texts:[ServiceText]"
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
    body = spec.rstrip("!")
    nullable = body.endswith("?")
    name, _colon, kind = body.rstrip("?").partition(":")
    kind = kind or "str"
    many = kind.startswith("[")
    kind = kind.strip("[]")
    if kind in _FIELDS:
        if many:
            return name, serializers.ListField(
                child=_FIELDS[kind](), required=required, allow_null=nullable
            )
        # Passed to the constructor: DRF copies fields by re-running it.
        return name, _FIELDS[kind](required=required, allow_null=nullable)
    return name, shape(kind, many=many, required=required, allow_null=nullable)


_BUILT: set[str] = set()


@functools.cache
def _shape_class(name: str) -> type[serializers.Serializer[Any]]:
    # One class per shape: drf-spectacular refuses two components of one name.
    _BUILT.add(name)
    is_page = name.endswith("Page")
    spec = f"{_PAGE} {_SHAPES.get(name, '')}" if is_page else _SHAPES[name]
    fields: dict[str, Any] = dict(_field(item) for item in spec.split())
    if is_page:
        fields["contents"] = shape(name.removesuffix("Page"), many=True)
    return type(f"Hsds{name}", (serializers.Serializer,), fields)


def register_shape(name: str, spec: str, *, extends: str | None = None) -> None:
    """Declare the shape `name` for an API that builds on this one from another app: `spec`
    in the notation above, after the fields of the shape `extends` if given (for a `…Page`:
    its fields beyond `Page`'s). Call it when that app's API module is imported, before the
    shape is used; declaring a name twice differently is an error."""
    if extends is not None:
        spec = f"{_SHAPES[extends]} {spec}"
    if _SHAPES.get(name, spec) != spec or (name not in _SHAPES and name in _BUILT):
        raise ValueError(f"The response shape {name!r} is already declared.")
    _SHAPES[name] = spec


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

LIST_RESPONSES = {400: ERRORS_400}
DETAIL_RESPONSES = {400: ERRORS_400, 404: NOT_FOUND}
