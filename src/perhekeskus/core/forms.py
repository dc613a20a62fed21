"""What every app's views do with forms and the session the same way."""

from __future__ import annotations

from typing import Any

from django.core import signing
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest


def apply_validation_error(form: Form, error: ValidationError) -> None:
    """A service's ValidationError on the form: by field where the form has it, else on top (the
    error summary), so what the service refused is said where the user typed it."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def session_remember(request: HttpRequest, *, salt: str, key: str, value: Any) -> None:
    """Keep `value` in the session signed with `salt` and `key`, for `session_recall`: what a
    family typed survives a redirect without a hidden field they could alter."""
    request.session[key] = signing.dumps(value, salt=f"{salt}.{key}")


def session_recall(request: HttpRequest, *, salt: str, key: str, max_age: int) -> Any:
    """What `session_remember` kept under `key`, or None when there is none, it is older than
    `max_age` seconds or its signature does not hold (then it is dropped)."""
    stored = request.session.get(key)
    if not stored:
        return None
    try:
        return signing.loads(stored, salt=f"{salt}.{key}", max_age=max_age)
    except signing.BadSignature:  # also SignatureExpired
        request.session.pop(key, None)
        return None
