"""The data subject's rights and the retention period."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q
from django.http import HttpRequest
from django.utils import timezone

from perhekeskus.accounts.models import User
from perhekeskus.audit.services import audit_record
from perhekeskus.intake import actions, transitions
from perhekeskus.intake.models import (
    PERSONAL_FIELDS,
    CloseReason,
    EventKind,
    HelpRequest,
    HelpRequestEvent,
    MeetingDecision,
    RequestStatus,
    TeamMeeting,
)
from perhekeskus.intake.services.handling import _require


def help_request_export(
    *, actor: User, help_request: HelpRequest, request: HttpRequest | None = None
) -> dict[str, Any]:
    """Everything stored about one request, for the data subject (GDPR art. 15)."""
    _require(actor, help_request)
    audit_record(action=actions.REQUEST_EXPORT, actor=actor, target=help_request, request=request)
    return {
        "tracking_code": help_request.tracking_code,
        "received_at": help_request.created_at.isoformat(),
        "municipality": help_request.municipality_id,
        "language": help_request.language,
        "concerns": help_request.concerns,
        "child_ages": help_request.child_ages,
        "danger_signals": help_request.danger_signals,
        "anonymous": help_request.anonymous,
        "message": help_request.message,
        "contact": {
            "name": help_request.contact_name,
            "phone": help_request.contact_phone,
            "email": help_request.contact_email,
            "preferred_time": help_request.preferred_time,
        },
        "consent_at": help_request.consent_at.isoformat(),
        "status": help_request.status,
        "close_reason": help_request.close_reason,
        "reply": help_request.public_reply,
        "events": [
            {"at": e.at.isoformat(), "kind": e.kind, "text": e.text}
            for e in help_request.events.all()
        ],
    }


def help_requests_anonymize(*, older_than_days: int, now: dt.datetime | None = None) -> int:
    """The retention job. Returns how many requests it anonymised.

    1. An open request with no activity (no event, no family addition, no status change) for
       the retention period is closed as "no contact reached", through the state machine, with
       its own audit entry: a request that is never closed must not be kept for ever.
    2. Closed requests past the retention period, counted from closing (for those closed in
       step 1, from their last activity), keep only what statistics need (municipality, whom it
       concerned, ages, dates, outcome, and whether danger was recognised); their words,
       contact details and which danger the words suggested are erased, as are the texts of
       their events and the next steps of the meeting decisions about them.
    3. A meeting's minutes may name any request the team had on the meeting day, so they are
       erased once the meeting is older than the retention period and every request the team
       had received by that day is anonymised (the agenda is never stored, and this is the set
       it was drawn from). No minutes are written to a meeting after that."""
    moment = now or timezone.now()
    limit = moment - dt.timedelta(days=older_than_days)
    with transaction.atomic():
        inactive = _close_inactive(limit=limit, moment=moment)
        due = list(
            HelpRequest.objects.select_for_update()
            .filter(status=RequestStatus.CLOSED, anonymized_at__isnull=True)
            .filter(Q(closed_at__lt=limit) | Q(pk__in=inactive))
        )
        for help_request in due:
            for field in PERSONAL_FIELDS:
                setattr(help_request, field, "")
            help_request.danger_signals = []  # `has_danger` stays, for statistics
            help_request.idempotency_key = None
            help_request.idempotency_body = ""
            help_request.anonymized_at = moment
            help_request.save()
            for event in help_request.events.exclude(text=""):
                event.text = ""
                event.save(update_fields=["text"])
            for decision in MeetingDecision.objects.filter(request=help_request):
                decision.next_step = "–"
                decision.save(update_fields=["next_step"])
        meetings = _erase_minutes(moment=moment, limit=limit)
        if due or meetings:
            audit_record(
                action=actions.REQUEST_ANONYMIZE,
                details={
                    "count": len(due),
                    "closed_inactive": len(inactive),
                    "meetings": len(meetings),
                    "older_than_days": older_than_days,
                },
            )
    return len(due)


def _close_inactive(*, limit: dt.datetime, moment: dt.datetime) -> list[Any]:
    """Close the open requests whose last activity is before `limit`; their ids."""
    stale = (
        HelpRequest.objects.exclude(status=RequestStatus.CLOSED)
        .filter(anonymized_at__isnull=True, created_at__lt=limit)
        .annotate(last_event=Max("events__at"))
        .filter(Q(last_event__isnull=True) | Q(last_event__lt=limit))
    )
    closed = []
    for help_request in HelpRequest.objects.select_for_update().filter(
        pk__in=list(stale.values_list("pk", flat=True))
    ):
        old = transitions.move(help_request, RequestStatus.CLOSED)
        help_request.close_reason = CloseReason.NO_CONTACT
        help_request.closed_at = moment
        help_request.save(update_fields=["status", "close_reason", "closed_at"])
        HelpRequestEvent.objects.create(
            request=help_request,
            actor=None,
            kind=EventKind.STATUS,
            data={
                "old": old,
                "new": RequestStatus.CLOSED,
                "reason": CloseReason.NO_CONTACT,
                "via": "retention",
            },
        )
        audit_record(
            action=actions.REQUEST_CLOSE,
            target=help_request,
            details={
                "from": str(old),
                "to": str(help_request.status),
                "reason": CloseReason.NO_CONTACT,
                "via": "retention",
            },
        )
        closed.append(help_request.pk)
    return closed


def _erase_minutes(*, moment: dt.datetime, limit: dt.datetime) -> list[Any]:
    """Erase the minutes of every meeting held before `limit` whose team has no request received
    by the meeting day that is not yet anonymised; their ids."""
    not_anonymised = HelpRequest.objects.filter(
        team=OuterRef("team"), anonymized_at__isnull=True, created_at__date__lte=OuterRef("held_on")
    )
    erased = []
    for meeting in TeamMeeting.objects.select_for_update().filter(
        ~Exists(not_anonymised), anonymized_at__isnull=True, held_on__lt=limit.date()
    ):
        meeting.minutes = ""
        meeting.anonymized_at = moment
        meeting.save(update_fields=["minutes", "anonymized_at"])
        erased.append(meeting.pk)
    return erased
