"""Referrals from one network service to another (between organisations too).

The sending side (the family's responsible worker, or a team member whose grant covers the
family's referrals) sends a referral only when a consent in force names the receiving
organisation and covers REFERRALS and every data category sent; the referral stores that
consent. The receiving organisation's professionals answer it while such a consent is in force
(`access.referral_grants`): accept (optionally joining the family's team), decline with a
reason, mark done. The sending side may withdraw it until it is finished. The moves are the
state machine's (`transitions.py`); the family hears of each one (`notices.referral_notice`).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from perhekeskus.accounts.models import User
from perhekeskus.audit.services import audit_record
from perhekeskus.catalog import selectors as catalog_selectors
from perhekeskus.catalog.display import localized
from perhekeskus.catalog.models import Organization, Service
from perhekeskus.core.errors import NotFound
from perhekeskus.core.policies import require
from perhekeskus.families import access, actions, notices, selectors, transitions
from perhekeskus.families.ids import parse_id
from perhekeskus.families.models import (
    AccessBasis,
    Consent,
    DataCategory,
    Referral,
    ReferralStatus,
    TeamMember,
    TeamRole,
)
from perhekeskus.families.policies import can_answer_referrals, can_work_with_families
from perhekeskus.families.services.common import clean_text, lock_family, too_long
from perhekeskus.families.services.team import member_create

# What a sender may choose to send besides the family's basic information and the referral
# itself, which every referral carries.
SENDABLE: tuple[str, ...] = (
    DataCategory.CONTACT.value,
    DataCategory.PLAN.value,
    DataCategory.MEETINGS.value,
    DataCategory.NOTES.value,
)
ALWAYS_SENT: tuple[str, ...] = (DataCategory.BASIC.value, DataCategory.REFERRALS.value)
MESSAGE_MAX_LENGTH = 4000
REASON_MAX_LENGTH = 2000


def _label_list(categories: Iterable[str]) -> str:
    return ", ".join(str(DataCategory(category).label) for category in categories)


def _organization_name(organization: Organization) -> str:
    return localized(organization, "name").text


def sent_categories(categories: Iterable[str]) -> list[str]:
    """What a referral carries: BASIC and REFERRALS always, and the chosen categories, in the
    order of `DataCategory`."""
    chosen = {str(category) for category in categories} | set(ALWAYS_SENT)
    return [category for category in DataCategory.values if category in chosen]


def covering_consent(
    *, family_id: uuid.UUID, organization: Organization, categories: Iterable[str]
) -> Consent:
    """The consent in force that names `organization` and covers every category (the one
    lasting longest, as the gate would pick it); else a ValidationError that says what is
    missing: no consent for the organisation at all, or the categories it does not cover."""
    wanted = set(sent_categories(categories))
    candidates = list(
        Consent.objects.effective(timezone.localdate())
        .filter(family_id=family_id, recipients=organization)
        .order_by("-valid_until", "-pk")
    )
    name = _organization_name(organization)
    if not candidates:
        raise ValidationError(
            {
                "to_organization": _(
                    "No consent in force names %(organization)s as a recipient: record the "
                    "family's consent for sharing with it first."
                )
                % {"organization": name}
            }
        )
    best: tuple[int, Consent, list[str]] | None = None
    for consent in candidates:
        covered = {DataCategory.BASIC.value, *consent.categories}
        missing = [c for c in DataCategory.values if c in wanted and c not in covered]
        if not missing:
            return consent
        if best is None or len(missing) < best[0]:
            best = (len(missing), consent, missing)
    assert best is not None
    raise ValidationError(
        {
            "categories": _(
                "The family's consent for %(organization)s does not cover: %(missing)s. Send "
                "less, or record a consent that covers it first."
            )
            % {"organization": name, "missing": _label_list(best[2])}
        }
    )


def _may_send(family_access: selectors.FamilyAccess) -> bool:
    """The responsible worker, or a team member whose consent-based grant covers referrals; a
    reading under a law sends nothing, and a closed record is read-only."""
    grant = family_access.grants.grants.get(DataCategory.REFERRALS.value)
    return (
        grant is not None
        and grant.basis in (AccessBasis.RESPONSIBLE, AccessBasis.CONSENT)
        and family_access.family.is_open
    )


def may_send(family_access: selectors.FamilyAccess) -> bool:
    """For the pages: whether the reader may send a referral for this family."""
    return _may_send(family_access)


def referral_send(
    *,
    actor: User,
    family_id: uuid.UUID | str,
    to_organization_id: uuid.UUID | str | None,
    categories: Iterable[str],
    message: str,
    to_service_id: uuid.UUID | str | None = None,
    request: HttpRequest | None = None,
) -> Referral:
    with transaction.atomic():
        family_access = lock_family(actor, family_id, [DataCategory.REFERRALS, *SENDABLE])
        require(_may_send(family_access) and actor.organization_id is not None)
        assert actor.organization_id is not None
        family = family_access.family
        chosen = [str(category) for category in categories]
        errors: dict[str, Any] = {}
        unknown = [c for c in chosen if c not in SENDABLE and c not in ALWAYS_SENT]
        if unknown:
            errors["categories"] = _("Choose the data to send from the list.")
        else:
            unreadable = [c for c in chosen if not family_access.can(c)]
            if unreadable:
                errors["categories"] = _(
                    "You can send only data you may read yourself. Not yours to read: %(missing)s."
                ) % {"missing": _label_list(c for c in DataCategory.values if c in unreadable)}
        text = (message or "").strip()
        if not text:
            errors["message"] = _("Write what the referral is about.")
        elif len(text) > MESSAGE_MAX_LENGTH:
            errors["message"] = too_long(MESSAGE_MAX_LENGTH)
        organization = None
        if to_organization_id:
            try:
                organization = (
                    catalog_selectors.organization_list().filter(pk=to_organization_id).first()
                )
            except (ValueError, ValidationError):
                organization = None
        if organization is None:
            errors["to_organization"] = _("Choose the organisation the referral goes to.")
        service: Service | None = None
        if to_service_id and organization is not None:
            try:
                service = (
                    catalog_selectors.service_list_public(organization_id=organization.pk)
                    .filter(pk=to_service_id)
                    .first()
                )
            except (ValueError, ValidationError):
                service = None
            if service is None:
                errors["to_service"] = _("Choose one of the organisation's services, or none.")
        if errors:
            raise ValidationError(errors)
        assert organization is not None
        sent = sent_categories(chosen)
        consent = covering_consent(family_id=family.pk, organization=organization, categories=sent)
        referral = Referral.objects.create(
            family=family,
            from_organization_id=actor.organization_id,
            to_organization=organization,
            to_service=service,
            categories=sent,
            consent=consent,
            message=text,
            sent_by=actor,
        )
        audit_record(
            action=actions.REFERRAL_SEND,
            actor=actor,
            target=referral,
            request=request,
            details={
                "family": str(family.pk),
                "to_organization": str(organization.pk),
                "to_service": str(service.pk) if service is not None else None,
                "categories": sent,
                "consent": consent.pk,
            },
        )
        notices.referral_notice(referral=referral)
        return referral


# --- The receiving organisation ------------------------------------------------------------------


def _locked_for_receiver(actor: User, referral_id: uuid.UUID | str) -> Referral:
    """The referral, locked, if the actor may answer it: a professional of the receiving
    organisation while a consent in force covers what it sent; else NotFound (a referral whose
    consent was revoked is gone for the receiver, as if it never existed)."""
    pk = parse_id(referral_id)
    if not can_work_with_families(actor):
        raise NotFound()
    referral = (
        Referral.objects.select_for_update(of=("self",))
        .select_related("family", "to_organization")
        .filter(pk=pk)
        .first()
    )
    if referral is None:
        raise NotFound()
    grants = access.referral_grants(
        actor,
        [
            (
                referral.pk,
                referral.family_id,
                referral.to_organization_id,
                referral.categories,
                referral.status,
            )
        ],
    )
    if referral.pk not in grants:
        raise NotFound()
    require(can_answer_referrals(actor, referral.to_organization_id))
    return referral


def _record_move(
    referral: Referral,
    *,
    actor: User,
    action: Any,
    old: str,
    request: HttpRequest | None,
    **extra: Any,
) -> None:
    audit_record(
        action=action,
        actor=actor,
        target=referral,
        request=request,
        details={
            "family": str(referral.family_id),
            "from": old,
            "to": str(referral.status),
            **extra,
        },
    )
    notices.referral_notice(referral=referral)


def referral_accept(
    *,
    actor: User,
    referral_id: uuid.UUID | str,
    join_team_role: str | None = None,
    request: HttpRequest | None = None,
) -> Referral:
    """The receiver takes the referral on; with `join_team_role` the accepting professional
    joins the family's team in that role, in the same transaction (the consent that covers the
    referral names their organisation, as a team member's reads need)."""
    with transaction.atomic():
        referral = _locked_for_receiver(actor, referral_id)
        role = (join_team_role or "").strip()
        if role and role not in TeamRole.values:
            raise ValidationError({"join_team_role": _("Choose a role from the list.")})
        if role and not referral.family.is_open:
            raise ValidationError(
                {"join_team_role": _("The family's record is closed: nobody joins its team.")}
            )
        old = transitions.move(referral, ReferralStatus.ACCEPTED)
        referral.decided_by = actor
        referral.decided_at = timezone.now()
        referral.save(update_fields=["status", "decided_by", "decided_at"])
        joined = False
        if role:
            already = TeamMember.objects.filter(
                family_id=referral.family_id, user=actor, removed_at__isnull=True
            ).exists()
            if not already:
                member_create(
                    family_id=referral.family_id,
                    user=actor,
                    organization_id=referral.to_organization_id,
                    role=role,
                    actor=actor,
                    request=request,
                    referral=str(referral.pk),
                )
                joined = True
        _record_move(
            referral,
            actor=actor,
            action=actions.REFERRAL_ACCEPT,
            old=old,
            request=request,
            joined_team=joined,
        )
        return referral


