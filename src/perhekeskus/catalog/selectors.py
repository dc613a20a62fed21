"""Reads of the catalogue. The `*_public` selectors are what the open API and the HSDS export
see: published, active services and what hangs on them, never drafts.

Lists return querysets ordered for stable paging, with the relations their HSDS shape needs
fetched up front (a fixed number of queries per page, whatever its size). Filters are
collected in `ServiceFilters` and applied by `_filter_services`, one small step per filter, so
that search, municipality, age, task, channel, open-now and distance filters can join them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from django.conf import settings
from django.db import transaction
from django.db.models import (
    Exists,
    Model,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    prefetch_related_objects,
)
from django.db.models.expressions import Combinable
from django.db.models.functions import Coalesce, NullIf

from perhekeskus.catalog.drafts import apply_service_snapshot
from perhekeskus.catalog.hsds import CHANNEL_KIND_BY_TERM_ID, CHANNEL_TAXONOMY_ID
from perhekeskus.catalog.models import (
    AreaType,
    ContactChannel,
    Location,
    LocationType,
    Municipality,
    Organization,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceDraft,
    Taxonomy,
    TaxonomyTerm,
)
from perhekeskus.catalog.policies import can_edit_catalog_of, can_use_catalog_editor
from perhekeskus.core.actors import Visitor
from perhekeskus.core.errors import AccessDenied, NotFound
from perhekeskus.core.policies import is_coordinator

_M = TypeVar("_M", bound=Model)

LANGUAGES = ("fi", "sv", "en")


def organization_list() -> QuerySet[Organization]:
    return Organization.objects.order_by("name")


def municipality_exists(*, code: str) -> bool:
    """Whether the catalogue knows the municipality of this official code (e.g. "018")."""
    return Municipality.objects.filter(code=code).exists()


def municipality_names() -> list[tuple[str, dict[str, str]]]:
    """Every municipality the catalogue knows, by code, with its name in each language it has
    one in ({"fi": "Porvoo", "sv": "Borgå", "en": "Porvoo"}): what a place named in a search
    is recognised by."""
    rows = Municipality.objects.order_by("code").values_list(
        "code", *(f"name_{lang}" for lang in LANGUAGES)
    )
    return [
        (code, {lang: name for lang, name in zip(LANGUAGES, names, strict=True) if name})
        for code, *names in rows
    ]


# --- filters ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ServiceFilters:
    """What a list of services may be narrowed by; every filter given must hold (AND)."""

    organization_id: uuid.UUID | None = None
    taxonomy_term_id: uuid.UUID | None = None
    taxonomy_id: uuid.UUID | None = None
    modified_after: dt.datetime | None = None


def _by_name(language: str, prefix: str = "") -> Combinable:
    """Order by the name as shown in `language`: its own text, else the fallback fi → sv → en,
    so that a missing translation does not sort first."""
    order = [language, *(lang for lang in LANGUAGES if lang != language)]
    return Coalesce(*(NullIf(f"{prefix}name_{lang}", Value("")) for lang in order))


def _channel_kind_exists(kind: str | None, service_ref: str = "pk") -> Exists:
    # A service is reachable through a channel of its own or one at any of its locations.
    channels = ContactChannel.objects.filter(
        Q(service=OuterRef(service_ref)) | Q(service_at_location__service=OuterRef(service_ref))
    )
    return Exists(channels if kind is None else channels.filter(kind=kind))


def _filter_services(services: QuerySet[Service], filters: ServiceFilters) -> QuerySet[Service]:
    if filters.organization_id is not None:
        services = services.filter(organization_id=filters.organization_id)
    if filters.taxonomy_term_id is not None:
        # The channel taxonomy's terms are channel kinds: "services reachable by chat".
        kind = CHANNEL_KIND_BY_TERM_ID.get(filters.taxonomy_term_id)
        if kind is not None:
            services = services.filter(_channel_kind_exists(kind))
        else:
            services = services.filter(terms__id=filters.taxonomy_term_id)
    if filters.taxonomy_id is not None:
        if filters.taxonomy_id == CHANNEL_TAXONOMY_ID:
            services = services.filter(_channel_kind_exists(None))
        else:
            terms = TaxonomyTerm.objects.filter(
                services=OuterRef("pk"), taxonomy_id=filters.taxonomy_id
            )
            services = services.filter(Exists(terms))
    if filters.modified_after is not None:
        services = services.filter(updated_at__gte=filters.modified_after)
    return services


# --- prefetching --------------------------------------------------------------------------------


def _schedules() -> QuerySet[Schedule]:
    return Schedule.objects.order_by("kind", "weekday", "valid_from", "opens_at", "id")


def _channels() -> Prefetch:
    return Prefetch(
        "channels",
        queryset=ContactChannel.objects.order_by("order", "kind", "id").prefetch_related(
            Prefetch("schedules", queryset=_schedules())
        ),
    )


def _locations() -> QuerySet[Location]:
    return Location.objects.select_related("municipality").prefetch_related(
        Prefetch("schedules", queryset=_schedules())
    )


def _sal_details(sals: QuerySet[ServiceAtLocation]) -> QuerySet[ServiceAtLocation]:
    """Everything a service at a location needs in its full shape, bar its service."""
    return sals.select_related("location__municipality").prefetch_related(
        _channels(),
        Prefetch("schedules", queryset=_schedules()),
        Prefetch("location__schedules", queryset=_schedules()),
    )


def _with_details(services: QuerySet[Service]) -> QuerySet[Service]:
    """Everything `hsds.service_full` reads, in a fixed number of queries."""
    return services.select_related("organization").prefetch_related(
        "organization__municipalities",
        Prefetch(
            "producers",
            queryset=Organization.objects.prefetch_related("municipalities"),
        ),
        "area_municipalities",
        Prefetch("terms", queryset=TaxonomyTerm.objects.select_related("taxonomy")),
        _channels(),
        Prefetch("schedules", queryset=_schedules()),
        Prefetch("at_locations", queryset=_sal_details(ServiceAtLocation.objects.all())),
    )


# --- services -----------------------------------------------------------------------------------


def service_list_public(
    *,
    organization_id: uuid.UUID | None = None,
    taxonomy_term_id: uuid.UUID | None = None,
    taxonomy_id: uuid.UUID | None = None,
    modified_after: dt.datetime | None = None,
    language: str = settings.LANGUAGE_CODE,
    full: bool = False,
) -> QuerySet[Service]:
    """Public services by name in `language`; `full` fetches what the full HSDS shape needs,
    otherwise only what a list item needs (the organisation)."""
    filters = ServiceFilters(
        organization_id=organization_id,
        taxonomy_term_id=taxonomy_term_id,
        taxonomy_id=taxonomy_id,
        modified_after=modified_after,
    )
    services = _filter_services(Service.objects.public(), filters)
    services = services.order_by(_by_name(language), "id")
    return _with_details(services) if full else services.select_related("organization")


def service_get_public(*, service_id: uuid.UUID) -> Service:
    """A public service with everything its full HSDS shape needs; NotFound for a draft or an
    inactive service as for a missing one."""
    service = _with_details(Service.objects.public().filter(pk=service_id)).first()
    if service is None:
        raise NotFound(service_id)
    return service


# --- services at locations ----------------------------------------------------------------------


def service_at_location_list_public(
    *,
    organization_id: uuid.UUID | None = None,
    taxonomy_term_id: uuid.UUID | None = None,
    taxonomy_id: uuid.UUID | None = None,
    modified_after: dt.datetime | None = None,
    language: str = settings.LANGUAGE_CODE,
    full: bool = False,
) -> QuerySet[ServiceAtLocation]:
    """The locations of public services, by service name and location name. `modified_after`
    holds when the link, its service or its location changed."""
    services = _filter_services(
        Service.objects.public(),
        ServiceFilters(
            organization_id=organization_id,
            taxonomy_term_id=taxonomy_term_id,
            taxonomy_id=taxonomy_id,
        ),
    )
    sals = ServiceAtLocation.objects.filter(service__in=services)
    if modified_after is not None:
        sals = sals.filter(
            Q(updated_at__gte=modified_after)
            | Q(service__updated_at__gte=modified_after)
            | Q(location__updated_at__gte=modified_after)
        )
    sals = sals.order_by(
        _by_name(language, "service__"), _by_name(language, "location__"), "service_id", "id"
    ).select_related("service__organization", "location")
    return _sal_details(sals) if full else sals


def service_at_location_get_public(*, service_at_location_id: uuid.UUID) -> ServiceAtLocation:
    sals = ServiceAtLocation.objects.filter(
        pk=service_at_location_id, service__in=Service.objects.public()
    )
    sal = _sal_details(sals.select_related("service__organization")).first()
    if sal is None:
        raise NotFound(service_at_location_id)
    return sal


# --- organisations ------------------------------------------------------------------------------


def _public_organizations() -> QuerySet[Organization]:
    """Organisations that provide or produce a public service, or own a place where one is
    given, and their parents (so that `parent_organization_id` leads somewhere)."""
    public = Service.objects.public()
    involved = Organization.objects.filter(
        Q(Exists(public.filter(organization=OuterRef("pk"))))
        | Q(Exists(public.filter(producers=OuterRef("pk"))))
        | Q(
            Exists(
                ServiceAtLocation.objects.filter(
                    location__organization=OuterRef("pk"), service__in=public
                )
            )
        )
    )
    return Organization.objects.filter(
        Q(pk__in=involved.values("pk")) | Q(pk__in=involved.values("parent_id"))
    )


def _with_services_and_locations(
    organizations: QuerySet[Organization], language: str
) -> QuerySet[Organization]:
    public = Service.objects.public()
    places = _locations().filter(
        Exists(ServiceAtLocation.objects.filter(location=OuterRef("pk"), service__in=public))
    )
    return organizations.prefetch_related(
        "municipalities",
        Prefetch(
            "services",
            queryset=public.select_related("organization").order_by(_by_name(language), "id"),
            to_attr="public_services",
        ),
        Prefetch("locations", queryset=places, to_attr="public_locations"),
    )


def organization_list_public(
    *, language: str = settings.LANGUAGE_CODE, full: bool = False
) -> QuerySet[Organization]:
    """Public organisations by name. With `full`, each has `public_services` and
    `public_locations` for `hsds.organization_full`."""
    organizations = _public_organizations().order_by(_by_name(language), "id")
    return _with_services_and_locations(organizations, language) if full else organizations


def organization_public_parts(organization: Organization) -> tuple[list[Service], list[Location]]:
    """The public services and the places they are given at, of an organisation read with
    `full=True` or by `organization_get_public`."""
    return (
        organization.public_services,  # type: ignore[attr-defined]
        organization.public_locations,  # type: ignore[attr-defined]
    )


def organization_get_public(
    *, organization_id: uuid.UUID, language: str = settings.LANGUAGE_CODE
) -> Organization:
    organizations = _public_organizations().filter(pk=organization_id)
    organization = _with_services_and_locations(organizations, language).first()
    if organization is None:
        raise NotFound(organization_id)
    return organization


def organization_parent_public(organization: Organization) -> Organization | None:
    """The organisation's parent, when it is public too (the organisation page links to it)."""
    if organization.parent_id is None:
        return None
    return _public_organizations().filter(pk=organization.parent_id).first()


