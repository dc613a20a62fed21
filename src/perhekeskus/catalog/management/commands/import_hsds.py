"""`perhekeskus import-hsds PATH`: import Open Referral HSDS 3.0 services.

PATH is a JSON file (one full service object, an array of them, or a page of a list as
GET /services answers it, `contents` and all, in the language `--language`), a folder with a
file per object or per page, or a folder as `export-hsds` writes it (fi/, sv/, en/ with
services.json). Everything is read first; broken input stops the import before anything is
written. A bad value (a latitude of 100, a foreign postal code) is left out with a note and
the rest of its service comes in; the same phone or schedule met twice is kept once.

Then everything is written in one transaction, and what was created, updated, unchanged and
skipped is printed, in the language of LANGUAGE or LANG (fi, sv, en), else the site's. What the
input does not mention of a service stays; `--prune` removes it, `--dry-run` only tells.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from perhekeskus.catalog.importers.hsds import LANGUAGES, HsdsFormatError, import_hsds
from perhekeskus.catalog.management.report import message_language, write_import_report


class Command(BaseCommand):
    help = (
        "Import services from Open Referral HSDS 3.0 JSON: a file of full service objects or "
        "a page of a list, a folder with a file per object, or a folder with fi/, sv/ and en/ "
        "subfolders as export-hsds writes them."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, metavar="PATH")
        parser.add_argument(
            "--language",
            choices=LANGUAGES,
            default="fi",
            help="The language of the data in a file or a folder without language subfolders "
            "(export-hsds's subfolders say theirs). Messages follow LANGUAGE or LANG.",
        )
        parser.add_argument(
            "--prune",
            action="store_true",
            help="Full synchronisation: remove the places, channels and opening hours of the "
            "imported services that the input does not mention.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Do everything but write: print what the import would do.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(message_language()):
            self._handle(options)

    def _handle(self, options: dict[str, Any]) -> None:
        try:
            result = import_hsds(
                path=options["path"],
                language=options["language"],
                prune=options["prune"],
                dry_run=options["dry_run"],
            )
        except HsdsFormatError as error:
            raise CommandError(
                _("Error: %(error)s\nNothing was imported.") % {"error": error}
            ) from error
        self.stdout.write(_("Imported %(path)s.") % {"path": options["path"]})
        write_import_report(
            self.stdout.write,
            summary=result.summary,
            notes=result.notes,
            notes_title=_("things left out"),
            verbosity=options["verbosity"],
        )
