"""Reads of referrals and of the data-subject rights' records, through the consent gate.

A referral is read by two sides. The family's side reads it on the family's page, as a section
under the FamilyAccess proof (`referrals_of_family`, category REFERRALS). The receiving
organisation reads it in its inbox and on the referral's page, on the referral's own grant
(`access.referral_grants`): the categories it sent, while a consent in force names the
organisation and covers every one of them. Each inbox row and each page logs what it read in
the family's access log; a referral whose consent was revoked is gone for the receiver at once.

The family's own page reads its referrals and a guardian's correction requests without a gate
(`referrals_for_family`, `corrections_for_family`): the signed-in guardian is the data subject.
`subject_data` assembles a data-subject export for the responsible worker.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from django.core.paginator import Page, Paginator
from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.utils import timezone

from perhekeskus.accounts.models import User
from perhekeskus.catalog.display import localized
from perhekeskus.catalog.models import Organization
from perhekeskus.core.errors import NotFound
from perhekeskus.families import access, selectors, selectors_plan
from perhekeskus.families.access import FamilyGrants
from perhekeskus.families.ids import parse_id
from perhekeskus.families.models import (
    AccessLogEntry,
    AccessPlace,
    Child,
    ChildView,
    Consent,
    ConsentGiven,
    CorrectionRequest,
    DataCategory,
    Family,
    Guardian,
    NetworkMeeting,
    Note,
    PlanAction,
    Referral,
    ReferralStatus,
    SupportPlan,
    TeamMember,
)
from perhekeskus.families.policies import can_work_with_families
from perhekeskus.families.selectors import FamilyAccess

INBOX_PAGE_SIZE = 25

# The inbox's filters: "open" (sent or accepted, the default), each status, or everything.
INBOX_OPEN = "open"
INBOX_ALL = "all"
INBOX_FILTERS: tuple[str, ...] = (INBOX_OPEN, *ReferralStatus.values, INBOX_ALL)
OPEN_STATUSES: tuple[str, ...] = (ReferralStatus.SENT.value, ReferralStatus.ACCEPTED.value)


def organization_name(organization: Organization | None) -> str:
    return localized(organization, "name").text if organization is not None else ""


# --- The receiving organisation ------------------------------------------------------------------


@dataclass
class ReceivedReferral:
    """A referral as a professional of the receiving organisation may read it: the row, the
    grant it rests on, and a FamilyAccess limited to the categories it sent (never the
    responsible worker's: a non-disclosed address stays hidden)."""

    referral: Referral
    grants: FamilyGrants
    family_access: FamilyAccess = field(init=False)

    def __post_init__(self) -> None:
        self.family_access = FamilyAccess(
            family=self.referral.family, grants=self.grants, read=set(self.grants.grants)
        )

    @property
    def family(self) -> Family:
        return self.referral.family


def _received(actor: User) -> QuerySet[Referral]:
    """The referrals sent to the actor's organisation for which a consent in force names the
    organisation at all (the SQL filter; `access.referral_grants` then checks the categories
    row by row, in one query for the page)."""
    if not can_work_with_families(actor) or actor.organization_id is None:
        return Referral.objects.none()
    consent = Consent.objects.effective(timezone.localdate()).filter(
        family=OuterRef("family_id"), recipients=actor.organization_id
    )
    return Referral.objects.filter(to_organization=actor.organization_id).filter(Exists(consent))


def _grants(actor: User, referrals: Iterable[Referral]) -> dict[uuid.UUID, FamilyGrants]:
    return access.referral_grants(
        actor,
        [
            (r.pk, r.family_id, r.to_organization_id, list(r.categories), r.status)
            for r in referrals
        ],
    )


def referral_inbox(
    *, actor: User, status: str = INBOX_OPEN, page: int | str = 1
) -> Page[ReceivedReferral]:
    """The actor's organisation's incoming referrals, newest first, a page at a time. A row is
    shown only while a consent in force covers what it sent; each shown row's reads (the family's
    basic information and the referral) are logged in one insert."""
    referrals = _received(actor)
    if status == INBOX_OPEN:
        referrals = referrals.filter(status__in=OPEN_STATUSES)
    elif status in ReferralStatus.values:
        referrals = referrals.filter(status=status)
    referrals = referrals.select_related(
        "family", "family__municipality", "from_organization", "to_service", "sent_by"
    ).order_by("-sent_at", "pk")
    paginator = Paginator(referrals, INBOX_PAGE_SIZE)
    current = paginator.get_page(page)
    rows = list(current.object_list)
    grants = _grants(actor, rows)
    visible = [ReceivedReferral(referral=r, grants=grants[r.pk]) for r in rows if r.pk in grants]
    with transaction.atomic():
        access.log_reads(
            actor,
            [
                (row.grants, category)
                for row in visible
                for category in (DataCategory.BASIC.value, DataCategory.REFERRALS.value)
            ],
            place=AccessPlace.LIST,
        )
    return Page(visible, current.number, cast("Paginator[ReceivedReferral]", paginator))


def referral_for_receiver(*, actor: User, referral_id: uuid.UUID | str) -> ReceivedReferral:
    """One incoming referral for its page: NotFound unless the actor is a professional of the
    receiving organisation and a consent in force covers what it sent. Every category it sent
    is logged as read."""
    pk = parse_id(referral_id)
    referral = (
        _received(actor)
        .select_related(
            "family",
            "family__municipality",
            "family__organization",
            "family__responsible",
            "from_organization",
            "to_organization",
            "to_service",
            "sent_by",
            "decided_by",
        )
        .filter(pk=pk)
        .first()
    )
    if referral is None:
        raise NotFound()
    grants = _grants(actor, [referral]).get(referral.pk)
    if grants is None:
        raise NotFound()
    with transaction.atomic():
        access.log_reads(
            actor,
            [(grants, category) for category in sorted(grants.grants)],
            place=AccessPlace.PAGE,
        )
    received = ReceivedReferral(referral=referral, grants=grants)
    # Never the responsible worker's grant: a non-disclosed address typed in is blanked.
    _blank_referrals(selectors.address_blanker(received.family_access), [referral])
    return received


@dataclass
class SentData:
    """What a referral sent, as its receiver reads it: each part only when its category was
    sent (and is still covered)."""

    children: list[Child]
    guardians: list[Guardian]
    team: list[TeamMember]
    contacts: list[selectors.PersonContact] | None = None
    plan: SupportPlan | None = None
    actions: list[PlanAction] = field(default_factory=list)
    meetings: list[NetworkMeeting] | None = None
    notes: list[Note] | None = None


def _plan(family: Family) -> tuple[SupportPlan | None, list[PlanAction]]:
    plan = SupportPlan.objects.filter(family=family).first()
    if plan is None:
        return None, []
    return plan, list(plan.actions.select_related("assignee"))


def _meetings(family: Family) -> list[NetworkMeeting]:
    return list(
        NetworkMeeting.objects.filter(family=family).prefetch_related(
            "guardians", "children", "professionals"
        )
    )


def _notes(family: Family) -> list[Note]:
    return list(Note.objects.filter(family=family).select_related("author__organization"))


def referral_sent_data(received: ReceivedReferral) -> SentData:
    """The family's data the referral sent, read under the referral's grant (which never sees a
    non-disclosed address: one typed into a text is blanked)."""
    family_access = received.family_access
    family = received.family
    data = SentData(
        children=selectors.family_children(family_access),
        guardians=selectors.family_guardians(family_access),
        team=selectors.family_team(family_access),
    )
    blank = selectors.address_blanker(family_access)
    if family_access.can(DataCategory.CONTACT):
        data.contacts = selectors.contact_details(family_access)
    if family_access.can(DataCategory.PLAN):
        data.plan, data.actions = _plan(family)
        selectors_plan.blank_plan(blank, data.plan)
        selectors_plan.blank_actions(blank, data.actions)
    if family_access.can(DataCategory.MEETINGS):
        data.meetings = _meetings(family)
        selectors_plan.blank_meetings(blank, data.meetings)
    if family_access.can(DataCategory.NOTES):
        data.notes = _notes(family)
        selectors_plan.blank_notes(blank, data.notes)
    return data


# --- The family's side ---------------------------------------------------------------------------


def _referral_rows(family: Family | uuid.UUID) -> QuerySet[Referral]:
    return Referral.objects.filter(family=family).select_related(
        "from_organization", "to_organization", "to_service", "sent_by", "decided_by"
    )


def _blank_referrals(blank: selectors_plan.Blank, referrals: Iterable[Referral]) -> None:
    """A non-disclosed address typed into a referral's message or reason, blanked in memory
    (`selectors_plan` says how)."""
    for referral in referrals:
        referral.message = blank(referral.message)
        referral.decline_reason = blank(referral.decline_reason)


def referrals_of_family(family_access: FamilyAccess) -> list[Referral]:
    """The family's referrals, newest first, for the family's page (REFERRALS)."""
    family_access.require(DataCategory.REFERRALS)
    referrals = list(_referral_rows(family_access.family).order_by("-sent_at", "pk"))
    _blank_referrals(selectors.address_blanker(family_access), referrals)
    return referrals


def referral_of_family(family_access: FamilyAccess, referral_id: uuid.UUID | str) -> Referral:
    family_access.require(DataCategory.REFERRALS)
    referral = _referral_rows(family_access.family).filter(pk=parse_id(referral_id)).first()
    if referral is None:
        raise NotFound()
    _blank_referrals(selectors.address_blanker(family_access), [referral])
    return referral


def referrals_for_family(family: Family) -> list[Referral]:
    """The family's own page (a signed-in guardian): where the family was referred and what
    happened, newest first. No gate: the caller has identified a guardian of this family."""
    return list(_referral_rows(family).order_by("-sent_at", "pk"))


def referral_recipients(family_access: FamilyAccess) -> list[Organization]:
    """The organisations a referral of this family may go to today: those named by a consent in
    force that covers referrals (what more a referral sends, its send checks)."""
    family_access.require(DataCategory.REFERRALS)
    consents = Consent.objects.effective(timezone.localdate()).filter(family=family_access.family)
    covering = [c.pk for c in consents.only("pk", "categories") if c.covers("referrals")]
    if not covering:
        return []
    organizations = Organization.objects.filter(
        Exists(
            Consent.recipients.through.objects.filter(
                consent_id__in=covering, organization_id=OuterRef("pk")
            )
        )
    )
    return sorted(
        organizations, key=lambda organization: organization_name(organization).casefold()
    )


# --- Correction requests -------------------------------------------------------------------------


def corrections_of_family(family_access: FamilyAccess) -> list[CorrectionRequest]:
    """Every correction request of the family, newest first: the responsible worker's to read
    and answer."""
    if not family_access.is_responsible:
        raise NotFound()
    return list(
        CorrectionRequest.objects.filter(family=family_access.family).select_related(
            "guardian", "recorded_by", "handled_by"
        )
    )


def correction_of_family(family_access: FamilyAccess, correction_id: int) -> CorrectionRequest:
    if not family_access.is_responsible:
        raise NotFound()
    correction = (
        CorrectionRequest.objects.filter(family=family_access.family, pk=correction_id)
        .select_related("guardian", "recorded_by", "handled_by")
        .first()
    )
    if correction is None:
        raise NotFound()
    return correction


def corrections_for_family(family: Family, guardian: Guardian) -> list[CorrectionRequest]:
    """The family's own page: the correction requests this guardian made (or a worker recorded
    for them), newest first, with the answers."""
    return list(CorrectionRequest.objects.filter(family=family, guardian=guardian))


# --- Data-subject export -------------------------------------------------------------------------

SUBJECT_KINDS = ("guardian", "child")


def subject_data(family_access: FamilyAccess, subject_kind: str, subject_id: int) -> dict[str, Any]:
    """Everything the record holds about one guardian or child, for the responsible worker to
    hand over: the person's details, the family's plan, meetings, notes and referrals, the
    consents the person gave (a child: their views), their correction requests and the family's
    access log. Another person's non-disclosed address never appears: the other people are named
    with their role only, and any free text that contains such an address has it blanked."""
    if not family_access.is_responsible:
        raise NotFound()
    for category in access.ALL_CATEGORIES:
        family_access.require(category)
    if subject_kind not in SUBJECT_KINDS:
        raise NotFound()
    family = family_access.family
    contacts = selectors.contact_details(family_access)
    subject = next(
        (
            contact
            for contact in contacts
            if contact.person.pk == subject_id
            and isinstance(contact.person, Guardian if subject_kind == "guardian" else Child)
        ),
        None,
    )
    if subject is None:
        raise NotFound()
    person = subject.person
    # The export leaves the responsible worker's hands: every non-disclosed address typed into
    # a text is blanked (the bare family: `address_blanker` blanks for everyone), the subject's
    # own too, which stays in their details below.
    redact = selectors.address_blanker(family)
    details: dict[str, Any] = {
        "kind": subject_kind,
        "id": person.pk,
        "name": person.name,
        "personal_identity_code": person.personal_identity_code,
        # The person's own address, unless it is another person's non-disclosed one (a child
        # living with a parent whose address is non-disclosed): then it is blanked too.
        "address": subject.address if person.address_protected else redact(subject.address),
        "address_protected": person.address_protected,
        "created_at": person.created_at,
    }
    if isinstance(person, Guardian):
        details.update(
            email=person.email,
            phone=person.phone,
            preferred_language=person.preferred_language,
            interpreter_needed=person.interpreter_needed,
            interpreter_language=person.interpreter_language,
            custody_role=person.custody_role,
            custody_role_label=str(person.get_custody_role_display()),
        )
    else:
        details.update(
            birth_date=person.birth_date,
            age=person.age_on(timezone.localdate()),
        )
    others = [
        {
            "kind": "guardian" if isinstance(contact.person, Guardian) else "child",
            "name": contact.person.name,
            "role": str(contact.person.get_custody_role_display())
            if isinstance(contact.person, Guardian)
            else "",
        }
        for contact in contacts
        if contact is not subject
    ]
    team = [
        {
            "name": member.user.get_full_name(),
            "organization": organization_name(member.organization),
            "role": member.role,
            "role_label": str(member.get_role_display()),
            "added_at": member.added_at,
            "removed_at": member.removed_at,
        }
        for member in TeamMember.objects.filter(family=family).select_related(
            "user", "organization"
        )
    ]
    plan, plan_actions = _plan(family)
    plan_data = (
        {
            "goals": redact(plan.goals),
            "follow_up_on": plan.follow_up_on,
            "status": plan.status,
            "status_label": str(plan.get_status_display()),
            "version": plan.version,
            "updated_at": plan.updated_at,
            "actions": [
                {
                    "text": redact(action.text),
                    "who": action.assignee.get_full_name()
                    if action.assignee is not None
                    else redact(action.assignee_text),
                    "due_on": action.due_on,
                    "status": action.status,
                    "status_label": str(action.get_status_display()),
                }
                for action in plan_actions
            ],
        }
        if plan is not None
        else None
    )
    meetings = []
    for meeting in _meetings(family):
        present = (
            meeting.guardians.all() if isinstance(person, Guardian) else meeting.children.all()
        )
        meetings.append(
            {
                "starts_at": meeting.starts_at,
                "place": redact(meeting.place),
                "status": meeting.status,
                "status_label": str(meeting.get_status_display()),
                "took_part": any(p.pk == person.pk for p in present),
                "minutes": redact(meeting.minutes),
            }
        )
    notes = [
        {
            "written_at": note.created_at,
            "organization": organization_name(note.author.organization),
            "text": redact(note.text),
        }
        for note in _notes(family)
    ]
    referrals = [
        {
            "sent_at": referral.sent_at,
            "from_organization": organization_name(referral.from_organization),
            "to_organization": organization_name(referral.to_organization),
            "to_service": localized(referral.to_service, "name").text
            if referral.to_service is not None
            else "",
            "categories": list(referral.categories),
            "message": redact(referral.message),
            "status": referral.status,
            "status_label": str(referral.get_status_display()),
            "answered_at": referral.decided_at,
            "decline_reason": redact(referral.decline_reason),
            "finished_at": referral.finished_at,
        }
        for referral in _referral_rows(family).order_by("-sent_at", "pk")
    ]
    consents = _subject_consents(family, person, redact)
    corrections = (
        [
            {
                "received_at": correction.created_at,
                "text": redact(correction.text),
                "status": correction.status,
                "status_label": str(correction.get_status_display()),
                "answer": redact(correction.response),
                "answered_at": correction.handled_at,
            }
            for correction in CorrectionRequest.objects.filter(family=family, guardian=person)
        ]
        if isinstance(person, Guardian)
        else []
    )
    access_log = [
        {
            "at": entry.at,
            "organization": organization_name(entry.organization),
            "role": entry.role,
            "category": entry.category,
            "category_label": str(entry.get_category_display()),
            "place": entry.place,
            "basis": entry.basis,
            "basis_label": str(entry.get_basis_display()),
            "purpose": entry.purpose,
        }
        for entry in AccessLogEntry.objects.filter(family=family)
        .select_related("organization")
        .order_by("-at", "-id")
    ]
    return {
        "format": "perhekeskus.families.subject-export/1",
        "generated_at": timezone.now(),
        "family": {
            "id": str(family.pk),
            "municipality": localized(family.municipality, "name").text
            or getattr(family.municipality, "name", ""),
            "organization": organization_name(family.organization),
            "responsible_worker": family.responsible.get_full_name()
            if family.responsible is not None
            else "",
            "status": family.status,
            "status_label": str(family.get_status_display()),
            "opened_at": family.opened_at,
            "closed_at": family.closed_at,
        },
        "person": details,
        "family_members": others,
        "team": team,
        "plan": plan_data,
        "meetings": meetings,
        "notes": notes,
        "referrals": referrals,
        "consents": consents,
        "corrections": corrections,
        "access_log": access_log,
    }


def _subject_consents(
    family: Family, person: Child | Guardian, redact: Any
) -> list[dict[str, Any]]:
    """A guardian: the consents they gave (how and when). A child: the consents their own view
    was recorded for."""
    consents = Consent.objects.filter(family=family).prefetch_related(
        Prefetch("recipients", queryset=Organization.objects.order_by("name"))
    )
    rows: list[dict[str, Any]] = []
    chosen: list[tuple[Consent, ConsentGiven | None, ChildView | None]]
    if isinstance(person, Guardian):
        given = {
            g.consent_id: g
            for g in ConsentGiven.objects.filter(consent__family=family, guardian=person)
        }
        chosen = [(consent, given[consent.pk], None) for consent in consents if consent.pk in given]
    else:
        views = {
            v.consent_id: v for v in ChildView.objects.filter(consent__family=family, child=person)
        }
        chosen = [(consent, None, views[consent.pk]) for consent in consents if consent.pk in views]
    for consent, giving, view in chosen:
        row: dict[str, Any] = {
            "purpose": consent.purpose,
            "purpose_label": str(consent.get_purpose_display()),
            "recipients": [organization_name(o) for o in consent.recipients.all()],
            "categories": list(consent.categories),
            "valid_from": consent.valid_from,
            "valid_until": consent.valid_until,
            "revoked_at": consent.revoked_at,
        }
        if giving is not None:
            row.update(
                given_on=giving.given_on,
                method=giving.method,
                method_label=str(giving.get_method_display()),
            )
        if view is not None:
            row.update(age=view.age, view=redact(view.view))
        rows.append(row)
    return rows
