"""Views and forms only parse input and call one selector or service: none of them queries a
model itself (architecture.md, "How a request flows")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent

# Where a query would begin: a manager, or a related manager's query methods.
_QUERY = re.compile(r"\b[A-Z]\w*\.objects\b|\.(children|questions|signups|participants)\.")


@pytest.mark.parametrize(
    "path",
    sorted(
        str(p.relative_to(APP))
        for folder in ("views", "forms", "templatetags")
        for p in (APP / folder).rglob("*.py")
        if (APP / folder).exists()
    ),
)
def test_no_view_or_form_queries_a_model(path: str) -> None:
    found = [
        f"{path}:{number}: {line.strip()}"
        for number, line in enumerate((APP / path).read_text().splitlines(), 1)
        if _QUERY.search(line)
    ]
    assert found == []
