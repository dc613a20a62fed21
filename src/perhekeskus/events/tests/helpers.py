"""What the events app's tests share: the moments they freeze time at, events, peer groups,
series and forums as the tests start from, and sign-ups made through the services (`sign_up`,
`sign_up_as`) or written as the services leave them (`signup_for`). The fixtures (`frozen_now`,
`place`, `outsider`, the emptied text-message outbox) are in conftest.py."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Sequence
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from perhekeskus.accounts.models import User
from perhekeskus.audit.models import AuditEntry
from perhekeskus.core.models import OutboxEmail
from perhekeskus.core.roles import Role
from perhekeskus.events import notices
from perhekeskus.events.models import (
    Event,
    EventKind,
    Participant,
    RegistrationMode,
    Signup,
    SignupStatus,
)
from perhekeskus.events.recurrence import RuleData
from perhekeskus.events.selectors import token_hash
from perhekeskus.events.services import ParticipantInput, SignupInput, SignupResult, signup_create
from perhekeskus.events.services.organise import event_create, event_publish
from perhekeskus.testing.factories import EventFactory, UserFactory

# Monday 1 March 2027, 12.00 in Finnish time (UTC+2): `frozen_now` freezes the clock here unless
# the test module has a NOW of its own.
NOW = dt.datetime(2027, 3, 1, 10, 0, tzinfo=dt.UTC)
# Tuesday 2 March 2027, 10.00–12.00 in Finnish time: when `make_event`'s events start.
START = dt.datetime(2027, 3, 2, 8, 0, tzinfo=dt.UTC)
# The child of `signup_for`'s family, whose name no notice may say.
CHILD_NAME = "Onni Meikäläinen"

# The notices `spy_notices` records.
_NOTICES = (
    "signup_created",
    "signup_promoted",
    "signup_changed",
    "signup_cancelled",
    "offer_expired",
    "application_decided",
)


# --- Events --------------------------------------------------------------------------------------


def make_event(**fields: Any) -> Event:
    """A published event (the factory's: 10 seats, sign-up open), START to two hours later."""
    fields.setdefault("starts", START)
    fields.setdefault("ends", fields["starts"] + dt.timedelta(hours=2))
    return EventFactory.create(**fields)


def event_at(starts: dt.datetime, **fields: Any) -> Event:
    """A published event from `starts` to two hours later."""
    return make_event(starts=starts, **fields)


def peer_group(facilitator: Any = None, **fields: Any) -> Event:
    """A peer group (a series families apply to) run by `facilitator`."""
    values: dict[str, Any] = {
        "kind": EventKind.SERIES,
        "is_peer_group": True,
        "registration": RegistrationMode.APPLICATION,
        "facilitator": facilitator,
        **fields,
    }
    return make_event(**values)


def at_place(place: Any, **changes: Any) -> Event:
    """A published event of the place's organisation there, START to two hours later."""
    return make_event(organization=place.organization, location=place, **changes)


def fields(place: Any, **changes: Any) -> dict[str, Any]:
    """An organiser's fields of a new event at `place` (`services.organise.event_create`)."""
    values: dict[str, Any] = {
        "title_fi": "Vauvakahvila",
        "title_sv": "Babycafé",
        "description_fi": "Avoin kahvila vauvaperheille.",
        "starts": START,
        "ends": START + dt.timedelta(hours=2),
        "location": place,
        "registration": RegistrationMode.REGISTRATION,
        "capacity": 10,
        "languages": ["fi", "sv"],
        "tasks": [8, 6],
    }
    values.update(changes)
    return values


def tuesdays(**changes: Any) -> RuleData:
    """Tuesdays 9.30–11 Finnish time through March and April 2027 (over the spring change)."""
    values: dict[str, Any] = {
        "weekdays": (1,),
        "starts_at": dt.time(9, 30),
        "ends_at": dt.time(11, 0),
        "first_date": dt.date(2027, 2, 23),
        "last_date": dt.date(2027, 4, 27),
    }
    values.update(changes)
    return RuleData(**values)


def make_series(actor: Any, place: Any, rule: RuleData | None = None, **changes: Any) -> Event:
    """A draft series created by `actor` at `place` (Tuesdays unless `rule` says otherwise)."""
    data = fields(place, **changes)
    del data["starts"], data["ends"]
    return event_create(
        actor=actor,
        organization_id=place.organization_id,
        kind=EventKind.SERIES,
        fields=data,
        rule=rule or tuesdays(),
        now=NOW,
    )


def make_forum(actor: Any, place: Any) -> Event:
    """A draft family center forum (an event with sessions), drop-in, six hours from START."""
    return event_create(
        actor=actor,
        organization_id=place.organization_id,
        kind=EventKind.UMBRELLA,
        fields=fields(
            place,
            title_fi="Perhekeskusfoorumi",
            is_forum=True,
            registration=RegistrationMode.DROP_IN,
            capacity=None,
            ends=START + dt.timedelta(hours=6),
        ),
    )


def published_peer_group(editor: Any, place: Any, organization: Any) -> tuple[Event, User]:
    """A published peer group (Tuesdays from 2.3.2027, 6 seats) whose facilitator works for
    `organization`; returns the group and the facilitator."""
    facilitator = UserFactory.create(organization=organization, roles=[Role.PROFESSIONAL])
    group = make_series(
        editor,
        place,
        tuesdays(first_date=dt.date(2027, 3, 2)),
        is_peer_group=True,
        facilitator=facilitator,
        capacity=6,
    )
    event_publish(actor=editor, event_id=group.pk)
    return group, facilitator


def occurrences(series: Event) -> list[Event]:
    return list(series.children.order_by("series_date"))


def counters(event: Event) -> tuple[int, int]:
    """The event's seats taken and families waiting, as stored now."""
    event.refresh_from_db()
    return event.seats_taken, event.waitlisted_count


# --- Sign-ups ------------------------------------------------------------------------------------


def family(
    persons: int = 1,
    *,
    ages: Sequence[int | None] | None = None,
    name: str = "Maija Meikäläinen",
    email: str = "maija@example.org",
    phone: str = "",
    language: str = "fi",
    answers: dict[str, str] | None = None,
) -> SignupInput:
    """What a family gives when it signs up: a contact person and `persons` participants."""
    ages = list(ages) if ages is not None else [None] * persons
    return SignupInput(
        name=name,
        email=email,
        phone=phone,
        language=language,
        participants=[ParticipantInput(f"Osallistuja {i}", age) for i, age in enumerate(ages)],
        answers=answers or {},
    )


def sign_up(event: Event, persons: int = 1, *, index: int = 0, **extra: Any) -> SignupResult:
    """Family number `index` signs up through the service at NOW."""
    return signup_create(
        event_id=event.pk,
        data=family(persons, email=f"perhe{index}@example.org"),
        now=NOW,
        **extra,
    )


def sign_up_as(event: Event, name: str, *ages: int | None, language: str = "en") -> SignupResult:
    """`name` signs up through the service with a participant of each age (an adult: None)."""
    people = [
        ParticipantInput(name=f"{name} {i}", age=age) for i, age in enumerate(ages or (None,))
    ]
    return signup_create(
        event_id=event.pk,
        data=SignupInput(
            name=name,
            email=f"{name.lower()}@example.org",
            phone="",
            language=language,
            participants=people,
            answers={},
        ),
    )


def signup_for(event: Event, **fields: Any) -> Signup:
    """A family's sign-up as the services leave it: a contact person, two participants and a
    manage token kept encrypted (and hashed)."""
    token = secrets.token_urlsafe(24)
    values: dict[str, Any] = {
        "status": SignupStatus.ATTENDING,
        "seats": 2,
        "language": "fi",
        "name": "Maija Meikäläinen",
        "email": "maija@example.org",
        "phone": "",
        "manage_token": token,
        "manage_token_hash": token_hash(token),
        **fields,
    }
    signup = Signup.objects.create(event=event, **values)
    Participant.objects.create(signup=signup, name="Maija Meikäläinen", age=None, position=0)
    Participant.objects.create(signup=signup, name=CHILD_NAME, age=2, position=1)
    return signup


def people(signup: Any) -> list[int]:
    """The ids of a sign-up's participants, in order."""
    return list(
        Participant.objects.filter(signup=signup).order_by("position").values_list("pk", flat=True)
    )


def manage_page_url(name: str, token: str, lang: str = "en") -> str:
    """A page of the manage link (`manage`, `manage_cancel`, …) in `lang`."""
    with translation.override(lang):
        return reverse(f"events:{name}", kwargs={"token": token})


# --- What happened -------------------------------------------------------------------------------


def spy_notices(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Record each notice (its name and the sign-up's status) and send it as usual."""
    sent: list[tuple[str, str]] = []
    for name in _NOTICES:
        original = getattr(notices, name)

        def spy(
            signup: Signup, *args: Any, _name: str = name, _original: Any = original, **kwargs: Any
        ) -> None:
            sent.append((_name, signup.status))
            _original(signup, *args, **kwargs)

        monkeypatch.setattr(notices, name, spy)
    return sent


def audits(action: Any) -> list[AuditEntry]:
    """The audit entries of `action`, oldest first."""
    return list(AuditEntry.objects.filter(action=action.name).order_by("pk"))


def reminders() -> list[OutboxEmail]:
    """The reminders written to the outbox."""
    return list(OutboxEmail.objects.filter(kind="events.signup.reminder"))
