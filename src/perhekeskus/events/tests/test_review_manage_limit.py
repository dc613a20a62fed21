"""Changes through a manage link are rate-limited per sign-up (each writes the family a notice
and takes the event's lock); refused changes do not count, and RATE_LIMITS=off turns it off."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from perhekeskus.events.models import Signup
from perhekeskus.events.tests.helpers import make_event, manage_page_url, sign_up_as

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


def change(client: Client, token: str, *names: str) -> Any:
    data = {f"participants-{i}-name": name for i, name in enumerate(names)}
    return client.post(manage_page_url("manage_change", token), data)


def test_a_manage_link_changes_a_few_times_an_hour(resident: Client, settings: Any) -> None:
    settings.PERHEKESKUS_RATE_LIMITS = True
    settings.EVENTS_MANAGE_RATE_LIMIT = "2/h"
    event = make_event(capacity=3)
    token = sign_up_as(event, "Maija").manage_token
    # A change the service refuses (more than the seats left) uses nothing.
    assert change(resident, token, "A", "B", "C", "D").status_code == 400
    assert change(resident, token, "A", "B").status_code == 303
    assert change(resident, token, "A").status_code == 303
    refused = change(resident, token, "A", "B")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "Too many changes" in refused.content.decode()
    assert Signup.objects.get().seats == 1
    cancel = resident.post(manage_page_url("manage_cancel", token), {"confirm": "on"})
    assert cancel.status_code == 429
    # Another family's link has its own count.
    other = sign_up_as(event, "Liisa").manage_token
    assert change(resident, other, "L").status_code == 303


def test_rate_limits_off_turns_it_off(resident: Client, settings: Any) -> None:
    settings.PERHEKESKUS_RATE_LIMITS = False
    settings.EVENTS_MANAGE_RATE_LIMIT = "1/h"
    token = sign_up_as(make_event(capacity=10), "Maija").manage_token
    for names in (("A", "B"), ("A",), ("A", "B")):
        assert change(resident, token, *names).status_code == 303
