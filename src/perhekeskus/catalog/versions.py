"""Versions of a service description: a full snapshot after every change, and what changed."""

from __future__ import annotations

import datetime as dt
import decimal
import uuid
from functools import cache
from typing import Any

from django.db import models
from modeltranslation.translator import NotRegistered, translator

from perhekeskus.catalog.models import (
    ContactChannel,
    Location,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceVersion,
)
from perhekeskus.core.actors import Actor

_SKIP_FIELDS = {"created_at", "updated_at", "last_verified_at", "last_verified_by"}


@cache
def translated_base_fields(model: type[models.Model]) -> frozenset[str]:
    """The original fields behind modeltranslation's `name_fi`, `name_sv`, ...: their value is
    the one shown in the active language, so a snapshot leaves them out (the `_fi`, `_sv` and
    `_en` fields hold every language) or an edit made in Swedish would record false changes."""
    try:
        options: Any = translator.get_options_for_model(model)
    except NotRegistered:
        return frozenset()
    return frozenset(options.fields)


@cache
def snapshot_skip(model: type[models.Model], skip: frozenset[str]) -> frozenset[str]:
    """What a snapshot leaves out of a row of `model`: `skip` and its translated base fields."""
    return skip | translated_base_fields(model)


def _jsonable(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


def _fields(instance: models.Model, skip: set[str] = _SKIP_FIELDS) -> dict[str, Any]:
    data: dict[str, Any] = {}
    left_out = snapshot_skip(type(instance), frozenset(skip))
    for field in instance._meta.concrete_fields:
        if field.name in left_out:
            continue
        data[field.attname] = _jsonable(getattr(instance, field.attname))
    return data


def _schedules(queryset: models.QuerySet[Schedule]) -> list[dict[str, Any]]:
    skip = _SKIP_FIELDS | {"service", "service_at_location", "location", "channel"}
    return [_fields(s, skip) for s in queryset.order_by("kind", "weekday", "opens_at", "id")]


def _channels(queryset: models.QuerySet[ContactChannel]) -> list[dict[str, Any]]:
    result = []
    for channel in queryset.order_by("order", "kind", "id"):
        data = _fields(channel, _SKIP_FIELDS | {"service", "service_at_location"})
        data["schedules"] = _schedules(channel.schedules.all())
        result.append(data)
    return result


def service_snapshot(service: Service) -> dict[str, Any]:
    """Everything a service description says, as plain JSON, in every language."""
    data = _fields(service)
    data["producers"] = sorted(str(pk) for pk in service.producers.values_list("pk", flat=True))
    data["area_municipalities"] = sorted(service.area_municipalities.values_list("code", flat=True))
    data["terms"] = sorted(str(pk) for pk in service.terms.values_list("pk", flat=True))
    data["channels"] = _channels(service.channels.all())
    data["schedules"] = _schedules(service.schedules.all())
    at_locations = []
    for sal in ServiceAtLocation.objects.filter(service=service).order_by("location_id"):
        entry = _fields(sal, _SKIP_FIELDS | {"service"})
        entry["channels"] = _channels(sal.channels.all())
        entry["schedules"] = _schedules(sal.schedules.all())
        at_locations.append(entry)
    data["at_locations"] = at_locations
    return data


def location_snapshot(location: Location) -> dict[str, Any]:
    """What a location says, with its hours, as plain JSON in every language: what the audit
    entry of a change compares (locations have no versions of their own)."""
    data = _fields(location)
    data["schedules"] = _schedules(location.schedules.all()) if location.pk else []
    return data


def _drop(entry: dict[str, Any], model: type[models.Model]) -> dict[str, Any]:
    names = translated_base_fields(model)
    data = {k: v for k, v in entry.items() if k not in names}
    if isinstance(data.get("schedules"), list):
        data["schedules"] = [_drop(s, Schedule) for s in data["schedules"]]
    if isinstance(data.get("channels"), list):
        data["channels"] = [_drop(c, ContactChannel) for c in data["channels"]]
    if isinstance(data.get("at_locations"), list):
        data["at_locations"] = [_drop(a, ServiceAtLocation) for a in data["at_locations"]]
    return data


def _current_shape(snapshot: dict[str, Any]) -> dict[str, Any]:
    """A snapshot stored before snapshots left out the translated base fields still has them:
    drop them, so that comparing it with a new snapshot finds no false changes."""
    if translated_base_fields(Service).isdisjoint(snapshot):
        return snapshot
    return _drop(snapshot, Service)


def _blank_as_empty(value: Any) -> Any:
    """For comparing only: an empty text is NULL when an import wrote it (modeltranslation's
    fields are nullable) and "" when a form did; saving a form unchanged is no change."""
    if value is None:
        return ""
    if isinstance(value, list):
        return [_blank_as_empty(item) for item in value]
    if isinstance(value, dict):
        return {key: _blank_as_empty(item) for key, item in value.items()}
    return value


def snapshot_changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """Field → [before, after] for the top-level fields that differ (an empty text and NULL
    are the same)."""
    before = _current_shape(before)
    changes = {}
    for key in sorted(set(before) | set(after)):
        if _blank_as_empty(before.get(key)) != _blank_as_empty(after.get(key)):
            changes[key] = [before.get(key), after.get(key)]
    return changes


def service_version_record(
    *,
    service: Service,
    actor: Actor | None,
    action: str,
    via: str = "",
    force: bool = False,
    before: dict[str, Any] | None = None,
) -> ServiceVersion | None:
    """Store a version if anything changed since the last one (or always, with `force`, for
    actions like publish and verify that matter in themselves). `before` is the snapshot taken
    before the change, for a service that has no version yet. Call inside the transaction of
    the change."""
    last = ServiceVersion.objects.filter(service=service).order_by("-number").first()
    snapshot = service_snapshot(service)
    if last is None and before is None:
        # The first version: the snapshot is its content and the action says what happened;
        # every field as [None, value] would only store it all twice.
        changes: dict[str, Any] = {}
    else:
        changes = snapshot_changes(last.snapshot if last else (before or {}), snapshot)
    if last is None and before is not None and not changes and not force:
        return None
    if last is not None and not changes and not force:
        return None
    return ServiceVersion.objects.create(
        service=service,
        number=(last.number + 1) if last else 1,
        actor_id=actor.pk if actor is not None and actor.is_authenticated else None,
        via=via,
        action=action,
        changes=changes,
        snapshot=snapshot,
    )
