import datetime as dt
import re
from io import StringIO

import pytest
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from perhekeskus.accounts.models import Profession, User
from perhekeskus.appointments import availability, selectors
from perhekeskus.appointments.models import (
    AppointmentType,
    Booking,
    BookingStatus,
    Channel,
    ProfessionalCalendar,
    WhoMayBook,
)
from perhekeskus.audit.models import AuditEntry
from perhekeskus.core.errors import NotFound
from perhekeskus.core.models import OutboxEmail
from perhekeskus.core.roles import Role
from perhekeskus.demo import appointments as demo_appointments
from perhekeskus.demo import network
from perhekeskus.demo.catalog.helpers import service_id
from perhekeskus.demo.loader import VIA
from perhekeskus.demo.management.commands.demo import Command as DemoCommand

# The demo region is loaded once per process and rolled back after each test (testing/demo.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_network")]

REMOTE = {Channel.PHONE, Channel.VIDEO}


def bookable(service_key: str) -> list[AppointmentType]:
    return selectors.appointment_types_bookable(service_id=service_id(service_key))


def professions(appointment_type: AppointmentType) -> set[str]:
    return set(appointment_type.professionals.values_list("profession", flat=True))


def next_week() -> tuple[dt.date, dt.date]:
    today = availability.helsinki_date(timezone.now())
    monday = today + dt.timedelta(days=7 - today.weekday())
    return monday, monday + dt.timedelta(days=6)


def demo_users() -> dict[str, User]:
    return {user.email.split("@")[0]: user for user in User.objects.all()}


def test_simo_books_the_custody_officer_service_counselling_and_social_workers_remotely() -> None:
    (custody,) = bookable("simo-lastenvalvoja-etaaika")
    assert set(custody.channels) == REMOTE
    assert professions(custody) == {Profession.CHILD_CUSTODY_OFFICER}
    assert custody.name_fi == "Lastenvalvojan etätapaaminen"
    assert custody.name_sv and custody.name_en and custody.description_sv
    what = custody.questions.get(position=0)
    assert what.text_fi == "Mitä asia koskee?"
    assert what.required
    assert "Elatusapu" in what.choices_fi and "Underhållsbidrag" in what.choices_sv

    (counselling,) = bookable("simo-palveluneuvonta-etaaika")
    assert set(counselling.channels) == REMOTE
    assert professions(counselling) == {Profession.SERVICE_COUNSELLOR}
    assert counselling.questions.get().text_fi == "Mistä haluaisit puhua?"

    (child_welfare,) = bookable("simo-lastensuojelu-etaaika")
    assert set(child_welfare.channels) == REMOTE
    assert professions(child_welfare) == {Profession.SOCIAL_WORKER}
    assert child_welfare.professionals.count() == 2


def test_inari_receives_by_video_and_visits_are_booked_at_places_elsewhere() -> None:
    (inari,) = bookable("inari-lastensuojelu-etavastaanotto")
    assert inari.channels == [Channel.VIDEO]
    assert inari.professionals.get().organization.name_fi.startswith("Lapin")

    for service_key, municipality in (
        ("askola-lastenneuvola", "018"),
        ("varha-perheneuvola", "853"),
    ):
        (visit,) = bookable(service_key)
        assert Channel.VISIT in visit.channels
        place = visit.locations.get()
        assert place.municipality.code == municipality


def test_the_link_only_type_is_found_only_with_its_link() -> None:
    link_only = AppointmentType.objects.get(who_may_book=WhoMayBook.LINK)
    assert link_only.link_token
    assert link_only not in bookable("simo-lastensuojelu-etaaika")
    found = selectors.appointment_type_get_bookable(
        type_id=link_only.pk, link_token=link_only.link_token
    )
    assert found == link_only
    with pytest.raises(NotFound):
        selectors.appointment_type_get_bookable(type_id=link_only.pk, link_token="guess")


