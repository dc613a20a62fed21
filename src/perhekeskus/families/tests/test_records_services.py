"""The record's services (`services/records.py`): opening (directly and from a help request),
changing the family and its people, closing, handing over. Each permission allowed and denied;
a denied or invalid call changes nothing and records nothing."""

from __future__ import annotations

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from perhekeskus.audit.models import AuditEntry
from perhekeskus.core.errors import NotFound, PolicyDenied
from perhekeskus.core.models import OutboxEmail
from perhekeskus.families import actions, identity
from perhekeskus.families.models import (
    Child,
    Consent,
    ConsentMethod,
    ConsentPurpose,
    CustodyRole,
    DataCategory,
    Family,
    FamilyStatus,
    Guardian,
    ResponsibleChange,
)
from perhekeskus.families.services import records
from perhekeskus.families.services.inputs import ChildInput, ConsentInput, GuardianInput
from perhekeskus.families.tests.helpers import make_help_request
from perhekeskus.intake.models import (
    CloseReason,
    RequestStatus,
)
from perhekeskus.testing.factories import MunicipalityFactory
from perhekeskus.testing.families import (
    PROTECTED_ADDRESS,
    VALID_PIC,
    add_member,
    give_consent,
    make_family,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def municipality():
    return MunicipalityFactory.create()


@pytest.fixture
def family(professional, municipality):
    return make_family(responsible=professional, municipality=municipality)


def _consent(recipients, **overrides) -> ConsentInput:
    today = timezone.localdate()
    fields = {
        "purpose": ConsentPurpose.COORDINATION,
        "recipients": list(recipients),
        "categories": [DataCategory.CONTACT, DataCategory.PLAN],
        "valid_from": today,
        "valid_until": today + datetime.timedelta(days=365),
        "given_by": [0],
        "method": ConsentMethod.WRITTEN,
        "child_views": {0: "Haluaa, että koulu tietää."},
    }
    fields.update(overrides)
    return ConsentInput(**fields)


def _guardian(**overrides) -> GuardianInput:
    fields = {
        "name": "Maija  Virtanen",
        "email": "maija@example.org",
        "phone": "040 123 4567",
        "address": PROTECTED_ADDRESS,
        "address_protected": True,
        "personal_identity_code": VALID_PIC.lower(),
    }
    fields.update(overrides)
    return GuardianInput(**fields)


def _open(actor, municipality, **overrides) -> Family:
    fields = {
        "actor": actor,
        "name": "Virtanen",
        "municipality": municipality,
        "language": "fi",
        "guardians": [_guardian()],
        "children": [ChildInput(name="Eino Virtanen", birth_date=datetime.date(2016, 5, 1))],
        "consent": _consent([actor.organization] if actor.organization else []),
    }
    fields.update(overrides)
    return records.family_open(**fields)


def _entries(action) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action=action.name))


def _no_personal_data(entry: AuditEntry) -> None:
    text = json.dumps(entry.details, default=str)
    for word in ("Virtanen", "Maija", "Salainen", "131052", "040", "maija@"):
        assert word not in text


# --- Opening -------------------------------------------------------------------------------------


def test_family_open_allowed(professional, municipality):
    family = _open(professional, municipality)
    assert family.responsible == professional
    assert family.organization == professional.organization
    assert family.status == FamilyStatus.OPEN
    assert family.name == "Virtanen"
    assert family.name_digest == identity.name_digest("virtanen")
    guardian = Guardian.objects.get(family=family)
    assert guardian.name == "Maija Virtanen"
    assert guardian.personal_identity_code == VALID_PIC
    assert guardian.pic_digest == identity.pic_digest(VALID_PIC)
    assert guardian.email_digest == identity.email_digest("maija@example.org")
    assert guardian.address_protected
    child = Child.objects.get(family=family)
    assert child.birth_year == 2016
    opening = ResponsibleChange.objects.get(family=family)
    assert opening.previous is None and opening.new == professional
    consent = Consent.objects.get(family=family)
    assert consent.is_effective()
    assert list(consent.recipients.all()) == [professional.organization]
    (entry,) = _entries(actions.FAMILY_OPEN)
    assert entry.target_id == str(family.pk)
    _no_personal_data(entry)


def test_family_open_denied_to_a_coordinator(coordinator, municipality):
    with pytest.raises(PolicyDenied):
        _open(coordinator, municipality)
    assert not Family.objects.exists()
    assert not _entries(actions.FAMILY_OPEN)


