"""`perhekeskus import-hsds PATH`: import Open Referral HSDS 3.0 full service objects.

PATH is a JSON file (one service or an array of them, in the language `--language`) or a
folder as `export-hsds` writes it (fi/, sv/, en/ with services.json). Everything is read
first; broken input stops the import before anything is written. Then everything is written
in one transaction, and what was created, updated, unchanged and skipped is printed.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from perhekeskus.catalog.importers.hsds import LANGUAGES, HsdsFormatError, import_hsds

NOTES_SHOWN = 20


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
        for kind in ("organizations", "locations", "services"):
            counts = getattr(summary, kind)
            self.stdout.write(
                f"  {kind:<14} {counts.created:>6} created  {counts.updated:>6} updated  "
                f"{counts.unchanged:>6} unchanged"
            )
        by_kind: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for kind, pk, reason in summary.skipped:
            by_kind[kind].append((pk, reason))
        self.stdout.write(f"  skipped        {len(summary.skipped):>6}")
        for kind, entries in sorted(by_kind.items()):
            self.stdout.write(f"    {kind}: {len(entries)}")
            for pk, reason in entries:
                self.stdout.write(f"      {pk}: {reason}")
        if result.notes:
            shown = result.notes if options["verbosity"] > 1 else result.notes[:NOTES_SHOWN]
            self.stdout.write(f"Notes ({len(result.notes)} things left out):")
            for note in shown:
                self.stdout.write(f"  {note}")
            if len(shown) < len(result.notes):
                self.stdout.write(f"  … and {len(result.notes) - len(shown)} more (-v 2 shows all)")