def referral_decline(
    *,
    actor: User,
    referral_id: uuid.UUID | str,
    reason: str,
    request: HttpRequest | None = None,
) -> Referral:
    with transaction.atomic():
        referral = _locked_for_receiver(actor, referral_id)
        text = clean_text(
            reason,
            field="reason",
            limit=REASON_MAX_LENGTH,
            required=_("Say why the referral is declined: the sender and the family read it."),
        )
        old = transitions.move(referral, ReferralStatus.DECLINED)
        referral.decided_by = actor
        referral.decided_at = timezone.now()
        referral.decline_reason = text
        referral.save(update_fields=["status", "decided_by", "decided_at", "decline_reason"])
        _record_move(
            referral, actor=actor, action=actions.REFERRAL_DECLINE, old=old, request=request
        )
        return referral


def referral_done(
    *,
    actor: User,
    referral_id: uuid.UUID | str,
    request: HttpRequest | None = None,
) -> Referral:
    with transaction.atomic():
        referral = _locked_for_receiver(actor, referral_id)
        old = transitions.move(referral, ReferralStatus.DONE)
        referral.finished_at = timezone.now()
        referral.save(update_fields=["status", "finished_at"])
        _record_move(referral, actor=actor, action=actions.REFERRAL_DONE, old=old, request=request)
        return referral


