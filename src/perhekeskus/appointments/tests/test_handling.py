"""The professional's side of a booking: cancel with a reason, done and no-show; who may."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from perhekeskus.appointments import actions, services
from perhekeskus.appointments.availability import HELSINKI
from perhekeskus.appointments.models import Booking, BookingStatus
from perhekeskus.appointments.tests.factories import (
    AppointmentTypeFactory,
    BookingFactory,
    receiving_professional,
)
from perhekeskus.audit.models import AuditEntry
from perhekeskus.core.errors import NotFound
from perhekeskus.core.models import OutboxEmail
from perhekeskus.core.roles import Role
from perhekeskus.testing.factories import UserFactory

pytestmark = pytest.mark.django_db

STARTS = dt.datetime(2027, 1, 4, 9, 0, tzinfo=HELSINKI).astimezone(dt.UTC)
BEFORE = STARTS - dt.timedelta(days=1)
AFTER = STARTS + dt.timedelta(minutes=50)
BOOKING_ACTIONS = [
    actions.BOOKING_CANCEL.name,
    actions.BOOKING_DONE.name,
    actions.BOOKING_NO_SHOW.name,
]


@pytest.fixture
def professional(organization: Any) -> Any:
    return receiving_professional(organization)


@pytest.fixture
def booking(professional: Any) -> Booking:
    kind = AppointmentTypeFactory.create(professionals=[professional])
    return BookingFactory.create(
        appointment_type=kind,
        professional=professional,
        starts=STARTS,
        name="Maija Meikäläinen",
        email="maija@example.org",
    )


@pytest.fixture
def scheduler(organization: Any) -> Any:
    return UserFactory.create(organization=organization, roles=[Role.SCHEDULER])


def unchanged(booking: Booking) -> None:
    stored = Booking.objects.get(pk=booking.pk)
    assert stored.status == BookingStatus.BOOKED
    assert stored.cancel_reason == "" and stored.cancelled_at is None
    assert not AuditEntry.objects.filter(action__in=BOOKING_ACTIONS).exists()
    assert not OutboxEmail.objects.exists()


# --- Cancel -------------------------------------------------------------------------------------


def test_professional_cancels_with_a_reason_the_family_receives(
    professional: Any, booking: Booking
) -> None:
    cancelled = services.booking_cancel(
        actor=professional, booking_id=booking.pk, reason="Sairastuin.", now=BEFORE
    )
    assert cancelled.status == BookingStatus.CANCELLED
    stored = Booking.objects.get(pk=booking.pk)
    assert stored.status == BookingStatus.CANCELLED
    assert stored.cancel_reason == "Sairastuin."
    assert stored.cancelled_by == professional and not stored.cancelled_by_family
    entry = AuditEntry.objects.get(action=actions.BOOKING_CANCEL.name)
    assert entry.actor_id == professional.pk
    assert entry.target_id == str(booking.pk)
    assert "Sairastuin" not in json.dumps(entry.details) and "Sairastuin" not in entry.reason
    notice = OutboxEmail.objects.get(kind="appointments.booking.cancelled")
    assert "Sairastuin." in notice.body
    assert "maija@example.org" in notice.recipients


def test_a_reason_is_required(professional: Any, booking: Booking) -> None:
    with pytest.raises(ValidationError) as error:
        services.booking_cancel(actor=professional, booking_id=booking.pk, reason=" ", now=BEFORE)
    assert "reason" in error.value.message_dict
    unchanged(booking)


def test_a_begun_appointment_is_not_cancelled(professional: Any, booking: Booking) -> None:
    with pytest.raises(ValidationError):
        services.booking_cancel(actor=professional, booking_id=booking.pk, reason="x", now=AFTER)
    unchanged(booking)


def test_scheduler_of_the_organisation_and_coordinator_may_cancel(
    scheduler: Any, coordinator: Any, professional: Any
) -> None:
    kind = AppointmentTypeFactory.create(professionals=[professional])
    for index, actor in enumerate((scheduler, coordinator)):
        booking = BookingFactory.create(
            appointment_type=kind,
            professional=professional,
            starts=STARTS + dt.timedelta(hours=index),
        )
        services.booking_cancel(actor=actor, booking_id=booking.pk, reason="Muutos.", now=BEFORE)
        assert Booking.objects.get(pk=booking.pk).status == BookingStatus.CANCELLED
    assert AuditEntry.objects.filter(action=actions.BOOKING_CANCEL.name).count() == 2


def test_colleague_and_other_organisations_scheduler_may_not_cancel(
    organization: Any, booking: Booking
) -> None:
    colleague = receiving_professional(organization)
    stranger = UserFactory.create(roles=[Role.SCHEDULER])
    editor = UserFactory.create(organization=organization, roles=[Role.ORGANIZATION_EDITOR])
    for actor in (colleague, stranger, editor):
        with pytest.raises(NotFound):
            services.booking_cancel(actor=actor, booking_id=booking.pk, reason="x", now=BEFORE)
    unchanged(booking)


@override_settings(PERHEKESKUS_REQUIRE_2FA=True)
def test_no_cancel_without_the_second_factor(professional: Any, booking: Booking) -> None:
    with pytest.raises(NotFound):
        services.booking_cancel(actor=professional, booking_id=booking.pk, reason="x", now=BEFORE)
    unchanged(booking)


def test_a_professional_who_lost_the_role_may_not_cancel(
    professional: Any, booking: Booking
) -> None:
    professional.role_grants.all().delete()
    professional.forget_roles()
    with pytest.raises(NotFound):
        services.booking_cancel(actor=professional, booking_id=booking.pk, reason="x", now=BEFORE)
    unchanged(booking)


# --- Done and no-show ---------------------------------------------------------------------------


def test_done_once_the_time_has_begun(professional: Any, booking: Booking) -> None:
    with pytest.raises(ValidationError):
        services.booking_mark_done(actor=professional, booking_id=booking.pk, now=BEFORE)
    unchanged(booking)
    done = services.booking_mark_done(actor=professional, booking_id=booking.pk, now=STARTS)
    assert done.status == BookingStatus.DONE
    entry = AuditEntry.objects.get(action=actions.BOOKING_DONE.name)
    assert entry.details == {"from": "booked", "to": "done"}


def test_no_show_once_the_time_has_begun_and_corrections(
    professional: Any, booking: Booking
) -> None:
    with pytest.raises(ValidationError):
        services.booking_mark_no_show(actor=professional, booking_id=booking.pk, now=BEFORE)
    unchanged(booking)
    services.booking_mark_no_show(actor=professional, booking_id=booking.pk, now=AFTER)
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.NO_SHOW
    services.booking_mark_done(actor=professional, booking_id=booking.pk, now=AFTER)
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.DONE
    # The same again changes nothing and logs nothing more.
    services.booking_mark_done(actor=professional, booking_id=booking.pk, now=AFTER)
    assert AuditEntry.objects.filter(action__in=BOOKING_ACTIONS).count() == 2


def test_a_cancelled_booking_is_not_marked(professional: Any, booking: Booking) -> None:
    Booking.objects.filter(pk=booking.pk).update(status=BookingStatus.CANCELLED)
    for mark in (services.booking_mark_done, services.booking_mark_no_show):
        with pytest.raises(ValidationError):
            mark(actor=professional, booking_id=booking.pk, now=AFTER)
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.CANCELLED


def test_an_anonymised_booking_is_not_marked(professional: Any, booking: Booking) -> None:
    Booking.objects.filter(pk=booking.pk).update(anonymised_at=AFTER, name="", email="")
    for mark in (services.booking_mark_done, services.booking_mark_no_show):
        with pytest.raises(ValidationError):
            mark(actor=professional, booking_id=booking.pk, now=AFTER)
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.BOOKED
    assert not AuditEntry.objects.filter(action__in=BOOKING_ACTIONS).exists()


def test_scheduler_may_mark_colleague_may_not(
    scheduler: Any, organization: Any, booking: Booking
) -> None:
    colleague = receiving_professional(organization)
    for mark in (services.booking_mark_done, services.booking_mark_no_show):
        with pytest.raises(NotFound):
            mark(actor=colleague, booking_id=booking.pk, now=AFTER)
    unchanged(booking)
    services.booking_mark_no_show(actor=scheduler, booking_id=booking.pk, now=AFTER)
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.NO_SHOW


def test_a_missing_booking_is_not_found(professional: Any) -> None:
    import uuid

    with pytest.raises(NotFound):
        services.booking_mark_done(actor=professional, booking_id=uuid.uuid4(), now=AFTER)
    with pytest.raises(NotFound):
        services.booking_cancel(actor=professional, booking_id="not-a-uuid", reason="x")  # type: ignore[arg-type]
