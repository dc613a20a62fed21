"""A family signs up for an event, changes its group, cancels, and confirms an offered seat;
the waiting list moves up by itself.

Seats never get lost (ADR 0038): the event's row carries `seats_taken` (persons attending or
offered), `waitlisted_count` (persons waiting) and `next_queue_number` (the queue's order), and
every write of a sign-up runs in one transaction that first locks that row (`lock_event`:
`select_for_update` on PostgreSQL; on SQLite every transaction is IMMEDIATE and holds the
database's write lock from its start), reads the event again, decides, writes the sign-up and
the counters, records an audit entry and writes the family's notices. The check constraint
`seats_taken <= capacity` is the second line: code that forgot the lock still cannot store more
seats than there are.

Whenever seats are freed (a cancellation, a smaller group, an offer that expired, more
capacity), `promote_waitlist` gives them to the waiting groups in queue order, skipping a group
too large for what is free and taking the next one that fits.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from perhekeskus.audit.registry import AuditAction
from perhekeskus.audit.services import audit_record
from perhekeskus.core.actors import Visitor
from perhekeskus.core.ages import MAX_CHILD_AGE
from perhekeskus.core.errors import NotFound
from perhekeskus.core.idempotency import is_strict, store_within_limit, stored_key
from perhekeskus.core.ratelimit import NO_LIMIT, Limiter
from perhekeskus.core.sms import normalise_number
from perhekeskus.core.validators import has_control_characters, looks_like_phone_number
from perhekeskus.events import actions, notices
from perhekeskus.events.models import (
    SEAT_HOLDING,
    Event,
    EventKind,
    EventLanguage,
    EventStatus,
    Participant,
    Question,
    QuestionKind,
    RegistrationMode,
    Signup,
    SignupStatus,
)
from perhekeskus.events.selectors import signup_get_by_token, token_hash

MAX_NAME = 200
MAX_ANSWER = 2000
# Sign-ups the family can still change or cancel.
_LIVE = (
    SignupStatus.ATTENDING,
    SignupStatus.OFFERED,
    SignupStatus.WAITLISTED,
    SignupStatus.APPLIED,
)


@dataclass(frozen=True)
class ParticipantInput:
    """One person who comes: an adult (`age` None) or a child with their age in years."""

    name: str
    age: int | None


@dataclass(frozen=True)
class SignupInput:
    """What the family gives: the contact person, everyone who comes, and the answers
    (keyed "q_<question id>" or "<question id>")."""

    name: str
    email: str
    phone: str
    language: str
    participants: list[ParticipantInput]
    answers: dict[str, str]


@dataclass(frozen=True)
class SignupResult:
    """`created` is False for a repeat of a known idempotency key (the first sign-up)."""

    signup: Signup
    manage_token: str
    created: bool


class SignupRefused(Exception):
    """The event takes no sign-up now: `code` is "closed", "full" or "not_found"; `message` is
    for the family, in the active language."""

    def __init__(self, code: str, message: str = "") -> None:
        self.code = code
        self.message = message or _refusal_text(code)
        super().__init__(self.message)


class IdempotencyConflict(Exception):
    """An API idempotency key already used for a sign-up with other content."""


def _refusal_text(code: str) -> str:
    if code == "full":
        return _("This event is full, and there is no room on its waiting list.")
    if code == "not_found":
        return _("This event cannot be found.")
    return _("Sign-up for this event is closed.")


def lock_event(event_id: uuid.UUID) -> Event:
    """The event, read again under its row lock; call inside `transaction.atomic`. Every write
    of the event's sign-ups and seat counters takes this lock first. NotFound for no event."""
    try:
        return Event.objects.select_for_update(of=("self",)).get(pk=event_id)
    except (Event.DoesNotExist, ValueError, ValidationError):
        raise NotFound from None


# --- When the event takes sign-ups --------------------------------------------------------------


