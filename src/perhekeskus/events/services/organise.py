"""The organiser's changes: creating and changing events, recurring series and their
occurrences, events with sessions, their sign-up questions, publishing and cancelling.

Each service checks its policy against the stored row, locks what it changes (an event through
`signup.lock_event`, the lock every sign-up takes, so seats and capacity never change halfway
through a family's sign-up), validates, writes and records an audit entry with the old and new
values, in one transaction. A capacity raised on an event with a waiting list promotes the
waiting families at once, under the same lock.

A series (`kind=series`) keeps its rule; its occurrences are rows of their own, made from the
rule with the series' texts and registration settings. Changing the series changes its future
occurrences that were not edited on their own (`detached`), adds the dates the rule gained and
takes away the dates it lost: an occurrence someone signed up for is cancelled and its families
told, one without sign-ups is deleted. Past occurrences are history and stay as they were.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from perhekeskus.accounts.models import User
from perhekeskus.audit.services import audit_record
from perhekeskus.catalog.models import Location, Municipality, Organization, Service
from perhekeskus.core.errors import AccessDenied, NotFound
from perhekeskus.core.policies import require
from perhekeskus.core.tasks import FAMILY_CENTER_TASKS
from perhekeskus.core.validators import has_control_characters
from perhekeskus.events import actions, notices
from perhekeskus.events.models import (
    Event,
    EventKind,
    EventLanguage,
    EventStatus,
    Question,
    QuestionKind,
    RecurrenceRule,
    RegistrationMode,
    Signup,
    SignupStatus,
)
from perhekeskus.events.policies import can_manage_event, can_manage_events_of
from perhekeskus.events.recurrence import RuleData, occurrence_dates, occurrence_span
from perhekeskus.events.selectors_pro import (
    event_places,
    network_members,
    organization_services,
)
from perhekeskus.events.services.signup import lock_event, promote_waitlist

LANGUAGE_CODES = tuple(EventLanguage.values)
TRANSLATED = ("title", "description", "audience", "price_info", "accessibility")
_ONE_LINE = ("title", "audience", "price_info")
# What an occurrence takes from its series: the texts, the place and the audience...
CONTENT_FIELDS = (
    *(f"{name}_{code}" for name in TRANSLATED for code in LANGUAGE_CODES),
    "service",
    "location",
    "municipality",
    "is_online",
    "online_url",
    "min_age",
    "max_age",
    "languages",
    "tasks",
    "is_free",
)
# ... and, unless the series is a peer group (whose families join the series), its sign-up.
REGISTRATION_FIELDS = (
    "registration",
    "enrolment_opens",
    "enrolment_closes",
    "capacity",
    "waitlist_capacity",
    "max_group_size",
    "confirm_within_hours",
)
OWN_FIELDS = ("starts", "ends", "is_forum", "is_peer_group", "facilitator", "allow_pseudonyms")
EDITABLE_FIELDS = (*CONTENT_FIELDS, *REGISTRATION_FIELDS, *OWN_FIELDS)
# Texts, whose translations are stored empty or null alike.
_TEXT_FIELDS = frozenset(
    (*(f"{name}_{code}" for name in TRANSLATED for code in LANGUAGE_CODES), "online_url")
)
_FOREIGN_KEYS: dict[str, type[models.Model]] = {
    "service": Service,
    "location": Location,
    "municipality": Municipality,
}
CREATABLE_KINDS = (EventKind.SINGLE, EventKind.SERIES, EventKind.UMBRELLA, EventKind.SESSION)
# The sign-ups a cancellation is told to: everyone holding or waiting for a seat.
LIVE_STATUSES = (
    SignupStatus.ATTENDING,
    SignupStatus.OFFERED,
    SignupStatus.WAITLISTED,
    SignupStatus.APPLIED,
)
MAX_QUESTIONS = 20
MAX_QUESTION = 300


@dataclass(frozen=True)
class QuestionData:
    """A sign-up question: its text and, for a choice, its choices one a line, by language."""

    text: dict[str, str]
    kind: str = QuestionKind.TEXT
    choices: dict[str, str] = field(default_factory=dict)
    required: bool = False


# --- Reading what the organiser gave -----------------------------------------------------------


def _choose_one() -> str:
    return _("Choose one of the choices.")


def _choices_of(event: Event, name: str) -> models.QuerySet[Any]:
    """Where a foreign key of the event may point: a place the organisation may use, one of its
    own services, any municipality."""
    if name == "location":
        return event_places(event.organization_id)
    if name == "service":
        return organization_services(event.organization_id)
    return _FOREIGN_KEYS[name]._default_manager.all()


def _foreign(
    event: Event, name: str, value: Any, errors: dict[str, list[str]]
) -> models.Model | None:
    if value in (None, ""):
        return None
    pk = getattr(value, "pk", value)
    current = getattr(event, f"{name}_id")
    if current is not None and str(pk) == str(current):
        # Kept as it was: a choice stored before is not refused again.
        found: models.Model | None = getattr(event, name)
        return found
    try:
        found = _choices_of(event, name).filter(pk=pk).first()
    except (ValueError, TypeError, ValidationError):
        found = None
    if found is None:
        errors.setdefault(name, []).append(_choose_one())
    return found


def _codes_text(value: Any, allowed: Iterable[str]) -> tuple[str, bool]:
    """ ",a,b," from a list or a comma-separated text, in the order of `allowed`; and whether
    every code given was allowed."""
    if isinstance(value, str):
        given = [part.strip() for part in value.split(",") if part.strip()]
    else:
        given = [str(part).strip() for part in value or ()]
    order = list(allowed)
    ok = all(code in order for code in given)
    chosen = [code for code in order if code in given]
    return ("," + ",".join(chosen) + ",") if chosen else "", ok


def _apply(event: Event, fields: dict[str, Any], errors: dict[str, list[str]]) -> None:
    """Set the given fields on the event (values cleaned; errors collected by field)."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not an editable event field: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        if name in _FOREIGN_KEYS:
            setattr(event, name, _foreign(event, name, value, errors))
        elif name == "facilitator":
            event.facilitator = _facilitator(value, errors)
        elif name == "languages":
            text, ok = _codes_text(value, LANGUAGE_CODES)
            if not ok or not text:
                errors["languages"] = [_("Choose the languages: Finnish, Swedish or English.")]
            event.languages = text
        elif name == "tasks":
            text, ok = _codes_text(value, [str(task.number) for task in FAMILY_CENTER_TASKS])
            if not ok:
                errors["tasks"] = [_("Choose family center tasks from 1 to 8.")]
            event.tasks = text
        elif name in ("starts", "ends", "enrolment_opens", "enrolment_closes"):
            if value is not None and timezone.is_naive(value):
                raise ValueError(f"{name} must be aware")
            setattr(event, name, value)
        elif isinstance(value, str):
            setattr(event, name, value.strip())
        elif value is None and isinstance(
            event._meta.get_field(name), (models.CharField, models.TextField)
        ):
            setattr(event, name, "")
        else:
            setattr(event, name, value)


