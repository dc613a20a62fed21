"""The data subject's rights and the retention period."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from perhekeskus.audit.services import audit_record
from perhekeskus.intake import actions
from perhekeskus.intake.models import (
    HelpRequest,
    MeetingDecision,
    RequestStatus,
)
from perhekeskus.intake.services.handling import _require


def help_request_export(
    *, actor: Any, help_request: HelpRequest, request: HttpRequest | None = None
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
    """Closed requests past the retention period keep only what statistics need (municipality,
    whom it concerned, ages, dates, outcome); their words and contact details are erased."""
    moment = now or timezone.now()
    limit = moment - dt.timedelta(days=older_than_days)
    with transaction.atomic():
        due = list(
            HelpRequest.objects.select_for_update().filter(
                status=RequestStatus.CLOSED, closed_at__lt=limit, anonymized_at__isnull=True
            )
        )
        for help_request in due:
            help_request.message = ""
            help_request.contact_name = ""
            help_request.contact_phone = ""
            help_request.contact_email = ""
            help_request.preferred_time = ""
            help_request.public_reply = ""
            help_request.idempotency_key = None
            help_request.anonymized_at = moment
            help_request.save()
            for event in help_request.events.exclude(text=""):
                event.text = ""
                event.save(update_fields=["text"])
            for decision in MeetingDecision.objects.filter(request=help_request):
                decision.next_step = "–"
                decision.save(update_fields=["next_step"])
        if due:
            audit_record(
                action=actions.REQUEST_ANONYMIZE,
                details={"count": len(due), "older_than_days": older_than_days},
            )
    return len(due)
