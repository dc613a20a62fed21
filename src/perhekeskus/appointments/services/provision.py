"""Command-line writes (the demo loader, installation scripts): appointment types and
professionals' calendars with no logged-in actor. Like the other apps' `*_provision` services
they are idempotent by id (a type) or by professional (a calendar): what exists is left as it is,
since someone may have changed it since, and the audit entry names the command in `via`."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from perhekeskus.accounts.models import User
from perhekeskus.appointments import actions
from perhekeskus.appointments.models import (
    AppointmentType,
    AvailabilityException,
    ExceptionKind,
    PreQuestion,
    ProfessionalCalendar,
    QuestionKind,
    WeeklyHours,
    WhoMayBook,
)
from perhekeskus.audit.services import audit_record
from perhekeskus.catalog.models import Location


@dataclass(frozen=True)
class QuestionSpec:
    """A pre-question: `texts` has its translated fields (`text_fi`, `choices_sv`, …)."""

    kind: str = QuestionKind.TEXT
    required: bool = False
    position: int = 0
    texts: dict[str, str] = field(default_factory=dict)


def appointment_type_provision(
    *,
    id: uuid.UUID,
    service_id: uuid.UUID,
    fields: dict[str, Any],
    professionals: Iterable[User],
    location_ids: Iterable[uuid.UUID] = (),
    questions: Sequence[QuestionSpec] = (),
    via: str,
) -> tuple[AppointmentType, bool]:
    """Create an appointment type of a service with the given model `fields` (translated ones
    as `name_fi`, …), who receives it, its places and pre-questions. A type bookable only with a
    link gets its unguessable link token here. An existing type is returned unchanged."""
    existing = AppointmentType.objects.filter(pk=id).first()
    if existing is not None:
        return existing, False
    with transaction.atomic():
        appointment_type = AppointmentType(pk=id, service_id=service_id, **fields)
        if appointment_type.who_may_book == WhoMayBook.LINK and not appointment_type.link_token:
            appointment_type.link_token = secrets.token_urlsafe(18)
        appointment_type.full_clean()
        appointment_type.save()
        appointment_type.professionals.set(list(professionals))
        wanted = set(location_ids)
        places = list(Location.objects.filter(pk__in=wanted))
        if len(places) != len(wanted):
            raise ValueError(f"Appointment type {id}: a place is not in the catalogue")
        appointment_type.locations.set(places)
        for question in questions:
            row = PreQuestion(
                appointment_type=appointment_type,
                kind=question.kind,
                required=question.required,
                position=question.position,
                **question.texts,
            )
            row.full_clean()
            row.save()
        audit_record(action=actions.TYPE_CREATE, target=appointment_type, details={"via": via})
    return appointment_type, True


def calendar_provision(
    *,
    professional: User,
    hours: Sequence[tuple[int, dt.time, dt.time]],
    absences: Sequence[tuple[dt.datetime, dt.datetime, str]] = (),
    works_on_public_holidays: bool = False,
    via: str,
) -> tuple[ProfessionalCalendar, bool]:
    """Give a professional a calendar: weekly hours as (weekday, from, until) in Finnish time
    (Monday 0) and absences as (from, until, note), aware. A professional who already has a
    calendar keeps it as it is."""
    existing = ProfessionalCalendar.objects.filter(professional=professional).first()
    if existing is not None:
        return existing, False
    with transaction.atomic():
        calendar = ProfessionalCalendar.objects.create(
            professional=professional, works_on_public_holidays=works_on_public_holidays
        )
        rows = [
            WeeklyHours(professional=professional, weekday=weekday, starts=starts, ends=ends)
            for weekday, starts, ends in hours
        ]
        for row in rows:
            # The check constraints (an end after the start, a weekday) are the database's to
            # refuse: validating them here would cost a query per row.
            row.full_clean(validate_constraints=False)
        WeeklyHours.objects.bulk_create(rows)
        audit_record(
            action=actions.AVAILABILITY_UPDATE,
            target=professional,
            details={"via": via, "weekly_hours": len(rows)},
        )
        for starts, ends, note in absences:
            exception = AvailabilityException(
                professional=professional,
                kind=ExceptionKind.ABSENCE,
                starts=starts,
                ends=ends,
                note=note,
            )
            exception.full_clean(exclude=["created_by"])  # no actor: made by a command
            exception.save()
            audit_record(
                action=actions.EXCEPTION_CREATE,
                target=professional,
                details={"via": via, "kind": ExceptionKind.ABSENCE},
            )
    return calendar, True
