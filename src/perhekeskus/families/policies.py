"""Who may do what with a family's record. Reading is decided by the consent gate
(`access.py`), which these predicates start from: a professional who works with families. The
responsible worker manages the record; team members contribute where the family's consent covers
their organisation; coordinators review readings under a law but read no family's data."""

from __future__ import annotations

from perhekeskus.accounts.models import User
from perhekeskus.core.actors import Visitor
from perhekeskus.core.policies import is_coordinator, is_verified_member
from perhekeskus.core.roles import Role
from perhekeskus.families.models import Family


def can_work_with_families(actor: Visitor) -> bool:
    """A professional who works with families: opens records, is a responsible worker or a team
    member, answers their organisation's referrals, may read under a law."""
    return is_verified_member(actor) and actor.has_role(Role.PROFESSIONAL)


def is_responsible(actor: Visitor, family: Family) -> bool:
    """The family's current responsible worker, while they work with families (revoking the role
    revokes the record too)."""
    return (
        can_work_with_families(actor)
        and family.responsible_id is not None
        and family.responsible_id == getattr(actor, "pk", None)
    )


def can_manage_family(actor: Visitor, family: Family) -> bool:
    """Change the record itself (people, team, consents, responsible worker, closing), make a
    data-subject export, print the access log: the responsible worker, and only while open for
    changes (an anonymised record is changed by nobody)."""
    return is_responsible(actor, family) and family.anonymized_at is None


def can_answer_referrals(actor: Visitor, organization_id: object) -> bool:
    """Answer the referrals sent to an organisation: its professionals."""
    return (
        can_work_with_families(actor)
        and organization_id is not None
        and getattr(actor, "organization_id", None) == organization_id
    )


def can_review_legal_access(actor: Visitor) -> bool:
    return is_coordinator(actor)


def can_be_responsible_worker(user: User) -> bool:
    """Whom a record can be handed to: an active professional who works with families."""
    return bool(user.is_active and user.has_role(Role.PROFESSIONAL))
