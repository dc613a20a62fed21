"""The e-mail outbox: notices are written in the transaction of the change they tell about and
sent after it commits, so that a mail server that is down, slow or refusing never turns a stored
change into an error for the person who made it (F-06: a family lost its tracking code to a 500).

- `email_enqueue` (inside the caller's transaction) stores the message and asks for it to be
  sent once the transaction commits.
- `outbox_deliver` sends one message. It first claims the message with a conditional UPDATE
  (attempts + 1, next attempt pushed past a lease), so that the after-commit send and the
  scheduled `send-outbox` never both send it; a process that dies mid-send leaves it to be
  retried when the lease runs out (at least once, never lost).
- A failure is logged with the message's id, kind and the exception's class, never an address
  or a text, and retried with exponential back-off; after `OUTBOX_MAX_ATTEMPTS` it is given up
  and logged as an error.
- Attachments (a calendar file) are stored with the message, encrypted like the body, and attached
  when it is sent.
- Sent messages lose their recipients, subject, body and attachments at once; `outbox_purge`
  deletes sent and given-up rows after `OUTBOX_RETENTION_DAYS`.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from email.mime.base import MIMEBase
from email.mime.text import MIMEText
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from perhekeskus.core.models import OutboxEmail

log = logging.getLogger(__name__)

# How long a claimed message is left to its sender before another process may try it.
LEASE = dt.timedelta(minutes=5)
FIRST_RETRY = dt.timedelta(minutes=1)
LONGEST_RETRY = dt.timedelta(hours=6)


def one_line(text: str) -> str:
    """A subject on one line: any run of whitespace or control characters becomes a space, so
    that no stored name can break a header."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


@dataclass(frozen=True)
class Attachment:
    """A file sent with an e-mail. `mimetype` may carry parameters ("text/calendar;
    method=REQUEST"): calendar programs read an invitation's method from them."""

    filename: str
    content: bytes
    mimetype: str = "application/octet-stream"


def _attachments_dump(attachments: Sequence[Attachment]) -> str:
    if not attachments:
        return ""
    rows = []
    for attachment in attachments:
        try:
            content, encoding = attachment.content.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            content, encoding = base64.b64encode(attachment.content).decode("ascii"), "base64"
        rows.append(
            {
                "filename": attachment.filename,
                "content": content,
                "encoding": encoding,
                "mimetype": attachment.mimetype,
            }
        )
    return json.dumps(rows)


def attachments_load(stored: str) -> list[Attachment]:
    """The attachments of a stored message (an empty list for none)."""
    if not stored:
        return []
    result = []
    for row in json.loads(stored):
        text = row["content"]
        try:
            content = (
                base64.b64decode(text, validate=True)
                if row.get("encoding") == "base64"
                else text.encode("utf-8")
            )
        except binascii.Error:
            content = text.encode("utf-8")
        result.append(
            Attachment(
                filename=row["filename"],
                content=content,
                mimetype=row.get("mimetype") or "application/octet-stream",
            )
        )
    return result


def _mime_part(attachment: Attachment) -> MIMEBase:
    kind, _sep, params_text = attachment.mimetype.partition(";")
    maintype, _slash, subtype = kind.strip().partition("/")
    params = [p.strip().partition("=") for p in params_text.split(";") if p.strip()]
    part: MIMEBase
    if maintype == "text":
        part = MIMEText(attachment.content.decode("utf-8"), subtype or "plain", "utf-8")
    else:
        part = MIMEBase(maintype or "application", subtype or "octet-stream")
        part.set_payload(base64.b64encode(attachment.content).decode("ascii"))
        part["Content-Transfer-Encoding"] = "base64"
    for name, _eq, value in params:
        part.set_param(name, value.strip('"'))
    part.add_header("Content-Disposition", "attachment", filename=attachment.filename)
    return part


def email_enqueue(
    *,
    kind: str,
    recipients: Iterable[str],
    subject: str,
    body: str,
    from_email: str = "",
    dedupe_key: str = "",
    attachments: Sequence[Attachment] = (),
) -> OutboxEmail | None:
    """Queue an e-mail in the caller's transaction and send it after the commit. With a
    `dedupe_key`, nothing is queued while a message with the same key is still waiting.
    Returns None when there is no one to send to or the same notice already waits."""
    to = sorted({address.strip() for address in recipients if address and address.strip()})
    if not to:
        return None
    if (
        dedupe_key
        and OutboxEmail.objects.filter(
            dedupe_key=dedupe_key, sent_at__isnull=True, given_up_at__isnull=True
        ).exists()
    ):
        return None
    message = OutboxEmail.objects.create(
        kind=kind,
        dedupe_key=dedupe_key,
        recipients=json.dumps(to),
        subject=one_line(subject),
        body=body,
        attachments=_attachments_dump(attachments),
        from_email=from_email,
        next_attempt_at=timezone.now(),
    )
    transaction.on_commit(partial(outbox_deliver, message_id=message.pk))
    return message