def test_family_open_invalid_changes_nothing(professional, municipality, school):
    with pytest.raises(ValidationError) as caught:
        _open(
            professional,
            municipality,
            name="",
            guardians=[_guardian(personal_identity_code="131052-308A", email="not-an-email")],
            children=[ChildInput(name="Eino")],
            consent=_consent([school]),
        )
    errors = caught.value.message_dict
    assert {
        "name",
        "guardian0-personal_identity_code",
        "guardian0-email",
        "child0-birth_date",
        "recipients",
    } <= set(errors)
    assert "Itä-Uudenmaan hyvinvointialue" in errors["recipients"][0]
    assert not Family.objects.exists()
    assert not Guardian.objects.exists()


def test_family_open_consent_errors_roll_back_everything(professional, municipality):
    with pytest.raises(ValidationError) as caught:
        _open(
            professional, municipality, consent=_consent([professional.organization], given_by=[])
        )
    assert "given_by" in caught.value.message_dict
    assert not Family.objects.exists()


# --- From a help request -------------------------------------------------------------------------


@pytest.fixture
def help_request(team_member, municipality):
    return make_help_request(team_member, municipality, language="sv", child_ages=[4, 9])


def _open_from(actor, help_request, **overrides) -> Family:
    fields = {
        "actor": actor,
        "help_request_id": help_request.pk,
        "name": "Meikäläinen",
        "guardians": [_guardian(name="Maija Meikäläinen")],
        "children": [ChildInput(name="Aino", age_years=4), ChildInput(name="Ville", age_years=9)],
        "consent": _consent([actor.organization]),
    }
    fields.update(overrides)
    return records.family_open_from_help_request(**fields)


def test_family_open_from_help_request_allowed(team_member, help_request):
    family = _open_from(team_member, help_request)
    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.CLOSED
    assert help_request.close_reason == CloseReason.COORDINATION
    assert help_request.coordination_reference == str(family.pk)
    assert family.help_request == help_request
    assert family.municipality == help_request.municipality
    assert family.language == "sv"
    assert [c.age_years for c in Child.objects.filter(family=family).order_by("age_years")] == [
        4,
        9,
    ]
    (entry,) = _entries(actions.FAMILY_OPEN)
    assert entry.details["help_request"] == str(help_request.pk)


def test_family_open_from_help_request_denied_outside_the_team(professional, help_request):
    with pytest.raises(NotFound):
        _open_from(professional, help_request)
    help_request.refresh_from_db()
    assert help_request.status != RequestStatus.CLOSED
    assert not Family.objects.exists()


def test_family_open_from_a_closed_help_request_is_refused(team_member, help_request):
    _open_from(team_member, help_request)
    with pytest.raises(ValidationError):
        _open_from(team_member, help_request)
    assert Family.objects.count() == 1


def test_family_open_from_help_request_invalid_leaves_the_request_open(team_member, help_request):
    with pytest.raises(ValidationError):
        _open_from(team_member, help_request, guardians=[])
    help_request.refresh_from_db()
    assert help_request.status != RequestStatus.CLOSED
    assert help_request.coordination_reference == ""


# --- Changing ------------------------------------------------------------------------------------


def _update(actor, family, **overrides):
    fields = {
        "actor": actor,
        "family_id": family.pk,
        "name": "Virtanen-Korhonen",
        "municipality": family.municipality,
        "language": "sv",
    }
    fields.update(overrides)
    return records.family_update(**fields)


def test_family_update_allowed(professional, family):
    _update(professional, family)
    family.refresh_from_db()
    assert family.name == "Virtanen-Korhonen"
    assert family.name_digest == identity.name_digest("Virtanen-Korhonen")
    assert family.language == "sv"
    (entry,) = _entries(actions.FAMILY_UPDATE)
    assert entry.details == {"changed": ["language", "name"]}


def test_family_update_denied_to_a_team_member(kuraattori, school, family):
    add_member(family, kuraattori)
    give_consent(family, [school], categories=[DataCategory.CONTACT])
    with pytest.raises(PolicyDenied):
        _update(kuraattori, family)
    family.refresh_from_db()
    assert family.name == "Virtanen"
    assert not _entries(actions.FAMILY_UPDATE)


def test_family_update_is_not_found_for_an_outsider(outsider, family):
    with pytest.raises(NotFound):
        _update(outsider, family)
    assert not _entries(actions.FAMILY_UPDATE)


