"""The families' event forms: the list's filters (a GET form that never fails: a parameter
that does not parse is left out with a note), the sign-up with its participant rows and the
event's questions, the change of the group, cancelling and a forum topic. The rules that need
the database (seats, the enrolment window, ages against the event's range) come back from the
sign-up service as ValidationError or SignupRefused, and nothing the family typed is lost."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from perhekeskus.core.ages import MAX_CHILD_AGE
from perhekeskus.core.forms import ContactForm, LenientForm, question_field
from perhekeskus.core.tasks import FAMILY_CENTER_TASKS
from perhekeskus.events.models import Event, EventLanguage, Question

NAME_MAX = 100
ANSWER_MAX = 2000
TOPIC_MAX = 2000
# The most participant rows a form shows, however large a group the event allows.
MAX_ROWS = 8
MAX_PAGE = 500

# "when": the quick choices of the date filter; "range" uses day_from and day_to.
TODAY = "today"
THIS_WEEK = "week"
RANGE = "range"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def age_label(age: int) -> str:
    if age == 0:
        return str(_("Under 1 year"))
    return ngettext("%(count)s year", "%(count)s years", age) % {"count": age}


def age_choices() -> list[tuple[str, str]]:
    return [(str(n), age_label(n)) for n in range(MAX_CHILD_AGE + 1)]


def task_choices() -> list[tuple[str, Any]]:
    return [(str(task.number), task.title) for task in FAMILY_CENTER_TASKS]


class EventFilterForm(LenientForm):
    """The list's filters. Invalid values are dropped, each with a note (`notes()`)."""

    municipality = forms.ChoiceField(label=_("Municipality"), required=False)
    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        widget=forms.RadioSelect,
        choices=[
            ("", _("Any day")),
            (TODAY, _("Today")),
            (THIS_WEEK, _("This week")),
            (RANGE, _("Between dates")),
        ],
    )
    day_from = forms.DateField(label=_("From"), required=False, widget=DateInput())
    day_to = forms.DateField(label=_("To"), required=False, widget=DateInput())
    age = forms.TypedChoiceField(
        label=_("Age of the child"), required=False, coerce=int, empty_value=None
    )
    task = forms.TypedChoiceField(label=_("Task"), required=False, coerce=int, empty_value=None)
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Any language")), *EventLanguage.choices],
    )
    free = forms.BooleanField(label=_("Free of charge"), required=False)
    has_seats = forms.BooleanField(label=_("Has free seats"), required=False)
    # From links elsewhere on the site: a service card's, an organisation's or a place's events.
    organization = forms.UUIDField(required=False)
    service = forms.UUIDField(required=False)
    place = forms.UUIDField(required=False)
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)

    notes_by_field = {
        "municipality": _(
            "We do not know the municipality “%(value)s”, so the events are not limited to a "
            "municipality."
        ),
        "when": _("“%(value)s” is not a choice of dates, so the events are not limited by date."),
        "day_from": _("“%(value)s” is not a date, so the events are not limited by it."),
        "day_to": _("“%(value)s” is not a date, so the events are not limited by it."),
        "age": _(
            "“%(value)s” is not an age we can search by (a whole number from 0 to 29), so the "
            "events are not limited by age."
        ),
        "task": _("There is no task “%(value)s”, so the events are not limited to a task."),
        "language": _(
            "“%(value)s” is not a language of the events, so they are not limited by language."
        ),
        "organization": _("We could not find “%(value)s”, so the events are not limited by it."),
        "service": _("We could not find “%(value)s”, so the events are not limited by it."),
        "place": _("We could not find “%(value)s”, so the events are not limited by it."),
        "page": _("There is no page “%(value)s”; here is the first page."),
    }

    def __init__(self, data: Any, *, municipalities: Sequence[tuple[str, str]]) -> None:
        super().__init__(data)
        municipality = self.fields["municipality"]
        assert isinstance(municipality, forms.ChoiceField)
        municipality.choices = [("", _("All municipalities")), *municipalities]
        age = self.fields["age"]
        assert isinstance(age, forms.ChoiceField)
        age.choices = [("", _("Any age")), *age_choices()]
        task = self.fields["task"]
        assert isinstance(task, forms.ChoiceField)
        task.choices = [("", _("All tasks")), *task_choices()]

    def parse(self) -> dict[str, Any]:
        """The values that parsed (call once), the dates in order; the invalid ones become
        notes."""
        values = super().parse()
        start, end = values.get("day_from"), values.get("day_to")
        if start and end and end < start:
            values["day_from"], values["day_to"] = end, start
        return values


