"""Access to families' requests follows roles and team membership, and nobody opens it to
themselves: a coordinator cannot join a team on their own, and a responsible worker whose roles
are revoked loses the requests they were responsible for."""

import logging
from typing import Any

import pytest

from perhekeskus.accounts import services as account_services
from perhekeskus.accounts.models import User
from perhekeskus.audit.models import AuditEntry
from perhekeskus.core.roles import Role
from perhekeskus.intake.models import EarlySupportTeam, HelpRequest, HelpRequestEvent
from perhekeskus.intake.tests.factories import (
    EarlySupportTeamFactory,
    HelpRequestFactory,
    member_of,
    network_professional,
)
from perhekeskus.testing.clients import logged_in_client
from perhekeskus.testing.factories import MunicipalityFactory, UserFactory

pytestmark = pytest.mark.django_db


def team_form(team: EarlySupportTeam, members: list[User]) -> dict[str, object]:
    return {
        "name": team.name,
        "organization": str(team.organization_id),
        "notification_email": "vatu@example.org",
        "first_contact_target_days": "3",
        "is_active": "on",
        "municipalities": list(team.municipalities.values_list("code", flat=True)),
        "members": [str(m.pk) for m in members],
    }


@pytest.fixture
def team() -> EarlySupportTeam:
    return EarlySupportTeamFactory.create(municipalities=[MunicipalityFactory.create(code="018")])


@pytest.fixture
def coordinator_with_team_role(organization: Any) -> User:
    """A coordinator whom another coordinator gave the team role (the only way to get it)."""
    return UserFactory.create(
        email="coordinator-team@example.org",
        organization=organization,
        roles=[Role.COORDINATOR, Role.EARLY_SUPPORT_TEAM],
    )


# --- F-01: nobody adds themselves to a team -----------------------------------------------------


def test_coordinator_cannot_add_themselves_to_a_team(
    team: EarlySupportTeam, coordinator_with_team_role: User
) -> None:
    help_request = HelpRequestFactory.create(team=team)
    client = logged_in_client(coordinator_with_team_role)
    response = client.post(
        f"/en/pro/teams/{team.pk}/", team_form(team, [coordinator_with_team_role])
    )
    assert response.status_code == 400
    assert "You cannot add yourself to a team; another coordinator must do it." in (
        response.content.decode()
    )
    assert not team.members.filter(pk=coordinator_with_team_role.pk).exists()
    assert not AuditEntry.objects.filter(action="intake.team.change").exists()
    assert client.get(f"/fi/pro/help-requests/{help_request.pk}/").status_code == 404


def test_another_coordinator_adds_them_and_the_log_says_who_gained_access(
    team: EarlySupportTeam, coordinator: User, coordinator_with_team_role: User
) -> None:
    response = logged_in_client(coordinator).post(
        f"/fi/pro/teams/{team.pk}/", team_form(team, [coordinator_with_team_role])
    )
    assert response.status_code == 302
    assert team.members.filter(pk=coordinator_with_team_role.pk).exists()
    entry = AuditEntry.objects.get(action="intake.team.change")
    assert entry.actor == coordinator
    assert entry.details["members_added"] == [coordinator_with_team_role.pk]
    assert entry.details["members_removed"] == []
    # Staying in the team when saving it later is no self-grant.
    again = logged_in_client(coordinator_with_team_role).post(
        f"/fi/pro/teams/{team.pk}/", team_form(team, [coordinator_with_team_role])
    )
    assert again.status_code == 302


# --- F-10: revoking roles revokes the responsible worker's requests -----------------------------


@pytest.fixture
def assigned(team: EarlySupportTeam) -> tuple[HelpRequest, User]:
    nurse = network_professional(email="nurse-responsible@example.org")
    help_request = HelpRequestFactory.create(team=team, responsible=nurse)
    return help_request, nurse


def test_responsible_professional_reaches_their_request(
    assigned: tuple[HelpRequest, User],
) -> None:
    help_request, nurse = assigned
    client = logged_in_client(nurse)
    assert client.get("/fi/pro/help-requests/").status_code == 200
    assert client.get(f"/fi/pro/help-requests/{help_request.pk}/").status_code == 200
    response = client.post(
        f"/fi/pro/help-requests/{help_request.pk}/note/", {"note-text": "Soitan huomenna."}
    )
    assert response.status_code == 302
    assert HelpRequestEvent.objects.filter(request=help_request, kind="note").exists()


