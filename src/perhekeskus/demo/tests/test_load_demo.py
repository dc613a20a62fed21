import pytest
from django.core.management import CommandError, call_command
from django.test import Client, override_settings

from perhekeskus.accounts.models import User
from perhekeskus.audit.models import AuditEntry
from perhekeskus.catalog.actions import IMPORT_RUN
from perhekeskus.catalog.models import Organization, OrganizationType
from perhekeskus.core.roles import Role
from perhekeskus.demo import network

pytestmark = pytest.mark.django_db


@override_settings(PERHEKESKUS_DEMO=True)
def test_demo_network_has_a_login_for_every_role_and_loads_idempotently() -> None:
    call_command("load_demo")
    users = User.objects.count()
    organizations = Organization.objects.count()
    entries = AuditEntry.objects.exclude(action=IMPORT_RUN.name).count()
    assert organizations == len(network.ORGANIZATIONS)
    assert organizations == len({org.key for org in network.ORGANIZATIONS})
    roles = {role for user in User.objects.all() for role in user.role_set()}
    assert roles == set(Role.values)
    assert User.objects.filter(is_superuser=True).exists()
    types = set(Organization.objects.values_list("type", flat=True))
    assert {OrganizationType.WELLBEING_COUNTY, OrganizationType.MUNICIPALITY} <= types

    call_command("load_demo")
    assert User.objects.count() == users
    assert Organization.objects.count() == organizations
    # The catalogue import records its run every time, even when it wrote nothing.
    assert AuditEntry.objects.exclude(action=IMPORT_RUN.name).count() == entries, (
        "a second run must change nothing"
    )
    assert AuditEntry.objects.filter(action=IMPORT_RUN.name).count() == 2


@override_settings(PERHEKESKUS_DEMO=True)
@pytest.mark.usefixtures("demo_network")
def test_demo_coordinator_logs_in_and_sees_their_login_in_the_audit_log() -> None:
    client = Client()
    response = client.post(
        "/fi/accounts/login/",
        {"email": "koordinaattori@demo.perhekeskus.example", "password": network.DEMO_PASSWORD},
    )
    assert response.status_code == 302
    log = client.get("/fi/pro/audit/", {"action": "accounts.user.login"})
    assert "koordinaattori@demo.perhekeskus.example" in log.content.decode()


@override_settings(PERHEKESKUS_DEMO=False)
def test_demo_data_is_refused_outside_a_demo_installation() -> None:
    with pytest.raises(CommandError, match="not a demo installation"):
        call_command("load_demo")
    assert not User.objects.exists()


@override_settings(PERHEKESKUS_DEMO=True)
@pytest.mark.usefixtures("demo_network")
def test_a_request_from_the_demo_form_reaches_the_demo_teams_board() -> None:
    from perhekeskus.intake.models import EarlySupportTeam

    served = set(
        EarlySupportTeam.objects.filter(is_active=True).values_list(
            "municipalities__code", flat=True
        )
    )
    assert served == set(network.MUNICIPALITIES)
    response = Client().post(
        "/api/v1/help-requests",
        data={
            "message": "Vauva itkee paljon.",
            "concerns": "my_child",
            "municipality": "018",
            "language": "fi",
            "anonymous": True,
            "consent": True,
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    team_member = Client()
    team_member.post(
        "/fi/accounts/login/",
        {"email": f"perhetyontekija@{network.DEMO_DOMAIN}", "password": network.DEMO_PASSWORD},
    )
    board = team_member.get("/fi/pro/help-requests/")
    assert board.status_code == 200
    code = response.json()["tracking_code"]
    assert code[:5] in board.content.decode()
