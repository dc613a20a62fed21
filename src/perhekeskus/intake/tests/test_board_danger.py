"""Danger first on the team's side: requests with danger signals at the top of the board and the
meeting's agenda, a same-day target for the first contact, the time of day of arrival, and
advice on the request's page that fits the request (usability review M2)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from perhekeskus.intake import selectors, services
from perhekeskus.intake.models import HelpRequest
from perhekeskus.intake.selectors import first_contact_clock
from perhekeskus.intake.tests.factories import (
    HelpRequestFactory,
    received_ago,
    submitted_request,
)
from perhekeskus.intake.workdays import working_day_on_or_after
from perhekeskus.testing.clients import logged_in_client

pytestmark = pytest.mark.django_db

BOARD = "/en/pro/help-requests/"
MEETINGS = "/en/pro/help-requests/meetings/"
DANGER = "Isä lyö äitiä ja lapset pelkäävät."


def page_url(help_request: HelpRequest) -> str:
    return f"{BOARD}{help_request.pk}/"


def at(help_request: HelpRequest, moment: dt.datetime) -> HelpRequest:
    HelpRequest.objects.filter(pk=help_request.pk).update(created_at=moment)
    help_request.refresh_from_db()
    return help_request


def order_in(content: str, *requests: HelpRequest) -> list[int]:
    positions = [content.index(page_url(r)) for r in requests]
    return sorted(range(len(requests)), key=lambda i: positions[i])


@pytest.fixture
def client(member: Any) -> Client:
    return logged_in_client(member)


# --- The board -----------------------------------------------------------------------------------


def test_danger_waiting_for_first_contact_is_at_the_top_of_the_board(
    client: Client, team: Any
) -> None:
    oldest = received_ago(HelpRequestFactory.create(team=team), days=6)
    older = received_ago(HelpRequestFactory.create(team=team), days=4)
    danger = HelpRequestFactory.create(team=team, message=DANGER)
    assert danger.danger_signals
    content = client.get(BOARD).content.decode()
    assert order_in(content, danger, oldest, older) == [0, 1, 2]
    assert "their target is the same day" in content
    # "All" is newest first, but the danger still comes first.
    everything = client.get(BOARD, {"status": "all"}).content.decode()
    assert order_in(everything, danger, oldest, older) == [0, 2, 1]


def test_danger_request_takes_its_ordinary_place_once_the_family_is_reached(
    client: Client, member: Any, team: Any
) -> None:
    oldest = received_ago(HelpRequestFactory.create(team=team), days=6)
    danger = HelpRequestFactory.create(team=team, message=DANGER)
    services.help_request_contact_record(
        actor=member, help_request=danger, kind="call", text="", reached=True
    )
    content = client.get(BOARD).content.decode()
    assert order_in(content, oldest, danger) == [0, 1]
    assert "Possible danger" in content  # the marker stays


def test_board_shows_the_date_and_time_of_arrival_in_finnish_style(member: Any, team: Any) -> None:
    help_request = HelpRequestFactory.create(team=team)
    # 17.25 UTC is 19.25 in Helsinki (EET) on 4 December.
    at(help_request, dt.datetime(2026, 12, 4, 17, 25, tzinfo=dt.UTC))
    client = logged_in_client(member)
    for language, text in (
        ("en", "4.12.2026 at 19.25"),
        ("fi", "4.12.2026 klo 19.25"),
        ("sv", "4.12.2026 kl. 19.25"),
    ):
        content = client.get(f"/{language}/pro/help-requests/").content.decode()
        assert text in content, language
        page = client.get(f"/{language}/pro/help-requests/{help_request.pk}/").content.decode()
        assert text in page, language


# --- The same-day target -------------------------------------------------------------------------


def test_danger_request_is_due_the_same_working_day(team: Any) -> None:
    ordinary = HelpRequestFactory.create(team=team)
    danger = HelpRequestFactory.create(team=team, message=DANGER)
    wednesday_evening = dt.datetime(2026, 3, 4, 17, 25, tzinfo=dt.UTC)
    for help_request in (ordinary, danger):
        at(help_request, wednesday_evening)
    wednesday, thursday = dt.date(2026, 3, 4), dt.date(2026, 3, 5)
    ordinary_clock = first_contact_clock(ordinary, wednesday)
    assert ordinary_clock is not None and ordinary_clock.due_on == dt.date(2026, 3, 9)
    clock = first_contact_clock(danger, wednesday)
    assert clock is not None and clock.same_day
    assert clock.due_on == wednesday and clock.state == "due" and clock.days == 0
    next_day = first_contact_clock(danger, thursday)
    assert next_day is not None and next_day.overdue and next_day.days == 1


def test_danger_received_at_the_weekend_is_due_on_the_next_working_day(team: Any) -> None:
    danger = at(
        HelpRequestFactory.create(team=team, message=DANGER),
        dt.datetime(2026, 12, 5, 10, tzinfo=dt.UTC),  # Saturday; 6.12. is a holiday too
    )
    clock = first_contact_clock(danger, dt.date(2026, 12, 5))
    assert clock is not None and clock.due_on == dt.date(2026, 12, 7) and clock.state == "due"
    assert working_day_on_or_after(dt.date(2026, 12, 7)) == dt.date(2026, 12, 7)


def test_board_says_the_danger_request_is_due_today(client: Client, team: Any) -> None:
    danger = HelpRequestFactory.create(team=team, message=DANGER)
    content = client.get(BOARD).content.decode()
    today = timezone.localdate()
    clock = first_contact_clock(danger, today)
    assert clock is not None and clock.same_day
    if clock.due_on == today:
        assert "Due today" in content and "same-day target" in content
    else:  # a weekend or a holiday: the first working day
        assert "Due in 1 working day" in content


# --- The meeting's agenda ------------------------------------------------------------------------


def test_meeting_agenda_puts_danger_first(client: Client, member: Any, team: Any) -> None:
    oldest = received_ago(HelpRequestFactory.create(team=team), days=5)
    danger = received_ago(HelpRequestFactory.create(team=team, message=DANGER), days=1)
    # On the agenda the danger stays first also after the first contact.
    services.help_request_contact_record(
        actor=member, help_request=danger, kind="call", text="", reached=True
    )
    newest = HelpRequestFactory.create(team=team)
    meeting = services.meeting_open(actor=member, team=team, held_on=timezone.localdate())
    assert selectors.meeting_agenda(meeting=meeting) == [danger, oldest, newest]
    content = client.get(f"{MEETINGS}{meeting.pk}/").content.decode()
    assert order_in(content, danger, oldest, newest) == [0, 1, 2]


# --- Advice that fits the request ----------------------------------------------------------------

CONTACT_TODAY = "Contact the family today, before the other requests on the board."
ONLY_CHANNEL = "the reply on the status page is the only channel. Write the reply today"


def test_danger_advice_for_a_family_that_can_be_called(client: Client, team: Any) -> None:
    help_request = submitted_request(team, message=DANGER)
    content = client.get(page_url(help_request)).content.decode()
    assert CONTACT_TODAY in content
    assert "If someone is in immediate danger, call 112." in content
    assert ONLY_CHANNEL not in content


def test_danger_advice_for_an_anonymous_family_says_the_reply_is_the_only_channel(
    client: Client, team: Any
) -> None:
    help_request = submitted_request(
        team, message=DANGER, anonymous=True, contact_name="", contact_phone=""
    )
    assert help_request.danger_signals
    content = client.get(page_url(help_request)).content.decode()
    assert ONLY_CHANNEL in content
    assert CONTACT_TODAY not in content
    assert "tell them to call 112" in content
    # No advice elsewhere on the page promises a contact that cannot happen.
    assert "when and how you will be in touch" not in content
    assert "The family&#x27;s one contact person" not in content
    assert "this reply is the only way to reach them" in content
    assert "the reply counts as the first contact" in content


def test_danger_advice_no_longer_asks_for_the_first_contact_once_it_is_made(
    client: Client, member: Any, team: Any
) -> None:
    called = submitted_request(team, message=DANGER)
    services.help_request_contact_record(
        actor=member, help_request=called, kind="call", text="", reached=True
    )
    answered = submitted_request(
        team, message=DANGER, anonymous=True, contact_name="", contact_phone=""
    )
    services.help_request_reply(actor=member, help_request=answered, text="Soita 112.")
    assert CONTACT_TODAY not in client.get(page_url(called)).content.decode()
    assert ONLY_CHANNEL not in client.get(page_url(answered)).content.decode()
