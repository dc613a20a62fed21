"""Forms of the organiser's event pages. They parse what the organiser typed (Finnish dates and
times, the languages side by side, the recurrence rule) and check what a form can check alone;
who may do what, and every rule that needs the database, live in the services and come back as
ValidationError (`EventForm.apply_service_error`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from perhekeskus.core.ages import MAX_CHILD_AGE
from perhekeskus.core.forms import (
    DATE_FORMATS,
    DATETIME_FORMATS,
    apply_validation_error,
    finnish_date,
)
from perhekeskus.core.forms import FinnishDateField as CoreFinnishDateField
from perhekeskus.core.tasks import FAMILY_CENTER_TASKS
from perhekeskus.core.validators import validate_single_line
from perhekeskus.events.models import (
    EventKind,
    EventLanguage,
    MessageAudience,
    QuestionKind,
    RegistrationMode,
)
from perhekeskus.events.recurrence import RuleData, occurrence_dates, occurrence_span
from perhekeskus.events.services.organise import REGISTRATION_FIELDS, QuestionData

if TYPE_CHECKING:  # types only: the choices come from the selectors
    from perhekeskus.accounts.models import User
    from perhekeskus.catalog.models import Location, Municipality, Organization, Service

# The three languages every text is written in, side by side.
LANGUAGE_CODES = ("fi", "sv", "en")
LANGUAGE_NAMES = {"fi": _("Finnish"), "sv": _("Swedish"), "en": _("English")}
TIME_FORMATS = ["%H.%M", "%H:%M", "%H"]
# The years a date may name: far outside them is a typing error, and at the ends of Python's
# calendar a day's time in UTC does not exist.
FIRST_YEAR = 2000
LAST_YEAR = 2199
WEEKDAY_CHOICES = (
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
)
REASON_MAX = 500
MESSAGE_MAX = 5000
SUMMARY_MAX = 10000

# What the organiser chooses when creating a top-level event; a kind and its flags.
SINGLE = "single"
SERIES = "series"
PEER_GROUP = "peer_group"
UMBRELLA = "umbrella"
FORUM = "forum"
SESSION = "session"
OCCURRENCE = "occurrence"
KIND_CHOICES = (
    (SINGLE, _("One-off event")),
    (SERIES, _("Recurring event")),
    (PEER_GROUP, _("Peer group")),
    (UMBRELLA, _("Event with sessions")),
    (FORUM, _("Family center forum")),
)
KIND_HELP = {
    SINGLE: _("One date and time, for example a baby music morning on 12.1."),
    SERIES: _(
        'A rule such as "every Tuesday 9.30–11 until 30 May", with exceptions. Families sign '
        "up for each occurrence."
    ),
    PEER_GROUP: _(
        "A closed recurring group with a facilitator. Families apply to the whole group and "
        "the facilitator approves; attendance is marked per session."
    ),
    UMBRELLA: _("A larger event with sessions of their own time, place and sign-up."),
    FORUM: _(
        "An event with sessions, open to residents and professionals. Residents may send topics "
        "beforehand; you publish a short summary afterwards."
    ),
}
# The model's kind and flags of each choice.
KIND_MODEL = {
    SINGLE: (EventKind.SINGLE, {}),
    SERIES: (EventKind.SERIES, {"is_peer_group": False}),
    PEER_GROUP: (EventKind.SERIES, {"is_peer_group": True}),
    UMBRELLA: (EventKind.UMBRELLA, {"is_forum": False}),
    FORUM: (EventKind.UMBRELLA, {"is_forum": True}),
    SESSION: (EventKind.SESSION, {}),
    OCCURRENCE: (EventKind.OCCURRENCE, {}),
}
RULE_KINDS = (SERIES, PEER_GROUP)
# A service's errors named by the model's fields, said at the fields of this form.
ERROR_ALIASES = {"starts": "start_time", "ends": "end_time", "rule": "weekdays"}


def form_kind(kind: str, *, is_peer_group: bool = False, is_forum: bool = False) -> str:
    """The form's kind of a stored event."""
    if kind == EventKind.SERIES:
        return PEER_GROUP if is_peer_group else SERIES
    if kind == EventKind.UMBRELLA:
        return FORUM if is_forum else UMBRELLA
    return str(kind)


