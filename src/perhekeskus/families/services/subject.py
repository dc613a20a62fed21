"""Data-subject rights (GDPR articles 15 and 16): the export of everything the record holds
about one guardian or child, and correction requests.

The export is the responsible worker's to make (`policies.can_manage_family`); it reads every
category of the family and logs each read in the family's access log with the place EXPORT, and
the audit log says that an export was made, of which kind of person and in which format, never
what it contained. A correction request is recorded by the responsible worker on a guardian's
behalf or by a signed-in guardian on the family's page, and answered by the responsible worker:
corrected or not corrected, with the answer the family reads.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from perhekeskus.accounts.models import User
from perhekeskus.audit.services import audit_record
from perhekeskus.core.errors import NotFound
from perhekeskus.core.policies import require
from perhekeskus.families import access, actions, selectors, selectors_referrals
from perhekeskus.families.ids import parse_id
from perhekeskus.families.models import (
    AccessPlace,
    CorrectionRequest,
    CorrectionStatus,
    Family,
    Guardian,
)
from perhekeskus.families.policies import can_manage_family
from perhekeskus.families.services.common import clean_text, lock_family

EXPORT_FORMATS = ("json", "html")
TEXT_MAX_LENGTH = 4000


def subject_export(
    *,
    actor: User,
    family_id: uuid.UUID | str,
    subject_kind: str,
    subject_id: int,
    fmt: str = "json",
    request: HttpRequest | None = None,
) -> dict[str, Any]:
    """Everything about one guardian or child (`selectors_referrals.subject_data`), for the
    responsible worker only; each category read is logged (place EXPORT) and the export audited
    in the same transaction."""
    if fmt not in EXPORT_FORMATS or subject_kind not in selectors_referrals.SUBJECT_KINDS:
        raise NotFound()
    with transaction.atomic():
        checked = selectors.access_family(
            actor=actor, family_id=family_id, categories=access.ALL_CATEGORIES, for_action=True
        )
        require(can_manage_family(actor, checked.family))
        family_access = selectors.access_family(
            actor=actor,
            family_id=family_id,
            categories=access.ALL_CATEGORIES,
            place=AccessPlace.EXPORT,
        )
        data = selectors_referrals.subject_data(family_access, subject_kind, subject_id)
        audit_record(
            action=actions.SUBJECT_EXPORT,
            actor=actor,
            target=family_access.family,
            request=request,
            details={
                "subject_kind": subject_kind,
                "subject_id": subject_id,
                "format": fmt,
                "categories": sorted(family_access.read),
            },
        )
        return data


def correction_record(
    *,
    family_id: uuid.UUID | str,
    text: str,
    actor: User | None = None,
    guardian: Guardian | None = None,
    guardian_id: int | None = None,
    request: HttpRequest | None = None,
) -> CorrectionRequest:
    """A request to correct the family's data: by a signed-in guardian of the family
    (`guardian`), or recorded by the responsible worker (`actor`) on behalf of one of the
    family's guardians (`guardian_id`, optional)."""
    if (actor is None) == (guardian is None):
        raise ValueError("correction_record needs either actor or guardian")
    with transaction.atomic():
        if guardian is not None:
            if guardian.family_id != parse_id(family_id):
                raise NotFound()
            family = Family.objects.select_for_update().filter(pk=guardian.family_id).first()
            if family is None or family.anonymized_at is not None:
                raise NotFound()
            requester: Guardian | None = guardian
        else:
            assert actor is not None
            family_access = lock_family(actor, family_id)
            family = family_access.family
            require(can_manage_family(actor, family))
            requester = None
            if guardian_id:
                requester = next(
                    (g for g in selectors.family_guardians(family_access) if g.pk == guardian_id),
                    None,
                )
                if requester is None:
                    raise ValidationError({"guardian": _("Choose one of the family's guardians.")})
        body = clean_text(
            text, field="text", limit=TEXT_MAX_LENGTH, required=_("Write what should be corrected.")
        )
        correction = CorrectionRequest.objects.create(
            family=family, guardian=requester, text=body, recorded_by=actor
        )
        audit_record(
            action=actions.CORRECTION_RECORD,
            actor=actor,
            target=correction,
            request=request,
            details={
                "family": str(family.pk),
                "by": "guardian" if guardian is not None else "worker",
                "guardian": requester.pk if requester is not None else None,
            },
        )
        return correction


def correction_handle(
    *,
    actor: User,
    family_id: uuid.UUID | str,
    correction_id: int,
    status: str,
    response: str,
    request: HttpRequest | None = None,
) -> CorrectionRequest:
    """The responsible worker's answer: corrected or not corrected, and what the family reads
    about it. A request is answered once."""
    with transaction.atomic():
        family_access = lock_family(actor, family_id)
        require(can_manage_family(actor, family_access.family))
        correction = (
            CorrectionRequest.objects.select_for_update()
            .filter(family=family_access.family, pk=correction_id)
            .first()
        )
        if correction is None:
            raise NotFound()
        if correction.status != CorrectionStatus.RECEIVED:
            raise ValidationError({"status": _("This request has already been answered.")})
        if status not in (CorrectionStatus.CORRECTED, CorrectionStatus.REJECTED):
            raise ValidationError({"status": _("Choose whether the data was corrected.")})
        answer = clean_text(
            response,
            field="response",
            limit=TEXT_MAX_LENGTH,
            required=_("Write the answer: the family reads what was done and why."),
        )
        old = correction.status
        correction.status = status
        correction.response = answer
        correction.handled_by = actor
        correction.handled_at = timezone.now()
        correction.save(update_fields=["status", "response", "handled_by", "handled_at"])
        audit_record(
            action=actions.CORRECTION_HANDLE,
            actor=actor,
            target=correction,
            request=request,
            details={"family": str(family_access.family.pk), "from": old, "to": status},
        )
        return correction
