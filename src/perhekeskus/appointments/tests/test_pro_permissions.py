"""Who may use the professional's appointment pages, page by page: the professional themself, a
scheduler of the same organisation and a coordinator may; a scheduler of another organisation
and a colleague looking at another's calendar may not. A refusal is a 404 (or 403) that changes
nothing and records nothing as done."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from perhekeskus.accounts.models import User
from perhekeskus.appointments import actions
from perhekeskus.appointments.models import (
    AppointmentType,
    AvailabilityException,
    BookingStatus,
    CalendarFeed,
    ExceptionKind,
    ProfessionalCalendar,
    WeeklyHours,
)
from perhekeskus.appointments.tests.factories import AvailabilityExceptionFactory
from perhekeskus.appointments.tests.pro_people import (
    FAMILY_NAME,
    People,
    audited,
    booking_for,
    make_people,
)
from perhekeskus.audit.models import AuditEntry
from perhekeskus.testing.clients import logged_in_client

pytestmark = pytest.mark.django_db

BASE = "/en/pro/appointments/"
ALLOWED = ["pro", "scheduler", "coordinator"]
DENIED = ["other_scheduler", "colleague"]
REFUSED = (403, 404)


@pytest.fixture
def people(organization: Any, other_organization: Any) -> People:
    return make_people(organization, other_organization)


def as_user(people: People, who: str) -> tuple[User, Client]:
    user: User = getattr(people, who)
    return user, logged_in_client(user)


def for_pro(people: People, user: User) -> str:
    """The query that names the professional's calendar (empty for the professional)."""
    return "" if user.pk == people.pro.pk else f"?professional={people.pro.pk}"


def done_entries() -> int:
    """Audit entries of what an action does (not the reads and the logins)."""
    reads = {actions.BOOKING_VIEW.name, actions.BOOKING_LIST.name}
    return (
        AuditEntry.objects.filter(action__startswith="appointments.")
        .exclude(action__in=reads)
        .count()
    )


# --- Reading ------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ALLOWED)
def test_allowed_read_the_calendar(people: People, who: str) -> None:
    user, client = as_user(people, who)
    booking = booking_for(people)
    day = timezone.localtime(booking.starts).date().isoformat()
    query = for_pro(people, user)
    url = f"{BASE}{query}{'&' if query else '?'}date={day}"
    response = client.get(url)
    assert response.status_code == 200
    assert FAMILY_NAME in response.content.decode()
    assert audited(actions.BOOKING_LIST.name, people.pro) == 1


@pytest.mark.parametrize("who", DENIED)
def test_denied_cannot_read_the_calendar(people: People, who: str) -> None:
    _user, client = as_user(people, who)
    booking_for(people)
    response = client.get(f"{BASE}?professional={people.pro.pk}")
    assert response.status_code in REFUSED
    assert FAMILY_NAME not in response.content.decode()
    assert audited(actions.BOOKING_LIST.name) == 0


def test_a_scheduler_defaults_to_a_professional_they_manage(people: People) -> None:
    _user, client = as_user(people, "scheduler")
    content = client.get(BASE).content.decode()
    assert people.pro.full_name in content
    assert people.colleague.full_name in content  # in the choice of whose calendar


def test_the_other_scheduler_is_not_offered_this_organisations_professionals(
    people: People,
) -> None:
    _user, client = as_user(people, "other_scheduler")
    response = client.get(BASE)
    assert people.pro.full_name not in response.content.decode()


@pytest.mark.parametrize("who", ALLOWED)
def test_allowed_open_a_booking(people: People, who: str) -> None:
    _user, client = as_user(people, who)
    booking = booking_for(people)
    response = client.get(f"{BASE}bookings/{booking.pk}/")
    assert response.status_code == 200
    assert FAMILY_NAME in response.content.decode()
    assert audited(actions.BOOKING_VIEW.name, booking) == 1


