"""`perhekeskus export-hsds OUTDIR`: the public catalogue as Open Referral HSDS 3.0 JSON.

HSDS has one language per record, so each language gets its own folder with the same ids:
`OUTDIR/<lang>/services.json` (full services, as GET /services/{id}), `organizations.json`,
`service_at_locations.json`, `taxonomies.json` and `taxonomy_terms.json`. Only public data:
published, active services and what hangs on them. `perhekeskus import-hsds OUTDIR` reads it
back.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from perhekeskus.audit.services import audit_record
from perhekeskus.catalog import actions, hsds, selectors
from perhekeskus.catalog.models import ChannelKind, Organization, Taxonomy, TaxonomyTerm
from perhekeskus.core.actors import Actor

LANGUAGES = ("fi", "sv", "en")


def _write(path: Path, objects: list[dict[str, Any]]) -> None:
    # Written aside and renamed, so that a reader never sees half a file.
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(json.dumps(objects, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(partial, path)


def _dataset(lang: str) -> dict[str, list[dict[str, Any]]]:
    services = selectors.service_list_public(language=lang, full=True)
    organizations = selectors.organization_list_public(language=lang, full=True)
    sals = selectors.service_at_location_list_public(language=lang, full=True)
    taxonomies: list[Taxonomy | None] = [None, *selectors.taxonomy_list()]
    terms: list[TaxonomyTerm | str] = [*ChannelKind.values, *selectors.taxonomy_term_list()]
    return {
        "services.json": [hsds.service_full(s, lang=lang) for s in services],
        "organizations.json": [_organization(o, lang) for o in organizations],
        "service_at_locations.json": [hsds.service_at_location_full(s, lang=lang) for s in sals],
        "taxonomies.json": [hsds.taxonomy(t, lang=lang) for t in taxonomies],
        "taxonomy_terms.json": [hsds.taxonomy_term(t, lang=lang) for t in terms],
    }


def _organization(organization: Organization, lang: str) -> dict[str, Any]:
    services, locations = selectors.organization_public_parts(organization)
    return hsds.organization_full(organization, lang=lang, services=services, locations=locations)


def export_hsds(*, outdir: Path, actor: Actor | None = None) -> dict[str, int]:
    """Write every language's files under `outdir` and record one audit entry; returns how
    many objects each file has (the same in every language)."""
    counts: dict[str, int] = {}
    for lang in LANGUAGES:
        folder = outdir / lang
        folder.mkdir(parents=True, exist_ok=True)
        for name, objects in _dataset(lang).items():
            _write(folder / name, objects)
            counts[name.removesuffix(".json")] = len(objects)
    audit_record(
        action=actions.EXPORT_RUN,
        actor=actor,
        details={
            "via": "export-hsds",
            "format": "HSDS 3.0",
            "outdir": str(outdir),
            "languages": list(LANGUAGES),
            **counts,
        },
    )
    return counts


class Command(BaseCommand):
    help = (
        "Write the public catalogue as Open Referral HSDS 3.0 JSON: one folder per language "
        "(fi, sv, en) with services, organizations, service_at_locations, taxonomies and "
        "taxonomy_terms."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("outdir", type=Path, metavar="OUTDIR")

    def handle(self, *args: Any, **options: Any) -> None:
        outdir: Path = options["outdir"]
        try:
            counts = export_hsds(outdir=outdir)
        except OSError as error:
            raise CommandError(f"Cannot write to {outdir}: {error}") from error
        self.stdout.write(f"Wrote HSDS 3.0 in {', '.join(LANGUAGES)} to {outdir}:")
        for name, count in counts.items():
            self.stdout.write(f"  {name:<22} {count:>6}")
