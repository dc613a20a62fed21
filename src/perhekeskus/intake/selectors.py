"""Every read of the intake app, one selector per read: the family's status page, the team's
board, one request (`access_help_request`, the only gatekeeper of a request's personal data),
its history, the meeting's agenda and minutes (`access_meeting`), the teams. Views and forms
call these and query no model themselves; users come from `accounts.selectors`, municipalities
and services from `catalog.selectors`.

A gatekeeper answers a missing and a forbidden object alike (NotFound; AccessDenied, a kind of
NotFound, for the server's log) and records the read of personal data in the audit log. With
`for_action=True` it only checks: the page that posts an action shows nothing, and the action's
own audit entry records the access (the service then locks the row and checks again).

Danger first: a request whose message has danger signals has a same-day target for first
contact, and while it waits for that contact it is at the top of the board (and always first on
the meeting's agenda)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from perhekeskus.accounts.models import User
from perhekeskus.accounts.selectors import user_list_with_role, user_names
from perhekeskus.audit.services import audit_record
from perhekeskus.catalog.models import Municipality, Service
from perhekeskus.catalog.selectors import municipality_list, service_list_for_area
from perhekeskus.core.errors import AccessDenied, NotFound
from perhekeskus.core.policies import require
from perhekeskus.core.roles import Role
from perhekeskus.intake import actions
from perhekeskus.intake.models import (
    PERSONAL_FIELDS,
    CloseReason,
    ContactMethod,
    EarlySupportTeam,
    EventKind,
    HelpRequest,
    HelpRequestEvent,
    MeetingDecision,
    RequestStatus,
    TeamMeeting,
)
from perhekeskus.intake.policies import (
    can_be_responsible,
    can_manage_teams,
    can_use_triage_board,
    can_view_request,
    is_team_member,
)
from perhekeskus.intake.tracking import normalize_tracking_code
from perhekeskus.intake.workdays import (
    add_working_days,
    working_day_on_or_after,
    working_days_between,
)


def member_teams(user: User) -> QuerySet[EarlySupportTeam]:
    """The teams whose requests the user handles; mirrors `policies.is_team_member`."""
    if not can_use_triage_board(user):
        return EarlySupportTeam.objects.none()
    return EarlySupportTeam.objects.filter(members=user, is_active=True)


# --- The clock to first contact -----------------------------------------------------------------

CONTACTED = "contacted"
CLOSED = "closed"
DUE = "due"
OVERDUE = "overdue"


@dataclass(frozen=True)
class Clock:
    """Where a request stands against its target for first contact, in working days. The
    target is the team's number of working days, or the same (working) day for a request
    with danger signals."""

    state: str
    due_on: dt.date
    days: int = 0
    contacted_on: dt.date | None = None
    same_day: bool = False

    @property
    def overdue(self) -> bool:
        return self.state == OVERDUE

    @property
    def late(self) -> bool:
        return self.contacted_on is not None and self.contacted_on > self.due_on


def first_contact_clock(help_request: HelpRequest, today: dt.date) -> Clock | None:
    team = help_request.team
    if team is None:
        return None
    received = timezone.localdate(help_request.created_at)
    same_day = help_request.has_danger
    if same_day:
        due = working_day_on_or_after(received)
    else:
        due = add_working_days(received, team.first_contact_target_days)
    if help_request.first_contact_at is not None:
        contacted = timezone.localdate(help_request.first_contact_at)
        return Clock(CONTACTED, due, contacted_on=contacted, same_day=same_day)
    if help_request.status == RequestStatus.CLOSED:
        return Clock(CLOSED, due, same_day=same_day)
    if today > due:
        # On a weekend after a Friday deadline this is 0: overdue, by no working day yet.
        return Clock(OVERDUE, due, working_days_between(due, today), same_day=same_day)
    return Clock(DUE, due, working_days_between(today, due), same_day=same_day)


# --- Danger first -------------------------------------------------------------------------------

HAS_DANGER = Q(has_danger=True)
WAITING_FOR_FIRST_CONTACT = Q(first_contact_at__isnull=True) & ~Q(status=RequestStatus.CLOSED)


def danger_first(queryset: QuerySet[HelpRequest], *, waiting_only: bool) -> QuerySet[HelpRequest]:
    """Annotate `urgency` (0 first): requests with danger signals before the others. With
    `waiting_only`, only those still waiting for their first contact are pinned: once the
    family has been reached, the request takes its place in the ordinary order again (its
    danger marker stays)."""
    pinned = HAS_DANGER & WAITING_FOR_FIRST_CONTACT if waiting_only else HAS_DANGER
    return queryset.annotate(
        urgency=Case(When(pinned, then=Value(0)), default=Value(1), output_field=IntegerField())
    )


# --- Contact and what the family sees -----------------------------------------------------------


def can_be_contacted(help_request: HelpRequest) -> bool:
    """Whether the team has a way to reach the family. An anonymous family can only be
    answered on the status page; "record a contact" means nothing for them."""
    return not help_request.anonymous and help_request.contact_method != ContactMethod.NONE


ANSWERED = "answered"


def family_status_step(*, status: str, anonymous: bool) -> str:
    """The step the family's status page shows. For an anonymous family the team's reply is
    the contact (it moves the request to "contacted"), and they see it as "Answered"."""
    if anonymous and status == RequestStatus.CONTACTED:
        return ANSWERED
    return str(status)


def family_status_label(*, status: str, anonymous: bool) -> str:
    """The short status label a family's client shows (the API's `status_label`)."""
    if family_status_step(status=status, anonymous=anonymous) == ANSWERED:
        return pgettext("status of a help request", "Answered")
    return str(RequestStatus(status).label)


@dataclass(frozen=True)
class Row:
    help_request: HelpRequest
    received_at: dt.datetime  # local time: the board shows the time of day
    age_days: int
    clock: Clock | None

    @property
    def received_on(self) -> dt.date:
        return self.received_at.date()


def board_rows(requests: list[HelpRequest]) -> list[Row]:
    today = timezone.localdate()
    rows = []
    for help_request in requests:
        received = timezone.localtime(help_request.created_at)
        rows.append(
            Row(
                help_request,
                received,
                (today - received.date()).days,
                first_contact_clock(help_request, today),
            )
        )
    return rows


def access_meeting(
    *, actor: User, meeting_id: Any, for_action: bool = False, request: HttpRequest | None = None
) -> TeamMeeting:
    """A meeting with its minutes (which may name families). Only the team's members; missing
    and forbidden look the same; every read (not an action's check) is in the audit log."""
    try:
        meeting = TeamMeeting.objects.select_related("team").filter(pk=meeting_id).first()
    except (ValueError, ValidationError):
        meeting = None
    if meeting is None:
        raise NotFound
    if not is_team_member(actor, meeting.team_id):
        raise AccessDenied(target_type="intake.teammeeting", target_id=meeting.pk)
    if not for_action:
        audit_record(action=actions.MEETING_VIEW, actor=actor, target=meeting, request=request)
    return meeting


def meeting_list_for(*, actor: User) -> QuerySet[TeamMeeting]:
    """The meetings of the actor's teams, newest first, without their minutes."""
    return (
        TeamMeeting.objects.filter(team__in=member_teams(actor))
        .select_related("team")
        .defer("minutes")
        .annotate(decision_count=Count("decisions"))
        .order_by("-held_on", "-id")
    )


def meeting_decisions(*, meeting: TeamMeeting) -> dict[Any, MeetingDecision]:
    """The meeting's decisions by request id (read after `access_meeting`)."""
    return {
        decision.request_id: decision
        for decision in MeetingDecision.objects.filter(meeting=meeting)
        .select_related("responsible")
        .prefetch_related("services")
    }


# `urgency` is the annotation of `danger_first`: danger first, then oldest first.
AGENDA_ORDER = ("urgency", "created_at", "pk")


def meeting_agenda(*, meeting: TeamMeeting) -> list[HelpRequest]:
    """The requests to discuss: every open request of the team that came in since the previous
    meeting, or that has no decision yet. Those with danger signals first (whether or not the
    family has been reached: they are the ones the team must not run out of time for), then
    oldest first. The agenda lists requests; their words are read on each request's own
    (logged) page."""
    previous = (
        TeamMeeting.objects.filter(team=meeting.team, held_on__lt=meeting.held_on)
        .order_by("-held_on")
        .first()
    )
    open_requests = HelpRequest.objects.filter(team=meeting.team).exclude(
        status=RequestStatus.CLOSED
    )
    since = (
        open_requests.filter(created_at__date__gte=previous.held_on) if previous else open_requests
    )
    # "Undecided" counts this meeting's own decisions as not yet made: recording a decision
    # must not take the request off the agenda the team is working through.
    undecided = open_requests.filter(Q(decisions__isnull=True) | Q(decisions__meeting=meeting))
    agenda = danger_first((since | undecided).distinct(), waiting_only=False)
    return list(
        agenda.select_related("team", "municipality", "responsible")
        .defer(*PERSONAL_FIELDS)
        .order_by(*AGENDA_ORDER)
    )


def team_services(team: EarlySupportTeam) -> QuerySet[Service]:
    """The public services a team decision can point to (`catalog.selectors`)."""
    return service_list_for_area(
        municipality_codes=list(team.municipalities.values_list("code", flat=True)),
        organization_id=team.organization_id,
    )


# --- One request: the team's gatekeeper ---------------------------------------------------------


def access_help_request(
    *,
    actor: User,
    help_request_id: Any,
    for_action: bool = False,
    request: HttpRequest | None = None,
) -> HelpRequest:
    """One request with its personal data: the only way a view reaches a request. Missing and
    forbidden look the same; every read (not an action's check) is in the audit log."""
    try:
        help_request = HelpRequest.objects.select_related("team", "responsible").get(
            pk=help_request_id
        )
    except (HelpRequest.DoesNotExist, ValueError, ValidationError):
        raise NotFound from None
    if not can_view_request(actor, help_request):
        raise AccessDenied(target_type="intake.helprequest", target_id=help_request.pk)
    if not for_action:
        audit_record(action=actions.REQUEST_VIEW, actor=actor, target=help_request, request=request)
    return help_request


def help_request_history(
    *, help_request: HelpRequest
) -> tuple[list[HelpRequestEvent], dict[Any, str]]:
    """The request's events, oldest first, and the names of the responsible workers they set
    (read after `access_help_request`)."""
    events = list(help_request.events.select_related("actor"))
    assigned = {e.data.get("responsible") for e in events if e.kind == EventKind.ASSIGN}
    return events, user_names(ids=assigned)


def responsible_candidates(help_request: HelpRequest) -> QuerySet[User]:
    """Who can be the responsible worker: the team's active members, and any active
    professional of the network (the family's "third adult" may come from any organisation)."""
    return user_list_with_role(roles=[Role.PROFESSIONAL, Role.EARLY_SUPPORT_TEAM])


# --- The board ------------------------------------------------------------------------------------

OPEN = ""
ALL = "all"


@dataclass(frozen=True)
class Board:
    requests: QuerySet[HelpRequest]  # ordered, danger first; never with the personal fields
    counts: dict[str, int]  # per status, before the status filter
    is_team_member: bool


def _board_order(status: str) -> tuple[str, ...]:
    """Danger first: requests with danger signals still waiting for their first contact are
    at the top (`danger_first`). Then open work oldest first: the longest-waiting family is
    the most urgent. Closed ones by when they were closed, and "all" newest first."""
    if status == RequestStatus.CLOSED:
        return ("-closed_at", "-created_at", "pk")
    if status == ALL:
        return ("urgency", "-created_at", "pk")
    return ("urgency", "created_at", "pk")


def help_request_board(*, actor: User, status: str = OPEN, mine: bool = False) -> Board:
    """The requests of the actor's teams and those they are responsible for. A professional of
    another organisation who is the responsible worker of a request sees only their own
    requests; anyone else is refused (PolicyDenied)."""
    responsible = Q(responsible=actor) if can_be_responsible(actor) else Q(pk__in=[])
    visible = HelpRequest.objects.filter(Q(team__in=member_teams(actor)) | responsible)
    member = can_use_triage_board(actor)
    require(member or visible.exists(), _("You are not a member of any active early-support team."))
    if mine:
        visible = visible.filter(responsible=actor)
    counts = dict(visible.order_by().values_list("status").annotate(n=Count("pk")))
    listed = visible
    if status == OPEN:
        listed = listed.exclude(status=RequestStatus.CLOSED)
    elif status != ALL:
        listed = listed.filter(status=status)
    listed = (
        danger_first(listed, waiting_only=True)
        .select_related("team", "municipality", "responsible")
        .defer(*PERSONAL_FIELDS)
        .order_by(*_board_order(status))
    )
    return Board(requests=listed, counts=counts, is_team_member=member)


# --- The family's side ----------------------------------------------------------------------------


def urgent_guidance_applies(help_request: HelpRequest) -> bool:
    """Whether the family is shown the urgent guidance (112, the crisis line) first: danger
    signals were recognised in what they wrote (`core.danger.danger_signals`)."""
    return help_request.has_danger


@dataclass(frozen=True)
class PublicStatus:
    """What the status page shows: no personal data, only where the request is."""

    tracking_code: str
    status: str
    received_at: dt.datetime
    reply: str
    reply_at: dt.datetime | None
    closed: bool
    # The urgent guidance (112, the crisis line) applies: see `urgent_guidance_applies`.
    urgent: bool = False
    # Asked anonymously: the team's reply is their contact ("Answered", `family_status_label`).
    anonymous: bool = False


def _by_tracking_code(tracking_code: str) -> HelpRequest:
    code = normalize_tracking_code(tracking_code)
    # Whoever holds the code sees where the request is and the team's reply, never what the
    # family wrote: those texts are not even decrypted.
    unread = [f for f in PERSONAL_FIELDS if f != "public_reply"] + ["danger_signals"]
    help_request = (
        HelpRequest.objects.filter(tracking_code=code).defer(*unread).first() if code else None
    )
    if help_request is None:
        raise NotFound
    return help_request


def _public(help_request: HelpRequest) -> PublicStatus:
    return PublicStatus(
        tracking_code=help_request.tracking_code,
        status=help_request.status,
        received_at=help_request.created_at,
        reply=help_request.public_reply,
        reply_at=help_request.public_reply_at,
        closed=help_request.status == RequestStatus.CLOSED,
        urgent=urgent_guidance_applies(help_request),
        anonymous=help_request.anonymous,
    )


def help_request_public_status(*, tracking_code: str) -> PublicStatus:
    """Where the request with this code is; NotFound when there is none. The code is the
    family's credential: the read is not logged (it would tie the code to a time)."""
    return _public(_by_tracking_code(tracking_code))


# The most additions one request takes, so that whoever holds a code cannot flood the team's
# view of the request (`services.family`).
FAMILY_ADDITIONS_MAX = 20


@dataclass(frozen=True)
class FamilyStatus:
    """The status page: where the request is, and what the family may still do with it. Like
    `PublicStatus`, nothing the family wrote and nothing that identifies them."""

    public: PublicStatus
    anonymous: bool
    contact_method: str
    withdrawn: bool
    # When the family added information; the words themselves are not shown back to whoever
    # holds the code.
    additions: tuple[dt.datetime, ...]
    can_add: bool
    can_withdraw: bool


def help_request_family_status(*, tracking_code: str) -> FamilyStatus:
    """The status page of the request with this code; NotFound when there is none."""
    help_request = _by_tracking_code(tracking_code)
    additions = tuple(
        HelpRequestEvent.objects.filter(request=help_request, kind=EventKind.FAMILY)
        .order_by("at")
        .values_list("at", flat=True)
    )
    is_open = help_request.status != RequestStatus.CLOSED and help_request.anonymized_at is None
    return FamilyStatus(
        public=_public(help_request),
        anonymous=help_request.anonymous,
        contact_method=help_request.contact_method or ContactMethod.NONE,
        withdrawn=help_request.close_reason == CloseReason.WITHDRAWN,
        additions=additions,
        can_add=is_open and len(additions) < FAMILY_ADDITIONS_MAX,
        can_withdraw=is_open,
    )


# --- Teams and municipalities -----------------------------------------------------------------


def team_for_municipality(code: str) -> EarlySupportTeam | None:
    """The active team that takes the requests of this municipality (one at most)."""
    return (
        EarlySupportTeam.objects.filter(is_active=True, municipalities__code=code)
        .order_by("name")
        .first()
    )


def municipalities_with_a_team() -> list[Municipality]:
    """The municipalities a family can send a request from."""
    codes = EarlySupportTeam.objects.filter(is_active=True).values_list(
        "municipalities__code", flat=True
    )
    return list(municipality_list(codes=[code for code in codes if code]))


def team_list_for(*, actor: User) -> QuerySet[EarlySupportTeam]:
    """Every team with its municipalities and members, for a coordinator."""
    require(can_manage_teams(actor), _("Only network coordinators can manage early-support teams."))
    return (
        EarlySupportTeam.objects.select_related("organization")
        .prefetch_related("municipalities", "members")
        .order_by("name")
    )


def team_get(*, actor: User, team_id: Any) -> EarlySupportTeam:
    """One team, for a coordinator; NotFound when there is none."""
    team = team_list_for(actor=actor).filter(pk=team_id).first()
    if team is None:
        raise NotFound
    return team


def team_member_candidates() -> QuerySet[User]:
    """Who can be made a member of a team: active users with the early-support team role."""
    return user_list_with_role(roles=[Role.EARLY_SUPPORT_TEAM])
