"""The help request's state machine (`intake.transitions`): every (from, to) pair, allowed and
refused, on the gate itself and through every service that changes the status. An allowed move
is audited with the old and the new status; a refused one changes nothing and audits nothing."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from perhekeskus.audit.models import AuditEntry
from perhekeskus.intake import services, transitions
from perhekeskus.intake.models import (
    CloseReason,
    HelpRequest,
    HelpRequestEvent,
    MeetingDecision,
    RequestStatus,
)
from perhekeskus.intake.tests.factories import (
    EarlySupportTeamFactory,
    HelpRequestFactory,
    meeting,
    member_of,
)

pytestmark = pytest.mark.django_db

NEW, IN_TRIAGE, ASSIGNED, CONTACTED, CLOSED = (
    RequestStatus.NEW,
    RequestStatus.IN_TRIAGE,
    RequestStatus.ASSIGNED,
    RequestStatus.CONTACTED,
    RequestStatus.CLOSED,
)
STATES = [NEW, IN_TRIAGE, ASSIGNED, CONTACTED, CLOSED]

# Written out here, independently of the module: what the product promises.
EXPECTED = {
    NEW: {IN_TRIAGE, ASSIGNED, CONTACTED, CLOSED},
    IN_TRIAGE: {IN_TRIAGE, ASSIGNED, CONTACTED, CLOSED},
    ASSIGNED: {ASSIGNED, CONTACTED, CLOSED},
    CONTACTED: {CONTACTED, CLOSED},
    CLOSED: set(),
}


@pytest.mark.parametrize(("old", "new"), list(itertools.product(STATES, STATES)))
def test_the_gate_allows_exactly_the_promised_pairs(old: str, new: str) -> None:
    if new in EXPECTED[old]:
        transitions.check(old, new)
    else:
        with pytest.raises(ValidationError) as refused:
            transitions.check(old, new)
        assert "status" in refused.value.message_dict


def test_the_refusal_is_translated() -> None:
    for language, words in (
        ("fi", "Pyyntö ei voi siirtyä tilasta"),
        ("sv", "En begäran kan inte gå från"),
        ("en", "A request cannot move from"),
    ):
        with translation.override(language), pytest.raises(ValidationError) as refused:
            transitions.check(CLOSED, IN_TRIAGE)
        assert words in refused.value.message_dict["status"][0]


# --- Through the services ------------------------------------------------------------------------


@pytest.fixture
def team(organization: Any) -> Any:
    return EarlySupportTeamFactory.create(organization=organization)


@pytest.fixture
def member(team: Any) -> Any:
    return member_of(team)


def _request_in(team: Any, status: str) -> HelpRequest:
    now = timezone.now()
    closed = status == CLOSED
    return HelpRequestFactory.create(
        team=team,
        status=status,
        close_reason=CloseReason.GUIDED if closed else "",
        closed_at=now - dt.timedelta(days=1) if closed else None,
        first_contact_at=now if status == CONTACTED else None,
    )


Service = Callable[[Any, HelpRequest], object]

# Each service that changes the status, with the status it asks for from a given state and the
# audit action it records.
SERVICES: dict[str, tuple[Callable[[str], str], Service, str]] = {
    "triage": (
        lambda old: IN_TRIAGE,
        lambda actor, hr: services.help_request_triage(actor=actor, help_request=hr),
        "intake.request.triage",
    ),
    "assign": (
        # A family already reached stays "contacted" with its new responsible worker.
        lambda old: CONTACTED if old == CONTACTED else ASSIGNED,
        lambda actor, hr: services.help_request_assign(
            actor=actor, help_request=hr, responsible=actor
        ),
        "intake.request.assign",
    ),
    "contact": (
        lambda old: CONTACTED,
        lambda actor, hr: services.help_request_contact_record(
            actor=actor, help_request=hr, kind="call", text="Soitettu", reached=True
        ),
        "intake.request.contact",
    ),
    "close": (
        lambda old: CLOSED,
        lambda actor, hr: services.help_request_close(
            actor=actor, help_request=hr, reason=CloseReason.DUPLICATE
        ),
        "intake.request.close",
    ),
    "withdraw": (
        lambda old: CLOSED,
        lambda actor, hr: services.help_request_withdraw(tracking_code=hr.tracking_code),
        "intake.request.withdraw",
    ),
}


@pytest.mark.parametrize(("old", "service"), list(itertools.product(STATES, SERVICES)))
def test_every_service_moves_only_along_the_allowed_pairs(
    team: Any, member: Any, old: str, service: str
) -> None:
    target_of, call, action = SERVICES[service]
    new = target_of(old)
    help_request = _request_in(team, old)
    audits = AuditEntry.objects.filter(action=action, target_id=str(help_request.pk))
    events_before = HelpRequestEvent.objects.filter(request=help_request).count()
    if new in EXPECTED[old]:
        call(member, help_request)
        help_request.refresh_from_db()
        assert help_request.status == new
        entry = audits.get()
        assert entry.details["from"] == old
        assert entry.details["to"] == new
    else:
        with pytest.raises(ValidationError):
            call(member, help_request)
        stored = HelpRequest.objects.get(pk=help_request.pk)
        assert stored.status == old
        assert stored.close_reason == help_request.close_reason
        assert stored.responsible_id == help_request.responsible_id
        assert not audits.exists()
        assert HelpRequestEvent.objects.filter(request=help_request).count() == events_before


def test_a_page_loaded_before_the_request_was_closed_cannot_reopen_it(
    team: Any, member: Any
) -> None:
    """The verified bug: instance A loaded, the request closed through instance B, triage on A.
    The service reads the row again under its lock and refuses."""
    loaded = _request_in(team, NEW)
    other = HelpRequest.objects.get(pk=loaded.pk)
    services.help_request_close(actor=member, help_request=other, reason=CloseReason.GUIDED)
    with pytest.raises(ValidationError):
        services.help_request_triage(actor=member, help_request=loaded)
    stored = HelpRequest.objects.get(pk=loaded.pk)
    assert stored.status == CLOSED
    assert stored.closed_at is not None


def test_a_meeting_does_not_decide_on_a_closed_request(team: Any, member: Any) -> None:
    help_request = _request_in(team, CLOSED)
    held = meeting(team, timezone.localdate())
    with pytest.raises(ValidationError):
        services.meeting_decide(
            actor=member,
            meeting=held,
            help_request=help_request,
            responsible=member,
            services=[],
            next_step="Soitto perheelle",
            next_step_on=None,
        )
    assert not MeetingDecision.objects.filter(request=help_request).exists()
    assert not AuditEntry.objects.filter(action="intake.meeting.decide").exists()


def test_the_database_refuses_a_closed_request_moved_back(team: Any) -> None:
    """Also a write that bypasses the services (a shell, a raw update) cannot reopen a closed
    request and keep its closing time, nor anonymise an open one."""
    from django.db import IntegrityError, transaction

    closed = _request_in(team, CLOSED)
    with pytest.raises(IntegrityError), transaction.atomic():
        HelpRequest.objects.filter(pk=closed.pk).update(status=IN_TRIAGE)
    with pytest.raises(IntegrityError), transaction.atomic():
        HelpRequest.objects.filter(pk=_request_in(team, NEW).pk).update(
            anonymized_at=timezone.now()
        )
    assert HelpRequest.objects.get(pk=closed.pk).status == CLOSED
