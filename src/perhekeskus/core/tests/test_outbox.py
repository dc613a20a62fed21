"""The e-mail outbox: sent after commit, retried with back-off, given up after N attempts, and
deleted after the retention period; its log names no one (F-06)."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
from typing import Any

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from perhekeskus.core import outbox
from perhekeskus.core.models import OutboxEmail

pytestmark = pytest.mark.django_db

ADDRESS = "maija.meikalainen@example.org"


class DownBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Any) -> int:
        raise ConnectionRefusedError(f"refused: {ADDRESS}")


DOWN_BACKEND = "perhekeskus.core.tests.test_outbox.DownBackend"


def queue(**overrides: Any) -> OutboxEmail:
    values: dict[str, Any] = {
        "kind": "test.notice",
        "recipients": [ADDRESS],
        "subject": "Hello",
        "body": "There is news.",
    }
    values.update(overrides)
    message = outbox.email_enqueue(**values)
    assert message is not None
    return message


def due_now(message: OutboxEmail) -> None:
    OutboxEmail.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())


def test_a_queued_message_is_sent_after_commit_and_keeps_nothing_but_the_fact(
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        message = queue()
        assert mail.outbox == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert [m.to for m in mail.outbox] == [[ADDRESS]]
    message.refresh_from_db()
    assert message.sent_at is not None and message.attempts == 1
    assert (message.recipients, message.subject, message.body) == ("", "", "")


def test_recipients_and_texts_are_encrypted_at_rest() -> None:
    message = queue()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT recipients, subject, body FROM core_outboxemail WHERE id = %s", [message.pk]
        )
        stored = " ".join(cursor.fetchone())
    assert ADDRESS not in stored and "news" not in stored
    assert json.loads(OutboxEmail.objects.get().recipients) == [ADDRESS]


def test_a_subject_cannot_carry_a_header() -> None:
    queue(subject="New request for VATU\r\nBcc: someone@example.org")
    assert outbox.outbox_send_due() == (1, 0)
    assert mail.outbox[0].subject == "New request for VATU Bcc: someone@example.org"


def test_failures_are_retried_with_backoff_and_given_up(settings: Any, caplog: Any) -> None:
    settings.EMAIL_BACKEND = DOWN_BACKEND
    settings.PERHEKESKUS_OUTBOX_MAX_ATTEMPTS = 3
    message = queue()
    caplog.set_level(logging.WARNING, logger="perhekeskus.core.outbox")
    waits = []
    for _attempt in range(3):
        before = timezone.now()
        assert outbox.outbox_send_due() == (0, 1)
        message.refresh_from_db()
        waits.append(message.next_attempt_at - before)
        # Not due again at once: the back-off holds it back.
        assert outbox.outbox_send_due() == (0, 0)
        due_now(message)
    message.refresh_from_db()
    assert message.attempts == 3
    assert message.given_up_at is not None
    assert message.last_error == "ConnectionRefusedError"
    assert dt.timedelta(seconds=50) < waits[0] < dt.timedelta(seconds=70)
    assert dt.timedelta(seconds=110) < waits[1] < dt.timedelta(seconds=130)
    assert outbox.outbox_send_due() == (0, 0)  # given up: never tried again
    assert "given up" in caplog.text
    assert ADDRESS not in caplog.text and "Hello" not in caplog.text


def test_a_message_is_sent_once_even_when_two_senders_meet() -> None:
    message = queue()
    claimed = outbox._claim(message.pk, timezone.now())
    assert claimed is not None
    # The after-commit send and the scheduled job: the second finds it claimed.
    assert outbox.outbox_deliver(message_id=message.pk) is False
    assert outbox.outbox_send_due() == (0, 0)
    assert mail.outbox == []


def test_deliver_never_raises(monkeypatch: Any) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("database gone")

    monkeypatch.setattr(outbox, "_claim", broken)
    assert outbox.outbox_deliver(message_id=1) is False


def test_the_same_notice_is_not_queued_twice_while_it_waits() -> None:
    first = outbox.email_enqueue(
        kind="k", recipients=[ADDRESS], subject="s", body="b", dedupe_key="one"
    )
    second = outbox.email_enqueue(
        kind="k", recipients=[ADDRESS], subject="s", body="b", dedupe_key="one"
    )
    assert first is not None and second is None
    outbox.outbox_send_due()
    third = outbox.email_enqueue(
        kind="k", recipients=[ADDRESS], subject="s", body="b", dedupe_key="one"
    )
    assert third is not None


def test_nobody_to_send_to_queues_nothing() -> None:
    assert outbox.email_enqueue(kind="k", recipients=["", " "], subject="s", body="b") is None
    assert not OutboxEmail.objects.exists()


def test_send_outbox_command_sends_retries_and_purges(settings: Any) -> None:
    settings.PERHEKESKUS_OUTBOX_RETENTION_DAYS = 7
    old = queue()
    outbox.outbox_send_due()
    OutboxEmail.objects.filter(pk=old.pk).update(sent_at=timezone.now() - dt.timedelta(days=8))
    recent = queue(subject="Recent")
    out = io.StringIO()
    call_command("send_outbox", stdout=out)
    assert "Sent 1, failed 0" in out.getvalue()
    assert "deleted 1" in out.getvalue()
    assert list(OutboxEmail.objects.values_list("pk", flat=True)) == [recent.pk]
    with override_settings(EMAIL_BACKEND=DOWN_BACKEND):
        queue(subject="Later")
        out = io.StringIO()
        call_command("send_outbox", stdout=out)
    assert "failed 1 (will be retried)" in out.getvalue()
    assert "waiting 1" in out.getvalue()


def test_the_admin_shows_what_waits_but_not_to_whom_or_what(admin_client: Any) -> None:
    message = queue()
    listing = admin_client.get("/admin/core/outboxemail/")
    assert listing.status_code == 200
    assert "test.notice" in listing.content.decode()
    detail = admin_client.get(f"/admin/core/outboxemail/{message.pk}/change/")
    assert detail.status_code == 200
    page = detail.content.decode()
    assert ADDRESS not in page and "There is news" not in page
    assert admin_client.post(f"/admin/core/outboxemail/{message.pk}/delete/").status_code == 403


def test_the_admin_is_closed_to_professionals(client: Any, professional: Any) -> None:
    client.force_login(professional)
    assert client.get("/admin/core/outboxemail/").status_code in (302, 403)
