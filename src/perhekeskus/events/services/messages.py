"""An organiser's message to the contact persons of an event's sign-ups: those attending, those
on the waiting list, or both (a peer group's session: the group's members). The message is
stored and its delivery job queued in one transaction; the job writes each e-mail (and text
message) through the outbox. The body is encrypted at rest and never goes into the audit log."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from perhekeskus.accounts.models import User
from perhekeskus.audit.services import audit_record
from perhekeskus.core.jobs import enqueue
from perhekeskus.core.validators import has_control_characters
from perhekeskus.events import actions
from perhekeskus.events.jobs import deliver_message, message_recipients
from perhekeskus.events.models import EventMessage, MessageAudience
from perhekeskus.events.policies import can_message_participants
from perhekeskus.events.services.organise import locked_event_for

MAX_SUBJECT = 200
MAX_BODY = 5000


def message_send(
    *,
    actor: User,
    event_id: uuid.UUID,
    audience: str,
    subject: str,
    body: str,
    send_sms: bool,
) -> EventMessage:
    """Store the message for the audience's contact persons and queue its delivery. Refused
    (ValidationError on `audience`) when there is no one to send it to."""
    subject = (subject or "").strip()
    body = (body or "").strip()
    errors: dict[str, list[str]] = {}
    if audience not in MessageAudience.values:
        errors["audience"] = [_("Choose who the message goes to.")]
    if not subject:
        errors["subject"] = [_("Write a subject.")]
    elif len(subject) > MAX_SUBJECT or has_control_characters(subject):
        errors["subject"] = [
            _("Write the subject on one line, in at most %(max)s characters.")
            % {"max": MAX_SUBJECT}
        ]
    if not body:
        errors["body"] = [_("Write the message.")]
    elif len(body) > MAX_BODY:
        errors["body"] = [
            _("Write at most %(max)s characters (now %(count)s).")
            % {"max": MAX_BODY, "count": len(body)}
        ]
    with transaction.atomic():
        event = locked_event_for(actor, event_id, can_message_participants)
        if event.anonymised_at is not None:
            errors["__all__"] = [_("The participants' details have been erased.")]
        if errors:
            raise ValidationError(errors)
        message = EventMessage(
            event=event,
            audience=audience,
            subject=subject,
            body=body,
            send_sms=bool(send_sms),
            sent_by=actor,
        )
        recipients = message_recipients(message).count()
        if not recipients:
            raise ValidationError(
                {"audience": [_("No one has signed up in this group: there is no one to send to.")]}
            )
        message.recipient_count = recipients
        message.save()
        enqueue(deliver_message, message_id=str(message.pk))
        audit_record(
            action=actions.MESSAGE_SEND,
            actor=actor,
            target=message,
            details={
                "event": str(event.pk),
                "audience": audience,
                "subject": subject,
                "send_sms": message.send_sms,
                "recipients": recipients,
            },
        )
    return message
