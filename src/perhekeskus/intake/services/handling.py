"""The team's handling of a request: triage, responsible worker, contacts, notes, reply, close.

Each function checks its policy, writes, records the request's own event and an audit entry
in one transaction."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from perhekeskus.audit.services import audit_record
from perhekeskus.core.errors import PolicyDenied
from perhekeskus.core.roles import Role
from perhekeskus.intake import actions
from perhekeskus.intake.models import (
    CloseReason,
    EventKind,
    HelpRequest,
    HelpRequestEvent,
    RequestStatus,
)
from perhekeskus.intake.policies import can_handle_request

# Which status may follow which. Closing is possible from anywhere (a duplicate is seen at once).
TRANSITIONS: dict[str, set[str]] = {
    RequestStatus.NEW: {RequestStatus.IN_TRIAGE, RequestStatus.ASSIGNED, RequestStatus.CLOSED},
    RequestStatus.IN_TRIAGE: {RequestStatus.ASSIGNED, RequestStatus.CLOSED},
    RequestStatus.ASSIGNED: {RequestStatus.CONTACTED, RequestStatus.ASSIGNED, RequestStatus.CLOSED},
    RequestStatus.CONTACTED: {RequestStatus.ASSIGNED, RequestStatus.CLOSED},
    RequestStatus.CLOSED: set(),
}


def _require(actor: Any, help_request: HelpRequest) -> None:
    if not can_handle_request(actor, help_request):
        raise PolicyDenied(_("You are not in the team this request came to."))


def _move(help_request: HelpRequest, status: str) -> str:
    old = help_request.status
    # Staying put is fine (a second contact), except that closed is final: closing again would
    # rewrite the reason and restart the retention period.
    if old == RequestStatus.CLOSED or (status != old and status not in TRANSITIONS[old]):
        raise ValidationError(
            {
                "status": _("A request cannot move from %(old)s to %(new)s.")
                % {"old": RequestStatus(old).label, "new": RequestStatus(status).label}
            }
        )
    help_request.status = status
    return old


def _event(
    help_request: HelpRequest, *, actor: Any, kind: str, text: str = "", **data: Any
) -> HelpRequestEvent:
    return HelpRequestEvent.objects.create(
        request=help_request, actor=actor, kind=kind, text=text, data=data
    )


def help_request_triage(
    *, actor: Any, help_request: HelpRequest, request: HttpRequest | None = None
) -> HelpRequest:
    _require(actor, help_request)
    with transaction.atomic():
        old = _move(help_request, RequestStatus.IN_TRIAGE)
        help_request.save(update_fields=["status"])
        _event(help_request, actor=actor, kind=EventKind.STATUS, old=old, new=help_request.status)
        audit_record(
            action=actions.REQUEST_TRIAGE, actor=actor, target=help_request, request=request
        )
    return help_request


def responsible_candidates(help_request: HelpRequest) -> QuerySet[Any]:
    """Who can be the responsible worker: the team's active members, and any active
    professional of the network (the family's "third adult" may come from any organisation)."""
    from perhekeskus.accounts.models import User

    return (
        User.objects.filter(
            is_active=True, role_grants__role__in=[Role.PROFESSIONAL, Role.EARLY_SUPPORT_TEAM]
        )
        .distinct()
        .order_by("full_name")
    )


def help_request_assign(
    *,
    actor: Any,
    help_request: HelpRequest,
    responsible: Any,
    request: HttpRequest | None = None,
) -> HelpRequest:
    _require(actor, help_request)
    if not responsible_candidates(help_request).filter(pk=responsible.pk).exists():
        raise ValidationError({"responsible": _("Choose an active professional of the network.")})
    with transaction.atomic():
        old = _move(help_request, RequestStatus.ASSIGNED)
        help_request.responsible = responsible
        help_request.save(update_fields=["status", "responsible"])
        _event(
            help_request,
            actor=actor,
            kind=EventKind.ASSIGN,
            old=old,
            responsible=responsible.pk,
        )
        audit_record(
            action=actions.REQUEST_ASSIGN,
            actor=actor,
            target=help_request,
            request=request,
            details={"responsible": responsible.pk},
        )
    return help_request


CONTACT_KINDS = (EventKind.CALL, EventKind.MESSAGE, EventKind.VISIT)


def help_request_contact_record(
    *,
    actor: Any,
    help_request: HelpRequest,
    kind: str,
    text: str,
    reached: bool,
    request: HttpRequest | None = None,
) -> HelpRequest:
    """A call, message or visit. The first one that reaches the family stops the clock."""
    _require(actor, help_request)
    if kind not in CONTACT_KINDS:
        raise ValidationError({"kind": _("Choose call, message or visit.")})
    if help_request.status == RequestStatus.CLOSED:
        raise ValidationError(_("The request is closed."))
    with transaction.atomic():
        fields = []
        if reached and help_request.first_contact_at is None:
            help_request.first_contact_at = timezone.now()
            fields.append("first_contact_at")
        if reached and help_request.status in (RequestStatus.ASSIGNED, RequestStatus.CONTACTED):
            _move(help_request, RequestStatus.CONTACTED)
            fields.append("status")
        if fields:
            help_request.save(update_fields=fields)
        _event(help_request, actor=actor, kind=kind, text=text, reached=reached)
        audit_record(
            action=actions.REQUEST_CONTACT,
            actor=actor,
            target=help_request,
            request=request,
            details={"kind": kind, "reached": reached},
        )
    return help_request


def help_request_note(
    *, actor: Any, help_request: HelpRequest, text: str, request: HttpRequest | None = None
) -> None:
    _require(actor, help_request)
    if not text.strip():
        raise ValidationError({"text": _("Write the note.")})
    with transaction.atomic():
        _event(help_request, actor=actor, kind=EventKind.NOTE, text=text.strip())
        audit_record(action=actions.REQUEST_NOTE, actor=actor, target=help_request, request=request)


def help_request_reply(
    *, actor: Any, help_request: HelpRequest, text: str, request: HttpRequest | None = None
) -> HelpRequest:
    """The reply the family reads on the status page with their tracking code. Write it so that
    it is safe for anyone holding the code to read: no names, no details of the situation."""
    _require(actor, help_request)
    if not text.strip():
        raise ValidationError({"text": _("Write the reply.")})
    with transaction.atomic():
        help_request.public_reply = text.strip()
        help_request.public_reply_at = timezone.now()
        help_request.save(update_fields=["public_reply", "public_reply_at"])
        _event(help_request, actor=actor, kind=EventKind.REPLY, text=text.strip())
        audit_record(
            action=actions.REQUEST_REPLY, actor=actor, target=help_request, request=request
        )
    return help_request


def help_request_close(
    *,
    actor: Any,
    help_request: HelpRequest,
    reason: str,
    text: str = "",
    request: HttpRequest | None = None,
) -> HelpRequest:
    _require(actor, help_request)
    if reason not in CloseReason.values:
        raise ValidationError({"reason": _("Choose why the request is closed.")})
    with transaction.atomic():
        old = _move(help_request, RequestStatus.CLOSED)
        help_request.close_reason = reason
        help_request.closed_at = timezone.now()
        help_request.save(update_fields=["status", "close_reason", "closed_at"])
        _event(
            help_request,
            actor=actor,
            kind=EventKind.STATUS,
            text=text.strip(),
            old=old,
            new=RequestStatus.CLOSED,
            reason=reason,
        )
        audit_record(
            action=actions.REQUEST_CLOSE,
            actor=actor,
            target=help_request,
            request=request,
            details={"reason": reason},
        )
    return help_request
