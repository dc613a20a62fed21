"""The base of the reader of one file: checked JSON values, their JSON paths, errors and notes."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NoReturn

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext

from perhekeskus.catalog.importers.records import (
    LocationRecord,
    OrganizationRecord,
    ServiceRecord,
    TaxonomyRecord,
    Texts,
)
from perhekeskus.catalog.opening import FINNISH_TIME

_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
_COORDINATE = Decimal("0.000001")
Json = dict[str, Any]


class HsdsFormatError(Exception):
    """Input that cannot be read: the file, the JSON path, and what is wrong, in the active
    language (`message` is an English msgid, formatted with `params`)."""

    def __init__(self, file: Path, path: str, message: str, **params: Any) -> None:
        text = gettext(message) % params if params else gettext(message)
        super().__init__(f"{file}: {path}: {text}")
        self.file, self.path, self.message = file, path, text


@dataclass
class Reference:
    kind: str  # "organization" | "location"
    id: uuid.UUID
    file: Path
    path: str
    # A location's owner that is nowhere to be found gives way to the service's organisation.
    location_id: uuid.UUID | None = None
    fallback: uuid.UUID | None = None


class Reader:
    """One JSON file in one language: its values checked and turned into records."""

    def __init__(self, *, file: Path, language: str) -> None:
        self.file = file
        self.lang = language
        self.organizations: dict[uuid.UUID, OrganizationRecord] = {}
        self.locations: dict[uuid.UUID, LocationRecord] = {}
        self.services: dict[uuid.UUID, ServiceRecord] = {}
        self.taxonomies: dict[str, TaxonomyRecord] = {}
        self.municipalities: dict[str, Texts] = {}
        self.references: list[Reference] = []
        self.notes: list[str] = []

    # --- values ---------------------------------------------------------------------------

    def fail(self, at: str, message: str, **params: Any) -> NoReturn:
        raise HsdsFormatError(self.file, at, message, **params)

    def note(self, at: str, message: str, **params: Any) -> None:
        """A value left out, in the active language (`message`: an English msgid)."""
        text = gettext(message) % params if params else gettext(message)
        self.notes.append(f"{self.file}: {at}: {text}")

    def obj(self, value: Any, at: str) -> Json:
        if not isinstance(value, dict):
            self.fail(at, "expected an object")
        return value

    def items(self, data: Json, key: str, at: str) -> Iterator[tuple[Json, str]]:
        value = data.get(key)
        if value is None:
            return
        if not isinstance(value, list):
            self.fail(f"{at}.{key}", "expected an array")
        for index, item in enumerate(value):
            yield self.obj(item, f"{at}.{key}[{index}]"), f"{at}.{key}[{index}]"

    def string(self, data: Json, key: str, at: str, *, required: bool = False) -> str:
        value = data.get(key)
        if value is None or value == "":
            if required:
                self.fail(f"{at}.{key}", "required")
            return ""
        if not isinstance(value, str):
            self.fail(f"{at}.{key}", "expected a string")
        return value.strip()

    def texts(self, data: Json, key: str, at: str, *, required: bool = False) -> Texts:
        text = self.string(data, key, at, required=required)
        return {self.lang: text} if text else {}

    def choice(self, data: Json, key: str, at: str, choices: list[str], default: str) -> str:
        value = self.string(data, key, at)
        if not value:
            return default
        if value not in choices:
            self.fail(f"{at}.{key}", "expected one of %(choices)s", choices=", ".join(choices))
        return value

    def identifier(self, data: Json, key: str, at: str) -> uuid.UUID:
        value = self.optional_identifier(data, key, at)
        if value is None:
            self.fail(f"{at}.{key}", "required")
        return value

    def optional_identifier(self, data: Json, key: str, at: str) -> uuid.UUID | None:
        value = self.string(data, key, at)
        if not value:
            return None
        try:
            return uuid.UUID(value)
        except ValueError:
            self.fail(f"{at}.{key}", "expected a UUID")

    def whole_number(self, data: Json, key: str, at: str) -> int | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
            self.fail(f"{at}.{key}", "expected a whole number")
        return int(value)

    def coordinate(self, data: Json, key: str, at: str) -> Decimal | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            self.fail(f"{at}.{key}", "expected a number")
        try:
            return Decimal(str(value)).quantize(_COORDINATE)
        except InvalidOperation:
            self.fail(f"{at}.{key}", "expected a number")

    def boolean(self, data: Json, key: str, at: str) -> bool | None:
        value = data.get(key)
        if value is not None and not isinstance(value, bool):
            self.fail(f"{at}.{key}", "expected true or false")
        return value

    def date(self, data: Json, key: str, at: str) -> dt.date | None:
        value = self.string(data, key, at)
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.fail(f"{at}.{key}", "expected a date YYYY-MM-DD")

    def time(self, data: Json, key: str, at: str, on: dt.date | None) -> dt.time | None:
        value = self.string(data, key, at)
        if not value:
            return None
        if value.startswith("24:00"):
            # The end of the day; a closing time at or before the opening runs past midnight.
            value = "00:00" + value.removeprefix("24:00").lstrip(":0")
        try:
            parsed = dt.time.fromisoformat(value)
        except ValueError:
            self.fail(f"{at}.{key}", "expected a time HH:MM")
        if parsed.tzinfo is None:
            return parsed
        # An offset holds on one date; daylight saving time decides what it is in Finland.
        moment = dt.datetime.combine(on or dt.date.today(), parsed)
        return moment.astimezone(FINNISH_TIME).time().replace(tzinfo=None)

    def lenient(self, model: type[models.Model], name: str, value: Any, at: str) -> Any:
        """`value` if the model's field takes it; else the field's empty value, with a note, so
        that one bad value (a foreign postal code, a latitude of 100) costs only itself."""
        if value is None or value == "":
            return value
        model_field = model._meta.get_field(name)
        if not isinstance(model_field, models.Field):
            return value
        try:
            model_field.run_validators(model_field.to_python(value))
        except ValidationError as error:
            shown = repr(value) if isinstance(value, str) else str(value)
            self.note(
                at, "%(value)s left out: %(reason)s", value=shown, reason=" ".join(error.messages)
            )
            return None if model_field.null else ""
        return value

    def language_codes(self, codes: list[tuple[str, str]]) -> list[str]:
        result = []
        for code, at in codes:
            code = code.lower()
            if _LANGUAGE_CODE.match(code):
                result.append(code)
            else:
                self.note(
                    at,
                    "language code %(code)s left out (expected ISO 639-1 or 639-3)",
                    code=repr(code),
                )
        return result

    def reference(self, kind: str, pk: uuid.UUID, at: str, **fallback: uuid.UUID) -> None:
        self.references.append(Reference(kind, pk, self.file, at, **fallback))
