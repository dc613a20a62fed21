"""What the families API takes and answers: the list's parameters, the documented shapes
(`catalog.api.register_shape`, checked against real answers by the tests) and the functions
that write a family as JSON from what the gate let through.

Nothing here reads a table: every value comes from a `selectors.FamilyRow` (the list) or from
the section selectors given a `selectors.FamilyAccess` (one family). An address comes only from
`selectors.contact_details`, which blanks a non-disclosed one for everyone but the responsible
worker; the answer then says `address_hidden`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from perhekeskus.accounts.models import User
from perhekeskus.catalog.api import LanguageParams, register_shape
from perhekeskus.catalog.api.params import MAX_PAGE, MAX_SEARCH
from perhekeskus.catalog.models import Municipality, Organization
from perhekeskus.families.models import (
    Child,
    FamilyStatus,
    Guardian,
    NetworkMeeting,
    Note,
    PlanAction,
    Referral,
    SupportPlan,
    TeamMember,
)
from perhekeskus.families.selectors import FamilyAccess, FamilyRow, PersonContact

register_shape("FamilyOrganization", "id:uuid! name!")
register_shape("FamilyMunicipality", "code! name!")
register_shape("FamilyWorker", "name! organization:FamilyOrganization?!")
register_shape("FamilyChildBasic", "id:int! name! birth_year:int?! age:int?!")
register_shape(
    "FamilyListItem",
    "id:uuid! name! status! municipality:FamilyMunicipality! opened_at:datetime! "
    "closed_at:datetime?! anonymised:bool! responsible:FamilyWorker?! your_role! basis! "
    "children:[FamilyChildBasic]!",
)
register_shape(
    "FamilyGuardianBasic",
    "id:int! name! custody_role! preferred_language! interpreter_needed:bool! "
    "interpreter_language!",
)
register_shape("FamilyTeamMember", "id:int! name! role! organization:FamilyOrganization!")
register_shape(
    "FamilyContact",
    "kind! person_id:int! name! address! address_protected:bool! address_hidden:bool! email! "
    "phone!",
)
register_shape("FamilyPlanAction", "id:int! text! who! due_on:date?! status! meeting_id:int?!")
register_shape(
    "FamilyPlan",
    "goals! follow_up_on:date?! status! version:int! updated_at:datetime! "
    "actions:[FamilyPlanAction]!",
)
register_shape(
    "FamilyMeeting",
    "id:int! starts_at:datetime! place! status! minutes! guardian_ids:[int]! child_ids:[int]! "
    "professionals:[str]!",
)
register_shape("FamilyNote", "id:int! author! written_at:datetime! text!")
register_shape(
    "FamilyReferral",
    "id:uuid! from_organization:FamilyOrganization! to_organization:FamilyOrganization! "
    "categories:[str]! status! message! sent_at:datetime! answered_at:datetime?! "
    "decline_reason! finished_at:datetime?!",
)
register_shape(
    "Family",
    "id:uuid! name! status! close_reason! municipality:FamilyMunicipality! "
    "organization:FamilyOrganization! language! opened_at:datetime! closed_at:datetime?! "
    "anonymised_at:datetime?! responsible:FamilyWorker?! your_role! basis! categories:[str]! "
    "children:[FamilyChildBasic]! guardians:[FamilyGuardianBasic]! team:[FamilyTeamMember]! "
    "contact:[FamilyContact] plan:FamilyPlan? meetings:[FamilyMeeting] notes:[FamilyNote] "
    "referrals:[FamilyReferral]",
)

STATUS_ALL = "all"


class FamilyListParams(LanguageParams):
    """The professional's list, filtered as on the families page."""

    status = serializers.ChoiceField(
        choices=[*FamilyStatus.values, STATUS_ALL],
        required=False,
        default=FamilyStatus.OPEN.value,
        help_text=_("open (the default), closed or all."),
    )
    search = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=MAX_SEARCH,
        help_text=_(
            "A family's exact name, or a child's or guardian's personal identity code. Nothing "
            "else is searched."
        ),
    )
    page = serializers.IntegerField(
        min_value=1,
        max_value=MAX_PAGE,
        default=1,
        help_text=_(
            "Page number, from 1; 50 families to a page. A page past the last is the last."
        ),
    )


def _moment(value: dt.datetime | None) -> str | None:
    return timezone.localtime(value).isoformat() if value is not None else None


def _organization(organization: Organization | None) -> dict[str, str] | None:
    if organization is None:
        return None
    return {"id": str(organization.pk), "name": organization.name}


def _municipality(municipality: Municipality) -> dict[str, str]:
    return {"code": municipality.code, "name": municipality.name}


def _worker(user: User | None, *, with_organization: bool) -> dict[str, Any] | None:
    if user is None:
        return None
    return {
        "name": user.get_full_name() or user.email,
        "organization": _organization(user.organization) if with_organization else None,
    }


def _child(child: Child, today: dt.date) -> dict[str, Any]:
    return {
        "id": child.pk,
        "name": child.name,
        "birth_year": child.birth_year,
        "age": child.age_on(today),
    }


def _basis(grants: Any) -> str:
    """The basis of the BASIC read: responsible, consent or law."""
    grant = grants.grants.get("basic")
    return str(grant.basis) if grant is not None else ""


def family_row_json(row: FamilyRow) -> dict[str, Any]:
    family = row.family
    today = timezone.localdate()
    return {
        "id": str(family.pk),
        "name": family.name,
        "status": family.status,
        "municipality": _municipality(family.municipality),
        "opened_at": _moment(family.opened_at),
        "closed_at": _moment(family.closed_at),
        "anonymised": family.anonymized_at is not None,
        "responsible": _worker(family.responsible, with_organization=False),
        "your_role": row.role,
        "basis": _basis(row.grants),
        "children": [_child(child, today) for child in row.children],
    }


