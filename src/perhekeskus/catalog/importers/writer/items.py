"""Organisation, location and service records turned into the rows they want."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from perhekeskus.catalog.importers.records import (
    LocationRecord,
    OrganizationRecord,
    ServiceRecord,
    child_id,
)
from perhekeskus.catalog.importers.writer.nodes import (
    _AREAS,
    _KIND_MODELS,
    _ORG_MUNICIPALITIES,
    _PRODUCERS,
    _TERMS,
    _channel_nodes,
    _Item,
    _Node,
    _schedule_nodes,
)
from perhekeskus.catalog.importers.writer.reference import ReferenceWriter
from perhekeskus.catalog.importers.writer.values import _texts
from perhekeskus.catalog.models import Location, Organization, Service, ServiceAtLocation


class ItemWriter(ReferenceWriter):
    """What each organisation, location and service record wants written."""

    # --- what each record wants -------------------------------------------------------------

    def _item(self, kind: str, record: Any) -> _Item:
        try:
            if kind == "organization":
                return self._organization_item(record)
            if kind == "location":
                return self._location_item(record)
            return self._service_item(record)
        except ValidationError as error:
            return _Item(kind, record, _Node(_KIND_MODELS[kind], record.id, {}), error=error)

    def _organization_item(self, record: OrganizationRecord) -> _Item:
        values = {
            "type": record.type,
            "business_id": record.business_id,
            "website": record.website,
            "email": record.email,
            "phone": record.phone,
            "parent_id": record.parent_id,
            **_texts("name", record.names),
            **_texts("description", record.descriptions),
        }
        codes = [c for c in record.municipality_codes if c in self._municipality_codes]
        codes = list(dict.fromkeys(codes))
        item = _Item("organization", record, _Node(Organization, record.id, values))
        item.m2m.append((_ORG_MUNICIPALITIES, codes))
        return item

    def _location_item(self, record: LocationRecord) -> _Item:
        values = {
            "organization_id": record.organization_id,
            "location_type": record.location_type,
            "postal_code": record.postal_code,
            "municipality_id": record.municipality_code
            if record.municipality_code in self._municipality_codes
            else None,
            "latitude": record.latitude,
            "longitude": record.longitude,
            "url": record.url,
            "is_meeting_place": record.is_meeting_place,
            **record.accessibility_features,
            **_texts("name", record.names),
            **_texts("alternate_name", record.alternate_names),
            **_texts("description", record.descriptions),
            **_texts("transportation", record.transportation),
            **_texts("street_address", record.street_address),
            **_texts("post_office", record.post_office),
            **_texts("accessibility", record.accessibility),
        }
        root = _Node(Location, record.id, values)
        root.children = _schedule_nodes(record.schedules, {"location_id": record.id}, record.id)
        return _Item("location", record, root)

    def _service_item(self, record: ServiceRecord) -> _Item:
        if record.patch:
            # Only places and channels for a service that exists: its values stay as they are.
            item = self._service_children(record, {})
            item.m2m = []
            return item
        values: dict[str, Any] = {
            "organization_id": record.organization_id,
            "url": record.url,
            "email": record.email,
            "free_of_charge": record.free_of_charge,
            "minimum_age": record.minimum_age,
            "maximum_age": record.maximum_age,
            "languages": sorted(set(record.languages)),
            "status": record.status,
            "publication_state": record.publication_state,
            "area_type": record.area_type,
            "source": self.source,
            **_texts("name", record.names),
            **_texts("alternate_name", record.alternate_names),
            **_texts("summary", record.summaries),
            **_texts("description", record.descriptions),
            **_texts("application_process", record.application_process),
            **_texts("eligibility_description", record.eligibility),
            **_texts("fees_description", record.fees_descriptions),
            **_texts("keywords", record.keywords),
            "extra_texts": record.extra_texts,
        }
        if record.last_verified_at is not None:
            values["last_verified_at"] = record.last_verified_at
        item = self._service_children(record, values)
        item.m2m = [
            (_PRODUCERS, list(dict.fromkeys(record.producer_ids))),
            (
                _AREAS,
                list(
                    dict.fromkeys(
                        c for c in record.area_municipality_codes if c in self._municipality_codes
                    )
                ),
            ),
            (_TERMS, list(dict.fromkeys(self.term(t).pk for t in record.terms))),
        ]
        return item

    def _service_children(self, record: ServiceRecord, values: dict[str, Any]) -> _Item:
        pk = record.id
        root = _Node(Service, pk, values)
        sals: dict[Any, _Node] = {}
        for sal_record in record.at_locations:
            sal_pk = sal_record.id or child_id(pk, "at", sal_record.location_id)
            sal = _Node(
                ServiceAtLocation,
                sal_pk,
                {
                    "service_id": pk,
                    "location_id": sal_record.location_id,
                    **_texts("description", sal_record.descriptions),
                },
                explicit=sal_record.id is not None,
            )
            owner = {"service_at_location_id": sal_pk}
            sal.children = _channel_nodes(sal_record.channels, owner, sal_pk)
            sal.children += _schedule_nodes(sal_record.schedules, owner, sal_pk)
            sals[sal_pk] = sal
        root.children = [
            *sals.values(),
            *_channel_nodes(record.channels, {"service_id": pk}, pk),
            *_schedule_nodes(record.schedules, {"service_id": pk}, pk),
        ]
        return _Item("service", record, root)
