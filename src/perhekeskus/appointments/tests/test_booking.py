"""Booking: every rule of `booking_create`, idempotent repeats, the rate limit, the per-person
limit, and the family's move and cancel through the manage link."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test import RequestFactory, override_settings
from django.utils import translation

from perhekeskus.appointments import actions, services, slotids
from perhekeskus.appointments.availability import HELSINKI, free_slots, slot_is_free
from perhekeskus.appointments.models import (
    Booking,
    BookingStatus,
    Channel,
    QuestionKind,
    WhoMayBook,
)
from perhekeskus.appointments.ratelimit import booking_limiter
from perhekeskus.appointments.tests.factories import (
    AppointmentTypeFactory,
    BookingFactory,
    PreQuestionFactory,
    receiving_professional,
)
from perhekeskus.audit.models import AuditEntry
from perhekeskus.catalog.models import PublicationState
from perhekeskus.core.errors import NotFound
from perhekeskus.core.models import OutboxEmail
from perhekeskus.core.ratelimit import RateLimited
from perhekeskus.testing.factories import LocationFactory

pytestmark = pytest.mark.django_db

UTC = dt.UTC
MONDAY = dt.date(2027, 1, 4)
NOW = dt.datetime(2027, 1, 1, 12, 0, tzinfo=UTC)  # Friday


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=HELSINKI).astimezone(UTC)


@pytest.fixture
def professional(organization: Any) -> Any:
    return receiving_professional(organization)


@pytest.fixture
def kind(professional: Any) -> Any:
    return AppointmentTypeFactory.create(professionals=[professional])


def slot(
    kind: Any, professional: Any, hour: int = 8, minute: int = 0, day: dt.date = MONDAY
) -> str:
    return slotids.encode(kind.pk, professional.pk, at(day, hour, minute))


def create(kind: Any, professional: Any, **overrides: Any) -> services.BookingResult:
    values: dict[str, Any] = {
        "slot_id": slot(kind, professional),
        "channel": Channel.PHONE,
        "name": "Maija Meikäläinen",
        "email": "maija@example.org",
        "phone": "",
        "language": "fi",
        "answers": {},
        "now": NOW,
    }
    values.update(overrides)
    return services.booking_create(**values)


def refused(kind: Any, professional: Any, **overrides: Any) -> dict[str, list[str]]:
    """The field errors of a refused booking; asserts nothing was stored or logged."""
    with pytest.raises(ValidationError) as error:
        create(kind, professional, **overrides)
    assert not Booking.objects.exists()
    assert not AuditEntry.objects.filter(action=actions.BOOKING_CREATE.name).exists()
    return error.value.message_dict


# --- A booking ----------------------------------------------------------------------------------


def test_booking_is_stored_with_its_times_and_buffers(kind: Any, professional: Any) -> None:
    kind.buffer_before_minutes = 10
    kind.buffer_after_minutes = 5
    kind.save()
    result = create(kind, professional, channel=Channel.VIDEO, phone="040 123 4567")
    booking = Booking.objects.get()
    assert result.created and result.booking == booking
    assert booking.status == BookingStatus.BOOKED
    assert booking.professional == professional
    assert booking.starts == at(MONDAY, 8)
    assert booking.ends == at(MONDAY, 8, 45)
    assert booking.blocked_from == at(MONDAY, 7, 50)
    assert booking.blocked_until == at(MONDAY, 8, 50)
    assert booking.channel == Channel.VIDEO and len(booking.video_room) >= 24
    assert booking.phone == "+358401234567"
    assert booking.language == "fi"


def test_personal_data_and_the_manage_token_are_kept_safe(kind: Any, professional: Any) -> None:
    result = create(kind, professional)
    token = result.manage_token
    assert len(token) >= 32
    booking = Booking.objects.get()
    assert booking.manage_token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert booking.manage_token == token
    assert booking.video_room == ""  # by phone
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, email, manage_token, person_key FROM appointments_booking")
        raw = " ".join(str(value) for value in cursor.fetchone())
    assert "Meikäläinen" not in raw and "maija@example.org" not in raw and token not in raw
    assert "maija" not in booking.person_key


def test_booking_is_audited_without_personal_data(kind: Any, professional: Any) -> None:
    result = create(kind, professional, phone="0401234567")
    entry = AuditEntry.objects.get(action=actions.BOOKING_CREATE.name)
    assert entry.target_type == "appointments.booking"
    assert entry.target_id == str(result.booking.pk)
    assert entry.actor_id is None
    text = json.dumps(entry.details, ensure_ascii=False)
    for personal in ("Maija", "maija@example.org", "0401234567", "+358401234567"):
        assert personal not in text
    assert result.manage_token not in text


def test_family_notice_is_written_with_the_booking(kind: Any, professional: Any) -> None:
    create(kind, professional)
    message = OutboxEmail.objects.get()
    assert message.kind == "appointments.booking.confirmed"


def test_a_failing_notice_stores_no_booking(
    kind: Any, professional: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from perhekeskus.appointments import notices

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("outbox down")

    monkeypatch.setattr(notices, "booking_confirmed", broken)
    with pytest.raises(RuntimeError):
        create(kind, professional)
    assert not Booking.objects.exists()
    assert not AuditEntry.objects.filter(action=actions.BOOKING_CREATE.name).exists()


def test_answers_are_kept_by_question(kind: Any, professional: Any) -> None:
    free = PreQuestionFactory.create(appointment_type=kind, text="Mistä haluat puhua?")
    choice = PreQuestionFactory.create(
        appointment_type=kind,
        kind=QuestionKind.CHOICE,
        choices="Ensimmäinen kerta\nJatkokäynti",
        required=True,
    )
    create(
        kind,
        professional,
        answers={str(free.pk): " Arjesta ", f"q_{choice.pk}": "Jatkokäynti", "999999": "x"},
    )
    stored = json.loads(Booking.objects.get().answers)
    assert stored == {str(free.pk): "Arjesta", str(choice.pk): "Jatkokäynti"}


# --- Refused input ------------------------------------------------------------------------------


def test_name_is_required(kind: Any, professional: Any) -> None:
    assert "name" in refused(kind, professional, name="  ")


def test_name_on_one_line(kind: Any, professional: Any) -> None:
    assert "name" in refused(kind, professional, name="Maija\r\nBcc: x@example.org")


def test_email_or_phone_is_required(kind: Any, professional: Any) -> None:
    assert "email" in refused(kind, professional, email="", phone="")


def test_bad_email_and_phone_are_refused(kind: Any, professional: Any) -> None:
    errors = refused(kind, professional, email="maija@", phone="soita minulle")
    assert set(errors) >= {"email", "phone"}


def test_a_channel_not_offered_is_refused(kind: Any, professional: Any) -> None:
    assert "channel" in refused(kind, professional, channel=Channel.VISIT)
    assert "channel" in refused(kind, professional, channel="carrier pigeon")


def test_unknown_language_is_refused(kind: Any, professional: Any) -> None:
    assert "language" in refused(kind, professional, language="de")


@pytest.mark.parametrize("garbage", ["", "x", "A" * 44, "../../etc/passwd"])
def test_garbage_slot_is_refused(kind: Any, professional: Any, garbage: str) -> None:
    assert "slot" in refused(kind, professional, slot_id=garbage)


def test_required_question_must_be_answered(kind: Any, professional: Any) -> None:
    question = PreQuestionFactory.create(appointment_type=kind, required=True)
    optional = PreQuestionFactory.create(appointment_type=kind, required=False)
    errors = refused(kind, professional, answers={str(question.pk): "   "})
    assert f"q_{question.pk}" in errors
    assert f"q_{optional.pk}" not in errors


def test_choice_must_be_one_of_the_choices(kind: Any, professional: Any) -> None:
    question = PreQuestionFactory.create(
        appointment_type=kind, kind=QuestionKind.CHOICE, choices="Kyllä\nEi"
    )
    assert f"q_{question.pk}" in refused(kind, professional, answers={str(question.pk): "Ehkä"})


def test_every_problem_is_told_at_once(kind: Any, professional: Any) -> None:
    question = PreQuestionFactory.create(appointment_type=kind, required=True)
    errors = refused(kind, professional, name="", email="", channel=Channel.VISIT)
    assert set(errors) >= {"name", "email", "channel", f"q_{question.pk}"}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fi", "Kirjoita nimesi."),
        ("sv", "Skriv ditt namn."),
        ("en", "Please give your name."),
    ],
)
def test_messages_are_in_the_active_language(
    kind: Any, professional: Any, language: str, expected: str
) -> None:
    with translation.override(language):
        errors = refused(kind, professional, name="")
    assert errors["name"] == [expected]


# --- The slot -----------------------------------------------------------------------------------


def test_a_slot_too_soon_is_refused(kind: Any, professional: Any) -> None:
    with translation.override("en"):
        errors = refused(kind, professional, now=at(MONDAY, 7))  # notice is two hours
    assert "too soon" in errors["slot"][0]


def test_a_slot_in_the_past_is_refused(kind: Any, professional: Any) -> None:
    with translation.override("en"):
        errors = refused(kind, professional, now=at(MONDAY, 12))
    assert "passed" in errors["slot"][0]


def test_a_slot_too_far_ahead_is_refused(kind: Any, professional: Any) -> None:
    far = MONDAY + dt.timedelta(days=70)
    with translation.override("en"):
        errors = refused(kind, professional, slot_id=slot(kind, professional, day=far))
    assert "too far ahead" in errors["slot"][0]


def test_a_slot_off_the_grid_or_outside_the_hours_is_refused(kind: Any, professional: Any) -> None:
    assert "slot" in refused(kind, professional, slot_id=slot(kind, professional, 8, 10))
    assert "slot" in refused(kind, professional, slot_id=slot(kind, professional, 18))
    saturday = MONDAY + dt.timedelta(days=5)
    assert "slot" in refused(kind, professional, slot_id=slot(kind, professional, 8, day=saturday))


def test_a_professional_who_does_not_receive_the_type_is_refused(kind: Any) -> None:
    outsider = receiving_professional()
    assert "slot" in refused(kind, outsider, slot_id=slot(kind, outsider))


def test_an_inactive_type_or_unpublished_service_is_refused(kind: Any, professional: Any) -> None:
    kind.is_active = False
    kind.save()
    assert "slot" in refused(kind, professional)
    kind.is_active = True
    kind.save()
    kind.service.publication_state = PublicationState.DRAFT
    kind.service.save()
    assert "slot" in refused(kind, professional)


def test_a_link_only_type_needs_its_link(kind: Any, professional: Any) -> None:
    kind.who_may_book = WhoMayBook.LINK
    kind.link_token = "secret-link-token-0123456789"
    kind.save()
    assert "slot" in refused(kind, professional)
    assert "slot" in refused(kind, professional, link_token="secret-link-token-012345678X")
    assert create(kind, professional, link_token="secret-link-token-0123456789").created


def test_a_taken_slot_raises_slot_taken(kind: Any, professional: Any) -> None:
    create(kind, professional)
    with pytest.raises(services.SlotTaken) as taken:
        create(kind, professional, email="toinen@example.org")
    assert taken.value.message == "Joku muu on juuri varannut tämän ajan. Valitse toinen aika."
    assert Booking.objects.count() == 1


def test_a_slot_overlapping_a_booking_of_another_type_is_taken(
    kind: Any, professional: Any
) -> None:
    long_kind = AppointmentTypeFactory.create(duration_minutes=90, professionals=[professional])
    create(long_kind, professional, slot_id=slot(long_kind, professional, 8))
    with pytest.raises(services.SlotTaken):
        create(kind, professional, slot_id=slot(kind, professional, 8, 45))


def test_whoever_is_free_first_gets_another_professional(kind: Any, professional: Any) -> None:
    colleague = receiving_professional()
    kind.professionals.add(colleague)
    create(kind, professional)
    result = create(kind, professional, email="toinen@example.org", any_professional=True)
    assert result.booking.professional == colleague
    with pytest.raises(services.SlotTaken):
        create(kind, professional, email="kolmas@example.org", any_professional=True)
    assert Booking.objects.count() == 2


def test_the_database_refuses_a_second_live_booking_at_one_start(
    kind: Any, professional: Any
) -> None:
    create(kind, professional)
    with pytest.raises(IntegrityError), transaction.atomic():
        BookingFactory.create(
            appointment_type=kind, professional=professional, starts=at(MONDAY, 8)
        )
    # A cancelled one at the same start is fine.
    BookingFactory.create(
        appointment_type=kind,
        professional=professional,
        starts=at(MONDAY, 8),
        status=BookingStatus.CANCELLED,
    )


def test_code_that_forgot_the_check_still_cannot_double_book(
    kind: Any, professional: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The partial unique constraint is the second line: SlotTaken, not a second booking."""
    from perhekeskus.appointments.services import booking as booking_module

    create(kind, professional)
    monkeypatch.setattr(booking_module, "slot_is_free", lambda **kwargs: True)
    with pytest.raises(services.SlotTaken):
        create(kind, professional, email="toinen@example.org")
    assert Booking.objects.count() == 1


