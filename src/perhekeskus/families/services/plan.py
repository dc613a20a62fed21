"""The family's support plan, its actions, network meetings and notes: every change of them.

Who writes: the family's responsible worker, or an active member of the family's team while a
consent in force names their organisation and covers the category written (plan, meetings or
notes). A reader under a law reads but never writes; a closed record is read-only. Each service
re-reads the family under `select_for_update` through the gate (`common.lock_family`), so that a
consent revoked a moment ago already refuses.

The plan is versioned: every change of the plan itself and every action added or changed stores
a `PlanVersion` whose snapshot (goals, follow-up, status and the actions, as JSON) is encrypted
at rest like everything typed about the family.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from perhekeskus.accounts.models import User
from perhekeskus.audit.services import audit_record
from perhekeskus.core.errors import NotFound
from perhekeskus.core.policies import require
from perhekeskus.families import actions, notices, selectors
from perhekeskus.families.access import RESPONSIBLE_ROLE
from perhekeskus.families.models import (
    AccessBasis,
    ActionStatus,
    Child,
    DataCategory,
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
from perhekeskus.families.policies import is_responsible
from perhekeskus.families.selectors import FamilyAccess
from perhekeskus.families.services.common import clean_text, lock_family

GOALS_MAX = 8000
ACTION_TEXT_MAX = 1000
ASSIGNEE_TEXT_MAX = 100
MINUTES_MAX = 10000
NOTE_MAX = 8000
PLACE_MAX = 200
AGREED_MAX = 20


class Keep(enum.Enum):
    """`action_update`'s "leave this as it is"."""

    KEEP = "keep"


KEEP = Keep.KEEP


@dataclass(frozen=True)
class AgreedItem:
    """One thing agreed in a network meeting: it becomes a plan action linked to the meeting."""

    text: str
    assignee_id: int | None = None
    assignee_text: str = ""
    due_on: dt.date | None = None


# --- Who may write ------------------------------------------------------------------------------


def can_write(actor: User, family_access: FamilyAccess, category: str) -> bool:
    """Write `category` (plan, meetings or notes) of this family: the responsible worker, or a
    team member whose consent-based grant covers it; never under a law, never when closed."""
    family = family_access.family
    if not family.is_open or family.anonymized_at is not None:
        return False
    if is_responsible(actor, family):
        return True
    grant = family_access.grants.grants.get(str(category))
    return (
        grant is not None
        and grant.basis == AccessBasis.CONSENT
        and bool(family_access.grants.role)
        and family_access.grants.role != RESPONSIBLE_ROLE
    )


def _writer_access(actor: User, family_id: uuid.UUID | str, category: str) -> FamilyAccess:
    """The family re-read under lock through the gate, and the writer's policy checked against
    it. Not readable at all is NotFound (404); readable but not writable is PolicyDenied (403)."""
    family_access = lock_family(actor, family_id, [category])
    family = family_access.family
    require(
        family.is_open and family.anonymized_at is None,
        _("This family's record is closed: nothing can be added to it any more."),
    )
    require(
        can_write(actor, family_access, category),
        _(
            "Only the family's responsible worker, or a team member whose organisation the "
            "family's consent covers for this, can write it."
        ),
    )
    return family_access


# --- Helpers ------------------------------------------------------------------------------------


def _assignable_ids(family_access: FamilyAccess) -> set[int]:
    """Who an action can be given to: the responsible worker and the active team."""
    family = family_access.family
    ids = set(
        TeamMember.objects.filter(family=family, removed_at__isnull=True).values_list(
            "user_id", flat=True
        )
    )
    if family.responsible_id is not None:
        ids.add(family.responsible_id)
    return ids


def _check_assignee(
    family_access: FamilyAccess,
    assignee_id: int | None,
    assignee_text: str,
    *,
    field: str = "assignee",
    text_field: str = "assignee_text",
) -> tuple[int | None, str]:
    text = clean_text(assignee_text, field=text_field, limit=ASSIGNEE_TEXT_MAX)
    if assignee_id is not None:
        if assignee_id not in _assignable_ids(family_access):
            raise ValidationError(
                {field: _("Choose the responsible worker or a member of the family's team.")}
            )
        return assignee_id, ""
    if not text:
        raise ValidationError(
            {
                field: _(
                    "Say who does it: choose someone on the team, or write who "
                    "(for example “Mother” or “The family”)."
                )
            }
        )
    return None, text


