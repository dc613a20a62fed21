"""`perhekeskus import-ptv PATH [PATH ...]` or `perhekeskus import-ptv --api URL`: import
Suomi.fi PTV open API JSON (v11, and v9 as older exports have it).

From files: reads every file first; a broken file stops the import before anything is written.
From the API (`--api https://api.palvelutietovaranto.suomi.fi/api/v11/`): pages through the
services of `--municipality CODE` or `--organization ID` (or all of them), changed since
`--since` if given, with their channels and the organisations not known yet, trying a failed
call again after a pause; a call that keeps failing stops the sync before anything is written,
and running it again is safe (ids are PTV's: nothing is duplicated).

Then writes everything in one transaction and prints what was created, updated, unchanged and
skipped. What the input does not mention of a service (places, channels and opening hours that
came from channels not in the input) stays; `--prune` removes it and `--dry-run` only tells
(ADR 0030). Channels whose services or organisation have not arrived are kept and linked by a
later import.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser, OutputWrapper
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from perhekeskus.catalog.importers.ptv import PtvFormatError, ptv_files, ptv_import, ptv_parse
from perhekeskus.catalog.importers.ptv import api as ptv_api
from perhekeskus.catalog.importers.ptv.api import (
    PtvApiClient,
    PtvApiError,
    PtvApiQuery,
    ptv_api_documents,
)
from perhekeskus.catalog.management.report import (
    MESSAGE_LANGUAGES,
    message_language,
    write_import_report,
)
from perhekeskus.catalog.models import Organization

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


class FetchProgress:
    """What the API sync has fetched: a bar per list on a terminal, plain lines otherwise."""

    def __init__(self, stream: OutputWrapper, *, bar: bool) -> None:
        self.stream = stream
        self.bar = bar
        self._bars: dict[str, ProgressBar] = {}

    def __call__(self, what: str, done: int, total: int) -> None:
        label = {
            "services": _("Services"),
            "channels": _("Channels"),
            "organisations": _("Organisations"),
        }.get(what, what)
        if self.bar:
            self._bars.setdefault(what, ProgressBar(self.stream, label))(done, total)
        else:
            self.stream.write(
                _("%(what)s: page %(done)d of %(total)d fetched")
                % {"what": label, "done": done, "total": total}
            )


def _since(value: str) -> str:
    """An ISO date or time (2025-01-31, 2025-01-31T12:00:00) as PTV's `date` takes it."""
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise CommandError(
            _("--since takes an ISO date or time, for example 2025-01-31 or 2025-01-31T12:00:00.")
        ) from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


class Command(BaseCommand):
    help = (
        "Import organisations, services and service channels from Suomi.fi PTV open API "
        "JSON files (a folder is searched for *.json), or from the PTV open API itself."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="*", metavar="PATH", help="JSON files or folders")
        parser.add_argument(
            "--api",
            metavar="URL",
            help="Read from the PTV open API at this address, e.g. "
            "https://api.palvelutietovaranto.suomi.fi/api/v11/",
        )
        parser.add_argument(
            "--municipality", metavar="CODE", help="With --api: the services of a municipality."
        )
        parser.add_argument(
            "--organization", metavar="ID", help="With --api: the services of an organisation."
        )
        parser.add_argument(
            "--since", metavar="DATE", help="With --api: only what changed since (ISO 8601)."
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
        parser.add_argument(
            "--progress",
            action="store_true",
            help="Show a progress bar even when stderr is not a terminal.",
        )
        parser.add_argument(
            "--language",
            choices=MESSAGE_LANGUAGES,
            help="The language of the messages (default: LANGUAGE or LANG, else the site's).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(message_language(options.get("language"))):
            self._handle(options)

    def _documents(self, options: dict[str, Any], show_progress: bool) -> list[tuple[str, Any]]:
        organization = None
        if options["organization"]:
            try:
                organization = uuid.UUID(options["organization"])
            except ValueError:
                raise CommandError(_("--organization takes a PTV organisation id.")) from None
        query = PtvApiQuery(
            base_url=options["api"],
            municipality=options["municipality"] or "",
            organization=organization,
            since=_since(options["since"]) if options["since"] else "",
        )
        client = PtvApiClient(
            base_url=options["api"],
            retries=ptv_api.RETRIES,
            backoff=ptv_api.BACKOFF_SECONDS,
            progress=FetchProgress(self.stderr, bar=show_progress),
        )
        known = {str(pk) for pk in Organization.objects.values_list("pk", flat=True)}
        try:
            return ptv_api_documents(client, query, known_organizations=known)
        except PtvApiError as error:
            raise CommandError(
                _("Error: the PTV API could not be read: %(error)s\nNothing was imported.")
                % {"error": error}
            ) from error

    def _handle(self, options: dict[str, Any]) -> None:
        if options["api"] and options["paths"]:
            raise CommandError(_("Give either files or --api, not both."))
        if not options["api"] and (
            options["municipality"] or options["organization"] or options["since"]
        ):
            raise CommandError(_("--municipality, --organization and --since go with --api."))
        if options["municipality"] and options["organization"]:
            raise CommandError(_("Give --municipality or --organization, not both."))
        show_progress = options["progress"] or self.stderr.isatty()
        stream = self.stderr
        started = time.perf_counter()
        documents: list[tuple[str, Any]] = []
        files = []
        if options["api"]:
            documents = self._documents(options, show_progress)
        else:
            if not options["paths"]:
                raise CommandError(_("Give the JSON files or folders to import, or --api URL."))
            try:
                files = ptv_files(options["paths"])
            except FileNotFoundError as error:
                raise CommandError(
                    _("%(path)s: no such file or folder") % {"path": error.filename or error}
                ) from error
            if not files:
                raise CommandError(_("No JSON files found."))
        try:
            parsed = ptv_parse(
                documents=documents,
                files=files,
                progress=ProgressBar(stream, _("Reading")) if show_progress else None,
                pending=True,
            )
        except PtvFormatError as error:
            raise CommandError(
                _("Error: %(error)s\nNothing was imported.") % {"error": error}
            ) from error
        result = ptv_import(
            parsed=parsed,
            progress=ProgressBar(stream, _("Writing")) if show_progress else None,
            prune=options["prune"],
            dry_run=options["dry_run"],
        )
        elapsed = time.perf_counter() - started

        summary = result.summary
        if options["api"]:
            self.stdout.write(
                ngettext(
                    "Read %(count)d document from the PTV API in %(seconds).1f s.",
                    "Read %(count)d documents from the PTV API in %(seconds).1f s.",
                    len(documents),
                )
                % {"count": len(documents), "seconds": elapsed}
            )
        else:
            self.stdout.write(
                ngettext(
                    "Imported %(count)d file in %(seconds).1f s.",
                    "Imported %(count)d files in %(seconds).1f s.",
                    result.files,
                )
                % {"count": result.files, "seconds": elapsed}
            )
        write_import_report(
            self.stdout.write,
            summary=summary,
            notes=result.notes,
            notes_title=_("values left out or read leniently"),
            verbosity=options["verbosity"],
        )
        if result.waiting:
            self.stdout.write(
                ngettext(
                    "%(count)d channel waits for its services or its organisation: it is kept "
                    "and linked when they are imported.",
                    "%(count)d channels wait for their services or their organisation: they are "
                    "kept and linked when those are imported.",
                    result.waiting,
                )
                % {"count": result.waiting}
            )
