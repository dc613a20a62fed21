"""What the family page's plan, meetings and notes sections show. The family page's shell read
the family through the gate once; each part here is read only when that read granted (and
logged) its category, and the section templates say so when it did not."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from perhekeskus.accounts.models import User
from perhekeskus.families import selectors_plan
from perhekeskus.families.models import DataCategory, NetworkMeeting, Note, PlanAction, SupportPlan
from perhekeskus.families.selectors import FamilyAccess
from perhekeskus.families.services.plan import can_write

NOTES_SHOWN = 5
MEETINGS_SHOWN = 10


@dataclass
class PlanSection:
    family_access: FamilyAccess
    shows_plan: bool = False
    shows_meetings: bool = False
    shows_notes: bool = False
    can_write_plan: bool = False
    can_write_meetings: bool = False
    can_write_notes: bool = False
    plan: SupportPlan | None = None
    actions: list[PlanAction] = field(default_factory=list)
    meetings: list[NetworkMeeting] = field(default_factory=list)
    more_meetings: int = 0
    notes: list[Note] = field(default_factory=list)
    notes_count: int = 0

    @property
    def family(self) -> Any:
        return self.family_access.family

    @property
    def open_actions(self) -> list[PlanAction]:
        return [action for action in self.actions if action.status == "open"]


def section_context(actor: User, family_access: FamilyAccess) -> dict[str, Any]:
    section = PlanSection(
        family_access=family_access,
        can_write_plan=can_write(actor, family_access, DataCategory.PLAN),
        can_write_meetings=can_write(actor, family_access, DataCategory.MEETINGS),
        can_write_notes=can_write(actor, family_access, DataCategory.NOTES),
    )
    if family_access.can(DataCategory.PLAN):
        section.shows_plan = True
        section.plan = selectors_plan.support_plan(family_access)
        section.actions = selectors_plan.plan_actions(family_access)
    if family_access.can(DataCategory.MEETINGS):
        section.shows_meetings = True
        meetings = selectors_plan.family_meetings(family_access)
        section.meetings = meetings[:MEETINGS_SHOWN]
        section.more_meetings = max(len(meetings) - MEETINGS_SHOWN, 0)
    if family_access.can(DataCategory.NOTES):
        section.shows_notes = True
        section.notes = selectors_plan.family_notes(family_access, limit=NOTES_SHOWN)
        section.notes_count = selectors_plan.family_notes_count(family_access)
    return {"plan_section": section}