def _facilitator(value: Any, errors: dict[str, list[str]]) -> Any:
    if value in (None, ""):
        return None
    pk = getattr(value, "pk", value)
    try:
        found = network_members().filter(pk=pk).first()
    except (ValueError, TypeError):
        found = None
    if found is None:
        errors["facilitator"] = [_("Choose the facilitator from the network's professionals.")]
    return found


# --- Validation --------------------------------------------------------------------------------


def _event_errors(
    event: Event, *, rule: RuleData | None, parent: Event | None, now: dt.datetime
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}

    def add(name: str, message: str) -> None:
        errors.setdefault(name, []).append(message)

    if not (getattr(event, "title_fi", "") or "").strip():
        add("title_fi", _("Write the title in Finnish."))
    for name in _ONE_LINE:
        for code in LANGUAGE_CODES:
            if has_control_characters(getattr(event, f"{name}_{code}") or ""):
                add(
                    f"{name}_{code}",
                    _("Write this on one line, without line breaks or control characters."),
                )
    if event.starts is None:
        add("starts", _("Give the start."))
    if event.ends is None:
        add("ends", _("Give the end."))
    elif event.starts is not None and event.ends <= event.starts:
        add("ends", _("The end must be after the start."))
    if event.kind != EventKind.UMBRELLA:
        if event.location_id is None and not event.is_online:
            add("location", _("Choose a place, or mark the event as online."))
        if event.is_online and event.location_id is None and event.municipality_id is None:
            add("municipality", _("Choose the municipality of an online event."))
    if event.online_url and not event.is_online:
        add("online_url", _("Mark the event as online, or leave the address empty."))
    if event.min_age is not None and event.max_age is not None and event.min_age > event.max_age:
        add("max_age", _("The upper age must be at least the lower age."))
    if event.registration == RegistrationMode.REGISTRATION and event.capacity is None:
        add("capacity", _("Give the number of seats for an event with sign-up."))
    if event.capacity is not None and event.capacity < event.seats_taken:
        add(
            "capacity",
            ngettext(
                "%(count)s person already holds a seat: the seats cannot be fewer.",
                "%(count)s persons already hold seats: the seats cannot be fewer.",
                event.seats_taken,
            )
            % {"count": event.seats_taken},
        )
    if event.takes_signups:
        opens, closes = event.enrolment_opens, event.enrolment_closes
        if opens is not None and closes is not None and closes <= opens:
            add("enrolment_closes", _("Sign-up must close after it opens."))
        if opens is not None and event.ends is not None and opens >= event.ends:
            add("enrolment_opens", _("Sign-up must open before the event ends."))
    if event.is_forum and event.kind != EventKind.UMBRELLA:
        add("is_forum", _("Only an event with sessions can be a family center forum."))
    if event.is_peer_group:
        if event.kind != EventKind.SERIES:
            add("is_peer_group", _("Only a recurring event can be a peer group."))
        if event.facilitator_id is None and "facilitator" not in errors:
            add("facilitator", _("Choose the group's facilitator."))
    if event.kind == EventKind.SERIES and rule is None:
        add("weekdays", _("Give the days and times the event recurs on."))
    if (
        event.kind == EventKind.SESSION
        and parent is not None
        and event.starts
        and event.ends
        and (event.starts < parent.starts or event.ends > parent.ends)
    ):
        add("starts", _("A session must be within the time of its event."))
    return errors


