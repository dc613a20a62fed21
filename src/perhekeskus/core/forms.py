"""What every app's views do with forms and the session the same way."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from cryptography.fernet import InvalidToken
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest
from django.utils.functional import Promise

from perhekeskus.core.crypto import fernet

# What a note repeats of a value it could not read; the rest is cut off.
_ECHO_LENGTH = 40


class LenientForm(Form):
    """A GET form of a page's filters that never fails: its parameters arrive in shared links,
    bookmarks and hand-edited addresses, so a value that does not parse is left out of the
    filter with a note (`notes_by_field`, "%(value)s" the value as it came, cut short) and the
    page still answers."""

    notes_by_field: Mapping[str, str | Promise] = {}

    def parse(self) -> dict[str, Any]:
        """The values that parsed; call once."""
        self.is_valid()
        return dict(self.cleaned_data)

    def notes(self) -> list[str]:
        notes = []
        for name in self.errors:
            raw = str(self.data.get(name, ""))
            if len(raw) > _ECHO_LENGTH:
                raw = raw[:_ECHO_LENGTH] + "…"
            message = self.notes_by_field.get(name)
            if message is not None:
                notes.append(str(message) % {"value": raw})
        return notes


def apply_validation_error(form: Form, error: ValidationError) -> None:
    """A service's ValidationError on the form: by field where the form has it, else on top (the
    error summary), so what the service refused is said where the user typed it."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def session_remember(request: HttpRequest, *, salt: str, key: str, value: Any) -> None:
    """Keep `value` (JSON-able) in the session for `session_recall`, encrypted with the field
    keys (`core.crypto`) and bound to `salt` and `key`: what a family typed (a name, a phone
    number, answers about their child, a tracking code) survives a redirect without a hidden
    field they could alter, and the session table holds none of it readable."""
    payload = json.dumps({"for": f"{salt}.{key}", "value": value}, separators=(",", ":"))
    request.session[key] = fernet().encrypt(payload.encode("utf-8")).decode("ascii")


def session_recall(request: HttpRequest, *, salt: str, key: str, max_age: int) -> Any:
    """What `session_remember` kept under `key`, or None when there is none, it is older than
    `max_age` seconds, or it cannot be read as this key's (then it is dropped)."""
    stored = request.session.get(key)
    if not stored or not isinstance(stored, str):
        return None
    try:
        payload = json.loads(fernet().decrypt(stored.encode("ascii"), ttl=max_age))
    except (InvalidToken, UnicodeEncodeError, ValueError):  # also expired
        request.session.pop(key, None)
        return None
    if not isinstance(payload, dict) or payload.get("for") != f"{salt}.{key}":
        request.session.pop(key, None)
        return None
    return payload.get("value")
