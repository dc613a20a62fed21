"""Reading a family's support plan, its versions, network meetings and notes.

The professionals' readers take a `FamilyAccess` (the gate's proof, `selectors.access_family`)
and read only a category it logged (`FamilyAccess.require`). The two `*_for_family` readers
serve the family's own page: the signed-in guardian is of that family, and the page is theirs;
they show neither minutes nor notes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from perhekeskus.accounts.models import User
from perhekeskus.core.errors import NotFound
from perhekeskus.families.models import (
    ActionStatus,
    Child,
    DataCategory,
    Family,
    Guardian,
    MeetingStatus,
    NetworkMeeting,
    Note,
    PlanAction,
    PlanStatus,
    PlanVersion,
    SupportPlan,
    TeamMember,
)
from perhekeskus.families.selectors import (
    FamilyAccess,
    PersonContact,
    address_blanker,
    contact_details,
)

NOTES_ON_PAGE = 20


# --- Non-disclosed addresses typed into texts ----------------------------------------------------
#
# A non-disclosed address someone typed into the plan, an action, a meeting's place or minutes or
# a note is blanked (`selectors.address_blanker`) for every reader but the responsible worker, and
# on the family's own page for every guardian. The rows read are changed in memory only: the
# services re-read what they change, so a blanked text is never stored by a read.

Blank = Callable[[str], str]


def _blank_fields(blank: Blank, row: Any, *names: str) -> None:
    for name in names:
        setattr(row, name, blank(getattr(row, name)))


def blank_plan(blank: Blank, plan: SupportPlan | None) -> None:
    if plan is not None:
        _blank_fields(blank, plan, "goals")


def blank_actions(blank: Blank, actions: Iterable[PlanAction]) -> None:
    for action in actions:
        _blank_fields(blank, action, "text", "assignee_text")


def blank_meetings(blank: Blank, meetings: Iterable[NetworkMeeting]) -> None:
    """The place and the minutes, and the actions agreed in the meeting when they were read
    with it (`_meetings` prefetches them)."""
    for meeting in meetings:
        _blank_fields(blank, meeting, "place", "minutes")
        if "actions" in getattr(meeting, "_prefetched_objects_cache", {}):
            blank_actions(blank, meeting.actions.all())


def blank_notes(blank: Blank, notes: Iterable[Note]) -> None:
    for note in notes:
        _blank_fields(blank, note, "text")


# --- The plan -----------------------------------------------------------------------------------


def support_plan(family_access: FamilyAccess) -> SupportPlan | None:
    family_access.require(DataCategory.PLAN)
    plan = (
        SupportPlan.objects.filter(family=family_access.family).select_related("updated_by").first()
    )
    blank_plan(address_blanker(family_access), plan)
    return plan


def _actions(plan: SupportPlan) -> list[PlanAction]:
    return list(
        PlanAction.objects.filter(plan=plan)
        .select_related("assignee", "meeting")
        .order_by("due_on", "created_at", "pk")
    )


def plan_actions(family_access: FamilyAccess) -> list[PlanAction]:
    family_access.require(DataCategory.PLAN)
    plan = SupportPlan.objects.filter(family=family_access.family).first()
    actions = _actions(plan) if plan is not None else []
    blank_actions(address_blanker(family_access), actions)
    return actions


def plan_action(family_access: FamilyAccess, action_id: int) -> PlanAction:
    family_access.require(DataCategory.PLAN)
    action = (
        PlanAction.objects.filter(pk=action_id, plan__family=family_access.family)
        .select_related("assignee", "meeting")
        .first()
    )
    if action is None:
        raise NotFound()
    blank_actions(address_blanker(family_access), [action])
    return action


def plan_versions(family_access: FamilyAccess) -> list[PlanVersion]:
    """Every stored version, newest first, with who saved it and when."""
    family_access.require(DataCategory.PLAN)
    return list(
        PlanVersion.objects.filter(plan__family=family_access.family)
        .select_related("created_by")
        .defer("snapshot")
        .order_by("-number")
    )


@dataclass(frozen=True)
class VersionAction:
    text: str
    assignee_name: str
    assignee_text: str
    due_on: dt.date | None
    status: str
    meeting_id: int | None

    @property
    def who(self) -> str:
        return self.assignee_name or self.assignee_text

    @property
    def status_label(self) -> str:
        return str(ActionStatus(self.status).label) if self.status in ActionStatus.values else ""


@dataclass(frozen=True)
class VersionView:
    """One stored version as it was."""

    version: PlanVersion
    goals: str
    follow_up_on: dt.date | None
    status: str
    actions: list[VersionAction] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return str(PlanStatus(self.status).label) if self.status in PlanStatus.values else ""


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def plan_version(family_access: FamilyAccess, number: int) -> VersionView:
    family_access.require(DataCategory.PLAN)
    version = (
        PlanVersion.objects.filter(plan__family=family_access.family, number=number)
        .select_related("created_by")
        .first()
    )
    if version is None:
        raise NotFound()
    data = json.loads(version.snapshot or "{}")
    blank = address_blanker(family_access)
    return VersionView(
        version=version,
        goals=blank(str(data.get("goals", ""))),
        follow_up_on=_date(data.get("follow_up_on")),
        status=str(data.get("status", "")),
        actions=[
            VersionAction(
                text=blank(str(row.get("text", ""))),
                assignee_name=str(row.get("assignee_name", "")),
                assignee_text=blank(str(row.get("assignee_text", ""))),
                due_on=_date(row.get("due_on")),
                status=str(row.get("status", "")),
                meeting_id=row.get("meeting_id"),
            )
            for row in data.get("actions", [])
        ],
    )


# --- Who can be chosen --------------------------------------------------------------------------


def assignee_options(family_access: FamilyAccess) -> list[User]:
    """Whom an action can be given to or a meeting invite: the responsible worker and the active
    team (BASIC: who works with the family)."""
    family_access.require(DataCategory.BASIC)
    family = family_access.family
    users: dict[int, User] = {}
    if family.responsible is not None:
        users[family.responsible.pk] = family.responsible
    for member in (
        TeamMember.objects.filter(family=family, removed_at__isnull=True)
        .select_related("user", "user__organization")
        .order_by("added_at", "pk")
    ):
        users.setdefault(member.user.pk, member.user)
    return list(users.values())


def meeting_guardians(family_access: FamilyAccess) -> list[Guardian]:
    family_access.require(DataCategory.BASIC)
    return list(Guardian.objects.filter(family=family_access.family).order_by("created_at", "pk"))


def meeting_children(family_access: FamilyAccess) -> list[Child]:
    family_access.require(DataCategory.BASIC)
    return list(Child.objects.filter(family=family_access.family).order_by("birth_year", "pk"))


# --- Meetings -----------------------------------------------------------------------------------


def _meetings() -> QuerySet[NetworkMeeting]:
    return NetworkMeeting.objects.prefetch_related(
        Prefetch("guardians", queryset=Guardian.objects.order_by("created_at", "pk")),
        Prefetch("children", queryset=Child.objects.order_by("birth_year", "pk")),
        Prefetch("professionals", queryset=User.objects.order_by("full_name", "pk")),
        Prefetch(
            "actions",
            queryset=PlanAction.objects.select_related("assignee").order_by("created_at", "pk"),
        ),
    )


def family_meetings(family_access: FamilyAccess) -> list[NetworkMeeting]:
    """Every meeting of the family, the coming ones first (soonest first), then the past
    (newest first)."""
    family_access.require(DataCategory.MEETINGS)
    now = timezone.now()
    meetings = list(_meetings().filter(family=family_access.family))
    blank_meetings(address_blanker(family_access), meetings)
    coming = sorted(
        (m for m in meetings if m.status == MeetingStatus.PLANNED and m.starts_at >= now),
        key=lambda m: (m.starts_at, m.pk),
    )
    rest = sorted(
        (m for m in meetings if m not in coming),
        key=lambda m: (m.starts_at, m.pk),
        reverse=True,
    )
    return [*coming, *rest]


def family_meeting(family_access: FamilyAccess, meeting_id: int) -> NetworkMeeting:
    family_access.require(DataCategory.MEETINGS)
    meeting = _meetings().filter(pk=meeting_id, family=family_access.family).first()
    if meeting is None:
        raise NotFound()
    blank_meetings(address_blanker(family_access), [meeting])
    return meeting


@dataclass(frozen=True)
class Letter:
    """A meeting's invitation letter to one guardian. The address block comes from
    `selectors.contact_details`: a non-disclosed address is there only for the responsible
    worker; for anyone else `address_hidden` says so and `address` is empty. Without the CONTACT
    category `contact` is None and the letter has no address block."""

    meeting: NetworkMeeting
    guardian: Guardian
    contact: PersonContact | None
    responsible: User | None


def meeting_letter(family_access: FamilyAccess, meeting_id: int, guardian_id: int) -> Letter:
    """The invitation of a planned meeting to a guardian invited to it."""
    meeting = family_meeting(family_access, meeting_id)
    if meeting.status != MeetingStatus.PLANNED:
        raise NotFound()
    guardian = next((g for g in meeting.guardians.all() if g.pk == guardian_id), None)
    if guardian is None:
        raise NotFound()
    contact = None
    if family_access.can(DataCategory.CONTACT):
        contact = next(
            (
                row
                for row in contact_details(family_access)
                if isinstance(row.person, Guardian) and row.person.pk == guardian.pk
            ),
            None,
        )
    return Letter(
        meeting=meeting,
        guardian=guardian,
        contact=contact,
        responsible=family_access.family.responsible,
    )


# --- Notes --------------------------------------------------------------------------------------


def family_notes(family_access: FamilyAccess, limit: int | None = None) -> list[Note]:
    """The family's notes, newest first."""
    family_access.require(DataCategory.NOTES)
    notes = (
        Note.objects.filter(family=family_access.family)
        .select_related("author", "author__organization")
        .order_by("-created_at", "-pk")
    )
    rows = list(notes[:limit] if limit is not None else notes)
    blank_notes(address_blanker(family_access), rows)
    return rows