# --- Visits -------------------------------------------------------------------------------------


@pytest.fixture
def visit_kind(professional: Any) -> Any:
    return AppointmentTypeFactory.create(
        professionals=[professional], offers_visit=True, offers_phone=False, offers_video=False
    )


def test_the_only_place_is_the_default(visit_kind: Any, professional: Any) -> None:
    place = LocationFactory.create()
    visit_kind.locations.add(place)
    result = create(
        visit_kind, professional, slot_id=slot(visit_kind, professional), channel="visit"
    )
    assert result.booking.location == place


def test_a_place_must_be_chosen_among_several(visit_kind: Any, professional: Any) -> None:
    first, second = LocationFactory.create(), LocationFactory.create()
    visit_kind.locations.add(first, second)
    values = {"slot_id": slot(visit_kind, professional), "channel": "visit"}
    assert "location" in refused(visit_kind, professional, **values)
    other = LocationFactory.create()
    assert "location" in refused(visit_kind, professional, location_id=other.pk, **values)
    assert "location" in refused(visit_kind, professional, location_id="garbage", **values)
    result = create(visit_kind, professional, location_id=str(second.pk), **values)
    assert result.booking.location == second


def test_a_visit_without_places_is_refused(visit_kind: Any, professional: Any) -> None:
    errors = refused(
        visit_kind, professional, slot_id=slot(visit_kind, professional), channel="visit"
    )
    assert "channel" in errors


