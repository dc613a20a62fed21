"""The family's contact details on a booking or sign-up form: a name, and an e-mail address or a
phone number; and a question's field, a choice or a free answer."""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext

from perhekeskus.core.forms import ContactForm, question_field


class Booking(ContactForm):
    phone_help = "For a reminder."


def test_the_name_is_tidied_and_the_phone_checked() -> None:
    form = ContactForm({"name": "  Maija   Meikäläinen ", "phone": " 040 123 4567 "})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["name"] == "Maija Meikäläinen"
    assert form.cleaned_data["phone"] == "040 123 4567"
    refused = ContactForm({"name": "Maija", "phone": "soita"})
    assert not refused.is_valid()
    assert list(refused.errors) == ["phone"]  # its own error, not also "no contact"


def test_an_email_or_a_phone_is_needed() -> None:
    form = ContactForm({"name": "Maija"})
    assert not form.is_valid()
    assert form.errors["email"] == [
        gettext("Give an e-mail address or a phone number, so that we can reach you.")
    ]
    assert ContactForm({"name": "Maija", "email": "maija@example.org"}).is_valid()


def test_a_form_says_what_the_contact_is_for() -> None:
    assert Booking().fields["phone"].help_text == "For a reminder."
    assert ContactForm().fields["phone"].help_text == ""


@dataclass
class Question:
    text: str
    kind: str
    required: bool = True
    choices: list[str] = field(default_factory=list)

    def choice_list(self) -> list[str]:
        return self.choices


def test_a_question_is_a_choice_or_a_free_answer() -> None:
    choice = question_field(Question("Missä?", "choice", choices=["Turku", "Porvoo"]))
    assert isinstance(choice, forms.ChoiceField)
    assert [value for value, _label in choice.choices] == ["Turku", "Porvoo"]  # type: ignore[attr-defined]
    free = question_field(Question("Allergiat?", "text", required=False))
    assert isinstance(free, forms.CharField) and not free.required and free.max_length == 2000