def date_span(values: Mapping[str, Any], today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day the list shows, from the "when" choice and the dates."""
    when = values.get("when") or ""
    if when == TODAY:
        return today, today
    if when == THIS_WEEK:
        return today, today + dt.timedelta(days=6 - today.weekday())
    start, end = values.get("day_from"), values.get("day_to")
    if when == RANGE or start or end:
        return start, end
    return None, None


class ParticipantRowsMixin(forms.Form):
    """Rows of participants: `participants-<i>-name` and `participants-<i>-age` (empty: an
    adult). Blank rows are left out; `row_of` maps the service's participant numbers (of the
    rows given) back to the form's rows."""

    def add_participant_rows(self, event: Event, *, pseudonyms: bool) -> None:
        self.row_count = max(1, min(event.max_group_size, MAX_ROWS))
        self.row_of: list[int] = []
        low = event.min_age if event.min_age is not None else 0
        high = event.max_age if event.max_age is not None else MAX_CHILD_AGE
        ages = [("", _("Adult"))] + [(str(n), age_label(n)) for n in range(low, high + 1)]
        name_help = _("A first name or a nickname is enough.") if pseudonyms else ""
        for i in range(self.row_count):
            self.fields[f"participants-{i}-name"] = forms.CharField(
                label=_("Name of participant %(number)s") % {"number": i + 1},
                required=False,
                max_length=NAME_MAX,
                help_text=name_help if i == 0 else "",
                widget=forms.TextInput(attrs={"autocomplete": "off"}),
            )
            self.fields[f"participants-{i}-age"] = forms.TypedChoiceField(
                label=_("Age of participant %(number)s") % {"number": i + 1},
                required=False,
                choices=ages,
                coerce=int,
                empty_value=None,
                error_messages={"invalid_choice": _("Choose an age from the list.")},
            )

    def participant_rows(self) -> list[tuple[int, forms.BoundField, forms.BoundField]]:
        return [
            (i + 1, self[f"participants-{i}-name"], self[f"participants-{i}-age"])
            for i in range(self.row_count)
        ]

    def clean_participants(self, cleaned: dict[str, Any]) -> list[tuple[str, int | None]]:
        """The rows given, as (name, age); a row with an age but no name is an error."""
        rows: list[tuple[str, int | None]] = []
        self.row_of = []
        for i in range(self.row_count):
            name = " ".join(str(cleaned.get(f"participants-{i}-name") or "").split())
            age = cleaned.get(f"participants-{i}-age")
            if f"participants-{i}-age" in self.errors:
                continue
            if not name and age is None:
                continue
            if not name:
                self.add_error(f"participants-{i}-name", _("Enter the participant's name."))
                continue
            rows.append((name, age))
            self.row_of.append(i)
        if not rows and not any(name.startswith("participants-") for name in self.errors):
            self.add_error(
                "participants-0-name", _("Enter at least one participant: who is coming?")
            )
        return rows

    def add_service_error(self, error: ValidationError) -> None:
        """The sign-up service's ValidationError on the rows and fields it names, the rest on
        top of the error summary."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error.messages)
            return
        for field, texts in error.message_dict.items():
            self.add_error(self.service_field(field), texts)

    def service_field(self, field: str) -> str | None:
        """The form's field for a field name of the sign-up service's ValidationError."""
        if field == "participants":
            return "participants-0-name"
        match = re.fullmatch(r"participants-(\d+)-(name|age)", field)
        if match:
            index = int(match.group(1))
            row = self.row_of[index] if index < len(self.row_of) else index
            name = f"participants-{row}-{match.group(2)}"
            return name if name in self.fields else "participants-0-name"
        return field if field in self.fields else None


class SignupForm(ContactForm, ParticipantRowsMixin):
    """The contact person, who comes and the event's questions (`q_<question id>`)."""

    # One token per rendered form: a double click or a resend is the same sign-up.
    form_token = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(
        self, *args: Any, event: Event, questions: Sequence[Question], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.event = event
        self.questions = list(questions)
        if event.allow_pseudonyms:
            self.fields["name"].help_text = _("A first name or a nickname is enough.")
        self.add_participant_rows(event, pseudonyms=event.allow_pseudonyms)
        for question in self.questions:
            self.fields[f"q_{question.pk}"] = question_field(question)

    def question_fields(self) -> list[forms.BoundField]:
        return [self[f"q_{question.pk}"] for question in self.questions]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        cleaned["participants"] = self.clean_participants(cleaned)
        return cleaned

    def answers(self) -> dict[str, str]:
        """{"q_<id>": answer} of the questions answered."""
        answers = {}
        for question in self.questions:
            value = str(self.cleaned_data.get(f"q_{question.pk}") or "").strip()
            if value:
                answers[f"q_{question.pk}"] = value
        return answers


class ChangeForm(ParticipantRowsMixin):
    """Who comes, changed from the manage link."""

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_participant_rows(event, pseudonyms=event.allow_pseudonyms)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        cleaned["participants"] = self.clean_participants(cleaned)
        return cleaned


class CancelForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, cancel my sign-up."),
        error_messages={"required": _("Tick the box to confirm that you want to cancel.")},
    )


class TopicForm(forms.Form):
    text = forms.CharField(
        label=_("Your topic or question"),
        max_length=TOPIC_MAX,
        help_text=_(
            "Do not write names or other details by which you or your family could be "
            "recognised. At most 2000 characters."
        ),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Write your topic or question.")},
    )

    def clean_text(self) -> str:
        return str(self.cleaned_data.get("text") or "").strip()
