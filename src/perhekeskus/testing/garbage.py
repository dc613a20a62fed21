"""Query-parameter values that no API may answer with a 500: empty, control characters, huge
numbers, other number forms, JSON, dates at the edges of the calendar. Shared by every app's
API tests, so that a new endpoint is probed with the same values."""

from __future__ import annotations

import uuid

GARBAGE = [
    "",
    " ",
    "\x00",
    "💥",
    "9" * 400,
    "-1",
    "1e3",
    "1.5",
    "０",
    "[]",
    "%",
    "null",
    "true",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59-14:00",
    "2025-01-01",
    "{" + str(uuid.uuid4()) + "}",
]
