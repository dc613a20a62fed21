"""Validators of the official HSDS 3.0 JSON schemas, for the export's and the API's tests: an
open one (the schema as published) and a closed one (`additionalProperties: false` on every
object that lists properties, checked against the data without our `x_` extensions)."""

from __future__ import annotations

import copy
import datetime as dt
import functools
import json
import urllib.parse
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

FORMATS = FormatChecker()


@FORMATS.checks("date-time", raises=ValueError)
def _is_datetime(value: object) -> bool:
    return not isinstance(value, str) or dt.datetime.fromisoformat(value).tzinfo is not None


@FORMATS.checks("uri")
def _is_uri(value: object) -> bool:
    return not isinstance(value, str) or bool(urllib.parse.urlsplit(value).scheme)


def _closed(schema: Any) -> Any:
    """The schema with `additionalProperties: false` on every object that lists properties."""
    if isinstance(schema, dict):
        closed = {key: _closed(value) for key, value in schema.items()}
        if "properties" in schema and isinstance(schema["properties"], dict):
            closed["additionalProperties"] = False
        return closed
    if isinstance(schema, list):
        return [_closed(item) for item in schema]
    return schema


def without_extensions(value: Any) -> Any:
    """The data without our `x_` extension fields, at every depth."""
    if isinstance(value, dict):
        return {k: without_extensions(v) for k, v in value.items() if not k.startswith("x_")}
    if isinstance(value, list):
        return [without_extensions(item) for item in value]
    return value


@functools.cache
def schema_validators(folder: Path, name: str) -> tuple[Draft202012Validator, Draft202012Validator]:
    """(open, closed) validators of the schema file `name` in `folder`, its relative `$ref`s
    resolved among the other schema files there (never at GitHub)."""
    contents = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")}

    def registry(transform: Any) -> Registry[Any]:
        return Registry().with_resources(
            (file, Resource.from_contents(transform(schema), default_specification=DRAFT202012))
            for file, schema in contents.items()
        )

    schema = json.loads((folder / name).read_text(encoding="utf-8"))
    schema.pop("$id", None)
    return (
        Draft202012Validator(schema, registry=registry(copy.deepcopy), format_checker=FORMATS),
        Draft202012Validator(_closed(schema), registry=registry(_closed), format_checker=FORMATS),
    )
