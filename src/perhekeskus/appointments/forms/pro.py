"""Forms of the professional's appointment pages. They only parse input and check what a form can
check alone (an end after its start, no overlapping hours, a Finnish name); who may do what, and
the rules that need the database, live in the services and come back as ValidationError."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from perhekeskus.appointments.models import (
    Channel,
    ExceptionKind,
    QuestionKind,
    WhoMayBook,
)
from perhekeskus.core.validators import validate_single_line

if TYPE_CHECKING:  # types only: the choices come from selectors
    from perhekeskus.accounts.models import User
    from perhekeskus.catalog.models import Location

LANGUAGES = (("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English")))
TIME_INPUT_FORMATS = ["%H:%M", "%H.%M", "%H"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
    "%d.%m.%Y %H.%M",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y klo %H.%M",
    "%d.%m.%Y kl. %H.%M",
]
WEEKDAYS = (
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
)
DAY = "day"
WEEK = "week"
REASON_MAX = 1000
# The days a calendar page or an absence may name (as slot ids do): a date far outside them is
# no one's working day, and at the ends of Python's calendar a day's neighbours or its time in
# UTC do not exist.
FIRST_DAY = dt.date(2000, 1, 1)
LAST_DAY = dt.date(2199, 12, 31)


def _within_calendar(field: forms.Field, value: Any) -> Any:
    """`value` (a date or a datetime) when its day is between FIRST_DAY and LAST_DAY; otherwise
    the field's own "Enter a valid date" message."""
    if value is None:
        return value
    day = value.date() if isinstance(value, dt.datetime) else value
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValidationError(field.error_messages["invalid"], code="invalid")
    return value


def _time_input() -> forms.TimeInput:
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _datetime_input() -> forms.DateTimeInput:
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


# --- Calendar -----------------------------------------------------------------------------------


class CalendarQueryForm(forms.Form):
    """Whose calendar, day or week, from which date. The professional is a plain number here:
    whether the user may read that calendar is the selector's decision (404 otherwise); the page
    offers the professionals the user manages as a list."""

    professional = forms.IntegerField(label=_("Whose calendar"), required=False, min_value=1)
    view = forms.ChoiceField(
        label=_("Show"),
        choices=((WEEK, _("Week")), (DAY, _("Day"))),
        required=False,
    )
    date = forms.DateField(
        label=_("Date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean_date(self) -> dt.date | None:
        return _within_calendar(self.fields["date"], self.cleaned_data.get("date"))


class ProfessionalForm(forms.Form):
    """The professional whose hours, exceptions or feed a page is about (`?professional=`)."""

    professional = forms.IntegerField(required=False, min_value=1)


# --- One booking --------------------------------------------------------------------------------


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for cancelling"),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "The family receives this text in the cancellation message, in the language they "
            "booked in. Write what they need to know, for example how to book a new time."
        ),
        error_messages={"required": _("Write the reason: the family receives it.")},
    )
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean_reason(self) -> str:
        return str(self.cleaned_data["reason"]).strip()


# --- Availability -------------------------------------------------------------------------------


class WeeklyHoursRowForm(forms.Form):
    weekday = forms.TypedChoiceField(label=_("Weekday"), choices=WEEKDAYS, coerce=int)
    starts = forms.TimeField(
        label=_("From"), input_formats=TIME_INPUT_FORMATS, widget=_time_input()
    )
    ends = forms.TimeField(label=_("Until"), input_formats=TIME_INPUT_FORMATS, widget=_time_input())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A row whose times are both left empty is no row (the weekday list always has a value),
        # also a stored row whose times were cleared.
        self.empty_permitted = True

    def has_changed(self) -> bool:
        if self.is_bound and not any(
            (self.data.get(self.add_prefix(name)) or "").strip() for name in ("starts", "ends")
        ):
            return False
        return super().has_changed()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        starts, ends = cleaned.get("starts"), cleaned.get("ends")
        if starts is not None and ends is not None and ends <= starts:
            self.add_error("ends", _("The end must be after the start."))
        return cleaned


class BaseWeeklyHoursFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        super().clean()
        if any(form.errors for form in self.forms):
            return
        seen: dict[int, list[tuple[dt.time, dt.time, forms.Form]]] = {}
        for form in self.forms:
            data = form.cleaned_data
            if not data or data.get("DELETE"):
                continue
            weekday, starts, ends = data["weekday"], data["starts"], data["ends"]
            for other_starts, other_ends, _other in seen.get(weekday, []):
                if starts < other_ends and other_starts < ends:
                    form.add_error(
                        "starts",
                        _("These hours overlap other hours of the same weekday."),
                    )
                    break
            seen.setdefault(weekday, []).append((starts, ends, form))
        if any(form.errors for form in self.forms):
            raise ValidationError(_("Some hours overlap: a weekday's periods must not overlap."))


