"""`perhekeskus anonymize-help-requests`: the scheduled retention job (run it daily from cron or a
systemd timer). Closed help requests older than HELP_REQUEST_RETENTION_DAYS lose their words and
contact details; what statistics need stays."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from perhekeskus.intake.services import help_requests_anonymize


class Command(BaseCommand):
    help = "Anonymise closed help requests past the retention period."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=settings.PERHEKESKUS_HELP_REQUEST_RETENTION_DAYS,
            help="Retention in days after closing (default: HELP_REQUEST_RETENTION_DAYS).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["days"] < 0:
            raise CommandError("--days must not be negative")
        count = help_requests_anonymize(older_than_days=options["days"])
        self.stdout.write(f"Anonymised {count} closed help request(s).")
