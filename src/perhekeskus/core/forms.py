"""What every app's views do with forms and the session the same way."""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Mapping
from typing import Any, Protocol

from cryptography.fernet import InvalidToken
from django import forms
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

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


# --- The family's contact details and answers on a booking or sign-up form ------------------------

CONTACT_NAME_MAX = 100
ANSWER_MAX = 2000
PHONE_PATTERN = re.compile(r"^\+?[0-9][0-9 ()-]{5,19}$")


class TelInput(forms.TextInput):
    input_type = "tel"


class ContactForm(Form):
    """Who books or signs up and how to reach them: a name, and an e-mail address or a phone
    number (at least one). A form may say what each is for (`email_help`, `phone_help`)."""

    email_help: Any = ""  # a text, lazily translated
    phone_help: Any = ""

    name = forms.CharField(
        label=_("Your name"),
        max_length=CONTACT_NAME_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Enter your name.")},
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone number"),
        required=False,
        max_length=30,
        widget=TelInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].help_text = self.email_help
        self.fields["phone"].help_text = self.phone_help

    def clean_name(self) -> str:
        return " ".join(str(self.cleaned_data.get("name") or "").split())

    def clean_phone(self) -> str:
        value = str(self.cleaned_data.get("phone") or "").strip()
        if value and not PHONE_PATTERN.match(value):
            raise forms.ValidationError(_("Enter a phone number, e.g. 040 123 4567."))
        return value

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        # Where the e-mail or the phone has its own error, that already says what is wrong.
        own_error = {"email", "phone"} & set(self.errors)
        if not own_error and not cleaned.get("email") and not cleaned.get("phone"):
            self.add_error(
                "email", _("Give an e-mail address or a phone number, so that we can reach you.")
            )
        return cleaned


class Asked(Protocol):
    """A question the family answers on the form (an appointment type's, an event's)."""

    text: str
    required: bool
    kind: str

    def choice_list(self) -> list[str]: ...


def question_field(question: Asked) -> forms.Field:
    """The form field of a question: one of its choices ("choice"), else a free answer."""
    if question.kind == "choice":
        return forms.ChoiceField(
            label=question.text,
            required=question.required,
            choices=[(choice, choice) for choice in question.choice_list()],
            widget=forms.RadioSelect,
            error_messages={"required": _("Choose one answer.")},
        )
    return forms.CharField(
        label=question.text,
        required=question.required,
        max_length=ANSWER_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Answer this question.")},
    )


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


# --- Dates and times as Finnish public services write them, typed in a text box ------------------

DATE_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]
DATETIME_FORMATS = [
    "%d.%m.%Y %H.%M",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y klo %H.%M",
    "%d.%m.%Y kl. %H.%M",
    "%d.%m.%Y",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
]


def finnish_date(day: datetime.date) -> str:
    """4.12.2026: how a form shows a date it expects back."""
    return f"{day.day}.{day.month}.{day.year}"


class FinnishDateField(forms.DateField):
    """4.12.2026 (or 2026-12-04), typed in a text box: the same format in every browser and
    language. A year outside `first_year`..2199 is a typing error (and at the ends of Python's
    calendar a day's time in UTC does not exist)."""

    widget = forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric", "size": 12})
    default_error_messages = {"invalid": _("Write the date as d.m.yyyy, for example 4.12.2026.")}
    first_year = 1900
    last_year = 2199

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", DATE_FORMATS)
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return finnish_date(value)
        return super().prepare_value(value)

    def clean(self, value: Any) -> Any:
        day = super().clean(value)
        if day is not None and not self.first_year <= day.year <= self.last_year:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return day


class FinnishDateTimeField(forms.DateTimeField):
    """4.12.2026 9.00 in Finnish time, typed in a text box."""

    widget = forms.DateTimeInput(attrs={"autocomplete": "off", "size": 18}, format="%d.%m.%Y %H.%M")
    default_error_messages = {
        "invalid": _("Write the date and time as d.m.yyyy h.mm, for example 4.12.2026 9.00.")
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", DATETIME_FORMATS)
        super().__init__(**kwargs)