def weekly_hours(formset: forms.BaseFormSet) -> list[tuple[int, dt.time, dt.time]]:
    """A valid hours formset's rows to keep, sorted by weekday and start."""
    rows = []
    for form in formset.forms:
        data = form.cleaned_data
        if data and not data.get("DELETE"):
            rows.append((data["weekday"], data["starts"], data["ends"]))
    return sorted(rows)


WeeklyHoursFormSet = forms.formset_factory(
    WeeklyHoursRowForm,
    formset=BaseWeeklyHoursFormSet,
    extra=2,
    can_delete=True,
    max_num=50,
    validate_max=True,
)


class CalendarSettingsForm(forms.Form):
    works_on_public_holidays = forms.BooleanField(
        label=_("I work on public holidays"),
        required=False,
        help_text=_(
            "Finnish public holidays, Christmas Eve and Midsummer Eve are closed unless this is "
            "ticked: no one can book then."
        ),
    )


class ExceptionForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=ExceptionKind.choices,
        initial=ExceptionKind.ABSENCE,
        widget=forms.RadioSelect,
    )
    starts = forms.DateTimeField(
        label=_("From"),
        input_formats=DATETIME_INPUT_FORMATS,
        widget=_datetime_input(),
        help_text=_("Finnish time, e.g. 4.12.2026 9.00."),
    )
    ends = forms.DateTimeField(
        label=_("Until"), input_formats=DATETIME_INPUT_FORMATS, widget=_datetime_input()
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=200,
        help_text=_('Only for the calendar, e.g. "training". Families never see it.'),
    )

    def clean_starts(self) -> dt.datetime | None:
        return _within_calendar(self.fields["starts"], self.cleaned_data.get("starts"))

    def clean_ends(self) -> dt.datetime | None:
        return _within_calendar(self.fields["ends"], self.cleaned_data.get("ends"))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        starts, ends = cleaned.get("starts"), cleaned.get("ends")
        if starts is not None and ends is not None and ends <= starts:
            self.add_error("ends", _("The end must be after the start."))
        return cleaned


# --- Appointment types --------------------------------------------------------------------------


class LocationChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Location) -> str:
        address = ", ".join(part for part in (obj.street_address, obj.post_office) if part)
        return f"{obj.name} ({address})" if address else str(obj.name)


class ProfessionalsChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.full_name or obj.email


TYPE_FIELDS = (
    "duration_minutes",
    "who_may_book",
    "min_notice_minutes",
    "max_days_ahead",
    "buffer_before_minutes",
    "buffer_after_minutes",
    "limit_per_person",
    "limit_period_days",
    "cancellation_deadline_hours",
    "is_active",
)


def _minutes(label: Any, *, initial: int, maximum: int, help_text: Any = "") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        initial=initial,
        min_value=0,
        max_value=maximum,
        help_text=help_text,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


