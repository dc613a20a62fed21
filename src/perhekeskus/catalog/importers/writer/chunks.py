"""Writing records chunk by chunk: compare, validate, then delete, save and insert in bulk."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from perhekeskus.catalog.importers.records import ImportBatch
from perhekeskus.catalog.importers.writer.nodes import (
    _CREATE_ORDER,
    _KIND_MODELS,
    _M2M,
    _OWNED,
    _Item,
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
            for node in item.nodes:
                changed |= node.state != "unchanged"
                for child_model, fk in _OWNED[node.model]:
                    for instance in owned.get((child_model, fk, node.pk), ()):
                        if (child_model, instance.pk) not in wanted:
                            deletes[child_model].add(instance.pk)
                            changed = True
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
            if item.status != "unchanged":
                self.changed[model].add(item.root.pk)