def _plan_for_update(family_access: FamilyAccess) -> SupportPlan:
    """The family's plan, locked; made (empty, in force) when it has none yet. The family's row
    is already locked, so two writers never make two plans."""
    plan = SupportPlan.objects.select_for_update().filter(family=family_access.family).first()
    if plan is None:
        plan = SupportPlan.objects.create(family=family_access.family)
    return plan


def snapshot_of(plan: SupportPlan) -> dict[str, Any]:
    """The plan as it is now: what a version stores."""
    rows = PlanAction.objects.filter(plan=plan).select_related("assignee").order_by("pk")
    return {
        "goals": plan.goals,
        "follow_up_on": plan.follow_up_on.isoformat() if plan.follow_up_on else None,
        "status": plan.status,
        "actions": [
            {
                "id": action.pk,
                "text": action.text,
                "assignee_id": action.assignee_id,
                "assignee_name": action.assignee.full_name if action.assignee else "",
                "assignee_text": action.assignee_text,
                "due_on": action.due_on.isoformat() if action.due_on else None,
                "status": action.status,
                "meeting_id": action.meeting_id,
            }
            for action in rows
        ],
    }


def _store_version(plan: SupportPlan, actor: User) -> PlanVersion:
    plan.version += 1
    plan.updated_by = actor
    plan.save(update_fields=["version", "updated_by", "updated_at"])
    return PlanVersion.objects.create(
        plan=plan,
        number=plan.version,
        snapshot=json.dumps(snapshot_of(plan), ensure_ascii=False, sort_keys=True),
        created_by=actor,
    )


def _new_action(
    plan: SupportPlan,
    *,
    actor: User,
    text: str,
    assignee_id: int | None,
    assignee_text: str,
    due_on: dt.date | None,
    meeting: NetworkMeeting | None = None,
) -> PlanAction:
    return PlanAction.objects.create(
        plan=plan,
        text=text,
        assignee_id=assignee_id,
        assignee_text=assignee_text,
        due_on=due_on,
        meeting=meeting,
        created_by=actor,
    )


# --- The plan -----------------------------------------------------------------------------------


def plan_update(
    *,
    actor: User,
    family_id: uuid.UUID | str,
    goals: str,
    follow_up_on: dt.date | None,
    status: str,
    request: HttpRequest | None = None,
) -> SupportPlan:
    """The plan's goals (in the family's own words), next follow-up and status; a new version."""
    with transaction.atomic():
        family_access = _writer_access(actor, family_id, DataCategory.PLAN)
        goals = clean_text(
            goals,
            field="goals",
            limit=GOALS_MAX,
            required=_("Write the goals, in the family's own words."),
        )
        if status not in PlanStatus.values:
            raise ValidationError({"status": _("Choose the plan's status.")})
        plan = _plan_for_update(family_access)
        if not family_access.sees_protected_addresses:
            goals = selectors.restore_blanked(family_access.family, plan.goals, goals)
        plan.goals = goals
        plan.follow_up_on = follow_up_on
        plan.status = status
        plan.save(update_fields=["goals", "follow_up_on", "status", "updated_at"])
        version = _store_version(plan, actor)
        audit_record(
            action=actions.PLAN_UPDATE,
            actor=actor,
            target=plan,
            request=request,
            details={"family": str(plan.family_id), "version": version.number, "status": status},
        )
    return plan