class AppointmentTypeForm(forms.Form):
    """An appointment type's own fields; its names and descriptions in three languages side by
    side (`language_rows`), channels as one choice (the model keeps three flags), places from
    the service's locations and professionals from the service's organisation."""

    name_fi = forms.CharField(
        label=_("Name in Finnish"), max_length=200, validators=[validate_single_line]
    )
    name_sv = forms.CharField(
        label=_("Name in Swedish"),
        max_length=200,
        required=False,
        validators=[validate_single_line],
    )
    name_en = forms.CharField(
        label=_("Name in English"),
        max_length=200,
        required=False,
        validators=[validate_single_line],
    )
    description_fi = forms.CharField(
        label=_("Description in Finnish"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    description_sv = forms.CharField(
        label=_("Description in Swedish"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    description_en = forms.CharField(
        label=_("Description in English"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"),
        initial=45,
        validators=[MinValueValidator(5), MaxValueValidator(480)],
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    channels = forms.MultipleChoiceField(
        label=_("Channels offered"),
        choices=Channel.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one channel.")},
    )
    locations = LocationChoiceField(
        label=_("Places for appointments at a place"),
        queryset=None,  # set in __init__
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The service's places in the catalogue."),
    )
    professionals = ProfessionalsChoiceField(
        label=_("Professionals who receive"),
        queryset=None,  # set in __init__
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Families book a named professional, or whoever is free first."),
    )
    who_may_book = forms.ChoiceField(
        label=_("Who may book"),
        choices=WhoMayBook.choices,
        initial=WhoMayBook.ANYONE,
        widget=forms.RadioSelect,
        help_text=_(
            '"Only with a link": the type is not shown on the service card; you send the '
            "link shown on this page to the family."
        ),
    )
    min_notice_minutes = _minutes(
        _("Minimum notice (minutes)"),
        initial=120,
        maximum=60 * 24 * 30,
        help_text=_("How long before the start a time can still be booked."),
    )
    max_days_ahead = forms.IntegerField(
        label=_("Bookable how many days ahead"),
        initial=56,
        min_value=1,
        max_value=366,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    buffer_before_minutes = _minutes(_("Buffer before (minutes)"), initial=0, maximum=240)
    buffer_after_minutes = _minutes(_("Buffer after (minutes)"), initial=0, maximum=240)
    limit_per_person = forms.IntegerField(
        label=_("Bookings per person at most"),
        required=False,
        min_value=1,
        max_value=100,
        help_text=_("Leave empty for no limit. A person is the same e-mail address or phone."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    limit_period_days = forms.IntegerField(
        label=_("In a period of (days)"),
        initial=30,
        min_value=1,
        max_value=366,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    cancellation_deadline_hours = forms.IntegerField(
        label=_("The family may change or cancel until (hours before)"),
        initial=24,
        min_value=0,
        max_value=24 * 30,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    is_active = forms.BooleanField(
        label=_("Bookable"),
        required=False,
        initial=True,
        help_text=_("Untick to stop new bookings; booked appointments stay."),
    )

    def __init__(
        self,
        *args: Any,
        locations: QuerySet[Location],
        professionals: QuerySet[User],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        location_field = self.fields["locations"]
        assert isinstance(location_field, forms.ModelMultipleChoiceField)
        location_field.queryset = locations
        if not locations.exists():
            location_field.help_text = _(
                "The service has no places in the catalogue yet: add one in the catalogue editor "
                "to offer appointments at a place."
            )
        professional_field = self.fields["professionals"]
        assert isinstance(professional_field, forms.ModelMultipleChoiceField)
        professional_field.queryset = professionals
        _mark_languages(self)

    def language_rows(self) -> list[tuple[str, list[forms.BoundField]]]:
        """The translated fields by kind, each with its three languages, for side-by-side
        columns."""
        return [
            (str(_("Name")), [self[f"name_{code}"] for code, _label in LANGUAGES]),
            (str(_("Description")), [self[f"description_{code}"] for code, _label in LANGUAGES]),
        ]

    def other_fields(self) -> list[forms.BoundField]:
        translated = {
            f"{kind}_{code}" for kind in ("name", "description") for code, _l in LANGUAGES
        }
        return [field for field in self.visible_fields() if field.name not in translated]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        channels = cleaned.get("channels") or []
        if Channel.VISIT in channels and "locations" in cleaned and not cleaned["locations"]:
            self.add_error("locations", _("Choose at least one place for appointments at a place."))
        if cleaned.get("is_active") and "professionals" in cleaned and not cleaned["professionals"]:
            self.add_error(
                "professionals",
                _('Choose at least one professional, or untick "Bookable".'),
            )
        return cleaned


def _mark_languages(form: forms.Form) -> None:
    """A text typed in Swedish or English is marked so (WCAG 3.1.2); the labels stay in the
    page's language."""
    for name, field in form.fields.items():
        for code in ("sv", "en"):
            if name.endswith(f"_{code}"):
                field.widget.attrs["lang"] = code


class PreQuestionForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    text_fi = forms.CharField(
        label=_("Question in Finnish"), max_length=300, validators=[validate_single_line]
    )
    text_sv = forms.CharField(
        label=_("Question in Swedish"),
        max_length=300,
        required=False,
        validators=[validate_single_line],
    )
    text_en = forms.CharField(
        label=_("Question in English"),
        max_length=300,
        required=False,
        validators=[validate_single_line],
    )
    kind = forms.ChoiceField(
        label=_("Kind of answer"), choices=QuestionKind.choices, initial=QuestionKind.TEXT
    )
    choices_fi = forms.CharField(
        label=_("Choices in Finnish, one a line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    choices_sv = forms.CharField(
        label=_("Choices in Swedish, one a line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    choices_en = forms.CharField(
        label=_("Choices in English, one a line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    required = forms.BooleanField(label=_("Required"), required=False)
    position = forms.IntegerField(
        label=_("Order"),
        required=False,
        min_value=0,
        max_value=999,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _mark_languages(self)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("kind") != QuestionKind.CHOICE:
            return cleaned
        counts = {}
        for code, _label in LANGUAGES:
            lines = [
                line for line in (cleaned.get(f"choices_{code}") or "").splitlines() if line.strip()
            ]
            counts[code] = len(lines)
        if counts["fi"] < 2:
            self.add_error("choices_fi", _("A choice question needs at least two choices."))
            return cleaned
        for code in ("sv", "en"):
            if counts[code] and counts[code] != counts["fi"]:
                self.add_error(
                    f"choices_{code}",
                    _("Give as many choices as in Finnish, in the same order."),
                )
        return cleaned


PreQuestionFormSet = forms.formset_factory(
    PreQuestionForm, extra=1, can_delete=True, max_num=30, validate_max=True
)
