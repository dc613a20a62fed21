import datetime as dt
import re
from collections.abc import Iterator

import pytest
from django.test import Client
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from perhekeskus.accounts.models import User
from perhekeskus.audit.models import AuditEntry
from perhekeskus.catalog.models import Location
from perhekeskus.core import happenings as core_happenings
from perhekeskus.core.models import OutboxEmail
from perhekeskus.demo import events as demo_events
from perhekeskus.demo.catalog.helpers import location_id, org_id, service_id
from perhekeskus.events import happenings
from perhekeskus.events.models import (
    Event,
    EventKind,
    EventStatus,
    RegistrationMode,
    Signup,
    SignupStatus,
)

# The demo region is loaded once per process and rolled back after each test (testing/demo.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_network")]

HELSINKI = demo_events.HELSINKI


@pytest.fixture
def events_on_the_finder() -> Iterator[None]:
    """The events app's provider registered (as EventsConfig.ready does), and the registry as it
    was after the test."""
    with core_happenings.only({}):
        happenings.register()
        yield


def demo_users() -> dict[str, User]:
    return {user.email.split("@")[0]: user for user in User.objects.all()}


def top_level() -> list[Event]:
    return list(Event.objects.filter(parent__isnull=True).order_by("starts"))


def test_a_week_of_published_events_at_the_demo_meeting_places_in_three_languages() -> None:
    events = [e for e in top_level() if e.kind == EventKind.SINGLE]
    assert len(events) == len(demo_events.EVENTS)
    assert all(e.status == EventStatus.PUBLISHED for e in top_level())
    assert all(e.title_fi and e.title_sv and e.title_en for e in top_level())
    assert all(e.description_fi and e.description_sv and e.description_en for e in top_level())
    assert all(e.location is not None and e.location.is_meeting_place for e in events)
    today = timezone.now().astimezone(HELSINKI).date()
    days = {e.starts.astimezone(HELSINKI).date() for e in events}
    assert today in days
    assert max(days) - today <= dt.timedelta(days=9)
    assert len(days) >= 5
    # Drop-in, and sign-up with few seats.
    modes = {e.registration for e in events}
    assert modes == {RegistrationMode.DROP_IN, RegistrationMode.REGISTRATION}
    assert min(e.capacity or 99 for e in events) <= 6


def test_one_event_is_today_at_a_meeting_place_and_still_on() -> None:
    now = timezone.now()
    event = Event.objects.get(title_fi=demo_events.texts(demo_events.TODAY.titles)["fi"])
    assert event.starts.astimezone(HELSINKI).date() == now.astimezone(HELSINKI).date()
    assert event.ends > now
    assert event.location_id == location_id(demo_events.TODAY.place)
    assert Location.objects.get(pk=event.location_id).is_meeting_place
    assert event.registration == RegistrationMode.DROP_IN


@pytest.mark.usefixtures("events_on_the_finder")
def test_the_map_shows_todays_event_beside_the_meeting_places_hours() -> None:
    event = Event.objects.get(title_en=demo_events.texts(demo_events.TODAY.titles)["en"])
    html = Client().get("/en/map?meeting_places=1").content.decode()
    place = html[html.index(f'id="place-{event.location_id}"') :]
    place = place[: place.index("</li>\n")]
    assert "Today" in place and "Family café at the Living Room" in place
    assert f'href="/en/events/{event.pk}/"' in place
    assert "Drop in, no sign-up" in place


def test_the_baby_music_class_is_full_with_a_family_on_the_waiting_list() -> None:
    event = Event.objects.get(title_en="Baby music class")
    assert event.capacity == 6 and event.seats_taken == 6
    statuses = list(event.signups.order_by("queue_number").values_list("status", "seats"))
    assert statuses == [
        (SignupStatus.ATTENDING, 2),
        (SignupStatus.ATTENDING, 2),
        (SignupStatus.ATTENDING, 2),
        (SignupStatus.WAITLISTED, 2),
    ]
    assert event.waitlisted_count == 2
    with translation.override("en"):
        assert happenings.seats_text(event, now=timezone.now()) == "Full, waiting list open"


