"""`perhekeskus import-ptv PATH [PATH ...]`: import Suomi.fi PTV open API v11 JSON.

Reads every file first; a broken file stops the import before anything is written. Then writes
everything in one transaction and prints what was created, updated, unchanged and skipped.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser, OutputWrapper

from perhekeskus.catalog.importers.ptv import PtvFormatError, ptv_files, ptv_import, ptv_parse
from perhekeskus.catalog.management.report import write_import_report

BAR_WIDTH = 30


class ProgressBar:
    """A plain-text bar on one terminal line, redrawn only when it visibly moves."""

    def __init__(self, stream: OutputWrapper, label: str) -> None:
        self.stream = stream
        self.label = label
        self._last = -1

    def __call__(self, done: int, total: int) -> None:
        percent = 100 if total == 0 else done * 100 // total
        if percent == self._last and done != total:
            return
        self._last = percent
        filled = BAR_WIDTH * percent // 100
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        line = f"\r{self.label:<8} [{bar}] {percent:>3}%  {done}/{total}"
        self.stream.write(line + ("\n" if done >= total else ""), ending="")
        self.stream.flush()


class Command(BaseCommand):
    help = (
        "Import organisations, services and service channels from Suomi.fi PTV open API v11 "
        "JSON files (a folder is searched for *.json)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH", help="JSON files or folders")
        parser.add_argument(
            "--progress",
            action="store_true",
            help="Show a progress bar even when stderr is not a terminal.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            files = ptv_files(options["paths"])
        except FileNotFoundError as error:
            raise CommandError(str(error)) from error
        if not files:
            raise CommandError("No JSON files found.")
        show_progress = options["progress"] or self.stderr.isatty()
        stream = self.stderr
        started = time.perf_counter()
        try:
            parsed = ptv_parse(
                files=files, progress=ProgressBar(stream, "Reading") if show_progress else None
            )
        except PtvFormatError as error:
            raise CommandError(f"{error}\nNothing was imported.") from error
        result = ptv_import(
            parsed=parsed, progress=ProgressBar(stream, "Writing") if show_progress else None
        )
        elapsed = time.perf_counter() - started

        summary = result.summary
        self.stdout.write(f"Imported {result.files} file(s) in {elapsed:.1f} s.")
        write_import_report(
            self.stdout.write,
            summary=summary,
            notes=result.notes,
            notes_title="values left out or read leniently",
            verbosity=options["verbosity"],
        )
