"""The family's own writes with its tracking code: adding information and withdrawing."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from perhekeskus.audit.models import AuditEntry
from perhekeskus.core.errors import NotFound
from perhekeskus.intake import selectors, services
from perhekeskus.intake.models import (
    CloseReason,
    EarlySupportTeam,
    EventKind,
    HelpRequest,
    HelpRequestEvent,
    RequestStatus,
)
from perhekeskus.intake.services.family import FAMILY_ADDITIONS_MAX
from perhekeskus.intake.tests.factories import (
    EarlySupportTeamFactory,
    member_of,
    submitted_request,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def team() -> EarlySupportTeam:
    return EarlySupportTeamFactory.create()


def test_family_adds_information_that_the_team_sees(team: EarlySupportTeam) -> None:
    help_request = submitted_request(team)
    typed = help_request.tracking_code.lower().replace("-", " ")
    result = services.help_request_family_add(
        tracking_code=typed, text="  Lapsi on nyt myös koulusta pois.  "
    )
    assert not result.danger
    event = HelpRequestEvent.objects.get(request=help_request, kind=EventKind.FAMILY)
    assert event.text == "Lapsi on nyt myös koulusta pois."
    assert event.actor is None
    entry = AuditEntry.objects.get(action="intake.request.family_add")
    assert entry.actor is None and not entry.ip_address
    assert entry.target_id == str(help_request.pk)
    # The family's only credential never reaches the log.
    assert help_request.tracking_code not in str(entry.details)
    # The team reads it through its gatekeeper, as any other event.
    member = member_of(team)
    seen = selectors.access_help_request(actor=member, help_request_id=help_request.pk)
    assert [e.kind for e in seen.events.all()][-1] == EventKind.FAMILY


def test_added_danger_flags_the_request(team: EarlySupportTeam) -> None:
    help_request = submitted_request(team)
    assert not help_request.danger_signals
    result = services.help_request_family_add(
        tracking_code=help_request.tracking_code, text="Mieheni lyö minua taas."
    )
    assert result.danger
    help_request.refresh_from_db()
    assert help_request.danger_signals


@pytest.mark.parametrize("text", ["", "   ", "x" * 5001])
def test_empty_or_too_long_addition_is_refused(team: EarlySupportTeam, text: str) -> None:
    help_request = submitted_request(team)
    with pytest.raises(ValidationError):
        services.help_request_family_add(tracking_code=help_request.tracking_code, text=text)
    assert not HelpRequestEvent.objects.filter(kind=EventKind.FAMILY).exists()
    assert not AuditEntry.objects.filter(action="intake.request.family_add").exists()


def test_unknown_code_is_not_found_for_both_writes(team: EarlySupportTeam) -> None:
    submitted_request(team)
    with pytest.raises(NotFound):
        services.help_request_family_add(tracking_code="AAAAA-BBBBB-CCCCC-DDDDD", text="x")
    with pytest.raises(NotFound):
        services.help_request_withdraw(tracking_code="not a code")
    assert HelpRequest.objects.get().status == RequestStatus.NEW


def test_additions_are_capped_per_request(team: EarlySupportTeam) -> None:
    help_request = submitted_request(team)
    for number in range(FAMILY_ADDITIONS_MAX):
        services.help_request_family_add(tracking_code=help_request.tracking_code, text=f"{number}")
    with pytest.raises(ValidationError):
        services.help_request_family_add(tracking_code=help_request.tracking_code, text="more")
    status = selectors.help_request_family_status(tracking_code=help_request.tracking_code)
    assert len(status.additions) == FAMILY_ADDITIONS_MAX
    assert not status.can_add and status.can_withdraw


def test_family_withdraws_its_request(team: EarlySupportTeam) -> None:
    help_request = submitted_request(team)
    services.help_request_withdraw(tracking_code=help_request.tracking_code)
    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.CLOSED
    assert help_request.close_reason == CloseReason.WITHDRAWN
    assert help_request.closed_at is not None
    event = help_request.events.filter(kind=EventKind.STATUS).get()
    assert event.data["reason"] == CloseReason.WITHDRAWN and event.actor is None
    entry = AuditEntry.objects.get(action="intake.request.withdraw")
    assert entry.actor is None and not entry.ip_address
    status = selectors.help_request_family_status(tracking_code=help_request.tracking_code)
    assert status.withdrawn and status.public.closed
    assert not status.can_add and not status.can_withdraw


def test_closed_request_cannot_be_withdrawn_or_added_to(team: EarlySupportTeam) -> None:
    help_request = submitted_request(team)
    member = member_of(team)
    services.help_request_close(actor=member, help_request=help_request, reason=CloseReason.GUIDED)
    audit_before = AuditEntry.objects.count()
    with pytest.raises(ValidationError):
        services.help_request_withdraw(tracking_code=help_request.tracking_code)
    with pytest.raises(ValidationError):
        services.help_request_family_add(tracking_code=help_request.tracking_code, text="Hei")
    help_request.refresh_from_db()
    assert help_request.close_reason == CloseReason.GUIDED
    assert AuditEntry.objects.count() == audit_before
    assert not HelpRequestEvent.objects.filter(kind=EventKind.FAMILY).exists()


def test_anonymised_request_takes_no_writes(team: EarlySupportTeam) -> None:
    help_request = submitted_request(team)
    HelpRequest.objects.filter(pk=help_request.pk).update(
        status="closed", closed_at=help_request.created_at, anonymized_at=help_request.created_at
    )
    with pytest.raises(ValidationError):
        services.help_request_family_add(tracking_code=help_request.tracking_code, text="Hei")
    with pytest.raises(ValidationError):
        services.help_request_withdraw(tracking_code=help_request.tracking_code)


def test_status_says_whether_the_family_is_contacted(team: EarlySupportTeam) -> None:
    anonymous = submitted_request(team, anonymous=True, contact_phone="", contact_name="")
    status = selectors.help_request_family_status(tracking_code=anonymous.tracking_code)
    assert status.anonymous and status.contact_method == "none"
    by_phone = submitted_request(team)
    status = selectors.help_request_family_status(tracking_code=by_phone.tracking_code)
    assert not status.anonymous and status.contact_method == "phone"
    assert status.can_add and status.can_withdraw and not status.withdrawn


def _notices() -> list[Any]:
    from perhekeskus.core.models import OutboxEmail

    return list(
        OutboxEmail.objects.filter(kind__startswith="intake.request.").exclude(
            kind="intake.request.new"
        )
    )


def test_the_team_is_told_of_an_addition_without_its_words(team: EarlySupportTeam) -> None:
    team.notification_email = "vatu@example.org"
    team.save()
    help_request = submitted_request(team)
    services.help_request_family_add(
        tracking_code=help_request.tracking_code, text="Salainen lisätieto."
    )
    # Two more lines while the first notice still waits: still one notice.
    services.help_request_family_add(tracking_code=help_request.tracking_code, text="Toinen.")
    notices = _notices()
    assert len(notices) == 1
    notice = notices[0]
    assert notice.kind == "intake.request.family_add"
    assert "vatu@example.org" in notice.recipients
    assert f"/pro/help-requests/{help_request.pk}/" in notice.body
    for secret in ("Salainen", help_request.tracking_code, "Maija", "040"):
        assert secret not in notice.body and secret not in notice.subject


def test_danger_in_an_addition_is_told_to_the_team_at_once(team: EarlySupportTeam) -> None:
    team.notification_email = "vatu@example.org"
    team.save()
    help_request = submitted_request(team)
    services.help_request_family_add(tracking_code=help_request.tracking_code, text="Hei.")
    services.help_request_family_add(
        tracking_code=help_request.tracking_code, text="Hän lyö minua taas."
    )
    notices = _notices()
    assert len(notices) == 2
    assert "URGENT" in notices[1].body or "KIIREELLINEN" in notices[1].body


def test_the_team_is_told_of_a_withdrawal(team: EarlySupportTeam) -> None:
    member = member_of(team, email="vilma@example.org")
    help_request = submitted_request(team)
    services.help_request_withdraw(tracking_code=help_request.tracking_code)
    notices = _notices()
    assert [n.kind for n in notices] == ["intake.request.withdraw"]
    assert member.email in notices[0].recipients
    assert help_request.tracking_code not in notices[0].body
