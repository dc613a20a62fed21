"""The plan, meetings and notes services: who may write (the responsible worker, a team member
whose consent covers the category; not one without it, not an outsider, not on a closed record,
not under a law), plan versions on every change, and minutes becoming plan actions."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from perhekeskus.audit.models import AuditEntry
from perhekeskus.core.errors import NotFound, PolicyDenied
from perhekeskus.core.roles import Role
from perhekeskus.families import actions, selectors, selectors_plan
from perhekeskus.families.models import (
    AccessLogEntry,
    ActionStatus,
    DataCategory,
    FamilyStatus,
    LegalAccess,
    MeetingStatus,
    Note,
    PlanAction,
    PlanStatus,
    PlanVersion,
)
from perhekeskus.families.services import plan as services
from perhekeskus.families.services.plan import AgreedItem
from perhekeskus.families.tests.helpers import join_team
from perhekeskus.testing.factories import UserFactory
from perhekeskus.testing.families import (
    PROTECTED_ADDRESS,
    add_member,
    give_consent,
    make_family,
)

pytestmark = pytest.mark.django_db

LATER = timezone.now() + dt.timedelta(days=7)


@pytest.fixture
def family(professional):
    return make_family(
        responsible=professional,
        guardians=({}, {"address": PROTECTED_ADDRESS, "address_protected": True}),
    )


def _close(family):
    family.status = FamilyStatus.CLOSED
    family.closed_at = timezone.now()
    family.save(update_fields=["status", "closed_at"])


def _plan(actor, family, **kwargs):
    return services.plan_update(
        actor=actor,
        family_id=family.pk,
        goals=kwargs.get("goals", "Arki sujuu ja Eelis käy koulua mielellään."),
        follow_up_on=kwargs.get("follow_up_on", dt.date(2027, 1, 15)),
        status=kwargs.get("status", PlanStatus.ACTIVE),
    )


# --- Writers ------------------------------------------------------------------------------------


WRITES = {
    DataCategory.PLAN: lambda actor, family: _plan(actor, family),
    DataCategory.MEETINGS: lambda actor, family: services.meeting_plan(
        actor=actor,
        family_id=family.pk,
        starts_at=LATER,
        place="Perhekeskus, neuvotteluhuone 2",
        guardian_ids=[family.guardians.first().pk],
    ),
    DataCategory.NOTES: lambda actor, family: services.note_add(
        actor=actor, family_id=family.pk, text="Soitin äidille."
    ),
}


@pytest.mark.parametrize("category", list(WRITES))
def test_the_responsible_worker_writes(professional, family, category):
    assert WRITES[category](professional, family) is not None


@pytest.mark.parametrize("category", list(WRITES))
def test_a_team_member_whose_consent_covers_the_category_writes(
    kuraattori, school, family, category
):
    join_team(family, kuraattori, school, [category])
    assert WRITES[category](kuraattori, family) is not None


@pytest.mark.parametrize("category", list(WRITES))
def test_a_team_member_without_the_category_in_the_consent_is_refused(
    kuraattori, school, family, category
):
    others = [c for c in WRITES if c != category]
    join_team(family, kuraattori, school, others)
    with pytest.raises(PolicyDenied):
        WRITES[category](kuraattori, family)
    assert not AuditEntry.objects.filter(action__startswith="families.").exists()


@pytest.mark.parametrize("category", list(WRITES))
def test_a_team_member_whose_consent_was_revoked_finds_nothing(
    kuraattori, school, family, category
):
    add_member(family, kuraattori)
    give_consent(family, [school], categories=list(WRITES), revoked=True)
    with pytest.raises(NotFound):
        WRITES[category](kuraattori, family)


@pytest.mark.parametrize("category", list(WRITES))
def test_an_outsider_finds_nothing(outsider, family, category):
    with pytest.raises(NotFound):
        WRITES[category](outsider, family)


@pytest.mark.parametrize("category", list(WRITES))
def test_a_consent_without_team_membership_writes_nothing(kuraattori, school, family, category):
    give_consent(family, [school], categories=list(WRITES))
    with pytest.raises(NotFound):
        WRITES[category](kuraattori, family)


@pytest.mark.parametrize("category", list(WRITES))
def test_a_closed_record_is_read_only(professional, kuraattori, school, family, category):
    join_team(family, kuraattori, school, list(WRITES))
    _close(family)
    for actor in (professional, kuraattori):
        with pytest.raises(PolicyDenied):
            WRITES[category](actor, family)


@pytest.mark.parametrize("category", list(WRITES))
def test_a_reader_under_a_law_writes_nothing(outsider, family, category):
    LegalAccess.objects.create(
        family=family,
        actor=outsider,
        organization=outsider.organization,
        basis="child_welfare_notification",
        reason="Lastensuojeluilmoitus",
        categories=list(WRITES),
        expires_at=timezone.now() + dt.timedelta(hours=2),
    )
    with pytest.raises(PolicyDenied):
        WRITES[category](outsider, family)


def test_writes_log_no_reads(professional, family):
    for write in WRITES.values():
        write(professional, family)
    assert not AccessLogEntry.objects.filter(family=family).exists()


# --- The plan and its versions ------------------------------------------------------------------


def _snapshot(version):
    return json.loads(PlanVersion.objects.get(pk=version.pk).snapshot)


def test_every_plan_change_and_action_change_stores_a_version(professional, kuraattori, family):
    add_member(family, kuraattori)
    plan = _plan(professional, family)
    assert plan.version == 1
    action = services.action_add(
        actor=professional,
        family_id=family.pk,
        text="Kysyy koululta tukiopetusta",
        assignee_id=kuraattori.pk,
        due_on=dt.date(2027, 1, 10),
    )
    services.action_add(
        actor=professional, family_id=family.pk, text="Käy neuvolassa", assignee_text="Äiti"
    )
    services.action_update(
        actor=professional, family_id=family.pk, action_id=action.pk, status=ActionStatus.DONE
    )
    _plan(professional, family, goals="Uudet tavoitteet", status=PlanStatus.ENDED)
    versions = list(PlanVersion.objects.filter(plan=plan).order_by("number"))
    assert [v.number for v in versions] == [1, 2, 3, 4, 5]
    assert all(v.created_by == professional for v in versions)
    second, fourth, fifth = _snapshot(versions[1]), _snapshot(versions[3]), _snapshot(versions[4])
    assert second["goals"] == "Arki sujuu ja Eelis käy koulua mielellään."
    assert second["follow_up_on"] == "2027-01-15"
    assert [a["status"] for a in second["actions"]] == ["open"]
    assert second["actions"][0]["assignee_id"] == kuraattori.pk
    assert {a["status"] for a in fourth["actions"]} == {"open", "done"}
    assert fifth["goals"] == "Uudet tavoitteet" and fifth["status"] == "ended"
    # The snapshot is encrypted at rest: the table holds no goals in the clear.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT snapshot FROM families_planversion")
        stored = [row[0] for row in cursor.fetchall()]
    assert stored and not any("Uudet" in value or "Äiti" in value for value in stored)
    audited = AuditEntry.objects.filter(action__in=[actions.PLAN_UPDATE, actions.ACTION_UPDATE])
    assert audited.count() == 5
    for entry in audited:
        assert "Äiti" not in json.dumps(entry.details) and "tavoit" not in json.dumps(entry.details)


def test_an_unchanged_action_stores_no_version(professional, family):
    action = services.action_add(
        actor=professional, family_id=family.pk, text="Soittaa", assignee_text="Isä"
    )
    services.action_update(
        actor=professional, family_id=family.pk, action_id=action.pk, status=ActionStatus.OPEN
    )
    assert PlanVersion.objects.count() == 1


def test_an_action_goes_only_to_the_team_or_someone_named(professional, outsider, family):
    with pytest.raises(ValidationError) as error:
        services.action_add(
            actor=professional, family_id=family.pk, text="Jotain", assignee_id=outsider.pk
        )
    assert "assignee" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.action_add(actor=professional, family_id=family.pk, text="Jotain")
    assert "assignee" in error.value.message_dict
    action = services.action_add(
        actor=professional, family_id=family.pk, text="Jotain", assignee_id=professional.pk
    )
    assert action.assignee == professional and action.assignee_text == ""


def test_a_removed_team_member_is_no_assignee(professional, kuraattori, family):
    add_member(family, kuraattori, removed_at=timezone.now())
    with pytest.raises(ValidationError):
        services.action_add(
            actor=professional, family_id=family.pk, text="Jotain", assignee_id=kuraattori.pk
        )


def test_an_action_of_another_family_is_not_found(professional, family):
    other = make_family(responsible=professional, name="Korhonen")
    action = services.action_add(
        actor=professional, family_id=other.pk, text="Jotain", assignee_text="Äiti"
    )
    with pytest.raises(NotFound):
        services.action_update(
            actor=professional, family_id=family.pk, action_id=action.pk, status="done"
        )


def test_action_update_changes_the_details(professional, kuraattori, family):
    add_member(family, kuraattori)
    action = services.action_add(
        actor=professional, family_id=family.pk, text="Vanha", assignee_text="Äiti"
    )
    services.action_update(
        actor=professional,
        family_id=family.pk,
        action_id=action.pk,
        status=ActionStatus.CANCELLED,
        text="Uusi",
        assignee_id=kuraattori.pk,
        due_on=dt.date(2027, 2, 1),
    )
    action.refresh_from_db()
    assert (action.text, action.assignee, action.assignee_text, action.status) == (
        "Uusi",
        kuraattori,
        "",
        ActionStatus.CANCELLED,
    )
    assert action.due_on == dt.date(2027, 2, 1)


def test_plan_goals_are_required(professional, family):
    with pytest.raises(ValidationError) as error:
        _plan(professional, family, goals="  ")
    assert "goals" in error.value.message_dict


# --- Meetings -----------------------------------------------------------------------------------


def test_meeting_invites_only_this_familys_people(professional, family):
    other = make_family(responsible=professional, name="Korhonen")
    stranger = other.guardians.first()
    with pytest.raises(ValidationError) as error:
        services.meeting_plan(
            actor=professional,
            family_id=family.pk,
            starts_at=LATER,
            place="Perhekeskus",
            guardian_ids=[stranger.pk],
            child_ids=[other.children.first().pk],
            professional_ids=[UserFactory.create(roles=[Role.PROFESSIONAL]).pk],
        )
    assert {"guardians", "children", "professionals"} <= set(error.value.message_dict)


def test_a_planned_meeting_tells_the_invited_guardians(professional, kuraattori, family):
    from perhekeskus.core.models import OutboxEmail

    add_member(family, kuraattori)
    first, second = family.guardians.all()
    with pytest.raises(ValidationError):
        services.meeting_plan(
            actor=professional, family_id=family.pk, starts_at=LATER, place="Koulu"
        )
    with pytest.raises(ValidationError):
        services.meeting_plan(
            actor=professional,
            family_id=family.pk,
            starts_at=timezone.now() - dt.timedelta(hours=1),
            place="Koulu",
            guardian_ids=[first.pk],
        )
    meeting = services.meeting_plan(
        actor=professional,
        family_id=family.pk,
        starts_at=LATER,
        place="Askolan koulu",
        guardian_ids=[first.pk],
        child_ids=[family.children.first().pk],
        professional_ids=[kuraattori.pk, professional.pk],
    )
    assert meeting.status == MeetingStatus.PLANNED
    assert list(meeting.guardians.all()) == [first]
    assert set(meeting.professionals.all()) == {kuraattori, professional}
    queued = list(OutboxEmail.objects.all())
    assert len(queued) == 1
    assert first.email in queued[0].recipients and second.email not in queued[0].recipients


def test_a_meeting_place_is_never_a_home_address(professional, family):
    for place in (PROTECTED_ADDRESS, "Kotikäynti: Salainen polku 7 B 12"):
        with pytest.raises(ValidationError) as error:
            services.meeting_plan(
                actor=professional,
                family_id=family.pk,
                starts_at=LATER,
                place=place,
                guardian_ids=[family.guardians.first().pk],
            )
        assert "place" in error.value.message_dict


def _held_meeting(professional, family):
    meeting = services.meeting_plan(
        actor=professional,
        family_id=family.pk,
        starts_at=LATER,
        place="Perhekeskus",
        guardian_ids=[g.pk for g in family.guardians.all()],
    )
    meeting.starts_at = timezone.now() - dt.timedelta(hours=1)
    meeting.save(update_fields=["starts_at"])
    return meeting


def test_minutes_become_plan_actions_linked_to_the_meeting(professional, kuraattori, family):
    add_member(family, kuraattori)
    meeting = _held_meeting(professional, family)
    guardian = family.guardians.first()
    services.meeting_record(
        actor=professional,
        family_id=family.pk,
        meeting_id=meeting.pk,
        minutes="Sovittiin tukiopetuksesta ja neuvolakäynnistä.",
        agreed=[
            AgreedItem("Tukiopetus alkaa", kuraattori.pk, "", dt.date(2027, 1, 20)),
            AgreedItem("Varaa neuvola-ajan", None, "Äiti", None),
            AgreedItem("  ", None, "", None),
        ],
        guardian_ids=[guardian.pk],
        professional_ids=[kuraattori.pk],
    )
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD and meeting.recorded_at is not None
    assert meeting.minutes.startswith("Sovittiin")
    assert list(meeting.guardians.all()) == [guardian]
    agreed = list(PlanAction.objects.filter(meeting=meeting).order_by("pk"))
    assert [(a.text, a.assignee, a.assignee_text) for a in agreed] == [
        ("Tukiopetus alkaa", kuraattori, ""),
        ("Varaa neuvola-ajan", None, "Äiti"),
    ]
    assert PlanVersion.objects.filter(plan__family=family).count() == 1
    entry = AuditEntry.objects.get(action=actions.MEETING_RECORD)
    assert entry.details["agreed"] == 2
    assert "Sovittiin" not in json.dumps(entry.details)


def test_agreed_items_need_the_plan_too(kuraattori, school, professional, family):
    join_team(family, kuraattori, school, [DataCategory.MEETINGS])
    meeting = _held_meeting(professional, family)
    with pytest.raises(ValidationError):
        services.meeting_record(
            actor=kuraattori,
            family_id=family.pk,
            meeting_id=meeting.pk,
            minutes="Sovittiin.",
            agreed=[AgreedItem("Jotain", None, "Perhe", None)],
            guardian_ids=[family.guardians.first().pk],
        )
    services.meeting_record(
        actor=kuraattori,
        family_id=family.pk,
        meeting_id=meeting.pk,
        minutes="Sovittiin.",
        guardian_ids=[family.guardians.first().pk],
    )
    assert not PlanAction.objects.exists()


def test_minutes_wait_for_the_meeting(professional, family):
    meeting = services.meeting_plan(
        actor=professional,
        family_id=family.pk,
        starts_at=LATER,
        place="Perhekeskus",
        guardian_ids=[family.guardians.first().pk],
    )
    with pytest.raises(ValidationError):
        services.meeting_record(
            actor=professional,
            family_id=family.pk,
            meeting_id=meeting.pk,
            minutes="x",
            guardian_ids=[family.guardians.first().pk],
        )


def test_cancel_tells_the_invited_and_only_once(professional, family):
    from perhekeskus.core.models import OutboxEmail

    meeting = services.meeting_plan(
        actor=professional,
        family_id=family.pk,
        starts_at=LATER,
        place="Perhekeskus",
        guardian_ids=[family.guardians.first().pk],
    )
    services.meeting_cancel(actor=professional, family_id=family.pk, meeting_id=meeting.pk)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
    assert OutboxEmail.objects.count() == 2
    with pytest.raises(ValidationError):
        services.meeting_cancel(actor=professional, family_id=family.pk, meeting_id=meeting.pk)
    with pytest.raises(ValidationError):
        services.meeting_record(
            actor=professional,
            family_id=family.pk,
            meeting_id=meeting.pk,
            minutes="x",
            guardian_ids=[family.guardians.first().pk],
        )


def test_a_meeting_of_another_family_is_not_found(professional, family):
    other = make_family(responsible=professional, name="Korhonen")
    meeting = services.meeting_plan(
        actor=professional,
        family_id=other.pk,
        starts_at=LATER,
        place="Perhekeskus",
        guardian_ids=[other.guardians.first().pk],
    )
    with pytest.raises(NotFound):
        services.meeting_cancel(actor=professional, family_id=family.pk, meeting_id=meeting.pk)


# --- Notes and the readers ----------------------------------------------------------------------


def test_notes_newest_first(professional, family):
    first = services.note_add(actor=professional, family_id=family.pk, text="Eka")
    second = services.note_add(actor=professional, family_id=family.pk, text="Toka")
    Note.objects.filter(pk=first.pk).update(created_at=timezone.now() - dt.timedelta(days=1))
    fa = selectors.access_family(
        actor=professional, family_id=family.pk, categories=[DataCategory.NOTES]
    )
    assert [n.pk for n in selectors_plan.family_notes(fa)] == [second.pk, first.pk]
    with pytest.raises(ValidationError):
        services.note_add(actor=professional, family_id=family.pk, text=" ")


@pytest.mark.parametrize(
    ("category", "reader"),
    [
        (DataCategory.PLAN, selectors_plan.support_plan),
        (DataCategory.PLAN, selectors_plan.plan_actions),
        (DataCategory.PLAN, selectors_plan.plan_versions),
        (DataCategory.MEETINGS, selectors_plan.family_meetings),
        (DataCategory.NOTES, selectors_plan.family_notes),
    ],
)
def test_readers_need_the_category_logged_by_the_gate(
    kuraattori, school, professional, family, category, reader
):
    _plan(professional, family)
    join_team(family, kuraattori, school, [c for c in WRITES if c != category])
    fa = selectors.access_family(actor=kuraattori, family_id=family.pk, categories=list(WRITES))
    with pytest.raises(NotFound):
        reader(fa)
    give_consent(family, [school], categories=[category])
    fa = selectors.access_family(actor=kuraattori, family_id=family.pk, categories=list(WRITES))
    reader(fa)
    assert AccessLogEntry.objects.filter(family=family, actor=kuraattori, category=category)


def test_the_family_page_readers(professional, family):
    assert selectors_plan.plan_for_family(family) is None
    _plan(professional, family)
    kept = services.action_add(
        actor=professional, family_id=family.pk, text="Tehdään", assignee_text="Perhe"
    )
    gone = services.action_add(
        actor=professional, family_id=family.pk, text="Ei tehdä", assignee_text="Perhe"
    )
    services.action_update(
        actor=professional, family_id=family.pk, action_id=gone.pk, status="cancelled"
    )
    shown = selectors_plan.plan_for_family(family)
    assert shown is not None and [a.pk for a in shown.actions] == [kept.pk]
    coming = services.meeting_plan(
        actor=professional,
        family_id=family.pk,
        starts_at=LATER,
        place="Perhekeskus",
        guardian_ids=[family.guardians.first().pk],
    )
    cancelled = services.meeting_plan(
        actor=professional,
        family_id=family.pk,
        starts_at=LATER,
        place="Perhekeskus",
        guardian_ids=[family.guardians.first().pk],
    )
    services.meeting_cancel(actor=professional, family_id=family.pk, meeting_id=cancelled.pk)
    assert [m.pk for m in selectors_plan.upcoming_meetings_for_family(family)] == [coming.pk]


def test_minutes_are_written_once(professional, family):
    meeting = _held_meeting(professional, family)
    record = dict(
        actor=professional,
        family_id=family.pk,
        meeting_id=meeting.pk,
        minutes="Sovittiin.",
        agreed=[AgreedItem("Tehdään", None, "Perhe", None)],
        guardian_ids=[family.guardians.first().pk],
    )
    services.meeting_record(**record)
    with pytest.raises(ValidationError):
        services.meeting_record(**record)
    assert PlanAction.objects.count() == 1
