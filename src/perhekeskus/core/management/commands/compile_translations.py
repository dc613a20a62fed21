"""Compile the .po catalogues to .mo with polib (pure Python): works on a fresh machine that has
no GNU gettext, so translations work right after `make demo`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def compile_catalogues(locale_dirs: list[Path]) -> list[Path]:
    written = []
    for locale_dir in locale_dirs:
        for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            written.append(mo_path)
    return written


class Command(BaseCommand):
    help = "Compile translation catalogues (.po → .mo) without needing GNU gettext."
    requires_system_checks = []

    def handle(self, *args: Any, **options: Any) -> None:
        written = compile_catalogues([Path(p) for p in settings.LOCALE_PATHS])
        if options["verbosity"] >= 1:
            for path in written:
                self.stdout.write(f"compiled {path}")
            self.stdout.write(self.style.SUCCESS(f"{len(written)} catalogue(s) compiled"))
