"""Reads of appointments, one selector each.

A booking's personal data is reached by a professional only through `access_booking` (one
booking; the read is audited, an action's check with `for_action=True` is not) and
`booking_calendar` (a professional's bookings over days; one audit entry per call). Missing and
forbidden are both NotFound. A family reaches its own booking with the manage link's token
(`booking_get_by_token`); a calendar app reaches a professional's bookings with the feed's token
(`feed_bookings`). Types are public reads.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest

from perhekeskus.accounts.models import User
from perhekeskus.appointments import actions
from perhekeskus.appointments.availability import day_start
from perhekeskus.appointments.models import (
    AppointmentType,
    Booking,
    CalendarFeed,
    WhoMayBook,
)
from perhekeskus.appointments.policies import can_manage_calendar, can_view_booking
from perhekeskus.audit.services import audit_record
from perhekeskus.catalog.models import Service
from perhekeskus.core.actors import Visitor
from perhekeskus.core.errors import AccessDenied, NotFound
from perhekeskus.core.policies import is_coordinator, is_verified_member
from perhekeskus.core.roles import Role


def token_hash(token: str) -> str:
    """How a manage link's or a feed's token is stored: its SHA-256, never the token."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def _booking_rows() -> QuerySet[Booking]:
    return Booking.objects.select_related(
        "appointment_type__service", "professional__organization", "location"
    )


def access_booking(
    *,
    actor: Visitor,
    booking_id: Any,
    for_action: bool = False,
    request: HttpRequest | None = None,
) -> Booking:
    """One booking with the family's data, for whoever manages its professional's calendar.
    Missing and forbidden are both NotFound; a read (not an action's check) is audited."""
    try:
        booking = _booking_rows().get(pk=booking_id)
    except (Booking.DoesNotExist, ValueError, ValidationError):
        raise NotFound from None
    if not can_view_booking(actor, booking):
        raise AccessDenied(target_type="appointments.booking", target_id=booking.pk)
    if not for_action:
        audit_record(action=actions.BOOKING_VIEW, actor=actor, target=booking, request=request)
    return booking


def _professional_for(actor: Visitor, professional_id: Any) -> User:
    try:
        professional = User.objects.select_related("organization").get(pk=professional_id)
    except (User.DoesNotExist, ValueError, TypeError):
        raise NotFound from None
    if not can_manage_calendar(actor, professional):
        raise AccessDenied(target_type="accounts.user", target_id=professional.pk)
    return professional


def booking_calendar(
    *,
    actor: Visitor,
    professional_id: int,
    date_from: dt.date,
    date_to: dt.date,
    request: HttpRequest | None = None,
) -> list[Booking]:
    """The professional's bookings (every status) starting from `date_from` to `date_to`
    (Finnish dates, inclusive), by start. One audit entry per call, naming the days read."""
    professional = _professional_for(actor, professional_id)
    bookings = list(
        _booking_rows()
        .filter(
            professional=professional,
            starts__gte=day_start(date_from),
            starts__lt=day_start(date_to + dt.timedelta(days=1)),
        )
        .order_by("starts", "id")
    )
    audit_record(
        action=actions.BOOKING_LIST,
        actor=actor,
        target=professional,
        request=request,
        details={
            "from": date_from.isoformat(),
            "to": date_to.isoformat(),
            "count": len(bookings),
        },
    )
    return bookings


def booking_get_by_token(*, manage_token: str) -> Booking:
    """The booking of a manage link (in any status, for the family's own page); NotFound for an
    unknown token and for a booking whose personal data has been erased."""
    if not manage_token or len(manage_token) > 200:
        raise NotFound
    booking = (
        _booking_rows()
        .filter(manage_token_hash=token_hash(manage_token), anonymised_at__isnull=True)
        .first()
    )
    if booking is None:
        raise NotFound
    return booking


def _bookable_types() -> QuerySet[AppointmentType]:
    """Active types of public services that have at least one active professional."""
    return AppointmentType.objects.filter(
        Exists(User.objects.filter(appointment_types=OuterRef("pk"), is_active=True)),
        is_active=True,
        service__in=Service.objects.public(),
    ).select_related("service")