def test_a_call_has_no_place(kind: Any, professional: Any) -> None:
    kind.offers_visit = True
    kind.save()
    kind.locations.add(LocationFactory.create())
    assert create(kind, professional).booking.location is None


# --- Per person ---------------------------------------------------------------------------------


@pytest.fixture
def limited(kind: Any) -> Any:
    kind.limit_per_person = 1
    kind.limit_period_days = 30
    kind.save()
    return kind


def test_the_same_email_is_the_same_person(limited: Any, professional: Any) -> None:
    create(limited, professional, email="Maija@Example.org")
    errors = refused_after_first(limited, professional, email=" maija@example.ORG ")
    assert "__all__" in errors


def test_the_same_phone_in_another_form_is_the_same_person(limited: Any, professional: Any) -> None:
    create(limited, professional, email="", phone="040 123 4567")
    errors = refused_after_first(
        limited, professional, email="eri@example.org", phone="+358401234567"
    )
    assert "__all__" in errors


def refused_after_first(kind: Any, professional: Any, **overrides: Any) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as error:
        create(kind, professional, slot_id=slot(kind, professional, 10, 15), **overrides)
    assert Booking.objects.count() == 1
    return error.value.message_dict


def test_another_person_and_other_periods_are_not_limited(limited: Any, professional: Any) -> None:
    first = create(limited, professional)
    create(
        limited, professional, slot_id=slot(limited, professional, 10, 15), email="b@example.org"
    )
    later = MONDAY + dt.timedelta(days=35)
    create(limited, professional, slot_id=slot(limited, professional, day=later))
    services.booking_cancel_by_family(manage_token=first.manage_token, now=NOW)
    create(limited, professional, slot_id=slot(limited, professional, 11))
    assert Booking.objects.filter(status=BookingStatus.BOOKED).count() == 3


