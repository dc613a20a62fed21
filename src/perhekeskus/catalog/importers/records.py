"""The importers' common language: plain records of what a source says, in every language.

A `Texts` value maps a language code (fi, sv, en) to a text; a missing language is simply not
there. Ids are kept from the source. Children without ids of their own (a PTV phone number, a
weekly opening row) get deterministic ids from their owner and position, so that importing the
same data again yields the same rows and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

Texts = dict[str, str]


def child_id(owner: uuid.UUID, *parts: object) -> uuid.UUID:
    return uuid.uuid5(owner, ":".join(str(part) for part in parts))


@dataclass
class OrganizationRecord:
    id: uuid.UUID
    type: str
    names: Texts
    descriptions: Texts = field(default_factory=dict)
    business_id: str = ""
    website: str = ""
    email: str = ""
    phone: str = ""
    municipality_codes: list[str] = field(default_factory=list)
    parent_id: uuid.UUID | None = None
    # The services whose data brought it (HSDS nests organisations in services): an
    # organisation this import created only for services it then skipped is not kept.
    for_services: list[uuid.UUID] = field(default_factory=list)


@dataclass
class TaxonomyRecord:
    key: str
    names: Texts
    descriptions: Texts = field(default_factory=dict)
    uri: str = ""
    id: uuid.UUID | None = None


@dataclass
class TermRecord:
    taxonomy_key: str
    code: str
    names: Texts
    descriptions: Texts = field(default_factory=dict)
    uri: str = ""
    id: uuid.UUID | None = None


@dataclass
class ScheduleRecord:
    kind: str = "regular"
    weekday: int | None = None
    opens_at: dt.time | None = None
    closes_at: dt.time | None = None
    closed: bool = False
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    descriptions: Texts = field(default_factory=dict)
    id: uuid.UUID | None = None


@dataclass
class ChannelRecord:
    kind: str
    value: str
    names: Texts = field(default_factory=dict)
    descriptions: Texts = field(default_factory=dict)
    phone_charge: str = ""
    charge_descriptions: Texts = field(default_factory=dict)
    languages: list[str] = field(default_factory=list)
    schedules: list[ScheduleRecord] = field(default_factory=list)
    id: uuid.UUID | None = None


@dataclass
class LocationRecord:
    id: uuid.UUID
    organization_id: uuid.UUID
    names: Texts
    location_type: str = "physical"
    alternate_names: Texts = field(default_factory=dict)
    descriptions: Texts = field(default_factory=dict)
    transportation: Texts = field(default_factory=dict)
    street_address: Texts = field(default_factory=dict)
    postal_code: str = ""
    post_office: Texts = field(default_factory=dict)
    municipality_code: str | None = None
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    url: str = ""
    accessibility: Texts = field(default_factory=dict)
    # Structured accessibility, Location field → yes/no (catalog.accessibility); a feature the
    # record does not name is left as it is (an editor may have told it).
    accessibility_features: dict[str, bool] = field(default_factory=dict)
    is_meeting_place: bool = False
    schedules: list[ScheduleRecord] = field(default_factory=list)
    # Whether the record carries the whole place (a PTV service location channel does), so that
    # an opening-hours row it no longer lists is gone; otherwise only `--prune` removes one.
    complete: bool = False
    # As `OrganizationRecord.for_services`: a place created only for skipped services goes.
    for_services: list[uuid.UUID] = field(default_factory=list)


@dataclass
class ServiceAtLocationRecord:
    location_id: uuid.UUID
    descriptions: Texts = field(default_factory=dict)
    channels: list[ChannelRecord] = field(default_factory=list)
    schedules: list[ScheduleRecord] = field(default_factory=list)
    id: uuid.UUID | None = None


@dataclass
class ServiceRecord:
    id: uuid.UUID
    organization_id: uuid.UUID
    names: Texts
    producer_ids: list[uuid.UUID] = field(default_factory=list)
    alternate_names: Texts = field(default_factory=dict)
    summaries: Texts = field(default_factory=dict)
    descriptions: Texts = field(default_factory=dict)
    application_process: Texts = field(default_factory=dict)
    eligibility: Texts = field(default_factory=dict)
    fees_descriptions: Texts = field(default_factory=dict)
    keywords: Texts = field(default_factory=dict)
    url: str = ""
    email: str = ""
    free_of_charge: bool = True
    minimum_age: int | None = None
    maximum_age: int | None = None
    languages: list[str] = field(default_factory=list)
    status: str = "active"
    publication_state: str = "published"
    area_type: str = "municipalities"
    area_municipality_codes: list[str] = field(default_factory=list)
    terms: list[TermRecord] = field(default_factory=list)
    channels: list[ChannelRecord] = field(default_factory=list)
    schedules: list[ScheduleRecord] = field(default_factory=list)
    at_locations: list[ServiceAtLocationRecord] = field(default_factory=list)
    # Texts in the Sámi languages (se, smn, sms) the catalogue has no columns for:
    # {"se": {"name": ..., "summary": ..., "description": ...}} (Service.extra_texts, ADR 0032).
    extra_texts: dict[str, dict[str, str]] = field(default_factory=dict)
    last_verified_at: dt.datetime | None = None
    # Where the service's places and channels come from, when the source delivers them apart
    # from the service (PTV's service channels): the ids of the sources this import carries.
    # Rows that came from one of them are replaced by what it says now; every other place,
    # channel or opening hour of the service stays unless the import prunes. None: the source
    # does not say (HSDS, the demo), and nothing of the service's is removed without pruning.
    sources: set[uuid.UUID] | None = None
    # Only places and channels to add to a service that exists (a PTV channel delivered after
    # its services): none of the service's own values are touched.
    patch: bool = False


@dataclass
class ImportBatch:
    """Everything one import brings. Written in this order: organisations, taxonomies and terms,
    locations, services (which may refer to all the others)."""

    # Official municipality code → its names; only needed for municipalities not yet known.
    municipalities: dict[str, Texts] = field(default_factory=dict)
    organizations: list[OrganizationRecord] = field(default_factory=list)
    taxonomies: list[TaxonomyRecord] = field(default_factory=list)
    locations: list[LocationRecord] = field(default_factory=list)
    services: list[ServiceRecord] = field(default_factory=list)