def finnish_time(moment: dt.time) -> str:
    return f"{moment.hour}.{moment.minute:02d}"


def finnish_datetime(moment: dt.datetime) -> str:
    local = timezone.localtime(moment)
    return f"{finnish_date(local.date())} {finnish_time(local.time())}"


def _in_years(field: forms.Field, value: Any) -> Any:
    if value is None:
        return value
    day = value.date() if isinstance(value, dt.datetime) else value
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValidationError(field.error_messages["invalid"], code="invalid")
    return value


class FinnishDateField(CoreFinnishDateField):
    """An event's date: 4.12.2026 (or 2026-12-04), from the year 2000 on."""

    first_year = FIRST_YEAR
    last_year = LAST_YEAR


class FinnishTimeField(forms.TimeField):
    widget = forms.TextInput(attrs={"autocomplete": "off", "size": 6})
    default_error_messages = {"invalid": _("Write the time as h.mm, for example 9.30.")}

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", TIME_FORMATS)
        super().__init__(**kwargs)


class FinnishDateTimeField(forms.DateTimeField):
    """4.12.2026 9.00 in Finnish time."""

    widget = forms.TextInput(attrs={"autocomplete": "off", "size": 18})
    default_error_messages = {
        "invalid": _("Write the date and time as d.m.yyyy h.mm, for example 4.12.2026 9.00.")
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", DATETIME_FORMATS)
        super().__init__(**kwargs)

    def clean(self, value: Any) -> Any:
        return _in_years(self, super().clean(value))


def _number(label: Any, *, minimum: int, maximum: int, **kwargs: Any) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=minimum,
        max_value=maximum,
        # A text box with the number keypad: the site's style sizes text boxes for touch, and a
        # browser's number box changes its value when the page is scrolled over it.
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 6}),
        **kwargs,
    )


def parse_exceptions(text: str) -> tuple[tuple[dt.date, ...], list[str]]:
    """The dates of the exceptions box, one a line in Finnish style, and the lines that are not
    dates."""
    days: set[dt.date] = set()
    bad: list[str] = []
    for raw in text.splitlines():
        line = raw.strip().rstrip(".") if raw.strip().count(".") == 3 else raw.strip()
        if not line:
            continue
        for pattern in DATE_FORMATS:
            try:
                day = dt.datetime.strptime(line, pattern).date()
            except ValueError:
                continue
            if FIRST_YEAR <= day.year <= LAST_YEAR:
                days.add(day)
                break
        else:
            bad.append(raw.strip())
    return tuple(sorted(days)), bad


def exceptions_text(stored: str) -> str:
    """The stored exceptions (ISO dates, one a line) as the organiser writes them."""
    lines = []
    for line in stored.splitlines():
        try:
            lines.append(finnish_date(dt.date.fromisoformat(line.strip())))
        except ValueError:
            continue
    return "\n".join(lines)


def _add_translated(
    form: forms.Form, name: str, label: Any, *, required_fi: bool, textarea: bool, max_length: int
) -> None:
    """`<name>_fi`, `<name>_sv`, `<name>_en`; a Swedish or English text is marked so (WCAG 3.1.2)
    while the label stays in the page's language."""
    for code in LANGUAGE_CODES:
        attrs: dict[str, Any] = {} if code == "fi" else {"lang": code}
        if textarea:
            attrs["rows"] = 4
        field = forms.CharField(
            label=_("%(field)s (%(language)s)")
            % {"field": label, "language": LANGUAGE_NAMES[code]},
            required=required_fi and code == "fi",
            max_length=max_length,
            widget=forms.Textarea(attrs=attrs) if textarea else forms.TextInput(attrs=attrs),
            validators=[] if textarea else [validate_single_line],
        )
        form.fields[f"{name}_{code}"] = field


# (field name, label, required in Finnish, a long text, max length)
TRANSLATED = (
    ("title", _("Title"), True, False, 200),
    ("description", _("Description"), False, True, 4000),
    ("audience", _("For whom"), False, False, 200),
    ("price_info", _("Price"), False, False, 200),
    ("accessibility", _("Accessibility"), False, True, 2000),
)