def appointment_types_bookable(*, service_id: Any = None) -> list[AppointmentType]:
    """The types anyone may book (of one service, or of every service when `service_id` is
    None), by name."""
    types = _bookable_types().filter(who_may_book=WhoMayBook.ANYONE)
    if service_id is not None:
        try:
            types = types.filter(service_id=uuid.UUID(str(service_id)))
        except ValueError:
            return []
    return list(types.order_by("name", "pk").prefetch_related("locations"))


def appointment_type_get_bookable(*, type_id: Any, link_token: str = "") -> AppointmentType:
    """A type a family may book now: one anyone may book, or one bookable only with a link when
    `link_token` is that link's. NotFound otherwise, as for a missing type."""
    try:
        appointment_type = (
            _bookable_types().prefetch_related("locations", "questions").get(pk=type_id)
        )
    except (AppointmentType.DoesNotExist, ValueError, ValidationError):
        raise NotFound from None
    if appointment_type.who_may_book == WhoMayBook.LINK and not link_allows(
        appointment_type, link_token
    ):
        raise NotFound
    return appointment_type


def link_allows(appointment_type: AppointmentType, link_token: str) -> bool:
    """Whether `link_token` is the type's booking link (compared in constant time)."""
    expected = appointment_type.link_token
    return bool(expected) and hmac.compare_digest(
        expected.encode("utf-8", "surrogatepass"),
        (link_token or "").encode("utf-8", "surrogatepass"),
    )


def appointment_types_manageable_by(*, actor: Visitor) -> list[AppointmentType]:
    """The types whose settings the actor may change: every type for a coordinator, those of
    their organisation's services for its schedulers and editors."""
    if not is_verified_member(actor):
        return []
    types = AppointmentType.objects.select_related("service__organization")
    if not is_coordinator(actor):
        if not (actor.has_role(Role.SCHEDULER) or actor.has_role(Role.ORGANIZATION_EDITOR)):
            return []
        if actor.organization_id is None:
            return []
        types = types.filter(service__organization_id=str(actor.organization_id))
    return list(types.order_by("name", "pk"))


def professionals_manageable_by(*, actor: Visitor) -> list[User]:
    """The professionals whose calendars the actor may manage, by name: themselves (with the
    professional role), their organisation's professionals (a scheduler), everyone's (a
    coordinator)."""
    if not is_verified_member(actor):
        return []
    professionals = User.objects.filter(
        is_active=True, role_grants__role=Role.PROFESSIONAL
    ).select_related("organization")
    if is_coordinator(actor):
        pass
    elif actor.has_role(Role.SCHEDULER) and actor.organization_id is not None:
        mine = Q(organization_id=actor.organization_id)
        if actor.has_role(Role.PROFESSIONAL):
            mine |= Q(pk=actor.pk)
        professionals = professionals.filter(mine)
    elif actor.has_role(Role.PROFESSIONAL):
        professionals = professionals.filter(pk=actor.pk)
    else:
        return []
    return list(professionals.distinct().order_by("full_name", "pk"))


def feed_bookings(
    *, token: str, date_from: dt.date, date_to: dt.date
) -> tuple[User, list[Booking]]:
    """The professional of a calendar feed's token and their bookings (every status: a
    cancelled one tells the calendar app to remove it) from `date_from` to `date_to` (Finnish
    dates). NotFound when the token is unknown or revoked, or
    the professional's account is no longer active. Not audited per read: the feed carries no
    family's data (the calendar file names only the type)."""
    if not token or len(token) > 200:
        raise NotFound
    feed = (
        CalendarFeed.objects.select_related("professional")
        .filter(token_hash=token_hash(token), revoked_at__isnull=True)
        .first()
    )
    if feed is None or not feed.professional.is_active:
        raise NotFound
    bookings = list(
        Booking.objects.select_related("appointment_type", "location")
        .filter(
            professional=feed.professional,
            starts__gte=day_start(date_from),
            starts__lt=day_start(date_to + dt.timedelta(days=1)),
        )
        .order_by("starts", "id")
    )
    return feed.professional, bookings
