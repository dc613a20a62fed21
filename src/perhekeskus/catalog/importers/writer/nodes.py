"""What a record wants written: a tree of rows (a service, its places, channels and hours) and
the links it wants, before anything is compared with what exists."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from perhekeskus.catalog.importers.records import ChannelRecord, ScheduleRecord, child_id
from perhekeskus.catalog.importers.writer.values import _texts
from perhekeskus.catalog.models import (
    ContactChannel,
    Location,
    Organization,
    Schedule,
    Service,
    ServiceAtLocation,
)

# --- what a record wants written --------------------------------------------------------------


@dataclass(eq=False)
class _Node:
    """One row as the import wants it, with the rows it owns."""

    model: type[models.Model]
    pk: Any
    values: dict[str, Any]
    # A pk the source gave (not derived from the owner): the row may exist under another owner.
    explicit: bool = False
    children: list[_Node] = field(default_factory=list)
    instance: Any = None
    state: str = ""

    def walk(self) -> Iterator[_Node]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class _M2M:
    through: type[models.Model]
    source: str  # the through model's attname pointing at the owner
    target: str

    @classmethod
    def of(cls, model: type[models.Model], name: str) -> _M2M:
        relation: Any = model._meta.get_field(name)
        return cls(
            through=relation.remote_field.through,
            source=f"{relation.m2m_field_name()}_id",
            target=f"{relation.m2m_reverse_field_name()}_id",
        )


@dataclass(eq=False)
class _Item:
    kind: str
    record: Any
    root: _Node
    m2m: list[tuple[_M2M, list[Any]]] = field(default_factory=list)
    error: ValidationError | None = None
    status: str = ""
    nodes: list[_Node] = field(default_factory=list)  # the root and all it owns, in order


# Which rows an owner has, as (child model, the child's foreign key to the owner).
_OWNED: dict[type[models.Model], tuple[tuple[type[models.Model], str], ...]] = {
    Organization: (),
    Location: ((Schedule, "location_id"),),
    Service: (
        (ServiceAtLocation, "service_id"),
        (ContactChannel, "service_id"),
        (Schedule, "service_id"),
    ),
    ServiceAtLocation: (
        (ContactChannel, "service_at_location_id"),
        (Schedule, "service_at_location_id"),
    ),
    ContactChannel: ((Schedule, "channel_id"),),
    Schedule: (),
}
# A row's foreign keys to its owner: the owner is written with it, so they need no check.
_OWNER_KEYS = {
    child_model: {fk for owner_keys in _OWNED.values() for m, fk in owner_keys if m is child_model}
    for child_model in _OWNED
}
# Rows an import repeats for many owners (the same hours, the same phone for each service).
_REPEATED = (Schedule, ContactChannel)
_KIND_MODELS: dict[str, type[models.Model]] = {
    "organization": Organization,
    "location": Location,
    "service": Service,
}
# Insert order, so that a row's owner is there before it.
_CREATE_ORDER = (Organization, Location, Service, ServiceAtLocation, ContactChannel, Schedule)
_PRODUCERS = _M2M.of(Service, "producers")
_AREAS = _M2M.of(Service, "area_municipalities")
_TERMS = _M2M.of(Service, "terms")
_ORG_MUNICIPALITIES = _M2M.of(Organization, "municipalities")


def _schedule_nodes(
    records: list[ScheduleRecord], owner: dict[str, Any], owner_id: uuid.UUID
) -> list[_Node]:
    nodes: dict[Any, _Node] = {}
    for index, record in enumerate(records):
        pk = record.id or child_id(owner_id, "schedule", index)
        nodes[pk] = _Node(
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
            explicit=record.id is not None,
        )
    return list(nodes.values())


def _channel_nodes(
    records: list[ChannelRecord], owner: dict[str, Any], owner_id: uuid.UUID
) -> list[_Node]:
    nodes: dict[Any, _Node] = {}
    for index, record in enumerate(records):
        pk = record.id or child_id(owner_id, "channel", index, record.kind, record.value)
        node = _Node(
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
            explicit=record.id is not None,
        )
        node.children = _schedule_nodes(record.schedules, {"channel_id": pk}, pk)
        nodes[pk] = node
    return list(nodes.values())
