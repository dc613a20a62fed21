"""The early-support team's pages over HTTP: the board, a request's page and its actions, the
weekly meeting. Every permission has an allowed and a denied test; a denied one checks that
nothing changed and nothing was logged as done."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.utils import timezone, translation

from perhekeskus.audit.models import AuditEntry
from perhekeskus.intake import selectors, services
from perhekeskus.intake.models import (
    HelpRequest,
    HelpRequestEvent,
    MeetingDecision,
    RequestStatus,
    TeamMeeting,
)
from perhekeskus.intake.selectors import first_contact_clock
from perhekeskus.intake.tests.factories import (
    EarlySupportTeamFactory,
    HelpRequestFactory,
    member_of,
    network_professional,
    received_ago,
    submitted_request,
)
from perhekeskus.intake.workdays import add_working_days, working_days_between
from perhekeskus.testing.clients import logged_in_client
from perhekeskus.testing.factories import MunicipalityFactory, ServiceFactory

pytestmark = pytest.mark.django_db

BOARD = "/en/pro/help-requests/"
MEETINGS = "/en/pro/help-requests/meetings/"


def page_url(help_request: HelpRequest, action: str = "") -> str:
    return f"{BOARD}{help_request.pk}/{action + '/' if action else ''}"


def audited(action: str, help_request: Any = None) -> int:
    entries = AuditEntry.objects.filter(action=action)
    if help_request is not None:
        entries = entries.filter(target_id=str(help_request.pk))
    return entries.count()


@pytest.fixture
def askola(db: None) -> Any:
    return MunicipalityFactory.create(code="018", name="Askola")


@pytest.fixture
def team(organization: Any, askola: Any) -> Any:
    return EarlySupportTeamFactory.create(
        name="VATU Askola", organization=organization, municipalities=[askola]
    )


@pytest.fixture
def other_team(other_organization: Any) -> Any:
    pornainen = MunicipalityFactory.create(code="611", name="Pornainen")
    return EarlySupportTeamFactory.create(
        name="VATU Pornainen", organization=other_organization, municipalities=[pornainen]
    )


@pytest.fixture
def member(team: Any) -> Any:
    return member_of(team, email="vilma.vatu@example.org", full_name="Vilma Vatu")


@pytest.fixture
def colleague(team: Any) -> Any:
    return member_of(team, email="kalle.kollega@example.org", full_name="Kalle Kollega")


@pytest.fixture
def other_member(other_team: Any) -> Any:
    return member_of(other_team, email="pekka.pornainen@example.org")


@pytest.fixture
def client(member: Any) -> Client:
    return logged_in_client(member)


@pytest.fixture
def help_request(team: Any) -> HelpRequest:
    return submitted_request(team)


# --- Board: who sees what ------------------------------------------------------------------------


def test_member_sees_their_teams_requests_and_not_another_teams(
    client: Client, help_request: HelpRequest, other_team: Any
) -> None:
    elsewhere = HelpRequestFactory.create(team=other_team)
    response = client.get(BOARD)
    assert response.status_code == 200
    content = response.content.decode()
    assert help_request.tracking_code[:5] in content
    assert page_url(help_request) in content
    assert page_url(elsewhere) not in content


def test_board_does_not_show_the_message_or_contact_details(
    client: Client, help_request: HelpRequest
) -> None:
    content = client.get(BOARD).content.decode()
    assert "Vauva itkee" not in content
    assert "Maija" not in content
    assert "+358401234567" not in content
    assert "Askola" in content  # the municipality is shown
    assert "My child" in content
    assert not AuditEntry.objects.filter(action="intake.request.view").exists()


def test_professional_without_the_team_role_gets_403_on_the_board(
    professional: Any, help_request: HelpRequest
) -> None:
    response = logged_in_client(professional).get(BOARD)
    assert response.status_code == 403
    assert help_request.tracking_code[:5] not in response.content.decode()


def test_anonymous_visitor_is_sent_to_login(help_request: HelpRequest) -> None:
    response = Client().get(BOARD)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_closed_requests_are_hidden_until_asked_for(client: Client, member: Any, team: Any) -> None:
    open_request = HelpRequestFactory.create(team=team)
    closed = HelpRequestFactory.create(team=team)
    services.help_request_close(actor=member, help_request=closed, reason="duplicate")
    default = client.get(BOARD).content.decode()
    assert page_url(open_request) in default
    assert page_url(closed) not in default
    only_closed = client.get(BOARD, {"status": "closed"}).content.decode()
    assert page_url(closed) in only_closed
    assert page_url(open_request) not in only_closed
    everything = client.get(BOARD, {"status": "all"}).content.decode()
    assert page_url(closed) in everything and page_url(open_request) in everything


def test_status_filter_and_counts(client: Client, member: Any, team: Any) -> None:
    new = HelpRequestFactory.create(team=team)
    in_triage = HelpRequestFactory.create(team=team)
    services.help_request_triage(actor=member, help_request=in_triage)
    content = client.get(BOARD, {"status": "in_triage"}).content.decode()
    assert page_url(in_triage) in content
    assert page_url(new) not in content
    assert "New (1)" in content and "In triage (1)" in content and "Open (2)" in content


def test_my_requests_filter(client: Client, member: Any, colleague: Any, team: Any) -> None:
    mine = HelpRequestFactory.create(team=team, responsible=member)
    theirs = HelpRequestFactory.create(team=team, responsible=colleague)
    content = client.get(BOARD, {"mine": "on"}).content.decode()
    assert page_url(mine) in content
    assert page_url(theirs) not in content


def test_an_unknown_filter_value_is_400(client: Client) -> None:
    response = client.get(BOARD, {"status": "lost"})
    assert response.status_code == 400
    assert "Please check the form" in response.content.decode()


def test_empty_board_says_so(client: Client) -> None:
    content = client.get(BOARD).content.decode()
    assert "No open help requests." in content


def test_board_is_paginated(client: Client, team: Any) -> None:
    HelpRequestFactory.create_batch(51, team=team)
    first = client.get(BOARD).content.decode()
    assert "Page 1 of 2" in first
    assert client.get(BOARD, {"page": 2}).status_code == 200


def test_board_reads_a_bounded_number_of_queries(
    member: Any, colleague: Any, team: Any, django_assert_max_num_queries: Any
) -> None:
    client = logged_in_client(member)
    for index in range(25):
        HelpRequestFactory.create(
            team=team,
            responsible=colleague if index % 2 else member,
            message="Isä lyö." if index % 3 == 0 else "Väsyttää.",
        )
    client.get(BOARD)  # the session and the like are warm from here on
    with django_assert_max_num_queries(10):
        response = client.get(BOARD)
    assert response.content.decode().count("/pro/help-requests/") >= 25


# --- The clock to first contact ------------------------------------------------------------------


def test_overdue_request_stands_out_in_text_and_style(client: Client, team: Any) -> None:
    late = received_ago(HelpRequestFactory.create(team=team), days=20)
    received = timezone.localdate(late.created_at)
    due = add_working_days(received, team.first_contact_target_days)
    days = working_days_between(due, timezone.localdate())
    content = client.get(BOARD).content.decode()
    assert f"Overdue by {days} working days" in content
    assert 'class="is-overdue"' in content
    assert "20 days ago" in content


def test_a_fresh_request_shows_when_it_is_due(client: Client, help_request: HelpRequest) -> None:
    today = timezone.localdate()
    due = add_working_days(today, 3)
    content = client.get(BOARD).content.decode()
    assert f"Due in {working_days_between(today, due)} working days" in content
    assert 'class="is-overdue"' not in content


def test_clock_counts_working_days_and_stops_at_first_contact(team: Any) -> None:
    help_request = HelpRequestFactory.create(team=team)
    friday = dt.date(2026, 3, 6)
    at_friday_noon = dt.datetime(2026, 3, 6, 12, tzinfo=dt.UTC)
    HelpRequest.objects.filter(pk=help_request.pk).update(created_at=at_friday_noon)
    help_request.refresh_from_db()
    on_monday = first_contact_clock(help_request, friday + dt.timedelta(days=3))
    assert on_monday is not None and on_monday.state == "due"
    assert on_monday.due_on == dt.date(2026, 3, 11)  # Friday + 3 working days = Wednesday
    assert on_monday.days == 2
    on_saturday_after = first_contact_clock(help_request, dt.date(2026, 3, 14))
    assert on_saturday_after is not None and on_saturday_after.overdue
    help_request.first_contact_at = dt.datetime(2026, 3, 10, 9, tzinfo=dt.UTC)
    contacted = first_contact_clock(help_request, dt.date(2026, 4, 1))
    assert contacted is not None and contacted.state == "contacted" and not contacted.late


# --- A request's page ----------------------------------------------------------------------------


def test_request_page_shows_everything_and_every_read_is_audited(
    client: Client, member: Any, help_request: HelpRequest
) -> None:
    response = client.get(page_url(help_request))
    assert response.status_code == 200
    content = response.content.decode()
    for text in ("Vauva itkee", "Maija Meikäläinen", "+358401234567", "Aamupäivisin"):
        assert text in content
    assert help_request.tracking_code in content
    client.get(page_url(help_request))
    views = AuditEntry.objects.filter(action="intake.request.view", target_id=str(help_request.pk))
    assert views.count() == 2
    assert {entry.actor for entry in views} == {member}


def test_danger_signals_show_a_warning_with_guidance(client: Client, team: Any) -> None:
    help_request = submitted_request(team, message="Mieheni lyö minua ja lapsi näkee sen.")
    assert help_request.danger_signals == ["violence"]
    board = client.get(BOARD).content.decode()
    assert "Possible danger" in board
    content = client.get(page_url(help_request)).content.decode()
    assert "violence or threats" in content
    assert "call 112" in content
    assert "child welfare notification" in content


def test_request_of_another_team_is_404_and_not_logged_as_viewed(
    client: Client, other_team: Any
) -> None:
    elsewhere = HelpRequestFactory.create(team=other_team)
    assert client.get(page_url(elsewhere)).status_code == 404
    assert client.get(f"{BOARD}{uuid.uuid4()}/").status_code == 404
    assert not AuditEntry.objects.filter(action="intake.request.view").exists()


def test_professional_without_the_team_role_gets_404_on_a_request(
    professional: Any, help_request: HelpRequest
) -> None:
    response = logged_in_client(professional).get(page_url(help_request))
    assert response.status_code == 404
    assert "Vauva" not in response.content.decode()
    assert not AuditEntry.objects.filter(action="intake.request.view").exists()


def test_responsible_worker_from_another_organisation_sees_their_own_request(
    member: Any, team: Any, other_organization: Any
) -> None:
    school_social_worker = network_professional(
        email="kuraattori@example.org", organization=other_organization
    )
    own = submitted_request(team)
    services.help_request_assign(actor=member, help_request=own, responsible=school_social_worker)
    other = HelpRequestFactory.create(team=team)
    client = logged_in_client(school_social_worker)
    board = client.get(BOARD)
    assert board.status_code == 200
    assert page_url(own) in board.content.decode()
    assert page_url(other) not in board.content.decode()
    assert client.get(page_url(own)).status_code == 200
    assert client.get(page_url(other)).status_code == 404
    assert audited("intake.request.view", own) == 1


# --- Actions through the page: the state machine -------------------------------------------------


def test_the_whole_way_from_new_to_closed(
    client: Client, member: Any, colleague: Any, help_request: HelpRequest
) -> None:
    response = client.post(page_url(help_request, "triage"))
    assert response.status_code == 302
    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.IN_TRIAGE

    response = client.post(page_url(help_request, "assign"), {"assign-responsible": colleague.pk})
    assert response.status_code == 302
    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.ASSIGNED
    assert help_request.responsible == colleague

    response = client.post(
        page_url(help_request, "contact"),
        {"contact-kind": "call", "contact-reached": "yes", "contact-text": "Sovittiin käynti."},
    )
    assert response.status_code == 302
    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.CONTACTED
    assert help_request.first_contact_at is not None
    page = client.get(page_url(help_request)).content.decode()
    assert "First contact on" in page  # the clock has stopped
    assert "Sovittiin käynti." in page

    response = client.post(
        page_url(help_request, "close"), {"close-reason": "guided", "close-text": "Perheneuvola."}
    )
    assert response.status_code == 302
    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.CLOSED
    assert help_request.close_reason == "guided"
    assert help_request.closed_at is not None
    for action in ("triage", "assign", "contact", "close"):
        assert audited(f"intake.request.{action}", help_request) == 1
    final = client.get(page_url(help_request)).content.decode()
    assert "Guided to a service" in final
    assert "Closed" in final


def test_contact_that_did_not_reach_the_family_keeps_the_clock_running(
    client: Client, member: Any, help_request: HelpRequest
) -> None:
    services.help_request_assign(actor=member, help_request=help_request, responsible=member)
    response = client.post(
        page_url(help_request, "contact"), {"contact-kind": "call", "contact-reached": "no"}
    )
    assert response.status_code == 302
    help_request.refresh_from_db()
    assert help_request.first_contact_at is None
    assert help_request.status == RequestStatus.ASSIGNED


def test_an_invalid_transition_is_a_400_with_a_message_and_changes_nothing(
    client: Client, member: Any, help_request: HelpRequest
) -> None:
    services.help_request_assign(actor=member, help_request=help_request, responsible=member)
    events_before = HelpRequestEvent.objects.count()
    response = client.post(page_url(help_request, "triage"))
    assert response.status_code == 400
    assert "A request cannot move from Assigned to In triage." in response.content.decode()
    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.ASSIGNED
    assert HelpRequestEvent.objects.count() == events_before
    assert audited("intake.request.triage") == 0


def test_a_closed_request_cannot_be_closed_again(
    client: Client, member: Any, help_request: HelpRequest
) -> None:
    services.help_request_close(actor=member, help_request=help_request, reason="duplicate")
    response = client.post(page_url(help_request, "close"), {"close-reason": "other"})
    assert response.status_code == 400
    help_request.refresh_from_db()
    assert help_request.close_reason == "duplicate"
    assert audited("intake.request.close") == 1


def test_missing_close_reason_is_a_field_error(client: Client, help_request: HelpRequest) -> None:
    response = client.post(page_url(help_request, "close"), {"close-reason": ""})
    assert response.status_code == 400
    assert 'id="id_close-reason_error"' in response.content.decode()
    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.NEW


def test_assign_refuses_someone_who_is_not_a_professional(
    client: Client, help_request: HelpRequest
) -> None:
    from perhekeskus.testing.factories import UserFactory

    nobody = UserFactory.create(email="no.role@example.org")
    response = client.post(page_url(help_request, "assign"), {"assign-responsible": nobody.pk})
    assert response.status_code == 400
    help_request.refresh_from_db()
    assert help_request.responsible is None
    assert audited("intake.request.assign") == 0


def test_note_is_saved_in_the_history(
    client: Client, member: Any, help_request: HelpRequest
) -> None:
    response = client.post(page_url(help_request, "note"), {"note-text": "Soitetaan huomenna."})
    assert response.status_code == 302
    event = HelpRequestEvent.objects.get(request=help_request, kind="note")
    assert event.text == "Soitetaan huomenna." and event.actor == member
    assert audited("intake.request.note", help_request) == 1
    assert client.post(page_url(help_request, "note"), {"note-text": " "}).status_code == 400


def test_reply_appears_on_the_familys_status_page(
    client: Client, help_request: HelpRequest
) -> None:
    text = "Otamme yhteyttä tiistaina puhelimitse."
    response = client.post(page_url(help_request, "reply"), {"reply-text": text})
    assert response.status_code == 302
    status = selectors.help_request_public_status(tracking_code=help_request.tracking_code)
    assert status.reply == text
    assert status.reply_at is not None
    page = client.get(page_url(help_request)).content.decode()
    assert "Anyone who has the tracking code can read this reply." in page
    assert audited("intake.request.reply", help_request) == 1


def test_export_downloads_json_with_the_message_and_is_audited(
    client: Client, member: Any, help_request: HelpRequest
) -> None:
    response = client.post(page_url(help_request, "export"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith("attachment;")
    assert help_request.tracking_code in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["message"] == "Vauva itkee paljon eikä kukaan meistä nuku."
    assert data["contact"]["phone"] == "+358401234567"
    entry = AuditEntry.objects.get(action="intake.request.export")
    assert entry.actor == member and entry.target_id == str(help_request.pk)


def test_export_is_not_a_get(client: Client, help_request: HelpRequest) -> None:
    assert client.get(page_url(help_request, "export")).status_code == 405
    assert audited("intake.request.export") == 0


ACTIONS = [
    ("triage", {}),
    ("assign", {"assign-responsible": "OUTSIDER"}),
    ("contact", {"contact-kind": "call", "contact-reached": "yes"}),
    ("note", {"note-text": "x"}),
    ("reply", {"reply-text": "x"}),
    ("close", {"close-reason": "other"}),
    ("export", {}),
]


@pytest.mark.parametrize(("action", "data"), ACTIONS)
def test_actions_by_a_member_of_another_team_are_404_and_change_nothing(
    other_member: Any, help_request: HelpRequest, action: str, data: dict[str, Any]
) -> None:
    client = logged_in_client(other_member)
    data = {key: other_member.pk if value == "OUTSIDER" else value for key, value in data.items()}
    before = AuditEntry.objects.count()
    response = client.post(page_url(help_request, action), data)
    assert response.status_code == 404
    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.NEW
    assert help_request.responsible is None
    assert help_request.public_reply == ""
    assert not HelpRequestEvent.objects.filter(request=help_request).exists()
    assert AuditEntry.objects.count() == before


@pytest.mark.parametrize(("action", "data"), ACTIONS)
def test_actions_by_a_professional_without_the_role_are_404(
    professional: Any, help_request: HelpRequest, action: str, data: dict[str, Any]
) -> None:
    client = logged_in_client(professional)
    data = {key: professional.pk if value == "OUTSIDER" else value for key, value in data.items()}
    before = AuditEntry.objects.count()
    assert client.post(page_url(help_request, action), data).status_code == 404
    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.NEW
    assert AuditEntry.objects.count() == before


# --- Meetings ------------------------------------------------------------------------------------


def test_member_opens_a_meeting(client: Client, member: Any, team: Any) -> None:
    response = client.post(MEETINGS, {"team": str(team.pk), "held_on": "2026-11-24"})
    assert response.status_code == 302
    meeting = TeamMeeting.objects.get(team=team, held_on=dt.date(2026, 11, 24))
    assert response["Location"] == f"{MEETINGS}{meeting.pk}/"
    assert meeting.created_by == member
    assert audited("intake.meeting.create") == 1
    listing = client.get(MEETINGS).content.decode()
    assert f"{MEETINGS}{meeting.pk}/" in listing


def test_opening_the_same_days_meeting_again_returns_it(client: Client, team: Any) -> None:
    client.post(MEETINGS, {"team": str(team.pk), "held_on": "2026-11-24"})
    client.post(MEETINGS, {"team": str(team.pk), "held_on": "2026-11-24"})
    assert TeamMeeting.objects.count() == 1
    assert audited("intake.meeting.create") == 1


def test_a_member_of_another_team_cannot_open_its_meeting(other_member: Any, team: Any) -> None:
    response = logged_in_client(other_member).post(
        MEETINGS, {"team": str(team.pk), "held_on": "2026-11-24"}
    )
    assert response.status_code == 400
    assert not TeamMeeting.objects.exists()
    assert audited("intake.meeting.create") == 0


def test_professional_without_the_role_gets_403_on_meetings(professional: Any, team: Any) -> None:
    client = logged_in_client(professional)
    assert client.get(MEETINGS).status_code == 403
    assert client.post(MEETINGS, {"team": str(team.pk), "held_on": "2026-11-24"}).status_code == 403
    assert not TeamMeeting.objects.exists()


def test_agenda_holds_the_requests_since_the_previous_meeting_and_the_undecided(
    client: Client, member: Any, team: Any
) -> None:
    today = timezone.localdate()
    previous = services.meeting_open(actor=member, team=team, held_on=today - dt.timedelta(days=7))
    decided = received_ago(HelpRequestFactory.create(team=team), days=10)
    services.meeting_decide(
        actor=member,
        meeting=previous,
        help_request=decided,
        responsible=member,
        services=[],
        next_step="Perhetyö",
        next_step_on=None,
    )
    undecided = received_ago(HelpRequestFactory.create(team=team), days=10)
    new = received_ago(HelpRequestFactory.create(team=team), days=2)
    closed = received_ago(HelpRequestFactory.create(team=team), days=2)
    services.help_request_close(actor=member, help_request=closed, reason="duplicate")
    meeting = services.meeting_open(actor=member, team=team, held_on=today)
    response = client.get(f"{MEETINGS}{meeting.pk}/")
    assert response.status_code == 200
    content = response.content.decode()
    assert page_url(new) in content
    assert page_url(undecided) in content
    assert page_url(decided) not in content
    assert page_url(closed) not in content
    # The agenda is a list: what the family wrote is read on the request's own page.
    assert "Lapsi ei nuku" not in content


def test_decision_sets_the_responsible_worker(
    client: Client, member: Any, colleague: Any, team: Any, askola: Any
) -> None:
    service = ServiceFactory.create(organization=team.organization)
    service.area_municipalities.add(askola)
    help_request = HelpRequestFactory.create(team=team)
    meeting = services.meeting_open(actor=member, team=team, held_on=timezone.localdate())
    prefix = f"decision-{help_request.pk.hex}"
    page = client.get(f"{MEETINGS}{meeting.pk}/").content.decode()
    assert f'name="{prefix}-services"' in page and str(service.pk) in page
    response = client.post(
        f"{MEETINGS}{meeting.pk}/decide/{help_request.pk}/",
        {
            f"{prefix}-responsible": colleague.pk,
            f"{prefix}-services": [str(service.pk)],
            f"{prefix}-next_step": "Perheohjaaja soittaa.",
            f"{prefix}-next_step_on": "2026-12-01",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#request-{help_request.pk}")
    decision = MeetingDecision.objects.get(meeting=meeting, request=help_request)
    assert decision.responsible == colleague
    assert list(decision.services.all()) == [service]
    help_request.refresh_from_db()
    assert help_request.responsible == colleague
    assert help_request.status == RequestStatus.ASSIGNED
    assert audited("intake.meeting.decide", help_request) == 1
    assert audited("intake.request.assign", help_request) == 1
    # The decided request stays on this meeting's agenda, with its decision.
    after = client.get(f"{MEETINGS}{meeting.pk}/").content.decode()
    assert "Perheohjaaja soittaa." in after


def test_decision_without_a_next_step_is_400_and_records_nothing(
    client: Client, member: Any, team: Any
) -> None:
    help_request = HelpRequestFactory.create(team=team)
    meeting = services.meeting_open(actor=member, team=team, held_on=timezone.localdate())
    prefix = f"decision-{help_request.pk.hex}"
    response = client.post(
        f"{MEETINGS}{meeting.pk}/decide/{help_request.pk}/",
        {f"{prefix}-responsible": member.pk, f"{prefix}-next_step": ""},
    )
    assert response.status_code == 400
    assert "Please check the form" in response.content.decode()
    assert not MeetingDecision.objects.exists()
    assert audited("intake.meeting.decide") == 0


def test_meeting_page_reads_a_bounded_number_of_queries(
    member: Any, team: Any, django_assert_max_num_queries: Any
) -> None:
    client = logged_in_client(member)
    meeting = services.meeting_open(actor=member, team=team, held_on=timezone.localdate())
    for help_request in HelpRequestFactory.create_batch(15, team=team)[:5]:
        services.meeting_decide(
            actor=member,
            meeting=meeting,
            help_request=help_request,
            responsible=member,
            services=[],
            next_step="Soitto",
            next_step_on=None,
        )
    client.get(BOARD)
    with django_assert_max_num_queries(20):
        response = client.get(f"{MEETINGS}{meeting.pk}/")
    assert response.content.decode().count('class="agenda-item"') == 15


def test_minutes_are_saved(client: Client, member: Any, team: Any) -> None:
    meeting = services.meeting_open(actor=member, team=team, held_on=timezone.localdate())
    response = client.post(f"{MEETINGS}{meeting.pk}/minutes/", {"minutes": "Käytiin läpi 3."})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes == "Käytiin läpi 3."
    assert audited("intake.meeting.minutes") == 1
    assert "Käytiin läpi 3." in client.get(f"{MEETINGS}{meeting.pk}/").content.decode()


def test_another_teams_meeting_is_404_and_nothing_changes(
    member: Any, team: Any, other_member: Any
) -> None:
    help_request = HelpRequestFactory.create(team=team)
    meeting = services.meeting_open(actor=member, team=team, held_on=timezone.localdate())
    client = logged_in_client(other_member)
    before = AuditEntry.objects.count()
    prefix = f"decision-{help_request.pk.hex}"
    assert client.get(f"{MEETINGS}{meeting.pk}/").status_code == 404
    assert client.get(f"{MEETINGS}999999/").status_code == 404
    decide = client.post(
        f"{MEETINGS}{meeting.pk}/decide/{help_request.pk}/",
        {f"{prefix}-responsible": other_member.pk, f"{prefix}-next_step": "x"},
    )
    assert decide.status_code == 404
    minutes = client.post(f"{MEETINGS}{meeting.pk}/minutes/", {"minutes": "x"})
    assert minutes.status_code == 404
    meeting.refresh_from_db()
    assert meeting.minutes == ""
    assert not MeetingDecision.objects.exists()
    assert AuditEntry.objects.count() == before


def test_a_decision_on_another_teams_request_is_404(
    client: Client, member: Any, team: Any, other_team: Any
) -> None:
    elsewhere = HelpRequestFactory.create(team=other_team)
    meeting = services.meeting_open(actor=member, team=team, held_on=timezone.localdate())
    prefix = f"decision-{elsewhere.pk.hex}"
    response = client.post(
        f"{MEETINGS}{meeting.pk}/decide/{elsewhere.pk}/",
        {f"{prefix}-responsible": member.pk, f"{prefix}-next_step": "x"},
    )
    assert response.status_code == 404
    assert not MeetingDecision.objects.exists()


# --- Dashboard and the team's e-mail -------------------------------------------------------------


def test_dashboard_links_the_board_for_team_members_only(member: Any, professional: Any) -> None:
    assert BOARD in logged_in_client(member).get("/en/accounts/me/").content.decode()
    assert BOARD not in logged_in_client(professional).get("/en/accounts/me/").content.decode()


@pytest.mark.parametrize("danger", [True, False])
def test_team_notice_has_the_link_and_no_personal_data(team: Any, danger: bool) -> None:
    with translation.override("en"):
        body = _render_notice(team, danger)
    assert "VATU Askola" in body
    assert "https://perhekeskus.example/fi/pro/help-requests/" in body
    assert ("URGENT" in body) is danger
    assert "&amp;" not in body


def _render_notice(team: Any, danger: bool) -> str:
    return render_to_string(
        "intake/email/new_request.txt",
        {
            "team": team,
            "board_url": "https://perhekeskus.example/fi/pro/help-requests/",
            "danger": danger,
            "site_name": "Perhekeskus",
        },
    )


def test_a_request_decided_at_this_meeting_stays_on_its_agenda(
    client: Client, member: Any, team: Any
) -> None:
    today = timezone.localdate()
    services.meeting_open(actor=member, team=team, held_on=today - dt.timedelta(days=7))
    waiting = received_ago(HelpRequestFactory.create(team=team), days=10)
    meeting = services.meeting_open(actor=member, team=team, held_on=today)
    assert waiting in selectors.meeting_agenda(meeting=meeting)
    prefix = f"decision-{waiting.pk.hex}"
    client.post(
        f"{MEETINGS}{meeting.pk}/decide/{waiting.pk}/",
        {f"{prefix}-responsible": member.pk, f"{prefix}-next_step": "Kotikäynti."},
    )
    assert MeetingDecision.objects.filter(meeting=meeting, request=waiting).exists()
    content = client.get(f"{MEETINGS}{meeting.pk}/").content.decode()
    assert page_url(waiting) in content
    assert "Kotikäynti." in content
