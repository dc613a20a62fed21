"""What the family page's record sections show (overview, contact, team, history). The page's
shell read the family through the gate once; BASIC is always among what it read, CONTACT only
when granted (else the section says the consent does not cover it). Addresses come from
`selectors.contact_details` alone, which hides a non-disclosed one from all but the responsible
worker."""

from __future__ import annotations

from typing import Any

from perhekeskus.accounts.models import User
from perhekeskus.families import selectors, selectors_records
from perhekeskus.families.models import DataCategory, Guardian
from perhekeskus.families.policies import can_manage_family
from perhekeskus.families.selectors import FamilyAccess
from perhekeskus.families.services.records import can_hand_over


def section_context(actor: User, family_access: FamilyAccess) -> dict[str, Any]:
    family = family_access.family
    may_manage = can_manage_family(actor, family) and family.is_open
    context: dict[str, Any] = {
        "record_may_manage": may_manage,
        "record_may_hand_over": can_hand_over(actor, family),
        "record_is_responsible": family_access.is_responsible,
        "record_guardians": selectors_records.people_rows(
            selectors.family_guardians(family_access)
        ),
        "record_children": selectors_records.people_rows(selectors.family_children(family_access)),
        "record_team": selectors.family_team(family_access),
        "record_handovers": selectors_records.family_handovers(family_access),
        "record_team_history": [
            member
            for member in selectors_records.family_team_history(family_access)
            if member.removed_at is not None
        ],
        "record_shows_contact": family_access.can(DataCategory.CONTACT),
        "record_contacts": None,
    }
    if family_access.can(DataCategory.CONTACT):
        contacts = selectors.contact_details(family_access)
        context["record_contacts"] = {
            "guardians": [c for c in contacts if isinstance(c.person, Guardian)],
            "children": [c for c in contacts if not isinstance(c.person, Guardian)],
        }
    return context