def action_add(
    *,
    actor: User,
    family_id: uuid.UUID | str,
    text: str,
    assignee_id: int | None = None,
    assignee_text: str = "",
    due_on: dt.date | None = None,
    meeting_id: int | None = None,
    request: HttpRequest | None = None,
) -> PlanAction:
    """Who does what by when: a new action of the plan; a new version."""
    with transaction.atomic():
        family_access = _writer_access(actor, family_id, DataCategory.PLAN)
        text = clean_text(
            text, field="text", limit=ACTION_TEXT_MAX, required=_("Write what is done.")
        )
        assignee_id, assignee_text = _check_assignee(family_access, assignee_id, assignee_text)
        meeting = None
        if meeting_id is not None:
            meeting = NetworkMeeting.objects.filter(
                pk=meeting_id, family=family_access.family
            ).first()
            if meeting is None:
                raise ValidationError({"meeting": _("Choose a meeting of this family.")})
        plan = _plan_for_update(family_access)
        action = _new_action(
            plan,
            actor=actor,
            text=text,
            assignee_id=assignee_id,
            assignee_text=assignee_text,
            due_on=due_on,
            meeting=meeting,
        )
        version = _store_version(plan, actor)
        audit_record(
            action=actions.ACTION_UPDATE,
            actor=actor,
            target=action,
            request=request,
            details={
                "family": str(plan.family_id),
                "change": "add",
                "version": version.number,
                "meeting": meeting.pk if meeting else None,
            },
        )
    return action


def action_update(
    *,
    actor: User,
    family_id: uuid.UUID | str,
    action_id: int,
    status: str,
    text: str | Literal[Keep.KEEP] = KEEP,
    assignee_id: int | Literal[Keep.KEEP] | None = KEEP,
    assignee_text: str | Literal[Keep.KEEP] = KEEP,
    due_on: dt.date | Literal[Keep.KEEP] | None = KEEP,
    request: HttpRequest | None = None,
) -> PlanAction:
    """An action's status (to do, done, cancelled) and, where given, what, who and by when;
    a new version when anything changed."""
    with transaction.atomic():
        family_access = _writer_access(actor, family_id, DataCategory.PLAN)
        action = (
            PlanAction.objects.select_for_update()
            .filter(pk=action_id, plan__family=family_access.family)
            .first()
        )
        if action is None:
            raise NotFound()
        if status not in ActionStatus.values:
            raise ValidationError({"status": _("Choose the action's status.")})
        before = (action.text, action.assignee_id, action.assignee_text, action.due_on)
        before_status = action.status
        if text is not KEEP and not family_access.sees_protected_addresses:
            text = selectors.restore_blanked(family_access.family, action.text, text)
        if text is not KEEP:
            action.text = clean_text(
                text, field="text", limit=ACTION_TEXT_MAX, required=_("Write what is done.")
            )
        if assignee_id is not KEEP or assignee_text is not KEEP:
            new_id = action.assignee_id if assignee_id is KEEP else assignee_id
            new_text = action.assignee_text if assignee_text is KEEP else assignee_text
            if assignee_id is not KEEP and assignee_id is not None:
                new_text = ""
            action.assignee_id, action.assignee_text = _check_assignee(
                family_access, new_id, new_text
            )
        if due_on is not KEEP:
            action.due_on = due_on
        if status != before_status:
            action.status = status
            action.done_at = timezone.now() if status == ActionStatus.DONE else None
        after = (action.text, action.assignee_id, action.assignee_text, action.due_on)
        if before == after and status == before_status:
            return action
        action.save()
        plan = SupportPlan.objects.select_for_update().get(pk=action.plan_id)
        version = _store_version(plan, actor)
        audit_record(
            action=actions.ACTION_UPDATE,
            actor=actor,
            target=action,
            request=request,
            details={
                "family": str(plan.family_id),
                "change": "update",
                "version": version.number,
                "status": action.status,
                "details_changed": before != after,
            },
        )
    return action


# --- Network meetings ---------------------------------------------------------------------------


