"""`PendingImport.waiting_for` held English words ("services <ids>[ and N more]; its
organisation"): it holds codes now (`PendingImport.Waiting`), with the ids of the services apart
in `waiting_services`, so that the page says them in the reader's language. Existing rows are
converted; where the words cut the ids short ("and N more"), the ids are read again from the
channel's document (those not in the catalogue are what it waits for)."""

from __future__ import annotations

import re
import uuid
from typing import Any

from django.db import migrations, models

_MORE = re.compile(r"^(?P<ids>.*) and (?P<more>\d+) more$")


def _document_services(document: Any) -> list[str]:
    """The ids of the services a PTV channel's document links to (v11 and v9 shapes)."""
    found = []
    links = document.get("services") if isinstance(document, dict) else None
    for link in links if isinstance(links, list) else []:
        value = link.get("service", link) if isinstance(link, dict) else link
        value = value.get("id") if isinstance(value, dict) else value
        try:
            found.append(str(uuid.UUID(str(value))))
        except ValueError:
            continue
    return found


def words_to_codes(apps: Any, schema_editor: Any) -> None:
    PendingImport = apps.get_model("catalog", "PendingImport")
    Service = apps.get_model("catalog", "Service")
    for row in PendingImport.objects.all().iterator():
        codes: list[str] = []
        services: list[str] = []
        for part in filter(None, (row.waiting_words or "").split("; ")):
            if part == "its organisation":
                codes.append("organization")
            elif part.startswith("services "):
                codes.append("services")
                listed = part.removeprefix("services ")
                more = _MORE.match(listed)
                if more:
                    listed = more["ids"]
                services = [s for s in listed.split(", ") if s]
                if more:
                    linked = _document_services(row.document)
                    present = {
                        str(pk)
                        for pk in Service.objects.filter(pk__in=linked).values_list("pk", flat=True)
                    }
                    missing = sorted(set(linked) - present)
                    if len(missing) >= len(services):
                        services = missing
        row.waiting_for = codes
        row.waiting_services = services
        row.save(update_fields=["waiting_for", "waiting_services"])


def codes_to_words(apps: Any, schema_editor: Any) -> None:
    PendingImport = apps.get_model("catalog", "PendingImport")
    for row in PendingImport.objects.all().iterator():
        parts = []
        if "services" in row.waiting_for:
            ids = row.waiting_services
            shown = ", ".join(ids[:3]) + (f" and {len(ids) - 3} more" if len(ids) > 3 else "")
            parts.append(f"services {shown}")
        if "organization" in row.waiting_for:
            parts.append("its organisation")
        row.waiting_words = "; ".join(parts)
        row.save(update_fields=["waiting_words"])


class Migration(migrations.Migration):
    dependencies = [("catalog", "0008_database_defaults_for_the_review_columns")]

    operations = [
        migrations.RenameField("pendingimport", "waiting_for", "waiting_words"),
        migrations.AddField(
            model_name="pendingimport",
            name="waiting_for",
            field=models.JSONField(blank=True, default=list, verbose_name="waiting for"),
        ),
        migrations.AddField(
            model_name="pendingimport",
            name="waiting_services",
            field=models.JSONField(blank=True, default=list, verbose_name="services waited for"),
        ),
        migrations.RunPython(words_to_codes, codes_to_words),
        migrations.RemoveField("pendingimport", "waiting_words"),
    ]
