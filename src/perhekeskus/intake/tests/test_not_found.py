"""One handler maps a selector's NotFound to the site's 404 page (`core.middleware`): a missing
id and an id the user may not see get the same answer on every HTML page of the team, and
the refusal is still logged as such."""

from __future__ import annotations

import logging
import uuid
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from perhekeskus.audit.models import AuditEntry
from perhekeskus.intake.models import HelpRequest, TeamMeeting
from perhekeskus.intake.tests.factories import (
    EarlySupportTeamFactory,
    HelpRequestFactory,
    meeting,
    member_of,
)
from perhekeskus.testing.clients import logged_in_client

pytestmark = pytest.mark.django_db

BOARD = "/en/pro/help-requests/"
MEETINGS = "/en/pro/help-requests/meetings/"


@pytest.fixture
def own_team(organization: Any) -> Any:
    return EarlySupportTeamFactory.create(organization=organization)


@pytest.fixture
def other_team(other_organization: Any) -> Any:
    return EarlySupportTeamFactory.create(organization=other_organization)


@pytest.fixture
def client(own_team: Any) -> Client:
    return logged_in_client(member_of(own_team))


def _pages(kind: str, object_id: Any) -> list[tuple[str, str]]:
    if kind == "request":
        return [
            ("get", f"{BOARD}{object_id}/"),
            ("post", f"{BOARD}{object_id}/triage/"),
            ("post", f"{BOARD}{object_id}/export/"),
        ]
    return [("get", f"{MEETINGS}{object_id}/"), ("post", f"{MEETINGS}{object_id}/minutes/")]


def _answer(client: Client, method: str, url: str) -> tuple[int, list[str]]:
    response = getattr(client, method)(url)
    return response.status_code, sorted({t.name for t in response.templates if t.name})


@pytest.mark.parametrize("kind", ["request", "meeting"])
def test_missing_and_forbidden_give_the_same_404_page(
    client: Client, other_team: Any, kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    if kind == "request":
        forbidden: Any = HelpRequestFactory.create(team=other_team).pk
        missing: Any = uuid.uuid4()
    else:
        forbidden = meeting(other_team, timezone.localdate()).pk
        missing = forbidden + 1000
    before = AuditEntry.objects.count()
    with caplog.at_level(logging.WARNING, logger="perhekeskus.access"):
        for (method, forbidden_url), (_method, missing_url) in zip(
            _pages(kind, forbidden), _pages(kind, missing), strict=True
        ):
            forbidden_answer = _answer(client, method, forbidden_url)
            assert forbidden_answer == _answer(client, method, missing_url)
            status, templates = forbidden_answer
            assert status == 404
            assert any("404" in name for name in templates), templates
    # Nothing was read or done, and the refusals (not the missing ids) are in the access log.
    assert AuditEntry.objects.count() == before
    denials = [r for r in caplog.records if "Access denied" in r.getMessage()]
    assert len(denials) == len(_pages(kind, forbidden))
    assert all(str(forbidden) in r.getMessage() for r in denials)


def test_the_own_teams_request_and_meeting_are_shown(client: Client, own_team: Any) -> None:
    help_request = HelpRequestFactory.create(team=own_team)
    held = meeting(own_team, timezone.localdate())
    assert client.get(f"{BOARD}{help_request.pk}/").status_code == 200
    assert client.get(f"{MEETINGS}{held.pk}/").status_code == 200
    assert HelpRequest.objects.count() == 1 and TeamMeeting.objects.count() == 1
