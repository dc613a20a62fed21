"""Help requests through the service layer: receiving, idempotency, the state machine,
encryption at rest, retention."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from perhekeskus.audit.models import AuditEntry
from perhekeskus.core.errors import NotFound, PolicyDenied
from perhekeskus.core.roles import Role
from perhekeskus.intake import selectors, services
from perhekeskus.intake.models import EarlySupportTeam, HelpRequest, RequestStatus
from perhekeskus.testing.factories import MunicipalityFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(organization):  # type: ignore[no-untyped-def]
    askola = MunicipalityFactory.create(code="018", name="Askola")
    team = EarlySupportTeam.objects.create(
        name="VATU Askola", organization=organization, notification_email="vatu@example.org"
    )
    team.municipalities.add(askola)
    return team


@pytest.fixture
def member(team):  # type: ignore[no-untyped-def]
    user = UserFactory.create(
        email="vatu.member@example.org",
        organization=team.organization,
        roles=[Role.PROFESSIONAL, Role.EARLY_SUPPORT_TEAM],
    )
    team.members.add(user)
    return user


def request_input(**overrides: object) -> services.HelpRequestInput:
    values: dict[str, object] = {
        "message": "Vauva itkee paljon eikä kukaan meistä nuku.",
        "concerns": "my_child",
        "municipality_code": "018",
        "language": "fi",
        "anonymous": False,
        "child_ages": [0],
        "contact_name": "Maija",
        "contact_phone": "+358401234567",
    }
    values.update(overrides)
    return services.HelpRequestInput(**values)  # type: ignore[arg-type]


def submit(**overrides: object) -> HelpRequest:
    return services.help_request_submit(
        data=request_input(**overrides), idempotency_key=None
    ).help_request


# --- receiving ----------------------------------------------------------------------------------


def test_request_is_routed_to_the_municipalitys_team_and_the_team_is_told(  # type: ignore[no-untyped-def]
    team, member, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        help_request = submit()
    assert help_request.team == team
    assert help_request.status == RequestStatus.NEW
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert set(message.to) == {"vatu@example.org", member.email}
    # The notice carries no personal data: not the message, not the name, not the phone.
    assert "Vauva" not in message.body and "Maija" not in message.body
    assert "+358401234567" not in message.body
    entry = AuditEntry.objects.get(action="intake.request.submit")
    assert entry.ip_address is None and entry.actor is None


def test_same_idempotency_key_gives_the_same_request(team) -> None:  # type: ignore[no-untyped-def]
    first = services.help_request_submit(data=request_input(), idempotency_key="abc-123")
    again = services.help_request_submit(data=request_input(), idempotency_key="abc-123")
    assert first.created and not again.created
    assert again.help_request.pk == first.help_request.pk
    assert HelpRequest.objects.count() == 1
    other = services.help_request_submit(data=request_input(), idempotency_key="abc-124")
    assert other.created and HelpRequest.objects.count() == 2


def test_municipality_without_a_team_is_refused(team) -> None:  # type: ignore[no-untyped-def]
    MunicipalityFactory.create(code="165", name="Janakkala")
    with pytest.raises(ValidationError) as error:
        submit(municipality_code="165")
    assert "municipality" in error.value.message_dict
    assert not HelpRequest.objects.exists()


def test_contact_is_required_unless_anonymous(team) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        submit(contact_phone="", contact_email="")
    anonymous = submit(anonymous=True, contact_phone="", contact_name="", preferred_time="")
    assert anonymous.contact_name == ""
    assert anonymous.contact_method == "none"


def test_anonymous_with_contact_details_is_refused_not_silently_dropped(team) -> None:  # type: ignore[no-untyped-def]
    # The same rule as the form's and the API's: the family chooses, nothing typed is lost.
    before = HelpRequest.objects.count()
    with pytest.raises(ValidationError) as refused:
        submit(anonymous=True, contact_phone="", contact_name="Maija", preferred_time="")
    assert "contact" in refused.value.message_dict
    assert HelpRequest.objects.count() == before


def test_danger_is_flagged(team) -> None:  # type: ignore[no-untyped-def]
    help_request = submit(message="Puoliso uhkailee ja lyö minua.")
    assert help_request.danger_signals == ["violence"]


def test_message_and_contacts_are_encrypted_at_rest(team) -> None:  # type: ignore[no-untyped-def]
    help_request = submit()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT message, contact_phone, contact_name FROM intake_helprequest WHERE id = %s",
            [help_request.pk.hex if connection.vendor == "sqlite" else help_request.pk],
        )
        message, phone, name = cursor.fetchone()
    assert "Vauva" not in message and message.startswith("gAAAA")
    assert "+358" not in phone and "Maija" not in name
    assert HelpRequest.objects.get(pk=help_request.pk).message.startswith("Vauva")


# --- the state machine --------------------------------------------------------------------------


def test_request_goes_from_new_to_closed(team, member) -> None:  # type: ignore[no-untyped-def]
    help_request = submit()
    services.help_request_triage(actor=member, help_request=help_request)
    services.help_request_assign(actor=member, help_request=help_request, responsible=member)
    assert help_request.status == RequestStatus.ASSIGNED
    services.help_request_contact_record(
        actor=member, help_request=help_request, kind="call", text="Ei vastannut", reached=False
    )
    assert help_request.first_contact_at is None
    services.help_request_contact_record(
        actor=member, help_request=help_request, kind="call", text="Sovittu käynti", reached=True
    )
    assert help_request.status == RequestStatus.CONTACTED
    assert help_request.first_contact_at is not None
    services.help_request_reply(
        actor=member, help_request=help_request, text="Olemme olleet yhteydessä."
    )
    services.help_request_close(actor=member, help_request=help_request, reason="guided")
    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.CLOSED
    status = selectors.help_request_public_status(tracking_code=help_request.tracking_code)
    assert status.closed and status.reply == "Olemme olleet yhteydessä."
    kinds = list(help_request.events.values_list("kind", flat=True))
    # Reaching the family is a status change of its own in the history, next to the call.
    assert kinds == ["status", "assign", "call", "status", "call", "reply", "status"]


def test_closed_request_cannot_be_reopened_by_triage(team, member) -> None:  # type: ignore[no-untyped-def]
    help_request = submit()
    services.help_request_close(actor=member, help_request=help_request, reason="duplicate")
    with pytest.raises(ValidationError):
        services.help_request_triage(actor=member, help_request=help_request)
    assert HelpRequest.objects.get(pk=help_request.pk).status == RequestStatus.CLOSED


def test_outsider_cannot_handle_or_read_a_request(team, member, professional) -> None:  # type: ignore[no-untyped-def]
    help_request = submit()
    before = AuditEntry.objects.count()
    with pytest.raises(PolicyDenied):
        services.help_request_triage(actor=professional, help_request=help_request)
    with pytest.raises(PolicyDenied):
        services.help_request_reply(actor=professional, help_request=help_request, text="x")
    with pytest.raises(NotFound):
        selectors.access_help_request(actor=professional, help_request_id=help_request.pk)
    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.NEW and help_request.public_reply == ""
    assert AuditEntry.objects.count() == before


def test_team_member_reads_and_the_read_is_logged(team, member) -> None:  # type: ignore[no-untyped-def]
    help_request = submit()
    read = selectors.access_help_request(actor=member, help_request_id=help_request.pk)
    assert read.message.startswith("Vauva")
    assert AuditEntry.objects.filter(action="intake.request.view", actor=member).count() == 1


def test_responsible_worker_from_another_organisation_sees_their_request(team, member) -> None:  # type: ignore[no-untyped-def]
    social_worker = UserFactory.create(roles=[Role.PROFESSIONAL])
    help_request = submit()
    with pytest.raises(NotFound):
        selectors.access_help_request(actor=social_worker, help_request_id=help_request.pk)
    services.help_request_assign(actor=member, help_request=help_request, responsible=social_worker)
    assert selectors.access_help_request(actor=social_worker, help_request_id=help_request.pk)


# --- rights and retention -----------------------------------------------------------------------


def test_export_for_the_data_subject_is_complete_and_audited(team, member) -> None:  # type: ignore[no-untyped-def]
    help_request = submit()
    data = services.help_request_export(actor=member, help_request=help_request)
    assert data["message"].startswith("Vauva")
    assert data["contact"]["phone"] == "+358401234567"
    assert AuditEntry.objects.filter(action="intake.request.export").exists()


def test_closed_requests_are_anonymised_after_retention(team, member) -> None:  # type: ignore[no-untyped-def]
    old = submit()
    services.help_request_note(actor=member, help_request=old, text="Perhe muutti.")
    services.help_request_close(actor=member, help_request=old, reason="guided")
    HelpRequest.objects.filter(pk=old.pk).update(closed_at=timezone.now() - dt.timedelta(days=400))
    recent = submit()
    services.help_request_close(actor=member, help_request=recent, reason="guided")
    still_open = submit()
    assert services.help_requests_anonymize(older_than_days=365) == 1
    old.refresh_from_db()
    assert old.message == "" and old.contact_phone == "" and old.anonymized_at
    assert old.municipality_id == "018" and old.child_ages == [0]
    assert set(old.events.values_list("text", flat=True)) == {""}
    recent.refresh_from_db()
    still_open.refresh_from_db()
    assert recent.message and still_open.message
    assert services.help_requests_anonymize(older_than_days=365) == 0


def test_retention_command_uses_the_configured_period(team, member, settings) -> None:  # type: ignore[no-untyped-def]
    from io import StringIO

    from django.core.management import call_command

    settings.PERHEKESKUS_HELP_REQUEST_RETENTION_DAYS = 30
    done = submit()
    services.help_request_close(actor=member, help_request=done, reason="guided")
    HelpRequest.objects.filter(pk=done.pk).update(closed_at=timezone.now() - dt.timedelta(days=31))
    out = StringIO()
    call_command("anonymize_help_requests", stdout=out)
    assert "Anonymised 1" in out.getvalue()
    done.refresh_from_db()
    assert done.anonymized_at is not None
