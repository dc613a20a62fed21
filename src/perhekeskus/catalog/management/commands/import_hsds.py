"""`perhekeskus import-hsds PATH`: import Open Referral HSDS 3.0 full service objects.

PATH is a JSON file (one service or an array of them, in the language `--language`) or a
folder as `export-hsds` writes it (fi/, sv/, en/ with services.json). Everything is read
first; broken input stops the import before anything is written. Then everything is written
in one transaction, and what was created, updated, unchanged and skipped is printed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from perhekeskus.catalog.importers.hsds import LANGUAGES, HsdsFormatError, import_hsds
from perhekeskus.catalog.management.report import write_import_report


class Command(BaseCommand):
    help = (
        "Import services from Open Referral HSDS 3.0 JSON: a file of full service objects, or "
        "a folder with fi/, sv/ and en/ subfolders as export-hsds writes them."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, metavar="PATH")
        parser.add_argument(
            "--language",
            choices=LANGUAGES,
            default="fi",
            help="The language of a single file (a folder's subfolders say theirs).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = import_hsds(path=options["path"], language=options["language"])
        except HsdsFormatError as error:
            raise CommandError(f"{error}\nNothing was imported.") from error
        summary = result.summary
        self.stdout.write(f"Imported {options['path']}.")
        write_import_report(
            self.stdout.write,
            summary=summary,
            notes=result.notes,
            notes_title="things left out",
            verbosity=options["verbosity"],
        )
