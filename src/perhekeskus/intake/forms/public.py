"""The public "Ask for help" form: plain language, and nothing a family wrote is ever lost to
a validation error — the form comes back with everything in it and says what to fix."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from perhekeskus.core.ages import MAX_CHILD_AGE
from perhekeskus.core.validators import looks_like_phone_number
from perhekeskus.intake import services
from perhekeskus.intake.models import Concern
from perhekeskus.intake.selectors import municipalities_with_a_team
from perhekeskus.intake.services import HelpRequestInput

MESSAGE_MAX = 5000
MESSAGE_TOO_LONG = _(
    "The message can be at most %(limit_value)d characters long; yours has %(show_value)d. "
    "Shorten it, or send the rest later from the status page of your request."
)
MAX_CHILDREN = 12


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
    if value and not looks_like_phone_number(value):
        raise ValueError(_("Enter a phone number, e.g. 040 123 4567."))
    return value


class TelInput(forms.TextInput):
    input_type = "tel"


# The fields that only make sense when the family wants to be contacted.
CONTACT_FIELDS = ("contact_name", "contact_phone", "contact_email", "preferred_time")


class HelpRequestForm(forms.Form):
    message = forms.CharField(
        label=_("What is on your mind?"),
        help_text=format_lazy(
            "{} {}",
            _(
                "Tell us in your own words what worries you or what you would like help with. "
                "A few sentences are enough."
            ),
            _("At most 5,000 characters."),
        ),
        max_length=MESSAGE_MAX,
        # No maxlength attribute (see __init__): the browser would cut a pasted text silently.
        widget=forms.Textarea(attrs={"rows": 7, "data-maxlength": str(MESSAGE_MAX)}),
        error_messages={"max_length": MESSAGE_TOO_LONG},
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
        # help.js disables the contact fields while this is ticked, and says so.
        widget=forms.CheckboxInput(
            attrs={
                "data-contact-fields": "id_contact_name id_contact_phone id_contact_email "
                "id_preferred_time",
                "data-anonymous-note": "anonymous-note",
            }
        ),
    )
    # Autocomplete tokens and input modes: WCAG 1.3.5, and a number keyboard on a phone.
    contact_name = forms.CharField(
        label=_("Your name (optional)"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact_phone = forms.CharField(
        label=_("Phone number"),
        required=False,
        max_length=30,
        widget=TelInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    contact_email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
    )
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
        self.fields["message"].widget.attrs.pop("maxlength", None)

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
        anonymous = bool(cleaned.get("anonymous"))
        # What was typed counts, even where a field's own check failed: never drop it unasked.
        typed = [str(self.data.get(name) or "") for name in CONTACT_FIELDS]
        reachable = bool(cleaned.get("contact_phone") or cleaned.get("contact_email"))
        if not anonymous and {"contact_phone", "contact_email"} & set(self.errors):
            return cleaned  # the field's own error already says what is wrong
        problem = services.contact_problem(anonymous=anonymous, typed=typed, reachable=reachable)
        if problem is not None:
            self.add_error("anonymous" if anonymous else "contact_phone", problem)
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
        # A shared phone must not offer the code to the next person who types here.
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


class FamilyAddForm(forms.Form):
    """More information to an open request, from its status page."""

    text = forms.CharField(
        label=_("What do you want to add?"),
        help_text=format_lazy(
            "{} {}",
            _(
                "The team sees it with your request. It is not shown on this page, so "
                "nobody else with the code can read it."
            ),
            _("At most 5,000 characters."),
        ),
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 5, "data-maxlength": str(MESSAGE_MAX)}),
        error_messages={"max_length": MESSAGE_TOO_LONG},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].widget.attrs.pop("maxlength", None)


class WithdrawForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, withdraw my request. I no longer need help with it."),
        error_messages={"required": _("Tick the box to confirm that you want to withdraw.")},
    )
