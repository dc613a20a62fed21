"""`perhekeskus rebuild-search-index`: rebuild the finder's search index from the catalogue."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand

from perhekeskus.finder.search.analysis import analysis_mode
from perhekeskus.finder.services import search_index_rebuild


class Command(BaseCommand):
    help = "Rebuild the finder's search index of public services (all languages)."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        written = search_index_rebuild()
        self.stdout.write(
            f"Search index rebuilt: {written} documents in "
            f"{time.perf_counter() - started:.1f} s (Finnish analysed with {analysis_mode()})."
        )
