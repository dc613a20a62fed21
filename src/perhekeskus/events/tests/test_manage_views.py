"""The pages of a sign-up's manage link: status and queue position, the online link only with a
seat, changing who comes, cancelling in two steps (the waiting family promoted), confirming an
offered seat before its deadline, the calendar file; never cached, never indexed, 404 for a
wrong token."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from perhekeskus.events.models import Event, EventStatus, Signup, SignupStatus
from perhekeskus.events.tests.helpers import NOW, START, make_event, manage_page_url, sign_up_as

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


def test_the_manage_page_is_private_and_says_the_status(resident: Client) -> None:
    event = make_event(title_en="Baby music", capacity=2)
    result = sign_up_as(event, "Maija", None, 1)
    response = resident.get(manage_page_url("manage", result.manage_token))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Baby music" in text and "You have seats for 2 people." in text
    assert "Maija 1, 1 year" in text
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "same-origin"
    assert manage_page_url("manage_ics", result.manage_token) in text


def test_a_wrong_token_is_not_found(resident: Client) -> None:
    for name in ("manage", "manage_cancel", "manage_change", "manage_ics"):
        assert resident.get(manage_page_url(name, "not-a-token")).status_code == 404
    assert resident.post(manage_page_url("manage_confirm", "not-a-token")).status_code == 404


def test_a_waiting_family_sees_its_place_in_the_queue(resident: Client) -> None:
    event = make_event(capacity=1)
    sign_up_as(event, "Maija")
    sign_up_as(event, "Pekka")
    third = sign_up_as(event, "Liisa")
    text = resident.get(manage_page_url("manage", third.manage_token, "fi")).content.decode()
    assert third.signup.status == SignupStatus.WAITLISTED
    assert ": 2." in text  # the second group in the queue
    # No calendar file for a seat not held.
    assert resident.get(manage_page_url("manage_ics", third.manage_token)).status_code == 404


def test_the_online_link_is_shown_only_with_a_seat(resident: Client) -> None:
    event = make_event(
        capacity=1, is_online=True, location=None, online_url="https://meet.example.org/r1"
    )
    attending = sign_up_as(event, "Maija")
    waiting = sign_up_as(event, "Pekka")
    assert (
        "meet.example.org/r1"
        in resident.get(manage_page_url("manage", attending.manage_token)).content.decode()
    )
    assert (
        "meet.example.org/r1"
        not in resident.get(manage_page_url("manage", waiting.manage_token)).content.decode()
    )


def test_the_calendar_file_of_a_seat(resident: Client) -> None:
    event = make_event()
    result = sign_up_as(event, "Maija")
    response = resident.get(manage_page_url("manage_ics", result.manage_token))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in response.content
    assert "no-store" in response["Cache-Control"]


def test_cancelling_takes_two_steps_and_promotes_the_waiting_family(resident: Client) -> None:
    event = make_event(capacity=2)
    first = sign_up_as(event, "Maija", None, 3)
    waiting = sign_up_as(event, "Pekka", None)
    assert waiting.signup.status == SignupStatus.WAITLISTED
    page = resident.get(manage_page_url("manage", first.manage_token)).content.decode()
    assert manage_page_url("manage_cancel", first.manage_token) in page
    confirm = resident.get(manage_page_url("manage_cancel", first.manage_token))
    assert confirm.status_code == 200 and "Yes, cancel my sign-up." in confirm.content.decode()
    unticked = resident.post(manage_page_url("manage_cancel", first.manage_token), {})
    assert unticked.status_code == 400
    assert "Tick the box" in unticked.content.decode()
    assert Signup.objects.get(pk=first.signup.pk).status == SignupStatus.ATTENDING
    response = resident.post(
        manage_page_url("manage_cancel", first.manage_token), {"confirm": "on"}
    )
    assert response.status_code == 303
    assert response["Location"] == manage_page_url("manage", first.manage_token)
    after = resident.get(response["Location"]).content.decode()
    assert "Your sign-up was cancelled." in after
    assert "This sign-up has been cancelled." in after
    assert manage_page_url("manage_cancel", first.manage_token) not in after
    assert Signup.objects.get(pk=waiting.signup.pk).status == SignupStatus.ATTENDING
    promoted = resident.get(manage_page_url("manage", waiting.manage_token)).content.decode()
    assert "You have a seat for 1 person." in promoted


def test_changing_the_group(resident: Client) -> None:
    event = make_event(capacity=3, max_group_size=4)
    result = sign_up_as(event, "Maija", None, 3)
    waiting = sign_up_as(event, "Pekka", None, None)
    page = resident.get(manage_page_url("manage_change", result.manage_token))
    text = page.content.decode()
    assert 'value="Maija 0"' in text and 'value="Maija 1"' in text
    # Two more, with one seat left: refused with a message, nothing changes.
    bigger = {
        "participants-0-name": "Maija",
        "participants-1-name": "Eino",
        "participants-1-age": "3",
        "participants-2-name": "Aino",
        "participants-2-age": "5",
        "participants-3-name": "Ville",
    }
    response = resident.post(manage_page_url("manage_change", result.manage_token), bigger)
    assert response.status_code == 400
    assert 'value="Aino"' in response.content.decode()
    assert Signup.objects.get(pk=result.signup.pk).seats == 2
    # Fewer: the seat goes to the waiting list.
    smaller = {"participants-0-name": "", "participants-1-name": "Maija"}
    response = resident.post(manage_page_url("manage_change", result.manage_token), smaller)
    assert response.status_code == 303
    assert Signup.objects.get(pk=result.signup.pk).seats == 1
    assert Signup.objects.get(pk=waiting.signup.pk).status == SignupStatus.ATTENDING


def test_an_offered_seat_is_confirmed_before_its_deadline(resident: Client) -> None:
    event = make_event(capacity=1, confirm_within_hours=12)
    first = sign_up_as(event, "Maija")
    waiting = sign_up_as(event, "Pekka")
    resident.post(manage_page_url("manage_cancel", first.manage_token), {"confirm": "on"})
    offered = Signup.objects.get(pk=waiting.signup.pk)
    assert offered.status == SignupStatus.OFFERED
    page = resident.get(manage_page_url("manage", waiting.manage_token)).content.decode()
    assert "A seat has been offered to you" in page and "Confirm my seat" in page
    assert "2.3.2027 at 0.00" in page  # twelve hours from noon, in Finnish time
    response = resident.post(manage_page_url("manage_confirm", waiting.manage_token))
    assert response.status_code == 303
    assert Signup.objects.get(pk=waiting.signup.pk).status == SignupStatus.ATTENDING
    # Once confirmed there is nothing to confirm.
    assert resident.post(manage_page_url("manage_confirm", waiting.manage_token)).status_code == 409


def test_an_expired_offer_cannot_be_confirmed(
    resident: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    event = make_event(capacity=1, confirm_within_hours=1)
    first = sign_up_as(event, "Maija")
    waiting = sign_up_as(event, "Pekka")
    resident.post(manage_page_url("manage_cancel", first.manage_token), {"confirm": "on"})
    monkeypatch.setattr(timezone, "now", lambda: NOW + dt.timedelta(hours=2))
    response = resident.post(manage_page_url("manage_confirm", waiting.manage_token))
    assert response.status_code == 409
    assert "can no longer be confirmed" in response.content.decode()


def test_nothing_can_be_changed_once_the_event_has_begun_or_is_cancelled(
    resident: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    event = make_event()
    result = sign_up_as(event, "Maija")
    Event.objects.filter(pk=event.pk).update(status=EventStatus.CANCELLED)
    page = resident.get(manage_page_url("manage", result.manage_token)).content.decode()
    assert "This event has been cancelled." in page
    assert resident.get(manage_page_url("manage_cancel", result.manage_token)).status_code == 409
    Event.objects.filter(pk=event.pk).update(status=EventStatus.PUBLISHED)
    monkeypatch.setattr(timezone, "now", lambda: START + dt.timedelta(minutes=5))
    assert resident.get(manage_page_url("manage_change", result.manage_token)).status_code == 409
    assert (
        resident.post(
            manage_page_url("manage_cancel", result.manage_token), {"confirm": "on"}
        ).status_code
        == 409
    )
    assert Signup.objects.get(pk=result.signup.pk).status == SignupStatus.ATTENDING
