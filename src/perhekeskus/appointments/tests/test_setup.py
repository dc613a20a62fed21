"""Setting up: types, weekly hours, exceptions, the holiday setting and the feed; allowed and
denied, each denied attempt changing nothing and logging nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from perhekeskus.appointments import actions, selectors, services
from perhekeskus.appointments.availability import HELSINKI
from perhekeskus.appointments.models import (
    AppointmentType,
    AvailabilityException,
    CalendarFeed,
    ExceptionKind,
    ProfessionalCalendar,
    WeeklyHours,
)
from perhekeskus.appointments.tests.factories import (
    AppointmentTypeFactory,
    AvailabilityExceptionFactory,
    receiving_professional,
)
from perhekeskus.audit.models import AuditEntry
from perhekeskus.core.errors import NotFound, PolicyDenied
from perhekeskus.core.roles import Role
from perhekeskus.testing.factories import ServiceFactory, UserFactory

pytestmark = pytest.mark.django_db

T = dt.time
START = dt.datetime(2027, 1, 4, 9, 0, tzinfo=HELSINKI)


@pytest.fixture
def professional(organization: Any) -> Any:
    return receiving_professional(organization)


@pytest.fixture
def colleague(organization: Any) -> Any:
    return receiving_professional(organization)


@pytest.fixture
def scheduler(organization: Any) -> Any:
    return UserFactory.create(organization=organization, roles=[Role.SCHEDULER])


def logged(action: Any) -> int:
    return AuditEntry.objects.filter(action=action.name).count()


def hours_of(user: Any) -> list[tuple[int, dt.time, dt.time]]:
    return list(
        WeeklyHours.objects.filter(professional=user)
        .order_by("weekday", "starts")
        .values_list("weekday", "starts", "ends")
    )


# --- Weekly hours -------------------------------------------------------------------------------

NEW_HOURS = [(0, T(9), T(12)), (0, T(13), T(15)), (3, T(10), T(14))]


def test_professional_replaces_own_weekly_hours(professional: Any) -> None:
    services.weekly_hours_replace(
        actor=professional, professional_id=professional.pk, hours=NEW_HOURS
    )
    assert hours_of(professional) == NEW_HOURS
    entry = AuditEntry.objects.get(action=actions.AVAILABILITY_UPDATE.name)
    assert entry.target_id == str(professional.pk)
    assert entry.details["to"] == [
        [0, "09:00", "12:00"],
        [0, "13:00", "15:00"],
        [3, "10:00", "14:00"],
    ]


def test_scheduler_replaces_hours_of_the_organisations_professional(
    scheduler: Any, professional: Any
) -> None:
    services.weekly_hours_replace(actor=scheduler, professional_id=professional.pk, hours=NEW_HOURS)
    assert hours_of(professional) == NEW_HOURS


def test_colleague_may_not_replace_hours(colleague: Any, professional: Any) -> None:
    before = hours_of(professional)
    with pytest.raises(PolicyDenied):
        services.weekly_hours_replace(
            actor=colleague, professional_id=professional.pk, hours=NEW_HOURS
        )
    assert hours_of(professional) == before
    assert logged(actions.AVAILABILITY_UPDATE) == 0


@pytest.mark.parametrize(
    "hours",
    [
        [(0, T(9), T(12)), (0, T(11), T(13))],  # overlap
        [(0, T(12), T(9))],  # backwards
        [(7, T(9), T(12))],  # no such day
    ],
)
def test_bad_hours_are_refused(professional: Any, hours: Any) -> None:
    before = hours_of(professional)
    with pytest.raises(ValidationError):
        services.weekly_hours_replace(
            actor=professional, professional_id=professional.pk, hours=hours
        )
    assert hours_of(professional) == before
    assert logged(actions.AVAILABILITY_UPDATE) == 0


def test_a_missing_professional_is_not_found(coordinator: Any) -> None:
    with pytest.raises(NotFound):
        services.weekly_hours_replace(actor=coordinator, professional_id=999999, hours=[])


# --- Holidays -----------------------------------------------------------------------------------


def test_holiday_setting_allowed_and_denied(professional: Any, colleague: Any) -> None:
    with pytest.raises(PolicyDenied):
        services.calendar_settings_update(
            actor=colleague, professional_id=professional.pk, works_on_public_holidays=True
        )
    assert not ProfessionalCalendar.objects.get(professional=professional).works_on_public_holidays
    assert logged(actions.AVAILABILITY_UPDATE) == 0
    services.calendar_settings_update(
        actor=professional, professional_id=professional.pk, works_on_public_holidays=True
    )
    assert ProfessionalCalendar.objects.get(professional=professional).works_on_public_holidays
    assert logged(actions.AVAILABILITY_UPDATE) == 1


# --- Exceptions ---------------------------------------------------------------------------------


def test_exception_created_and_deleted_by_the_professional(professional: Any) -> None:
    exception = services.exception_create(
        actor=professional,
        professional_id=professional.pk,
        kind=ExceptionKind.ABSENCE,
        starts=START,
        ends=START + dt.timedelta(hours=3),
        note="Koulutus",
    )
    assert exception.created_by == professional
    entry = AuditEntry.objects.get(action=actions.EXCEPTION_CREATE.name)
    assert "Koulutus" not in str(entry.details)
    services.exception_delete(actor=professional, exception_id=exception.pk)
    assert not AvailabilityException.objects.exists()
    assert logged(actions.EXCEPTION_DELETE) == 1


def test_exception_refused_to_a_colleague(professional: Any, colleague: Any) -> None:
    with pytest.raises(PolicyDenied):
        services.exception_create(
            actor=colleague,
            professional_id=professional.pk,
            kind=ExceptionKind.ABSENCE,
            starts=START,
            ends=START + dt.timedelta(hours=1),
        )
    exception = AvailabilityExceptionFactory.create(professional=professional)
    with pytest.raises(NotFound):
        services.exception_delete(actor=colleague, exception_id=exception.pk)
    assert AvailabilityException.objects.count() == 1
    assert logged(actions.EXCEPTION_CREATE) == logged(actions.EXCEPTION_DELETE) == 0


def test_scheduler_manages_exceptions(scheduler: Any, professional: Any) -> None:
    exception = services.exception_create(
        actor=scheduler,
        professional_id=professional.pk,
        kind=ExceptionKind.EXTRA,
        starts=START,
        ends=START + dt.timedelta(hours=1),
    )
    services.exception_delete(actor=scheduler, exception_id=exception.pk)
    assert not AvailabilityException.objects.exists()


@pytest.mark.parametrize(
    ("kind", "hours", "note", "field"),
    [
        ("holiday", 1, "", "kind"),
        (ExceptionKind.ABSENCE, 0, "", "ends"),
        (ExceptionKind.ABSENCE, -2, "", "ends"),
        (ExceptionKind.ABSENCE, 1, "a\nb", "note"),
    ],
)
def test_bad_exceptions_are_refused(
    professional: Any, kind: str, hours: int, note: str, field: str
) -> None:
    with pytest.raises(ValidationError) as error:
        services.exception_create(
            actor=professional,
            professional_id=professional.pk,
            kind=kind,
            starts=START,
            ends=START + dt.timedelta(hours=hours),
            note=note,
        )
    assert field in error.value.message_dict
    assert not AvailabilityException.objects.exists()


# --- Feed ---------------------------------------------------------------------------------------


def test_a_new_feed_address_revokes_the_old(professional: Any) -> None:
    first = services.feed_create(actor=professional, professional_id=professional.pk)
    second = services.feed_create(actor=professional, professional_id=professional.pk)
    assert first != second and len(second) >= 40
    day = dt.date(2027, 1, 4)
    with pytest.raises(NotFound):
        selectors.feed_bookings(token=first, date_from=day, date_to=day)
    assert selectors.feed_bookings(token=second, date_from=day, date_to=day)[0] == professional
    assert not CalendarFeed.objects.filter(token_hash__in=[first, second]).exists()
    assert logged(actions.FEED_CREATE) == 2


def test_feed_refused_to_a_colleague(professional: Any, colleague: Any) -> None:
    services.feed_create(actor=professional, professional_id=professional.pk)
    for service in (services.feed_create, services.feed_revoke):
        with pytest.raises(PolicyDenied):
            service(actor=colleague, professional_id=professional.pk)
    assert CalendarFeed.objects.filter(revoked_at__isnull=True).count() == 1
    assert logged(actions.FEED_CREATE) == 1 and logged(actions.FEED_REVOKE) == 0


# --- Types --------------------------------------------------------------------------------------


def _named(name: str) -> Any:
    def apply(appointment_type: AppointmentType) -> None:
        appointment_type.name = name
        appointment_type.duration_minutes = 30
        appointment_type.offers_phone = True

    return apply


def test_editor_creates_and_changes_a_type(organization: Any) -> None:
    service = ServiceFactory.create(organization=organization)
    editor = UserFactory.create(organization=organization, roles=[Role.ORGANIZATION_EDITOR])
    created = services.appointment_type_create(
        actor=editor, service_id=service.pk, apply_changes=_named("Neuvola")
    )
    assert created.service == service and created.name == "Neuvola"
    services.appointment_type_update(
        actor=editor, type_id=created.pk, apply_changes=_named("Neuvola, puhelin")
    )
    assert AppointmentType.objects.get(pk=created.pk).name == "Neuvola, puhelin"
    entry = AuditEntry.objects.get(action=actions.TYPE_UPDATE.name)
    assert entry.details["to"]["name"] == "Neuvola, puhelin"
    assert entry.details["from"]["name"] == "Neuvola"
    assert logged(actions.TYPE_CREATE) == 1


def test_others_may_not_create_or_change_types(organization: Any, professional: Any) -> None:
    service = ServiceFactory.create(organization=organization)
    existing = AppointmentTypeFactory.create(service=service, name="Ennallaan")
    outsiders = [
        professional,
        UserFactory.create(roles=[Role.SCHEDULER, Role.ORGANIZATION_EDITOR]),
    ]
    for actor in outsiders:
        with pytest.raises(PolicyDenied):
            services.appointment_type_create(
                actor=actor, service_id=service.pk, apply_changes=_named("Uusi")
            )
        with pytest.raises(PolicyDenied):
            services.appointment_type_update(
                actor=actor, type_id=existing.pk, apply_changes=_named("Muutettu")
            )
    assert list(AppointmentType.objects.values_list("name", flat=True)) == ["Ennallaan"]
    assert logged(actions.TYPE_CREATE) == logged(actions.TYPE_UPDATE) == 0


def test_a_type_without_a_channel_is_refused(organization: Any, coordinator: Any) -> None:
    service = ServiceFactory.create(organization=organization)

    def no_channel(appointment_type: AppointmentType) -> None:
        appointment_type.name = "Ei kanavaa"
        appointment_type.duration_minutes = 30
        appointment_type.offers_phone = False

    with pytest.raises(ValidationError):
        services.appointment_type_create(
            actor=coordinator, service_id=service.pk, apply_changes=no_channel
        )
    assert not AppointmentType.objects.exists()