# --- taxonomies ---------------------------------------------------------------------------------
# Classifications are reference data, public as a whole. The channel taxonomy lives in code
# (`hsds.CHANNEL_TAXONOMY_ID`); the API adds it to these.


def taxonomy_list() -> QuerySet[Taxonomy]:
    return Taxonomy.objects.order_by("key")


def taxonomy_get(*, taxonomy_id: uuid.UUID) -> Taxonomy:
    taxonomy = Taxonomy.objects.filter(pk=taxonomy_id).first()
    if taxonomy is None:
        raise NotFound(taxonomy_id)
    return taxonomy


def taxonomy_term_list(*, taxonomy_id: uuid.UUID | None = None) -> QuerySet[TaxonomyTerm]:
    terms = TaxonomyTerm.objects.select_related("taxonomy").order_by("taxonomy__key", "code", "id")
    if taxonomy_id is not None:
        terms = terms.filter(taxonomy_id=taxonomy_id)
    return terms


def taxonomy_term_get(*, taxonomy_term_id: uuid.UUID) -> TaxonomyTerm:
    term = TaxonomyTerm.objects.select_related("taxonomy").filter(pk=taxonomy_term_id).first()
    if term is None:
        raise NotFound(taxonomy_term_id)
    return term


# --- the editor ---------------------------------------------------------------------------------


