"""How import commands tell what they did, in the user's language: counts per kind, skipped
records with reasons, what was kept or removed of what the input does not mention, and the
notes of values left out.

The language is the command's `--language` for its messages, else the first of the LANGUAGE,
LC_ALL, LC_MESSAGES and LANG environment variables that names Finnish, Swedish or English (as
gettext reads them), else the site's `LANGUAGE_CODE`.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Sequence

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from perhekeskus.catalog.importers.writer import ImportSummary

NOTES_SHOWN = 20
MESSAGE_LANGUAGES = [code for code, _name in settings.LANGUAGES]
ENVIRONMENT_LANGUAGE = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def message_language(explicit: str | None = None) -> str:
    """The language of a command's messages (see the module's docstring)."""
    if explicit in MESSAGE_LANGUAGES:
        return str(explicit)
    for variable in ENVIRONMENT_LANGUAGE:
        value = os.environ.get(variable, "")
        if not value:
            continue
        for part in value.split(":"):
            code = part.split(".")[0].split("_")[0].split("-")[0].lower()
            if code in MESSAGE_LANGUAGES:
                return code
        break  # the first variable set decides; C, POSIX or another language: the default
    return settings.LANGUAGE_CODE


def _kinds() -> dict[str, str]:
    return {
        "organizations": _("organizations"),
        "locations": _("locations"),
        "services": _("services"),
        "organization": _("organizations"),
        "location": _("locations"),
        "service": _("services"),
    }


def _rows() -> dict[str, str]:
    return {
        "at_location": _("places of services"),
        "channel": _("contact channels"),
        "schedule": _("opening hours"),
    }


def write_import_report(
    write: Callable[[str], None],
    *,
    summary: ImportSummary,
    notes: Sequence[str],
    notes_title: str,
    verbosity: int,
) -> None:
    kinds = _kinds()
    for kind in ("organizations", "locations", "services"):
        counts = getattr(summary, kind)
        write(
            "  "
            + _("%(kind)-14s %(created)6d created  %(updated)6d updated  %(unchanged)6d unchanged")
            % {
                "kind": kinds[kind],
                "created": counts.created,
                "updated": counts.updated,
                "unchanged": counts.unchanged,
            }
        )
    by_kind: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for kind, pk, reason in summary.skipped:
        by_kind[kind].append((pk, reason))
    write(f"  {_('skipped'):<14} {len(summary.skipped):>6}")
    for kind, entries in sorted(by_kind.items()):
        write(f"    {kinds.get(kind, kind)}: {len(entries)}")
        for pk, reason in entries:
            write(f"      {pk}: {reason}")
    rows = _rows()
    if summary.removed:
        title = (
            _("Would remove, as the input does not mention them (--prune):")
            if summary.dry_run
            else _("Removed, as the input does not mention them (--prune):")
        )
        write(title)
        for kind, count in sorted(summary.removed.items()):
            write(f"  {rows.get(kind, kind):<24} {count:>6}")
    if summary.kept:
        write(_("Kept, as the input does not mention them (--prune would remove them):"))
        for kind, count in sorted(summary.kept.items()):
            write(f"  {rows.get(kind, kind):<24} {count:>6}")
    if summary.dry_run:
        write(_("Dry run: nothing was written."))
    if notes:
        shown = list(notes) if verbosity > 1 else list(notes[:NOTES_SHOWN])
        write(
            ngettext("Notes (%(count)d %(title)s):", "Notes (%(count)d %(title)s):", len(notes))
            % {"count": len(notes), "title": notes_title}
        )
        for note in shown:
            write(f"  {note}")
        if len(shown) < len(notes):
            write(
                "  "
                + _("… and %(count)d more (-v 2 shows all)") % {"count": len(notes) - len(shown)}
            )
