import pytest

from perhekeskus.audit.models import AuditEntry
from perhekeskus.core.roles import Role
from perhekeskus.intake.models import EarlySupportTeam
from perhekeskus.testing.clients import logged_in_client
from perhekeskus.testing.factories import MunicipalityFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def askola(db):  # type: ignore[no-untyped-def]
    return MunicipalityFactory.create(code="018", name="Askola")


def team_form(organization, askola, members=()) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {
        "name": "VATU Askola",
        "organization": str(organization.pk),
        "notification_email": "vatu@example.org",
        "first_contact_target_days": "3",
        "is_active": "on",
        "municipalities": [askola.code],
        "members": [str(m.pk) for m in members],
    }


def test_coordinator_creates_a_team_and_it_is_audited(coordinator, organization, askola) -> None:  # type: ignore[no-untyped-def]
    worker = UserFactory.create(roles=[Role.EARLY_SUPPORT_TEAM])
    client = logged_in_client(coordinator)
    response = client.post("/fi/pro/teams/new/", team_form(organization, askola, [worker]))
    assert response.status_code == 302
    team = EarlySupportTeam.objects.get()
    assert list(team.members.all()) == [worker]
    assert list(team.municipalities.values_list("code", flat=True)) == ["018"]
    assert AuditEntry.objects.filter(action="intake.team.change", actor=coordinator).exists()


def test_professional_cannot_manage_teams(professional, organization, askola) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(professional)
    assert client.get("/fi/pro/teams/").status_code == 403
    response = client.post("/fi/pro/teams/new/", team_form(organization, askola))
    assert response.status_code == 403
    assert not EarlySupportTeam.objects.exists()
    assert not AuditEntry.objects.filter(action="intake.team.change").exists()


def test_a_municipality_belongs_to_one_active_team(coordinator, organization, askola) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(coordinator)
    client.post("/fi/pro/teams/new/", team_form(organization, askola))
    second = team_form(organization, askola) | {"name": "Toinen tiimi"}
    response = client.post("/en/pro/teams/new/", second)
    assert response.status_code == 400
    assert "Already served by another active team" in response.content.decode()
    assert EarlySupportTeam.objects.count() == 1


def test_members_need_the_team_role(coordinator, organization, askola, professional) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(coordinator)
    response = client.post("/en/pro/teams/new/", team_form(organization, askola, [professional]))
    # The form lists only users with the role, so anyone else is not even a valid choice.
    assert response.status_code == 400
    assert not EarlySupportTeam.objects.exists()


def test_one_team_for_coordinators_only_and_a_missing_one_is_404(  # type: ignore[no-untyped-def]
    coordinator, professional, organization, askola
) -> None:
    import uuid

    team = EarlySupportTeam.objects.create(name="VATU Askola", organization=organization)
    team.municipalities.add(askola)
    coordinators = logged_in_client(coordinator)
    page = coordinators.get(f"/fi/pro/teams/{team.pk}/")
    assert page.status_code == 200
    assert askola.name in page.content.decode()
    assert coordinators.get(f"/fi/pro/teams/{uuid.uuid4()}/").status_code == 404
    # Anyone else is refused before the team is looked up: the same 403 for any id.
    others = logged_in_client(professional)
    assert others.get(f"/fi/pro/teams/{team.pk}/").status_code == 403
    assert others.get(f"/fi/pro/teams/{uuid.uuid4()}/").status_code == 403