def editable_by(
    queryset: QuerySet[_M], *, actor: Visitor, organization_paths: tuple[str, ...]
) -> QuerySet[_M]:
    """The rows of `queryset` the actor may edit: all of them for a coordinator; for an
    organisation editor, those whose organisation, reached by any of `organization_paths`
    ("organization", "service__organization", ...), is the editor's own; none for anyone else,
    and none when the model declares no path (nothing is open by default)."""
    if is_coordinator(actor):
        return queryset
    if not organization_paths or actor is None or not can_use_catalog_editor(actor):
        return queryset.none()
    organization_id = actor.organization_id
    condition = Q()
    for path in organization_paths:
        condition |= Q(**{path: organization_id})
    return queryset.filter(condition)


def organizations_editable_by(*, actor: Visitor) -> QuerySet[Organization]:
    """The organisations whose services and places the actor may edit (choices in the editor)."""
    return editable_by(
        Organization.objects.order_by("name"), actor=actor, organization_paths=("pk",)
    )


# --- for other apps' forms and services -----------------------------------------------------------


def municipality_list(*, codes: Iterable[str] | None = None) -> QuerySet[Municipality]:
    """Municipalities by name; only those of these official codes when `codes` is given."""
    municipalities = Municipality.objects.order_by("name", "code")
    if codes is not None:
        municipalities = municipalities.filter(code__in=list(codes))
    return municipalities


