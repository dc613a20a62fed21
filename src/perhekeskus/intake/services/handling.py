"""The team's handling of a request: triage, responsible worker, contacts, notes, reply, close.

Each function locks the request's row (`select_for_update`), checks its policy against what
is stored, writes, and records the request's own event and an audit entry, all in one
transaction: two workers acting on the same request at once are served one after the other.

Status follows what the family has experienced, so that the status page never contradicts
itself: reaching the family (a call, a message, a visit) moves the request to "contacted";
for an anonymous family the reply on the status page is the only possible contact, so the
reply counts as the first contact and moves it there; a reply to any other family shows that
the team has read the request ("in triage" at least)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from perhekeskus.accounts.models import User
from perhekeskus.audit.services import audit_record
from perhekeskus.core.policies import require
from perhekeskus.intake import actions, transitions
from perhekeskus.intake.models import (
    CloseReason,
    EventKind,
    HelpRequest,
    HelpRequestEvent,
    RequestStatus,
)
from perhekeskus.intake.policies import can_handle_request
from perhekeskus.intake.selectors import can_be_contacted, responsible_candidates
from perhekeskus.intake.services.notices import family_reply_notice

# What a handling step needs to know about the stored request; read again under the row lock.
# The family's words are not among them: nothing here needs to decrypt them.
STATE_FIELDS = (
    "team",
    "status",
    "responsible",
    "anonymous",
    "contact_method",
    "has_danger",
    "first_contact_at",
    "public_reply_at",
    "close_reason",
    "closed_at",
    "anonymized_at",
)


def _lock(actor: User, help_request: HelpRequest) -> None:
    """Inside a transaction: lock the request's row, read its current state into the caller's
    instance (a worker acts on what is stored, not on the page they loaded a minute ago) and
    check the policy against it."""
    help_request.refresh_from_db(
        fields=STATE_FIELDS, from_queryset=HelpRequest.objects.select_for_update()
    )
    _require(actor, help_request)


def _require(actor: User, help_request: HelpRequest) -> None:
    """The policy alone, for a step that changes nothing in the request (the data export)."""
    require(
        can_handle_request(actor, help_request), _("You are not in the team this request came to.")
    )


def _open(help_request: HelpRequest) -> None:
    if help_request.status == RequestStatus.CLOSED:
        raise ValidationError(_("The request is closed."))


def _status_change(old: str, new: str) -> dict[str, str]:
    """The audit entry's old and new status (the same when the step left it where it was)."""
    return {"from": str(old), "to": str(new)}


def _event(
    help_request: HelpRequest, *, actor: User, kind: str, text: str = "", **data: Any
) -> HelpRequestEvent:
    return HelpRequestEvent.objects.create(
        request=help_request, actor=actor, kind=kind, text=text, data=data
    )


def help_request_triage(
    *, actor: User, help_request: HelpRequest, request: HttpRequest | None = None
) -> HelpRequest:
    with transaction.atomic():
        _lock(actor, help_request)
        old = transitions.move(help_request, RequestStatus.IN_TRIAGE)
        help_request.save(update_fields=["status"])
        _event(help_request, actor=actor, kind=EventKind.STATUS, old=old, new=help_request.status)
        audit_record(
            action=actions.REQUEST_TRIAGE,
            actor=actor,
            target=help_request,
            request=request,
            details=_status_change(old, help_request.status),
        )
    return help_request


def help_request_assign(
    *,
    actor: User,
    help_request: HelpRequest,
    responsible: Any,
    request: HttpRequest | None = None,
) -> HelpRequest:
    """Set (or change) the responsible worker. A request whose family has been reached stays
    "contacted"; any other open one becomes "assigned"."""
    with transaction.atomic():
        _lock(actor, help_request)
        if not responsible_candidates(help_request).filter(pk=responsible.pk).exists():
            raise ValidationError(
                {"responsible": _("Choose an active professional of the network.")}
            )
        target = (
            RequestStatus.CONTACTED
            if help_request.status == RequestStatus.CONTACTED
            else RequestStatus.ASSIGNED
        )
        old = transitions.move(help_request, target)
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
            details={"responsible": responsible.pk, **_status_change(old, help_request.status)},
        )
    return help_request


CONTACT_KINDS = (EventKind.CALL, EventKind.MESSAGE, EventKind.VISIT)


