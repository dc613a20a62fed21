"""What the family page's referrals and corrections sections show (owned by the referrals part
of the app). Each part is there only when the reader may read it: the referrals with the
REFERRALS grant, the data-subject rights (exports and correction requests) for the responsible
worker only."""

from __future__ import annotations

from typing import Any

from perhekeskus.accounts.models import User
from perhekeskus.families import selectors, selectors_referrals
from perhekeskus.families.models import DataCategory
from perhekeskus.families.policies import can_manage_family
from perhekeskus.families.selectors import FamilyAccess
from perhekeskus.families.services.referrals import may_send, may_withdraw


def section_context(actor: User, family_access: FamilyAccess) -> dict[str, Any]:
    context: dict[str, Any] = {"referrals_family": family_access.family}
    if family_access.can(DataCategory.REFERRALS):
        context["referral_rows"] = [
            {"referral": referral, "may_withdraw": may_withdraw(family_access, referral, actor)}
            for referral in selectors_referrals.referrals_of_family(family_access)
        ]
        context["referral_may_send"] = may_send(family_access)
    if family_access.is_responsible:
        context["subject_corrections"] = selectors_referrals.corrections_of_family(family_access)
        context["subject_may_manage"] = can_manage_family(actor, family_access.family)
        context["subject_guardians"] = selectors.family_guardians(family_access)
        context["subject_children"] = selectors.family_children(family_access)
    return context
