"""Network meetings over HTTP: planning (choices only from this family's people and team),
recording the minutes with agreed items becoming plan actions, cancelling, and the printable
invitation letter, whose address block never shows a non-disclosed address to anyone but the
responsible worker and whose reading is logged as a printout."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from perhekeskus.core.models import OutboxEmail
from perhekeskus.families.models import (
    AccessLogEntry,
    AccessPlace,
    DataCategory,
    FamilyStatus,
    MeetingStatus,
    NetworkMeeting,
    PlanAction,
)
from perhekeskus.families.services import plan as services
from perhekeskus.families.tests.helpers import join_team
from perhekeskus.testing.clients import logged_in_client
from perhekeskus.testing.families import (
    OPEN_ADDRESS,
    PROTECTED_ADDRESS,
    add_member,
    make_family,
)

pytestmark = pytest.mark.django_db

MINUTES = "Sovittiin, että koulu järjestää tukiopetusta."


@pytest.fixture
def family(professional):
    return make_family(
        responsible=professional,
        # English letters, so that the tests read the letters' English words.
        guardians=(
            {"name": "Anna Avoin", "preferred_language": "en"},
            {
                "name": "Sanna Suojattu",
                "address": PROTECTED_ADDRESS,
                "address_protected": True,
                "preferred_language": "en",
            },
        ),
    )


def url(family, tail=""):
    return f"/en/pro/families/{family.pk}/{tail}"


def _planned(professional, family, *, past=False):
    meeting = services.meeting_plan(
        actor=professional,
        family_id=family.pk,
        starts_at=timezone.now() + dt.timedelta(days=3),
        place="Perhekeskus, neuvotteluhuone 2",
        guardian_ids=[g.pk for g in family.guardians.all()],
        child_ids=[c.pk for c in family.children.all()],
        professional_ids=[professional.pk],
    )
    if past:
        meeting.starts_at = timezone.now() - dt.timedelta(hours=1)
        meeting.save(update_fields=["starts_at"])
    return meeting


def _plan_post(family, **extra):
    first = family.guardians.order_by("pk").first()
    return {
        "starts_at": (timezone.localtime() + dt.timedelta(days=5)).strftime("%d.%m.%Y 13.00"),
        "place": "Askolan koulu, kokoushuone",
        "guardians": [str(first.pk)],
        **extra,
    }


# --- Planning -----------------------------------------------------------------------------------


def test_the_responsible_worker_plans_a_meeting(professional, kuraattori, family):
    add_member(family, kuraattori)
    client = logged_in_client(professional)
    page = client.get(url(family, "meetings/new/")).content.decode()
    assert "Anna Avoin" in page and kuraattori.full_name in page
    assert PROTECTED_ADDRESS not in page
    response = client.post(
        url(family, "meetings/new/"), _plan_post(family, professionals=[str(kuraattori.pk)])
    )
    assert response.status_code == 302
    meeting = NetworkMeeting.objects.get()
    assert meeting.status == MeetingStatus.PLANNED
    assert list(meeting.professionals.all()) == [kuraattori]
    assert OutboxEmail.objects.count() == 1


def test_choices_only_from_this_family(professional, family):
    other = make_family(responsible=professional, name="Korhonen")
    response = logged_in_client(professional).post(
        url(family, "meetings/new/"),
        _plan_post(family, guardians=[str(other.guardians.first().pk)]),
    )
    assert response.status_code == 400
    assert not NetworkMeeting.objects.exists()


def test_a_team_member_with_the_meetings_consent_plans(kuraattori, school, family):
    join_team(family, kuraattori, school, [DataCategory.MEETINGS])
    response = logged_in_client(kuraattori).post(url(family, "meetings/new/"), _plan_post(family))
    assert response.status_code == 302
    assert NetworkMeeting.objects.get().created_by == kuraattori


def test_a_team_member_without_the_meetings_consent_is_refused(
    professional, kuraattori, school, family
):
    join_team(family, kuraattori, school, [DataCategory.PLAN, DataCategory.NOTES])
    meeting = _planned(professional, family, past=True)
    client = logged_in_client(kuraattori)
    assert client.get(url(family, "meetings/new/")).status_code == 403
    assert client.post(url(family, "meetings/new/"), _plan_post(family)).status_code == 403
    page = client.get(url(family, f"meetings/{meeting.pk}/")).content.decode()
    assert "Perhekeskus, neuvotteluhuone" not in page
    assert "does not cover this for your organisation" in page
    assert client.get(url(family, f"meetings/{meeting.pk}/record/")).status_code == 403
    post = client.post(url(family, f"meetings/{meeting.pk}/record/"), {"minutes": "x"})
    assert post.status_code == 403
    assert client.post(url(family, f"meetings/{meeting.pk}/cancel/")).status_code == 403
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED and meeting.minutes == ""
    assert not AccessLogEntry.objects.filter(actor=kuraattori, category="meetings").exists()


def test_an_outsider_finds_nothing(professional, outsider, family):
    meeting = _planned(professional, family)
    guardian = family.guardians.first()
    client = logged_in_client(outsider)
    for tail in (
        "meetings/new/",
        f"meetings/{meeting.pk}/",
        f"meetings/{meeting.pk}/record/",
        f"meetings/{meeting.pk}/cancel/",
        f"meetings/{meeting.pk}/letter/{guardian.pk}/",
    ):
        assert client.get(url(family, tail)).status_code == 404
    assert client.post(url(family, f"meetings/{meeting.pk}/cancel/")).status_code == 404
    assert NetworkMeeting.objects.get().status == MeetingStatus.PLANNED


def test_a_closed_record_takes_no_meeting(professional, family):
    meeting = _planned(professional, family)
    family.status = FamilyStatus.CLOSED
    family.closed_at = timezone.now()
    family.save(update_fields=["status", "closed_at"])
    client = logged_in_client(professional)
    assert client.get(url(family, f"meetings/{meeting.pk}/")).status_code == 200
    assert client.post(url(family, "meetings/new/"), _plan_post(family)).status_code == 403
    assert client.post(url(family, f"meetings/{meeting.pk}/cancel/")).status_code == 403


# --- Minutes and cancelling ---------------------------------------------------------------------


def test_minutes_with_agreed_items_become_plan_actions(professional, kuraattori, family):
    add_member(family, kuraattori)
    meeting = _planned(professional, family, past=True)
    guardian = family.guardians.order_by("pk").first()
    client = logged_in_client(professional)
    page = client.get(url(family, f"meetings/{meeting.pk}/record/")).content.decode()
    assert "Agreed item 5" in page
    response = client.post(
        url(family, f"meetings/{meeting.pk}/record/"),
        {
            "guardians": [str(guardian.pk)],
            "professionals": [str(kuraattori.pk)],
            "minutes": MINUTES,
            "agreed_1_text": "Tukiopetus kahdesti viikossa",
            "agreed_1_assignee": str(kuraattori.pk),
            "agreed_1_due_on": "1.2.2027",
            "agreed_3_text": "Varaa ajan neuvolaan",
            "agreed_3_assignee_text": "Äiti",
        },
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD and meeting.minutes == MINUTES
    actions = list(PlanAction.objects.filter(meeting=meeting).order_by("pk"))
    assert [(a.text, a.assignee_id, a.assignee_text) for a in actions] == [
        ("Tukiopetus kahdesti viikossa", kuraattori.pk, ""),
        ("Varaa ajan neuvolaan", None, "Äiti"),
    ]
    assert actions[0].due_on == dt.date(2027, 2, 1)
    detail = client.get(url(family, f"meetings/{meeting.pk}/")).content.decode()
    assert MINUTES in detail and "Tukiopetus kahdesti viikossa" in detail
    plan = client.get(url(family, "plan/")).content.decode()
    assert "Agreed in the network meeting of" in plan


def test_an_agreed_item_without_who_is_refused_on_its_row(professional, family):
    meeting = _planned(professional, family, past=True)
    response = logged_in_client(professional).post(
        url(family, f"meetings/{meeting.pk}/record/"),
        {
            "guardians": [str(family.guardians.first().pk)],
            "minutes": MINUTES,
            "agreed_2_text": "Jotain",
        },
    )
    assert response.status_code == 400
    assert 'href="#id_agreed_2_assignee"' in response.content.decode()
    assert not PlanAction.objects.exists()


def test_a_member_with_meetings_but_not_plan_writes_minutes_without_agreed_rows(
    professional, kuraattori, school, family
):
    join_team(family, kuraattori, school, [DataCategory.MEETINGS])
    meeting = _planned(professional, family, past=True)
    client = logged_in_client(kuraattori)
    page = client.get(url(family, f"meetings/{meeting.pk}/record/")).content.decode()
    assert "Agreed item 1" not in page
    response = client.post(
        url(family, f"meetings/{meeting.pk}/record/"),
        {
            "guardians": [str(family.guardians.first().pk)],
            "minutes": MINUTES,
            "agreed_1_text": "Ohitetaan",
            "agreed_1_assignee_text": "Isä",
        },
    )
    assert response.status_code == 302
    assert not PlanAction.objects.exists()
    meeting.refresh_from_db()
    assert meeting.minutes == MINUTES


def test_cancel_in_two_steps(professional, family):
    meeting = _planned(professional, family)
    client = logged_in_client(professional)
    page = client.get(url(family, f"meetings/{meeting.pk}/cancel/"))
    assert page.status_code == 200
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED
    assert client.post(url(family, f"meetings/{meeting.pk}/cancel/")).status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
    again = client.post(url(family, f"meetings/{meeting.pk}/cancel/"))
    assert again.status_code == 400


# --- The invitation letter ----------------------------------------------------------------------


def _letter(client, family, meeting, guardian):
    return client.get(url(family, f"meetings/{meeting.pk}/letter/{guardian.pk}/"))


def test_the_responsible_worker_prints_the_protected_address(professional, family):
    meeting = _planned(professional, family)
    protected = family.guardians.get(address_protected=True)
    response = _letter(logged_in_client(professional), family, meeting, protected)
    body = response.content.decode()
    assert response.status_code == 200
    assert PROTECTED_ADDRESS in body and "only you see it" in body
    assert AccessLogEntry.objects.filter(
        family=family, actor=professional, category=DataCategory.CONTACT, place=AccessPlace.PRINT
    ).exists()


def test_a_team_member_never_gets_the_protected_address(professional, kuraattori, school, family):
    join_team(family, kuraattori, school, [DataCategory.MEETINGS, DataCategory.CONTACT])
    meeting = _planned(professional, family)
    client = logged_in_client(kuraattori)
    protected = family.guardians.get(address_protected=True)
    body = _letter(client, family, meeting, protected).content.decode()
    assert PROTECTED_ADDRESS not in body and "Salainen" not in body
    assert "Non-disclosed address" in body
    assert "The responsible worker delivers this letter." in body
    open_one = family.guardians.get(address_protected=False)
    body = _letter(client, family, meeting, open_one).content.decode()
    assert OPEN_ADDRESS in body and PROTECTED_ADDRESS not in body
    logged = AccessLogEntry.objects.filter(family=family, actor=kuraattori, place="print")
    assert {entry.category for entry in logged} == {"basic", "meetings", "contact"}


def test_without_contact_in_the_consent_the_letter_has_no_address(
    professional, kuraattori, school, family
):
    join_team(family, kuraattori, school, [DataCategory.MEETINGS])
    meeting = _planned(professional, family)
    open_one = family.guardians.get(address_protected=False)
    body = _letter(logged_in_client(kuraattori), family, meeting, open_one).content.decode()
    assert OPEN_ADDRESS not in body and "The responsible worker delivers this letter." in body
    assert not AccessLogEntry.objects.filter(actor=kuraattori, category="contact").exists()


def test_the_letter_is_in_the_guardians_language(professional, family):
    meeting = _planned(professional, family)
    guardian = family.guardians.get(address_protected=False)
    guardian.preferred_language = "sv"
    guardian.save(update_fields=["preferred_language"])
    body = _letter(logged_in_client(professional), family, meeting, guardian).content.decode()
    assert 'lang="sv"' in body


def test_no_letter_to_a_guardian_not_invited_or_for_a_cancelled_meeting(professional, family):
    meeting = services.meeting_plan(
        actor=professional,
        family_id=family.pk,
        starts_at=timezone.now() + dt.timedelta(days=3),
        place="Perhekeskus",
        guardian_ids=[family.guardians.get(address_protected=False).pk],
    )
    client = logged_in_client(professional)
    protected = family.guardians.get(address_protected=True)
    assert _letter(client, family, meeting, protected).status_code == 404
    services.meeting_cancel(actor=professional, family_id=family.pk, meeting_id=meeting.pk)
    open_one = family.guardians.get(address_protected=False)
    assert _letter(client, family, meeting, open_one).status_code == 404


def test_a_meeting_page_never_shows_a_protected_address_to_the_team(
    professional, kuraattori, school, family
):
    join_team(family, kuraattori, school, [DataCategory.MEETINGS, DataCategory.CONTACT])
    meeting = _planned(professional, family)
    body = logged_in_client(kuraattori).get(url(family, f"meetings/{meeting.pk}/")).content
    assert PROTECTED_ADDRESS.encode() not in body
