"""Files in, an `ImportBatch` out, resolved against the catalogue and written."""

from __future__ import annotations

import errno
import json
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.translation import gettext

from perhekeskus.catalog.importers.ptv.constants import SOURCE, VIA
from perhekeskus.catalog.importers.ptv.parser import PtvParse, _Parser
from perhekeskus.catalog.importers.ptv.reader import PtvFormatError
from perhekeskus.catalog.importers.records import OrganizationRecord
from perhekeskus.catalog.importers.writer import ImportSummary, apply_batch
from perhekeskus.catalog.importers.writer.batch import collector_paused
from perhekeskus.catalog.importers.writer.values import _in_slices
from perhekeskus.catalog.models import Organization, PendingImport, Service
from perhekeskus.core.actors import Actor

# --- files --------------------------------------------------------------------------------------


def ptv_files(paths: Sequence[str | Path]) -> list[Path]:
    """The JSON files named, and those under the folders named (recursively), in order."""
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*.json") if p.is_file())
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(errno.ENOENT, "no such file or folder", str(path))
    return list(dict.fromkeys(files))


def ptv_parse(
    *,
    documents: Iterable[tuple[str, Any]] = (),
    files: Sequence[Path] = (),
    progress: Callable[[int, int], None] | None = None,
    pending: bool = False,
) -> PtvParse:
    """Parse already loaded JSON documents (name, data) and/or files. Raises `PtvFormatError`.
    `pending`: read first the channels earlier imports kept because what they link to had not
    arrived (the input's copy of a channel replaces its kept one)."""
    with collector_paused():  # see `collector_paused`: a quarter of a large import's time
        parser = _Parser()
        if pending:
            for kept in PendingImport.objects.filter(source=SOURCE).order_by("received_at"):
                parser.document(f"kept channel {kept.object_id}", kept.document, pending=True)
        for name, data in documents:
            parser.document(name, data)
        for index, path in enumerate(files, start=1):
            try:
                data = json.loads(path.read_bytes())
            except json.JSONDecodeError as error:
                raise PtvFormatError(
                    str(path),
                    f"line {error.lineno} column {error.colno}",
                    "invalid JSON: %(detail)s",
                    detail=error.msg,
                ) from error
            except UnicodeDecodeError as error:
                raise PtvFormatError(str(path), "$", "not UTF-8 text") from error
            parser.document(str(path), data)
            del data  # the records are all we keep: a large export need not stay in memory twice
            if progress is not None:
                progress(index, len(files))
        return parser.result()


def _resolve(parsed: PtvParse) -> list[str]:
    """Settle what only the catalogue knows: organisations outside the import, services that
    ended in PTV. Returns notes; adds to `parsed.skipped`."""
    batch = parsed.batch
    notes: list[str] = []
    in_import = {org.id for org in batch.organizations}
    referenced = {s.organization_id for s in batch.services}
    referenced |= {p for s in batch.services for p in s.producer_ids}
    referenced |= {loc.organization_id for loc in batch.locations}
    referenced |= {org.parent_id for org in batch.organizations if org.parent_id}
    wanted = referenced - in_import
    existing = set(Organization.objects.filter(pk__in=wanted).values_list("pk", flat=True))
    minimal: dict[uuid.UUID, OrganizationRecord] = {}

    def available(org_id: uuid.UUID) -> bool:
        if org_id in in_import or org_id in existing or org_id in minimal:
            return True
        name = parsed.organization_refs.get(org_id)
        if not name:
            return False
        # Known only by a reference: enough to hang its services on, to be filled in later.
        minimal[org_id] = OrganizationRecord(id=org_id, type="other", names={"fi": name[:200]})
        return True

    for org in batch.organizations:
        if org.parent_id and not available(org.parent_id):
            notes.append(
                gettext("organisation %(id)s: parent %(parent)s unknown, left out")
                % {"id": org.id, "parent": org.parent_id}
            )
            org.parent_id = None
    locations = []
    dropped_locations: set[uuid.UUID] = set()
    for location in batch.locations:
        if location.organization_id.int and available(location.organization_id):
            locations.append(location)
            continue
        dropped_locations.add(location.id)
        reason = (
            gettext("its organisation is neither in the import nor here")
            if location.organization_id.int
            else gettext("PTV names no organisation for it")
        )
        parsed.skipped.append(("location", str(location.id), reason))
    batch.locations = locations
    ended_existing = set(
        Service.objects.filter(pk__in=parsed.ended_services).values_list("pk", flat=True)
    )
    services = []
    for service in batch.services:
        if service.id in parsed.ended_services:
            if service.id not in ended_existing:
                reason = gettext("ended in PTV, not here")
                parsed.skipped.append(("service", str(service.id), reason))
                continue
            service.status = "defunct"
        if not service.organization_id.int:
            reason = gettext("PTV names no organisation for it")
            parsed.skipped.append(("service", str(service.id), reason))
            continue
        if not available(service.organization_id):
            reason = gettext("its organisation is neither in the import nor here, and has no name")
            parsed.skipped.append(("service", str(service.id), reason))
            continue
        for producer in [p for p in service.producer_ids if not available(p)]:
            notes.append(
                gettext("service %(id)s: producer %(producer)s unknown, left out")
                % {"id": service.id, "producer": producer}
            )
            service.producer_ids.remove(producer)
        kept = [sal for sal in service.at_locations if sal.location_id not in dropped_locations]
        if len(kept) != len(service.at_locations):
            notes.append(
                gettext("service %(id)s: a location left out (see skipped)") % {"id": service.id}
            )
            service.at_locations = kept
        services.append(service)
    # Channels for services outside the import go to those that exist; a channel whose
    # services have not arrived waits for them (see `_keep_waiting`).
    patch_ids = [patch.id for patch in parsed.patches]
    existing_services: set[uuid.UUID] = set()
    for part in _in_slices(patch_ids):
        existing_services |= set(Service.objects.filter(pk__in=part).values_list("pk", flat=True))
    for patch in parsed.patches:
        if patch.id not in existing_services:
            continue
        patch.at_locations = [
            sal for sal in patch.at_locations if sal.location_id not in dropped_locations
        ]
        services.append(patch)
    batch.services = services
    batch.organizations = list(minimal.values()) + batch.organizations
    parsed.dropped_locations = dropped_locations
    return notes