def _validated(
    event: Event,
    *,
    rule: RuleData | None,
    parent: Event | None,
    errors: dict[str, list[str]],
    now: dt.datetime,
) -> list[dt.date]:
    """Check the event (and its rule): raise every problem at once, by field. Returns the
    rule's dates (none without a rule)."""
    dates: list[dt.date] = []
    if rule is not None:
        try:
            dates = occurrence_dates(rule)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                errors.setdefault(name, []).extend(messages)
        else:
            event.starts = occurrence_span(dates[0], rule.starts_at, rule.ends_at)[0]
            event.ends = occurrence_span(dates[-1], rule.starts_at, rule.ends_at)[1]
    place = event.location if event.location_id is not None else None
    if place is not None and place.municipality_id is not None:
        # The place decides the municipality, so that the families' list filters one column.
        event.municipality_id = place.municipality_id
    for name, messages in _event_errors(event, rule=rule, parent=parent, now=now).items():
        # A value refused as given (an unknown place) is not also reported as missing.
        if name not in errors:
            errors[name] = messages
    try:
        event.full_clean(
            exclude=["created_by"]
            + [name for name in ("starts", "ends") if getattr(event, name) is None],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            for message in messages:
                if message not in errors.get(name, []):
                    errors.setdefault(name, []).append(message)
    if errors:
        raise ValidationError(errors)
    return dates


def _question_errors(questions: list[QuestionData]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if len(questions) > MAX_QUESTIONS:
        errors["questions"] = [_("Ask at most %(max)s questions.") % {"max": MAX_QUESTIONS}]
    for index, question in enumerate(questions):
        prefix = f"questions-{index}-"
        if question.kind not in QuestionKind.values:
            errors[prefix + "kind"] = [_choose_one()]
        if not (question.text.get("fi") or "").strip():
            errors[prefix + "text_fi"] = [_("Write the question in Finnish.")]
        for code in LANGUAGE_CODES:
            text = (question.text.get(code) or "").strip()
            if len(text) > MAX_QUESTION or has_control_characters(text):
                errors[f"{prefix}text_{code}"] = [
                    _("Write the question on one line, in at most %(max)s characters.")
                    % {"max": MAX_QUESTION}
                ]
        if question.kind == QuestionKind.CHOICE:
            counts = {code: len(_lines(question.choices.get(code, ""))) for code in LANGUAGE_CODES}
            if counts["fi"] < 2:
                errors[prefix + "choices_fi"] = [_("Give at least two choices, one a line.")]
            for code in ("sv", "en"):
                if counts[code] and counts[code] != counts["fi"]:
                    errors[f"{prefix}choices_{code}"] = [
                        _("Give as many choices in each language, in the same order.")
                    ]
    return errors


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


# --- Writing -----------------------------------------------------------------------------------


def _jsonable(value: Any) -> Any:
    if isinstance(value, (bool, int, str, type(None))):
        return value
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return str(value)


def _state(event: Event, names: Iterable[str] = EDITABLE_FIELDS) -> dict[str, Any]:
    """The event's values of these fields as the audit log keeps them (foreign keys by id)."""
    state: dict[str, Any] = {}
    for name in names:
        if name in _FOREIGN_KEYS or name == "facilitator":
            state[name] = _jsonable(getattr(event, f"{name}_id"))
        else:
            value = getattr(event, name)
            if value is None and name in _TEXT_FIELDS:
                value = ""
            state[name] = _jsonable(value)
    return state


def _changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, dict[str, Any]]:
    changed = [name for name in after if before.get(name) != after[name]]
    return {
        "from": {name: before.get(name) for name in changed},
        "to": {name: after[name] for name in changed},
    }


def _rule_data(rule: RecurrenceRule) -> RuleData:
    return RuleData(
        weekdays=tuple(rule.weekday_numbers),
        starts_at=rule.starts_at,
        ends_at=rule.ends_at,
        first_date=rule.first_date,
        last_date=rule.last_date,
        interval_weeks=rule.interval_weeks,
        exceptions=tuple(
            dt.date.fromisoformat(line.strip())
            for line in rule.exceptions.splitlines()
            if line.strip()
        ),
    )


def _rule_state(rule: RuleData) -> dict[str, Any]:
    return {
        "weekdays": list(rule.weekdays),
        "starts_at": rule.starts_at.strftime("%H:%M"),
        "ends_at": rule.ends_at.strftime("%H:%M"),
        "first_date": rule.first_date.isoformat(),
        "last_date": rule.last_date.isoformat(),
        "interval_weeks": rule.interval_weeks,
        "exceptions": [day.isoformat() for day in sorted(rule.exceptions)],
    }


def _store_rule(series: Event, rule: RuleData) -> None:
    RecurrenceRule.objects.update_or_create(
        event=series,
        defaults={
            "weekdays": "," + ",".join(str(day) for day in sorted(set(rule.weekdays))) + ",",
            "starts_at": rule.starts_at,
            "ends_at": rule.ends_at,
            "first_date": rule.first_date,
            "last_date": rule.last_date,
            "interval_weeks": rule.interval_weeks,
            "exceptions": "\n".join(day.isoformat() for day in sorted(set(rule.exceptions))),
        },
    )


def _copy_names(series: Event) -> tuple[str, ...]:
    return CONTENT_FIELDS if series.is_peer_group else (*CONTENT_FIELDS, *REGISTRATION_FIELDS)


def _new_occurrence(series: Event, day: dt.date, rule: RuleData) -> Event:
    starts, ends = occurrence_span(day, rule.starts_at, rule.ends_at)
    occurrence = Event(
        kind=EventKind.OCCURRENCE,
        parent=series,
        organization_id=series.organization_id,
        status=series.status,
        series_date=day,
        starts=starts,
        ends=ends,
        created_by_id=series.created_by_id,
    )
    for name in _copy_names(series):
        setattr(occurrence, name, getattr(series, name))
    if series.is_peer_group:
        # The group's families join the series; its sessions take no sign-ups of their own.
        occurrence.registration = RegistrationMode.DROP_IN
    return occurrence


def _questions_state(owner: Event) -> list[str]:
    return [getattr(question, "text_fi", "") or question.text for question in owner.questions.all()]


def _replace_questions(owner: Event, questions: list[QuestionData]) -> None:
    """The owner's questions become `questions`: the one at each position keeps its id (the
    answers given to it stay with it), the extra ones are added, the missing ones removed."""
    existing = list(owner.questions.order_by("position", "pk"))
    for position, data in enumerate(questions):
        question = existing[position] if position < len(existing) else Question(event=owner)
        question.position = position
        question.kind = data.kind
        question.required = data.required
        for code in LANGUAGE_CODES:
            setattr(question, f"text_{code}", (data.text.get(code) or "").strip())
            choices = _lines(data.choices.get(code, "")) if data.kind == QuestionKind.CHOICE else []
            setattr(question, f"choices_{code}", "\n".join(choices))
        question.save()
    for question in existing[len(questions) :]:
        question.delete()


def _live_signups(event: Event) -> list[Signup]:
    return list(event.signups.filter(status__in=LIVE_STATUSES).order_by("queue_number", "pk"))


def _cancel_one(
    event: Event, *, reason: str = "", tell_members: bool = False, now: dt.datetime | None = None
) -> int:
    """Cancel one locked event and tell its families (with the organiser's `reason`); returns how
    many sign-ups were told. With `tell_members`, a peer group's session tells the group's
    members (who signed up for the series, not for the session). A published event keeps when it
    was published, so that it stays public as cancelled; a draft never becomes public."""
    if event.status == EventStatus.PUBLISHED and event.published_at is None:
        event.published_at = now or timezone.now()
    event.status = EventStatus.CANCELLED
    event.save(update_fields=["status", "published_at", "updated_at"])
    told_of = event
    if tell_members and event.kind == EventKind.OCCURRENCE and event.parent_id is not None:
        parent = Event.objects.get(pk=event.parent_id)
        if parent.is_peer_group:
            told_of = parent
    live = _live_signups(told_of)
    if live:
        notices.event_cancelled(event, live, reason=reason)
    return len(live)


def _promote_if_raised(event: Event, old_capacity: int | None, now: dt.datetime) -> int:
    raised = event.capacity is None or (old_capacity is not None and event.capacity > old_capacity)
    if old_capacity is None or not raised or event.waitlisted_count == 0:
        return 0
    return len(promote_waitlist(event, now=now))


def _organization(organization_id: Any) -> Organization:
    try:
        return Organization.objects.get(pk=organization_id)
    except (Organization.DoesNotExist, ValueError, TypeError, ValidationError):
        raise NotFound from None


def event_create(
    *,
    actor: User,
    organization_id: uuid.UUID,
    kind: str,
    fields: dict[str, Any],
    rule: RuleData | None = None,
    parent_id: uuid.UUID | None = None,
    questions: list[QuestionData] | None = None,
    now: dt.datetime | None = None,
) -> Event:
    """A new draft event of the organisation: a single event, an event with sessions, a session
    of one (`parent_id`), or a series with its `rule` and its occurrences made from it. `fields`
    are the model's field names (`title_fi`, `starts`, `location` (a place or its id) ...); a
    series' start and end come from its rule, and a peer group takes applications."""
    now = now or timezone.now()
    organization = _organization(organization_id)
    require(can_manage_events_of(actor, organization.pk))
    if kind not in CREATABLE_KINDS:
        raise ValueError(f"Events of kind {kind!r} are not created directly")
    errors: dict[str, list[str]] = {}
    with transaction.atomic():
        parent: Event | None = None
        if kind == EventKind.SESSION:
            parent = _locked_parent(actor, parent_id, organization)
        elif parent_id is not None:
            raise ValueError("Only a session has a parent")
        event = Event(kind=kind, organization=organization, parent=parent, created_by=actor)
        _apply(event, fields, errors)
        _normalise(event)
        dates = _validated(event, rule=rule, parent=parent, errors=errors, now=now)
        if questions:
            question_errors = _question_errors(questions)
            if question_errors:
                raise ValidationError(question_errors)
        event.save()
        details: dict[str, Any] = {
            "kind": kind,
            "organization": str(organization.pk),
            "to": _state(event),
        }
        if parent is not None:
            details["parent"] = str(parent.pk)
        if questions:
            _replace_questions(event, questions)
            details["questions"] = _questions_state(event)
        if rule is not None:
            _store_rule(event, rule)
            Event.objects.bulk_create(_new_occurrence(event, day, rule) for day in dates)
            details["rule"] = _rule_state(rule)
            details["occurrences"] = len(dates)
        audit_record(action=actions.EVENT_CREATE, actor=actor, target=event, details=details)
    return event


def _locked_parent(actor: User, parent_id: Any, organization: Organization) -> Event:
    if parent_id is None:
        raise ValidationError({"parent": [_("Choose the event the session belongs to.")]})
    try:
        parent = Event.objects.select_for_update(of=("self",)).get(pk=parent_id)
    except (Event.DoesNotExist, ValueError, TypeError, ValidationError):
        raise NotFound from None
    if not can_manage_event(actor, parent):
        raise AccessDenied(target_type="events.event", target_id=parent_id)
    if parent.kind != EventKind.UMBRELLA or parent.organization_id != organization.pk:
        raise ValidationError({"parent": [_("Choose the event the session belongs to.")]})
    if parent.status == EventStatus.CANCELLED:
        raise ValidationError({"parent": [_("The event was cancelled: it takes no sessions.")]})
    return parent


def _normalise(event: Event) -> None:
    """What follows from the kind: a peer group takes applications; only it has a facilitator
    and pseudonyms."""
    if event.is_peer_group:
        event.registration = RegistrationMode.APPLICATION
    else:
        event.facilitator = None
        event.allow_pseudonyms = False


def locked_event_for(
    actor: User, event_id: Any, allowed: Callable[[User, Event], bool] = can_manage_event
) -> Event:
    """The event under the sign-ups' lock (`signup.lock_event`), if the policy `allowed` lets
    the actor act on it as stored; NotFound for a missing one and a forbidden one alike."""
    try:
        event = lock_event(event_id)
    except (ValueError, TypeError, ValidationError):
        raise NotFound from None
    if not allowed(actor, event):
        raise AccessDenied(target_type="events.event", target_id=event_id)
    return event


def _not_cancelled(event: Event) -> None:
    if event.status == EventStatus.CANCELLED:
        raise ValidationError({"__all__": [_("The event was cancelled and cannot be changed.")]})


def event_update(
    *,
    actor: User,
    event_id: uuid.UUID,
    fields: dict[str, Any],
    rule: RuleData | None = None,
    questions: list[QuestionData] | None = None,
    now: dt.datetime | None = None,
) -> Event:
    """Change an event. A series changes its future occurrences with it (see the module);
    an occurrence changed on its own is detached from its series. Seats raised give the waiting
    families theirs at once; seats fewer than those already taken are refused."""
    now = now or timezone.now()
    with transaction.atomic():
        event = locked_event_for(actor, event_id)
        _not_cancelled(event)
        if event.kind == EventKind.OCCURRENCE and questions is not None:
            raise ValidationError(
                {"questions": [_("An occurrence asks its series' questions: change them there.")]}
            )
        if event.kind != EventKind.SERIES and rule is not None:
            raise ValueError("Only a series has a rule")
        parent = event.parent if event.kind == EventKind.SESSION else None
        before = _state(event)
        old_capacity = event.capacity
        errors: dict[str, list[str]] = {}
        _apply(event, fields, errors)
        _normalise(event)
        stored_rule = getattr(event, "rule", None) if event.kind == EventKind.SERIES else None
        effective_rule = rule or (_rule_data(stored_rule) if stored_rule is not None else None)
        dates = _validated(event, rule=effective_rule, parent=parent, errors=errors, now=now)
        if questions is not None:
            question_errors = _question_errors(questions)
            if question_errors:
                raise ValidationError(question_errors)
        details: dict[str, Any] = {}
        if event.kind == EventKind.OCCURRENCE and _changes(before, _state(event))["to"]:
            event.detached = True
            details["detached"] = True
        if event.kind == EventKind.SERIES and effective_rule is not None:
            details.update(
                _update_series(
                    event,
                    before=before,
                    old_rule=_rule_data(stored_rule) if stored_rule is not None else None,
                    rule=effective_rule,
                    dates=dates,
                    now=now,
                )
            )
        event.save()
        promoted = _promote_if_raised(event, old_capacity, now)
        if promoted:
            details["promoted"] = promoted
        if questions is not None:
            old_questions = _questions_state(event)
            _replace_questions(event, questions)
            new_questions = _questions_state(event)
            if old_questions != new_questions:
                details["questions"] = {"from": old_questions, "to": new_questions}
        details.update(_changes(before, _state(event)))
        action = actions.SERIES_UPDATE if event.kind == EventKind.SERIES else actions.EVENT_UPDATE
        audit_record(action=action, actor=actor, target=event, details=details)
    return event


def _update_series(
    series: Event,
    *,
    before: dict[str, Any],
    old_rule: RuleData | None,
    rule: RuleData,
    dates: list[dt.date],
    now: dt.datetime,
) -> dict[str, Any]:
    """Carry the series' change to its future occurrences (the series is locked)."""
    if rule != old_rule:
        _store_rule(series, rule)
    copied = _copy_names(series)
    after = _state(series, copied)
    changed = [name for name in copied if before.get(name) != after[name]]
    times_changed = old_rule is None or (old_rule.starts_at, old_rule.ends_at) != (
        rule.starts_at,
        rule.ends_at,
    )
    wanted = set(dates)
    occurrence_ids = list(
        series.children.filter(kind=EventKind.OCCURRENCE)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    taken_dates: set[dt.date] = set()
    updated: list[str] = []
    cancelled: list[str] = []
    deleted: list[str] = []
    promoted = 0
    for occurrence_id in occurrence_ids:
        occurrence = lock_event(occurrence_id)
        if occurrence.series_date is not None:
            taken_dates.add(occurrence.series_date)
        if occurrence.starts <= now or occurrence.status == EventStatus.CANCELLED:
            continue
        day = occurrence.series_date
        if day not in wanted:
            label = day.isoformat() if day else str(occurrence.pk)
            if occurrence.signups.exists():
                _cancel_one(occurrence, now=now)
                cancelled.append(label)
            else:
                occurrence.delete()
                deleted.append(label)
            continue
        if occurrence.detached or (not changed and not times_changed):
            continue
        if (
            "capacity" in changed
            and series.capacity is not None
            and series.capacity < occurrence.seats_taken
        ):
            raise ValidationError(
                {
                    "capacity": [
                        ngettext(
                            "%(count)s person already holds a seat on %(date)s: the seats "
                            "cannot be fewer.",
                            "%(count)s persons already hold seats on %(date)s: the seats "
                            "cannot be fewer.",
                            occurrence.seats_taken,
                        )
                        % {"count": occurrence.seats_taken, "date": f"{day:%-d.%-m.%Y}"}
                    ]
                }
            )
        old_capacity = occurrence.capacity
        for name in changed:
            setattr(occurrence, name, getattr(series, name))
        if day is not None and times_changed:
            occurrence.starts, occurrence.ends = occurrence_span(day, rule.starts_at, rule.ends_at)
        occurrence.save()
        promoted += _promote_if_raised(occurrence, old_capacity, now)
        updated.append(day.isoformat() if day else str(occurrence.pk))
    added = [
        _new_occurrence(series, day, rule)
        for day in dates
        if day not in taken_dates and occurrence_span(day, rule.starts_at, rule.ends_at)[0] > now
    ]
    Event.objects.bulk_create(added)
    result: dict[str, Any] = {
        "occurrences": {
            "added": [
                occurrence.series_date.isoformat() for occurrence in added if occurrence.series_date
            ],
            "updated": updated,
            "cancelled": cancelled,
            "deleted": deleted,
        }
    }
    if rule != old_rule:
        result["rule"] = {
            "from": _rule_state(old_rule) if old_rule is not None else None,
            "to": _rule_state(rule),
        }
    if promoted:
        result["occurrences_promoted"] = promoted
    return result


def event_publish(*, actor: User, event_id: uuid.UUID, now: dt.datetime | None = None) -> Event:
    """Publish a draft, with its occurrences or sessions that are not cancelled. A session (or
    an occurrence) is published only while the event it belongs to is: the public page of a
    cancelled forum must not take sign-ups for a session published after it."""
    now = now or timezone.now()
    with transaction.atomic():
        event = locked_event_for(actor, event_id)
        _not_cancelled(event)
        if event.status == EventStatus.PUBLISHED:
            return event
        if event.parent_id is not None:
            parent_status = Event.objects.filter(pk=event.parent_id).values_list(
                "status", flat=True
            )[0]
            if parent_status != EventStatus.PUBLISHED:
                raise ValidationError(
                    {"__all__": [_("Publish the event this is a part of first.")]}
                    if parent_status == EventStatus.DRAFT
                    else {"__all__": [_("The event this is a part of was cancelled.")]}
                )
        parts = list(
            event.children.select_for_update()
            .filter(status=EventStatus.DRAFT)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        Event.objects.filter(pk__in=parts).update(
            status=EventStatus.PUBLISHED, published_at=now, updated_at=now
        )
        event.status = EventStatus.PUBLISHED
        event.published_at = now
        event.save(update_fields=["status", "published_at", "updated_at"])
        audit_record(
            action=actions.EVENT_PUBLISH,
            actor=actor,
            target=event,
            details={"from": EventStatus.DRAFT.value, "to": event.status, "parts": len(parts)},
        )
    return event


def event_cancel(
    *, actor: User, event_id: uuid.UUID, reason: str = "", now: dt.datetime | None = None
) -> Event:
    """Cancel an event that has not ended, with its occurrences or sessions that have not begun
    (those held already stay as they were); every family holding or waiting for a seat is told
    (`notices.event_cancelled`). Cancelling a cancelled event changes nothing."""
    now = now or timezone.now()
    reason = (reason or "").strip()
    if len(reason) > 500:
        raise ValidationError({"reason": [_("Write the reason in at most 500 characters.")]})
    with transaction.atomic():
        event = locked_event_for(actor, event_id)
        if event.status == EventStatus.CANCELLED:
            return event
        if event.ends <= now:
            raise ValidationError({"__all__": [_("This event is over.")]})
        old_status = event.status
        told = _cancel_one(event, reason=reason, tell_members=True, now=now)
        part_ids = list(
            event.children.exclude(status=EventStatus.CANCELLED)
            .filter(starts__gt=now)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        for part_id in part_ids:
            told += _cancel_one(lock_event(part_id), reason=reason, now=now)
        audit_record(
            action=actions.EVENT_CANCEL,
            actor=actor,
            target=event,
            reason=reason,
            details={"from": old_status, "to": event.status, "parts": len(part_ids), "told": told},
        )
    return event
