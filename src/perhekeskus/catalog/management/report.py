"""How import commands tell what they did: counts per kind, skipped records with reasons, and
the notes of values left out."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from perhekeskus.catalog.importers.writer import ImportSummary

NOTES_SHOWN = 20


def write_import_report(
    write: Callable[[str], None],
    *,
    summary: ImportSummary,
    notes: Sequence[str],
    notes_title: str,
    verbosity: int,
) -> None:
    for kind in ("organizations", "locations", "services"):
        counts = getattr(summary, kind)
        write(
            f"  {kind:<14} {counts.created:>6} created  {counts.updated:>6} updated  "
            f"{counts.unchanged:>6} unchanged"
        )
    by_kind: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for kind, pk, reason in summary.skipped:
        by_kind[kind].append((pk, reason))
    write(f"  skipped        {len(summary.skipped):>6}")
    for kind, entries in sorted(by_kind.items()):
        write(f"    {kind}: {len(entries)}")
        for pk, reason in entries:
            write(f"      {pk}: {reason}")
    if notes:
        shown = list(notes) if verbosity > 1 else list(notes[:NOTES_SHOWN])
        write(f"Notes ({len(notes)} {notes_title}):")
        for note in shown:
            write(f"  {note}")
        if len(shown) < len(notes):
            write(f"  … and {len(notes) - len(shown)} more (-v 2 shows all)")