def _keep_waiting(parsed: PtvParse) -> int:
    """Keep the channels whose services, or whose organisation, are not in the catalogue yet,
    to be read again by the next import; forget those that are linked now. Returns how many
    wait."""
    linked = parsed.channel_services
    wanted = {service for services in linked.values() for service in services}
    existing: set[uuid.UUID] = set()
    for part in _in_slices(wanted):
        existing |= set(Service.objects.filter(pk__in=part).values_list("pk", flat=True))
    # Per channel: the codes of what it waits for (`PendingImport.Waiting`) and the services.
    waiting: dict[uuid.UUID, tuple[list[str], list[str]]] = {}
    for channel_id in parsed.channel_documents:
        if channel_id in parsed.unusable_channels:
            continue
        codes = []
        missing = sorted(str(s) for s in linked.get(channel_id, ()) if s not in existing)
        if missing:
            codes.append(PendingImport.Waiting.SERVICES.value)
        if channel_id in parsed.dropped_locations:
            codes.append(PendingImport.Waiting.ORGANIZATION.value)
        if codes:
            waiting[channel_id] = (codes, missing)
    done = [c for c in parsed.channel_documents if c not in waiting]
    for part in _in_slices(done):
        PendingImport.objects.filter(source=SOURCE, object_id__in=part).delete()
    kept = {}
    for part in _in_slices(waiting):
        kept.update(
            {
                p.object_id: p
                for p in PendingImport.objects.filter(source=SOURCE, object_id__in=part)
            }
        )
    new = []
    for channel_id, (codes, missing) in waiting.items():
        document = parsed.channel_documents[channel_id]
        row = kept.get(channel_id)
        if row is None:
            new.append(
                PendingImport(
                    source=SOURCE,
                    object_id=channel_id,
                    document=document,
                    waiting_for=codes,
                    waiting_services=missing,
                )
            )
        elif (row.document, row.waiting_for, row.waiting_services) != (document, codes, missing):
            row.document, row.waiting_for, row.waiting_services = document, codes, missing
            row.save(update_fields=["document", "waiting_for", "waiting_services", "received_at"])
    PendingImport.objects.bulk_create(new, batch_size=500)
    return len(waiting)


@dataclass
class PtvImportResult:
    summary: ImportSummary
    notes: list[str]
    files: int
    # Channels kept because their services or organisation have not arrived yet.
    waiting: int = 0


def ptv_import(
    *,
    parsed: PtvParse,
    actor: Actor | None = None,
    progress: Callable[[int, int], None] | None = None,
    prune: bool = False,
    dry_run: bool = False,
) -> PtvImportResult:
    """Write what `ptv_parse` read: one transaction, one audit entry (`catalog.import.run`).
    Nothing of a service that the files do not mention is removed unless `prune` (ADR 0030);
    `dry_run` writes nothing and tells what the import would do."""
    with collector_paused(), transaction.atomic():
        notes = parsed.notes + _resolve(parsed)
        summary = apply_batch(
            parsed.batch,
            via=VIA,
            source=SOURCE,
            actor=actor,
            progress=progress,
            skipped=parsed.skipped,
            prune=prune,
            dry_run=dry_run,
        )
        waiting = _keep_waiting(parsed)
        if dry_run:
            transaction.set_rollback(True)
    return PtvImportResult(summary=summary, notes=notes, files=parsed.files, waiting=waiting)
