"""Reading a family's data without its consent, under a law (e.g. the duty to notify child
protection): only with a stated legal basis and a reason, for the categories asked, for
`FAMILIES_LEGAL_ACCESS_HOURS`; every read under it is marked in the family's access log
(`access.py`), and it waits on the coordinators' review list until a coordinator reviews it.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from perhekeskus.accounts.models import User
from perhekeskus.audit.services import audit_record
from perhekeskus.core.client import keyed_hash
from perhekeskus.core.errors import NotFound
from perhekeskus.core.policies import require
from perhekeskus.core.ratelimit import NO_LIMIT, Counter, Limiter, parse_rate
from perhekeskus.families import actions
from perhekeskus.families.identity import pic_digest, validate_personal_identity_code
from perhekeskus.families.models import (
    Child,
    DataCategory,
    Family,
    Guardian,
    LegalAccess,
    LegalBasis,
)
from perhekeskus.families.policies import can_review_legal_access, can_work_with_families

# A reason is what a coordinator reviews: a word or two does not say why.
REASON_MIN_LENGTH = 20

LOOKUP_SCOPE = "family-legal-lookup"
LOOKUP_RATE_SETTING = "FAMILIES_LEGAL_LOOKUP_RATE_LIMIT"
DEFAULT_LOOKUP_RATE_LIMIT = "20/h"


def lookup_limiter(actor: User) -> Limiter:
    """The limit on a professional's identity-code look-ups (`FAMILIES_LEGAL_LOOKUP_RATE_LIMIT`,
    "20/h" by default; `RATE_LIMITS=off` turns it off): the answer tells whether a code belongs
    to a family in coordination, so nobody (nor a stolen session) may try codes without end.
    Counted per account, whichever browser or address the look-ups come from."""
    if not settings.PERHEKESKUS_RATE_LIMITS:
        return NO_LIMIT
    rate = parse_rate(
        getattr(settings, LOOKUP_RATE_SETTING, DEFAULT_LOOKUP_RATE_LIMIT),
        setting=LOOKUP_RATE_SETTING,
    )
    if rate is None:
        return NO_LIMIT
    key = keyed_hash(LOOKUP_SCOPE, "user", str(actor.pk))
    return Limiter((Counter(f"ratelimit:{LOOKUP_SCOPE}:user:{key}", rate),))


def _family_by_code(code: str) -> Family | None:
    """The record of the child or guardian with this code: an open one first, then the newest
    (a person may be in several records, e.g. after a family has split). Anonymised records
    hold no codes any more."""
    digest = pic_digest(code)
    if not digest:
        return None
    return (
        Family.objects.filter(anonymized_at__isnull=True)
        .filter(
            Q(Exists(Child.objects.filter(family=OuterRef("pk"), pic_digest=digest)))
            | Q(Exists(Guardian.objects.filter(family=OuterRef("pk"), pic_digest=digest)))
        )
        .order_by(
            # "open" after "closed" in the alphabet: open records first.
            "-status",
            "-opened_at",
            "pk",
        )
        .first()
    )


def legal_access_open(
    *,
    actor: User,
    personal_identity_code: str,
    basis: str,
    reason: str,
    categories: Sequence[str],
    request: HttpRequest | None = None,
) -> LegalAccess:
    """Open a reading under a law of the family of the child or guardian with this personal
    identity code. The basis and the reason are checked before the code is looked up, so that
    nobody learns whether a code is known without stating why they ask."""
    require(
        can_work_with_families(actor),
        _("Only a professional who works with families may read under a law."),
    )
    errors: dict[str, str] = {}
    if basis not in LegalBasis.values:
        errors["basis"] = _("Choose the provision of law you read under.")
    text = (reason or "").strip()
    if not text:
        errors["reason"] = _("Write why you need to read the family's data.")
    elif len(text) < REASON_MIN_LENGTH:
        errors["reason"] = _(
            "Write the reason so that a coordinator reviewing it understands why you needed "
            "to read the data."
        )
    if any(c not in DataCategory.values for c in categories):
        errors["categories"] = _("Choose the data from the list.")
    try:
        validate_personal_identity_code(personal_identity_code or "")
    except ValidationError as error:
        errors["personal_identity_code"] = error.messages[0]
    if errors:
        raise ValidationError(errors)
    # Every look-up counts, found or not (RateLimited when the professional's are used up).
    lookup_limiter(actor).reserve()
    family = _family_by_code(personal_identity_code)
    if family is None:
        audit_record(
            action=actions.LEGAL_ACCESS_NO_MATCH,
            actor=actor,
            target_type="families.family",
            request=request,
            details={"basis": basis},
        )
        raise ValidationError({"personal_identity_code": _("No family record with this code.")})
    if family.responsible_id == actor.pk:
        raise ValidationError(
            {
                "personal_identity_code": _(
                    "You are this family's responsible worker: you read its record already."
                )
            }
        )
    with transaction.atomic():
        now = timezone.now()
        access = LegalAccess.objects.create(
            family=family,
            actor=actor,
            organization_id=actor.organization_id,
            basis=basis,
            reason=text,
            categories=sorted({DataCategory.BASIC.value, *categories}),
            granted_at=now,
            expires_at=now + datetime.timedelta(hours=settings.FAMILIES_LEGAL_ACCESS_HOURS),
        )
        audit_record(
            action=actions.LEGAL_ACCESS,
            actor=actor,
            target=access,
            request=request,
            details={
                "family": str(family.pk),
                "basis": basis,
                "categories": list(access.categories),
                "hours": settings.FAMILIES_LEGAL_ACCESS_HOURS,
            },
        )
    return access


def legal_access_review(
    *,
    actor: User,
    legal_access_id: int,
    note: str = "",
    request: HttpRequest | None = None,
) -> LegalAccess:
    """A coordinator marks a reading under a law reviewed, with a note. Nobody reviews their own
    reading."""
    require(
        can_review_legal_access(actor),
        _("Only a coordinator reviews readings under a law."),
    )
    with transaction.atomic():
        access = LegalAccess.objects.select_for_update().filter(pk=legal_access_id).first()
        if access is None:
            raise NotFound()
        if access.actor_id == actor.pk:
            raise ValidationError(_("Another coordinator must review your own reading."))
        if access.reviewed_at is not None:
            raise ValidationError(_("This reading has already been reviewed."))
        access.reviewed_at = timezone.now()
        access.reviewed_by = actor
        access.review_note = (note or "").strip()
        access.save(update_fields=["reviewed_at", "reviewed_by", "review_note"])
        audit_record(
            action=actions.LEGAL_ACCESS_REVIEW,
            actor=actor,
            target=access,
            request=request,
            details={"family": str(access.family_id), "basis": access.basis},
        )
    return access
