"""The public "Ask for help" form: plain language, and nothing a family wrote is ever lost to
a validation error — the form comes back with everything in it and says what to fix."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from perhekeskus.intake.models import Concern
from perhekeskus.intake.services import HelpRequestInput, municipalities_with_a_team

MESSAGE_MAX = 5000
MAX_CHILDREN = 12
MAX_CHILD_AGE = 25
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{5,19}$")


def parse_child_ages(text: str) -> list[int]:
    """ "2, 5 ja 11" → [2, 5, 11]. Raises ValueError with a message for people."""
    tokens = [t for t in re.split(r"[,;\s]+|\b(?:ja|och|and)\b", text.lower()) if t]
    if any(not token.isdigit() for token in tokens):
        raise ValueError(_("Write the ages as numbers, e.g. 2, 5."))
    ages = [int(token) for token in tokens]
    if len(ages) > MAX_CHILDREN:
        raise ValueError(_("Give at most %(count)d ages.") % {"count": MAX_CHILDREN})
    if any(age > MAX_CHILD_AGE for age in ages):
        raise ValueError(_("An age must be between 0 and %(max)d.") % {"max": MAX_CHILD_AGE})
    return ages


def normalize_phone(value: str) -> str:
    value = value.strip()
    if value and not _PHONE.match(value):
        raise ValueError(_("Enter a phone number, e.g. 040 123 4567."))
    return value


class HelpRequestForm(forms.Form):
    message = forms.CharField(
        label=_("What is on your mind?"),
        help_text=_(
            "Tell us in your own words what worries you or what you would like help with. "
            "A few sentences are enough."
        ),
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 7}),
    )
    concerns = forms.ChoiceField(
        label=_("Whom does it concern?"), choices=Concern.choices, widget=forms.RadioSelect
    )
    child_ages = forms.CharField(
        label=_("Ages of the children (optional)"),
        help_text=_("For example: 2, 5"),
        required=False,
        max_length=100,
    )
    municipality = forms.ChoiceField(label=_("Your municipality"))
    language = forms.ChoiceField(
        label=_("In which language should we contact you?"),
        choices=[("fi", "suomi"), ("sv", "svenska"), ("en", "English")],
    )
    anonymous = forms.BooleanField(
        label=_("I want to ask anonymously"),
        help_text=_(
            "Then we do not contact you. You read our answer on the status page with your "
            "tracking code."
        ),
        required=False,
    )
    contact_name = forms.CharField(label=_("Your name (optional)"), required=False, max_length=100)
    contact_phone = forms.CharField(label=_("Phone number"), required=False, max_length=30)
    contact_email = forms.EmailField(label=_("E-mail address"), required=False, max_length=254)
    preferred_time = forms.CharField(
        label=_("When is a good time to call? (optional)"),
        required=False,
        max_length=200,
        help_text=_("For example: weekdays after 3 pm"),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the professionals of the early-support team read my message and "
            "contact me as I asked."
        ),
        error_messages={"required": _("We need your consent to handle your request.")},
    )
    # Left empty by people; filled by bots that fill every field. Hidden from sight and from
    # assistive technology.
    website = forms.CharField(required=False, label=_("Leave this empty"))
    # One token per rendered form: a double click or a resend is the same request.
    form_token = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = [("", _("Choose…"))] + [  # type: ignore[attr-defined]
            (m.code, m.name) for m in municipalities_with_a_team()
        ]

    def clean_child_ages(self) -> list[int]:
        try:
            return parse_child_ages(self.cleaned_data.get("child_ages") or "")
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None

    def clean_contact_phone(self) -> str:
        try:
            return normalize_phone(self.cleaned_data.get("contact_phone") or "")
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        missing_contact = not cleaned.get("anonymous") and not (
            cleaned.get("contact_phone") or cleaned.get("contact_email")
        )
        if missing_contact and not {"contact_phone", "contact_email"} & set(self.errors):
            self.add_error(
                "contact_phone",
                _("Give a phone number or an e-mail address, or choose to ask anonymously."),
            )
        return cleaned

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def to_input(self) -> HelpRequestInput:
        data = self.cleaned_data
        return HelpRequestInput(
            message=data["message"].strip(),
            concerns=data["concerns"],
            municipality_code=data["municipality"],
            language=data["language"],
            anonymous=bool(data.get("anonymous")),
            child_ages=data.get("child_ages") or [],
            contact_name=data.get("contact_name", "").strip(),
            contact_phone=data.get("contact_phone", ""),
            contact_email=data.get("contact_email", ""),
            preferred_time=data.get("preferred_time", "").strip(),
        )


class StatusLookupForm(forms.Form):
    code = forms.CharField(
        label=_("Tracking code"),
        help_text=_("The code you got when you sent your request, e.g. ABCDE-FGHJK-MNPQR-STVWX"),
        max_length=40,
    )
