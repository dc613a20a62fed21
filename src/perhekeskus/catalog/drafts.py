"""Writing a snapshot of a service description back to its rows: what an approval does with
a draft (ADR 0032). A snapshot is `catalog.versions.service_snapshot`'s JSON: the service's own
columns, its many-to-many ids and its nested rows (channels, hours, places) with their ids."""

from __future__ import annotations

from typing import Any

from django.db import models

from perhekeskus.catalog.models import (
    ContactChannel,
    Location,
    Municipality,
    Organization,
    Schedule,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)

_NESTED = {"channels", "schedules", "at_locations"}
_M2M = {"producers", "area_municipalities", "terms"}


def _set_columns(row: models.Model, data: dict[str, Any], skip: set[str]) -> None:
    fields = {field.attname: field for field in row._meta.concrete_fields}
    for key, value in data.items():
        if key in skip or key == "id" or key not in fields:
            continue
        field = fields[key]
        setattr(row, key, None if value is None else field.to_python(value))


def _schedules(rows: list[dict[str, Any]], **owner: Any) -> None:
    for data in rows:
        schedule = Schedule(pk=data["id"], **owner)
        _set_columns(schedule, data, set())
        schedule.save(force_insert=True)


def _channels(rows: list[dict[str, Any]], **owner: Any) -> None:
    for data in rows:
        channel = ContactChannel(pk=data["id"], **owner)
        _set_columns(channel, data, {"schedules"})
        channel.save(force_insert=True)
        _schedules(data.get("schedules") or [], channel=channel)


def apply_service_snapshot(service: Service, snapshot: dict[str, Any]) -> None:
    """Make the (locked) service and its nested rows say what the snapshot says. Places that
    no longer exist are left out. Call inside the transaction of the change."""
    _set_columns(service, snapshot, _NESTED | _M2M)
    service.full_clean()
    service.save()
    service.producers.set(Organization.objects.filter(pk__in=snapshot.get("producers") or []))
    service.area_municipalities.set(
        Municipality.objects.filter(code__in=snapshot.get("area_municipalities") or [])
    )
    service.terms.set(TaxonomyTerm.objects.filter(pk__in=snapshot.get("terms") or []))
    service.channels.all().delete()
    service.schedules.all().delete()
    ServiceAtLocation.objects.filter(service=service).delete()
    _channels(snapshot.get("channels") or [], service=service)
    _schedules(snapshot.get("schedules") or [], service=service)
    at_locations = snapshot.get("at_locations") or []
    existing = set(
        Location.objects.filter(pk__in=[a.get("location_id") for a in at_locations]).values_list(
            "pk", flat=True
        )
    )
    for data in at_locations:
        sal = ServiceAtLocation(pk=data["id"], service=service)
        _set_columns(sal, data, {"channels", "schedules"})
        if sal.location_id not in existing:
            continue
        sal.save(force_insert=True)
        _channels(data.get("channels") or [], service_at_location=sal)
        _schedules(data.get("schedules") or [], service_at_location=sal)
