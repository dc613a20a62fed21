"""`perhekeskus send-outbox`: sends queued e-mails that are due, retries failed ones with
back-off, gives up after OUTBOX_MAX_ATTEMPTS and deletes sent messages after
OUTBOX_RETENTION_DAYS. The worker does the same on its own (the periodic jobs `core.outbox.send`
every minute and `core.outbox.purge` daily, ADR 0034); this command is for a run by hand."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from perhekeskus.core.outbox import outbox_run


class Command(BaseCommand):
    help = "Send queued e-mails that are due, and delete old sent ones."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--limit", type=int, default=500, help="Most messages to try in one run."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["limit"] < 1:
            raise CommandError("--limit must be at least 1")
        report = outbox_run(limit=options["limit"])
        self.stdout.write(
            f"Sent {report.sent}, failed {report.failed} (will be retried), "
            f"waiting {report.waiting}, given up {report.given_up}, deleted {report.deleted}."
        )
        if report.given_up:
            self.stderr.write(
                self.style.WARNING(
                    f"{report.given_up} e-mail(s) could not be sent: check the mail settings "
                    "and the log (entries name the message's id and kind)."
                )
            )
