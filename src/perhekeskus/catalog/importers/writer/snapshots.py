"""Versions of created and changed services, with snapshots built from the rows just written."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from django.db import models
from django.db.models import OuterRef, Subquery

from perhekeskus.catalog.importers.writer.nodes import _AREAS, _PRODUCERS, _TERMS, _Item, _Node
from perhekeskus.catalog.importers.writer.validation import ValidatingWriter
from perhekeskus.catalog.importers.writer.values import _in_slices
from perhekeskus.catalog.models import ContactChannel, Schedule, ServiceAtLocation, ServiceVersion

# The version snapshot is built from the rows just written, in exactly the shape that
# `versions.service_snapshot` reads back from the database; these are its building blocks.
from perhekeskus.catalog.versions import _SKIP_FIELDS, _jsonable, snapshot_changes, snapshot_skip

_PLAIN = frozenset({str, int, bool, float, list, dict, type(None)})
# What `versions.service_snapshot` leaves out of each kind of row.
_SKIP_SERVICE = frozenset(_SKIP_FIELDS)
_SKIP_AT_LOCATION = frozenset(_SKIP_FIELDS | {"service"})
_SKIP_CHANNEL = frozenset(_SKIP_FIELDS | {"service", "service_at_location"})
_SKIP_SCHEDULE = frozenset(_SKIP_FIELDS | {"service", "service_at_location", "location", "channel"})


class SnapshotWriter(ValidatingWriter):
    """Versions of the services written, built in memory."""

    # --- versions -----------------------------------------------------------------------------

    def _versions(self, items: list[_Item]) -> None:
        """A version for every created or changed service, as `service_version_record` would
        store it, with the snapshot built from the rows just written instead of read back."""
        if not items:
            return
        latest_number = (
            ServiceVersion.objects.filter(service_id=OuterRef("service_id"))
            .order_by("-number")
            .values("number")[:1]
        )
        last: dict[Any, ServiceVersion] = {}
        updated = [item.root.pk for item in items if item.status == "updated"]
        for part in _in_slices(updated):
            for version in ServiceVersion.objects.filter(
                service_id__in=part, number=Subquery(latest_number)
            ):
                last[version.service_id] = version
        versions = []
        for item in items:
            snapshot = self._snapshot(item)
            previous = last.get(item.root.pk)
            if previous is None:
                # The first version: the snapshot is its content and the action says what
                # happened (as `service_version_record` stores it without a `before`).
                changes: dict[str, Any] = {}
            else:
                changes = snapshot_changes(previous.snapshot, snapshot)
            if previous is not None and not changes:
                continue
            versions.append(
                SimpleNamespace(
                    service_id=item.root.pk,
                    number=previous.number + 1 if previous else 1,
                    actor_id=None,
                    via=self.via,
                    action="import" if item.status == "updated" else "create",
                    changes=changes,
                    snapshot=snapshot,
                )
            )
        self._insert(ServiceVersion, versions)

    def _null_last(self, value: Any) -> tuple[int, Any]:
        """Sort key for a nullable column as the database orders it (NULLs first or last)."""
        if value is None:
            return (1 if self._nulls_largest else -1, 0)
        return (0, value)

    def _snapshot_schedules(self, nodes: list[_Node]) -> list[dict[str, Any]]:
        skip = _SKIP_SCHEDULE
        ordered = sorted(
            (n.instance for n in nodes if n.model is Schedule),
            key=lambda s: (
                s.kind,
                self._null_last(s.weekday),
                self._null_last(s.opens_at),
                s.pk,
            ),
        )
        return [self._snapshot_fields(s, skip) for s in ordered]

    def _snapshot_channels(self, nodes: list[_Node]) -> list[dict[str, Any]]:
        channels = sorted(
            (n for n in nodes if n.model is ContactChannel),
            key=lambda n: (n.instance.order, n.instance.kind, n.instance.pk),
        )
        result = []
        for node in channels:
            data = self._snapshot_fields(node.instance, _SKIP_CHANNEL)
            data["schedules"] = self._snapshot_schedules(node.children)
            result.append(data)
        return result

    def _snapshot(self, item: _Item) -> dict[str, Any]:
        """`versions.service_snapshot` of the service as just written."""
        root = item.root
        data = self._snapshot_fields(root.instance, _SKIP_SERVICE)
        m2m = dict(item.m2m)
        data["producers"] = sorted(str(pk) for pk in m2m[_PRODUCERS])
        data["area_municipalities"] = sorted(m2m[_AREAS])
        data["terms"] = sorted(str(pk) for pk in m2m[_TERMS])
        data["channels"] = self._snapshot_channels(root.children)
        data["schedules"] = self._snapshot_schedules(root.children)
        at_locations = []
        sals = sorted(
            (n for n in root.children if n.model is ServiceAtLocation),
            key=lambda n: n.instance.location_id,
        )
        for sal in sals:
            entry = self._snapshot_fields(sal.instance, _SKIP_AT_LOCATION)
            entry["channels"] = self._snapshot_channels(sal.children)
            entry["schedules"] = self._snapshot_schedules(sal.children)
            at_locations.append(entry)
        data["at_locations"] = at_locations
        return data

    def _snapshot_fields(self, instance: models.Model, skip: frozenset[str]) -> dict[str, Any]:
        """`versions._fields`, reading translated fields as `_reader` does."""
        data = {}
        skip = snapshot_skip(type(instance), skip)
        for f, read in self._readers(type(instance)):
            if f.name not in skip:
                value = read(instance)
                # Plain JSON values as they are; `_jsonable` for the rest (ids, times).
                data[f.attname] = value if type(value) in _PLAIN else _jsonable(value)
        return data
