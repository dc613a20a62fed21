"""What a family can do with its own request, holding only the tracking code: add information
to it, and withdraw it (where it is: `selectors.help_request_family_status`).

The code is the family's only credential, so it is never written to the audit log, and neither
is the client's address: an anonymous request must stay anonymous. The audit entries name the
request by its id, with no actor."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from perhekeskus.audit.services import audit_record
from perhekeskus.core.client import keyed_hash
from perhekeskus.core.danger import danger_signals
from perhekeskus.core.errors import NotFound
from perhekeskus.core.links import site_url
from perhekeskus.core.outbox import email_enqueue
from perhekeskus.intake import actions, transitions
from perhekeskus.intake.models import (
    CloseReason,
    EventKind,
    HelpRequest,
    HelpRequestEvent,
    RequestStatus,
)
from perhekeskus.intake.selectors import FAMILY_ADDITIONS_MAX
from perhekeskus.intake.tracking import normalize_tracking_code

# The same limit as the form's message.
FAMILY_TEXT_MAX = 5000


@dataclass(frozen=True)
class FamilyAddResult:
    help_request: HelpRequest
    # The added words suggest that someone may be in danger: the family is shown the urgent
    # guidance at once, and the request is flagged for the team.
    danger: bool


def _locked(tracking_code: str) -> HelpRequest:
    code = normalize_tracking_code(tracking_code)
    help_request = (
        HelpRequest.objects.select_for_update(of=("self",))
        .select_related("team", "responsible")
        .filter(tracking_code=code)
        .first()
        if code
        else None
    )
    if help_request is None:
        raise NotFound
    return help_request


def _require_open(help_request: HelpRequest) -> None:
    if help_request.status == RequestStatus.CLOSED or help_request.anonymized_at is not None:
        raise ValidationError(
            _("This request has been closed. If you still need help, send a new request.")
        )


def _queue_team_notice(help_request: HelpRequest, *, withdrawn: bool, danger: bool) -> None:
    """Tell the team and the responsible worker, in the change's transaction, that the family
    wrote or withdrew: the request's page, nothing of what was written. While one such notice of
    the request still waits, another is not queued (a family adding three lines sends one)."""
    team = help_request.team
    if team is None:
        return
    recipients = (
        ({team.notification_email} if team.notification_email else set())
        | set(team.members.filter(is_active=True).values_list("email", flat=True))
        | (
            {help_request.responsible.email}
            if help_request.responsible and help_request.responsible.is_active
            else set()
        )
    )
    kind = "withdraw" if withdrawn else "family-add"
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("intake:request_detail", kwargs={"request_id": help_request.pk})
        body = render_to_string(
            "intake/email/family_update.txt",
            {
                "team": team,
                "withdrawn": withdrawn,
                "danger": danger,
                "request_url": f"{site_url()}{path}",
                "site_name": settings.PERHEKESKUS_SITE_NAME,
            },
        )
        subject = (
            _("A family withdrew its help request (%(team)s)")
            if withdrawn
            else _("A family added information to its help request (%(team)s)")
        ) % {"team": team.name}
    email_enqueue(
        kind=f"intake.request.{kind.replace('-', '_')}",
        recipients=sorted(recipients),
        subject=subject,
        body=body,
        # A danger notice is never held back behind a plain one that still waits.
        dedupe_key="" if danger else keyed_hash(kind, str(help_request.pk)),
    )


def help_request_family_add(*, tracking_code: str, text: str) -> FamilyAddResult:
    """The family adds information to its open request. The team sees it in the request's
    history; danger in the new words flags the request as danger in the first message does."""
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write what you want to add.")})
    if len(text) > FAMILY_TEXT_MAX:
        raise ValidationError(
            {
                "text": _("Write at most %(max)d characters; you wrote %(count)d.")
                % {"max": FAMILY_TEXT_MAX, "count": len(text)}
            }
        )
    signals = danger_signals(text)
    with transaction.atomic():
        help_request = _locked(tracking_code)
        _require_open(help_request)
        count = HelpRequestEvent.objects.filter(request=help_request, kind=EventKind.FAMILY).count()
        if count >= FAMILY_ADDITIONS_MAX:
            raise ValidationError(
                _(
                    "This request cannot take more additions. If you need to tell us more, "
                    "send a new request."
                )
            )
        new_signals = [s for s in signals if s not in help_request.danger_signals]
        if new_signals:
            help_request.danger_signals = [*help_request.danger_signals, *new_signals]
            help_request.save(update_fields=["danger_signals"])
        HelpRequestEvent.objects.create(
            request=help_request,
            actor=None,
            kind=EventKind.FAMILY,
            text=text,
            data={"danger": bool(signals)} if signals else {},
        )
        audit_record(
            action=actions.REQUEST_FAMILY_ADD,
            target=help_request,
            details={"danger": bool(signals)},
        )
        _queue_team_notice(help_request, withdrawn=False, danger=bool(signals))
    return FamilyAddResult(help_request=help_request, danger=bool(signals))


def help_request_withdraw(*, tracking_code: str) -> HelpRequest:
    """The family no longer needs help: the request closes as withdrawn. A closed request
    cannot be withdrawn (its outcome and retention period stay as the team recorded them)."""
    with transaction.atomic():
        help_request = _locked(tracking_code)
        _require_open(help_request)
        old = transitions.move(help_request, RequestStatus.CLOSED)
        help_request.close_reason = CloseReason.WITHDRAWN
        help_request.closed_at = timezone.now()
        help_request.save(update_fields=["status", "close_reason", "closed_at"])
        HelpRequestEvent.objects.create(
            request=help_request,
            actor=None,
            kind=EventKind.STATUS,
            data={"old": old, "new": RequestStatus.CLOSED, "reason": CloseReason.WITHDRAWN},
        )
        audit_record(
            action=actions.REQUEST_WITHDRAW,
            target=help_request,
            details={"from": str(old), "to": str(help_request.status)},
        )
        _queue_team_notice(help_request, withdrawn=True, danger=False)
    return help_request