def _guardian(guardian: Guardian) -> dict[str, Any]:
    return {
        "id": guardian.pk,
        "name": guardian.name,
        "custody_role": guardian.custody_role,
        "preferred_language": guardian.preferred_language,
        "interpreter_needed": guardian.interpreter_needed,
        "interpreter_language": guardian.interpreter_language,
    }


def _member(member: TeamMember) -> dict[str, Any]:
    return {
        "id": member.pk,
        "name": member.user.get_full_name() or member.user.email,
        "role": member.role,
        "organization": _organization(member.organization),
    }


def _contact(contact: PersonContact) -> dict[str, Any]:
    person = contact.person
    return {
        "kind": "guardian" if isinstance(person, Guardian) else "child",
        "person_id": person.pk,
        "name": person.name,
        # "" when non-disclosed and the reader is not the responsible worker (contact_details).
        "address": contact.address,
        "address_protected": contact.address_protected,
        "address_hidden": contact.address_hidden,
        "email": contact.email,
        "phone": contact.phone,
    }


def _name(user: User | None) -> str:
    return (user.get_full_name() or user.email) if user is not None else ""


def _action(action: PlanAction, blank: Callable[[str], str]) -> dict[str, Any]:
    return {
        "id": action.pk,
        "text": blank(action.text),
        "who": _name(action.assignee) or blank(action.assignee_text),
        "due_on": action.due_on.isoformat() if action.due_on else None,
        "status": action.status,
        "meeting_id": action.meeting_id,
    }


def _plan(
    plan: SupportPlan | None, actions: list[PlanAction], blank: Callable[[str], str]
) -> dict[str, Any] | None:
    if plan is None:
        return None
    return {
        "goals": blank(plan.goals),
        "follow_up_on": plan.follow_up_on.isoformat() if plan.follow_up_on else None,
        "status": plan.status,
        "version": plan.version,
        "updated_at": _moment(plan.updated_at),
        "actions": [_action(action, blank) for action in actions],
    }


def _meeting(meeting: NetworkMeeting, blank: Callable[[str], str]) -> dict[str, Any]:
    return {
        "id": meeting.pk,
        "starts_at": _moment(meeting.starts_at),
        "place": blank(meeting.place),
        "status": meeting.status,
        "minutes": blank(meeting.minutes),
        "guardian_ids": [guardian.pk for guardian in meeting.guardians.all()],
        "child_ids": [child.pk for child in meeting.children.all()],
        "professionals": [_name(user) for user in meeting.professionals.all()],
    }


def _note(note: Note, blank: Callable[[str], str]) -> dict[str, Any]:
    return {
        "id": note.pk,
        "author": _name(note.author),
        "written_at": _moment(note.created_at),
        "text": blank(note.text),
    }


def _referral(referral: Referral, blank: Callable[[str], str]) -> dict[str, Any]:
    return {
        "id": str(referral.pk),
        "from_organization": _organization(referral.from_organization),
        "to_organization": _organization(referral.to_organization),
        "categories": list(referral.categories),
        "status": referral.status,
        "message": blank(referral.message),
        "sent_at": _moment(referral.sent_at),
        "answered_at": _moment(referral.decided_at),
        "decline_reason": blank(referral.decline_reason),
        "finished_at": _moment(referral.finished_at),
    }


@dataclass
class Sections:
    """What the section selectors read for one family; None for a category not read."""

    children: list[Child]
    guardians: list[Guardian]
    team: list[TeamMember]
    contact: list[PersonContact] | None = None
    plan: tuple[SupportPlan | None, list[PlanAction]] | None = None
    meetings: list[NetworkMeeting] | None = None
    notes: list[Note] | None = None
    referrals: list[Referral] | None = None
    # Blanks a non-disclosed address typed into a text, for anyone but the responsible worker
    # (`selectors.address_blanker`, the one for pages, exports and the API alike; the section
    # selectors blank already, this is the answer's own last check).
    blank: Callable[[str], str] = field(default=lambda text: text)


def family_json(family_access: FamilyAccess, sections: Sections) -> dict[str, Any]:
    """One family as this reader may read it: only the categories read (`categories`); the
    sections of the others are left out of the answer."""
    family = family_access.family
    today = timezone.localdate()
    body: dict[str, Any] = {
        "id": str(family.pk),
        "name": family.name,
        "status": family.status,
        "close_reason": family.close_reason,
        "municipality": _municipality(family.municipality),
        "organization": _organization(family.organization),
        "language": family.language,
        "opened_at": _moment(family.opened_at),
        "closed_at": _moment(family.closed_at),
        "anonymised_at": _moment(family.anonymized_at),
        "responsible": _worker(family.responsible, with_organization=True),
        "your_role": family_access.grants.role,
        "basis": _basis(family_access.grants),
        "categories": sorted(family_access.read),
        "children": [_child(child, today) for child in sections.children],
        "guardians": [_guardian(guardian) for guardian in sections.guardians],
        "team": [_member(member) for member in sections.team],
    }
    if sections.contact is not None:
        body["contact"] = [_contact(item) for item in sections.contact]
    if sections.plan is not None:
        body["plan"] = _plan(*sections.plan, sections.blank)
    if sections.meetings is not None:
        body["meetings"] = [_meeting(meeting, sections.blank) for meeting in sections.meetings]
    if sections.notes is not None:
        body["notes"] = [_note(note, sections.blank) for note in sections.notes]
    if sections.referrals is not None:
        body["referrals"] = [_referral(referral, sections.blank) for referral in sections.referrals]
    return body
