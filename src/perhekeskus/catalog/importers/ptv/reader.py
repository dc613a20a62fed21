"""Reading PTV's JSON with the path of every value, so that a wrong structure stops the import
with `PtvFormatError` naming the file and the JSON path, and a wrong value is noted."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any, NoReturn

from django.utils.translation import gettext, gettext_noop

# --- errors and notes ---------------------------------------------------------------------------


class PtvFormatError(Exception):
    """A file that cannot be read as PTV data; says which file and where in it."""

    def __init__(self, file: str, path: str, message: str, **params: Any) -> None:
        # `message` is an English msgid, shown in the active language, formatted with `params`.
        text = gettext(message) % params if params else gettext(message)
        super().__init__(f"{file}: {path}: {text}")
        self.file = file
        self.path = path
        self.message = text


class _Doc:
    """The file being read: its name for errors, and the notes about values left out."""

    def __init__(self, name: str, notes: list[str]) -> None:
        self.name = name
        self.notes = notes

    def fail(self, path: str, message: str, **params: Any) -> NoReturn:
        raise PtvFormatError(self.name, path, message, **params)

    def note(self, path: str, message: str, **params: Any) -> None:
        """`message` is an English msgid marked with `gettext_noop` where it is written, shown
        in the active language (the command's user's) and formatted with `params`."""
        text = gettext(message) % params if params else gettext(message)
        self.notes.append(f"{self.name}: {path}: {text}")


# --- reading JSON with its path -----------------------------------------------------------------


def _obj(doc: _Doc, value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        doc.fail(path, "expected an object")
    return value


def _opt_obj(doc: _Doc, parent: dict[str, Any], key: str, path: str) -> dict[str, Any] | None:
    value = parent.get(key)
    if value is None:
        return None
    return _obj(doc, value, f"{path}.{key}")


def _list(doc: _Doc, parent: dict[str, Any], key: str, path: str) -> list[Any]:
    value = parent.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        doc.fail(f"{path}.{key}", "expected an array")
    return value


def _objects(
    doc: _Doc, parent: dict[str, Any], key: str, path: str
) -> Iterable[tuple[str, dict[str, Any]]]:
    """The objects of an array field, each with its path."""
    for index, item in enumerate(_list(doc, parent, key, path)):
        item_path = f"{path}.{key}[{index}]"
        yield item_path, _obj(doc, item, item_path)


def _str(doc: _Doc, parent: dict[str, Any], key: str, path: str) -> str:
    """A string field, stripped; '' when missing or null."""
    value = parent.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        doc.fail(f"{path}.{key}", "expected a string")
    return value.strip()


def _bool(doc: _Doc, parent: dict[str, Any], key: str, path: str) -> bool:
    value = parent.get(key)
    if value is None:
        return False
    if not isinstance(value, bool):
        doc.fail(f"{path}.{key}", "expected true or false")
    return value


def _id(doc: _Doc, parent: dict[str, Any], key: str, path: str) -> uuid.UUID:
    """A required id: without it nothing can be matched, so it is a structure error."""
    value = _str(doc, parent, key, path)
    if not value:
        doc.fail(f"{path}.{key}", "missing: every PTV item has an id")
    try:
        return uuid.UUID(value)
    except ValueError:
        doc.fail(f"{path}.{key}", "expected a UUID, found %(value)s", value=repr(value))


def _opt_id(doc: _Doc, parent: dict[str, Any], key: str, path: str) -> uuid.UUID | None:
    value = _str(doc, parent, key, path)
    if not value:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        doc.note(f"{path}.{key}", gettext_noop("not a UUID, left out: %(value)r"), value=value)
        return None
