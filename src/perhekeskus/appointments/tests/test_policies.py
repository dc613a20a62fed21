"""Who may manage a calendar, see a booking and set up appointment types: allowed and denied."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import override_settings

from perhekeskus.appointments import policies
from perhekeskus.appointments.tests.factories import BookingFactory, receiving_professional
from perhekeskus.core.roles import Role
from perhekeskus.testing.factories import OrganizationFactory, ServiceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def professional(organization: Any) -> Any:
    return receiving_professional(organization)


def test_professional_manages_own_calendar(professional: Any) -> None:
    assert policies.can_manage_calendar(professional, professional)


def test_professional_does_not_manage_a_colleagues_calendar(
    professional: Any, organization: Any
) -> None:
    colleague = receiving_professional(organization)
    assert not policies.can_manage_calendar(colleague, professional)


def test_user_without_the_professional_role_does_not_manage_own_calendar(
    organization: Any,
) -> None:
    user = receiving_professional(organization, roles=[Role.ORGANIZATION_EDITOR])
    assert not policies.can_manage_calendar(user, user)


def test_scheduler_of_the_organisation_manages_its_professionals(
    professional: Any, organization: Any
) -> None:
    scheduler = UserFactory.create(organization=organization, roles=[Role.SCHEDULER])
    assert policies.can_manage_calendar(scheduler, professional)


def test_scheduler_of_another_organisation_does_not(professional: Any) -> None:
    scheduler = UserFactory.create(roles=[Role.SCHEDULER])
    assert not policies.can_manage_calendar(scheduler, professional)


def test_editor_of_the_organisation_does_not_manage_calendars(
    professional: Any, organization: Any
) -> None:
    editor = UserFactory.create(organization=organization, roles=[Role.ORGANIZATION_EDITOR])
    assert not policies.can_manage_calendar(editor, professional)


def test_coordinator_manages_every_calendar(professional: Any, coordinator: Any) -> None:
    assert policies.can_manage_calendar(coordinator, receiving_professional())


def test_inactive_and_anonymous_manage_nothing(professional: Any) -> None:
    professional.is_active = False
    assert not policies.can_manage_calendar(professional, professional)
    assert not policies.can_manage_calendar(AnonymousUser(), professional)
    assert not policies.can_manage_calendar(None, professional)


@override_settings(PERHEKESKUS_REQUIRE_2FA=True)
def test_no_calendar_without_the_second_factor(professional: Any) -> None:
    assert not policies.can_manage_calendar(professional, professional)


def test_booking_seen_by_its_professional_and_their_scheduler(
    professional: Any, organization: Any
) -> None:
    booking = BookingFactory.create(professional=professional)
    scheduler = UserFactory.create(organization=organization, roles=[Role.SCHEDULER])
    assert policies.can_view_booking(professional, booking)
    assert policies.can_view_booking(scheduler, booking)


def test_booking_not_seen_by_colleague_or_other_scheduler(
    professional: Any, organization: Any
) -> None:
    booking = BookingFactory.create(professional=professional)
    assert not policies.can_view_booking(receiving_professional(organization), booking)
    other_scheduler = UserFactory.create(
        organization=OrganizationFactory.create(), roles=[Role.SCHEDULER]
    )
    assert not policies.can_view_booking(other_scheduler, booking)


def test_types_set_up_by_schedulers_and_editors_of_the_services_organisation(
    organization: Any, coordinator: Any
) -> None:
    service = ServiceFactory.create(organization=organization)
    for role in (Role.SCHEDULER, Role.ORGANIZATION_EDITOR):
        assert policies.can_manage_appointment_types(
            UserFactory.create(organization=organization, roles=[role]), service
        )
    assert policies.can_manage_appointment_types(coordinator, service)


def test_types_not_set_up_by_others(organization: Any) -> None:
    service = ServiceFactory.create(organization=organization)
    assert not policies.can_manage_appointment_types(
        UserFactory.create(organization=organization, roles=[Role.PROFESSIONAL]), service
    )
    assert not policies.can_manage_appointment_types(
        UserFactory.create(roles=[Role.SCHEDULER, Role.ORGANIZATION_EDITOR]), service
    )
    assert not policies.can_manage_appointment_types(AnonymousUser(), service)
