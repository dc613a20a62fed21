"""Every change to the catalogue made by a person: each checks its policy, writes, stores a
version of the service description and records an audit entry in the same transaction.

(Imports write through `importers.writer`, which versions and audits the same way.)
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from perhekeskus.audit.services import audit_record
from perhekeskus.catalog import actions
from perhekeskus.catalog.listeners import services_changed
from perhekeskus.catalog.models import (
    Location,
    Municipality,
    Organization,
    PublicationState,
    Service,
    ServiceAtLocation,
)
from perhekeskus.catalog.policies import can_edit_catalog_of
from perhekeskus.catalog.versions import service_version_record
from perhekeskus.core.errors import PolicyDenied


def _require_editor(actor: Any, organization_id: Any) -> None:
    if not can_edit_catalog_of(actor, organization_id):
        raise PolicyDenied(_("You can only edit your own organisation's services and locations."))


# --- Services -----------------------------------------------------------------------------------


def service_save(*, actor: Any, service: Service, original_organization_id: Any = None) -> Service:
    """Save the service's own fields. The actor must be allowed to edit the organisation it
    belongs to now and, when it is moved, the one it belonged to before."""
    _require_editor(actor, service.organization_id)
    if original_organization_id is not None:
        _require_editor(actor, original_organization_id)
    service.full_clean()
    service.save()
    # The search index is brought up to date by service_change_record, once the channels,
    # places and hours saved after this are in place too.
    return service


def service_change_record(
    *,
    actor: Any,
    service: Service,
    created: bool,
    before: dict[str, Any] | None = None,
    request: HttpRequest | None = None,
) -> None:
    """After a service and everything belonging to it (channels, places, hours) is saved: keep
    the new version and audit the change. Nothing is recorded when nothing changed. `before`
    is the service as it was, from `service_snapshot`, taken before the change."""
    _require_editor(actor, service.organization_id)
    version = service_version_record(
        service=service, actor=actor, action="create" if created else "update", before=before
    )
    if version is None:
        # Nothing changed: no reindex, so that every process's search cache stays valid.
        return
    services_changed(service_ids=[service.pk])
    audit_record(
        action=actions.SERVICE_CREATE if created else actions.SERVICE_UPDATE,
        actor=actor,
        target=service,
        request=request,
        details={"version": version.number, "fields": sorted(version.changes)[:50]},
    )


def _set_publication(
    *, actor: Any, service: Service, state: str, request: HttpRequest | None
) -> Service:
    _require_editor(actor, service.organization_id)
    if service.publication_state == state:
        return service
    with transaction.atomic():
        service.publication_state = state
        service.save(update_fields=["publication_state", "updated_at"])
        services_changed(service_ids=[service.pk])
        version = service_version_record(
            service=service,
            actor=actor,
            action="publish" if state == PublicationState.PUBLISHED else "unpublish",
            force=True,
        )
        audit_record(
            action=actions.SERVICE_PUBLISH
            if state == PublicationState.PUBLISHED
            else actions.SERVICE_UNPUBLISH,
            actor=actor,
            target=service,
            request=request,
            details={"version": version.number if version else None},
        )
    return service


def service_publish(*, actor: Any, service: Service, request: HttpRequest | None = None) -> Service:
    return _set_publication(
        actor=actor, service=service, state=PublicationState.PUBLISHED, request=request
    )


def service_unpublish(
    *, actor: Any, service: Service, request: HttpRequest | None = None
) -> Service:
    return _set_publication(
        actor=actor, service=service, state=PublicationState.DRAFT, request=request
    )


def service_verify(*, actor: Any, service: Service, request: HttpRequest | None = None) -> Service:
    """The provider confirms that the description is still true: stamps today and who."""
    _require_editor(actor, service.organization_id)
    with transaction.atomic():
        service.last_verified_at = timezone.now()
        service.last_verified_by = actor
        service.save(update_fields=["last_verified_at", "last_verified_by", "updated_at"])
        version = service_version_record(service=service, actor=actor, action="verify", force=True)
        audit_record(
            action=actions.SERVICE_VERIFY,
            actor=actor,
            target=service,
            request=request,
            details={"version": version.number if version else None},
        )
    return service


# --- Locations ----------------------------------------------------------------------------------


def location_save(*, actor: Any, location: Location, original_organization_id: Any = None) -> None:
    _require_editor(actor, location.organization_id)
    if original_organization_id is not None:
        _require_editor(actor, original_organization_id)
    location.full_clean()
    location.save()


def location_change_record(
    *,
    actor: Any,
    location: Location,
    created: bool,
    changed_fields: Iterable[str],
    request: HttpRequest | None = None,
) -> None:
    _require_editor(actor, location.organization_id)
    # A place's name and address are part of the search documents of the services given there.
    services_changed(
        service_ids=list(
            ServiceAtLocation.objects.filter(location=location).values_list("service_id", flat=True)
        )
    )
    audit_record(
        action=actions.LOCATION_CREATE if created else actions.LOCATION_UPDATE,
        actor=actor,
        target=location,
        request=request,
        details={"fields": sorted(changed_fields)[:50]},
    )


# --- Command line provisioning ------------------------------------------------------------------


def municipality_ensure(*, code: str, names: dict[str, str]) -> Municipality:
    """Reference data (official codes and names), not an audited business change."""
    defaults = {f"name_{lang}": name for lang, name in names.items()}
    municipality, _created = Municipality.objects.update_or_create(code=code, defaults=defaults)
    return municipality


def organization_provision(
    *,
    id: uuid.UUID,
    type: str,
    names: dict[str, str],
    descriptions: dict[str, str] | None = None,
    business_id: str = "",
    website: str = "",
    municipality_codes: Iterable[str] = (),
    parent: Organization | None = None,
    via: str,
) -> tuple[Organization, bool]:
    """Create or update an organisation from the command line (demo data, imports), keeping the
    given id. The audit entry names the command in `via`."""
    fields: dict[str, Any] = {
        "type": type,
        "business_id": business_id,
        "website": website,
        "parent": parent,
    }
    fields.update({f"name_{lang}": name for lang, name in names.items()})
    fields.update({f"description_{lang}": text for lang, text in (descriptions or {}).items()})
    with transaction.atomic():
        organization = Organization.objects.filter(pk=id).first()
        created = organization is None
        if organization is None:
            organization = Organization(pk=id)
        changed = created
        for field, value in fields.items():
            if getattr(organization, field) != value:
                setattr(organization, field, value)
                changed = True
        codes = set(municipality_codes)
        if not created and set(organization.municipalities.values_list("code", flat=True)) != codes:
            changed = True
        if not changed:
            return organization, False
        organization.full_clean()
        organization.save()
        organization.municipalities.set(Municipality.objects.filter(code__in=codes))
        audit_record(
            action=actions.ORGANIZATION_CREATE if created else actions.ORGANIZATION_UPDATE,
            target=organization,
            details={"via": via},
        )
    return organization, created
