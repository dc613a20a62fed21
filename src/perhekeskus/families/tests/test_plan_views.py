"""The support plan's pages over HTTP: the plan, its form, actions and versions, and the family
page's plan section, for the responsible worker, a team member with and without the plan in
their organisation's consent, an outsider and a closed record. What the consent does not cover
is not on the page, and every read is in the family's access log."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.utils import timezone, translation

from perhekeskus.families import selectors
from perhekeskus.families.models import (
    AccessLogEntry,
    AccessPlace,
    ActionStatus,
    DataCategory,
    FamilyStatus,
    PlanAction,
    PlanVersion,
    SupportPlan,
)
from perhekeskus.families.services import plan as services
from perhekeskus.families.tests.helpers import join_team
from perhekeskus.families.views.sections_plan import section_context
from perhekeskus.testing.clients import logged_in_client
from perhekeskus.testing.families import make_family

pytestmark = pytest.mark.django_db

GOALS = "Haluamme, että aamut sujuvat ilman riitaa."


@pytest.fixture
def family(professional):
    family = make_family(responsible=professional)
    services.plan_update(
        actor=professional,
        family_id=family.pk,
        goals=GOALS,
        follow_up_on=dt.date(2027, 3, 1),
        status="active",
    )
    services.action_add(
        actor=professional, family_id=family.pk, text="Aamurutiinin kokeilu", assignee_text="Äiti"
    )
    return family


def url(family, tail=""):
    return f"/en/pro/families/{family.pk}/{tail}"


# --- Reading ------------------------------------------------------------------------------------


def test_the_responsible_worker_reads_the_plan_and_the_read_is_logged(professional, family):
    response = logged_in_client(professional).get(url(family, "plan/"))
    assert response.status_code == 200
    body = response.content.decode()
    assert GOALS in body and "Aamurutiinin kokeilu" in body and "Äiti" in body
    assert "1.3.2027" in body
    assert f"/pro/families/{family.pk}/plan/edit/" in body
    assert AccessLogEntry.objects.filter(
        family=family, actor=professional, category=DataCategory.PLAN, place=AccessPlace.PAGE
    ).exists()


def test_a_team_member_with_the_plan_in_the_consent_reads_it(kuraattori, school, family):
    join_team(family, kuraattori, school, [DataCategory.PLAN])
    body = logged_in_client(kuraattori).get(url(family, "plan/")).content.decode()
    assert GOALS in body
    entry = AccessLogEntry.objects.get(family=family, actor=kuraattori, category="plan")
    assert entry.basis == "consent"


def test_a_team_member_without_the_plan_in_the_consent_sees_none_of_it(kuraattori, school, family):
    join_team(family, kuraattori, school, [DataCategory.NOTES, DataCategory.MEETINGS])
    client = logged_in_client(kuraattori)
    for tail in ("plan/", "plan/versions/", "plan/versions/1/"):
        response = client.get(url(family, tail))
        assert response.status_code == 200
        body = response.content.decode()
        assert GOALS not in body and "Aamurutiinin" not in body
        assert "does not cover this for your organisation" in body
    assert not AccessLogEntry.objects.filter(actor=kuraattori, category="plan").exists()
    for tail in ("plan/edit/", "actions/new/"):
        assert client.get(url(family, tail)).status_code == 403


def test_an_outsider_finds_nothing(outsider, family):
    client = logged_in_client(outsider)
    action = PlanAction.objects.get()
    for tail in (
        "plan/",
        "plan/edit/",
        "plan/versions/",
        "plan/versions/1/",
        "actions/new/",
        f"actions/{action.pk}/",
    ):
        assert client.get(url(family, tail)).status_code == 404
    response = client.post(
        url(family, "plan/edit/"), {"goals": "x", "status": "active", "follow_up_on": ""}
    )
    assert response.status_code == 404
    assert SupportPlan.objects.get().goals == GOALS
    assert not AccessLogEntry.objects.filter(actor=outsider).exists()


def test_anonymous_is_sent_to_log_in(family):
    response = Client().get(url(family, "plan/"))
    assert response.status_code == 302 and "login" in response["Location"]


# --- Writing ------------------------------------------------------------------------------------


def test_the_responsible_worker_changes_the_plan(professional, family):
    client = logged_in_client(professional)
    assert client.get(url(family, "plan/edit/")).status_code == 200
    response = client.post(
        url(family, "plan/edit/"),
        {"goals": "Uudet tavoitteet", "follow_up_on": "15.4.2027", "status": "active"},
    )
    assert response.status_code == 302
    plan = SupportPlan.objects.get()
    assert plan.goals == "Uudet tavoitteet" and plan.follow_up_on == dt.date(2027, 4, 15)
    assert plan.version == 3


def test_plan_form_errors_keep_the_input(professional, family):
    response = logged_in_client(professional).post(
        url(family, "plan/edit/"), {"goals": "  ", "follow_up_on": "32.13.2027", "status": "x"}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="error-summary"' in body and "d.m.yyyy" in body


def test_a_team_member_with_the_plan_consent_writes(kuraattori, school, family):
    join_team(family, kuraattori, school, [DataCategory.PLAN])
    client = logged_in_client(kuraattori)
    response = client.post(
        url(family, "actions/new/"),
        {"text": "Tukiopetus", "assignee": str(kuraattori.pk), "due_on": "1.2.2027"},
    )
    assert response.status_code == 302
    action = PlanAction.objects.latest("pk")
    assert action.text == "Tukiopetus"
    assert action.assignee == kuraattori and action.due_on == dt.date(2027, 2, 1)


def test_a_team_member_without_the_plan_consent_cannot_post(kuraattori, school, family):
    join_team(family, kuraattori, school, [DataCategory.NOTES])
    client = logged_in_client(kuraattori)
    response = client.post(url(family, "actions/new/"), {"text": "x", "assignee_text": "Isä"})
    assert response.status_code == 403
    assert PlanAction.objects.count() == 1


def test_a_closed_record_takes_no_changes(professional, family):
    family.status = FamilyStatus.CLOSED
    family.closed_at = timezone.now()
    family.save(update_fields=["status", "closed_at"])
    client = logged_in_client(professional)
    body = client.get(url(family, "plan/")).content.decode()
    assert GOALS in body and "/plan/edit/" not in body
    assert client.get(url(family, "plan/edit/")).status_code == 403
    assert client.post(url(family, "actions/new/"), {"text": "x"}).status_code == 403


def test_action_form_needs_someone_who_does_it(professional, family):
    response = logged_in_client(professional).post(url(family, "actions/new/"), {"text": "Jotain"})
    assert response.status_code == 400
    assert "Say who does it" in response.content.decode()


def test_action_status_changes_and_a_version_is_kept(professional, family):
    action = PlanAction.objects.get()
    client = logged_in_client(professional)
    assert client.get(url(family, f"actions/{action.pk}/")).status_code == 200
    response = client.post(
        url(family, f"actions/{action.pk}/"),
        {"text": action.text, "assignee": "", "assignee_text": "Äiti", "status": "done"},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE and action.done_at is not None
    assert PlanVersion.objects.count() == 3


def test_versions_list_who_and_when_and_show_a_version(professional, family):
    client = logged_in_client(professional)
    services.plan_update(
        actor=professional, family_id=family.pk, goals="Toiset", follow_up_on=None, status="ended"
    )
    body = client.get(url(family, "plan/versions/")).content.decode()
    assert "Version 3" in body and "Version 1" in body and professional.full_name in body
    first = client.get(url(family, "plan/versions/1/")).content.decode()
    assert GOALS in first and "Aamurutiinin" not in first
    second = client.get(url(family, "plan/versions/2/")).content.decode()
    assert "Aamurutiinin kokeilu" in second and "Äiti" in second
    assert client.get(url(family, "plan/versions/9/")).status_code == 404


# --- The family page's section ------------------------------------------------------------------


def _section(actor, family):
    fa = selectors.access_family(
        actor=actor, family_id=family.pk, categories=["plan", "meetings", "notes"]
    )
    context = section_context(actor, fa)
    with translation.override("en"):
        html = "".join(
            render_to_string(f"families/pro/sections/{name}.html", context)
            for name in ("plan", "meetings", "notes")
        )
    return context["plan_section"], html


def test_the_section_shows_only_what_the_consent_covers(professional, kuraattori, school, family):
    services.note_add(actor=professional, family_id=family.pk, text="Salainen muistiinpano")
    join_team(family, kuraattori, school, [DataCategory.MEETINGS])
    section, html = _section(kuraattori, family)
    assert not section.shows_plan and not section.shows_notes and section.shows_meetings
    assert GOALS not in html and "Salainen" not in html
    assert html.count("does not cover this for your organisation") == 2
    section, html = _section(professional, family)
    assert section.shows_plan and GOALS in html and "Salainen muistiinpano" in html
    assert section.can_write_plan and section.can_write_notes


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_every_page_renders_in_each_language(professional, family, lang):
    meeting = services.meeting_plan(
        actor=professional,
        family_id=family.pk,
        starts_at=timezone.now() + dt.timedelta(days=2),
        place="Perhekeskus",
        guardian_ids=[family.guardians.first().pk],
    )
    services.note_add(actor=professional, family_id=family.pk, text="Muistiinpano")
    action = PlanAction.objects.first()
    client = logged_in_client(professional)
    base = f"/{lang}/pro/families/{family.pk}/"
    for tail in (
        "plan/",
        "plan/edit/",
        "plan/versions/",
        "plan/versions/1/",
        "actions/new/",
        f"actions/{action.pk}/",
        "meetings/new/",
        f"meetings/{meeting.pk}/",
        f"meetings/{meeting.pk}/cancel/",
        f"meetings/{meeting.pk}/letter/{family.guardians.first().pk}/",
        "notes/",
        "notes/new/",
    ):
        response = client.get(base + tail)
        assert response.status_code == 200, tail
        assert f'<html lang="{lang}">' in response.content.decode()
    meeting.starts_at = timezone.now() - dt.timedelta(hours=1)
    meeting.save(update_fields=["starts_at"])
    assert client.get(base + f"meetings/{meeting.pk}/record/").status_code == 200


def test_the_family_page_shows_the_plan_meetings_and_notes_only_where_covered(
    professional, kuraattori, school, family
):
    services.note_add(actor=professional, family_id=family.pk, text="Salainen muistiinpano")
    services.meeting_plan(
        actor=professional,
        family_id=family.pk,
        starts_at=timezone.now() + dt.timedelta(days=2),
        place="Nuorisotalo",
        guardian_ids=[family.guardians.first().pk],
    )
    join_team(family, kuraattori, school, [DataCategory.CONTACT])
    body = logged_in_client(kuraattori).get(url(family)).content.decode()
    assert GOALS not in body and "Salainen muistiinpano" not in body and "Nuorisotalo" not in body
    assert f"/{family.pk}/meetings/new/" not in body and f"/{family.pk}/notes/new/" not in body
    read = set(AccessLogEntry.objects.filter(actor=kuraattori).values_list("category", flat=True))
    assert read == {"basic", "contact"}
    body = logged_in_client(professional).get(url(family)).content.decode()
    assert GOALS in body and "Salainen muistiinpano" in body and "Nuorisotalo" in body
    assert f"/{family.pk}/meetings/new/" in body and f"/{family.pk}/notes/new/" in body
