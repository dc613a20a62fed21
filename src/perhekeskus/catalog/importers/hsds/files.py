"""Finding and loading the files: one file, or a folder with a subfolder per language."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from perhekeskus.catalog.importers.hsds.parse_services import ServiceReader
from perhekeskus.catalog.importers.hsds.reader import HsdsFormatError

LANGUAGES = ("fi", "sv", "en")
SERVICES_FILE = "services.json"
ORGANIZATIONS_FILE = "organizations.json"

# --- reading files ------------------------------------------------------------------------------


def _load(file: Path) -> Any:
    try:
        return json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise HsdsFormatError(file, "$", "no such file") from None
    except UnicodeDecodeError as error:
        raise HsdsFormatError(file, "$", f"not UTF-8 text ({error.reason})") from None
    except json.JSONDecodeError as error:
        raise HsdsFormatError(
            file, "$", f"not JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from None


def _read_services(reader: ServiceReader) -> None:
    data = _load(reader.file)
    if isinstance(data, dict):
        reader.service(data, "$")
    elif isinstance(data, list):
        for index, item in enumerate(data):
            reader.service(reader.obj(item, f"$[{index}]"), f"$[{index}]")
    else:
        reader.fail("$", "expected a service object or an array of them")


def _read_organizations(reader: ServiceReader) -> None:
    data = _load(reader.file)
    if not isinstance(data, list):
        reader.fail("$", "expected an array of organisations")
    for index, item in enumerate(data):
        reader.organization(reader.obj(item, f"$[{index}]"), f"$[{index}]")


def read_files(path: Path, language: str) -> list[ServiceReader]:
    if path.is_file():
        reader = ServiceReader(file=path, language=language)
        _read_services(reader)
        return [reader]
    if not path.is_dir():
        raise HsdsFormatError(path, "$", "no such file or folder")
    if (path / SERVICES_FILE).is_file():
        return read_files(path / SERVICES_FILE, language)
    readers = []
    for lang in LANGUAGES:
        folder = path / lang
        if not (folder / SERVICES_FILE).is_file():
            continue
        reader = ServiceReader(file=folder / SERVICES_FILE, language=lang)
        _read_services(reader)
        readers.append(reader)
        if (folder / ORGANIZATIONS_FILE).is_file():
            organizations = ServiceReader(file=folder / ORGANIZATIONS_FILE, language=lang)
            _read_organizations(organizations)
            readers.append(organizations)
    if not readers:
        raise HsdsFormatError(
            path, "$", f"no {SERVICES_FILE} in it, nor in a fi/, sv/ or en/ folder in it"
        )
    return readers