def test_a_move_keeps_to_the_per_person_limit(limited: Any, professional: Any) -> None:
    """Two bookings far enough apart are allowed; moving the later one next to the earlier one
    would give two within the period, so it is refused and nothing changes."""
    create(limited, professional)
    later_day = MONDAY + dt.timedelta(days=35)
    later = create(limited, professional, slot_id=slot(limited, professional, day=later_day))
    with pytest.raises(ValidationError) as error:
        services.booking_reschedule_by_family(
            manage_token=later.manage_token,
            slot_id=slot(limited, professional, 10, 15, day=MONDAY + dt.timedelta(days=1)),
            now=NOW,
        )
    assert "__all__" in error.value.message_dict
    assert Booking.objects.get(pk=later.booking.pk).starts == at(later_day, 8)
    assert not AuditEntry.objects.filter(action=actions.BOOKING_RESCHEDULE.name).exists()
    # Within its own period the booking still moves: it does not count against itself.
    moved = services.booking_reschedule_by_family(
        manage_token=later.manage_token,
        slot_id=slot(limited, professional, 11, day=later_day),
        now=NOW,
    )
    assert moved.starts == at(later_day, 11)


# --- Repeats and the rate limit -----------------------------------------------------------------


def test_a_repeat_with_the_same_key_books_once(kind: Any, professional: Any) -> None:
    first = create(kind, professional, idempotency_key="form-token-1")
    again = create(kind, professional, idempotency_key="form-token-1")
    assert again.created is False
    assert again.booking.pk == first.booking.pk
    assert again.manage_token == first.manage_token
    assert Booking.objects.count() == 1
    assert AuditEntry.objects.filter(action=actions.BOOKING_CREATE.name).count() == 1
    assert OutboxEmail.objects.count() == 1
    stored = Booking.objects.get().idempotency_key
    assert stored and "form-token-1" not in stored


