"""Checking an API answer against the OpenAPI document: every key the answer has is declared,
every required key is there, and a null only where the schema allows one."""

from __future__ import annotations

from typing import Any


def response_schema(document: dict[str, Any], path: str, method: str, code: str) -> dict[str, Any]:
    """The JSON schema of one answer of one operation in the document."""
    response = document["paths"][path][method]["responses"][code]
    return dict(response["content"]["application/json"]["schema"])


def undeclared(
    data: Any, schema: dict[str, Any], document: dict[str, Any], at: str = ""
) -> list[str]:
    """What of `data` the `schema` does not declare (a key, a null), and the required keys it
    lacks, each named by where it is in the answer (`at`, then `.key` and `[index]`). An object
    without declared properties (a map) is not looked into. Empty when the answer is as
    documented."""
    if data is None:  # said where the field is (`nullable` beside an `allOf`), not in its type
        return [] if schema.get("nullable") else [f"{at} is null but not nullable"]
    components = document["components"]["schemas"]
    while "$ref" in schema or "allOf" in schema:
        ref = schema["$ref"] if "$ref" in schema else schema["allOf"][0]["$ref"]
        schema = components[ref.rsplit("/", 1)[1]]
    problems: list[str] = []
    if isinstance(data, dict) and "properties" in schema:
        properties = schema["properties"]
        problems += [f"{at}.{key} is not declared" for key in data if key not in properties]
        problems += [
            f"{at}.{key} is missing" for key in schema.get("required", []) if key not in data
        ]
        for key, value in data.items():
            if key in properties:
                problems += undeclared(value, properties[key], document, f"{at}.{key}")
    elif isinstance(data, list):
        for index, item in enumerate(data):
            problems += undeclared(item, schema.get("items", {}), document, f"{at}[{index}]")
    return problems