class KindChoiceForm(forms.Form):
    """The first step of a new event: which organisation's, and what kind."""

    organization: forms.ModelChoiceField[Organization] = forms.ModelChoiceField(
        label=_("Organiser"), queryset=None, empty_label=None, required=True
    )
    kind = forms.ChoiceField(
        label=_("Kind of event"), choices=KIND_CHOICES, initial=SINGLE, widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, organizations: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organization"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = organizations

    def kind_help(self) -> list[tuple[str, Any, Any]]:
        return [(value, label, KIND_HELP[value]) for value, label in KIND_CHOICES]


class LocationField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Location) -> str:
        address = ", ".join(part for part in (obj.street_address, obj.post_office) if part)
        return f"{obj.name}, {address}" if address else str(obj.name)


class FacilitatorField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.full_name or obj.email


class EventForm(forms.Form):
    """One event's fields for its kind (`form_kind`): a series or peer group has the rule
    instead of a date; a peer group's registration is by application; a forum is an event with
    sessions. The texts in fi/sv/en side by side (`language_rows`)."""

    day = FinnishDateField(
        label=_("Date"), required=False, help_text=_("d.m.yyyy, for example 24.3.2027")
    )
    start_time = FinnishTimeField(
        label=_("Starts at"), required=False, help_text=_("Finnish time, h.mm, e.g. 9.30")
    )
    end_time = FinnishTimeField(label=_("Ends at"), required=False)
    end_day = FinnishDateField(
        label=_("End date, if another day"),
        required=False,
        help_text=_("Leave empty when the event ends on the day it starts."),
    )
    # The rule of a series.
    weekdays = forms.TypedMultipleChoiceField(
        label=_("On these weekdays"),
        choices=WEEKDAY_CHOICES,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    starts_at = FinnishTimeField(label=_("From"), required=False, help_text=_("h.mm, e.g. 9.30"))
    ends_at = FinnishTimeField(label=_("Until"), required=False, help_text=_("h.mm, e.g. 11.00"))
    first_date = FinnishDateField(label=_("First date"), required=False, help_text=_("d.m.yyyy"))
    last_date = FinnishDateField(label=_("Last date"), required=False, help_text=_("d.m.yyyy"))
    interval_weeks = forms.TypedChoiceField(
        label=_("How often"),
        choices=(
            (1, _("Every week")),
            (2, _("Every second week")),
            (3, _("Every third week")),
            (4, _("Every fourth week")),
        ),
        coerce=int,
        initial=1,
        required=False,
    )
    exceptions = forms.CharField(
        label=_("Except on"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Dates without an occurrence, one a line as d.m.yyyy (a holiday, the summer break)."
        ),
    )
    # Where.
    is_online = forms.BooleanField(
        label=_("Online event"),
        required=False,
        help_text=_("Then give the meeting address and the municipality instead of a place."),
    )
    location = LocationField(
        label=_("Place"),
        queryset=None,
        required=False,
        empty_label=_("(Choose a place)"),
        help_text=_("A meeting place or service location of the catalogue."),
    )
    online_url = forms.URLField(
        label=_("Online meeting address"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Shown to registered participants only, never on the public page."),
    )
    municipality: forms.ModelChoiceField[Municipality] = forms.ModelChoiceField(
        label=_("Municipality of an online event"),
        queryset=None,
        required=False,
        empty_label=_("(Choose a municipality)"),
        help_text=_("Families find the event with this municipality's filter."),
    )
    # For whom.
    min_age = _number(_("Children's age from"), minimum=0, maximum=MAX_CHILD_AGE, required=False)
    max_age = _number(_("Children's age to"), minimum=0, maximum=MAX_CHILD_AGE, required=False)
    languages = forms.MultipleChoiceField(
        label=_("Languages of the event"),
        choices=EventLanguage.choices,
        initial=["fi"],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one language.")},
    )
    tasks = forms.TypedMultipleChoiceField(
        label=_("Family center tasks it serves"),
        choices=[(task.number, task.title) for task in FAMILY_CENTER_TASKS],
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    is_free = forms.BooleanField(label=_("Free of charge"), required=False, initial=True)
    service: forms.ModelChoiceField[Service] = forms.ModelChoiceField(
        label=_("Service"),
        queryset=None,
        required=False,
        empty_label=_("(No service)"),
        help_text=_("Optional: the service's card then lists the event."),
    )
    # Peer group.
    facilitator = FacilitatorField(
        label=_("Facilitator"),
        queryset=None,
        required=False,
        empty_label=_("(No facilitator)"),
        help_text=_(
            "Approves the applications and marks attendance, also from another organisation."
        ),
    )
    allow_pseudonyms = forms.BooleanField(
        label=_("Pseudonyms allowed"),
        required=False,
        help_text=_("Members may give a nickname instead of their name."),
    )
    # Registration.
    registration = forms.ChoiceField(
        label=_("Registration"),
        choices=RegistrationMode.choices,
        initial=RegistrationMode.DROP_IN,
        widget=forms.RadioSelect,
    )
    enrolment_opens = FinnishDateTimeField(
        label=_("Sign-up opens"),
        required=False,
        help_text=_("d.m.yyyy h.mm; empty: at once when published."),
    )
    enrolment_closes = FinnishDateTimeField(
        label=_("Sign-up closes"),
        required=False,
        help_text=_("d.m.yyyy h.mm; empty: when the event starts."),
    )
    capacity = _number(
        _("Seats (persons)"),
        minimum=1,
        maximum=100000,
        required=False,
        help_text=_("Adults and children together. Empty: no limit."),
    )
    waitlist_capacity = _number(
        _("Waiting list places (persons)"),
        minimum=0,
        maximum=100000,
        required=False,
        help_text=_("Empty: no limit; 0: no waiting list."),
    )
    max_group_size = _number(
        _("Largest group"),
        minimum=1,
        maximum=50,
        initial=6,
        help_text=_("How many persons one family may sign up at once."),
    )
    confirm_within_hours = _number(
        _("A family promoted from the waiting list confirms within (hours)"),
        minimum=1,
        maximum=168,
        required=False,
        help_text=_("Empty: the seats are theirs at once, without confirming."),
    )

    def __init__(
        self,
        *args: Any,
        kind: str,
        locations: QuerySet[Location],
        municipalities: QuerySet[Municipality],
        services: QuerySet[Service],
        facilitators: QuerySet[User] | None = None,
        in_peer_group: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        for name, label, required_fi, textarea, max_length in TRANSLATED:
            _add_translated(
                self,
                name,
                label,
                required_fi=required_fi,
                textarea=textarea,
                max_length=max_length,
            )
        self._set_queryset("location", locations)
        self._set_queryset("municipality", municipalities)
        self._set_queryset("service", services)
        if kind == PEER_GROUP and facilitators is not None:
            self._set_queryset("facilitator", facilitators)
        else:
            self._drop("facilitator", "allow_pseudonyms")
        if kind in RULE_KINDS:
            self._drop("day", "start_time", "end_time", "end_day")
        else:
            self._drop(
                "weekdays",
                "starts_at",
                "ends_at",
                "first_date",
                "last_date",
                "interval_weeks",
                "exceptions",
            )
        if kind == PEER_GROUP:
            # Families apply to a peer group; the facilitator approves.
            self._drop("registration")
        if in_peer_group:
            # A peer group's session: the members applied to the group, not to the session.
            self._drop(*REGISTRATION_FIELDS)
        if not locations.exists():
            self.fields["location"].help_text = _(
                "The organisation has no places in the catalogue yet: add one in the catalogue "
                "editor, or make the event an online event."
            )

    def _set_queryset(self, name: str, queryset: QuerySet[Any]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = queryset

    def _drop(self, *names: str) -> None:
        for name in names:
            self.fields.pop(name, None)

    # --- layout -----------------------------------------------------------------------------

    def language_rows(self) -> list[tuple[Any, list[forms.BoundField]]]:
        return [
            (label, [self[f"{name}_{code}"] for code in LANGUAGE_CODES])
            for name, label, _required, _textarea, _max in TRANSLATED
        ]

    def group(self, *names: str) -> list[forms.BoundField]:
        """The fields of one section of the page, those this kind has."""
        return [self[name] for name in names if name in self.fields]

    def when_fields(self) -> list[forms.BoundField]:
        return self.group("day", "start_time", "end_time", "end_day")

    def rule_fields(self) -> list[forms.BoundField]:
        return self.group(
            "weekdays", "starts_at", "ends_at", "first_date", "last_date", "interval_weeks"
        ) + self.group("exceptions")

    def where_fields(self) -> list[forms.BoundField]:
        return self.group("location", "is_online", "online_url", "municipality")

    def audience_fields(self) -> list[forms.BoundField]:
        return self.group("min_age", "max_age", "languages", "tasks", "is_free", "service")

    def peer_group_fields(self) -> list[forms.BoundField]:
        return self.group("facilitator", "allow_pseudonyms")

    def registration_fields(self) -> list[forms.BoundField]:
        return self.group(*REGISTRATION_FIELDS)

    # --- checks -----------------------------------------------------------------------------

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.kind in RULE_KINDS:
            self._clean_rule(cleaned)
        else:
            self._clean_when(cleaned)
        self._clean_where(cleaned)
        low, high = cleaned.get("min_age"), cleaned.get("max_age")
        if low is not None and high is not None and high < low:
            self.add_error("max_age", _("The upper age must not be below the lower age."))
        opens, closes = cleaned.get("enrolment_opens"), cleaned.get("enrolment_closes")
        if opens is not None and closes is not None and closes <= opens:
            self.add_error("enrolment_closes", _("Sign-up must close after it opens."))
        if not cleaned.get("is_free") and not any(
            (cleaned.get(f"price_info_{code}") or "").strip() for code in LANGUAGE_CODES
        ):
            self.add_error("price_info_fi", _("Tell the price when the event is not free."))
        return cleaned

    def _clean_when(self, cleaned: dict[str, Any]) -> None:
        day, start, end = cleaned.get("day"), cleaned.get("start_time"), cleaned.get("end_time")
        for name, value, message in (
            ("day", day, _("Give the date.")),
            ("start_time", start, _("Give the start time.")),
            ("end_time", end, _("Give the end time.")),
        ):
            if value is None and name not in self.errors:
                self.add_error(name, message)
        if day is None or start is None or end is None:
            return
        tz = timezone.get_current_timezone()
        starts = timezone.make_aware(dt.datetime.combine(day, start), tz)
        ends = timezone.make_aware(dt.datetime.combine(cleaned.get("end_day") or day, end), tz)
        if ends <= starts:
            self.add_error("end_time", _("The end must be after the start."))
            return
        cleaned["starts"], cleaned["ends"] = starts, ends

    def _clean_rule(self, cleaned: dict[str, Any]) -> None:
        if not cleaned.get("weekdays") and "weekdays" not in self.errors:
            self.add_error("weekdays", _("Choose at least one weekday."))
        for name, message in (
            ("starts_at", _("Give the start time.")),
            ("ends_at", _("Give the end time.")),
            ("first_date", _("Give the first date.")),
            ("last_date", _("Give the last date.")),
        ):
            if cleaned.get(name) is None and name not in self.errors:
                self.add_error(name, message)
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at is not None and ends_at is not None and ends_at <= starts_at:
            self.add_error("ends_at", _("The end must be after the start."))
        first, last = cleaned.get("first_date"), cleaned.get("last_date")
        if first is not None and last is not None and last < first:
            self.add_error("last_date", _("The last date must not be before the first."))
        exceptions, bad = parse_exceptions(cleaned.get("exceptions") or "")
        if bad:
            self.add_error(
                "exceptions",
                _("Not a date as d.m.yyyy: %(lines)s") % {"lines": ", ".join(bad[:5])},
            )
        if any(name in self.errors for name in self.fields if name in RULE_FIELD_NAMES):
            return
        rule = RuleData(
            weekdays=tuple(sorted(set(cleaned["weekdays"]))),
            starts_at=cleaned["starts_at"],
            ends_at=cleaned["ends_at"],
            first_date=cleaned["first_date"],
            last_date=cleaned["last_date"],
            interval_weeks=cleaned.get("interval_weeks") or 1,
            exceptions=exceptions,
        )
        try:
            dates = occurrence_dates(rule)
        except ValidationError as error:
            apply_validation_error(self, error)
            return
        # The series row spans its occurrences: from the first one's start to the last one's end.
        cleaned["rule"] = rule
        cleaned["starts"] = occurrence_span(dates[0], rule.starts_at, rule.ends_at)[0]
        cleaned["ends"] = occurrence_span(dates[-1], rule.starts_at, rule.ends_at)[1]

    def _clean_where(self, cleaned: dict[str, Any]) -> None:
        if cleaned.get("is_online"):
            if not cleaned.get("online_url") and "online_url" not in self.errors:
                self.add_error("online_url", _("Give the address of the online meeting."))
            if cleaned.get("municipality") is None and "municipality" not in self.errors:
                self.add_error(
                    "municipality", _("Choose the municipality where families find the event.")
                )
        elif (
            cleaned.get("location") is None
            and "location" not in self.errors
            and self.kind not in (UMBRELLA, FORUM)
        ):
            self.add_error("location", _("Choose a place, or make the event an online event."))

    # --- for the services -------------------------------------------------------------------

    def event_fields(self) -> dict[str, Any]:
        """The valid form's values by the model's field names, for event_create/event_update."""
        data = self.cleaned_data
        fields: dict[str, Any] = {}
        for name, _label, _required, _textarea, _max in TRANSLATED:
            for code in LANGUAGE_CODES:
                fields[f"{name}_{code}"] = (data.get(f"{name}_{code}") or "").strip()
        if "starts" in data:
            fields["starts"], fields["ends"] = data["starts"], data["ends"]
        online = bool(data.get("is_online"))
        location = None if online else data.get("location")
        fields.update(
            is_online=online,
            location=location,
            online_url=data.get("online_url") or "" if online else "",
            municipality=data.get("municipality") if online else _municipality_of(location),
            min_age=data.get("min_age"),
            max_age=data.get("max_age"),
            languages=_between_commas(data.get("languages") or []),
            tasks=_between_commas(sorted(data.get("tasks") or [])),
            is_free=bool(data.get("is_free")),
            service=data.get("service"),
        )
        if "max_group_size" in self.fields:
            fields.update(
                enrolment_opens=data.get("enrolment_opens"),
                enrolment_closes=data.get("enrolment_closes"),
                capacity=data.get("capacity"),
                waitlist_capacity=data.get("waitlist_capacity"),
                max_group_size=data.get("max_group_size") or 6,
                confirm_within_hours=data.get("confirm_within_hours"),
            )
        if self.kind == PEER_GROUP:
            fields.update(
                registration=RegistrationMode.APPLICATION,
                facilitator=data.get("facilitator"),
                allow_pseudonyms=bool(data.get("allow_pseudonyms")),
            )
        elif "registration" in self.fields:
            fields["registration"] = data.get("registration") or RegistrationMode.DROP_IN
        if self.kind in KIND_MODEL and self.kind not in (SESSION, OCCURRENCE):
            fields.update(KIND_MODEL[self.kind][1])
        return fields

    def rule(self) -> RuleData | None:
        return self.cleaned_data.get("rule")

    def apply_service_error(self, error: ValidationError) -> None:
        """The service's refusal on the field it is about (the model's `starts` is this form's
        start time), else in the summary on top."""
        if hasattr(error, "error_dict"):
            renamed: dict[str, Any] = {}
            for name, errors in error.error_dict.items():
                target = ERROR_ALIASES.get(name, name)
                if target not in self.fields:
                    target = "__all__"
                renamed.setdefault(target, []).extend(errors)
            error = ValidationError(renamed)
        apply_validation_error(self, error)


RULE_FIELD_NAMES = frozenset(
    ("weekdays", "starts_at", "ends_at", "first_date", "last_date", "interval_weeks", "exceptions")
)


def _municipality_of(location: Location | None) -> Municipality | None:
    return location.municipality if location is not None else None


def _between_commas(values: Iterable[object]) -> str:
    items = [str(value) for value in values]
    return f",{','.join(items)}," if items else ""


def event_initial(event: Any) -> dict[str, Any]:
    """A stored event's values as the form shows them (Finnish dates and times)."""
    initial: dict[str, Any] = {}
    for name, _label, _required, _textarea, _max in TRANSLATED:
        for code in LANGUAGE_CODES:
            initial[f"{name}_{code}"] = getattr(event, f"{name}_{code}", "") or ""
    starts, ends = timezone.localtime(event.starts), timezone.localtime(event.ends)
    initial.update(
        day=finnish_date(starts.date()),
        start_time=finnish_time(starts.time()),
        end_time=finnish_time(ends.time()),
        end_day=finnish_date(ends.date()) if ends.date() != starts.date() else "",
        is_online=event.is_online,
        location=event.location_id,
        online_url=event.online_url,
        municipality=event.municipality_id if event.is_online else None,
        min_age=event.min_age,
        max_age=event.max_age,
        languages=event.language_codes,
        tasks=event.task_numbers,
        is_free=event.is_free,
        service=event.service_id,
        facilitator=event.facilitator_id,
        allow_pseudonyms=event.allow_pseudonyms,
        registration=event.registration,
        enrolment_opens=finnish_datetime(event.enrolment_opens) if event.enrolment_opens else "",
        enrolment_closes=finnish_datetime(event.enrolment_closes) if event.enrolment_closes else "",
        capacity=event.capacity,
        waitlist_capacity=event.waitlist_capacity,
        max_group_size=event.max_group_size,
        confirm_within_hours=event.confirm_within_hours,
    )
    rule = getattr(event, "rule", None) if event.kind == EventKind.SERIES else None
    if rule is not None:
        initial.update(
            weekdays=rule.weekday_numbers,
            starts_at=finnish_time(rule.starts_at),
            ends_at=finnish_time(rule.ends_at),
            first_date=finnish_date(rule.first_date),
            last_date=finnish_date(rule.last_date),
            interval_weeks=rule.interval_weeks,
            exceptions=exceptions_text(rule.exceptions),
        )
    return initial


# --- Questions asked at sign-up -----------------------------------------------------------------


class QuestionForm(forms.Form):
    """One question in three languages; a choice question's choices one a line, in the same
    order in each language."""

    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    kind = forms.ChoiceField(
        label=_("Kind of answer"), choices=QuestionKind.choices, initial=QuestionKind.TEXT
    )
    required = forms.BooleanField(label=_("An answer is required"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code in LANGUAGE_CODES:
            lang: dict[str, Any] = {} if code == "fi" else {"lang": code}
            self.fields[f"text_{code}"] = forms.CharField(
                label=_("Question in %(language)s") % {"language": LANGUAGE_NAMES[code]},
                max_length=300,
                required=code == "fi",
                validators=[validate_single_line],
                widget=forms.TextInput(attrs=lang),
            )
            self.fields[f"choices_{code}"] = forms.CharField(
                label=_("Choices in %(language)s, one a line") % {"language": LANGUAGE_NAMES[code]},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3, **lang}),
            )

    def texts(self) -> list[forms.BoundField]:
        return [self[f"text_{code}"] for code in LANGUAGE_CODES]

    def choice_texts(self) -> list[forms.BoundField]:
        return [self[f"choices_{code}"] for code in LANGUAGE_CODES]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("kind") != QuestionKind.CHOICE:
            return cleaned
        finnish = _lines(cleaned.get("choices_fi") or "")
        if len(finnish) < 2:
            self.add_error("choices_fi", _("A choice question needs at least two choices."))
            return cleaned
        for code in ("sv", "en"):
            other = _lines(cleaned.get(f"choices_{code}") or "")
            if other and len(other) != len(finnish):
                self.add_error(
                    f"choices_{code}", _("Give as many choices as in Finnish, in the same order.")
                )
        return cleaned


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


QuestionFormSet = forms.formset_factory(
    QuestionForm, extra=1, can_delete=True, max_num=20, validate_max=True
)


def error_links(form: forms.Form, questions: forms.BaseFormSet | None) -> list[tuple[str, str]]:
    """Every error of the event form and its questions, for the summary on top: the id of the
    field it links to (empty for an error of the whole form) and the text to show."""
    links: list[tuple[str, str]] = [("", str(error)) for error in form.non_field_errors()]
    parts: list[tuple[str, forms.Form]] = [("", form)]
    if questions is not None:
        links += [("", str(error)) for error in questions.non_form_errors()]
        parts += [
            (str(_("Question %(number)s") % {"number": index}) + ", ", question)
            for index, question in enumerate(questions.forms, start=1)
        ]
    for prefix, part in parts:
        for field in part:
            links += [(field.auto_id, f"{prefix}{field.label}: {error}") for error in field.errors]
    return links


def question_initial(questions: Iterable[Any]) -> list[dict[str, Any]]:
    rows = []
    for question in questions:
        row: dict[str, Any] = {"id": question.pk, "kind": question.kind}
        row["required"] = question.required
        for code in LANGUAGE_CODES:
            row[f"text_{code}"] = getattr(question, f"text_{code}", "") or ""
            row[f"choices_{code}"] = getattr(question, f"choices_{code}", "") or ""
        rows.append(row)
    return rows


def question_data(formset: forms.BaseFormSet) -> list[Any]:
    """The valid formset's questions to keep, in their order, for the services."""
    questions = []
    for form in formset.forms:
        data = form.cleaned_data
        if not data or data.get("DELETE"):
            continue
        choice = data["kind"] == QuestionKind.CHOICE
        questions.append(
            QuestionData(
                text={code: (data.get(f"text_{code}") or "").strip() for code in LANGUAGE_CODES},
                kind=data["kind"],
                choices={
                    code: "\n".join(_lines(data.get(f"choices_{code}") or "")) if choice else ""
                    for code in LANGUAGE_CODES
                },
                required=bool(data.get("required")),
            )
        )
    return questions


# --- Actions ------------------------------------------------------------------------------------


class CancelEventForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for cancelling"),
        max_length=REASON_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Everyone signed up or waiting receives this text with the cancellation. Write what "
            "they need to know, for example whether a new date comes."
        ),
    )
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean_reason(self) -> str:
        return str(self.cleaned_data.get("reason") or "").strip()


class MessageForm(forms.Form):
    audience = forms.ChoiceField(
        label=pgettext_lazy("message recipients", "To"),
        choices=MessageAudience.choices,
        initial=MessageAudience.ATTENDING,
        widget=forms.RadioSelect,
    )
    subject = forms.CharField(label=_("Subject"), max_length=200, validators=[validate_single_line])
    body = forms.CharField(
        label=_("Message"), max_length=MESSAGE_MAX, widget=forms.Textarea(attrs={"rows": 8})
    )
    send_sms = forms.BooleanField(
        label=_("Also as a text message"),
        required=False,
        help_text=_("To those who gave a phone number. Keep the message short."),
    )


class SummaryForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _add_translated(
            self,
            "summary",
            _("Summary"),
            required_fi=True,
            textarea=True,
            max_length=SUMMARY_MAX,
        )

    def summary(self) -> dict[str, str]:
        return {
            code: (self.cleaned_data.get(f"summary_{code}") or "").strip()
            for code in LANGUAGE_CODES
        }


class ListFilterForm(forms.Form):
    UPCOMING = "upcoming"
    PAST = "past"
    DRAFTS = "drafts"
    CHOICES = ((UPCOMING, _("Upcoming")), (PAST, _("Past")), (DRAFTS, _("Drafts")))

    show = forms.ChoiceField(choices=CHOICES, required=False)
    page = forms.IntegerField(required=False, min_value=1)


class AttendanceForm(forms.Form):
    """One choice a participant: present, absent or not marked (`p<participant id>`)."""

    PRESENT = "present"
    ABSENT = "absent"
    UNMARKED = ""

    def __init__(self, *args: Any, participant_ids: Iterable[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for participant_id in participant_ids:
            self.fields[f"p{participant_id}"] = forms.ChoiceField(
                choices=(
                    (self.PRESENT, _("Present")),
                    (self.ABSENT, _("Absent")),
                    (self.UNMARKED, _("Not marked")),
                ),
                required=False,
                widget=forms.RadioSelect,
            )

    def marks(self) -> dict[int, bool | None]:
        values = {self.PRESENT: True, self.ABSENT: False}
        return {int(name[1:]): values.get(value) for name, value in self.cleaned_data.items()}