def test_keys_of_the_form_and_the_api_never_meet(kind: Any, professional: Any) -> None:
    create(kind, professional, idempotency_key="same", idempotency_scope="form")
    other = create(
        kind,
        professional,
        slot_id=slot(kind, professional, 10, 15),
        idempotency_key="same",
        idempotency_scope="api",
    )
    assert other.created


def test_an_api_key_reused_for_another_person_is_a_conflict(kind: Any, professional: Any) -> None:
    create(kind, professional, idempotency_key="k", idempotency_scope="api")
    with pytest.raises(services.IdempotencyConflict):
        create(
            kind,
            professional,
            email="toinen@example.org",
            idempotency_key="k",
            idempotency_scope="api",
        )
    # The form's token is the form's own: a repeat is the same booking whatever was typed.
    create(kind, professional, slot_id=slot(kind, professional, 11), idempotency_key="f")
    assert not create(kind, professional, email="x@example.org", idempotency_key="f").created


def _limiter(rate: str) -> Any:
    request = RequestFactory().post("/", REMOTE_ADDR="10.9.9.9", HTTP_USER_AGENT="Test")
    with override_settings(APPOINTMENTS_BOOKING_RATE_LIMIT=rate, PERHEKESKUS_RATE_LIMITS=True):
        return booking_limiter(request)


def test_only_stored_bookings_use_the_rate_limit(kind: Any, professional: Any) -> None:
    limiter = _limiter("1/h")
    create(kind, professional, idempotency_key="a", limiter=limiter)
    # A repeat is answered before the limit; a taken slot gives its reservation back.
    assert not create(kind, professional, idempotency_key="a", limiter=limiter).created
    with pytest.raises(RateLimited):
        create(
            kind,
            professional,
            slot_id=slot(kind, professional, 10, 15),
            idempotency_key="b",
            limiter=limiter,
        )
    assert Booking.objects.count() == 1


