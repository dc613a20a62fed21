"""`perhekeskus anonymize-help-requests`: the scheduled retention job (run it daily from cron or a
systemd timer). Open requests without activity for HELP_REQUEST_RETENTION_DAYS are closed as "no
contact reached"; closed help requests past the period lose their words, contact details and
which danger was recognised; minutes of meetings that can name no kept request are erased. What
statistics need stays (`services.retention`, ADR 0028)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from perhekeskus.intake.services import help_requests_anonymize


class Command(BaseCommand):
    help = (
        "Close help requests inactive for the retention period; anonymise closed ones and "
        "erase meeting minutes past it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=settings.PERHEKESKUS_HELP_REQUEST_RETENTION_DAYS,
            help="Retention in days after closing or the last activity "
            "(default: HELP_REQUEST_RETENTION_DAYS).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["days"] < 0:
            raise CommandError("--days must not be negative")
        count = help_requests_anonymize(older_than_days=options["days"])
        self.stdout.write(f"Anonymised {count} closed help request(s).")
