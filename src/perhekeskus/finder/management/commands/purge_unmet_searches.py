"""`perhekeskus purge-unmet-searches`: the scheduled retention job (daily from cron or a systemd
timer). Counts of searches without results older than UNMET_SEARCH_RETENTION_DAYS are deleted."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from perhekeskus.finder.services import zero_result_purge


class Command(BaseCommand):
    help = "Delete counts of searches without results past the retention period."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=settings.FINDER_UNMET_SEARCH_RETENTION_DAYS,
            help="Retention in days (default: UNMET_SEARCH_RETENTION_DAYS).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["days"] < 0:
            raise CommandError("--days must not be negative")
        count = zero_result_purge(older_than_days=options["days"])
        self.stdout.write(f"Deleted {count} count(s) of searches without results.")
