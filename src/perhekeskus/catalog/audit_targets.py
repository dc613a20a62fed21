"""The catalogue's objects in the audit log by name, with a link to the editor for those the
viewer may edit (usability review m17). Registered in `CatalogConfig.ready`; the audit app
imports nothing of the catalogue."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django.db import models
from django.urls import reverse

from perhekeskus.audit.registry import TargetLink, register_target
from perhekeskus.catalog.models import Location, Organization, Service
from perhekeskus.catalog.policies import can_edit_catalog_of, can_use_catalog_editor


def _valid(ids: list[str]) -> list[uuid.UUID]:
    valid = []
    for value in ids:
        try:
            valid.append(uuid.UUID(value))
        except ValueError:
            continue
    return valid


def _resolver(
    model: type[models.Model], organization_of: Callable[[Any], Any], url_name: str | None
) -> Callable[[list[str], Any], dict[str, TargetLink]]:
    def resolve(ids: list[str], viewer: Any) -> dict[str, TargetLink]:
        rows = model._default_manager.filter(pk__in=_valid(ids))
        may_edit = can_use_catalog_editor(viewer)
        result = {}
        for row in rows:
            url = None
            if url_name and may_edit and can_edit_catalog_of(viewer, organization_of(row)):
                url = reverse(url_name, args=[row.pk])
            result[str(row.pk)] = TargetLink(name=str(row), url=url)
        return result

    return resolve


def register_audit_targets() -> None:
    register_target(
        "catalog.service",
        _resolver(
            Service, lambda row: row.organization_id, "catalog_editor:catalog_service_change"
        ),
    )
    register_target(
        "catalog.location",
        _resolver(
            Location, lambda row: row.organization_id, "catalog_editor:catalog_location_change"
        ),
    )
    register_target("catalog.organization", _resolver(Organization, lambda row: row.pk, None))
