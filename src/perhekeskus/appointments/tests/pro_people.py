"""The people and bookings the professional's pages are tested with: a professional who receives
(Mon–Fri 8–16), a colleague (another professional of the same organisation), the organisation's
scheduler, another organisation's scheduler and a coordinator; a type with a pre-question, and
bookings by phone and by video."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from perhekeskus.accounts.models import User
from perhekeskus.appointments.models import AppointmentType, Booking, Channel, PreQuestion
from perhekeskus.appointments.tests.factories import (
    AppointmentTypeFactory,
    BookingFactory,
    PreQuestionFactory,
    receiving_professional,
)
from perhekeskus.audit.models import AuditEntry
from perhekeskus.catalog.models import Organization
from perhekeskus.core.roles import Role
from perhekeskus.testing.factories import LocationFactory, ServiceFactory, UserFactory

FAMILY_NAME = "Maija Meikäläinen"
FAMILY_EMAIL = "maija.meikalainen@example.org"
FAMILY_PHONE = "+358401112233"


@dataclass
class People:
    organization: Organization
    pro: User
    colleague: User
    scheduler: User
    other_scheduler: User
    coordinator: User
    appointment_type: AppointmentType
    question: PreQuestion


def make_people(organization: Organization, other_organization: Organization) -> People:
    pro = receiving_professional(
        organization, email="paula.pro@example.org", full_name="Paula Ammattilainen"
    )
    colleague = receiving_professional(
        organization, email="kalle.kollega@example.org", full_name="Kalle Kollega"
    )
    scheduler = UserFactory.create(
        email="sanna.scheduler@example.org",
        full_name="Sanna Ajanvaraaja",
        organization=organization,
        roles=[Role.SCHEDULER],
    )
    other_scheduler = UserFactory.create(
        email="olli.other@example.org",
        full_name="Olli Muualta",
        organization=other_organization,
        roles=[Role.SCHEDULER],
    )
    coordinator = UserFactory.create(
        email="coordinator@example.org",
        full_name="Kaisa Koordinaattori",
        organization=organization,
        roles=[Role.COORDINATOR],
    )
    service = ServiceFactory.create(organization=organization, name="Lastenvalvoja")
    location = LocationFactory.create(organization=organization, name="Perhekeskus Simo")
    service.at_locations.create(location=location)
    appointment_type = AppointmentTypeFactory.create(
        service=service,
        name="Lastenvalvojan etätapaaminen",
        name_en="Remote meeting with the child custody officer",
        professionals=[pro],
    )
    question = PreQuestionFactory.create(
        appointment_type=appointment_type,
        text="Mistä haluatte puhua?",
        text_en="What would you like to talk about?",
    )
    return People(
        organization=organization,
        pro=pro,
        colleague=colleague,
        scheduler=scheduler,
        other_scheduler=other_scheduler,
        coordinator=coordinator,
        appointment_type=appointment_type,
        question=question,
    )


def booking_for(
    people: People,
    *,
    starts: dt.datetime | None = None,
    channel: str = Channel.PHONE,
    **fields: Any,
) -> Booking:
    """A booking of `people.pro`, by default in two days at 10.00 Finnish time."""
    if starts is None:
        day = timezone.localdate() + dt.timedelta(days=2)
        starts = dt.datetime.combine(day, dt.time(10, 0), tzinfo=timezone.get_current_timezone())
    return BookingFactory.create(
        appointment_type=people.appointment_type,
        professional=people.pro,
        starts=starts,
        channel=channel,
        name=FAMILY_NAME,
        email=FAMILY_EMAIL,
        phone=FAMILY_PHONE,
        answers=json.dumps({str(people.question.pk): "Tapaamisoikeudesta"}),
        **fields,
    )


def audited(action: str, target: Any = None) -> int:
    entries = AuditEntry.objects.filter(action=action)
    if target is not None:
        entries = entries.filter(target_id=str(target.pk))
    return entries.count()