def test_family_update_denied_on_a_closed_record(professional, family):
    records.family_close(actor=professional, family_id=family.pk, reason="goals_met")
    with pytest.raises(PolicyDenied):
        _update(professional, family)
    family.refresh_from_db()
    assert family.name == "Virtanen"


def test_family_update_denied_when_the_role_is_revoked(professional, family):
    professional.role_grants.all().delete()
    professional.forget_roles()
    with pytest.raises(NotFound):
        _update(professional, family)


def test_person_add_guardian_with_custody_waits_for_their_consent(professional, family):
    consent = give_consent(family, [professional.organization])
    assert consent.requires_all_custodians is False  # given straight to the table
    Consent.objects.filter(pk=consent.pk).update(requires_all_custodians=True)
    guardian = records.person_add(
        actor=professional,
        family_id=family.pk,
        kind="guardian",
        data=_guardian(name="Matti Virtanen", custody_role=CustodyRole.CUSTODIAN),
    )
    assert isinstance(guardian, Guardian)
    consent.refresh_from_db()
    assert consent.is_complete is False
    (entry,) = _entries(actions.PERSON_ADD)
    assert entry.details["kind"] == "guardian"
    _no_personal_data(entry)


def test_person_add_child(professional, family):
    child = records.person_add(
        actor=professional,
        family_id=family.pk,
        kind="child",
        data=ChildInput(name="Pikku", age_years=3),
    )
    assert isinstance(child, Child)
    assert child.age_recorded_on == timezone.localdate()
    assert child.birth_year == timezone.localdate().year - 3


def test_person_add_denied_to_a_team_member(kuraattori, school, family):
    add_member(family, kuraattori)
    give_consent(family, [school], categories=[DataCategory.CONTACT])
    with pytest.raises(PolicyDenied):
        records.person_add(
            actor=kuraattori,
            family_id=family.pk,
            kind="child",
            data=ChildInput(name="X", age_years=1),
        )
    assert Child.objects.filter(family=family).count() == 1


def test_person_add_rejects_a_wrong_check_character(professional, family):
    with pytest.raises(ValidationError) as caught:
        records.person_add(
            actor=professional,
            family_id=family.pk,
            kind="child",
            data=ChildInput(name="X", age_years=1, personal_identity_code="131052-308A"),
        )
    assert "personal_identity_code" in caught.value.message_dict
    assert Child.objects.filter(family=family).count() == 1


def test_person_update_keeps_and_removes_the_code(professional, family):
    child = Child.objects.get(family=family)
    records.person_update(
        actor=professional,
        family_id=family.pk,
        kind="child",
        person_id=child.pk,
        data=ChildInput(
            name="Lapsi", birth_date=child.birth_date, personal_identity_code=VALID_PIC
        ),
    )
    records.person_update(
        actor=professional,
        family_id=family.pk,
        kind="child",
        person_id=child.pk,
        data=ChildInput(name="Lapsi", birth_date=child.birth_date),
    )
    child.refresh_from_db()
    assert child.personal_identity_code == VALID_PIC
    records.person_update(
        actor=professional,
        family_id=family.pk,
        kind="child",
        person_id=child.pk,
        data=ChildInput(name="Lapsi", birth_date=child.birth_date),
        remove_pic=True,
    )
    child.refresh_from_db()
    assert child.personal_identity_code == "" and child.pic_digest == ""


def test_person_update_custody_change_recomputes_consents(professional):
    family = make_family(responsible=professional, guardians=({}, {}))
    first, second = Guardian.objects.filter(family=family).order_by("pk")
    consent = give_consent(family, [professional.organization], given_by=[first])
    Consent.objects.filter(pk=consent.pk).update(requires_all_custodians=True, is_complete=False)
    records.person_update(
        actor=professional,
        family_id=family.pk,
        kind="guardian",
        person_id=second.pk,
        data=_guardian(name="Toinen", custody_role=CustodyRole.PARENT),
    )
    consent.refresh_from_db()
    assert consent.is_complete is True


def test_person_update_of_another_familys_person_is_not_found(professional, family):
    other = make_family(responsible=professional, name="Korhonen")
    child = Child.objects.get(family=other)
    with pytest.raises(NotFound):
        records.person_update(
            actor=professional,
            family_id=family.pk,
            kind="child",
            person_id=child.pk,
            data=ChildInput(name="X", age_years=1),
        )


# --- Closing -------------------------------------------------------------------------------------


