"""The organiser's event pages over HTTP: each page for those allowed (the organisation's editor,
a coordinator, a peer group's facilitator where it applies) and refused to the others (another
organisation's editor gets a 404 that changes and records nothing; an anonymous visitor is sent to
log in); creating events of each kind with Finnish dates, errors that keep the input, one
occurrence or the whole series, publishing and cancelling in two steps, the participant list and
its CSV export, attendance, applications, messages and a forum's topics and summary."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from perhekeskus.accounts.models import User
from perhekeskus.audit.models import AuditEntry
from perhekeskus.catalog.models import Location, Organization
from perhekeskus.core import dashboard
from perhekeskus.core.roles import Role
from perhekeskus.events import actions
from perhekeskus.events.models import (
    Attendance,
    Event,
    EventKind,
    EventMessage,
    EventStatus,
    ForumTopic,
    Question,
    RegistrationMode,
    Signup,
    SignupStatus,
)
from perhekeskus.events.services import ParticipantInput, SignupInput, signup_create
from perhekeskus.events.tests import helpers
from perhekeskus.events.tests.helpers import NOW, START
from perhekeskus.events.views.pro.cards import register_cards
from perhekeskus.testing.clients import logged_in_client
from perhekeskus.testing.factories import (
    MunicipalityFactory,
    UserFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]

BASE = "/en/pro/events/"
FAMILY = "Maija Meikäläinen"


@pytest.fixture
def other_editor(other_organization: Organization) -> User:
    return UserFactory.create(
        email="other.editor@example.org",
        organization=other_organization,
        roles=[Role.ORGANIZATION_EDITOR, Role.PROFESSIONAL],
    )


@pytest.fixture
def facilitator(other_organization: Organization) -> User:
    """A professional of another organisation who facilitates a peer group."""
    return UserFactory.create(
        email="fasilitaattori@example.org",
        full_name="Fanni Fasilitaattori",
        organization=other_organization,
        roles=[Role.PROFESSIONAL],
    )


def make_event(organization: Organization, **fields: Any) -> Event:
    """The events' shared `make_event` of `organization`, its title the same in every language
    (so that each page shows it)."""
    if "title" in fields:
        for code in ("fi", "sv", "en"):
            fields.setdefault(f"title_{code}", fields["title"])
    return helpers.make_event(organization=organization, **fields)


def sign_up(event: Event, *, name: str = FAMILY, phone: str = "", persons: int = 1) -> Signup:
    data = SignupInput(
        name=name,
        email="maija@example.org",
        phone=phone,
        language="fi",
        participants=[ParticipantInput(f"Lapsi {i}", 3) for i in range(persons)],
        answers={},
    )
    return signup_create(event_id=event.pk, data=data, now=NOW - dt.timedelta(days=2)).signup


def audited(action: Any, event: Event | None = None) -> int:
    entries = AuditEntry.objects.filter(action=action.name)
    if event is not None:
        entries = entries.filter(target_id=str(event.pk))
    return entries.count()


def done_entries() -> int:
    """Audit entries of what an action did (not the reads)."""
    reads = {actions.PARTICIPANTS_VIEW.name, actions.TOPICS_VIEW.name}
    return AuditEntry.objects.filter(action__startswith="events.").exclude(action__in=reads).count()


def event_form(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title_fi": "Vauvamuskari",
        "title_sv": "Babymusik",
        "title_en": "Baby music",
        "description_fi": "Laulua ja loruja.",
        "day": "24.3.2027",
        "start_time": "9.30",
        "end_time": "11.00",
        "languages": ["fi"],
        "is_free": "on",
        "registration": RegistrationMode.REGISTRATION,
        "capacity": "12",
        "max_group_size": "4",
        "questions-TOTAL_FORMS": "1",
        "questions-INITIAL_FORMS": "0",
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "20",
        "questions-0-text_fi": "",
        "questions-0-kind": "text",
    }
    data.update(overrides)
    return data


def series_form(place: Location, **overrides: Any) -> dict[str, Any]:
    """A recurring event at `place` on Tuesdays 9.30–11 through March 2027."""
    rule = {
        "weekdays": ["1"],
        "starts_at": "9.30",
        "ends_at": "11",
        "first_date": "2.3.2027",
        "last_date": "30.3.2027",
    }
    return event_form(location=str(place.pk), **{**rule, **overrides})


def assert_login_redirect(response: Any) -> None:
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


# --- The list -----------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["editor", "coordinator"])
def test_allowed_see_the_organisations_events(
    request: pytest.FixtureRequest, organization: Organization, who: str
) -> None:
    make_event(organization, title="Vauvamuskari")
    client = logged_in_client(request.getfixturevalue(who))
    response = client.get(BASE)
    assert response.status_code == 200
    assert "Vauvamuskari" in response.content.decode()


def test_another_organisations_editor_does_not_see_the_events(
    organization: Organization, other_editor: User
) -> None:
    make_event(organization, title="Vauvamuskari")
    response = logged_in_client(other_editor).get(BASE)
    assert response.status_code == 200
    assert "Vauvamuskari" not in response.content.decode()


def test_anonymous_is_sent_to_log_in() -> None:
    assert_login_redirect(Client().get(BASE))


def test_the_list_filters_upcoming_past_and_drafts(
    organization: Organization, editor: User
) -> None:
    make_event(organization, title="Tuleva")
    make_event(organization, title="Mennyt", starts=NOW - dt.timedelta(days=3))
    make_event(organization, title="Luonnos", status=EventStatus.DRAFT)
    client = logged_in_client(editor)
    upcoming = client.get(BASE).content.decode()
    past = client.get(f"{BASE}?show=past").content.decode()
    drafts = client.get(f"{BASE}?show=drafts").content.decode()
    assert "Tuleva" in upcoming and "Mennyt" not in upcoming and "Luonnos" not in upcoming
    assert "Mennyt" in past and "Tuleva" not in past
    assert "Luonnos" in drafts and "Tuleva" not in drafts


def test_the_list_is_upcoming_first_and_shows_a_series_with_its_dates(
    organization: Organization, editor: User
) -> None:
    make_event(organization, title="Myöhempi", starts=START + dt.timedelta(days=5))
    make_event(organization, title="Aikaisempi")
    series = make_event(organization, title="Perhekahvila", kind=EventKind.SERIES)
    make_event(organization, kind=EventKind.OCCURRENCE, parent=series, title="Perhekahvila")
    content = logged_in_client(editor).get(BASE).content.decode()
    assert content.index("Aikaisempi") < content.index("Myöhempi")
    assert "2.3.2027 at 10.00" in content  # the occurrence under its series


def test_the_list_is_paginated_and_says_when_it_is_empty(
    organization: Organization, editor: User
) -> None:
    client = logged_in_client(editor)
    assert "No upcoming events." in client.get(BASE).content.decode()
    for index in range(26):
        make_event(
            organization,
            title=f"Tapahtuma {index:02d}",
            starts=START + dt.timedelta(minutes=index),
        )
    first = client.get(BASE).content.decode()
    second = client.get(f"{BASE}?show=upcoming&page=2").content.decode()
    assert "Page 1 of 2" in first
    assert "Tapahtuma 25" in second and "Tapahtuma 25" not in first


def test_a_bad_filter_is_a_400(editor: User) -> None:
    assert logged_in_client(editor).get(f"{BASE}?show=everything").status_code == 400


# --- One event ----------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["editor", "coordinator"])
def test_allowed_open_an_event(
    request: pytest.FixtureRequest, organization: Organization, who: str
) -> None:
    event = make_event(organization, title="Vauvamuskari")
    response = logged_in_client(request.getfixturevalue(who)).get(f"{BASE}{event.pk}/")
    assert response.status_code == 200
    assert "Vauvamuskari" in response.content.decode()


def test_another_organisations_editor_cannot_open_an_event(
    organization: Organization, other_editor: User
) -> None:
    event = make_event(organization)
    assert logged_in_client(other_editor).get(f"{BASE}{event.pk}/").status_code == 404
    assert_login_redirect(Client().get(f"{BASE}{event.pk}/"))


def test_an_occurrence_offers_this_date_or_the_whole_series(
    organization: Organization, editor: User
) -> None:
    series = make_event(organization, kind=EventKind.SERIES)
    occurrence = make_event(organization, kind=EventKind.OCCURRENCE, parent=series)
    content = logged_in_client(editor).get(f"{BASE}{occurrence.pk}/").content.decode()
    assert f'href="{BASE}{occurrence.pk}/edit/"' in content
    assert f'href="{BASE}{series.pk}/edit/"' in content
    assert "Change only this date" in content and "Change the whole recurring event" in content


# --- Creating and changing ----------------------------------------------------------------------


def test_a_new_event_starts_with_the_choice_of_kind(editor: User) -> None:
    content = logged_in_client(editor).get(f"{BASE}new/").content.decode()
    assert "Peer group" in content and "Family center forum" in content


def test_an_editor_creates_a_one_off_event_as_a_draft(
    organization: Organization, editor: User, place: Location
) -> None:
    client = logged_in_client(editor)
    url = f"{BASE}new/?organization={organization.pk}&kind=single"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        event_form(
            location=str(place.pk),
            tasks=["1", "8"],
            languages=["fi", "sv"],
            **{"questions-0-text_fi": "Allergiat?", "questions-0-required": "on"},
        ),
    )
    event = Event.objects.get(title_fi="Vauvamuskari")
    assert response.status_code == 302
    assert response["Location"] == f"{BASE}{event.pk}/"
    assert event.status == EventStatus.DRAFT
    assert event.kind == EventKind.SINGLE
    assert timezone.localtime(event.starts).strftime("%d.%m.%Y %H:%M") == "24.03.2027 09:30"
    assert Event.objects.filter(pk=event.pk, title_sv="Babymusik").exists()
    assert event.languages == ",fi,sv,"
    assert event.tasks == ",1,8,"
    assert event.location == place
    assert event.capacity == 12
    question = Question.objects.get(event=event)
    assert question.required
    assert Question.objects.filter(pk=question.pk, text_fi="Allergiat?").exists()
    assert audited(actions.EVENT_CREATE, event) == 1


def test_another_organisations_editor_cannot_create_for_the_organisation(
    organization: Organization, other_editor: User, place: Location
) -> None:
    client = logged_in_client(other_editor)
    url = f"{BASE}new/?organization={organization.pk}&kind=single"
    assert client.get(url).status_code == 400  # not an organisation they may choose
    assert client.post(url, event_form(location=str(place.pk))).status_code == 404
    assert not Event.objects.exists()
    assert done_entries() == 0


def test_a_professional_without_the_editor_role_cannot_create(
    organization: Organization, professional: User
) -> None:
    content = logged_in_client(professional).get(f"{BASE}new/").content.decode()
    assert "You cannot create events" in content


def test_form_errors_are_summarised_and_keep_the_input(
    organization: Organization, editor: User, place: Location
) -> None:
    url = f"{BASE}new/?organization={organization.pk}&kind=single"
    response = logged_in_client(editor).post(
        url, event_form(location=str(place.pk), day="31.2.2027", end_time="8.00")
    )
    content = response.content.decode()
    assert response.status_code == 400
    assert 'id="error-summary"' in content and "data-error-summary" in content
    assert "Write the date as d.m.yyyy" in content
    assert 'href="#id_day"' in content
    assert 'value="Babymusik"' in content and 'value="31.2.2027"' in content
    assert not Event.objects.exists()


def test_a_questions_error_is_in_the_summary_with_its_link(
    organization: Organization, editor: User, place: Location
) -> None:
    url = f"{BASE}new/?organization={organization.pk}&kind=single"
    form = event_form(location=str(place.pk))
    form.update({"questions-0-text_fi": "Ruokavalio", "questions-0-kind": "choice"})
    form["questions-0-choices_fi"] = "Vain yksi"
    response = logged_in_client(editor).post(url, form)
    content = response.content.decode()
    assert response.status_code == 400
    assert 'href="#id_questions-0-choices_fi"' in content
    assert "Question 1, Choices in Finnish, one a line" in content
    assert "Vain yksi" in content
    assert not Event.objects.exists()


def test_the_services_refusal_is_said_at_its_field(
    organization: Organization, editor: User, place: Location
) -> None:
    """Sign-up without seats is refused by the service; the form keeps what was typed."""
    url = f"{BASE}new/?organization={organization.pk}&kind=single"
    response = logged_in_client(editor).post(url, event_form(location=str(place.pk), capacity=""))
    assert response.status_code == 400
    content = response.content.decode()
    assert "Give the number of seats" in content
    assert 'href="#id_capacity"' in content
    assert not Event.objects.exists()


def test_an_editor_creates_a_recurring_event_with_exceptions(
    organization: Organization, editor: User, place: Location
) -> None:
    url = f"{BASE}new/?organization={organization.pk}&kind=series"
    form = series_form(place, interval_weeks="1", exceptions="16.3.2027\n")
    response = logged_in_client(editor).post(url, form)
    assert response.status_code == 302
    series = Event.objects.get(kind=EventKind.SERIES)
    days = [
        timezone.localtime(o.starts).strftime("%d.%m. %H.%M")
        for o in series.children.order_by("starts")
    ]
    # Tuesdays 2, 9, 23 and 30 March; 30 March is summer time and still 9.30.
    assert days == ["02.03. 09.30", "09.03. 09.30", "23.03. 09.30", "30.03. 09.30"]


def test_a_rule_with_a_bad_exception_line_keeps_the_input(
    organization: Organization, editor: User, place: Location
) -> None:
    url = f"{BASE}new/?organization={organization.pk}&kind=series"
    form = series_form(place, exceptions="pääsiäinen")
    response = logged_in_client(editor).post(url, form)
    assert response.status_code == 400
    assert "pääsiäinen" in response.content.decode()
    assert not Event.objects.exists()


def test_a_peer_group_takes_applications_and_has_a_facilitator(
    organization: Organization, editor: User, place: Location, facilitator: User
) -> None:
    url = f"{BASE}new/?organization={organization.pk}&kind=peer_group"
    form = series_form(
        place,
        weekdays=["2"],
        starts_at="18",
        ends_at="19.30",
        first_date="3.3.2027",
        last_date="28.4.2027",
        interval_weeks="2",
        facilitator=str(facilitator.pk),
        allow_pseudonyms="on",
        registration=RegistrationMode.DROP_IN,  # ignored: a peer group takes applications
    )
    response = logged_in_client(editor).post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    group = Event.objects.get(kind=EventKind.SERIES)
    assert group.is_peer_group and group.allow_pseudonyms
    assert group.registration == RegistrationMode.APPLICATION
    assert group.facilitator == facilitator
    assert group.children.count() == 5  # every second Wednesday from 3.3. to 28.4.


def test_an_online_event_needs_its_address_and_municipality(
    organization: Organization, editor: User
) -> None:
    municipality = MunicipalityFactory.create(code="018", name="Askola")
    client = logged_in_client(editor)
    url = f"{BASE}new/?organization={organization.pk}&kind=single"
    refused = client.post(url, event_form(is_online="on"))
    assert refused.status_code == 400
    assert "Give the address of the online meeting." in refused.content.decode()
    response = client.post(
        url,
        event_form(
            is_online="on", online_url="https://meet.example.org/abc", municipality=municipality.pk
        ),
    )
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.is_online and event.municipality == municipality and event.location is None


def test_a_session_is_added_to_an_event_with_sessions(
    organization: Organization, editor: User, place: Location
) -> None:
    forum = make_event(
        organization,
        kind=EventKind.UMBRELLA,
        is_forum=True,
        registration=RegistrationMode.DROP_IN,
        capacity=None,
        starts=dt.datetime(2027, 3, 24, 7, 0, tzinfo=dt.UTC),
        ends=dt.datetime(2027, 3, 24, 14, 0, tzinfo=dt.UTC),
    )
    client = logged_in_client(editor)
    detail = client.get(f"{BASE}{forum.pk}/").content.decode()
    assert f"{BASE}new/?parent={forum.pk}" in detail
    url = f"{BASE}new/?parent={forum.pk}"
    assert client.get(url).status_code == 200
    response = client.post(url, event_form(location=str(place.pk)))
    assert response.status_code == 302
    session = Event.objects.get(kind=EventKind.SESSION)
    assert session.parent == forum


def test_another_organisations_editor_cannot_add_a_session(
    organization: Organization, other_editor: User
) -> None:
    umbrella = make_event(organization, kind=EventKind.UMBRELLA)
    assert logged_in_client(other_editor).get(f"{BASE}new/?parent={umbrella.pk}").status_code == 404


def test_editing_one_occurrence_detaches_it(
    organization: Organization, editor: User, place: Location
) -> None:
    series = make_event(organization, kind=EventKind.SERIES, location=place)
    occurrence = make_event(organization, kind=EventKind.OCCURRENCE, parent=series, location=place)
    client = logged_in_client(editor)
    page = client.get(f"{BASE}{occurrence.pk}/edit/")
    content = page.content.decode()
    assert page.status_code == 200
    assert 'value="2.3.2027"' in content and 'value="10.00"' in content
    assert "You are changing only the occurrence" in content
    form = event_form(location=str(place.pk), day="2.3.2027", start_time="10", end_time="13")
    for key in [k for k in form if k.startswith("questions-")]:
        del form[key]
    response = client.post(f"{BASE}{occurrence.pk}/edit/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    occurrence.refresh_from_db()
    assert occurrence.detached
    assert timezone.localtime(occurrence.ends).hour == 13


def test_another_organisations_editor_cannot_edit(
    organization: Organization, other_editor: User, place: Location
) -> None:
    event = make_event(organization, title="Vauvamuskari")
    client = logged_in_client(other_editor)
    assert client.get(f"{BASE}{event.pk}/edit/").status_code == 404
    response = client.post(f"{BASE}{event.pk}/edit/", event_form(location=str(place.pk)))
    assert response.status_code == 404
    event.refresh_from_db()
    assert event.title == "Vauvamuskari"
    assert done_entries() == 0


# --- Publishing and cancelling ------------------------------------------------------------------


def test_an_editor_publishes_a_draft(organization: Organization, editor: User) -> None:
    event = make_event(organization, status=EventStatus.DRAFT)
    response = logged_in_client(editor).post(f"{BASE}{event.pk}/publish/")
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED
    assert audited(actions.EVENT_PUBLISH, event) == 1


def test_another_organisations_editor_cannot_publish(
    organization: Organization, other_editor: User
) -> None:
    event = make_event(organization, status=EventStatus.DRAFT)
    assert logged_in_client(other_editor).post(f"{BASE}{event.pk}/publish/").status_code == 404
    event.refresh_from_db()
    assert event.status == EventStatus.DRAFT
    assert done_entries() == 0


def test_cancelling_asks_to_confirm_first(organization: Organization, coordinator: User) -> None:
    event = make_event(organization)
    sign_up(event)
    client = logged_in_client(coordinator)
    assert client.get(f"{BASE}{event.pk}/cancel/").status_code == 200
    first = client.post(f"{BASE}{event.pk}/cancel/", {"reason": "Ohjaaja sairastui."})
    assert first.status_code == 200
    assert "Check and confirm" in first.content.decode()
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED
    back = client.post(f"{BASE}{event.pk}/cancel/", {"reason": "Ohjaaja sairastui.", "edit": "1"})
    assert "Check and confirm" not in back.content.decode()
    assert "Ohjaaja sairastui." in back.content.decode()
    second = client.post(
        f"{BASE}{event.pk}/cancel/", {"reason": "Ohjaaja sairastui.", "confirmed": "on"}
    )
    assert second.status_code == 302
    event.refresh_from_db()
    assert event.status == EventStatus.CANCELLED
    entry = AuditEntry.objects.get(action=actions.EVENT_CANCEL.name)
    assert entry.reason == "Ohjaaja sairastui."


def test_another_organisations_editor_cannot_cancel(
    organization: Organization, other_editor: User
) -> None:
    event = make_event(organization)
    response = logged_in_client(other_editor).post(
        f"{BASE}{event.pk}/cancel/", {"reason": "", "confirmed": "on"}
    )
    assert response.status_code == 404
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED
    assert done_entries() == 0


# --- Participants -------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["editor", "coordinator"])
def test_allowed_see_the_participants_and_the_read_is_audited(
    request: pytest.FixtureRequest, organization: Organization, who: str
) -> None:
    event = make_event(organization, capacity=1)
    sign_up(event)
    sign_up(event, name="Jonottaja Perhe")
    response = logged_in_client(request.getfixturevalue(who)).get(f"{BASE}{event.pk}/participants/")
    content = response.content.decode()
    assert response.status_code == 200
    assert FAMILY in content and "Jonottaja Perhe" in content
    assert "1. in the queue" in content
    assert audited(actions.PARTICIPANTS_VIEW, event) == 1


def test_another_organisations_editor_cannot_see_the_participants(
    organization: Organization, other_editor: User
) -> None:
    event = make_event(organization)
    sign_up(event)
    response = logged_in_client(other_editor).get(f"{BASE}{event.pk}/participants/")
    assert response.status_code == 404
    assert FAMILY not in response.content.decode()
    assert audited(actions.PARTICIPANTS_VIEW) == 0
    assert_login_redirect(Client().get(f"{BASE}{event.pk}/participants/"))


def _rows(response: Any) -> list[list[str]]:
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    return list(csv.reader(io.StringIO(content[1:]), delimiter=";"))


def test_the_export_is_a_csv_for_excel_without_formulas(
    organization: Organization, editor: User
) -> None:
    event = make_event(organization)
    sign_up(event, name='=HYPERLINK("http://evil.example","x")', phone="+358401234567")
    sign_up(event, name="@SUM(A1)", persons=2)
    response = logged_in_client(editor).post(f"{BASE}{event.pk}/participants.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = _rows(response)
    assert rows[0][:4] == ["Status", "Waiting list position", "Offered until", "Contact person"]
    by_name = {row[3]: row for row in rows[1:]}
    assert set(by_name) == {'\'=HYPERLINK("http://evil.example","x")', "'@SUM(A1)"}
    assert by_name['\'=HYPERLINK("http://evil.example","x")'][5] == "'+358401234567"
    assert by_name["'@SUM(A1)"][7] == "2"
    assert "Lapsi 0 (3); Lapsi 1 (3)" in by_name["'@SUM(A1)"]
    assert audited(actions.PARTICIPANTS_EXPORT, event) == 1


def test_the_export_is_a_post_and_refused_to_others(
    organization: Organization, editor: User, other_editor: User
) -> None:
    event = make_event(organization)
    sign_up(event)
    assert logged_in_client(editor).get(f"{BASE}{event.pk}/participants.csv").status_code == 405
    response = logged_in_client(other_editor).post(f"{BASE}{event.pk}/participants.csv")
    assert response.status_code == 404
    assert FAMILY not in response.content.decode()
    assert audited(actions.PARTICIPANTS_EXPORT) == 0


# --- Peer groups: applications and attendance per session ---------------------------------------


def _peer_group(organization: Organization, facilitator: User) -> tuple[Event, Event]:
    group = make_event(
        organization,
        kind=EventKind.SERIES,
        title="Eroperheiden vertaisryhmä",
        is_peer_group=True,
        registration=RegistrationMode.APPLICATION,
        facilitator=facilitator,
        capacity=8,
        starts=NOW - dt.timedelta(hours=1),
        ends=NOW + dt.timedelta(days=30),
    )
    session = make_event(
        organization,
        kind=EventKind.OCCURRENCE,
        parent=group,
        registration=RegistrationMode.DROP_IN,
        capacity=None,
        starts=NOW - dt.timedelta(hours=1),
        ends=NOW + dt.timedelta(hours=1),
    )
    return group, session


def test_the_facilitator_approves_an_application(
    organization: Organization, facilitator: User
) -> None:
    group, _session = _peer_group(organization, facilitator)
    signup = sign_up(group)
    assert signup.status == SignupStatus.APPLIED
    client = logged_in_client(facilitator)
    listing = client.get(BASE).content.decode()
    assert f"{BASE}{group.pk}/participants/" in listing
    page = client.get(f"{BASE}{group.pk}/participants/").content.decode()
    assert f"{BASE}applications/{signup.pk}/approve/" in page
    response = client.post(f"{BASE}applications/{signup.pk}/approve/", {"event": str(group.pk)})
    assert response.status_code == 302
    assert response["Location"] == f"{BASE}{group.pk}/participants/"
    signup.refresh_from_db()
    assert signup.status == SignupStatus.ATTENDING


def test_another_organisations_editor_cannot_decide_an_application(
    organization: Organization, facilitator: User, other_editor: User
) -> None:
    group, _session = _peer_group(organization, facilitator)
    signup = sign_up(group)
    client = logged_in_client(other_editor)
    assert client.post(f"{BASE}applications/{signup.pk}/decline/").status_code == 404
    assert client.post(f"{BASE}applications/{signup.pk}/maybe/").status_code == 404
    signup.refresh_from_db()
    assert signup.status == SignupStatus.APPLIED


def test_the_facilitator_marks_attendance_per_session(
    organization: Organization, facilitator: User, editor: User
) -> None:
    group, session = _peer_group(organization, facilitator)
    signup = sign_up(group, persons=2)
    client = logged_in_client(editor)
    client.post(f"{BASE}applications/{signup.pk}/approve/")
    first, second = signup.participants.order_by("position")
    page = logged_in_client(facilitator).get(f"{BASE}{group.pk}/attendance/").content.decode()
    assert f"{BASE}{session.pk}/attendance/" in page  # the group's page lists its sessions
    form = logged_in_client(facilitator).get(f"{BASE}{session.pk}/attendance/").content.decode()
    assert f'name="p{first.pk}"' in form
    response = logged_in_client(facilitator).post(
        f"{BASE}{session.pk}/attendance/", {f"p{first.pk}": "present", f"p{second.pk}": "absent"}
    )
    assert response.status_code == 302
    marks = dict(Attendance.objects.filter(event=session).values_list("participant_id", "present"))
    assert marks == {first.pk: True, second.pk: False}
    again = logged_in_client(facilitator).get(f"{BASE}{session.pk}/attendance/").content.decode()
    assert re.search(rf'name="p{first.pk}" value="present"[^>]*checked', again)
    assert re.search(rf'name="p{second.pk}" value="absent"[^>]*checked', again)


def test_another_organisations_editor_cannot_mark_attendance(
    organization: Organization, other_editor: User
) -> None:
    event = make_event(organization, starts=NOW - dt.timedelta(minutes=30))
    signup = sign_up(event)
    participant = signup.participants.get()
    client = logged_in_client(other_editor)
    assert client.get(f"{BASE}{event.pk}/attendance/").status_code == 404
    response = client.post(f"{BASE}{event.pk}/attendance/", {f"p{participant.pk}": "present"})
    assert response.status_code == 404
    assert not Attendance.objects.exists()


def test_attendance_waits_for_the_day_of_the_event(
    organization: Organization, editor: User
) -> None:
    event = make_event(organization)  # tomorrow
    sign_up(event)
    content = logged_in_client(editor).get(f"{BASE}{event.pk}/attendance/").content.decode()
    assert "from the day of the event on" in content


def test_the_facilitator_sees_the_groups_participants_but_cannot_change_the_group(
    organization: Organization, facilitator: User
) -> None:
    group, session = _peer_group(organization, facilitator)
    sign_up(group)
    client = logged_in_client(facilitator)
    response = client.get(f"{BASE}{group.pk}/participants/")
    assert response.status_code == 200
    assert FAMILY in response.content.decode()
    assert audited(actions.PARTICIPANTS_VIEW, group) == 1
    assert client.get(f"{BASE}{group.pk}/").status_code == 404
    assert client.get(f"{BASE}{group.pk}/edit/").status_code == 404
    assert client.post(f"{BASE}{session.pk}/cancel/", {"confirmed": "on"}).status_code == 404
    session.refresh_from_db()
    assert session.status == EventStatus.PUBLISHED


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "new/"),
        ("get", "{event}/edit/"),
        ("post", "{event}/publish/"),
        ("get", "{event}/cancel/"),
        ("post", "{event}/participants.csv"),
        ("get", "{event}/attendance/"),
        ("get", "{event}/message/"),
        ("get", "{event}/topics/"),
        ("get", "{event}/summary/"),
        ("post", "applications/{signup}/approve/"),
    ],
)
def test_every_page_sends_an_anonymous_visitor_to_log_in(
    organization: Organization, method: str, path: str
) -> None:
    event = make_event(organization, status=EventStatus.DRAFT)
    signup = sign_up(make_event(organization))
    url = BASE + path.format(event=event.pk, signup=signup.pk)
    assert_login_redirect(getattr(Client(), method)(url))
    event.refresh_from_db()
    assert event.status == EventStatus.DRAFT
    assert audited(actions.PARTICIPANTS_EXPORT) == 0


# --- Messages -----------------------------------------------------------------------------------


def test_an_editor_messages_those_attending(organization: Organization, editor: User) -> None:
    event = make_event(organization)
    sign_up(event)
    client = logged_in_client(editor)
    assert client.get(f"{BASE}{event.pk}/message/").status_code == 200
    response = client.post(
        f"{BASE}{event.pk}/message/",
        {
            "audience": "attending",
            "subject": "Muutos",
            "body": "Kokoonnumme salissa 2.",
            "send_sms": "on",
        },
    )
    assert response.status_code == 302
    message = EventMessage.objects.get()
    assert message.audience == "attending" and message.send_sms and message.recipient_count == 1
    assert audited(actions.MESSAGE_SEND) == 1


def test_a_message_with_errors_keeps_the_text(organization: Organization, editor: User) -> None:
    event = make_event(organization)
    sign_up(event)
    response = logged_in_client(editor).post(
        f"{BASE}{event.pk}/message/", {"audience": "attending", "subject": "", "body": "Tärkeää"}
    )
    assert response.status_code == 400
    assert "Tärkeää" in response.content.decode()
    assert not EventMessage.objects.exists()


def test_another_organisations_editor_cannot_message(
    organization: Organization, other_editor: User
) -> None:
    event = make_event(organization)
    sign_up(event)
    client = logged_in_client(other_editor)
    assert client.get(f"{BASE}{event.pk}/message/").status_code == 404
    response = client.post(
        f"{BASE}{event.pk}/message/", {"audience": "all", "subject": "Hei", "body": "Hei"}
    )
    assert response.status_code == 404
    assert not EventMessage.objects.exists()


# --- Forum --------------------------------------------------------------------------------------


def _forum(organization: Organization, **fields: Any) -> Event:
    return make_event(
        organization,
        kind=EventKind.UMBRELLA,
        is_forum=True,
        registration=RegistrationMode.DROP_IN,
        capacity=None,
        **fields,
    )


def test_an_editor_reads_the_topics_and_the_read_is_audited(
    organization: Organization, editor: User
) -> None:
    forum = _forum(organization)
    ForumTopic.objects.create(event=forum, text="Neuvolan aukioloajat", language="fi")
    response = logged_in_client(editor).get(f"{BASE}{forum.pk}/topics/")
    assert response.status_code == 200
    assert "Neuvolan aukioloajat" in response.content.decode()
    assert audited(actions.TOPICS_VIEW, forum) == 1


def test_another_organisations_editor_cannot_read_the_topics(
    organization: Organization, other_editor: User
) -> None:
    forum = _forum(organization)
    ForumTopic.objects.create(event=forum, text="Neuvolan aukioloajat", language="fi")
    response = logged_in_client(other_editor).get(f"{BASE}{forum.pk}/topics/")
    assert response.status_code == 404
    assert "Neuvolan" not in response.content.decode()
    assert audited(actions.TOPICS_VIEW) == 0


def test_an_editor_publishes_the_summary_after_the_forum(
    organization: Organization, editor: User
) -> None:
    forum = _forum(organization, starts=NOW - dt.timedelta(days=2))
    client = logged_in_client(editor)
    assert client.get(f"{BASE}{forum.pk}/summary/").status_code == 200
    response = client.post(
        f"{BASE}{forum.pk}/summary/",
        {"summary_fi": "Keskustelimme neuvolasta.", "summary_sv": "Vi diskuterade."},
    )
    assert response.status_code == 302
    forum.refresh_from_db()
    assert Event.objects.filter(pk=forum.pk, summary_fi="Keskustelimme neuvolasta.").exists()
    assert forum.summary_published_at is not None


def test_only_a_forum_has_a_summary(organization: Organization, editor: User) -> None:
    event = make_event(organization, starts=NOW - dt.timedelta(days=2))
    client = logged_in_client(editor)
    assert client.get(f"{BASE}{event.pk}/summary/").status_code == 404
    assert client.post(f"{BASE}{event.pk}/summary/", {"summary_fi": "Ei."}).status_code == 404


def test_the_summary_waits_for_the_end_and_keeps_the_text(
    organization: Organization, editor: User
) -> None:
    forum = _forum(organization)  # tomorrow
    response = logged_in_client(editor).post(
        f"{BASE}{forum.pk}/summary/", {"summary_fi": "Liian aikaisin."}
    )
    assert response.status_code == 400
    assert "Liian aikaisin." in response.content.decode()


def test_another_organisations_editor_cannot_publish_the_summary(
    organization: Organization, other_editor: User
) -> None:
    forum = _forum(organization, starts=NOW - dt.timedelta(days=2))
    response = logged_in_client(other_editor).post(
        f"{BASE}{forum.pk}/summary/", {"summary_fi": "Ei."}
    )
    assert response.status_code == 404
    forum.refresh_from_db()
    assert forum.summary_published_at is None


# --- The dashboard card and the languages -------------------------------------------------------


def test_the_card_is_shown_to_organisers_and_facilitators_only(
    editor: User, professional: User, facilitator: User, organization: Organization
) -> None:
    register_cards()  # as the app's ready() does; registering again changes nothing

    def keys(user: User) -> list[str]:
        return [card.key for card in dashboard.cards_for(user)]

    assert "events.organise" in keys(editor)
    assert "events.organise" not in keys(professional)
    assert "events.organise" not in keys(facilitator)
    _peer_group(organization, facilitator)
    assert "events.organise" in keys(facilitator)
    page = logged_in_client(editor).get("/en/accounts/me/").content.decode()
    assert 'href="/en/pro/events/"' in page


@pytest.mark.parametrize(
    ("lang", "heading", "button", "label"),
    [
        ("fi", "Tapahtumat", "Uusi tapahtuma", "Alkaa klo"),
        ("sv", "Evenemang", "Nytt evenemang", "Börjar kl."),
        ("en", "Events", "New event", "Starts at"),
    ],
)
def test_the_pages_in_each_language_with_finnish_dates(
    organization: Organization, editor: User, lang: str, heading: str, button: str, label: str
) -> None:
    make_event(organization)
    client = logged_in_client(editor)
    content = client.get(f"/{lang}/pro/events/").content.decode()
    assert f"<h1>{heading}</h1>" in content and button in content
    assert "2.3.2027" in content
    form = client.get(f"/{lang}/pro/events/new/?organization={organization.pk}&kind=single")
    assert label in form.content.decode()


# --- Accessibility ------------------------------------------------------------------------------


@pytest.mark.browser
def test_the_pages_have_no_serious_accessibility_violations(
    page: Any, organization: Organization, editor: User, place: Location, facilitator: User
) -> None:
    """axe-core on each page's HTML as the server renders it (labels, names, headings, ARIA),
    the forms also with their error summaries."""
    from perhekeskus.testing.browser import axe_violations, describe

    event = make_event(organization, title="Vauvamuskari", starts=NOW - dt.timedelta(minutes=30))
    sign_up(event, persons=2)
    group, session = _peer_group(organization, facilitator)
    sign_up(group)
    forum = _forum(organization, starts=NOW - dt.timedelta(days=2))
    ForumTopic.objects.create(event=forum, text="Neuvolan aukioloajat", language="fi")
    client = logged_in_client(editor)
    new = f"{BASE}new/?organization={organization.pk}"
    pages: list[tuple[str, Any]] = [
        ("list", client.get(BASE)),
        ("kind", client.get(f"{BASE}new/")),
        ("single", client.get(f"{new}&kind=single")),
        ("single errors", client.post(f"{new}&kind=single", event_form(day="x"))),
        ("peer group errors", client.post(f"{new}&kind=peer_group", event_form(weekdays=[]))),
        ("detail", client.get(f"{BASE}{group.pk}/")),
        ("occurrence", client.get(f"{BASE}{session.pk}/edit/")),
        ("participants", client.get(f"{BASE}{group.pk}/participants/")),
        ("attendance", client.get(f"{BASE}{event.pk}/attendance/")),
        ("cancel", client.post(f"{BASE}{event.pk}/cancel/", {"reason": "Sairastuminen"})),
        ("message errors", client.post(f"{BASE}{event.pk}/message/", {"body": "x"})),
        ("topics", client.get(f"{BASE}{forum.pk}/topics/")),
        ("summary", client.get(f"{BASE}{forum.pk}/summary/")),
    ]
    for name, response in pages:
        assert response.status_code in (200, 400), name
        page.set_content(response.content.decode())
        violations = axe_violations(page)
        assert not violations, f"{name}:\n{describe(violations)}"