def test_a_refused_booking_gives_its_reservation_back(kind: Any, professional: Any) -> None:
    limiter = _limiter("1/h")
    create(kind, professional, email="a@example.org")
    with pytest.raises(services.SlotTaken):
        create(kind, professional, email="b@example.org", limiter=limiter)
    create(kind, professional, slot_id=slot(kind, professional, 11), limiter=limiter)
    assert Booking.objects.count() == 2


def test_rate_limits_can_be_turned_off(kind: Any, professional: Any) -> None:
    request = RequestFactory().post("/")
    with override_settings(PERHEKESKUS_RATE_LIMITS=False, APPOINTMENTS_BOOKING_RATE_LIMIT="1/h"):
        assert booking_limiter(request).counters == ()


# --- The family moves or cancels ----------------------------------------------------------------


def test_family_moves_the_booking(kind: Any, professional: Any) -> None:
    result = create(kind, professional)
    new = slot(kind, professional, 11)
    booking = services.booking_reschedule_by_family(
        manage_token=result.manage_token, slot_id=new, now=NOW
    )
    assert booking.starts == at(MONDAY, 11)
    assert booking.ends == at(MONDAY, 11, 45)
    assert booking.blocked_from == booking.starts
    stored = Booking.objects.get()
    assert stored.starts == at(MONDAY, 11)
    entry = AuditEntry.objects.get(action=actions.BOOKING_RESCHEDULE.name)
    assert entry.details["from"] == at(MONDAY, 8).isoformat()
    assert entry.details["to"] == at(MONDAY, 11).isoformat()
    assert OutboxEmail.objects.filter(kind="appointments.booking.rescheduled").count() == 1
    assert slot_is_free(
        appointment_type=kind, professional_id=professional.pk, starts=at(MONDAY, 8), now=NOW
    )
    assert not slot_is_free(
        appointment_type=kind, professional_id=professional.pk, starts=at(MONDAY, 11), now=NOW
    )


def test_family_moves_to_another_professional_of_the_type(kind: Any, professional: Any) -> None:
    colleague = receiving_professional()
    kind.professionals.add(colleague)
    result = create(kind, professional)
    booking = services.booking_reschedule_by_family(
        manage_token=result.manage_token, slot_id=slot(kind, colleague, 8), now=NOW
    )
    assert booking.professional == colleague


def test_a_video_booking_moved_to_another_professional_gets_a_new_room(
    kind: Any, professional: Any
) -> None:
    """The first professional may hold a moderator token for the old room (from their booking
    page), valid until an hour after the old end: the family meets the new one elsewhere. The
    family's link is our waiting page, so it does not change."""
    colleague = receiving_professional()
    kind.professionals.add(colleague)
    result = create(kind, professional, channel=Channel.VIDEO)
    old_room = result.booking.video_room
    same = services.booking_reschedule_by_family(
        manage_token=result.manage_token, slot_id=slot(kind, professional, 8, 45), now=NOW
    )
    assert same.video_room == old_room  # the same professional: the same room
    moved = services.booking_reschedule_by_family(
        manage_token=result.manage_token, slot_id=slot(kind, colleague, 8), now=NOW
    )
    stored = Booking.objects.get(pk=moved.pk)
    assert stored.professional == colleague
    assert stored.video_room and stored.video_room != old_room


def test_moving_to_a_slot_near_the_own_booking_is_allowed(kind: Any, professional: Any) -> None:
    """The booking being moved does not block its own new time."""
    kind.buffer_after_minutes = 30
    kind.save()
    result = create(kind, professional)
    booking = services.booking_reschedule_by_family(
        manage_token=result.manage_token, slot_id=slot(kind, professional, 8, 45), now=NOW
    )
    assert booking.starts == at(MONDAY, 8, 45)


def test_the_times_offered_for_a_move_leave_out_the_own_booking(
    kind: Any, professional: Any
) -> None:
    """The week a family moves in offers the times next to their own booking, inside its own
    buffer, which the move itself accepts."""
    kind.buffer_after_minutes = 30
    kind.save()
    result = create(kind, professional)

    def offered(**exclude: Any) -> set[dt.datetime]:
        slots = free_slots(
            appointment_type=kind, date_from=MONDAY, date_to=MONDAY, now=NOW, **exclude
        )
        return {found.starts for found in slots}

    assert at(MONDAY, 8, 45) not in offered()
    assert at(MONDAY, 8, 45) in offered(exclude_booking_id=result.booking.pk)


