"""Writing records chunk by chunk: compare, validate, then delete, save and insert in bulk."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from perhekeskus.catalog.importers.records import ImportBatch, ServiceRecord, child_id
from perhekeskus.catalog.importers.writer.nodes import (
    _AREAS,
    _CREATE_ORDER,
    _KIND_MODELS,
    _M2M,
    _OWNED,
    _PRODUCERS,
    _TERMS,
    _Item,
    _Node,
)
from perhekeskus.catalog.importers.writer.snapshots import SnapshotWriter
from perhekeskus.catalog.importers.writer.summary import _reason
from perhekeskus.catalog.importers.writer.values import CHUNK_SIZE, _in_slices
from perhekeskus.catalog.models import (
    ContactChannel,
    Location,
    Organization,
    Schedule,
    Service,
    ServiceAtLocation,
)

# How the summary names the rows a service or a place owns.
_ROW_KINDS: dict[type[models.Model], str] = {
    ServiceAtLocation: "at_location",
    ContactChannel: "channel",
    Schedule: "schedule",
}
# A PTV channel gives a service at most this many channels (numbers or addresses).
_MAX_VARIANTS = 64


def _subtree(
    model: type[models.Model], instance: Any, owned: dict[Any, list[Any]]
) -> list[tuple[type[models.Model], Any]]:
    """A row and every row it owns, as (model, pk)."""
    rows = [(model, instance.pk)]
    for child_model, fk in _OWNED[model]:
        for child in owned.get((child_model, fk, instance.pk), ()):
            rows += _subtree(child_model, child, owned)
    return rows


def _kept(model: type[models.Model], instance: Any, owned: dict[Any, list[Any]]) -> _Node:
    """An existing row that stays as it is, with everything it owns, for the snapshot."""
    node = _Node(model, instance.pk, {}, instance=instance, state="unchanged")
    for child_model, fk in _OWNED[model]:
        for child in owned.get((child_model, fk, instance.pk), ()):
            node.children.append(_kept(child_model, child, owned))
    return node


class Writer(SnapshotWriter):
    """Writes records chunk by chunk; `apply_batch` drives it."""

    def services_to_reindex(self, batch: ImportBatch) -> list[uuid.UUID]:
        """The services of the batch whose search documents may have changed: those created or
        changed, and those whose organisation, producers or locations were (a document holds
        their names and places)."""
        organizations = self.changed[Organization]
        locations = self.changed[Location]
        services = self.changed[Service]
        return [
            s.id
            for s in batch.services
            if s.id in services
            or s.organization_id in organizations
            or not organizations.isdisjoint(s.producer_ids)
            or any(sal.location_id in locations for sal in s.at_locations)
        ]

    # --- what stays -------------------------------------------------------------------------

    def _replaced(self, item: _Item, owner: _Node, model: type[models.Model], row: Any) -> bool:
        """Whether an existing row that the import does not list is gone. The import removes
        only what it carries anew: the hours of a place delivered whole, and the places and
        channels that came from a PTV channel the import carries. With `prune`, everything of
        the services and places in the import that it does not list goes, except for a patch,
        which only ever brings its own channels."""
        record = item.record
        if item.kind == "location":
            return self.prune or bool(record.complete)
        if item.kind != "service":
            return self.prune
        if owner is not item.root:
            # A place or channel of the import's, with the rows its source lists for it.
            return self.prune or record.sources is not None
        if self._derived(record, model, row):
            return True
        return self.prune and not record.patch

    @staticmethod
    def _derived(record: ServiceRecord, model: type[models.Model], row: Any) -> bool:
        """Whether a service's row came from one of the sources the import carries: a place is
        the PTV channel with its id; a channel's id is `child_id(service, channel[, n])`."""
        if not record.sources:
            return False
        if model is ServiceAtLocation:
            return row.location_id in record.sources
        if model is ContactChannel:
            for source in record.sources:
                if row.pk == child_id(record.id, source):
                    return True
                if any(row.pk == child_id(record.id, source, n) for n in range(1, _MAX_VARIANTS)):
                    return True
        return False

    # --- writing a chunk ----------------------------------------------------------------------

    def write(self, kind: str, records: Sequence[Any]) -> None:
        """Write records of one kind, chunk by chunk."""
        start = 0
        while start < len(records):
            items: list[_Item] = []
            claimed: set[tuple[Any, Any]] = set()
            for record in records[start : start + CHUNK_SIZE]:
                item = self._item(kind, record)
                item.nodes = list(item.root.walk())
                pks = {(n.model, n.pk) for n in item.nodes}
                if pks & claimed:
                    # The same row twice in one chunk: write what came before it first, so that
                    # the later record updates it, as when records are written one by one.
                    break
                claimed |= pks
                items.append(item)
            self._write_chunk(items)
            start += len(items)

    def _write_chunk(self, items: list[_Item]) -> None:
        live = [item for item in items if item.error is None]
        rows, owned = self._load(live) if live else ({}, {})
        model = _KIND_MODELS[items[0].kind]
        if model in (Service, Location):
            self._known(Organization, [i.root.values.get("organization_id") for i in live])
        if model is Service:
            self._known(
                Location,
                [
                    node.values["location_id"]
                    for item in live
                    for node in item.root.children
                    if node.model is ServiceAtLocation
                ],
            )
        if model is Organization:
            self._known(Organization, [i.root.values.get("parent_id") for i in live])
        patches = [i for i in live if i.kind == "service" and i.record.patch]
        if patches:
            # A patch keeps the service's links; its version's snapshot shows them as they are.
            linked = self._m2m_current(patches, relations=(_PRODUCERS, _AREAS, _TERMS))
            for patch in patches:
                patch.m2m = [
                    (relation, sorted(linked.get((relation, patch.root.pk), set()), key=str))
                    for relation in (_PRODUCERS, _AREAS, _TERMS)
                ]
        current = self._m2m_current(live)

        accepted: list[_Item] = []
        for item in items:
            try:
                if item.error is not None:
                    raise item.error
                self._diff(item, rows)
            except ValidationError as error:
                self.summary.skipped.append((item.kind, str(item.record.id), _reason(error)))
                continue
            accepted.append(item)
            if model in (Organization, Location):
                self._exists[model].add(item.root.pk)
                self._missing[model].discard(item.root.pk)

        # Rows that stay, anywhere in the chunk: a row moving to another owner is not stale.
        wanted = {(n.model, n.pk) for item in accepted for n in item.nodes}
        deletes: dict[type[models.Model], set[Any]] = defaultdict(set)
        through_adds: dict[type[models.Model], list[Any]] = defaultdict(list)
        through_removes: list[tuple[_M2M, Any, set[Any]]] = []
        for item in accepted:
            changed = False
            for node in list(item.nodes):
                changed |= node.state != "unchanged"
                for child_model, fk in _OWNED[node.model]:
                    for instance in owned.get((child_model, fk, node.pk), ()):
                        if (child_model, instance.pk) in wanted:
                            continue
                        kind = _ROW_KINDS[child_model]
                        if self._replaced(item, node, child_model, instance):
                            # With what it owns, deleted from the bottom up: no cascade to find.
                            for model_, pk in _subtree(child_model, instance, owned):
                                if (model_, pk) not in wanted:
                                    deletes[model_].add(pk)
                            self.summary.removed[kind] = self.summary.removed.get(kind, 0) + 1
                            changed = True
                        else:
                            # Not mentioned by the import: it stays, and in the version.
                            node.children.append(_kept(child_model, instance, owned))
                            self.summary.kept[kind] = self.summary.kept.get(kind, 0) + 1
            for relation, targets in item.m2m:
                have = current.get((relation, item.root.pk), set())
                if {str(v) for v in have} == {str(v) for v in targets}:
                    continue
                changed = True
                for target in set(targets) - have:
                    through_adds[relation.through].append(
                        SimpleNamespace(**{relation.source: item.root.pk, relation.target: target})
                    )
                if have - set(targets):
                    through_removes.append((relation, item.root.pk, have - set(targets)))
            state = item.root.state
            item.status = "updated" if state == "unchanged" and changed else state

        for stale_model in (Schedule, ContactChannel, ServiceAtLocation):
            for part in _in_slices(deletes.get(stale_model, ())):
                stale_model._default_manager.filter(pk__in=part).delete()
        for relation, owner, removed in through_removes:
            relation.through._default_manager.filter(
                **{relation.source: owner, f"{relation.target}__in": list(removed)}
            ).delete()
        nodes = [n for item in accepted for n in item.nodes]
        # Changed rows before new ones: a row that moves frees its (service, location) pair for a
        # new one. Foreign keys are checked at commit, so an update may point at a row to come.
        for node in nodes:
            if node.state == "updated":
                node.instance.save()
        for create_model in _CREATE_ORDER:
            new = [n.instance for n in nodes if n.model is create_model and n.state == "created"]
            self._insert(create_model, new)
        for through, links in through_adds.items():
            self._insert(through, links)
        if model is Service:
            self._versions([item for item in accepted if item.status != "unchanged"])
        counts = {
            Organization: self.summary.organizations,
            Location: self.summary.locations,
            Service: self.summary.services,
        }[model]
        for item in accepted:
            setattr(counts, item.status, getattr(counts, item.status) + 1)
            self.written[model].add(item.root.pk)
            if item.status == "created":
                self.created[model].add(item.root.pk)
            if item.status != "unchanged":
                self.changed[model].add(item.root.pk)

    # --- what came only with skipped services ------------------------------------------------

    def forget_orphans(self, batch: ImportBatch) -> None:
        """Places and organisations that came nested in services (HSDS) and that this import
        created only for services it then skipped are removed again, so that nothing of a
        skipped service is left half-written."""
        services = self.written[Service]

        def orphaned(records: list[Any], model: type[models.Model]) -> set[Any]:
            return {
                r.id
                for r in records
                if r.for_services
                and r.id in self.created[model]
                and services.isdisjoint(r.for_services)
            }

        locations = orphaned(batch.locations, Location)
        for part in _in_slices(locations):
            Location.objects.filter(pk__in=part).delete()
        organizations = orphaned(batch.organizations, Organization)
        if organizations:
            used: set[Any] = set()
            for part in _in_slices(organizations):
                used |= set(
                    Service.objects.filter(organization_id__in=part).values_list(
                        "organization_id", flat=True
                    )
                )
                used |= set(
                    _PRODUCERS.through._default_manager.filter(
                        **{f"{_PRODUCERS.target}__in": part}
                    ).values_list(_PRODUCERS.target, flat=True)
                )
                used |= set(
                    Location.objects.filter(organization_id__in=part).values_list(
                        "organization_id", flat=True
                    )
                )
                used |= set(
                    Organization.objects.filter(parent_id__in=part).values_list(
                        "parent_id", flat=True
                    )
                )
            organizations -= used
            for part in _in_slices(organizations):
                Organization.objects.filter(pk__in=part).delete()
        for model, pks, counts, kind in (
            (Location, locations, self.summary.locations, "location"),
            (Organization, organizations, self.summary.organizations, "organization"),
        ):
            counts.created -= len(pks)
            self.created[model] -= pks
            self.changed[model] -= pks
            self.written[model] -= pks
            for pk in sorted(pks, key=str):
                self.summary.skipped.append(
                    (kind, str(pk), "it came only with services that were skipped")
                )
