"""Core's one table: the e-mail outbox."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from perhekeskus.core.crypto import EncryptedTextField


class OutboxEmail(models.Model):
    """An e-mail written in the same transaction as the change it tells about, and sent after the
    commit (`core.outbox`). A failure to send never undoes the change or reaches the person who
    made it; the message waits here and is retried with back-off.

    The recipients, subject and body are encrypted at rest: a family's address in a notice says
    that the family asked for help. `kind` and `dedupe_key` say what the message is about without
    saying to whom; they are all that logs show."""

    kind = models.CharField(_("kind"), max_length=64)
    # While a message with this key waits, the same notice is not queued twice.
    dedupe_key = models.CharField(max_length=64, blank=True, db_index=True)
    recipients = EncryptedTextField(_("recipients"))
    subject = EncryptedTextField(_("subject"))
    body = EncryptedTextField(_("body"))
    # JSON list of {"filename", "content", "mimetype"} (text attachments such as a calendar file),
    # encrypted like the body: an appointment's file names the family's appointment.
    attachments = EncryptedTextField(_("attachments"), blank=True)
    from_email = models.CharField(max_length=254, blank=True)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), db_index=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, db_index=True)
    given_up_at = models.DateTimeField(_("given up"), null=True, blank=True, db_index=True)
    # The exception's class only: its message may name a recipient.
    last_error = models.CharField(_("last error"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("queued e-mail")
        verbose_name_plural = _("queued e-mails")
        ordering = ["next_attempt_at", "id"]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk}"


class PeriodicJob(models.Model):
    """When each periodic job (`core.jobs.periodic`) is next due. The worker that enqueues a due
    job moves `next_run_at` on in the same transaction, under a row lock, so that several
    workers enqueue each run once."""

    name = models.CharField(_("job"), max_length=100, unique=True)
    next_run_at = models.DateTimeField(_("next run"))
    last_enqueued_at = models.DateTimeField(_("last enqueued"), null=True, blank=True)

    class Meta:
        verbose_name = _("periodic job")
        verbose_name_plural = _("periodic jobs")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