def test_three_peer_groups_with_facilitators_and_applications() -> None:
    users = demo_users()
    groups = list(Event.objects.filter(is_peer_group=True).order_by("title_fi"))
    assert len(groups) == 3
    titles = " ".join(group.title_fi for group in groups)
    for word in ("Eroperheiden", "Isäryhmä", "Erityislasten"):
        assert word in titles
    for group in groups:
        assert group.kind == EventKind.SERIES
        assert group.registration == RegistrationMode.APPLICATION
        assert group.facilitator in {
            users["varhainentuki"],
            users["yhdistys"],
            users["perhetyontekija"],
        }
        assert group.rule is not None
        assert group.children.filter(kind=EventKind.OCCURRENCE).count() >= 5
        assert group.signups.exists()
    signups = Signup.objects.filter(event__is_peer_group=True)
    assert signups.filter(status=SignupStatus.APPLIED).count() >= 2
    assert signups.filter(status=SignupStatus.ATTENDING).count() == 2  # approved by facilitators
    assert any(group.allow_pseudonyms for group in groups)


def test_a_family_center_forum_with_sessions() -> None:
    forum = Event.objects.get(is_forum=True)
    assert forum.kind == EventKind.UMBRELLA
    assert forum.organization_id == org_id("varha")
    sessions = list(forum.children.order_by("starts"))
    assert 2 <= len(sessions) <= 3
    assert all(s.kind == EventKind.SESSION and s.status == EventStatus.PUBLISHED for s in sessions)
    assert all(forum.starts <= s.starts and s.ends <= forum.ends for s in sessions)
    assert any(s.registration == RegistrationMode.REGISTRATION for s in sessions)


def test_a_recurring_event_has_its_occurrences() -> None:
    series = Event.objects.get(kind=EventKind.SERIES, is_peer_group=False)
    occurrences = series.children.filter(kind=EventKind.OCCURRENCE)
    assert occurrences.count() == 6  # Tuesdays and Thursdays for three weeks
    assert {o.starts.astimezone(HELSINKI).time() for o in occurrences} == {dt.time(10)}


@pytest.mark.usefixtures("events_on_the_finder")
def test_a_service_card_and_an_organisation_page_list_their_events() -> None:
    card = Client().get(f"/fi/services/{service_id('askola-perhekerho')}").content.decode()
    assert "Tulevat tapahtumat" in card and "Vauvamuskari" in card
    assert f"/fi/events/?service={service_id('askola-perhekerho')}" in card
    page = Client().get(f"/en/organizations/{org_id('mll-askola')}").content.decode()
    # The fathers' group and today's café of MLL Askola; a series once, by its next meeting.
    assert "Family café at the Living Room" in page and "Fathers&#x27; group" in page
    assert page.count("Fathers&#x27; group") == 1
    assert f"/en/events/?organization={org_id('mll-askola')}" in page


def test_the_made_up_families_get_no_e_mail_or_text_message() -> None:
    assert Signup.objects.exists()
    assert not OutboxEmail.objects.filter(kind__startswith="events.").exists()
    assert not DBTaskResult.objects.filter(task_path__endswith=".events_send_sms").exists()


def test_loading_the_events_again_changes_nothing() -> None:
    entries = AuditEntry.objects.count()
    counts = (Event.objects.count(), Signup.objects.count())
    summary = demo_events.load_demo_events(users=demo_users())
    assert (summary.events_created, summary.signups_created) == (0, 0)
    assert (Event.objects.count(), Signup.objects.count()) == counts
    assert AuditEntry.objects.count() == entries


def test_the_todays_event_runs_from_the_hour_of_loading_and_ends_by_midnight() -> None:
    morning = dt.datetime(2026, 12, 7, 7, 40, tzinfo=HELSINKI)
    assert demo_events.today_span(morning) == (
        dt.datetime(2026, 12, 7, 9, 0, tzinfo=HELSINKI),
        dt.datetime(2026, 12, 7, 12, 0, tzinfo=HELSINKI),
    )
    late = dt.datetime(2026, 12, 7, 22, 15, tzinfo=HELSINKI)
    assert demo_events.today_span(late) == (
        dt.datetime(2026, 12, 7, 22, 0, tzinfo=HELSINKI),
        dt.datetime(2026, 12, 8, 0, 0, tzinfo=HELSINKI),
    )
    assert re.fullmatch(r"\d+", str(demo_events.working_day(dt.date(2026, 12, 4), 1).day))
    assert demo_events.working_day(dt.date(2026, 12, 4), 1) == dt.date(2026, 12, 7)  # Fri → Mon
