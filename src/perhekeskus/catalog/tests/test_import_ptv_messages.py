"""The PTV import's notes about values left out and its reasons for skipping are in the user's
language (`--language`, else LANGUAGE or LANG): each is an English msgid marked where it is
written and translated when the import tells it."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from perhekeskus.catalog.tests.test_import_ptv import (
    location_channel,
    organization,
    page,
    phone_channel,
    service,
    write,
)

pytestmark = pytest.mark.django_db

OUTDATED = "9d2e3f40-5b6c-4d7e-8f90-a1b2c3d4e5f6"


def _export(folder: Path) -> Path:
    outdated = service(id=OUTDATED, publishingStatus="OldPublished")
    write(folder, "organization.json", organization())
    odd = service(serviceChargeType="Sometimes")
    odd["serviceDescriptions"].append({"language": "fi", "value": "?", "type": "Weird"})
    write(folder, "services.json", page([odd, outdated]))
    write(folder, "channels.json", [location_channel(), phone_channel()])
    return folder


def _run(folder: Path, language: str) -> str:
    out = io.StringIO()
    options: dict[str, Any] = {"language": language, "verbosity": 2}
    call_command("import_ptv", str(folder), stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


@pytest.mark.parametrize(
    ("language", "note", "described", "skipped"),
    [
        (
            "fi",
            "tuntematon maksullisuuden tyyppi 'Sometimes'",
            "tuntematon kuvauksen tyyppi 'Weird', jätetty pois",
            f"{OUTDATED}: vanhentunut kopio PTV:ssä",
        ),
        (
            "sv",
            "okänd avgiftstyp 'Sometimes'",
            "okänd beskrivningstyp 'Weird', utelämnad",
            f"{OUTDATED}: en föråldrad kopia i PTV",
        ),
        (
            "en",
            "unknown charge type 'Sometimes'",
            "unknown description type 'Weird', left out",
            f"{OUTDATED}: an outdated copy in PTV",
        ),
    ],
)
def test_the_notes_and_skip_reasons_are_in_the_users_language(
    tmp_path: Path, language: str, note: str, described: str, skipped: str
) -> None:
    output = _run(_export(tmp_path), language)
    assert f"services.json: $.itemList[0].serviceChargeType: {note}" in output
    assert described in output
    assert skipped in output
    if language != "en":
        assert "unknown charge type" not in output
        assert "an outdated copy in PTV" not in output
