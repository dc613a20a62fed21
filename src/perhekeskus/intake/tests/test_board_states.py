"""A request's page offers the actions that make sense in its state (usability review m14), with
one term for the responsible worker; the handling services lock the request's row; and every
way to a meeting's page, also a refused form, leaves an audit entry (security review F-07)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from perhekeskus.audit.models import AuditEntry
from perhekeskus.intake import services
from perhekeskus.intake.models import HelpRequest, MeetingDecision, RequestStatus
from perhekeskus.intake.tests.factories import (
    HelpRequestFactory,
    member_of,
    submitted_request,
)
from perhekeskus.testing.clients import logged_in_client

pytestmark = pytest.mark.django_db

BOARD = "/en/pro/help-requests/"
MEETINGS = "/en/pro/help-requests/meetings/"
ALL_ACTIONS = ("triage", "assign", "contact", "reply", "note", "close")


def page_url(help_request: HelpRequest, action: str = "") -> str:
    return f"{BOARD}{help_request.pk}/{action + '/' if action else ''}"


def offered(client: Client, help_request: HelpRequest) -> list[str]:
    """The action forms on the page, in their order."""
    content = client.get(page_url(help_request)).content.decode()
    found = [(content.find(f'action="{page_url(help_request, a)}"'), a) for a in ALL_ACTIONS]
    return [action for position, action in sorted(found) if position >= 0]


@pytest.fixture
def client(member: Any) -> Client:
    return logged_in_client(member)


# --- Actions by state --------------------------------------------------------------------------


def test_actions_follow_the_state_of_the_request(client: Client, member: Any, team: Any) -> None:
    help_request = submitted_request(team)
    assert offered(client, help_request) == list(ALL_ACTIONS)
    services.help_request_triage(actor=member, help_request=help_request)
    assert offered(client, help_request) == ["assign", "contact", "reply", "note", "close"]
    services.help_request_assign(actor=member, help_request=help_request, responsible=member)
    assert offered(client, help_request) == ["contact", "reply", "assign", "note", "close"]
    assert "Change the responsible worker" in client.get(page_url(help_request)).content.decode()
    services.help_request_close(actor=member, help_request=help_request, reason="guided")
    assert offered(client, help_request) == ["note"]


def test_danger_waiting_for_first_contact_puts_the_contact_first(client: Client, team: Any) -> None:
    called = submitted_request(team, message="Isä lyö äitiä.")
    assert offered(client, called)[0] == "contact"
    anonymous = submitted_request(
        team, message="Isä lyö äitiä.", anonymous=True, contact_name="", contact_phone=""
    )
    assert offered(client, anonymous) == ["reply", "triage", "assign", "note", "close"]


def test_an_anonymised_request_offers_no_action_and_takes_no_note(
    client: Client, member: Any, team: Any
) -> None:
    help_request = submitted_request(team)
    services.help_request_close(actor=member, help_request=help_request, reason="guided")
    HelpRequest.objects.filter(pk=help_request.pk).update(anonymized_at=timezone.now())
    assert offered(client, help_request) == []
    response = client.post(page_url(help_request, "note"), {"note-text": "Myöhemmin."})
    assert response.status_code == 400
    assert not help_request.events.filter(kind="note").exists()


def test_a_closed_request_refuses_a_reply_over_http(client: Client, member: Any, team: Any) -> None:
    help_request = submitted_request(team)
    services.help_request_close(actor=member, help_request=help_request, reason="guided")
    response = client.post(page_url(help_request, "reply"), {"reply-text": "Hei."})
    assert response.status_code == 400
    assert "The request is closed." in response.content.decode()
    help_request.refresh_from_db()
    assert help_request.public_reply == ""


def test_one_term_for_the_responsible_worker(client: Client, member: Any, team: Any) -> None:
    help_request = submitted_request(team)
    services.help_request_assign(actor=member, help_request=help_request, responsible=member)
    for language, term, other in (
        ("fi", "Vastuutyöntekijä nimetty", "Vastuuhenkilö"),
        ("sv", "Ansvarig arbetstagare utsedd", "Ansvarig utsedd"),
    ):
        board = client.get(f"/{language}/pro/help-requests/").content.decode()
        page = client.get(f"/{language}/pro/help-requests/{help_request.pk}/").content.decode()
        for content in (board, page):
            assert term in content, language
            assert other not in content, language


# --- Row locks ---------------------------------------------------------------------------------

Step = Callable[[Any, HelpRequest], object]

STEPS: list[tuple[str, Step]] = [
    ("triage", lambda m, r: services.help_request_triage(actor=m, help_request=r)),
    ("assign", lambda m, r: services.help_request_assign(actor=m, help_request=r, responsible=m)),
    (
        "contact",
        lambda m, r: services.help_request_contact_record(
            actor=m, help_request=r, kind="call", text="", reached=True
        ),
    ),
    ("note", lambda m, r: services.help_request_note(actor=m, help_request=r, text="x")),
    ("reply", lambda m, r: services.help_request_reply(actor=m, help_request=r, text="x")),
    ("close", lambda m, r: services.help_request_close(actor=m, help_request=r, reason="other")),
]


@pytest.mark.parametrize(("name", "step"), STEPS, ids=[name for name, _ in STEPS])
def test_handling_locks_the_requests_row(member: Any, team: Any, name: str, step: Step) -> None:
    if not connection.features.has_select_for_update:
        pytest.skip("This database has no row locks (SQLite locks the whole file).")
    help_request = submitted_request(team)
    with CaptureQueriesContext(connection) as queries:
        step(member, help_request)
    sql = [q["sql"] for q in queries.captured_queries]
    locks = [s for s in sql if "FOR UPDATE" in s and "intake_helprequest" in s]
    assert locks, name
    # The lock comes before the first write.
    first_write = next(i for i, s in enumerate(sql) if s.startswith(("UPDATE", "INSERT")))
    assert sql.index(locks[0]) < first_write, name


def test_a_step_decides_on_the_stored_state_not_on_a_stale_copy(member: Any, team: Any) -> None:
    help_request = submitted_request(team)
    stale = HelpRequest.objects.get(pk=help_request.pk)
    services.help_request_close(actor=member, help_request=help_request, reason="duplicate")
    # A second worker's page still shows the request as new: their triage must be refused.
    with pytest.raises(ValidationError):
        services.help_request_triage(actor=member, help_request=stale)
    assert HelpRequest.objects.get(pk=help_request.pk).status == RequestStatus.CLOSED


def test_a_worker_removed_from_the_team_meanwhile_is_refused(member: Any, team: Any) -> None:
    from perhekeskus.core.errors import PolicyDenied

    help_request = submitted_request(team)
    team.members.remove(member)
    with pytest.raises(PolicyDenied):
        services.help_request_reply(actor=member, help_request=help_request, text="x")
    assert HelpRequest.objects.get(pk=help_request.pk).public_reply == ""


# --- F-07: every showing of a meeting is logged --------------------------------------------------


def meeting_views(meeting: Any) -> int:
    return AuditEntry.objects.filter(
        action="intake.meeting.view", target_id=str(meeting.pk)
    ).count()


def test_refused_minutes_show_the_page_and_log_the_read(
    client: Client, member: Any, team: Any
) -> None:
    meeting = services.meeting_open(actor=member, team=team, held_on=timezone.localdate())
    services.meeting_minutes_save(actor=member, meeting=meeting, minutes="SALAINEN: perhe V.")
    response = client.post(f"{MEETINGS}{meeting.pk}/minutes/", {"minutes": "A" * 20001})
    assert response.status_code == 400
    assert "SALAINEN: perhe V." not in response.content.decode()  # the typed text is kept
    assert meeting_views(meeting) == 1
    entry = AuditEntry.objects.get(action="intake.meeting.view")
    assert entry.actor == member


def test_refused_decision_shows_the_page_and_logs_the_read(
    client: Client, member: Any, team: Any
) -> None:
    help_request = HelpRequestFactory.create(team=team)
    meeting = services.meeting_open(actor=member, team=team, held_on=timezone.localdate())
    services.meeting_minutes_save(actor=member, meeting=meeting, minutes="SALAINEN: perhe V.")
    prefix = f"decision-{help_request.pk.hex}"
    response = client.post(
        f"{MEETINGS}{meeting.pk}/decide/{help_request.pk}/",
        {f"{prefix}-responsible": member.pk, f"{prefix}-next_step": ""},
    )
    assert response.status_code == 400
    assert "SALAINEN: perhe V." in response.content.decode()
    assert meeting_views(meeting) == 1
    assert not MeetingDecision.objects.exists()


def test_successful_posts_are_logged_as_what_they_did_not_as_views(
    client: Client, member: Any, team: Any
) -> None:
    meeting = services.meeting_open(actor=member, team=team, held_on=timezone.localdate())
    response = client.post(f"{MEETINGS}{meeting.pk}/minutes/", {"minutes": "Ok."})
    assert response.status_code == 302
    assert meeting_views(meeting) == 0
    assert AuditEntry.objects.filter(action="intake.meeting.minutes").count() == 1


def test_an_outsiders_refused_post_shows_nothing_and_logs_no_view(
    member: Any, team: Any, other_team: Any
) -> None:
    outsider = member_of(other_team, email="pekka.pornainen@example.org")
    help_request = HelpRequestFactory.create(team=team)
    meeting = services.meeting_open(actor=member, team=team, held_on=timezone.localdate())
    client = logged_in_client(outsider)
    prefix = f"decision-{help_request.pk.hex}"
    assert (
        client.post(f"{MEETINGS}{meeting.pk}/minutes/", {"minutes": "A" * 20001}).status_code == 404
    )
    decide = client.post(
        f"{MEETINGS}{meeting.pk}/decide/{help_request.pk}/", {f"{prefix}-next_step": ""}
    )
    assert decide.status_code == 404
    assert meeting_views(meeting) == 0
