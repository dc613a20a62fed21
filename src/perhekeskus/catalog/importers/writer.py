"""Write an `ImportBatch` into the catalogue: all of it in one transaction or nothing.

Rows are matched by id and saved only when something differs, so importing the same data again
changes nothing (not even a modification time). Every created or changed service gets a version;
the import as a whole gets one audit entry with its counts.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction

from perhekeskus.audit.services import audit_record
from perhekeskus.catalog import actions
from perhekeskus.catalog.importers.records import (
    ChannelRecord,
    ImportBatch,
    LocationRecord,
    OrganizationRecord,
    ScheduleRecord,
    ServiceRecord,
    TermRecord,
    Texts,
    child_id,
)
from perhekeskus.catalog.models import (
    ContactChannel,
    Location,
    Municipality,
    Organization,
    Schedule,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from perhekeskus.catalog.versions import service_version_record

LANGUAGES = ("fi", "sv", "en")
M = TypeVar("M", bound=models.Model)


@dataclass
class KindCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class ImportSummary:
    organizations: KindCounts = field(default_factory=KindCounts)
    locations: KindCounts = field(default_factory=KindCounts)
    services: KindCounts = field(default_factory=KindCounts)
    skipped: list[tuple[str, str, str]] = field(default_factory=list)  # kind, id, reason

    def as_details(self) -> dict[str, Any]:
        return {
            kind: vars(getattr(self, kind)) for kind in ("organizations", "locations", "services")
        } | {"skipped": len(self.skipped)}


def _texts(field_name: str, texts: Texts) -> dict[str, str]:
    """`name`, {"fi": "Neuvola"} → {"name_fi": "Neuvola", "name_sv": "", "name_en": ""}.
    An empty translation falls back to another language when shown."""
    return {f"{field_name}_{lang}": (texts.get(lang) or "").strip() for lang in LANGUAGES}


def _assign(instance: models.Model, values: dict[str, Any]) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed = True
    return changed


def _upsert(model: type[M], pk: uuid.UUID, values: dict[str, Any]) -> tuple[M, str]:
    """('created' | 'updated' | 'unchanged'). Validates before writing."""
    instance = model._default_manager.filter(pk=pk).first()
    if instance is None:
        instance = model(pk=pk)
        _assign(instance, values)
        instance.full_clean(validate_unique=False)
        instance.save(force_insert=True)
        return instance, "created"
    if not _assign(instance, values):
        return instance, "unchanged"
    instance.full_clean(validate_unique=False)
    instance.save()
    return instance, "updated"


def _set_m2m(manager: Any, wanted: Iterable[Any], key: str = "pk") -> bool:
    wanted_set = set(wanted)
    current = set(manager.values_list(key, flat=True))
    if {str(v) for v in current} == {str(v) for v in wanted_set}:
        return False
    manager.set(list(wanted_set))
    return True


class Writer:
    def __init__(self, *, via: str, source: str) -> None:
        self.via = via
        self.source = source
        self.summary = ImportSummary()
        self._terms: dict[tuple[str, str], TaxonomyTerm] = {}
        self._taxonomies: dict[str, Taxonomy] = {t.key: t for t in Taxonomy.objects.all()}
        self._municipality_codes = set(Municipality.objects.values_list("code", flat=True))

    # --- reference data --------------------------------------------------------------------

    def municipalities(self, names: dict[str, Texts]) -> None:
        for code, texts in names.items():
            if code in self._municipality_codes:
                continue
            municipality = Municipality(code=code, **_texts("name", texts))
            municipality.name = texts.get("fi") or next(iter(texts.values()), code)
            municipality.full_clean()
            municipality.save()
            self._municipality_codes.add(code)

    def taxonomy(self, key: str, names: Texts, descriptions: Texts, uri: str) -> Taxonomy:
        taxonomy = self._taxonomies.get(key)
        if taxonomy is None:
            pk = uuid.uuid5(uuid.NAMESPACE_URL, f"urn:perhekeskus:taxonomy:{key}")
            taxonomy, _status = _upsert(
                Taxonomy,
                pk,
                {
                    "key": key,
                    "uri": uri,
                    **_texts("name", names),
                    **_texts("description", descriptions),
                },
            )
            self._taxonomies[key] = taxonomy
        return taxonomy

    def term(self, record: TermRecord) -> TaxonomyTerm:
        cache_key = (record.taxonomy_key, record.code)
        term = self._terms.get(cache_key)
        if term is not None:
            return term
        taxonomy = self.taxonomy(record.taxonomy_key, {"fi": record.taxonomy_key}, {}, "")
        term = TaxonomyTerm.objects.filter(taxonomy=taxonomy, code=record.code).first()
        if term is None:
            pk = record.id or uuid.uuid5(
                uuid.NAMESPACE_URL, f"urn:perhekeskus:term:{record.taxonomy_key}:{record.code}"
            )
            term, _status = _upsert(
                TaxonomyTerm,
                pk,
                {
                    "taxonomy_id": taxonomy.pk,
                    "code": record.code,
                    "term_uri": record.uri,
                    **_texts("name", record.names or {"fi": record.code}),
                    **_texts("description", record.descriptions),
                },
            )
        self._terms[cache_key] = term
        return term

    # --- organisations and locations -------------------------------------------------------

    def organization(self, record: OrganizationRecord) -> None:
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
        organization, status = _upsert(Organization, record.id, values)
        codes = [c for c in record.municipality_codes if c in self._municipality_codes]
        if _set_m2m(organization.municipalities, codes, "code") and status == "unchanged":
            status = "updated"
        self._count(self.summary.organizations, status)

    def location(self, record: LocationRecord) -> None:
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
            **_texts("name", record.names),
            **_texts("alternate_name", record.alternate_names),
            **_texts("description", record.descriptions),
            **_texts("transportation", record.transportation),
            **_texts("street_address", record.street_address),
            **_texts("post_office", record.post_office),
            **_texts("accessibility", record.accessibility),
        }
        location, status = _upsert(Location, record.id, values)
        if self._schedules(record.schedules, {"location_id": location.pk}, location.pk):
            status = "updated" if status == "unchanged" else status
        self._count(self.summary.locations, status)

    # --- services --------------------------------------------------------------------------

    def service(self, record: ServiceRecord) -> None:
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
        }
        if record.last_verified_at is not None:
            values["last_verified_at"] = record.last_verified_at
        service, status = _upsert(Service, record.id, values)
        changed = status != "unchanged"
        changed |= _set_m2m(service.producers, record.producer_ids)
        changed |= _set_m2m(
            service.area_municipalities,
            [c for c in record.area_municipality_codes if c in self._municipality_codes],
            "code",
        )
        changed |= _set_m2m(service.terms, [self.term(t).pk for t in record.terms])
        changed |= self._channels(record.channels, {"service_id": service.pk}, service.pk)
        changed |= self._schedules(record.schedules, {"service_id": service.pk}, service.pk)
        changed |= self._at_locations(service, record)
        if status == "unchanged" and changed:
            status = "updated"
        if status != "unchanged":
            service_version_record(
                service=service,
                actor=None,
                action="import" if status == "updated" else "create",
                via=self.via,
            )
        self._count(self.summary.services, status)

    def _at_locations(self, service: Service, record: ServiceRecord) -> bool:
        changed = False
        wanted: list[uuid.UUID] = []
        for sal_record in record.at_locations:
            pk = sal_record.id or child_id(service.pk, "at", sal_record.location_id)
            wanted.append(pk)
            sal, status = _upsert(
                ServiceAtLocation,
                pk,
                {
                    "service_id": service.pk,
                    "location_id": sal_record.location_id,
                    **_texts("description", sal_record.descriptions),
                },
            )
            changed |= status != "unchanged"
            changed |= self._channels(sal_record.channels, {"service_at_location_id": sal.pk}, pk)
            changed |= self._schedules(sal_record.schedules, {"service_at_location_id": sal.pk}, pk)
        stale = ServiceAtLocation.objects.filter(service=service).exclude(pk__in=wanted)
        if stale.exists():
            stale.delete()
            changed = True
        return changed

    def _channels(
        self, records: list[ChannelRecord], owner: dict[str, Any], owner_id: uuid.UUID
    ) -> bool:
        changed = False
        wanted = []
        for index, record in enumerate(records):
            pk = record.id or child_id(owner_id, "channel", index, record.kind, record.value)
            wanted.append(pk)
            channel, status = _upsert(
                ContactChannel,
                pk,
                {
                    **owner,
                    "kind": record.kind,
                    "value": record.value,
                    "phone_charge": record.phone_charge,
                    "languages": sorted(set(record.languages)),
                    "order": index,
                    **_texts("name", record.names),
                    **_texts("description", record.descriptions),
                    **_texts("charge_description", record.charge_descriptions),
                },
            )
            changed |= status != "unchanged"
            changed |= self._schedules(record.schedules, {"channel_id": channel.pk}, pk)
        stale = ContactChannel.objects.filter(**owner).exclude(pk__in=wanted)
        if stale.exists():
            stale.delete()
            changed = True
        return changed

    def _schedules(
        self, records: list[ScheduleRecord], owner: dict[str, Any], owner_id: uuid.UUID
    ) -> bool:
        changed = False
        wanted = []
        for index, record in enumerate(records):
            pk = record.id or child_id(owner_id, "schedule", index)
            wanted.append(pk)
            _schedule, status = _upsert(
                Schedule,
                pk,
                {
                    **owner,
                    "kind": record.kind,
                    "weekday": record.weekday,
                    "opens_at": record.opens_at,
                    "closes_at": record.closes_at,
                    "closed": record.closed,
                    "valid_from": record.valid_from,
                    "valid_to": record.valid_to,
                    **_texts("description", record.descriptions),
                },
            )
            changed |= status != "unchanged"
        stale = Schedule.objects.filter(**owner).exclude(pk__in=wanted)
        if stale.exists():
            stale.delete()
            changed = True
        return changed

    def _count(self, counts: KindCounts, status: str) -> None:
        setattr(counts, status, getattr(counts, status) + 1)


def apply_batch(
    batch: ImportBatch,
    *,
    via: str,
    source: str,
    actor: Any = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportSummary:
    """Write the batch in one transaction. A record that cannot be written (it refers to an
    organisation that does not exist, a value fails validation) is skipped with its reason; the
    rest is written. An exception from anything else rolls the whole import back."""
    writer = Writer(via=via, source=source)
    total = len(batch.organizations) + len(batch.locations) + len(batch.services)
    done = 0
    with transaction.atomic():
        writer.municipalities(batch.municipalities)
        for taxonomy in batch.taxonomies:
            writer.taxonomy(taxonomy.key, taxonomy.names, taxonomy.descriptions, taxonomy.uri)
        steps: list[tuple[str, list[Any], Callable[[Any], None]]] = [
            ("organization", batch.organizations, writer.organization),
            ("location", batch.locations, writer.location),
            ("service", batch.services, writer.service),
        ]
        for kind, records, write in steps:
            for record in records:
                try:
                    with transaction.atomic():
                        write(record)
                except ValidationError as error:
                    writer.summary.skipped.append((kind, str(record.id), _reason(error)))
                except (Organization.DoesNotExist, Location.DoesNotExist) as error:
                    writer.summary.skipped.append((kind, str(record.id), str(error)))
                done += 1
                if progress is not None:
                    progress(done, total)
        audit_record(
            action=actions.IMPORT_RUN,
            actor=actor,
            details={"via": via, "source": source, **writer.summary.as_details()},
        )
    return writer.summary


def _reason(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{field}: {' '.join(str(m) for m in messages)}"
            for field, messages in error.message_dict.items()
        )
    return " ".join(str(m) for m in error.messages)