def test_every_demo_type_has_free_slots_next_week_with_each_professional() -> None:
    date_from, date_to = next_week()
    types = AppointmentType.objects.filter(
        pk__in=[spec.id for spec in demo_appointments.APPOINTMENT_TYPES]
    )
    assert types.count() == len(demo_appointments.APPOINTMENT_TYPES)
    for appointment_type in types:
        slots = availability.free_slots(
            appointment_type=appointment_type, date_from=date_from, date_to=date_to
        )
        with_whom = {slot.professional_id for slot in slots}
        assert with_whom == set(appointment_type.professionals.values_list("pk", flat=True)), (
            appointment_type.name
        )
        assert all(
            date_from <= availability.helsinki_date(slot.starts) <= date_to for slot in slots
        )


def test_professionals_have_weekly_hours_and_absences_in_finnish_time() -> None:
    users = demo_users()
    custody_officer = users["lastenvalvoja"]
    assert ProfessionalCalendar.objects.filter(professional=custody_officer).exists()
    hours = {(row.weekday, row.starts, row.ends) for row in custody_officer.weekly_hours.all()}
    assert hours == {
        *((day, dt.time(9), dt.time(15)) for day in range(4)),
        (4, dt.time(9), dt.time(12)),
    }
    absence = custody_officer.availability_exceptions.get()
    starts = absence.starts.astimezone(availability.HELSINKI)
    assert (starts.weekday(), starts.time()) == (1, dt.time(8))
    for calendar in demo_appointments.CALENDARS:
        assert users[calendar.professional].weekly_hours.exists()


def test_families_have_booked_in_the_coming_days_in_finnish_and_swedish() -> None:
    now = timezone.now()
    bookings = list(Booking.objects.filter(status=BookingStatus.BOOKED))
    assert len(bookings) == len(demo_appointments.BOOKINGS)
    assert {booking.language for booking in bookings} == {"fi", "sv"}
    assert all(now < booking.starts < now + dt.timedelta(days=15) for booking in bookings)
    assert {booking.channel for booking in bookings} == {
        Channel.VISIT,
        Channel.PHONE,
        Channel.VIDEO,
    }
    visit = next(booking for booking in bookings if booking.channel == Channel.VISIT)
    assert visit.location is not None
    video = next(booking for booking in bookings if booking.channel == Channel.VIDEO)
    assert video.video_room
    names = {booking.name for booking in bookings}
    assert {"Mira Koskinen", "Johanna Lindholm"} <= names


def test_loading_the_appointments_again_changes_nothing() -> None:
    entries = AuditEntry.objects.count()
    counts = (AppointmentType.objects.count(), Booking.objects.count())
    summary = demo_appointments.load_demo_appointments(users=demo_users(), via=VIA)
    assert (summary.types_created, summary.calendars_created, summary.bookings_created) == (0, 0, 0)
    assert (AppointmentType.objects.count(), Booking.objects.count()) == counts
    assert AuditEntry.objects.count() == entries


@pytest.mark.parametrize("user", network.USERS, ids=lambda user: user.local_part)
def test_every_demo_user_logs_in_with_the_demo_password(user: network.DemoUser) -> None:
    client = Client()
    response = client.post(
        "/fi/accounts/login/", {"email": user.email, "password": network.DEMO_PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get(email=user.email).pk)


def test_the_scheduler_manages_the_calendars_of_simo_and_inari() -> None:
    users = demo_users()
    scheduler = users["ajanvaraus"]
    assert scheduler.has_role(Role.SCHEDULER)
    manageable = set(selectors.professionals_manageable_by(actor=scheduler))
    assert {users["lastenvalvoja"], users["etavastaanotto"]} <= manageable
    assert users["perheneuvola"] not in manageable


def test_the_printed_logins_say_who_receives_which_appointments() -> None:
    command = DemoCommand(stdout=StringIO())
    command.print_logins("127.0.0.1", 8000)
    printed = command.stdout.getvalue()  # type: ignore[attr-defined]
    for user in network.USERS:
        assert user.email in printed
    assert re.search(
        r"ajanvaraus@demo\.perhekeskus\.example +Aila Aikataulu: Ajanvarausten hallinnoija", printed
    )
    assert "receives appointments: Lastenvalvojan etätapaaminen" in printed


def test_the_made_up_families_get_no_e_mail_or_text_message() -> None:
    assert Booking.objects.exists()
    assert not OutboxEmail.objects.filter(kind__startswith="appointments.").exists()
    assert not DBTaskResult.objects.filter(task_path__endswith=".appointments_send_sms").exists()