@pytest.mark.parametrize("who", DENIED)
def test_denied_cannot_open_a_booking(people: People, who: str) -> None:
    _user, client = as_user(people, who)
    booking = booking_for(people)
    for path in ("", "cancel/"):
        response = client.get(f"{BASE}bookings/{booking.pk}/{path}")
        assert response.status_code == 404
        assert FAMILY_NAME not in response.content.decode()
    assert audited(actions.BOOKING_VIEW.name) == 0


@pytest.mark.parametrize("who", ALLOWED)
@pytest.mark.parametrize("page", ["availability/", "feed/"])
def test_allowed_open_the_set_up_pages(people: People, who: str, page: str) -> None:
    user, client = as_user(people, who)
    response = client.get(f"{BASE}{page}{for_pro(people, user)}")
    assert response.status_code == 200


@pytest.mark.parametrize("who", DENIED)
@pytest.mark.parametrize("page", ["availability/", "feed/"])
def test_denied_cannot_open_the_set_up_pages(people: People, who: str, page: str) -> None:
    _user, client = as_user(people, who)
    response = client.get(f"{BASE}{page}?professional={people.pro.pk}")
    assert response.status_code in REFUSED


# --- Acting on a booking ------------------------------------------------------------------------


def _past(people: People) -> Any:
    starts = (timezone.now() - dt.timedelta(hours=3)).replace(second=0, microsecond=0)
    return booking_for(people, starts=starts)


ACTIONS: dict[str, tuple[str, dict[str, str], str]] = {
    "done": ("done/", {}, BookingStatus.DONE),
    "no-show": ("no-show/", {}, BookingStatus.NO_SHOW),
    "cancel": ("cancel/", {"reason": "Sairastuin.", "confirmed": "on"}, BookingStatus.CANCELLED),
}


@pytest.mark.parametrize("who", ALLOWED)
@pytest.mark.parametrize("action", list(ACTIONS))
def test_allowed_act_on_a_booking(people: People, who: str, action: str) -> None:
    _user, client = as_user(people, who)
    booking = _past(people) if action != "cancel" else booking_for(people)
    path, data, status = ACTIONS[action]
    response = client.post(f"{BASE}bookings/{booking.pk}/{path}", data)
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == status


@pytest.mark.parametrize("who", DENIED)
@pytest.mark.parametrize("action", [*ACTIONS, "export"])
def test_denied_cannot_act_on_a_booking(people: People, who: str, action: str) -> None:
    _user, client = as_user(people, who)
    booking = _past(people) if action != "cancel" else booking_for(people)
    path, data, _status = ACTIONS.get(action, ("export/", {}, ""))
    response = client.post(f"{BASE}bookings/{booking.pk}/{path}", data)
    assert response.status_code == 404
    booking.refresh_from_db()
    assert booking.status == BookingStatus.BOOKED
    assert done_entries() == 0


# --- Hours, exceptions, feed --------------------------------------------------------------------


def _hours(professional_id: int) -> dict[str, str]:
    return {
        "professional": str(professional_id),
        "hours-TOTAL_FORMS": "1",
        "hours-INITIAL_FORMS": "0",
        "hours-MIN_NUM_FORMS": "0",
        "hours-MAX_NUM_FORMS": "1000",
        "hours-0-weekday": "3",
        "hours-0-starts": "09:00",
        "hours-0-ends": "11:00",
    }


def _exception(professional_id: int) -> dict[str, str]:
    return {
        "professional": str(professional_id),
        "exception-kind": ExceptionKind.ABSENCE,
        "exception-starts": "2027-02-01T09:00",
        "exception-ends": "2027-02-01T10:00",
    }


SET_UP: dict[str, tuple[str, Callable[[int], dict[str, str]]]] = {
    "hours": ("availability/hours/", _hours),
    "holidays": (
        "availability/settings/",
        lambda pk: {"professional": str(pk), "settings-works_on_public_holidays": "on"},
    ),
    "block": ("availability/exceptions/", _exception),
    "feed": ("feed/create/", lambda pk: {"professional": str(pk)}),
}


