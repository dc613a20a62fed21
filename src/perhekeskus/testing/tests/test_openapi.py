"""The answer-against-document check finds what is not declared, what is missing and a null
where none is allowed."""

from __future__ import annotations

from typing import Any

from perhekeskus.testing.openapi import response_schema, undeclared

DOCUMENT: dict[str, Any] = {
    "components": {
        "schemas": {
            "Place": {
                "type": "object",
                "properties": {"name": {"type": "string"}},
                "required": ["name"],
            },
            "Item": {
                "type": "object",
                "properties": {
                    "id": {"type": "string"},
                    "place": {"allOf": [{"$ref": "#/components/schemas/Place"}], "nullable": True},
                    "answers": {"type": "object", "additionalProperties": {"type": "string"}},
                },
                "required": ["id"],
            },
        }
    },
    "paths": {
        "/items": {
            "get": {
                "responses": {
                    "200": {
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "array",
                                    "items": {"$ref": "#/components/schemas/Item"},
                                }
                            }
                        }
                    }
                }
            }
        }
    },
}


def check(data: Any) -> list[str]:
    return undeclared(data, response_schema(DOCUMENT, "/items", "get", "200"), DOCUMENT, "items")


def test_an_answer_as_documented_has_no_problems() -> None:
    assert check([{"id": "1", "place": None, "answers": {"7": "yes"}}]) == []
    assert check([{"id": "1", "place": {"name": "Lumo"}}]) == []


def test_what_the_document_does_not_say_is_named() -> None:
    assert check([{"id": "1", "secret": "x"}]) == ["items[0].secret is not declared"]
    assert check([{"place": {"name": "Lumo"}}]) == ["items[0].id is missing"]
    assert check([{"id": "1", "place": {}}]) == ["items[0].place.name is missing"]
    assert check([{"id": None}]) == ["items[0].id is null but not nullable"]
