"""Reads of the professional's set-up pages that hold no family's data: a calendar's hours,
exceptions and feed, the types a user may edit and the choices of their form. Families' data is
read only through `selectors.access_booking` and `selectors.booking_calendar`, which audit it.

A calendar or a type the user may not manage is NotFound, like a missing one."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils import timezone

from perhekeskus.accounts.models import User
from perhekeskus.accounts.selectors import user_get_active, user_list_with_role
from perhekeskus.appointments.models import (
    AppointmentType,
    AvailabilityException,
    CalendarFeed,
    ProfessionalCalendar,
    WeeklyHours,
)
from perhekeskus.appointments.policies import can_manage_appointment_types, can_manage_calendar
from perhekeskus.catalog.models import Location, Service
from perhekeskus.core.actors import Visitor
from perhekeskus.core.errors import AccessDenied, NotFound
from perhekeskus.core.policies import is_coordinator, is_verified_member
from perhekeskus.core.roles import Role


def professional_get_manageable(*, actor: User, professional_id: int) -> User:
    """The professional whose calendar the actor may manage; NotFound for anyone else."""
    professional = user_get_active(user_id=professional_id)
    if professional is None:
        raise NotFound
    if not can_manage_calendar(actor, professional):
        raise AccessDenied(target_type="accounts.user", target_id=professional_id)
    return professional


@dataclass(frozen=True)
class CalendarSetup:
    """A professional's hours as they stand: what the calendar and the availability page show."""

    professional: User
    works_on_public_holidays: bool
    weekly_hours: list[WeeklyHours]
    exceptions: list[AvailabilityException] = field(default_factory=list)


def _weekly_hours(professional_id: int) -> list[WeeklyHours]:
    return list(
        WeeklyHours.objects.filter(professional_id=professional_id).order_by("weekday", "starts")
    )


def calendar_setup(
    *,
    actor: User,
    professional_id: int,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    now: dt.datetime | None = None,
) -> CalendarSetup:
    """Weekly hours, the public-holiday setting and the exceptions of one professional: those
    overlapping the days `date_from`–`date_to` (Finnish dates, inclusive), or else every
    exception that has not ended by `now`."""
    professional = professional_get_manageable(actor=actor, professional_id=professional_id)
    settings_row = ProfessionalCalendar.objects.filter(professional_id=professional_id).first()
    exceptions = AvailabilityException.objects.filter(professional_id=professional_id)
    if date_from is not None and date_to is not None:
        tz = timezone.get_current_timezone()
        starts = dt.datetime.combine(date_from, dt.time.min, tzinfo=tz)
        ends = dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
        exceptions = exceptions.filter(starts__lt=ends, ends__gt=starts)
    else:
        exceptions = exceptions.filter(ends__gt=now or timezone.now())
    return CalendarSetup(
        professional=professional,
        works_on_public_holidays=bool(settings_row and settings_row.works_on_public_holidays),
        weekly_hours=_weekly_hours(professional_id),
        exceptions=list(exceptions.order_by("starts")),
    )


def feed_active(*, actor: User, professional_id: int) -> CalendarFeed | None:
    """The professional's feed address in use (only its hash is stored), if any."""
    professional_get_manageable(actor=actor, professional_id=professional_id)
    return (
        CalendarFeed.objects.filter(professional_id=professional_id, revoked_at__isnull=True)
        .order_by("-created_at")
        .first()
    )


# --- Appointment types --------------------------------------------------------------------------


def services_for_appointment_types(*, actor: User) -> list[Service]:
    """The services whose appointment types the actor may create and edit."""
    if is_coordinator(actor):
        services = Service.objects.all()
    elif actor.organization_id and (
        actor.has_role(Role.SCHEDULER) or actor.has_role(Role.ORGANIZATION_EDITOR)
    ):
        services = Service.objects.filter(organization_id=actor.organization_id)
    else:
        return []
    candidates = services.select_related("organization").order_by("name", "pk")
    return [service for service in candidates if can_manage_appointment_types(actor, service)]


def service_get_for_appointment_types(*, actor: User, service_id: uuid.UUID) -> Service:
    service = Service.objects.select_related("organization").filter(pk=service_id).first()
    if service is None:
        raise NotFound
    if not can_manage_appointment_types(actor, service):
        raise AccessDenied(target_type="catalog.service", target_id=service_id)
    return service


def appointment_type_get_manageable(*, actor: User, type_id: uuid.UUID) -> AppointmentType:
    """The type with its service and questions, if the actor may edit it; NotFound otherwise."""
    appointment_type = (
        AppointmentType.objects.select_related("service__organization")
        .prefetch_related("questions", "locations", "professionals")
        .filter(pk=type_id)
        .first()
    )
    if appointment_type is None:
        raise NotFound
    if not can_manage_appointment_types(actor, appointment_type.service):
        raise AccessDenied(target_type="appointments.appointmenttype", target_id=type_id)
    return appointment_type


def service_locations(*, service: Service) -> QuerySet[Location]:
    """The places of the catalogue where the service is given: where a visit can happen."""
    return (
        Location.objects.filter(service_at_locations__service=service)
        .distinct()
        .order_by("name", "pk")
    )


def service_professionals(*, service: Service, also: list[int] | None = None) -> QuerySet[User]:
    """Professionals of the service's organisation who may receive, and those already on the
    type (`also`), so that saving a type never drops someone silently."""
    condition = Q(organization_id=service.organization_id)
    if also:
        condition |= Q(pk__in=also)
    return user_list_with_role(roles=[Role.PROFESSIONAL]).filter(condition)


# --- Who sees the dashboard's cards -------------------------------------------------------------


def may_use_calendar(actor: Visitor) -> bool:
    """Professionals (their own calendar), schedulers and coordinators (those they manage)."""
    return is_verified_member(actor) and bool(
        is_coordinator(actor) or actor.has_role(Role.PROFESSIONAL) or actor.has_role(Role.SCHEDULER)
    )


def may_set_up_appointment_types(actor: Visitor) -> bool:
    """Schedulers and organisation editors (their organisation's services) and coordinators."""
    return is_verified_member(actor) and bool(
        is_coordinator(actor)
        or (
            actor.organization_id is not None
            and (actor.has_role(Role.SCHEDULER) or actor.has_role(Role.ORGANIZATION_EDITOR))
        )
    )