def test_moving_to_a_taken_slot_raises_slot_taken(kind: Any, professional: Any) -> None:
    result = create(kind, professional)
    create(kind, professional, slot_id=slot(kind, professional, 11), email="b@example.org")
    with pytest.raises(services.SlotTaken):
        services.booking_reschedule_by_family(
            manage_token=result.manage_token, slot_id=slot(kind, professional, 11), now=NOW
        )
    assert Booking.objects.get(pk=result.booking.pk).starts == at(MONDAY, 8)


def test_moving_to_another_type_or_garbage_is_refused(kind: Any, professional: Any) -> None:
    result = create(kind, professional)
    other_kind = AppointmentTypeFactory.create(professionals=[professional])
    for slot_id in (slot(other_kind, professional, 11), "garbage", slot(kind, professional, 8)):
        with pytest.raises(ValidationError) as error:
            services.booking_reschedule_by_family(
                manage_token=result.manage_token, slot_id=slot_id, now=NOW
            )
        assert "slot" in error.value.message_dict
    assert not AuditEntry.objects.filter(action=actions.BOOKING_RESCHEDULE.name).exists()


@pytest.mark.parametrize(
    ("language", "words"),
    [("fi", "24 tuntia"), ("sv", "24 timmar"), ("en", "24 hours")],
)
def test_the_deadline_stops_changes_with_a_clear_message(
    kind: Any, professional: Any, language: str, words: str
) -> None:
    result = create(kind, professional)
    late = at(MONDAY, 8) - dt.timedelta(hours=23)
    with translation.override(language), pytest.raises(ValidationError) as moving:
        services.booking_reschedule_by_family(
            manage_token=result.manage_token, slot_id=slot(kind, professional, 11), now=late
        )
    assert words in moving.value.message_dict["__all__"][0]
    with pytest.raises(ValidationError):
        services.booking_cancel_by_family(manage_token=result.manage_token, now=late)
    booking = Booking.objects.get()
    assert booking.starts == at(MONDAY, 8) and booking.status == BookingStatus.BOOKED
    assert not AuditEntry.objects.filter(
        action__in=[actions.BOOKING_RESCHEDULE.name, actions.BOOKING_CANCEL.name]
    ).exists()


def test_family_cancels_before_the_deadline(kind: Any, professional: Any) -> None:
    result = create(kind, professional)
    just_in_time = at(MONDAY, 8) - dt.timedelta(hours=24)
    booking = services.booking_cancel_by_family(manage_token=result.manage_token, now=just_in_time)
    assert booking.status == BookingStatus.CANCELLED
    assert booking.cancelled_by_family and booking.cancelled_at == just_in_time
    entry = AuditEntry.objects.get(action=actions.BOOKING_CANCEL.name)
    assert entry.details["by_family"] is True and entry.actor_id is None
    assert OutboxEmail.objects.filter(kind="appointments.booking.cancelled").count() == 1
    # The slot is free again, and a second cancel is refused.
    assert create(kind, professional, email="b@example.org").created
    with pytest.raises(ValidationError):
        services.booking_cancel_by_family(manage_token=result.manage_token, now=NOW)
    with pytest.raises(ValidationError):
        services.booking_reschedule_by_family(
            manage_token=result.manage_token, slot_id=slot(kind, professional, 11), now=NOW
        )


@pytest.mark.parametrize("token", ["", "x" * 32, "x" * 1000])
def test_an_unknown_manage_token_is_not_found(kind: Any, professional: Any, token: str) -> None:
    create(kind, professional)
    with pytest.raises(NotFound):
        services.booking_cancel_by_family(manage_token=token, now=NOW)
    with pytest.raises(NotFound):
        services.booking_reschedule_by_family(
            manage_token=token, slot_id=slot(kind, professional, 11), now=NOW
        )
    assert Booking.objects.get().status == BookingStatus.BOOKED
