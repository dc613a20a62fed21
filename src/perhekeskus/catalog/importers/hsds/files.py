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
        raise HsdsFormatError(
            file, "$", "not UTF-8 text (%(reason)s)", reason=error.reason
        ) from None
    except json.JSONDecodeError as error:
        raise HsdsFormatError(
            file,
            "$",
            "not JSON: %(detail)s (line %(line)d, column %(column)d)",
            detail=error.msg,
            line=error.lineno,
            column=error.colno,
        ) from None


def _read_services(reader: ServiceReader) -> None:
    """A service, an array of them, or a page of a list (`contents`, as GET /services answers);
    an organisation or an array of them is read as organisations."""
    data = _load(reader.file)
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        pages = reader.whole_number(data, "total_pages", "$")
        number = reader.whole_number(data, "page_number", "$")
        if pages and number and pages > 1:
            reader.note(
                "$",
                "page %(number)d of %(pages)d: the other pages are read from their files",
                number=number,
                pages=pages,
            )
        items = [(item, f"$.contents[{i}]") for i, item in enumerate(data["contents"])]
    elif isinstance(data, dict):
        items = [(data, "$")]
    elif isinstance(data, list):
        items = [(item, f"$[{index}]") for index, item in enumerate(data)]
    else:
        reader.fail("$", "expected a service object, an array of them or a page with contents")
    for item, at in items:
        _read_object(reader, reader.obj(item, at), at)


# Fields only an HSDS organisation has (a service has a status, a location its type).
_ORGANIZATION_FIELDS = frozenset(
    {
        "legal_status",
        "organization_identifiers",
        "parent_organization_id",
        "tax_status",
        "website",
        "year_incorporated",
    }
)


def _read_object(reader: ServiceReader, item: dict[str, Any], at: str) -> None:
    """An object by what it is: an organisation has fields of its own and no status; a location
    alone has no service to be at; anything else is read as a service."""
    if "status" not in item and "location_type" in item:
        reader.note(at, "a location on its own is left out: it comes with the services at it")
    elif "status" not in item and _ORGANIZATION_FIELDS & item.keys():
        reader.organization(item, at)
    else:
        reader.service(item, at)


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
        readers = read_files(path / SERVICES_FILE, language)
        if (path / ORGANIZATIONS_FILE).is_file():
            organizations = ServiceReader(file=path / ORGANIZATIONS_FILE, language=language)
            _read_organizations(organizations)
            readers.append(organizations)
        return readers
    if not any((path / lang / SERVICES_FILE).is_file() for lang in LANGUAGES):
        # A folder with a file per object (or per page of a list), in one language.
        files = sorted(p for p in path.rglob("*.json") if p.is_file())
        if not files:
            raise HsdsFormatError(
                path, "$", "no %(name)s and no *.json files in it", name=SERVICES_FILE
            )
        readers = []
        for file in files:
            reader = ServiceReader(file=file, language=language)
            _read_services(reader)
            readers.append(reader)
        return readers
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
            path,
            "$",
            "no %(name)s in it, nor in a fi/, sv/ or en/ folder in it",
            name=SERVICES_FILE,
        )
    return readers
