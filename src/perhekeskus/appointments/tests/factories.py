"""Factories and personas for appointments.

`receiving_professional` is a professional who receives appointments: the professional role, a
calendar and weekly hours Monday to Friday 8–16 (Finnish time). `AppointmentTypeFactory` makes a
45-minute type bookable by phone and by video with the professionals given. `BookingFactory` writes
a booking directly (any time, any state; `booking.manage_token` holds the token of its manage
link); `book` goes through the real service, with its checks, lock, audit entry and notices.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any, cast

import factory

from perhekeskus.accounts.models import User
from perhekeskus.appointments.models import (
    AppointmentType,
    AvailabilityException,
    Booking,
    BookingStatus,
    Channel,
    ExceptionKind,
    PreQuestion,
    ProfessionalCalendar,
    QuestionKind,
    WeeklyHours,
)
from perhekeskus.catalog.models import Organization
from perhekeskus.core.roles import Role
from perhekeskus.testing.factories import ServiceFactory, UserFactory

WORKDAY_HOURS = [(weekday, dt.time(8, 0), dt.time(16, 0)) for weekday in range(5)]


class AppointmentTypeFactory(factory.django.DjangoModelFactory[AppointmentType]):
    """`professionals=[...]` and `locations=[...]` set who receives and where."""

    class Meta:
        model = AppointmentType
        skip_postgeneration_save = True

    service = factory.SubFactory(ServiceFactory)
    name = factory.Sequence(lambda n: f"Tapaaminen {n}")
    name_sv = factory.Sequence(lambda n: f"Möte {n}")
    name_en = factory.Sequence(lambda n: f"Appointment {n}")
    duration_minutes = 45
    offers_visit = False
    offers_phone = True
    offers_video = True

    @factory.post_generation
    def professionals(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            cast(AppointmentType, self).professionals.add(*extracted)

    @factory.post_generation
    def locations(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            cast(AppointmentType, self).locations.add(*extracted)


class PreQuestionFactory(factory.django.DjangoModelFactory[PreQuestion]):
    class Meta:
        model = PreQuestion

    appointment_type = factory.SubFactory(AppointmentTypeFactory)
    text = factory.Sequence(lambda n: f"Kysymys {n}?")
    kind = QuestionKind.TEXT
    required = False
    position = factory.Sequence(lambda n: n)


class WeeklyHoursFactory(factory.django.DjangoModelFactory[WeeklyHours]):
    class Meta:
        model = WeeklyHours

    professional = factory.SubFactory(UserFactory)
    weekday = 0
    starts = dt.time(8, 0)
    ends = dt.time(16, 0)


class AvailabilityExceptionFactory(factory.django.DjangoModelFactory[AvailabilityException]):
    class Meta:
        model = AvailabilityException

    professional = factory.SubFactory(UserFactory)
    kind = ExceptionKind.ABSENCE
    starts = dt.datetime(2027, 1, 4, 8, 0, tzinfo=dt.UTC)
    ends = factory.LazyAttribute(lambda o: o.starts + dt.timedelta(hours=1))


def receiving_professional(
    organization: Organization | None = None,
    *,
    hours: list[tuple[int, dt.time, dt.time]] | None = None,
    works_on_public_holidays: bool = False,
    roles: list[str] | None = None,
    **user_fields: Any,
) -> User:
    """A professional with a calendar and weekly hours (Monday to Friday 8–16 unless `hours`
    gives (weekday, from, until) rows)."""
    if organization is not None:
        user_fields["organization"] = organization
    user = UserFactory.create(
        roles=roles if roles is not None else [Role.PROFESSIONAL], **user_fields
    )
    ProfessionalCalendar.objects.create(
        professional=user, works_on_public_holidays=works_on_public_holidays
    )
    WeeklyHours.objects.bulk_create(
        WeeklyHours(professional=user, weekday=weekday, starts=starts, ends=ends)
        for weekday, starts, ends in (WORKDAY_HOURS if hours is None else hours)
    )
    return user


def new_manage_token() -> tuple[str, str]:
    """A manage token and its stored hash, made the way the booking service makes them."""
    token = secrets.token_urlsafe(24)
    return token, hashlib.sha256(token.encode()).hexdigest()


class BookingFactory(factory.django.DjangoModelFactory[Booking]):
    """A booking written directly, without the service's checks: for a given time or state.
    `booking.manage_token` is the token of its manage link."""

    class Meta:
        model = Booking
        exclude = ("token_pair",)

    appointment_type = factory.SubFactory(AppointmentTypeFactory)
    professional = factory.LazyFunction(receiving_professional)
    starts = dt.datetime(2027, 1, 4, 8, 0, tzinfo=dt.UTC)
    ends = factory.LazyAttribute(
        lambda o: o.starts + dt.timedelta(minutes=o.appointment_type.duration_minutes)
    )
    blocked_from = factory.LazyAttribute(
        lambda o: o.starts - dt.timedelta(minutes=o.appointment_type.buffer_before_minutes)
    )
    blocked_until = factory.LazyAttribute(
        lambda o: o.ends + dt.timedelta(minutes=o.appointment_type.buffer_after_minutes)
    )
    channel = Channel.PHONE
    status = BookingStatus.BOOKED
    language = "fi"
    name = factory.Faker("name", locale="fi_FI")
    email = factory.Sequence(lambda n: f"perhe{n}@example.org")
    phone = "+358401234567"
    answers = "{}"
    token_pair = factory.LazyFunction(new_manage_token)
    manage_token = factory.LazyAttribute(lambda o: o.token_pair[0])
    manage_token_hash = factory.LazyAttribute(lambda o: o.token_pair[1])
    video_room = factory.LazyAttribute(
        lambda o: secrets.token_urlsafe(18) if o.channel == Channel.VIDEO else ""
    )


def book(
    *,
    appointment_type: AppointmentType,
    professional: User,
    starts: dt.datetime,
    channel: str = Channel.PHONE,
    name: str = "Maija Meikäläinen",
    email: str = "maija@example.org",
    phone: str = "",
    language: str = "fi",
    answers: dict[str, str] | None = None,
    now: dt.datetime | None = None,
    **kwargs: Any,
) -> Any:
    """Book through `services.booking_create` (returns its BookingResult)."""
    from perhekeskus.appointments import services, slotids

    return services.booking_create(
        slot_id=slotids.encode(appointment_type.pk, professional.pk, starts),
        channel=channel,
        name=name,
        email=email,
        phone=phone,
        language=language,
        answers=answers or {},
        now=now,
        **kwargs,
    )
