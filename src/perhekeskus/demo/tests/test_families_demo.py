"""The demo's family coordination (issue #14): the Virtanen family in Askola is its responsible
worker's to see, and Askola's school social worker, on the family's team but with the school's
consent expired, finds nothing of it in the list, the search, the page's URL or the API. The
demo has families in five municipalities, consents of every kind and a referral in each state,
and loading it again changes nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from perhekeskus.accounts.models import User
from perhekeskus.catalog.models import Organization
from perhekeskus.core.models import OutboxEmail
from perhekeskus.demo import families as demo_families
from perhekeskus.demo import network
from perhekeskus.demo.catalog.helpers import org_id
from perhekeskus.families import selectors
from perhekeskus.families.identity import name_digest
from perhekeskus.families.models import (
    AccessLogEntry,
    Consent,
    ConsentPurpose,
    Family,
    Guardian,
    MeetingStatus,
    NetworkMeeting,
    Referral,
    ReferralStatus,
    TeamMember,
    TeamRole,
)
from perhekeskus.intake.models import CloseReason, RequestStatus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_network")]

PROTECTED = "Salainen polku 7 B 12"


def user(local: str) -> User:
    return User.objects.get(email=f"{local}@{network.DEMO_DOMAIN}")


def virtanen() -> Family:
    return Family.objects.get(name_digest=name_digest("Virtanen"), municipality_id="018")


@override_settings(PERHEKESKUS_DEMO=True)
def logged_in(local: str) -> Client:
    client = Client()
    response = client.post(
        "/fi/accounts/login/",
        {"email": f"{local}@{network.DEMO_DOMAIN}", "password": network.DEMO_PASSWORD},
    )
    assert response.status_code == 302, f"{local} could not log in"
    return client


def shows(response: Any, family: Family) -> bool:
    """Whether a page shows anything of the family: a link to it or its members' names (the
    search term itself is echoed in the search box and the page's language links)."""
    content = response.content.decode()
    names = ("Laura Virtanen", "Mikko Virtanen", "Eetu Virtanen", "Aino Virtanen")
    return str(family.pk) in content or any(name in content for name in names)


def api_ids(client: Client, **params: Any) -> set[str]:
    response = client.get("/api/v1/families", params)
    assert response.status_code == 200
    return {row["id"] for row in response.json()["contents"]}


def test_the_school_social_worker_whose_consent_expired_finds_nothing_of_virtanen() -> None:
    family = virtanen()
    kuraattori = user("kuraattori")
    # On the team, and a consent names the school: but it has expired.
    assert TeamMember.objects.filter(
        family=family, user=kuraattori, removed_at__isnull=True
    ).exists()
    school = Consent.objects.get(family=family, recipients=org_id("askola"))
    assert school.purpose == ConsentPurpose.SCHOOL
    assert school.revoked_at is None and school.is_complete
    assert school.valid_until < timezone.localdate()
    logged_before = AccessLogEntry.objects.filter(family=family).count()

    client = logged_in("kuraattori")
    listed = client.get("/fi/pro/families/")
    assert listed.status_code == 200
    assert "Virtanen" not in listed.content.decode()
    searched = client.get("/fi/pro/families/", {"q": "Virtanen", "status": "all"})
    assert searched.status_code == 200
    assert not shows(listed, family) and not shows(searched, family)
    assert client.get(f"/fi/pro/families/{family.pk}/").status_code == 404
    assert client.get(f"/fi/pro/families/{family.pk}/plan/").status_code == 404
    assert str(family.pk) not in api_ids(client)
    assert api_ids(client, search="Virtanen") == set()
    assert client.get(f"/api/v1/families/{family.pk}").status_code == 404
    assert not any(
        row.family.pk == family.pk for row in selectors.family_list(actor=kuraattori, status="")
    )
    # Nothing was read, so nothing was logged.
    assert AccessLogEntry.objects.filter(family=family).count() == logged_before


def test_the_deacon_whose_consent_was_revoked_finds_nothing_either() -> None:
    family = virtanen()
    parish = Consent.objects.get(family=family, recipients=org_id("askolan-seurakunta"))
    assert parish.revoked_at is not None
    client = logged_in("diakoni")
    assert "Virtanen" not in client.get("/fi/pro/families/").content.decode()
    assert not shows(client.get("/fi/pro/families/", {"q": "Virtanen"}), family)
    assert client.get(f"/fi/pro/families/{family.pk}/").status_code == 404
    assert client.get(f"/api/v1/families/{family.pk}").status_code == 404


def test_the_responsible_worker_sees_virtanen_everywhere_with_the_non_disclosed_address() -> None:
    family = virtanen()
    client = logged_in("vastuutyontekija")
    assert shows(client.get("/fi/pro/families/"), family)
    assert shows(client.get("/fi/pro/families/", {"q": "Virtanen"}), family)
    page = client.get(f"/fi/pro/families/{family.pk}/")
    assert page.status_code == 200
    assert "Virtanen" in page.content.decode()
    assert PROTECTED in page.content.decode()
    assert str(family.pk) in api_ids(client, search="Virtanen")
    answer = client.get(f"/api/v1/families/{family.pk}")
    assert answer.status_code == 200
    assert PROTECTED in answer.content.decode()