def help_request_contact_record(
    *,
    actor: User,
    help_request: HelpRequest,
    kind: str,
    text: str,
    reached: bool,
    request: HttpRequest | None = None,
) -> HelpRequest:
    """A call, message or visit. The first one that reaches the family stops the clock, and
    reaching them makes the request "contacted". Refused for a family that left no way to
    reach them (anonymous): for them the reply on the status page is the contact."""
    if kind not in CONTACT_KINDS:
        raise ValidationError({"kind": _("Choose call, message or visit.")})
    with transaction.atomic():
        _lock(actor, help_request)
        _open(help_request)
        if not can_be_contacted(help_request):
            raise ValidationError(
                _(
                    "The family asked anonymously, so there is no contact to record. Write "
                    "the reply on the status page: for them it is the first contact."
                )
            )
        fields = []
        old = help_request.status
        if reached and help_request.first_contact_at is None:
            help_request.first_contact_at = timezone.now()
            fields.append("first_contact_at")
        if reached:
            # A second contact with a family already reached stays "contacted".
            transitions.move(help_request, RequestStatus.CONTACTED)
        if help_request.status != old:
            fields.append("status")
            _event(
                help_request,
                actor=actor,
                kind=EventKind.STATUS,
                old=old,
                new=RequestStatus.CONTACTED,
            )
        if fields:
            help_request.save(update_fields=fields)
        _event(help_request, actor=actor, kind=kind, text=text, reached=reached)
        audit_record(
            action=actions.REQUEST_CONTACT,
            actor=actor,
            target=help_request,
            request=request,
            details={"kind": kind, "reached": reached, **_status_change(old, help_request.status)},
        )
    return help_request


def help_request_note(
    *, actor: User, help_request: HelpRequest, text: str, request: HttpRequest | None = None
) -> None:
    """A note for the team. Also on a closed request (what happened later); never on an
    anonymised one, whose texts were erased after the retention period."""
    if not text.strip():
        raise ValidationError({"text": _("Write the note.")})
    with transaction.atomic():
        _lock(actor, help_request)
        if help_request.anonymized_at is not None:
            raise ValidationError(_("The request has been anonymised."))
        _event(help_request, actor=actor, kind=EventKind.NOTE, text=text.strip())
        audit_record(action=actions.REQUEST_NOTE, actor=actor, target=help_request, request=request)


def help_request_reply(
    *, actor: User, help_request: HelpRequest, text: str, request: HttpRequest | None = None
) -> HelpRequest:
    """The reply the family reads on the status page with their tracking code. Write it so that
    it is safe for anyone holding the code to read: no names, no details of the situation.

    For a family that cannot be contacted (anonymous) the reply is the first contact: it stops
    the clock and makes the request "contacted", which their status page shows as "Answered".
    For any other family a reply on a new request shows that the team has read it ("in
    triage"). Something that must happen only once the reply is stored (telling the family
    that it arrived) goes at the end of the block, with `transaction.on_commit`."""
    if not text.strip():
        raise ValidationError({"text": _("Write the reply.")})
    with transaction.atomic():
        _lock(actor, help_request)
        _open(help_request)
        now = timezone.now()
        help_request.public_reply = text.strip()
        help_request.public_reply_at = now
        fields = ["public_reply", "public_reply_at"]
        first_contact = not can_be_contacted(help_request)
        if first_contact and help_request.first_contact_at is None:
            help_request.first_contact_at = now
            fields.append("first_contact_at")
        target = RequestStatus.CONTACTED if first_contact else RequestStatus.IN_TRIAGE
        old = help_request.status
        # "At least in triage": a reply never moves a request back, it only moves it on.
        if old != target and transitions.is_allowed(old, target):
            transitions.move(help_request, target)
            fields.append("status")
        help_request.save(update_fields=fields)
        if help_request.status != old:
            _event(help_request, actor=actor, kind=EventKind.STATUS, old=old, new=target)
        _event(help_request, actor=actor, kind=EventKind.REPLY, text=text.strip())
        audit_record(
            action=actions.REQUEST_REPLY,
            actor=actor,
            target=help_request,
            request=request,
            details={"first_contact": first_contact, **_status_change(old, help_request.status)},
        )
        family_reply_notice(help_request=help_request)  # queued with the reply, sent on commit
    return help_request


def help_request_close(
    *,
    actor: User,
    help_request: HelpRequest,
    reason: str,
    text: str = "",
    coordination_reference: str = "",
    request: HttpRequest | None = None,
) -> HelpRequest:
    """Close the request. `coordination_reference` is the family coordination record that
    continues it (reason COORDINATION), set by the service that opens that record in the same
    transaction."""
    if reason not in CloseReason.values:
        raise ValidationError({"reason": _("Choose why the request is closed.")})
    with transaction.atomic():
        _lock(actor, help_request)
        old = transitions.move(help_request, RequestStatus.CLOSED)
        help_request.close_reason = reason
        help_request.closed_at = timezone.now()
        fields = ["status", "close_reason", "closed_at"]
        if coordination_reference:
            help_request.coordination_reference = coordination_reference
            fields.append("coordination_reference")
        help_request.save(update_fields=fields)
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
            details={
                "reason": reason,
                "coordination": bool(coordination_reference),
                **_status_change(old, help_request.status),
            },
        )
    return help_request