def _local(moment: dt.datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


def _is_signup_unit(event: Event) -> bool:
    """Families sign up for singles, occurrences, sessions and umbrellas with registration, and
    apply to a peer group's series (not to its sessions, which are drop-in for its members); a
    plain series is signed up for by its occurrences. Decided from the event's own row, so that
    a list of events asks no more queries."""
    if not event.takes_signups:
        return False
    if event.kind == EventKind.SERIES:
        return event.is_peer_group
    if event.kind == EventKind.OCCURRENCE:
        return event.registration != RegistrationMode.APPLICATION
    return True


def _signup_deadline(event: Event) -> dt.datetime:
    """Until when a family may cancel or change: the start, or for a peer group (a membership
    over the series) the end of the group."""
    if event.kind == EventKind.SERIES:
        return event.ends
    return event.starts


def closed_reason(event: Event, now: dt.datetime) -> str | None:
    """Why the event takes no new sign-up now (a message for the family), or None if it does."""
    if event.status == EventStatus.CANCELLED:
        return _("This event has been cancelled.")
    if event.status != EventStatus.PUBLISHED or not _is_signup_unit(event):
        return _("This event takes no sign-ups.")
    if event.enrolment_opens is not None and event.enrolment_opens > now:
        return _("Sign-up for this event opens on %(when)s.") % {
            "when": _local(event.enrolment_opens)
        }
    if event.enrolment_closes is not None and event.enrolment_closes <= now:
        return _("Sign-up for this event has closed.")
    if event.starts <= now:
        return _("This event has already begun, so sign-up has closed.")
    return None


def _refuse_if_closed(event: Event, now: dt.datetime) -> None:
    reason = closed_reason(event, now)
    if reason is not None:
        raise SignupRefused("closed", reason)


# --- Checking what the family gave --------------------------------------------------------------


class _Problems:
    """The field errors found so far, raised together as one ValidationError."""

    def __init__(self) -> None:
        self.by_field: dict[str, list[str]] = {}

    def add(self, field: str, message: str) -> None:
        self.by_field.setdefault(field, []).append(message)

    def raise_any(self) -> None:
        if self.by_field:
            raise ValidationError(self.by_field)


def _one_line(value: str, field: str, missing: str, problems: _Problems) -> str:
    value = (value or "").strip()
    if not value:
        problems.add(field, missing)
    elif len(value) > MAX_NAME or has_control_characters(value):
        problems.add(
            field,
            _("Please write this on one line, in at most %(count)d characters.")
            % {"count": MAX_NAME},
        )
    return value


def _clean_phone(value: str) -> str:
    """A phone number in its international form; ValueError when it does not look like one."""
    value = (value or "").strip()
    if not value:
        return ""
    if not looks_like_phone_number(value):
        raise ValueError(value)
    return normalise_number(value)


def _email_problem(email: str) -> str | None:
    try:
        validate_email(email)
    except ValidationError:
        return _("Enter a valid email address.")
    return None


def _check_participants(
    event: Event, participants: Sequence[ParticipantInput], problems: _Problems
) -> list[ParticipantInput]:
    """Everyone who comes: at least one, at most the event's largest group, each with a name,
    and each child's age within the event's range."""
    if not participants:
        problems.add("participants", _("Please tell who is coming: at least one person."))
        return []
    if len(participants) > event.max_group_size:
        problems.add(
            "participants",
            ngettext(
                "At most %(count)d person can come in one sign-up.",
                "At most %(count)d persons can come in one sign-up.",
                event.max_group_size,
            )
            % {"count": event.max_group_size},
        )
    cleaned: list[ParticipantInput] = []
    for index, person in enumerate(participants):
        name = _one_line(
            person.name,
            f"participants-{index}-name",
            _("Please give the name of everyone who is coming."),
            problems,
        )
        problem = _age_problem(event, person.age)
        if problem:
            problems.add(f"participants-{index}-age", problem)
        cleaned.append(ParticipantInput(name=name, age=person.age))
    return cleaned


def _age_problem(event: Event, age: int | None) -> str | None:
    """None for an adult (no age) and for a child within the event's range."""
    if age is None:
        return None
    if isinstance(age, bool) or not isinstance(age, int) or not 0 <= age <= MAX_CHILD_AGE:
        return _("Please give a child's age in years, from 0 to %(max)d.") % {"max": MAX_CHILD_AGE}
    too_young = event.min_age is not None and age < event.min_age
    too_old = event.max_age is not None and age > event.max_age
    if not (too_young or too_old):
        return None
    if event.min_age is not None and event.max_age is not None:
        return _("This event is for children aged %(min)d to %(max)d.") % {
            "min": event.min_age,
            "max": event.max_age,
        }
    if event.min_age is not None:
        return _("This event is for children aged %(min)d or older.") % {"min": event.min_age}
    return _("This event is for children aged up to %(max)d.") % {"max": event.max_age}


def _choices_in_any_language(question: Question) -> set[str]:
    """A choice as the family saw it, in whichever language their page was."""
    found = set(question.choice_list())
    for code in EventLanguage.values:
        text = getattr(question, f"choices_{code}", "") or ""
        found.update(line.strip() for line in text.splitlines() if line.strip())
    return found


def _answer_problem(question: Question, value: str) -> str | None:
    if not value:
        return _("Please answer this question.") if question.required else None
    if question.kind == QuestionKind.CHOICE and value not in _choices_in_any_language(question):
        return _("Please choose one of the options.")
    if len(value) > MAX_ANSWER:
        return _("Please write at most %(count)d characters.") % {"count": MAX_ANSWER}
    return None


def _check_answers(event: Event, answers: dict[str, str], problems: _Problems) -> dict[str, str]:
    """The answers to the event's questions (a series' for its occurrences), by question id;
    answers to anything else are dropped."""
    given = {
        str(key).removeprefix("q_"): str(value or "").strip() for key, value in answers.items()
    }
    kept: dict[str, str] = {}
    for question in Question.objects.filter(event_id=event.question_owner_id()):
        value = given.get(str(question.pk), "")
        problem = _answer_problem(question, value)
        if problem:
            problems.add(f"q_{question.pk}", problem)
        if value:
            kept[str(question.pk)] = value
    return kept


def _check(event: Event, data: SignupInput) -> SignupInput:
    """What the family gave, cleaned (names trimmed, the phone number international, answers by
    question id); raises ValidationError with every problem found, per field, in the active
    language."""
    problems = _Problems()
    name = _one_line(data.name, "name", _("Please give your name."), problems)
    email = (data.email or "").strip()
    if email and (problem := _email_problem(email)):
        problems.add("email", problem)
    try:
        phone = _clean_phone(data.phone)
    except ValueError:
        phone = ""
        problems.add("phone", _("Enter a phone number, e.g. 040 123 4567."))
    if not email and not (data.phone or "").strip():
        problems.add(
            "email", _("Give an e-mail address or a phone number, so that we can reach you.")
        )
    if data.language not in EventLanguage.values:
        problems.add("language", _("Please choose Finnish, Swedish or English."))
    participants = _check_participants(event, data.participants, problems)
    answers = _check_answers(event, data.answers or {}, problems)
    problems.raise_any()
    return SignupInput(name, email, phone, data.language, participants, answers)


def _recheck_group(
    event: Event, participants: Sequence[ParticipantInput]
) -> list[ParticipantInput]:
    """The group against the event as it is now (under the lock its organiser may have changed
    the largest group or the ages since the input was read)."""
    problems = _Problems()
    cleaned = _check_participants(event, participants, problems)
    problems.raise_any()
    return cleaned


# --- Signing up ---------------------------------------------------------------------------------


def _fingerprint(email: str, phone: str, participants: Sequence[ParticipantInput]) -> tuple:
    return (
        email.strip().lower(),
        phone,
        tuple((p.name.strip(), p.age) for p in participants),
    )


def _replay(existing: Signup, scope: str, data: SignupInput) -> SignupResult:
    """The sign-up a known key made. In a strict scope, other content is a conflict: a retry
    carries the same contact and group, so anything else is never answered with the family's
    manage link."""
    if is_strict(scope) and existing.anonymised_at is None:
        try:
            phone = _clean_phone(data.phone)
        except ValueError:
            raise IdempotencyConflict from None
        stored = [ParticipantInput(p.name, p.age) for p in existing.participants.all()]
        if _fingerprint(data.email, phone, data.participants) != _fingerprint(
            existing.email, existing.phone, stored
        ):
            raise IdempotencyConflict
    return SignupResult(existing, existing.manage_token, False)


def _known(event_id: uuid.UUID, key: str) -> Signup | None:
    if not key:
        return None
    return Signup.objects.filter(event_id=event_id, idempotency_key=key).first()


def signup_create(
    *,
    event_id: uuid.UUID,
    data: SignupInput,
    idempotency_key: str = "",
    idempotency_scope: str = "form",
    limiter: Limiter = NO_LIMIT,
    now: dt.datetime | None = None,
) -> SignupResult:
    """Sign a family up for the event `event_id`: attending when the group fits the seats left,
    else on the waiting list while it has room; an application to a peer group waits for the
    facilitator.

    Bad input raises ValidationError with messages per field (`name`, `email`, `phone`,
    `language`, `participants`, `participants-<i>-name`, `participants-<i>-age`, `q_<id>`) in
    the active language. SignupRefused("closed" | "full" | "not_found") when the event takes no
    sign-up. A repeat of `idempotency_key` returns the first sign-up (`created` False), before
    any rate limit; only a sign-up stored uses a slot of `limiter` (RateLimited when none is
    left). In the "api" scope a known key with other content raises IdempotencyConflict."""
    key = stored_key(idempotency_scope, idempotency_key)
    now = now or timezone.now()
    try:
        event = Event.objects.filter(pk=event_id).first()
    except (ValueError, ValidationError):
        event = None
    if event is None:
        raise SignupRefused("not_found")
    existing = _known(event.pk, key)
    if existing is not None:
        return _replay(existing, idempotency_scope, data)
    _refuse_if_closed(event, now)
    checked = _check(event, data)
    return store_within_limit(
        limiter, lambda: _store(event.pk, checked, key, idempotency_scope, data, now)
    )


def _store(
    event_id: uuid.UUID,
    checked: SignupInput,
    key: str,
    scope: str,
    data: SignupInput,
    now: dt.datetime,
) -> SignupResult:
    try:
        with transaction.atomic():
            event = lock_event(event_id)
            existing = _known(event.pk, key)  # the same key, stored while we waited
            if existing is not None:
                return _replay(existing, scope, data)
            _refuse_if_closed(event, now)
            _recheck_group(event, checked.participants)
            return _write(event, checked, key, scope, now)
    except IntegrityError:
        # The same key stored by a writer at the same moment, or the capacity's check
        # constraint refusing seats that a writer without the lock took.
        existing = _known(event_id, key)
        if existing is not None:
            return _replay(existing, scope, data)
        raise SignupRefused("full") from None


def _waitlist_has_room(event: Event, seats: int) -> bool:
    return event.waitlist_capacity is None or event.waitlisted_count + seats <= (
        event.waitlist_capacity
    )


def _take_queue_number(event: Event) -> int:
    number = event.next_queue_number
    event.next_queue_number = number + 1
    return number


def _save_counters(event: Event) -> None:
    event.save(update_fields=["seats_taken", "waitlisted_count", "next_queue_number", "updated_at"])


def move_status(
    signup: Signup,
    to: str,
    action: AuditAction,
    *,
    actor: Visitor = None,
    fields: Sequence[str] = (),
    **details: object,
) -> None:
    """Move a sign-up to the status `to`, save it with the other changed `fields`, and record
    the move (from, to) with `action`. Under the event's lock, in the caller's transaction."""
    before = signup.status
    signup.status = to
    signup.save(update_fields=["status", *fields, "updated_at"])
    audit_record(
        action=action,
        actor=actor,
        target=signup,
        details={"event": str(signup.event_id), "from": before, "to": to, **details},
    )


def _write(
    event: Event, checked: SignupInput, key: str, scope: str, now: dt.datetime
) -> SignupResult:
    seats = len(checked.participants)
    if event.waitlisted_count:
        # Seats freed by a writer that did not promote (the queue goes first).
        promote_waitlist(event, now=now)
    queue_number = 0
    if event.registration == RegistrationMode.APPLICATION:
        status = SignupStatus.APPLIED
        queue_number = _take_queue_number(event)
    elif event.seats_left is None or seats <= event.seats_left:
        status = SignupStatus.ATTENDING
        event.seats_taken += seats
    elif _waitlist_has_room(event, seats):
        status = SignupStatus.WAITLISTED
        queue_number = _take_queue_number(event)
        event.waitlisted_count += seats
    else:
        raise SignupRefused("full")
    manage_token = secrets.token_urlsafe(24)
    signup = Signup(
        event=event,
        status=status,
        seats=seats,
        queue_number=queue_number,
        language=checked.language,
        name=checked.name,
        email=checked.email,
        phone=checked.phone,
        answers=json.dumps(checked.answers, ensure_ascii=False, sort_keys=True),
        manage_token_hash=token_hash(manage_token),
        manage_token=manage_token,
        idempotency_key=key,
    )
    signup.save(force_insert=True)
    Participant.objects.bulk_create(
        Participant(signup=signup, name=person.name, age=person.age, position=index)
        for index, person in enumerate(checked.participants)
    )
    _save_counters(event)
    audit_record(
        action=actions.SIGNUP_CREATE,
        target=signup,
        details={"event": str(event.pk), "status": status, "seats": seats, "via": scope},
    )
    notices.signup_created(signup, manage_token=manage_token)
    return SignupResult(signup, manage_token, True)


# --- The waiting list moves up ------------------------------------------------------------------


def _takes_promotions(event: Event, now: dt.datetime) -> bool:
    return event.status == EventStatus.PUBLISHED and now < _signup_deadline(event)


def promote_waitlist(event: Event, *, now: dt.datetime) -> list[Signup]:
    """Give the free seats to the waiting groups in queue order: each waiting group whose persons
    fit what is still free becomes attending (or offered until `confirm_within_hours` from now,
    holding its seats), and a group too large is passed over for the next that fits. The caller
    holds the event's lock (`lock_event`) and has saved any change of its capacity; the counters
    are saved here. Nothing moves once the event has begun or when it is not published."""
    if not event.waitlisted_count or not _takes_promotions(event, now):
        return []
    promoted: list[Signup] = []
    waiting = Signup.objects.filter(event=event, status=SignupStatus.WAITLISTED).order_by(
        "queue_number"
    )
    for signup in waiting:
        free = event.seats_left
        if free is not None and free <= 0:
            break
        if free is not None and signup.seats > free:
            continue
        signup.event = event
        signup.promoted_at = now
        to = SignupStatus.ATTENDING
        if event.confirm_within_hours:
            to = SignupStatus.OFFERED
            signup.offer_expires_at = now + dt.timedelta(hours=event.confirm_within_hours)
        move_status(
            signup,
            to,
            actions.SIGNUP_PROMOTE,
            fields=["promoted_at", "offer_expires_at"],
            seats=signup.seats,
        )
        event.seats_taken += signup.seats
        event.waitlisted_count -= signup.seats
        notices.signup_promoted(signup)
        promoted.append(signup)
    if promoted:
        _save_counters(event)
    return promoted


# --- The family changes, cancels, confirms ------------------------------------------------------


def _locked_signup(token: str) -> tuple[Event, Signup]:
    """The event (locked) and the sign-up of a manage link read again under the lock; NotFound
    for an unknown token. Call inside `transaction.atomic`."""
    found = signup_get_by_token(token)
    if found is None:
        raise NotFound
    event = lock_event(found.event_id)
    signup = Signup.objects.get(pk=found.pk)
    signup.event = event
    return event, signup


def _may_still_change(event: Event, signup: Signup, now: dt.datetime) -> None:
    if signup.status not in _LIVE:
        raise ValidationError(
            {"__all__": [_("This sign-up is no longer valid, so it cannot be changed.")]}
        )
    if event.status == EventStatus.CANCELLED:
        raise ValidationError({"__all__": [_("This event has been cancelled.")]})
    if now >= _signup_deadline(event):
        raise ValidationError(
            {"__all__": [_("This event has already begun, so the sign-up cannot be changed.")]}
        )


def _free_seats_of(event: Event, signup: Signup) -> None:
    """Take the sign-up's persons off the event's counters."""
    if signup.status in SEAT_HOLDING:
        event.seats_taken -= signup.seats
    elif signup.status == SignupStatus.WAITLISTED:
        event.waitlisted_count -= signup.seats


def signup_cancel(*, token: str, now: dt.datetime | None = None) -> Signup:
    """The family cancels by its manage link, until the event begins (a peer group: until it
    ends). Freed seats go to the waiting list at once. A sign-up already cancelled is returned
    as it is; NotFound for an unknown token."""
    now = now or timezone.now()
    with transaction.atomic():
        event, signup = _locked_signup(token)
        if signup.status == SignupStatus.CANCELLED:
            return signup
        _may_still_change(event, signup, now)
        before = signup.status
        _free_seats_of(event, signup)
        signup.cancelled_at = now
        signup.cancelled_by_family = True
        signup.offer_expires_at = None
        move_status(
            signup,
            SignupStatus.CANCELLED,
            actions.SIGNUP_CANCEL,
            fields=["cancelled_at", "cancelled_by_family", "offer_expires_at"],
            by_family=True,
        )
        _save_counters(event)
        notices.signup_cancelled(signup)
        if before in SEAT_HOLDING:
            promote_waitlist(event, now=now)
    return signup


def _replace_participants(signup: Signup, participants: Sequence[ParticipantInput]) -> None:
    """The group as given, keeping the rows (and their attendance) of the persons that stay."""
    rows = list(signup.participants.all())
    for index, person in enumerate(participants):
        if index < len(rows):
            row = rows[index]
            row.name, row.age, row.position = person.name, person.age, index
            row.save(update_fields=["name", "age", "position"])
        else:
            Participant.objects.create(
                signup=signup, name=person.name, age=person.age, position=index
            )
    Participant.objects.filter(pk__in=[row.pk for row in rows[len(participants) :]]).delete()


def _more_seats_refused(left: int) -> ValidationError:
    return ValidationError(
        {
            "participants": [
                ngettext(
                    "Only %(count)d more person fits in. Your sign-up was not changed.",
                    "Only %(count)d more persons fit in. Your sign-up was not changed.",
                    left,
                )
                % {"count": left}
            ]
        }
    )


def signup_change(
    *, token: str, participants: list[ParticipantInput], now: dt.datetime | None = None
) -> Signup:
    """The family changes who comes. More persons need the seats (or, while waiting, the waiting
    list's places) to be free: otherwise a field error and nothing changes, so the seats they
    have are never lost. Fewer persons free seats for the waiting list; a waiting group made
    smaller may now fit itself. ValidationError per field as at sign-up; NotFound for an
    unknown token."""
    now = now or timezone.now()
    with transaction.atomic():
        event, signup = _locked_signup(token)
        _may_still_change(event, signup, now)
        cleaned = _recheck_group(event, participants)
        before, after = signup.seats, len(cleaned)
        more = after - before
        if signup.status in SEAT_HOLDING:
            left = event.seats_left
            if more > 0 and left is not None and more > left:
                raise _more_seats_refused(left)
            event.seats_taken += more
        elif signup.status == SignupStatus.WAITLISTED:
            if more > 0 and not _waitlist_has_room(event, more):
                left = max((event.waitlist_capacity or 0) - event.waitlisted_count, 0)
                raise _more_seats_refused(left)
            event.waitlisted_count += more
        signup.seats = after
        signup.save(update_fields=["seats", "updated_at"])
        _replace_participants(signup, cleaned)
        _save_counters(event)
        audit_record(
            action=actions.SIGNUP_CHANGE,
            target=signup,
            details={"event": str(event.pk), "seats_from": before, "seats_to": after},
        )
        notices.signup_changed(signup)
        if more < 0 or signup.status == SignupStatus.WAITLISTED:
            promote_waitlist(event, now=now)
    signup.refresh_from_db()
    return signup


def signup_confirm_offer(*, token: str, now: dt.datetime | None = None) -> Signup:
    """The family confirms the seats offered to them before the offer expires. Confirming twice
    returns the sign-up as it is; ValidationError when there is no offer or it has expired;
    NotFound for an unknown token."""
    now = now or timezone.now()
    with transaction.atomic():
        event, signup = _locked_signup(token)
        if signup.status == SignupStatus.ATTENDING and signup.promoted_at is not None:
            return signup
        if signup.status != SignupStatus.OFFERED:
            raise ValidationError({"__all__": [_("There is no seat offer to confirm.")]})
        _may_still_change(event, signup, now)
        if signup.offer_expires_at is not None and signup.offer_expires_at <= now:
            raise ValidationError({"__all__": [_("The time to confirm this offer has passed.")]})
        signup.offer_expires_at = None
        move_status(
            signup, SignupStatus.ATTENDING, actions.SIGNUP_CONFIRM, fields=["offer_expires_at"]
        )
        notices.signup_changed(signup)
    return signup


def offers_expire(*, now: dt.datetime | None = None) -> int:
    """Cancel the offers not confirmed in time and give their seats to the next waiting groups,
    one event's transaction at a time (under its lock, the offers read again). Returns how many
    expired."""
    now = now or timezone.now()
    event_ids = set(
        Signup.objects.filter(status=SignupStatus.OFFERED, offer_expires_at__lte=now).values_list(
            "event_id", flat=True
        )
    )
    expired = 0
    for event_id in sorted(event_ids, key=str):
        with transaction.atomic():
            event = lock_event(event_id)
            offers = list(
                Signup.objects.filter(
                    event=event, status=SignupStatus.OFFERED, offer_expires_at__lte=now
                ).order_by("queue_number")
            )
            for signup in offers:
                signup.event = event
                event.seats_taken -= signup.seats
                signup.cancelled_at = now
                move_status(
                    signup,
                    SignupStatus.CANCELLED,
                    actions.SIGNUP_OFFER_EXPIRE,
                    fields=["cancelled_at"],
                    seats=signup.seats,
                )
                notices.offer_expired(signup)
            if offers:
                _save_counters(event)
                promote_waitlist(event, now=now)
            expired += len(offers)
    return expired