def _people(
    family_access: FamilyAccess,
    *,
    guardian_ids: Iterable[int],
    child_ids: Iterable[int],
    professional_ids: Iterable[int],
) -> tuple[list[Guardian], list[Child], list[int]]:
    """The people chosen, each only from this family's own people and team."""
    family = family_access.family
    wanted_guardians = {int(pk) for pk in guardian_ids}
    wanted_children = {int(pk) for pk in child_ids}
    wanted_professionals = {int(pk) for pk in professional_ids}
    guardians = list(Guardian.objects.filter(family=family, pk__in=wanted_guardians))
    children = list(Child.objects.filter(family=family, pk__in=wanted_children))
    errors: dict[str, str] = {}
    if len(guardians) != len(wanted_guardians):
        errors["guardians"] = _("Choose only this family's guardians.")
    if len(children) != len(wanted_children):
        errors["children"] = _("Choose only this family's children.")
    if not wanted_professionals <= _assignable_ids(family_access):
        errors["professionals"] = _(
            "Choose only the responsible worker and members of the family's team."
        )
    if errors:
        raise ValidationError(errors)
    return guardians, children, sorted(wanted_professionals)


def _meeting_for_update(family_access: FamilyAccess, meeting_id: int) -> NetworkMeeting:
    meeting = (
        NetworkMeeting.objects.select_for_update()
        .filter(pk=meeting_id, family=family_access.family)
        .first()
    )
    if meeting is None:
        raise NotFound()
    return meeting


def meeting_plan(
    *,
    actor: User,
    family_id: uuid.UUID | str,
    starts_at: dt.datetime,
    place: str,
    guardian_ids: Sequence[int] = (),
    child_ids: Sequence[int] = (),
    professional_ids: Sequence[int] = (),
    request: HttpRequest | None = None,
) -> NetworkMeeting:
    """A network meeting planned: when, where, and who is invited. The invited guardians are
    told by e-mail (date, time and place only)."""
    with transaction.atomic():
        family_access = _writer_access(actor, family_id, DataCategory.MEETINGS)
        place = clean_text(
            place, field="place", limit=PLACE_MAX, required=_("Write where the meeting is.")
        )
        if "\n" in place or "\r" in place:
            raise ValidationError({"place": _("Write the place on one line.")})
        if selectors.names_a_family_address(family_access.family, place):
            raise ValidationError(
                {
                    "place": _(
                        "Write the place without anyone's home address: for example “At the "
                        "family's home”. Addresses are kept in the family's contact details."
                    )
                }
            )
        if starts_at is None:
            raise ValidationError({"starts_at": _("Write when the meeting is.")})
        if starts_at < timezone.now():
            raise ValidationError({"starts_at": _("A meeting is planned for a time to come.")})
        guardians, children, professionals = _people(
            family_access,
            guardian_ids=guardian_ids,
            child_ids=child_ids,
            professional_ids=professional_ids,
        )
        if not guardians and not children and not professionals:
            raise ValidationError({"guardians": _("Invite at least one person.")})
        meeting = NetworkMeeting.objects.create(
            family=family_access.family, starts_at=starts_at, place=place, created_by=actor
        )
        meeting.guardians.set(guardians)
        meeting.children.set(children)
        meeting.professionals.set(professionals)
        audit_record(
            action=actions.MEETING_PLAN,
            actor=actor,
            target=meeting,
            request=request,
            details={
                "family": str(meeting.family_id),
                "guardians": len(guardians),
                "children": len(children),
                "professionals": len(professionals),
            },
        )
        notices.meeting_notice(meeting=meeting)
    return meeting