# --- The sending side ----------------------------------------------------------------------------


def may_withdraw(family_access: selectors.FamilyAccess, referral: Referral, actor: User) -> bool:
    """The responsible worker, or the professional who sent it while they still may read the
    family's referrals; only a referral not yet finished."""
    if referral.family_id != family_access.family.pk or referral.status in transitions.FINAL:
        return False
    if family_access.is_responsible:
        return True
    grant = family_access.grants.grants.get(DataCategory.REFERRALS.value)
    return (
        referral.sent_by_id == actor.pk and grant is not None and grant.basis == AccessBasis.CONSENT
    )


def referral_withdraw(
    *,
    actor: User,
    family_id: uuid.UUID | str,
    referral_id: uuid.UUID | str,
    request: HttpRequest | None = None,
) -> Referral:
    with transaction.atomic():
        family_access = lock_family(actor, family_id, [DataCategory.REFERRALS])
        grant = family_access.grants.grants.get(DataCategory.REFERRALS.value)
        if grant is None:
            raise NotFound()
        pk = parse_id(referral_id)
        referral = (
            Referral.objects.select_for_update(of=("self",))
            .filter(pk=pk, family=family_access.family)
            .first()
        )
        if referral is None:
            raise NotFound()
        require(
            family_access.is_responsible
            or (referral.sent_by_id == actor.pk and grant.basis == AccessBasis.CONSENT)
        )
        old = transitions.move(referral, ReferralStatus.WITHDRAWN)
        referral.finished_at = timezone.now()
        referral.save(update_fields=["status", "finished_at"])
        _record_move(
            referral, actor=actor, action=actions.REFERRAL_WITHDRAW, old=old, request=request
        )
        return referral