def service_list_for_area(
    *, municipality_codes: Iterable[str], organization_id: object
) -> QuerySet[Service]:
    """The public services a team working for these municipalities can guide a family to: those
    offered in the municipalities, county-wide ones of organisations serving them, and the
    team's own organisation's. Nationwide services are left out: hundreds of them would bury
    the list."""
    codes = list(municipality_codes)
    return (
        Service.objects.public()
        .filter(
            Q(area_municipalities__code__in=codes)
            | Q(area_type=AreaType.COUNTY, organization__municipalities__code__in=codes)
            | Q(organization_id=organization_id)
        )
        .exclude(area_type=AreaType.NATIONWIDE)
        .select_related("organization")
        .distinct()
        .order_by("name")
    )


# --- for the finder's pages ---------------------------------------------------------------------


def municipality_list_public(*, language: str = settings.LANGUAGE_CODE) -> QuerySet[Municipality]:
    """The municipalities that have a public service, by name in `language`: a service for
    them, or a place there where one is given (what a family can narrow a search or the map by).
    """
    public = Service.objects.public()
    return (
        Municipality.objects.filter(
            Q(Exists(public.filter(area_municipalities=OuterRef("pk"))))
            | Q(
                Exists(
                    ServiceAtLocation.objects.filter(
                        location__municipality=OuterRef("pk"), service__in=public
                    )
                )
            )
        )
        .order_by(_by_name(language), "code")
        .only("code", *(f"name_{lang}" for lang in LANGUAGES))
    )


