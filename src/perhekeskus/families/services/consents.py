"""The family's consents: recording one, a further guardian giving it, revoking it.

A consent takes effect only when everyone it needs has given it (`Consent.is_complete`): every
guardian with custody for a purpose in `PURPOSES_REQUIRING_ALL_CUSTODIANS` (stored on the consent
when recorded), else one guardian. `recompute_complete` keeps that flag right whenever a guardian
gives a consent or a guardian's custody changes, so that the gate (`access.py`) can filter on it.
Revoking takes effect at once: the gate reads `revoked_at` on every read.

`consent_create_in` is the one place a consent is written; `consent_record` and the records
part's `family_open` both call it inside their own transaction.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Mapping, Sequence
from typing import Protocol

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from perhekeskus.accounts.models import User
from perhekeskus.audit.services import audit_record
from perhekeskus.catalog.models import Organization
from perhekeskus.core.errors import NotFound
from perhekeskus.core.policies import require
from perhekeskus.families import actions
from perhekeskus.families.ids import parse_id
from perhekeskus.families.models import (
    PURPOSES_REQUIRING_ALL_CUSTODIANS,
    Child,
    ChildView,
    Consent,
    ConsentGiven,
    ConsentMethod,
    ConsentPurpose,
    CustodyRole,
    DataCategory,
    Family,
    Guardian,
)
from perhekeskus.families.policies import can_manage_family
from perhekeskus.families.services.common import lock_family


class ConsentData(Protocol):
    """What a consent is recorded from: the records part's `inputs.ConsentInput` has these
    fields (`given_by` indexes `guardians`, `child_views` maps an index of `children` to the
    child's view in words)."""

    @property
    def purpose(self) -> str: ...
    @property
    def recipients(self) -> Sequence[Organization]: ...
    @property
    def categories(self) -> Sequence[str]: ...
    @property
    def valid_from(self) -> datetime.date | None: ...
    @property
    def valid_until(self) -> datetime.date | None: ...
    @property
    def given_by(self) -> Sequence[int]: ...
    @property
    def method(self) -> str: ...
    @property
    def child_views(self) -> Mapping[int, str]: ...
    @property
    def note(self) -> str: ...


def _audit_details(consent: Consent, recipients: Sequence[Organization]) -> dict[str, object]:
    return {
        "family": str(consent.family_id),
        "purpose": consent.purpose,
        "categories": list(consent.categories),
        "recipients": sorted(str(organization.pk) for organization in recipients),
        "complete": consent.is_complete,
    }


def _validate(
    data: ConsentData, guardians: Sequence[Guardian], children: Sequence[Child]
) -> tuple[list[str], list[Guardian]]:
    """The consent's data categories (BASIC always among them) and its givers, or a
    ValidationError with every problem under its field."""
    errors: dict[str, list[str]] = {}
    if data.purpose not in ConsentPurpose.values:
        errors.setdefault("purpose", []).append(_("Choose the purpose of the consent."))
    if not list(data.recipients):
        errors.setdefault("recipients", []).append(
            _("Choose at least one organisation the family consents to share with.")
        )
    unknown = [c for c in data.categories if c not in DataCategory.values]
    if unknown:
        errors.setdefault("categories", []).append(_("Choose the data from the list."))
    if data.valid_from is None:
        errors.setdefault("valid_from", []).append(_("Enter the day the consent starts."))
    if data.valid_until is None:
        errors.setdefault("valid_until", []).append(_("Enter the day the consent ends."))
    elif data.valid_from is not None and data.valid_until < data.valid_from:
        errors.setdefault("valid_until", []).append(_("The consent cannot end before it starts."))
    if data.method not in ConsentMethod.values:
        errors.setdefault("method", []).append(_("Choose how the consent was given."))
    indexes = list(dict.fromkeys(data.given_by))
    if not indexes:
        errors.setdefault("given_by", []).append(_("Choose the guardian who gave the consent."))
    elif any(not 0 <= index < len(guardians) for index in indexes):
        errors.setdefault("given_by", []).append(_("Choose the guardians from the list."))
    if any(not 0 <= index < len(children) for index in data.child_views):
        errors.setdefault("child_views", []).append(_("Choose the children from the list."))
    if errors:
        raise ValidationError(errors)
    categories = sorted({DataCategory.BASIC.value, *data.categories})
    return categories, [guardians[index] for index in indexes]


def _consenter_ids(family: Family) -> set[int]:
    """The guardians whose word consents for the children: those with custody. A parent
    without custody or another close adult does not. A family with no custodian on its record
    (a foster family, the custody being with the municipality) consents through its foster
    parents: they care for the children day to day and the worker records their consent, the
    custodian's own decision being made outside this record. With neither, no consent takes
    effect."""
    roles = dict(Guardian.objects.filter(family=family).values_list("pk", "custody_role"))
    custodians = {pk for pk, role in roles.items() if role == CustodyRole.CUSTODIAN}
    if custodians:
        return custodians
    return {pk for pk, role in roles.items() if role == CustodyRole.FOSTER_PARENT}


def _is_complete(consent: Consent, consenter_ids: set[int], giver_ids: set[int]) -> bool:
    """In effect once one guardian who consents for the children (`_consenter_ids`) has given
    it, and for a purpose that requires all custodians once every one of them has."""
    if not consenter_ids & giver_ids:
        return False
    if consent.requires_all_custodians:
        return consenter_ids <= giver_ids
    return True


def consent_create_in(
    *,
    family: Family,
    data: ConsentData,
    actor: User,
    guardians: Sequence[Guardian] | None = None,
    children: Sequence[Child] | None = None,
    given_on: datetime.date | None = None,
    request: HttpRequest | None = None,
) -> Consent:
    """Write a consent of `family`, given by `data.given_by` (on `given_on`, by default its
    first day or today, whichever is earlier), with the children's views and their ages that
    day. Runs in the caller's transaction; the caller has checked its own policy. Records
    CONSENT_RECORD (no personal data in the details). `guardians` and `children` are the lists
    `data` indexes (by default the family's, in the order `selectors_consents` lists them)."""
    if guardians is None:
        guardians = list(Guardian.objects.filter(family=family).order_by("created_at", "pk"))
    if children is None:
        children = list(Child.objects.filter(family=family).order_by("birth_year", "pk"))
    categories, givers = _validate(data, guardians, children)
    today = timezone.localdate()
    assert data.valid_from is not None and data.valid_until is not None
    consent = Consent.objects.create(
        family=family,
        purpose=data.purpose,
        categories=categories,
        valid_from=data.valid_from,
        valid_until=data.valid_until,
        requires_all_custodians=data.purpose in PURPOSES_REQUIRING_ALL_CUSTODIANS,
        note=(data.note or "").strip(),
        recorded_by=actor,
    )
    recipients = list(dict.fromkeys(data.recipients))
    consent.recipients.set(recipients)
    day = given_on or min(today, data.valid_from)
    ConsentGiven.objects.bulk_create(
        [
            ConsentGiven(
                consent=consent,
                guardian=guardian,
                method=data.method,
                given_on=day,
                recorded_by=actor,
            )
            for guardian in givers
        ]
    )
    views = [
        ChildView(
            consent=consent,
            child=children[index],
            age=children[index].age_on(today),
            view=text.strip(),
        )
        for index, text in sorted(data.child_views.items())
        if text and text.strip()
    ]
    ChildView.objects.bulk_create(views)
    custodians = _consenter_ids(family)
    consent.is_complete = _is_complete(consent, custodians, {g.pk for g in givers})
    consent.save(update_fields=["is_complete"])
    audit_record(
        action=actions.CONSENT_RECORD,
        actor=actor,
        target=consent,
        request=request,
        details={**_audit_details(consent, recipients), "givers": len(givers)},
    )
    return consent


def recompute_complete(family: Family) -> None:
    """Set `is_complete` of each of the family's consents that are not revoked from who has
    given it and who has custody now (call after a guardian gives a consent or a guardian's
    custody changes, in the same transaction). Three queries and at most two updates."""
    custodians = _consenter_ids(family)
    consents = list(
        Consent.objects.filter(family=family, revoked_at__isnull=True).only(
            "pk", "requires_all_custodians", "is_complete"
        )
    )
    givers: dict[int, set[int]] = {}
    for consent_id, guardian_id in ConsentGiven.objects.filter(
        consent__in=[c.pk for c in consents]
    ).values_list("consent_id", "guardian_id"):
        givers.setdefault(consent_id, set()).add(guardian_id)
    complete = [c.pk for c in consents if _is_complete(c, custodians, givers.get(c.pk, set()))]
    incomplete = [c.pk for c in consents if c.pk not in set(complete)]
    if complete:
        Consent.objects.filter(pk__in=complete, is_complete=False).update(is_complete=True)
    if incomplete:
        Consent.objects.filter(pk__in=incomplete, is_complete=True).update(is_complete=False)


def _manage(actor: User, family_id: uuid.UUID | str, *, closed_too: bool = False) -> Family:
    """Inside a transaction: the family, locked, if the actor is its responsible worker and the
    record is open (or `closed_too`: revoking narrows what is read, so it is always possible);
    NotFound when the actor may not read it at all; PolicyDenied otherwise."""
    family_access = lock_family(actor, family_id)
    family = family_access.family
    require(
        family_access.can(DataCategory.BASIC) and can_manage_family(actor, family),
        _("Only the family's responsible worker manages the family's consents."),
    )
    if not family.is_open and not closed_too:
        raise ValidationError(_("The family's record is closed."))
    return family


def _consent(family: Family, consent_id: int) -> Consent:
    consent = Consent.objects.select_for_update().filter(pk=consent_id, family=family).first()
    if consent is None:
        raise NotFound()
    return consent


def consent_record(
    *,
    actor: User,
    family_id: uuid.UUID | str,
    data: ConsentData,
    given_on: datetime.date | None = None,
    request: HttpRequest | None = None,
) -> Consent:
    """The responsible worker records a further consent of the family."""
    with transaction.atomic():
        family = _manage(actor, family_id)
        guardians = list(Guardian.objects.filter(family=family).order_by("created_at", "pk"))
        children = list(Child.objects.filter(family=family).order_by("birth_year", "pk"))
        return consent_create_in(
            family=family,
            data=data,
            actor=actor,
            guardians=guardians,
            children=children,
            given_on=given_on,
            request=request,
        )


def consent_give(
    *,
    actor: User,
    family_id: uuid.UUID | str,
    consent_id: int,
    guardian_id: int,
    method: str,
    given_on: datetime.date | None,
    request: HttpRequest | None = None,
) -> Consent:
    """The responsible worker records that another guardian gave the consent too; a consent that
    needs every guardian with custody takes effect with the last of them."""
    with transaction.atomic():
        family = _manage(actor, family_id)
        consent = _consent(family, consent_id)
        errors: dict[str, str] = {}
        if consent.revoked_at is not None:
            raise ValidationError(_("The consent has been revoked: record a new consent."))
        guardian = Guardian.objects.filter(pk=guardian_id, family=family).first()
        if guardian is None:
            errors["guardian"] = _("Choose the guardian from the list.")
        elif ConsentGiven.objects.filter(consent=consent, guardian=guardian).exists():
            errors["guardian"] = _("This guardian has already given the consent.")
        if method not in ConsentMethod.values:
            errors["method"] = _("Choose how the consent was given.")
        if given_on is None:
            errors["given_on"] = _("Enter the day the guardian gave the consent.")
        elif given_on > timezone.localdate():
            errors["given_on"] = _("The day cannot be in the future.")
        if errors:
            raise ValidationError(errors)
        assert guardian is not None and given_on is not None
        ConsentGiven.objects.create(
            consent=consent,
            guardian=guardian,
            method=method,
            given_on=given_on,
            recorded_by=actor,
        )
        was_complete = consent.is_complete
        recompute_complete(family)
        consent.refresh_from_db(fields=["is_complete"])
        audit_record(
            action=actions.CONSENT_GIVE,
            actor=actor,
            target=consent,
            request=request,
            details={
                "family": str(family.pk),
                "guardian": guardian.pk,
                "method": method,
                "took_effect": consent.is_complete and not was_complete,
            },
        )
    return consent


def can_guardian_revoke(guardian: Guardian, consent: Consent) -> bool:
    """A guardian revokes a consent they gave, or any of the family's consents when they have
    custody (a custodian's word alone ends the sharing of the child's data)."""
    if guardian.family_id != consent.family_id:
        return False
    if guardian.custody_role == CustodyRole.CUSTODIAN:
        return True
    return ConsentGiven.objects.filter(consent=consent, guardian=guardian).exists()


def _family_of_guardian(family_id: uuid.UUID | str) -> Family | None:
    return (
        Family.objects.select_for_update()
        .filter(pk=parse_id(family_id), anonymized_at__isnull=True)
        .first()
    )


def consent_revoke(
    *,
    actor: User | None = None,
    guardian: Guardian | None = None,
    family_id: uuid.UUID | str,
    consent_id: int,
    reason: str = "",
    request: HttpRequest | None = None,
) -> Consent:
    """Revoke a consent, with immediate effect: by the family's responsible worker (`actor`) or
    by a signed-in guardian of the family (`guardian`, `actor` None). The next read of anyone
    who read on this consent is refused by the gate."""
    if (actor is None) == (guardian is None):
        raise ValueError("consent_revoke needs either actor or guardian")
    with transaction.atomic():
        if actor is not None:
            family = _manage(actor, family_id, closed_too=True)
            consent = _consent(family, consent_id)
        else:
            assert guardian is not None
            locked = _family_of_guardian(family_id)
            stored = Guardian.objects.filter(pk=guardian.pk, family=locked).first()
            if locked is None or stored is None:
                raise NotFound()
            family = locked
            consent = _consent(family, consent_id)
            require(
                can_guardian_revoke(stored, consent),
                _("You can revoke the consents you gave."),
            )
            guardian = stored
        if consent.revoked_at is not None:
            raise ValidationError(_("The consent has already been revoked."))
        consent.revoked_at = timezone.now()
        consent.revoked_by = actor
        consent.revoked_by_guardian = guardian
        consent.revoke_reason = reason.strip()
        consent.save(
            update_fields=["revoked_at", "revoked_by", "revoked_by_guardian", "revoke_reason"]
        )
        audit_record(
            action=actions.CONSENT_REVOKE,
            actor=actor,
            target=consent,
            request=request,
            details={
                "family": str(family.pk),
                "by": "worker" if actor is not None else "guardian",
                **({"guardian": guardian.pk} if guardian is not None else {}),
            },
        )
    return consent
