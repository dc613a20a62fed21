"""`perhekeskus anonymize_families`: the retention of family records by hand (the daily
periodic job `families.anonymise` does the same). Closed records past FAMILIES_RETENTION_DAYS
lose their names, identity codes, contact details and everything anyone wrote; what statistics
need stays (`families.services.retention`)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from perhekeskus.families.services.retention import (
    BATCH_SIZE,
    families_anonymise,
    signin_links_purge,
)


class Command(BaseCommand):
    help = (
        "Anonymise the family records closed longer ago than the retention period, and delete "
        "expired sign-in links."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=settings.FAMILIES_RETENTION_DAYS,
            help="Retention in days after closing (default: FAMILY_RETENTION_DAYS).",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_SIZE,
            help=f"Records per transaction (default: {BATCH_SIZE}).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["days"] < 0:
            raise CommandError("--days must not be negative")
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1")
        count = families_anonymise(
            older_than_days=options["days"], batch_size=options["batch_size"]
        )
        links = signin_links_purge()
        self.stdout.write(
            f"Anonymised {count} closed family record(s); deleted {links} expired sign-in link(s)."
        )
