"""Reads: the audited gatekeepers of bookings, the manage link, the feed and the public types."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest

from perhekeskus.appointments import actions, selectors, services
from perhekeskus.appointments.availability import HELSINKI
from perhekeskus.appointments.models import Booking, BookingStatus, WhoMayBook
from perhekeskus.appointments.tests.factories import (
    AppointmentTypeFactory,
    BookingFactory,
    receiving_professional,
)
from perhekeskus.audit.models import AuditEntry
from perhekeskus.catalog.models import PublicationState
from perhekeskus.core.errors import AccessDenied, NotFound
from perhekeskus.core.roles import Role
from perhekeskus.testing.factories import ServiceFactory, UserFactory

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2027, 1, 4)


def at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=HELSINKI).astimezone(dt.UTC)


@pytest.fixture
def professional(organization: Any) -> Any:
    return receiving_professional(organization)


@pytest.fixture
def booking(professional: Any) -> Booking:
    return BookingFactory.create(professional=professional, starts=at(MONDAY, 9))


def views() -> int:
    return AuditEntry.objects.filter(action=actions.BOOKING_VIEW.name).count()


# --- access_booking -----------------------------------------------------------------------------


def test_reading_a_booking_is_audited(professional: Any, booking: Booking) -> None:
    found = selectors.access_booking(actor=professional, booking_id=booking.pk)
    assert found == booking and found.name == booking.name
    entry = AuditEntry.objects.get(action=actions.BOOKING_VIEW.name)
    assert entry.actor_id == professional.pk and entry.target_id == str(booking.pk)


def test_an_actions_check_is_not_a_read(professional: Any, booking: Booking) -> None:
    selectors.access_booking(actor=professional, booking_id=booking.pk, for_action=True)
    assert views() == 0


def test_scheduler_and_coordinator_read(
    organization: Any, coordinator: Any, booking: Booking
) -> None:
    scheduler = UserFactory.create(organization=organization, roles=[Role.SCHEDULER])
    for actor in (scheduler, coordinator):
        selectors.access_booking(actor=actor, booking_id=booking.pk)
    assert views() == 2


def test_forbidden_and_missing_are_both_not_found(organization: Any, booking: Booking) -> None:
    colleague = receiving_professional(organization)
    with pytest.raises(AccessDenied):
        selectors.access_booking(actor=colleague, booking_id=booking.pk)
    for missing in (uuid.uuid4(), "garbage", None):
        with pytest.raises(NotFound):
            selectors.access_booking(actor=colleague, booking_id=missing)
    assert issubclass(AccessDenied, NotFound)
    assert views() == 0


# --- booking_calendar ---------------------------------------------------------------------------


def test_calendar_lists_the_days_bookings_with_one_entry(professional: Any) -> None:
    kind = AppointmentTypeFactory.create(professionals=[professional])
    inside = [
        BookingFactory.create(appointment_type=kind, professional=professional, starts=at(day, 9))
        for day in (MONDAY, MONDAY + dt.timedelta(days=1))
    ]
    cancelled = BookingFactory.create(
        appointment_type=kind,
        professional=professional,
        starts=at(MONDAY, 11),
        status=BookingStatus.CANCELLED,
    )
    BookingFactory.create(
        appointment_type=kind,
        professional=professional,
        starts=at(MONDAY + dt.timedelta(days=2), 0),  # 0.00 Finnish time: the next day
    )
    BookingFactory.create(appointment_type=kind, starts=at(MONDAY, 9))  # someone else's
    found = selectors.booking_calendar(
        actor=professional,
        professional_id=professional.pk,
        date_from=MONDAY,
        date_to=MONDAY + dt.timedelta(days=1),
    )
    assert found == [inside[0], cancelled, inside[1]]
    entry = AuditEntry.objects.get(action=actions.BOOKING_LIST.name)
    assert entry.target_id == str(professional.pk)
    assert entry.details == {"from": "2027-01-04", "to": "2027-01-05", "count": 3}


def test_calendar_of_someone_else_is_not_found(organization: Any, professional: Any) -> None:
    colleague = receiving_professional(organization)
    for professional_id in (professional.pk, 999999):
        with pytest.raises(NotFound):
            selectors.booking_calendar(
                actor=colleague,
                professional_id=professional_id,
                date_from=MONDAY,
                date_to=MONDAY,
            )
    assert not AuditEntry.objects.filter(action=actions.BOOKING_LIST.name).exists()


# --- The manage link ----------------------------------------------------------------------------


def test_the_manage_token_finds_its_booking(booking: Booking) -> None:
    assert selectors.booking_get_by_token(manage_token=booking.manage_token) == booking
    assert services.booking_get_by_token(manage_token=booking.manage_token) == booking


@pytest.mark.parametrize("token", ["", "nope", "x" * 500])
def test_an_unknown_token_is_not_found(booking: Booking, token: str) -> None:
    with pytest.raises(NotFound):
        selectors.booking_get_by_token(manage_token=token)


def test_an_anonymised_bookings_token_is_dead(booking: Booking) -> None:
    token = booking.manage_token
    Booking.objects.filter(pk=booking.pk).update(anonymised_at=at(MONDAY, 12))
    with pytest.raises(NotFound):
        selectors.booking_get_by_token(manage_token=token)


# --- Types --------------------------------------------------------------------------------------


def test_bookable_types_are_active_public_and_received(professional: Any) -> None:
    service = ServiceFactory.create()
    bookable = AppointmentTypeFactory.create(service=service, professionals=[professional])
    AppointmentTypeFactory.create(service=service, professionals=[professional], is_active=False)
    AppointmentTypeFactory.create(service=service)  # nobody receives it
    link_only = AppointmentTypeFactory.create(
        service=service,
        professionals=[professional],
        who_may_book=WhoMayBook.LINK,
        link_token="link-token-123",
    )
    draft = ServiceFactory.create(publication_state=PublicationState.DRAFT)
    AppointmentTypeFactory.create(service=draft, professionals=[professional])
    assert selectors.appointment_types_bookable(service_id=service.pk) == [bookable]
    assert selectors.appointment_types_bookable(service_id=draft.pk) == []
    assert selectors.appointment_types_bookable(service_id="garbage") == []
    assert selectors.appointment_types_bookable() == [bookable]
    assert selectors.appointment_type_get_bookable(type_id=bookable.pk) == bookable
    with pytest.raises(NotFound):
        selectors.appointment_type_get_bookable(type_id=link_only.pk)
    with pytest.raises(NotFound):
        selectors.appointment_type_get_bookable(type_id=link_only.pk, link_token="wrong")
    assert (
        selectors.appointment_type_get_bookable(type_id=link_only.pk, link_token="link-token-123")
        == link_only
    )
    professional.is_active = False
    professional.save()
    assert selectors.appointment_types_bookable(service_id=service.pk) == []


def test_types_manageable_by(organization: Any, coordinator: Any) -> None:
    mine = AppointmentTypeFactory.create(service=ServiceFactory.create(organization=organization))
    theirs = AppointmentTypeFactory.create()
    scheduler = UserFactory.create(organization=organization, roles=[Role.SCHEDULER])
    editor = UserFactory.create(organization=organization, roles=[Role.ORGANIZATION_EDITOR])
    professional = receiving_professional(organization)
    assert selectors.appointment_types_manageable_by(actor=scheduler) == [mine]
    assert selectors.appointment_types_manageable_by(actor=editor) == [mine]
    assert selectors.appointment_types_manageable_by(actor=professional) == []
    assert set(selectors.appointment_types_manageable_by(actor=coordinator)) == {mine, theirs}
    assert selectors.appointment_types_manageable_by(actor=None) == []


def test_professionals_manageable_by(organization: Any, coordinator: Any) -> None:
    first = receiving_professional(organization, full_name="Aino Aalto")
    second = receiving_professional(organization, full_name="Bertta Berg")
    elsewhere = receiving_professional(full_name="Cecilia Carlsson")
    scheduler = UserFactory.create(organization=organization, roles=[Role.SCHEDULER])
    assert selectors.professionals_manageable_by(actor=first) == [first]
    assert selectors.professionals_manageable_by(actor=scheduler) == [first, second]
    assert set(selectors.professionals_manageable_by(actor=coordinator)) >= {
        first,
        second,
        elsewhere,
    }
    editor = UserFactory.create(organization=organization, roles=[Role.ORGANIZATION_EDITOR])
    assert selectors.professionals_manageable_by(actor=editor) == []


# --- The feed -----------------------------------------------------------------------------------


def test_the_feed_token_gives_the_professionals_bookings(professional: Any) -> None:
    kind = AppointmentTypeFactory.create(professionals=[professional])
    mine = BookingFactory.create(
        appointment_type=kind, professional=professional, starts=at(MONDAY, 9)
    )
    BookingFactory.create(appointment_type=kind, starts=at(MONDAY, 9))
    token = services.feed_create(actor=professional, professional_id=professional.pk)
    owner, bookings = selectors.feed_bookings(token=token, date_from=MONDAY, date_to=MONDAY)
    assert owner == professional and bookings == [mine]
    services.feed_revoke(actor=professional, professional_id=professional.pk)
    with pytest.raises(NotFound):
        selectors.feed_bookings(token=token, date_from=MONDAY, date_to=MONDAY)


def test_a_feed_of_a_deactivated_account_is_dead(professional: Any) -> None:
    token = services.feed_create(actor=professional, professional_id=professional.pk)
    professional.is_active = False
    professional.save()
    with pytest.raises(NotFound):
        selectors.feed_bookings(token=token, date_from=MONDAY, date_to=MONDAY)
    with pytest.raises(NotFound):
        selectors.feed_bookings(token="", date_from=MONDAY, date_to=MONDAY)
