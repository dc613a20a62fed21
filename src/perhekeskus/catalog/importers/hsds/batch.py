"""Every file parsed into one batch, its references checked, and the batch written."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext

from perhekeskus.catalog.importers.hsds.files import read_files
from perhekeskus.catalog.importers.hsds.merge import drop_fallbacks, merge
from perhekeskus.catalog.importers.hsds.reader import HsdsFormatError, Reference
from perhekeskus.catalog.importers.records import (
    ChannelRecord,
    ImportBatch,
    OrganizationRecord,
    ScheduleRecord,
)
from perhekeskus.catalog.importers.writer import ImportSummary, apply_batch
from perhekeskus.catalog.models import Location, Organization
from perhekeskus.core.actors import Actor


@dataclass
class HsdsImport:
    summary: ImportSummary
    notes: list[str] = field(default_factory=list)


# --- merging languages --------------------------------------------------------------------------


def _parents_first(organizations: list[OrganizationRecord]) -> list[OrganizationRecord]:
    by_id = {o.id: o for o in organizations}
    ordered: list[OrganizationRecord] = []
    seen: set[uuid.UUID] = set()

    def visit(record: OrganizationRecord, trail: set[uuid.UUID]) -> None:
        if record.id in seen or record.id in trail:
            return
        parent = by_id.get(record.parent_id) if record.parent_id else None
        if parent is not None:
            visit(parent, trail | {record.id})
        seen.add(record.id)
        ordered.append(record)

    for record in organizations:
        visit(record, set())
    return ordered


def parse_hsds(path: Path, *, language: str = "fi") -> tuple[ImportBatch, list[str]]:
    """Read `path` into a batch and the notes on what was left out. `language` is the language
    of a single file (a folder says its languages by its subfolders). Reads the catalogue to
    check references, writes nothing. Raises HsdsFormatError."""
    readers = read_files(path, language)
    first, *others = readers
    for reader in others:
        for attribute in ("organizations", "locations", "services", "taxonomies"):
            mine, theirs = getattr(first, attribute), getattr(reader, attribute)
            for key, record in theirs.items():
                if key in mine:
                    merge(mine[key], record)
                else:
                    mine[key] = record
        for code, names in reader.municipalities.items():
            first.municipalities.setdefault(code, {}).update(
                {k: v for k, v in names.items() if k not in first.municipalities[code]}
            )
        first.references += reader.references
        first.notes += reader.notes
    batch = ImportBatch(
        municipalities=first.municipalities,
        organizations=list(first.organizations.values()),
        taxonomies=list(first.taxonomies.values()),
        locations=list(first.locations.values()),
        services=list(first.services.values()),
    )
    for records in (batch.organizations, batch.taxonomies, batch.locations, batch.services):
        for record in records:
            drop_fallbacks(record)
    for names in batch.municipalities.values():
        for lang in ("sv", "en"):
            if "fi" in names and names.get(lang) == names["fi"]:
                del names[lang]
    notes = list(first.notes)
    _once_each(batch, notes)
    _check_references(batch, first.references, notes)
    batch.organizations = _parents_first(batch.organizations)
    return batch, notes


def _once_each(batch: ImportBatch, notes: list[str]) -> None:
    """HSDS may repeat the same object (a phone under the service and under its place, the same
    schedule twice); a row can be in one place only. The first is kept, in the order of the
    document (a service's own, then its places'), and every repeat is noted and left out."""
    seen: set[tuple[str, uuid.UUID]] = set()

    def first(kind: str, pk: uuid.UUID | None, where: str) -> bool:
        if pk is None:
            return True
        if (kind, pk) in seen:
            notes.append(
                f"{where}: "
                + gettext("%(kind)s %(id)s appears again: kept once, where it came first")
                % {"kind": kind, "id": pk}
            )
            return False
        seen.add((kind, pk))
        return True

    def schedules(rows: list[ScheduleRecord], where: str) -> list[ScheduleRecord]:
        return [row for row in rows if first("schedule", row.id, where)]

    def channels(rows: list[ChannelRecord], where: str) -> list[ChannelRecord]:
        kept = [row for row in rows if first("phone or channel", row.id, where)]
        for row in kept:
            row.schedules = schedules(row.schedules, where)
        return kept

    for service in batch.services:
        where = f"service {service.id}"
        service.channels = channels(service.channels, where)
        service.schedules = schedules(service.schedules, where)
        at_locations = []
        for sal in service.at_locations:
            if not first("service_at_location", sal.id, where):
                continue
            sal.channels = channels(sal.channels, where)
            sal.schedules = schedules(sal.schedules, where)
            at_locations.append(sal)
        service.at_locations = at_locations
    for location in batch.locations:
        location.schedules = schedules(location.schedules, f"location {location.id}")


def _check_references(batch: ImportBatch, references: list[Reference], notes: list[str]) -> None:
    known = {
        "organization": {o.id for o in batch.organizations},
        "location": {loc.id for loc in batch.locations},
    }
    wanted = {
        kind: {r.id for r in references if r.kind == kind and r.id not in known[kind]}
        for kind in known
    }
    parents = {o.parent_id for o in batch.organizations if o.parent_id} - known["organization"]
    existing = {
        "organization": set(
            Organization.objects.filter(pk__in=wanted["organization"] | parents).values_list(
                "pk", flat=True
            )
        ),
        "location": set(
            Location.objects.filter(pk__in=wanted["location"]).values_list("pk", flat=True)
        ),
    }
    locations = {location.id: location for location in batch.locations}
    for reference in references:
        if reference.id in known[reference.kind] | existing[reference.kind]:
            continue
        if reference.location_id is not None and reference.fallback is not None:
            locations[reference.location_id].organization_id = reference.fallback
            notes.append(
                f"{reference.file}: {reference.path}: "
                + gettext(
                    "organisation %(id)s is neither in the data nor in the catalogue: the "
                    "location is the service's organisation's"
                )
                % {"id": reference.id}
            )
        else:
            raise HsdsFormatError(
                reference.file,
                reference.path,
                "%(kind)s %(id)s is neither in the data nor in the catalogue",
                kind=reference.kind,
                id=reference.id,
            )
    for organization in batch.organizations:
        parent = organization.parent_id
        if parent and parent not in known["organization"] | existing["organization"]:
            notes.append(
                gettext(
                    "organisation %(id)s: parent %(parent)s is neither in the data nor in the "
                    "catalogue: left out"
                )
                % {"id": organization.id, "parent": parent}
            )
            organization.parent_id = None


def import_hsds(
    *,
    path: Path,
    language: str = "fi",
    actor: Actor | None = None,
    prune: bool = False,
    dry_run: bool = False,
) -> HsdsImport:
    """Parse everything, then write it in one transaction (see `writer.apply_batch`): nothing
    the input does not mention is removed unless `prune`; `dry_run` writes nothing."""
    batch, notes = parse_hsds(path, language=language)
    summary = apply_batch(
        batch, via="import-hsds", source="hsds", actor=actor, prune=prune, dry_run=dry_run
    )
    return HsdsImport(summary=summary, notes=notes)
