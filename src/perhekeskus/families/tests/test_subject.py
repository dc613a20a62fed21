"""Data-subject rights (`services/subject.py`): the export of everything about one guardian or
child (responsible worker only, every category read logged at EXPORT, audited without personal
data, never another person's non-disclosed address) and correction requests."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder

from perhekeskus.audit.models import AuditEntry
from perhekeskus.core.errors import NotFound, PolicyDenied
from perhekeskus.families import access, selectors_referrals
from perhekeskus.families.models import (
    AccessLogEntry,
    AccessPlace,
    ChildView,
    CorrectionStatus,
    DataCategory,
    Note,
    Referral,
)
from perhekeskus.families.services import subject
from perhekeskus.testing.factories import OrganizationFactory
from perhekeskus.testing.families import (
    PROTECTED_ADDRESS,
    VALID_PIC,
    add_member,
    give_consent,
    make_family,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def family(professional):
    return make_family(
        responsible=professional,
        guardians=(
            {"personal_identity_code": VALID_PIC},
            {"address": PROTECTED_ADDRESS, "address_protected": True},
        ),
    )


def guardians(family):
    return list(family.guardians.order_by("created_at", "id"))


def export(actor, family, kind, person_id, fmt="json"):
    return subject.subject_export(
        actor=actor, family_id=family.pk, subject_kind=kind, subject_id=person_id, fmt=fmt
    )


def as_text(data) -> str:
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)


def test_export_of_a_guardian_has_their_details_and_the_family_data(professional, family):
    first, _second = guardians(family)
    consent = give_consent(family, [OrganizationFactory.create()], given_by=[first])
    Note.objects.create(family=family, author=professional, text="Tapaaminen sovittu.")
    data = export(professional, family, "guardian", first.pk)
    assert data["person"]["name"] == first.name
    assert data["person"]["personal_identity_code"] == VALID_PIC
    assert data["person"]["email"] == first.email
    assert [row["valid_from"] for row in data["consents"]] == [consent.valid_from]
    assert data["notes"][0]["text"] == "Tapaaminen sovittu."
    assert data["access_log"]  # the export's own reads at least
    json.loads(as_text(data))  # machine-readable as it stands


def test_export_is_logged_for_every_category_and_audited_without_personal_data(
    professional, family
):
    first, _second = guardians(family)
    export(professional, family, "guardian", first.pk, fmt="html")
    logged = AccessLogEntry.objects.filter(family=family, place=AccessPlace.EXPORT)
    assert {entry.category for entry in logged} == set(access.ALL_CATEGORIES)
    entry = AuditEntry.objects.get(action="families.subject.export")
    assert entry.details["subject_kind"] == "guardian"
    assert entry.details["format"] == "html"
    text = str(entry.details)
    for secret in (first.name, first.email, VALID_PIC, family.name):
        assert secret not in text


def test_export_never_contains_the_other_guardians_protected_address(professional, family):
    first, second = guardians(family)
    # Even where a worker typed it into free text.
    Note.objects.create(
        family=family, author=professional, text=f"Äiti asuu nyt osoitteessa {PROTECTED_ADDRESS}."
    )
    for kind, person in (("guardian", first), ("child", family.children.get())):
        text = as_text(export(professional, family, kind, person.pk))
        assert PROTECTED_ADDRESS not in text
        assert "Salainen polku" not in text
        assert second.name in text  # named, without the address


def test_the_subject_gets_their_own_protected_address(professional, family):
    _first, second = guardians(family)
    data = export(professional, family, "guardian", second.pk)
    assert data["person"]["address"] == PROTECTED_ADDRESS
    assert data["person"]["address_protected"] is True


def test_export_of_a_child_has_their_views(professional, family):
    child = family.children.get()
    consent = give_consent(family, [OrganizationFactory.create()])
    ChildView.objects.create(consent=consent, child=child, age=10, view="Haluan kerhoon.")
    data = export(professional, family, "child", child.pk)
    assert data["person"]["birth_date"] == child.birth_date
    assert data["consents"][0]["view"] == "Haluan kerhoon."
    assert data["corrections"] == []


def test_team_member_may_not_export_even_with_a_full_consent(kuraattori, school, family):
    add_member(family, kuraattori)
    give_consent(family, [school], categories=access.ALL_CATEGORIES)
    with pytest.raises(PolicyDenied):
        export(kuraattori, family, "guardian", guardians(family)[0].pk)
    assert not AccessLogEntry.objects.filter(place=AccessPlace.EXPORT).exists()
    assert not AuditEntry.objects.filter(action="families.subject.export").exists()


def test_outsider_finds_no_export(kuraattori, family):
    with pytest.raises(NotFound):
        export(kuraattori, family, "guardian", guardians(family)[0].pk)


def test_export_of_someone_of_another_family_is_not_found(professional, family):
    other = make_family(responsible=professional, name="Korhonen")
    with pytest.raises(NotFound):
        export(professional, family, "guardian", other.guardians.get().pk)
    with pytest.raises(NotFound):
        export(professional, family, "child", guardians(family)[0].pk + 1000)
    with pytest.raises(NotFound):
        export(professional, family, "neighbour", guardians(family)[0].pk)


def test_export_lists_the_referrals(professional, family):
    ngo = OrganizationFactory.create()
    consent = give_consent(family, [ngo], categories=[DataCategory.REFERRALS])
    Referral.objects.create(
        family=family,
        from_organization=professional.organization,
        to_organization=ngo,
        categories=["basic", "referrals"],
        consent=consent,
        message="Tukihenkilö.",
        sent_by=professional,
    )
    data = export(professional, family, "child", family.children.get().pk)
    assert data["referrals"][0]["status"] == "sent"


# --- Correction requests -------------------------------------------------------------------------


def test_worker_records_a_correction_for_a_guardian(professional, family):
    first, _second = guardians(family)
    correction = subject.correction_record(
        actor=professional, family_id=family.pk, guardian_id=first.pk, text="Syntymäaika väärin."
    )
    assert correction.guardian == first
    assert correction.recorded_by == professional
    entry = AuditEntry.objects.get(action="families.correction.record")
    assert "Syntymäaika" not in str(entry.details)
    assert selectors_referrals.corrections_for_family(family, first) == [correction]


def test_guardian_records_their_own_correction(family):
    first, second = guardians(family)
    correction = subject.correction_record(guardian=first, family_id=family.pk, text="Nimi väärin.")
    assert correction.recorded_by is None
    assert selectors_referrals.corrections_for_family(family, first) == [correction]
    assert selectors_referrals.corrections_for_family(family, second) == []


def test_guardian_of_another_family_cannot_record(professional, family):
    stranger = make_family(responsible=professional, name="Korhonen").guardians.get()
    with pytest.raises(NotFound):
        subject.correction_record(guardian=stranger, family_id=family.pk, text="x")


def test_correction_needs_a_text(professional, family):
    with pytest.raises(ValidationError) as error:
        subject.correction_record(actor=professional, family_id=family.pk, text=" ")
    assert "text" in error.value.message_dict


def test_team_member_may_not_record_or_answer(kuraattori, school, professional, family):
    add_member(family, kuraattori)
    give_consent(family, [school], categories=access.ALL_CATEGORIES)
    with pytest.raises(PolicyDenied):
        subject.correction_record(actor=kuraattori, family_id=family.pk, text="x")
    correction = subject.correction_record(actor=professional, family_id=family.pk, text="x")
    with pytest.raises(PolicyDenied):
        subject.correction_handle(
            actor=kuraattori,
            family_id=family.pk,
            correction_id=correction.pk,
            status=CorrectionStatus.CORRECTED,
            response="Korjattu.",
        )


def test_responsible_worker_answers_once(professional, family):
    correction = subject.correction_record(
        guardian=guardians(family)[0], family_id=family.pk, text="Osoite väärin."
    )
    with pytest.raises(ValidationError) as error:
        subject.correction_handle(
            actor=professional,
            family_id=family.pk,
            correction_id=correction.pk,
            status=CorrectionStatus.REJECTED,
            response="",
        )
    assert "response" in error.value.message_dict
    handled = subject.correction_handle(
        actor=professional,
        family_id=family.pk,
        correction_id=correction.pk,
        status=CorrectionStatus.REJECTED,
        response="Osoite on väestötietojärjestelmän mukainen.",
    )
    assert handled.status == CorrectionStatus.REJECTED
    assert handled.handled_by == professional
    entry = AuditEntry.objects.get(action="families.correction.handle")
    assert entry.details["to"] == "rejected"
    with pytest.raises(ValidationError):
        subject.correction_handle(
            actor=professional,
            family_id=family.pk,
            correction_id=correction.pk,
            status=CorrectionStatus.CORRECTED,
            response="Korjattu.",
        )


def test_a_childs_export_blanks_a_home_address_that_is_a_parents_non_disclosed_one(professional):
    family = make_family(
        responsible=professional,
        guardians=({}, {"address": PROTECTED_ADDRESS, "address_protected": True}),
        children=({"address": PROTECTED_ADDRESS},),
    )
    text = as_text(export(professional, family, "child", family.children.get().pk))
    assert PROTECTED_ADDRESS not in text


def test_a_team_member_refused_the_correction_page_leaves_no_read_in_the_log(
    kuraattori, school, family
):
    from perhekeskus.families.tests.helpers import logged_in

    add_member(family, kuraattori)
    give_consent(family, [school], categories=access.ALL_CATEGORIES)
    response = logged_in(kuraattori).get(f"/en/pro/families/{family.pk}/corrections/new/")
    assert response.status_code == 403
    assert not AccessLogEntry.objects.filter(family=family, actor=kuraattori).exists()