def test_family_close_allowed(professional, family):
    records.family_close(actor=professional, family_id=family.pk, reason="moved")
    family.refresh_from_db()
    assert family.status == FamilyStatus.CLOSED
    assert family.closed_at is not None
    assert family.close_reason == "moved"
    (entry,) = _entries(actions.FAMILY_CLOSE)
    assert entry.details == {"reason": "moved"}


def test_family_close_denied_to_a_team_member(kuraattori, school, family):
    add_member(family, kuraattori)
    give_consent(family, [school])
    with pytest.raises(PolicyDenied):
        records.family_close(actor=kuraattori, family_id=family.pk, reason="moved")
    family.refresh_from_db()
    assert family.status == FamilyStatus.OPEN


def test_family_close_needs_a_reason(professional, family):
    with pytest.raises(ValidationError):
        records.family_close(actor=professional, family_id=family.pk, reason="")
    family.refresh_from_db()
    assert family.status == FamilyStatus.OPEN


# --- Hand-over -----------------------------------------------------------------------------------


def test_responsible_change_allowed(professional, colleague, family):
    records.responsible_change(
        actor=professional,
        family_id=family.pk,
        new_responsible_id=colleague.pk,
        reason="Siirryn toisiin tehtäviin",
    )
    family.refresh_from_db()
    assert family.responsible == colleague
    history = list(ResponsibleChange.objects.filter(family=family).order_by("pk"))
    assert [(h.previous_id, h.new_id) for h in history] == [
        (None, professional.pk),
        (professional.pk, colleague.pk),
    ]
    assert history[-1].reason == "Siirryn toisiin tehtäviin"
    (entry,) = _entries(actions.RESPONSIBLE_CHANGE)
    assert entry.details["by_coordinator"] is False
    assert OutboxEmail.objects.filter(kind__startswith="families.").count() == 1


def test_responsible_change_denied_to_a_team_member(kuraattori, school, colleague, family):
    add_member(family, kuraattori)
    give_consent(family, [school])
    with pytest.raises(PolicyDenied):
        records.responsible_change(
            actor=kuraattori, family_id=family.pk, new_responsible_id=colleague.pk, reason="x"
        )
    family.refresh_from_db()
    assert family.responsible_id != colleague.pk
    assert not OutboxEmail.objects.exists()


def test_responsible_change_by_a_coordinator_only_when_the_worker_has_left(
    coordinator, professional, colleague, family
):
    with pytest.raises(PolicyDenied):
        records.responsible_change(
            actor=coordinator, family_id=family.pk, new_responsible_id=colleague.pk, reason="x"
        )
    professional.is_active = False
    professional.save(update_fields=["is_active"])
    records.responsible_change(
        actor=coordinator,
        family_id=family.pk,
        new_responsible_id=colleague.pk,
        reason="Työntekijä lopetti",
    )
    family.refresh_from_db()
    assert family.responsible == colleague
    (entry,) = _entries(actions.RESPONSIBLE_CHANGE)
    assert entry.details["by_coordinator"] is True


def test_responsible_change_needs_a_professional_and_a_reason(professional, coordinator, family):
    with pytest.raises(ValidationError) as caught:
        records.responsible_change(
            actor=professional, family_id=family.pk, new_responsible_id=coordinator.pk, reason=" "
        )
    assert {"new_responsible", "reason"} <= set(caught.value.message_dict)
    family.refresh_from_db()
    assert family.responsible == professional


def test_person_add_and_hand_over_refused_on_a_closed_record(professional, colleague, family):
    records.family_close(actor=professional, family_id=family.pk, reason="goals_met")
    with pytest.raises(PolicyDenied):
        records.person_add(
            actor=professional,
            family_id=family.pk,
            kind="child",
            data=ChildInput(name="X", age_years=1),
        )
    with pytest.raises(PolicyDenied):
        records.responsible_change(
            actor=professional, family_id=family.pk, new_responsible_id=colleague.pk, reason="x"
        )
    family.refresh_from_db()
    assert family.responsible == professional
    assert Child.objects.filter(family=family).count() == 1


def test_handover_notice_names_the_new_worker_and_nothing_of_the_family(
    professional, colleague, family
):
    records.responsible_change(
        actor=professional,
        family_id=family.pk,
        new_responsible_id=colleague.pk,
        reason="Perhe Virtanen muutti",
    )
    (message,) = OutboxEmail.objects.filter(kind__startswith="families.")
    text = f"{message.subject}\n{message.body}"
    assert "Kaisa Kollega" in text
    for word in ("Virtanen", "muutti", "Kirkkotie"):
        assert word not in text
