"""The family's booking forms. They parse input and check what a form can check alone; the rules
that need the database (the slot still free, the window, the per-person limit, a required answer
the service checks again) come back from the booking service as ValidationError, and nothing the
family typed is lost on the way."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from perhekeskus.appointments.models import AppointmentType, Channel
from perhekeskus.core.forms import ContactForm, question_field

if TYPE_CHECKING:  # types only: the choices come from the appointment type
    from perhekeskus.accounts.models import User
    from perhekeskus.catalog.models import Location

ANY = "any"
ANSWER_MAX = 2000


def channel_choices(appointment_type: AppointmentType) -> list[tuple[str, str]]:
    return [(code, str(Channel(code).label)) for code in appointment_type.channels]


def professional_label(professional: User) -> str:
    """ "Maija Virtanen, lastenvalvoja": the name the family books with, and the title if any."""
    name = professional.get_full_name() or str(professional)
    return f"{name}, {professional.title}" if professional.title else name


class SlotFilterForm(forms.Form):
    """How and with whom (a GET form): the week's free times follow it."""

    channel = forms.ChoiceField(label=_("How do you want to meet?"), widget=forms.RadioSelect)
    who = forms.ChoiceField(label=_("With whom?"), required=False)

    def __init__(
        self,
        *args: Any,
        appointment_type: AppointmentType,
        professionals: list[User],
        fixed_channel: str = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        channel = self.fields["channel"]
        if fixed_channel:
            # Changing a booking keeps its channel: only the time (and who) can change.
            del self.fields["channel"]
        else:
            channel.choices = channel_choices(appointment_type)  # type: ignore[attr-defined]
        self.fields["who"].choices = [  # type: ignore[attr-defined]
            (ANY, _("Whoever is free first"))
        ] + [(str(p.pk), professional_label(p)) for p in professionals]

    def value_of(self, name: str, default: str) -> str:
        """The valid choice for `name`, else `default`: a changed or stale address still shows
        times."""
        if self.is_bound and self.is_valid():
            return str(self.cleaned_data.get(name) or default)
        return default


class DetailsForm(ContactForm):
    """Who books, how to reach them and the type's pre-questions (`q_<question id>`)."""

    email_help = _("The confirmation and the reminder come here.")
    phone_help = _("For a text message reminder, and to call you if the time must change.")
    location = forms.ChoiceField(label=_("Where do you want to meet?"), widget=forms.RadioSelect)
    # One token per rendered form: a double click or a resend is the same booking.
    form_token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    # What was chosen on the previous page; checked again by the booking service.
    slot = forms.CharField(widget=forms.HiddenInput, max_length=64)
    channel = forms.CharField(widget=forms.HiddenInput, max_length=10)
    who = forms.CharField(widget=forms.HiddenInput, max_length=20, required=False)
    link = forms.CharField(widget=forms.HiddenInput, max_length=64, required=False)

    def __init__(
        self,
        *args: Any,
        appointment_type: AppointmentType,
        locations: list[Location],
        channel: str,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.questions = list(appointment_type.questions.all())
        self.locations = locations
        if channel == Channel.VISIT and len(locations) > 1:
            self.fields["location"].choices = [  # type: ignore[attr-defined]
                (str(location.pk), _location_label(location)) for location in locations
            ]
            self.fields["location"].error_messages["required"] = _("Choose where to meet.")
        else:
            del self.fields["location"]
        for question in self.questions:
            self.fields[f"q_{question.pk}"] = question_field(question)

    def question_fields(self) -> list[forms.BoundField]:
        return [self[f"q_{question.pk}"] for question in self.questions]

    def answers(self) -> dict[str, str]:
        """{question id: answer} of the questions answered."""
        answers = {}
        for question in self.questions:
            value = str(self.cleaned_data.get(f"q_{question.pk}") or "").strip()
            if value:
                answers[str(question.pk)] = value
        return answers

    def location_id(self) -> str | None:
        if "location" in self.fields:
            return str(self.cleaned_data["location"])
        return str(self.locations[0].pk) if self.locations else None

    def typed(self) -> dict[str, str]:
        """What the family typed, to keep when the slot was just taken (valid or not)."""
        names = ["name", "email", "phone", "location", *(f"q_{q.pk}" for q in self.questions)]
        return {name: str(self.data.get(name) or "")[:ANSWER_MAX] for name in names}


def _location_label(location: Location) -> str:
    address = " ".join(filter(None, [location.street_address, location.post_office]))
    return f"{location.name}, {address}" if address else str(location.name)


class CancelForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, cancel my appointment."),
        error_messages={"required": _("Tick the box to confirm that you want to cancel.")},
    )


def week_start(day: dt.date) -> dt.date:
    """The Monday of `day`'s week."""
    return day - dt.timedelta(days=day.weekday())


def parse_week(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(text or ""))
    except ValueError:
        return None