def test_mlls_volunteer_coordinator_reads_on_the_consent_but_never_the_protected_address() -> None:
    family = virtanen()
    client = logged_in("vapaaehtoiset")
    page = client.get(f"/fi/pro/families/{family.pk}/")
    assert page.status_code == 200
    assert "Virtanen" in page.content.decode()
    assert PROTECTED not in page.content.decode()
    answer = client.get(f"/api/v1/families/{family.pk}")
    assert answer.status_code == 200
    assert PROTECTED not in answer.content.decode()
    inbox = client.get("/fi/pro/families/referrals/")
    assert inbox.status_code == 200


def test_virtanen_has_every_kind_of_consent_a_plan_meetings_and_a_referral_in_each_state() -> None:
    family = virtanen()
    today = timezone.localdate()
    assert family.responsible == user("vastuutyontekija")
    assert family.organization_id == org_id("itauusimaa")
    # Opened from the mother's help request, which now points to the record.
    assert family.help_request is not None
    assert family.help_request.status == RequestStatus.CLOSED
    assert family.help_request.close_reason == CloseReason.COORDINATION
    assert family.help_request.coordination_reference == str(family.pk)

    consents = list(Consent.objects.filter(family=family).prefetch_related("recipients"))
    in_force = [c for c in consents if c.is_effective(today)]
    assert [c.purpose for c in in_force] == [ConsentPurpose.COORDINATION]
    assert {o.pk for o in in_force[0].recipients.all()} == {
        org_id("itauusimaa"),
        org_id("mll-askola"),
    }
    assert sum(1 for c in consents if c.revoked_at is not None) == 1
    assert sum(1 for c in consents if c.revoked_at is None and c.valid_until < today) == 1

    guardians = list(Guardian.objects.filter(family=family))
    assert [g.address_protected for g in guardians].count(True) == 1

    team = TeamMember.objects.filter(family=family, removed_at__isnull=True)
    assert {member.organization_id for member in team} == {
        org_id("askola"),
        org_id("mll-askola"),
        org_id("askolan-seurakunta"),
    }
    assert team.filter(role=TeamRole.VOLUNTEER_COORDINATOR, user=user("vapaaehtoiset")).exists()

    assert family.plan.goals
    actions = list(family.plan.actions.all())
    assert len(actions) >= 3
    assert any(action.meeting_id is not None for action in actions)
    meetings = list(NetworkMeeting.objects.filter(family=family))
    held = [m for m in meetings if m.status == MeetingStatus.HELD]
    planned = [m for m in meetings if m.status == MeetingStatus.PLANNED]
    assert len(held) == 1 and held[0].minutes and held[0].starts_at < timezone.now()
    assert len(planned) == 1 and planned[0].starts_at > timezone.now()
    assert family.notes.count() == 2

    referrals = list(Referral.objects.filter(family=family))
    assert {r.status for r in referrals} == set(ReferralStatus.values)
    accepted = next(r for r in referrals if r.status == ReferralStatus.ACCEPTED)
    assert accepted.to_organization_id == org_id("mll-askola")
    assert accepted.decided_by == user("vapaaehtoiset")
    declined = next(r for r in referrals if r.status == ReferralStatus.DECLINED)
    assert declined.decline_reason


def test_the_demo_has_families_in_several_municipalities_with_teams_across_organisations() -> None:
    families = list(Family.objects.select_related("responsible"))
    assert {f.municipality_id for f in families} >= {"018", "638", "165", "853", "751"}
    for family in families:
        assert family.responsible is not None
        assert family.team.filter(removed_at__isnull=True).exists()
        assert Consent.objects.effective().filter(family=family).exists()
        assert family.referrals.exists()
    janakkala = next(f for f in families if f.municipality_id == "165")
    assert {m.organization_id for m in janakkala.team.all()} == {org_id("janakkala")}
    assert janakkala.organization_id == org_id("kantahame")
    # The made-up families' e-mails were not left in the outbox.
    assert not OutboxEmail.objects.filter(kind__startswith="families.").exists()


def test_loading_the_families_again_changes_nothing() -> None:
    users = {u.email.split("@")[0]: u for u in User.objects.all()}
    organizations = {org.key: Organization.objects.get(pk=org.id) for org in network.ORGANIZATIONS}
    before = Family.objects.count()
    referrals = Referral.objects.count()
    summary = demo_families.load_demo_families(
        users=users,
        organizations=organizations,
        now=timezone.now() + dt.timedelta(days=1),
    )
    assert summary.families_created == 0
    assert Family.objects.count() == before == len(demo_families.FAMILIES)
    assert Referral.objects.count() == referrals
