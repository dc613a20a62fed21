"""What a family can do with its own request, holding only the tracking code: read where the
request is, add information to it, and withdraw it.

The code is the family's only credential, so it is never written to the audit log, and neither
is the client's address: an anonymous request must stay anonymous. The audit entries name the
request by its id, with no actor."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from perhekeskus.audit.services import audit_record
from perhekeskus.core.danger import danger_signals
from perhekeskus.core.errors import NotFound
from perhekeskus.intake import actions
from perhekeskus.intake.models import (
    CloseReason,
    ContactMethod,
    EventKind,
    HelpRequest,
    HelpRequestEvent,
    RequestStatus,
)
from perhekeskus.intake.services.receiving import PublicStatus, help_request_public_status
from perhekeskus.intake.tracking import normalize_tracking_code

# The same limit as the form's message, and a cap on how many additions one request takes, so
# that whoever holds a code cannot flood the team's view of the request.
FAMILY_TEXT_MAX = 5000
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


@dataclass(frozen=True)
class FamilyAddResult:
    help_request: HelpRequest
    # The added words suggest that someone may be in danger: the family is shown the urgent
    # guidance at once, and the request is flagged for the team.
    danger: bool


def _locked(tracking_code: str) -> HelpRequest:
    code = normalize_tracking_code(tracking_code)
    help_request = (
        HelpRequest.objects.select_for_update().filter(tracking_code=code).first() if code else None
    )
    if help_request is None:
        raise NotFound
    return help_request


def _require_open(help_request: HelpRequest) -> None:
    if help_request.status == RequestStatus.CLOSED or help_request.anonymized_at is not None:
        raise ValidationError(
            _("This request has been closed. If you still need help, send a new request.")
        )


def help_request_family_status(*, tracking_code: str) -> FamilyStatus:
    """The status page of the request with this code; NotFound when there is none."""
    public = help_request_public_status(tracking_code=tracking_code)
    help_request = HelpRequest.objects.only(
        "id", "anonymous", "contact_method", "status", "close_reason", "anonymized_at"
    ).get(tracking_code=public.tracking_code)
    additions = tuple(
        HelpRequestEvent.objects.filter(request=help_request, kind=EventKind.FAMILY)
        .order_by("at")
        .values_list("at", flat=True)
    )
    is_open = help_request.status != RequestStatus.CLOSED and help_request.anonymized_at is None
    return FamilyStatus(
        public=public,
        anonymous=help_request.anonymous,
        contact_method=help_request.contact_method or ContactMethod.NONE,
        withdrawn=help_request.close_reason == CloseReason.WITHDRAWN,
        additions=additions,
        can_add=is_open and len(additions) < FAMILY_ADDITIONS_MAX,
        can_withdraw=is_open,
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
    return FamilyAddResult(help_request=help_request, danger=bool(signals))


def help_request_withdraw(*, tracking_code: str) -> HelpRequest:
    """The family no longer needs help: the request closes as withdrawn. A closed request
    cannot be withdrawn (its outcome and retention period stay as the team recorded them)."""
    with transaction.atomic():
        help_request = _locked(tracking_code)
        _require_open(help_request)
        old = help_request.status
        help_request.status = RequestStatus.CLOSED
        help_request.close_reason = CloseReason.WITHDRAWN
        help_request.closed_at = timezone.now()
        help_request.save(update_fields=["status", "close_reason", "closed_at"])
        HelpRequestEvent.objects.create(
            request=help_request,
            actor=None,
            kind=EventKind.STATUS,
            data={"old": old, "new": RequestStatus.CLOSED, "reason": CloseReason.WITHDRAWN},
        )
        audit_record(action=actions.REQUEST_WITHDRAW, target=help_request)
    return help_request