def family_notes_count(family_access: FamilyAccess) -> int:
    family_access.require(DataCategory.NOTES)
    return Note.objects.filter(family=family_access.family).count()


# --- The family's own page (no gate: the signed-in guardian's own family) ------------------------


@dataclass(frozen=True)
class FamilyPlan:
    plan: SupportPlan
    actions: list[PlanAction]


def plan_for_family(family: Family) -> FamilyPlan | None:
    """The family's plan in force or ended, with its actions (cancelled ones left out), for the
    family's own page. Only for a signed-in guardian of `family`."""
    plan = SupportPlan.objects.filter(family=family).first()
    if plan is None:
        return None
    actions = [a for a in _actions(plan) if a.status != ActionStatus.CANCELLED]
    # Every non-disclosed address is blanked for a guardian: one guardian never reads another's.
    blank = address_blanker(family)
    blank_plan(blank, plan)
    blank_actions(blank, actions)
    return FamilyPlan(plan=plan, actions=actions)


def upcoming_meetings_for_family(family: Family) -> list[NetworkMeeting]:
    """The family's planned meetings still to come, soonest first (when, where, who is
    invited; never minutes), for the family's own page. Only for a signed-in guardian of
    `family`."""
    meetings = list(
        NetworkMeeting.objects.filter(
            family=family, status=MeetingStatus.PLANNED, starts_at__gte=timezone.now()
        )
        .prefetch_related(
            Prefetch("guardians", queryset=Guardian.objects.order_by("created_at", "pk")),
            Prefetch("children", queryset=Child.objects.order_by("birth_year", "pk")),
            Prefetch("professionals", queryset=User.objects.order_by("full_name", "pk")),
        )
        .order_by("starts_at", "pk")
    )
    blank_meetings(address_blanker(family), meetings)
    return meetings
