"""A family signs up, changes its group and cancels (events.services.signup). The helpers
(`make_event`, `family`, `sign_up`, `spy_notices`) are the events tests' shared ones (helpers.py).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory, override_settings
from django.utils import translation

from perhekeskus.core.errors import NotFound
from perhekeskus.core.ratelimit import NO_LIMIT, Counter, Limiter, Rate, RateLimited
from perhekeskus.events import actions, selectors
from perhekeskus.events.models import (
    Event,
    EventKind,
    EventStatus,
    Participant,
    Question,
    QuestionKind,
    RegistrationMode,
    Signup,
    SignupStatus,
)
from perhekeskus.events.ratelimit import signup_limiter, topic_limiter
from perhekeskus.events.services import (
    IdempotencyConflict,
    ParticipantInput,
    SignupInput,
    SignupRefused,
    signup_cancel,
    signup_change,
    signup_create,
)
from perhekeskus.events.services.signup import closed_reason
from perhekeskus.events.tests.helpers import (
    NOW,
    START,
    audits,
    counters,
    family,
    make_event,
    sign_up,
    spy_notices,
)

pytestmark = pytest.mark.django_db


# --- Attending, waitlisted, full ----------------------------------------------------------------


def test_a_family_that_fits_attends_and_is_told(monkeypatch: pytest.MonkeyPatch) -> None:
    sent = spy_notices(monkeypatch)
    event = make_event(capacity=10, min_age=0, max_age=6)
    result = signup_create(
        event_id=event.pk,
        data=family(ages=[None, 3, 0], phone="040 123 4567", language="sv"),
        now=NOW,
    )
    signup = result.signup
    assert result.created
    assert signup.status == SignupStatus.ATTENDING and signup.seats == 3
    assert counters(event) == (3, 0)
    stored = Signup.objects.get(pk=signup.pk)
    assert stored.name == "Maija Meikäläinen" and stored.phone == "+358401234567"
    assert stored.language == "sv"
    assert [(p.name, p.age) for p in stored.participants.all()] == [
        ("Osallistuja 0", None),
        ("Osallistuja 1", 3),
        ("Osallistuja 2", 0),
    ]
    assert selectors.signup_get_by_token(result.manage_token) == signup
    assert stored.manage_token_hash == selectors.token_hash(result.manage_token)
    assert selectors.waitlist_position(stored) is None
    entry = audits(actions.SIGNUP_CREATE)[0]
    assert entry.target_id == str(signup.pk)
    assert entry.details == {
        "event": str(event.pk),
        "status": "attending",
        "seats": 3,
        "via": "form",
    }
    assert "Maija" not in json.dumps(entry.details)
    assert sent == [("signup_created", "attending")]


def test_a_group_larger_than_the_seats_left_goes_on_the_waiting_list(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sent = spy_notices(monkeypatch)
    event = make_event(capacity=4)
    sign_up(event, 3, index=1)
    second = sign_up(event, 2, index=2).signup
    third = sign_up(event, 1, index=3).signup
    assert second.status == SignupStatus.WAITLISTED and second.queue_number == 1
    assert third.status == SignupStatus.ATTENDING and third.queue_number == 0
    assert counters(event) == (4, 2)
    assert selectors.waitlist_position(second) == 1
    assert sent[1] == ("signup_created", "waitlisted")


def test_without_a_capacity_everyone_attends() -> None:
    event = make_event(capacity=None)
    for index in range(5):
        assert sign_up(event, 6, index=index).signup.status == SignupStatus.ATTENDING
    assert counters(event) == (30, 0)


def test_full_when_the_waiting_list_has_no_room_for_the_group() -> None:
    event = make_event(capacity=2, waitlist_capacity=3)
    sign_up(event, 2, index=1)
    sign_up(event, 2, index=2)  # waiting: 2 persons of 3
    with translation.override("en"), pytest.raises(SignupRefused) as refused:
        sign_up(event, 2, index=3)
    assert refused.value.code == "full"
    assert refused.value.message == (
        "This event is full, and there is no room on its waiting list."
    )
    assert sign_up(event, 1, index=4).signup.status == SignupStatus.WAITLISTED
    assert counters(event) == (2, 3)
    assert Signup.objects.count() == 3


def test_no_waiting_list_at_all_means_full_at_once() -> None:
    event = make_event(capacity=1, waitlist_capacity=0)
    sign_up(event, 1, index=1)
    with pytest.raises(SignupRefused) as refused:
        sign_up(event, 1, index=2)
    assert refused.value.code == "full"
    assert counters(event) == (1, 0)


def test_an_application_holds_no_seats_until_approved() -> None:
    event = make_event(
        kind=EventKind.SERIES,
        is_peer_group=True,
        registration=RegistrationMode.APPLICATION,
        capacity=2,
    )
    first = sign_up(event, 2, index=1).signup
    second = sign_up(event, 2, index=2).signup
    assert (first.status, second.status) == (SignupStatus.APPLIED, SignupStatus.APPLIED)
    assert (first.queue_number, second.queue_number) == (1, 2)
    assert counters(event) == (0, 0)


# --- Closed -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fields",
    [
        {"enrolment_opens": NOW + dt.timedelta(hours=1)},
        {"enrolment_closes": NOW},
        {"starts": NOW - dt.timedelta(minutes=1), "ends": NOW + dt.timedelta(hours=1)},
        {"status": EventStatus.DRAFT},
        {"status": EventStatus.CANCELLED},
        {"registration": RegistrationMode.DROP_IN},
        {"kind": EventKind.SERIES},
    ],
    ids=["not-yet", "closed", "started", "draft", "cancelled", "drop-in", "plain-series"],
)
def test_a_closed_event_refuses_and_stores_nothing(fields: dict[str, Any]) -> None:
    event = make_event(**fields)
    with pytest.raises(SignupRefused) as refused:
        sign_up(event)
    assert refused.value.code == "closed"
    assert refused.value.message
    assert not Signup.objects.exists() and not audits(actions.SIGNUP_CREATE)


def test_sign_up_opens_at_its_time() -> None:
    event = make_event(enrolment_opens=NOW, enrolment_closes=NOW + dt.timedelta(minutes=1))
    assert sign_up(event).signup.status == SignupStatus.ATTENDING


def test_the_closed_message_is_in_the_familys_language() -> None:
    event = make_event(enrolment_opens=dt.datetime(2027, 3, 1, 12, 30, tzinfo=dt.UTC))
    with translation.override("en"), pytest.raises(SignupRefused) as refused:
        sign_up(event)
    assert refused.value.message == "Sign-up for this event opens on 1.3.2027 at 14.30."


def test_a_peer_groups_session_is_not_signed_up_for_but_its_group_is_applied_to() -> None:
    group = make_event(
        kind=EventKind.SERIES, is_peer_group=True, registration=RegistrationMode.APPLICATION
    )
    for registration in (RegistrationMode.APPLICATION, RegistrationMode.DROP_IN):
        session = make_event(kind=EventKind.OCCURRENCE, parent=group, registration=registration)
        with pytest.raises(SignupRefused) as refused:
            sign_up(session)
        assert refused.value.code == "closed"
    assert sign_up(group).signup.status == SignupStatus.APPLIED


def test_an_unknown_event_is_not_found() -> None:
    for event_id in (uuid.uuid4(), "not-a-uuid"):
        with pytest.raises(SignupRefused) as refused:
            signup_create(event_id=event_id, data=family(), now=NOW)  # type: ignore[arg-type]
        assert refused.value.code == "not_found"


# --- Bad input ----------------------------------------------------------------------------------


def _errors(event: Event, data: SignupInput) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as error:
        signup_create(event_id=event.pk, data=data, now=NOW)
    assert not Signup.objects.exists()
    return error.value.message_dict


def test_a_group_larger_than_allowed_is_a_field_error() -> None:
    event = make_event(max_group_size=3)
    with translation.override("en"):
        errors = _errors(event, family(4))
    assert errors == {"participants": ["At most 3 persons can come in one sign-up."]}


def test_nobody_coming_is_a_field_error() -> None:
    errors = _errors(make_event(), family(0))
    assert set(errors) == {"participants"}


def test_a_childs_age_outside_the_events_range_names_the_row() -> None:
    event = make_event(min_age=1, max_age=3)
    with translation.override("en"):
        errors = _errors(event, family(ages=[None, 2, 0, 4]))
    assert errors == {
        "participants-2-age": ["This event is for children aged 1 to 3."],
        "participants-3-age": ["This event is for children aged 1 to 3."],
    }


def test_ages_against_an_open_ended_range_and_the_oldest_child_age() -> None:
    assert set(_errors(make_event(min_age=4), family(ages=[3]))) == {"participants-0-age"}
    assert set(_errors(make_event(max_age=2), family(ages=[3]))) == {"participants-0-age"}
    assert set(_errors(make_event(), family(ages=[30]))) == {"participants-0-age"}
    assert set(_errors(make_event(), family(ages=[-1]))) == {"participants-0-age"}
    assert set(_errors(make_event(), family(ages=[True]))) == {"participants-0-age"}


def test_contact_and_names_are_checked_field_by_field() -> None:
    event = make_event()
    data = SignupInput(
        name=" ",
        email="",
        phone="",
        language="de",
        participants=[ParticipantInput("", None), ParticipantInput("Rivi\nvaihto", 2)],
        answers={},
    )
    errors = _errors(event, data)
    assert set(errors) == {
        "name",
        "email",
        "language",
        "participants-0-name",
        "participants-1-name",
    }
    assert set(_errors(event, family(email="ei-osoite"))) == {"email"}
    assert set(_errors(event, family(email="", phone="soita minulle"))) == {"phone"}


def test_a_phone_number_alone_is_enough() -> None:
    result = signup_create(
        event_id=make_event().pk, data=family(email="", phone="+358 40 123 4567"), now=NOW
    )
    assert result.signup.phone == "+358401234567" and result.signup.email == ""


def test_questions_are_answered_by_their_ids() -> None:
    event = make_event()
    text = Question.objects.create(event=event, text="Allergiat?", required=True, position=1)
    choice = Question.objects.create(
        event=event,
        text="Kahvi vai tee?",
        kind=QuestionKind.CHOICE,
        choices_fi="kahvi\ntee",
        choices_sv="kaffe\nte",
        position=2,
    )
    errors = _errors(event, family(answers={f"q_{choice.pk}": "kaakao"}))
    assert set(errors) == {f"q_{text.pk}", f"q_{choice.pk}"}
    result = signup_create(
        event_id=event.pk,
        data=family(answers={f"q_{text.pk}": " pähkinä ", str(choice.pk): "te", "q_999": "x"}),
        now=NOW,
    )
    assert json.loads(result.signup.answers) == {str(text.pk): "pähkinä", str(choice.pk): "te"}


def test_an_occurrence_asks_its_series_questions() -> None:
    series = make_event(kind=EventKind.SERIES)
    question = Question.objects.create(event=series, text="Mistä kuulit?", required=True)
    occurrence = make_event(kind=EventKind.OCCURRENCE, parent=series)
    assert set(_errors(occurrence, family())) == {f"q_{question.pk}"}


# --- Repeats and limits -------------------------------------------------------------------------


def test_the_same_form_token_signs_up_once(monkeypatch: pytest.MonkeyPatch) -> None:
    sent = spy_notices(monkeypatch)
    event = make_event()
    first = sign_up(event, 2, idempotency_key="form-token")
    again = sign_up(event, 2, idempotency_key="form-token")
    assert first.created and not again.created
    assert again.signup.pk == first.signup.pk and again.manage_token == first.manage_token
    assert Signup.objects.count() == 1 and counters(event) == (2, 0)
    assert len(sent) == 1 and len(audits(actions.SIGNUP_CREATE)) == 1
    # The same token for another event is another sign-up.
    assert sign_up(make_event(), idempotency_key="form-token").created


def test_an_api_key_reused_with_other_content_is_a_conflict() -> None:
    event = make_event()
    first = signup_create(
        event_id=event.pk, data=family(2), idempotency_key="k1", idempotency_scope="api", now=NOW
    )
    same = signup_create(
        event_id=event.pk, data=family(2), idempotency_key="k1", idempotency_scope="api", now=NOW
    )
    assert not same.created and same.signup.pk == first.signup.pk
    for other in (family(3), family(2, email="toinen@example.org"), family(2, phone="x")):
        with pytest.raises(IdempotencyConflict):
            signup_create(
                event_id=event.pk,
                data=other,
                idempotency_key="k1",
                idempotency_scope="api",
                now=NOW,
            )
    # The form's scope is another key space.
    assert sign_up(event, idempotency_key="k1").created


def test_an_unknown_scope_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        sign_up(make_event(), idempotency_scope="mail")


def test_only_stored_sign_ups_count_against_the_rate_limit() -> None:
    event = make_event(capacity=1, waitlist_capacity=0)
    limiter = Limiter((Counter(f"test-{uuid.uuid4()}", Rate(2, 3600)),))
    sign_up(event, index=1, limiter=limiter)
    with pytest.raises(SignupRefused):
        sign_up(event, index=2, limiter=limiter)  # full: nothing stored, nothing counted
    with pytest.raises(ValidationError):
        signup_create(event_id=event.pk, data=family(0), limiter=limiter, now=NOW)
    other = make_event()
    sign_up(other, index=3, limiter=limiter)
    with pytest.raises(RateLimited):
        sign_up(other, index=4, limiter=limiter)
    assert Signup.objects.count() == 2


# --- Changing and cancelling --------------------------------------------------------------------


def test_cancelling_frees_the_seats_and_is_audited(monkeypatch: pytest.MonkeyPatch) -> None:
    sent = spy_notices(monkeypatch)
    event = make_event(capacity=10)
    result = sign_up(event, 3)
    cancelled = signup_cancel(token=result.manage_token, now=NOW)
    assert cancelled.status == SignupStatus.CANCELLED and cancelled.cancelled_by_family
    assert cancelled.cancelled_at == NOW
    assert counters(event) == (0, 0)
    entry = audits(actions.SIGNUP_CANCEL)[0]
    assert entry.details["from"] == "attending" and entry.details["to"] == "cancelled"
    assert sent[-1] == ("signup_cancelled", "cancelled")
    # A second press changes nothing.
    assert signup_cancel(token=result.manage_token, now=NOW).status == SignupStatus.CANCELLED
    assert len(audits(actions.SIGNUP_CANCEL)) == 1 and counters(event) == (0, 0)


def test_cancelling_a_place_on_the_waiting_list_shortens_it() -> None:
    event = make_event(capacity=1)
    sign_up(event, 1, index=1)
    waiting = sign_up(event, 2, index=2)
    signup_cancel(token=waiting.manage_token, now=NOW)
    assert counters(event) == (1, 0)


def test_nothing_changes_after_the_event_has_begun() -> None:
    event = make_event()
    result = sign_up(event, 2)
    later = START + dt.timedelta(minutes=1)
    with pytest.raises(ValidationError):
        signup_cancel(token=result.manage_token, now=later)
    with pytest.raises(ValidationError):
        signup_change(token=result.manage_token, participants=family(1).participants, now=later)
    assert counters(event) == (2, 0)


def test_an_unknown_token_is_not_found() -> None:
    for token in ("", "x" * 32, "x" * 500):
        with pytest.raises(NotFound):
            signup_cancel(token=token, now=NOW)
        with pytest.raises(NotFound):
            signup_change(token=token, participants=family().participants, now=NOW)


def test_more_persons_take_more_seats_while_they_fit(monkeypatch: pytest.MonkeyPatch) -> None:
    sent = spy_notices(monkeypatch)
    event = make_event(capacity=5)
    result = sign_up(event, 2, index=1)
    sign_up(event, 1, index=2)
    changed = signup_change(
        token=result.manage_token, participants=family(ages=[None, 4, 1, 0]).participants, now=NOW
    )
    assert changed.seats == 4 and changed.status == SignupStatus.ATTENDING
    assert counters(event) == (5, 0)
    assert [p.age for p in Participant.objects.filter(signup=changed)] == [None, 4, 1, 0]
    entry = audits(actions.SIGNUP_CHANGE)[0]
    assert entry.details == {"event": str(event.pk), "seats_from": 2, "seats_to": 4}
    assert sent[-1] == ("signup_changed", "attending")
    with translation.override("en"), pytest.raises(ValidationError) as error:
        signup_change(token=result.manage_token, participants=family(5).participants, now=NOW)
    assert error.value.message_dict == {
        "participants": ["Only 0 more persons fit in. Your sign-up was not changed."]
    }
    assert counters(event) == (5, 0)
    assert Participant.objects.filter(signup=changed).count() == 4


def test_fewer_persons_keep_the_rows_of_those_who_stay() -> None:
    event = make_event()
    result = sign_up(event, 3)
    kept = list(Participant.objects.filter(signup=result.signup).values_list("pk", flat=True))
    changed = signup_change(
        token=result.manage_token,
        participants=[ParticipantInput("Äiti", None)],
        now=NOW,
    )
    assert changed.seats == 1 and counters(event) == (1, 0)
    assert list(Participant.objects.filter(signup=changed).values_list("pk", "name")) == [
        (kept[0], "Äiti")
    ]


def test_a_change_is_checked_like_a_sign_up() -> None:
    event = make_event(max_group_size=2, max_age=6)
    result = sign_up(event, 1)
    with pytest.raises(ValidationError) as error:
        signup_change(
            token=result.manage_token, participants=family(ages=[7]).participants, now=NOW
        )
    assert set(error.value.message_dict) == {"participants-0-age"}
    with pytest.raises(ValidationError) as error:
        signup_change(token=result.manage_token, participants=family(3).participants, now=NOW)
    assert set(error.value.message_dict) == {"participants"}
    assert counters(event) == (1, 0)


# --- The rate limits of the form and the API ----------------------------------------------------


def _request(address: str = "192.0.2.1", browser: str = "Firefox") -> Any:
    return RequestFactory().post("/", REMOTE_ADDR=address, HTTP_USER_AGENT=browser)


@override_settings(
    PERHEKESKUS_RATE_LIMITS=True,
    EVENTS_SIGNUP_RATE_LIMIT="2/h",
    EVENTS_SIGNUP_ADDRESS_RATE_LIMIT="3/h",
)
def test_sign_ups_are_limited_per_browser_and_per_address() -> None:
    event = make_event(capacity=None)
    for index in range(2):
        sign_up(event, index=index, limiter=signup_limiter(_request()))
    with pytest.raises(RateLimited):
        sign_up(event, index=2, limiter=signup_limiter(_request()))
    sign_up(event, index=3, limiter=signup_limiter(_request(browser="Safari")))
    with pytest.raises(RateLimited):
        sign_up(event, index=4, limiter=signup_limiter(_request(browser="Chrome")))
    sign_up(event, index=5, limiter=signup_limiter(_request(address="192.0.2.2")))
    assert Signup.objects.count() == 4


@override_settings(PERHEKESKUS_RATE_LIMITS=True, EVENTS_TOPIC_RATE_LIMIT="1/h")
def test_forum_topics_are_limited_per_address() -> None:
    limiter = topic_limiter(_request())
    assert len(limiter.counters) == 1
    limiter.reserve()
    with pytest.raises(RateLimited):
        topic_limiter(_request(browser="Safari")).reserve()
    topic_limiter(_request(address="192.0.2.2")).reserve()


def test_limits_off_are_no_limits() -> None:
    with override_settings(PERHEKESKUS_RATE_LIMITS=False):
        assert signup_limiter(_request()) is NO_LIMIT
        assert topic_limiter(_request()) is NO_LIMIT
    with override_settings(
        PERHEKESKUS_RATE_LIMITS=True,
        EVENTS_SIGNUP_RATE_LIMIT="off",
        EVENTS_SIGNUP_ADDRESS_RATE_LIMIT="5/m",
        EVENTS_TOPIC_RATE_LIMIT="off",
    ):
        assert len(signup_limiter(_request()).counters) == 1
        assert topic_limiter(_request()).counters == ()


def test_the_familys_messages_are_in_finnish_and_swedish() -> None:
    event = make_event(max_group_size=2, min_age=0, max_age=6)
    with translation.override("sv"):
        errors = _errors(event, family(ages=[None, 7, 1]))
    assert errors == {
        "participants": ["Högst 2 personer kan komma med en anmälan."],
        "participants-1-age": ["Evenemanget är för barn i åldern 0–6 år."],
    }
    closed = make_event(enrolment_closes=NOW)
    with translation.override("fi"), pytest.raises(SignupRefused) as refused:
        sign_up(closed)
    assert refused.value.message == "Ilmoittautuminen tähän tapahtumaan on päättynyt."


def test_whether_an_event_is_open_asks_no_query(django_assert_num_queries: Any) -> None:
    series = make_event(kind=EventKind.SERIES)
    occurrence = Event.objects.get(pk=make_event(kind=EventKind.OCCURRENCE, parent=series).pk)
    with django_assert_num_queries(0):
        assert closed_reason(occurrence, NOW) is None
        assert closed_reason(series, NOW) is not None
