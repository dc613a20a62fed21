from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from django.db import transaction

from perhekeskus.audit.services import audit_record
from perhekeskus.catalog import actions
from perhekeskus.catalog.models import Municipality, Organization


def municipality_ensure(*, code: str, names: dict[str, str]) -> Municipality:
    """Reference data (official codes and names), not an audited business change."""
    defaults = {f"name_{lang}": name for lang, name in names.items()}
    municipality, _ = Municipality.objects.update_or_create(code=code, defaults=defaults)
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