def _backoff(attempts: int) -> dt.timedelta:
    return min(FIRST_RETRY * (2 ** max(0, attempts - 1)), LONGEST_RETRY)


def _claim(message_id: int, now: dt.datetime) -> OutboxEmail | None:
    claimed = OutboxEmail.objects.filter(
        pk=message_id,
        sent_at__isnull=True,
        given_up_at__isnull=True,
        next_attempt_at__lte=now,
    ).update(attempts=F("attempts") + 1, next_attempt_at=now + LEASE)
    if not claimed:
        return None
    return OutboxEmail.objects.filter(pk=message_id).first()


def outbox_deliver(*, message_id: int) -> bool:
    """Try to send one queued message now, if it is due and nobody else is sending it. Never
    raises: True if it was sent."""
    try:
        message = _claim(message_id, timezone.now())
        if message is None:
            return False
        return _send(message)
    except Exception as error:  # a broken database must not break the caller's answer either
        log.error("Outbox e-mail %s could not be handled: %s", message_id, type(error).__name__)
        return False


def _send(message: OutboxEmail) -> bool:
    try:
        email = EmailMessage(
            subject=one_line(message.subject),
            body=message.body,
            from_email=message.from_email or None,
            to=json.loads(message.recipients),
        )
        for attachment in attachments_load(message.attachments):
            email.attach(_mime_part(attachment))
        email.send(fail_silently=False)
    except Exception as error:
        now = timezone.now()
        error_name = type(error).__name__[:100]
        if message.attempts >= settings.PERHEKESKUS_OUTBOX_MAX_ATTEMPTS:
            OutboxEmail.objects.filter(pk=message.pk).update(given_up_at=now, last_error=error_name)
            log.error(
                "Outbox e-mail %s (%s) given up after %s attempts: %s",
                message.pk,
                message.kind,
                message.attempts,
                error_name,
            )
        else:
            retry_at = now + _backoff(message.attempts)
            OutboxEmail.objects.filter(pk=message.pk).update(
                next_attempt_at=retry_at, last_error=error_name
            )
            log.warning(
                "Outbox e-mail %s (%s) failed on attempt %s, retried after %s: %s",
                message.pk,
                message.kind,
                message.attempts,
                retry_at.isoformat(timespec="seconds"),
                error_name,
            )
        return False
    # Sent: nothing of the message is kept but the fact (recipients and texts are emptied).
    OutboxEmail.objects.filter(pk=message.pk).update(
        sent_at=timezone.now(), last_error="", recipients="", subject="", body="", attachments=""
    )
    return True


@dataclass(frozen=True)
class OutboxReport:
    sent: int
    failed: int
    waiting: int
    given_up: int
    deleted: int


def outbox_send_due(*, limit: int = 500) -> tuple[int, int]:
    """Send the messages that are due (oldest first); returns (sent, failed)."""
    now = timezone.now()
    due = list(
        OutboxEmail.objects.filter(
            sent_at__isnull=True, given_up_at__isnull=True, next_attempt_at__lte=now
        )
        .order_by("next_attempt_at", "id")
        .values_list("pk", flat=True)[:limit]
    )
    sent = failed = 0
    for message_id in due:
        message = _claim(message_id, timezone.now())
        if message is None:
            continue  # sent or claimed by another process meanwhile
        if _send(message):
            sent += 1
        else:
            failed += 1
    return sent, failed


def outbox_purge(*, older_than_days: int | None = None) -> int:
    """Delete sent and given-up messages older than the retention period; returns the count."""
    days = (
        settings.PERHEKESKUS_OUTBOX_RETENTION_DAYS if older_than_days is None else older_than_days
    )
    cutoff = timezone.now() - dt.timedelta(days=days)
    deleted, _ = OutboxEmail.objects.filter(
        Q(sent_at__lt=cutoff) | Q(given_up_at__lt=cutoff)
    ).delete()
    return deleted


def outbox_run(*, limit: int = 500) -> OutboxReport:
    """The scheduled job: send what is due, then delete what is past retention."""
    sent, failed = outbox_send_due(limit=limit)
    deleted = outbox_purge()
    waiting = OutboxEmail.objects.filter(sent_at__isnull=True, given_up_at__isnull=True).count()
    given_up = OutboxEmail.objects.filter(given_up_at__isnull=False).count()
    return OutboxReport(sent, failed, waiting, given_up, deleted)