def test_revoking_the_roles_revokes_the_responsible_workers_requests(
    assigned: tuple[HelpRequest, User], coordinator: User, team: EarlySupportTeam
) -> None:
    help_request, nurse = assigned
    client = logged_in_client(nurse)
    account_services.user_roles_set(actor=coordinator, user=nurse, roles=[])
    colleague = member_of(team)
    assert client.get("/fi/pro/help-requests/").status_code == 403
    assert client.get(f"/fi/pro/help-requests/{help_request.pk}/").status_code == 404
    note = client.post(
        f"/fi/pro/help-requests/{help_request.pk}/note/", {"note-text": "Soitan huomenna."}
    )
    assert note.status_code == 404
    assign = client.post(
        f"/fi/pro/help-requests/{help_request.pk}/assign/",
        {"assign-responsible": str(colleague.pk)},
    )
    assert assign.status_code == 404
    help_request.refresh_from_db()
    assert help_request.responsible == nurse
    assert not HelpRequestEvent.objects.filter(request=help_request, kind="note").exists()
    assert not AuditEntry.objects.filter(
        action__in=["intake.request.view", "intake.request.note", "intake.request.assign"],
        actor=nurse,
    ).exists()


# --- F-22: a probe of another team's request is logged as a refusal -----------------------------


def test_a_probe_of_another_teams_request_is_logged_as_denied(
    team: EarlySupportTeam, caplog: pytest.LogCaptureFixture
) -> None:
    help_request = HelpRequestFactory.create(team=team)
    outsider = member_of(EarlySupportTeamFactory.create())
    client = logged_in_client(outsider)
    with caplog.at_level(logging.WARNING):
        assert client.get(f"/fi/pro/help-requests/{help_request.pk}/").status_code == 404
        note = client.post(f"/fi/pro/help-requests/{help_request.pk}/note/", {"note-text": "x"})
        assert note.status_code == 404
        missing = client.get("/fi/pro/help-requests/00000000-0000-0000-0000-000000000000/")
        assert missing.status_code == 404
    denied = [r.getMessage() for r in caplog.records if r.name == "perhekeskus.access"]
    assert denied == [
        f"Access denied: user {outsider.pk}, GET /fi/pro/help-requests/{help_request.pk}/ "
        f"(intake.helprequest {help_request.pk}), answered 404",
        f"Access denied: user {outsider.pk}, POST /fi/pro/help-requests/{help_request.pk}/note/ "
        f"(intake.helprequest {help_request.pk}), answered 404",
    ]
    assert all(r.exc_info is None for r in caplog.records if r.name == "django.request")
    assert help_request.message not in caplog.text
    assert not AuditEntry.objects.filter(actor=outsider, action__startswith="intake.").exists()


def test_a_coordinator_cannot_put_a_user_they_gave_the_role_to_in_a_team(
    team: EarlySupportTeam, coordinator: User
) -> None:
    """An account of one's own making (a second address) is no way round the rule."""
    puppet = account_services.user_create(
        actor=coordinator,
        email="second-address@example.org",
        full_name="Toinen Osoite",
        organization=None,
        roles=[Role.EARLY_SUPPORT_TEAM],
        send_invitation=False,
    )
    response = logged_in_client(coordinator).post(
        f"/en/pro/teams/{team.pk}/", team_form(team, [puppet])
    )
    assert response.status_code == 400
    assert "another coordinator must add them to a team: second-address@example.org" in (
        response.content.decode()
    )
    assert not team.members.filter(pk=puppet.pk).exists()
    assert not AuditEntry.objects.filter(action="intake.team.change").exists()


def test_another_coordinator_adds_the_user_the_first_one_created(
    team: EarlySupportTeam, coordinator: User, organization: Any
) -> None:
    colleague = UserFactory.create(organization=organization, roles=[Role.COORDINATOR])
    worker = account_services.user_create(
        actor=coordinator,
        email="new-worker@example.org",
        full_name="Uusi Työntekijä",
        organization=None,
        roles=[Role.EARLY_SUPPORT_TEAM],
        send_invitation=False,
    )
    response = logged_in_client(colleague).post(
        f"/fi/pro/teams/{team.pk}/", team_form(team, [worker])
    )
    assert response.status_code == 302
    assert team.members.filter(pk=worker.pk).exists()
    entry = AuditEntry.objects.get(action="intake.team.change")
    assert entry.actor == colleague
    assert entry.details["members_added"] == [worker.pk]
