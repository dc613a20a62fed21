"""`perhekeskus purge-pending-imports`: delete the documents imports kept waiting for their
services or organisation (ADR 0030) that no import has renewed for PENDING_IMPORT_RETENTION_DAYS.
The job worker runs the same clean-up daily; this is for running it by hand or from cron."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from perhekeskus.catalog.management.report import MESSAGE_LANGUAGES, message_language
from perhekeskus.catalog.services import pending_import_purge


class Command(BaseCommand):
    help = "Delete the documents imports keep waiting, past the retention period."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=settings.CATALOG_PENDING_IMPORT_RETENTION_DAYS,
            help="Retention in days (default: PENDING_IMPORT_RETENTION_DAYS).",
        )
        parser.add_argument(
            "--language",
            choices=MESSAGE_LANGUAGES,
            help="The language of the messages (default: LANGUAGE or LANG, else the site's).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(message_language(options.get("language"))):
            if options["days"] < 0:
                raise CommandError(_("--days must not be negative"))
            count = pending_import_purge(older_than_days=options["days"])
            self.stdout.write(
                ngettext(
                    "Deleted %(count)d document that waited for an import longer than "
                    "%(days)d days.",
                    "Deleted %(count)d documents that waited for an import longer than "
                    "%(days)d days.",
                    count,
                )
                % {"count": count, "days": options["days"]}
            )