def meeting_record(
    *,
    actor: User,
    family_id: uuid.UUID | str,
    meeting_id: int,
    minutes: str,
    agreed: Sequence[AgreedItem] = (),
    guardian_ids: Sequence[int] = (),
    child_ids: Sequence[int] = (),
    professional_ids: Sequence[int] = (),
    request: HttpRequest | None = None,
) -> NetworkMeeting:
    """A meeting held: who took part (these replace the invited), the minutes (what was agreed),
    and each agreed item as a plan action linked to the meeting (a new plan version). Agreed
    items go into the plan, so they need the plan too to be the writer's to write."""
    with transaction.atomic():
        family_access = _writer_access(actor, family_id, DataCategory.MEETINGS)
        meeting = _meeting_for_update(family_access, meeting_id)
        if meeting.status == MeetingStatus.CANCELLED:
            raise ValidationError(_("This meeting was cancelled: it has no minutes."))
        if meeting.status == MeetingStatus.HELD:
            # Once: a second recording would add its agreed items to the plan again.
            raise ValidationError(_("The minutes of this meeting have already been written."))
        if meeting.starts_at > timezone.now():
            raise ValidationError(
                {"minutes": _("The minutes are written once the meeting has begun.")}
            )
        minutes = clean_text(
            minutes,
            field="minutes",
            limit=MINUTES_MAX,
            required=_("Write what was agreed."),
        )
        guardians, children, professionals = _people(
            family_access,
            guardian_ids=guardian_ids,
            child_ids=child_ids,
            professional_ids=professional_ids,
        )
        if not guardians and not children and not professionals:
            raise ValidationError({"guardians": _("Say who took part.")})
        items = [(n, item) for n, item in enumerate(agreed, start=1) if item.text.strip()]
        if len(items) > AGREED_MAX:
            raise ValidationError(
                _("At most %(count)d agreed items at a time.") % {"count": AGREED_MAX}
            )
        if items and not can_write(actor, family_access, DataCategory.PLAN):
            raise ValidationError(
                _(
                    "The family's consent does not cover the support plan for your "
                    "organisation: the agreed items cannot be added to the plan. Ask the "
                    "responsible worker to add them."
                )
            )
        checked: list[tuple[str, int | None, str, dt.date | None]] = []
        for number, item in items:
            text = clean_text(item.text, field=f"agreed_{number}_text", limit=ACTION_TEXT_MAX)
            who, who_text = _check_assignee(
                family_access,
                item.assignee_id,
                item.assignee_text,
                field=f"agreed_{number}_assignee",
                text_field=f"agreed_{number}_assignee_text",
            )
            checked.append((text, who, who_text, item.due_on))
        meeting.minutes = minutes
        meeting.status = MeetingStatus.HELD
        meeting.recorded_at = timezone.now()
        meeting.save(update_fields=["minutes", "status", "recorded_at"])
        meeting.guardians.set(guardians)
        meeting.children.set(children)
        meeting.professionals.set(professionals)
        version_number = None
        if checked:
            plan = _plan_for_update(family_access)
            for text, who, who_text, due in checked:
                _new_action(
                    plan,
                    actor=actor,
                    text=text,
                    assignee_id=who,
                    assignee_text=who_text,
                    due_on=due,
                    meeting=meeting,
                )
            version_number = _store_version(plan, actor).number
        audit_record(
            action=actions.MEETING_RECORD,
            actor=actor,
            target=meeting,
            request=request,
            details={
                "family": str(meeting.family_id),
                "agreed": len(checked),
                "plan_version": version_number,
                "guardians": len(guardians),
                "children": len(children),
                "professionals": len(professionals),
            },
        )
    return meeting


def meeting_cancel(
    *,
    actor: User,
    family_id: uuid.UUID | str,
    meeting_id: int,
    request: HttpRequest | None = None,
) -> NetworkMeeting:
    """A planned meeting cancelled; the invited guardians are told."""
    with transaction.atomic():
        family_access = _writer_access(actor, family_id, DataCategory.MEETINGS)
        meeting = _meeting_for_update(family_access, meeting_id)
        if meeting.status != MeetingStatus.PLANNED:
            raise ValidationError(_("Only a planned meeting can be cancelled."))
        meeting.status = MeetingStatus.CANCELLED
        meeting.save(update_fields=["status"])
        audit_record(
            action=actions.MEETING_CANCEL,
            actor=actor,
            target=meeting,
            request=request,
            details={"family": str(meeting.family_id)},
        )
        notices.meeting_notice(meeting=meeting)
    return meeting


# --- Notes --------------------------------------------------------------------------------------


def note_add(
    *,
    actor: User,
    family_id: uuid.UUID | str,
    text: str,
    request: HttpRequest | None = None,
) -> Note:
    with transaction.atomic():
        family_access = _writer_access(actor, family_id, DataCategory.NOTES)
        text = clean_text(text, field="text", limit=NOTE_MAX, required=_("Write the note."))
        note = Note.objects.create(family=family_access.family, author=actor, text=text)
        audit_record(
            action=actions.NOTE_ADD,
            actor=actor,
            target=note,
            request=request,
            details={"family": str(note.family_id)},
        )
    return note
