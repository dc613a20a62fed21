"""The family's team: professionals from several organisations, each with a role on this
family's team. The responsible worker adds, changes and removes members. A member's reads need a
consent in force that names their organisation (`access.py`): adding someone whose organisation
no such consent names is refused with a message saying which consent is missing, rather than
adding a member who would find nothing."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from perhekeskus.accounts.models import User
from perhekeskus.accounts.selectors import user_get_active
from perhekeskus.audit.services import audit_record
from perhekeskus.core.errors import NotFound
from perhekeskus.families import actions
from perhekeskus.families.models import Consent, Family, TeamMember, TeamRole
from perhekeskus.families.policies import can_be_responsible_worker
from perhekeskus.families.services.records import lock_for_change


def _check_role(role: str) -> None:
    if role not in TeamRole.values:
        raise ValidationError({"role": _("Choose the role on the family's team.")})


def _member(family: Family, member_id: int) -> TeamMember:
    member = (
        TeamMember.objects.select_for_update()
        .filter(family=family, pk=member_id, removed_at__isnull=True)
        .first()
    )
    if member is None:
        raise NotFound()
    return member


def team_member_add(
    *,
    actor: User,
    family_id: uuid.UUID | str,
    user_id: int,
    role: str,
    request: HttpRequest | None = None,
) -> TeamMember:
    """Add a professional to the family's team with their role on it. Refused (on "user") when
    no consent in force names the professional's organisation."""
    with transaction.atomic():
        family = lock_for_change(actor, family_id).family
        _check_role(role)
        user = user_get_active(user_id=user_id) if user_id else None
        if user is None or not can_be_responsible_worker(user):
            raise ValidationError(
                {"user": _("Choose an active professional who works with families.")}
            )
        if user.pk == family.responsible_id:
            raise ValidationError(
                {"user": _("The responsible worker is not added to the team: they lead it.")}
            )
        if user.organization_id is None:
            raise ValidationError(
                {
                    "user": _(
                        "This professional belongs to no organisation, so no consent of the "
                        "family can name them."
                    )
                }
            )
        if TeamMember.objects.filter(family=family, user=user, removed_at__isnull=True).exists():
            raise ValidationError({"user": _("This professional is already on the team.")})
        assert user.organization is not None
        covered = (
            Consent.objects.effective(timezone.localdate())
            .filter(family=family, recipients=user.organization_id)
            .exists()
        )
        if not covered:
            raise ValidationError(
                {
                    "user": _(
                        "No consent in force names %(organisation)s as a recipient: record the "
                        "family's consent for sharing with it first."
                    )
                    % {"organisation": user.organization.name}
                }
            )
        member = member_create(
            family_id=family.pk,
            user=user,
            organization_id=user.organization_id,
            role=role,
            actor=actor,
            request=request,
        )
    return member


def member_create(
    *,
    family_id: uuid.UUID,
    user: User,
    organization_id: uuid.UUID,
    role: str,
    actor: User,
    request: HttpRequest | None = None,
    **details: str,
) -> TeamMember:
    """The member's row and its TEAM_ADD entry, in the caller's transaction, after the caller
    has checked that the user may join (`team_member_add`, or accepting a referral)."""
    member = TeamMember.objects.create(
        family_id=family_id,
        user=user,
        organization_id=organization_id,
        role=role,
        added_by=actor,
    )
    audit_record(
        action=actions.TEAM_ADD,
        actor=actor,
        target=member,
        request=request,
        details={
            "family": str(family_id),
            "user": user.pk,
            "organization": str(organization_id),
            "role": role,
            **details,
        },
    )
    return member


def team_member_update(
    *,
    actor: User,
    family_id: uuid.UUID | str,
    member_id: int,
    role: str,
    request: HttpRequest | None = None,
) -> TeamMember:
    """Change a member's role on the family's team."""
    with transaction.atomic():
        family = lock_for_change(actor, family_id).family
        member = _member(family, member_id)
        _check_role(role)
        old = member.role
        member.role = role
        member.save(update_fields=["role"])
        audit_record(
            action=actions.TEAM_UPDATE,
            actor=actor,
            target=member,
            request=request,
            details={"family": str(family.pk), "user": member.user_id, "from": old, "to": role},
        )
    return member


def team_member_remove(
    *,
    actor: User,
    family_id: uuid.UUID | str,
    member_id: int,
    request: HttpRequest | None = None,
) -> TeamMember:
    """Take a member off the team: their reads end at once; the row stays for the history."""
    with transaction.atomic():
        family = lock_for_change(actor, family_id).family
        member = _member(family, member_id)
        member.removed_at = timezone.now()
        member.removed_by = actor
        member.save(update_fields=["removed_at", "removed_by"])
        audit_record(
            action=actions.TEAM_REMOVE,
            actor=actor,
            target=member,
            request=request,
            details={"family": str(family.pk), "user": member.user_id, "role": member.role},
        )
    return member