def _set_up_state(people: People) -> tuple[Any, ...]:
    return (
        list(
            WeeklyHours.objects.filter(professional=people.pro).values_list(
                "weekday", "starts", "ends"
            )
        ),
        ProfessionalCalendar.objects.get(professional=people.pro).works_on_public_holidays,
        AvailabilityException.objects.filter(professional=people.pro).count(),
        CalendarFeed.objects.filter(professional=people.pro).count(),
    )


@pytest.mark.parametrize("who", ALLOWED)
@pytest.mark.parametrize("change", list(SET_UP))
def test_allowed_change_the_set_up(people: People, who: str, change: str) -> None:
    _user, client = as_user(people, who)
    before = _set_up_state(people)
    path, data = SET_UP[change]
    response = client.post(f"{BASE}{path}", data(people.pro.pk))
    assert response.status_code in (200, 302)
    assert _set_up_state(people) != before


@pytest.mark.parametrize("who", DENIED)
@pytest.mark.parametrize("change", list(SET_UP))
def test_denied_cannot_change_the_set_up(people: People, who: str, change: str) -> None:
    _user, client = as_user(people, who)
    before = _set_up_state(people)
    path, data = SET_UP[change]
    response = client.post(f"{BASE}{path}", data(people.pro.pk))
    assert response.status_code in REFUSED
    assert _set_up_state(people) == before
    assert done_entries() == 0


@pytest.mark.parametrize("who", DENIED)
def test_denied_cannot_remove_blocked_time_or_revoke_the_feed(people: People, who: str) -> None:
    _user, client = as_user(people, who)
    exception = AvailabilityExceptionFactory.create(professional=people.pro)
    logged_in_client(people.pro).post(f"{BASE}feed/create/")
    before = _set_up_state(people)
    response = client.post(f"{BASE}availability/exceptions/{exception.pk}/delete/")
    assert response.status_code in REFUSED
    response = client.post(f"{BASE}feed/revoke/", {"professional": str(people.pro.pk)})
    assert response.status_code in REFUSED
    assert AvailabilityException.objects.filter(pk=exception.pk).exists()
    assert CalendarFeed.objects.filter(professional=people.pro, revoked_at__isnull=True).exists()
    assert _set_up_state(people) == before
    assert audited(actions.EXCEPTION_DELETE.name) == 0
    assert audited(actions.FEED_REVOKE.name) == 0


# --- Appointment types --------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["scheduler", "coordinator"])
def test_allowed_edit_appointment_types(people: People, who: str) -> None:
    _user, client = as_user(people, who)
    appointment_type = people.appointment_type
    assert client.get(f"{BASE}types/").status_code == 200
    assert client.get(f"{BASE}types/{appointment_type.pk}/").status_code == 200
    service = appointment_type.service
    assert client.get(f"{BASE}types/new/?service={service.pk}").status_code == 200


@pytest.mark.parametrize("who", ["other_scheduler", "colleague", "pro"])
def test_denied_cannot_edit_appointment_types(people: People, who: str) -> None:
    _user, client = as_user(people, who)
    appointment_type = people.appointment_type
    listing = client.get(f"{BASE}types/")
    assert listing.status_code == 200
    assert str(appointment_type.pk) not in listing.content.decode()
    assert client.get(f"{BASE}types/{appointment_type.pk}/").status_code == 404
    response = client.post(
        f"{BASE}types/{appointment_type.pk}/",
        {"name_fi": "Muutettu", "duration_minutes": "30", "channels": ["phone"]},
    )
    assert response.status_code == 404
    service = appointment_type.service
    assert client.get(f"{BASE}types/new/?service={service.pk}").status_code == 404
    appointment_type.refresh_from_db()
    assert appointment_type.name_fi == "Lastenvalvojan etätapaaminen"
    assert AppointmentType.objects.count() == 1
    assert done_entries() == 0


def test_an_anonymous_visitor_is_sent_to_the_login(people: People) -> None:
    booking = booking_for(people)
    for path in ("", f"bookings/{booking.pk}/", "availability/", "types/", "feed/"):
        response = Client().get(f"{BASE}{path}")
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