# Everything a search result's card reads of a service: its organisation, area, hours, channels
# and places with theirs.
_CARD_LOOKUPS: tuple[str | Prefetch[str], ...] = (
    "organization",
    "area_municipalities",
    "schedules",
    "channels__schedules",
    Prefetch("at_locations", queryset=ServiceAtLocation.objects.select_related("location")),
    "at_locations__schedules",
    "at_locations__channels__schedules",
    "at_locations__location__municipality",
    "at_locations__location__schedules",
)


def service_list_fetch_cards(*, services: Sequence[Service]) -> None:
    """Fetch for a page of services, in a fixed number of queries, everything its result cards
    read; whatever the search has already fetched is not fetched again."""
    prefetch_related_objects(list(services), *_CARD_LOOKUPS)


def location_list_public_places(
    *,
    language: str = settings.LANGUAGE_CODE,
    municipality_code: str | None = None,
    meeting_places_only: bool = False,
) -> QuerySet[Location]:
    """The places on the public map: physical places with coordinates where a public service
    is given, by name in `language`. Each has its hours (`schedules`) and `public_sals`, the
    public services given there with their own hours there, by service name."""
    public = Service.objects.public()
    sals = (
        ServiceAtLocation.objects.filter(service__in=public)
        .select_related("service")
        .prefetch_related("schedules")
        .order_by(_by_name(language, "service__"), "service_id")
    )
    locations = (
        Location.objects.filter(
            location_type=LocationType.PHYSICAL,
            latitude__isnull=False,
            longitude__isnull=False,
        )
        .filter(Exists(sals.filter(location=OuterRef("pk"))))
        .select_related("municipality")
        .prefetch_related(
            "schedules", Prefetch("service_at_locations", queryset=sals, to_attr="public_sals")
        )
        .order_by(_by_name(language), "id")
    )
    if municipality_code:
        locations = locations.filter(municipality_id=municipality_code)
    if meeting_places_only:
        locations = locations.filter(is_meeting_place=True)
    return locations


def location_coordinates_by_postal_code(*, postal_prefix: str) -> list[tuple[str, float, float]]:
    """(postal code, latitude, longitude) of every place with coordinates whose postal code
    starts with `postal_prefix`: where the finder places a postal code without an outside
    geocoding service."""
    rows = Location.objects.filter(
        postal_code__startswith=postal_prefix, latitude__isnull=False, longitude__isnull=False
    ).values_list("postal_code", "latitude", "longitude")
    return [
        (code, float(lat), float(lon))
        for code, lat, lon in rows
        if lat is not None and lon is not None
    ]


def service_get_for_preview(*, actor: Visitor, service_id: uuid.UUID) -> Service:
    """A service as its card would show it, whatever its publication state, for someone who
    may edit it (the editor's preview). Missing and not the actor's to edit answer alike."""
    service = _with_details(Service.objects.filter(pk=service_id)).first()
    if service is None:
        raise NotFound(service_id)
    if not can_edit_catalog_of(actor, service.organization_id):
        raise AccessDenied(target_type="catalog.service", target_id=service_id)
    return service


@contextmanager
def service_preview_of(
    *, actor: Visitor, service_id: uuid.UUID
) -> Iterator[tuple[Service, ServiceDraft | None]]:
    """The service as its card would show it to the editor's preview, with the changes of a
    published service that wait for approval (its `ServiceDraft`) when there are any: they are
    written to the rows in a savepoint that is rolled back when the block ends, so that nothing
    of them is stored and no one else sees them. Render the page inside the block. Checked as
    `service_get_for_preview`."""
    with transaction.atomic():
        start = transaction.savepoint()
        try:
            service = service_get_for_preview(actor=actor, service_id=service_id)
            draft = ServiceDraft.objects.filter(service=service, publish=False).first()
            if draft is not None:
                locked = Service.objects.select_for_update().get(pk=service_id)
                apply_service_snapshot(locked, draft.snapshot)
                service = _with_details(Service.objects.filter(pk=service_id)).get()
            yield service, draft
        finally:
            transaction.savepoint_rollback(start)
