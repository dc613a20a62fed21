"""Receiving a family's help request, and reading one: the status page and the team's gatekeeper."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from perhekeskus.audit.services import audit_record
from perhekeskus.catalog.models import Municipality
from perhekeskus.core.errors import NotFound
from perhekeskus.intake import actions
from perhekeskus.core.danger import danger_signals
from perhekeskus.intake.models import (
    ContactMethod,
    EarlySupportTeam,
    HelpRequest,
    RequestStatus,
)
from perhekeskus.intake.policies import can_view_request
from perhekeskus.intake.tracking import new_tracking_code, normalize_tracking_code


@dataclass(frozen=True)
class HelpRequestInput:
    """What a family sends, already checked field by field by the form or the API."""

    message: str
    concerns: str
    municipality_code: str
    language: str
    anonymous: bool
    child_ages: list[int] = field(default_factory=list)
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    preferred_time: str = ""


@dataclass(frozen=True)
class SubmitResult:
    help_request: HelpRequest
    created: bool


def team_for_municipality(code: str) -> EarlySupportTeam | None:
    return (
        EarlySupportTeam.objects.filter(is_active=True, municipalities__code=code)
        .order_by("name")
        .first()
    )


def municipalities_with_a_team() -> list[Municipality]:
    return list(
        Municipality.objects.filter(early_support_teams__is_active=True).distinct().order_by("name")
    )


def _key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def help_request_submit(*, data: HelpRequestInput, idempotency_key: str | None) -> SubmitResult:
    """Receive a request from a family. The same idempotency key again (a double click, a retry
    on a flaky connection) returns the request it already made instead of a second one.

    The audit entry carries no IP address: a family may ask anonymously, and the address would
    make that a lie."""
    key = _key_hash(idempotency_key) if idempotency_key else None
    if key:
        existing = HelpRequest.objects.filter(idempotency_key=key).first()
        if existing is not None:
            return SubmitResult(existing, False)
    team = team_for_municipality(data.municipality_code)
    if team is None:
        raise ValidationError(
            {"municipality": _("No early-support team takes requests from this municipality.")}
        )
    if not data.anonymous and not (data.contact_phone or data.contact_email):
        raise ValidationError(
            {"contact": _("Give a phone number or an e-mail address, or ask anonymously.")}
        )
    method = ContactMethod.NONE
    if not data.anonymous:
        method = ContactMethod.PHONE if data.contact_phone else ContactMethod.EMAIL
    for _attempt in range(5):
        try:
            with transaction.atomic():
                help_request = HelpRequest.objects.create(
                    tracking_code=new_tracking_code(),
                    idempotency_key=key,
                    team=team,
                    municipality_id=data.municipality_code,
                    language=data.language,
                    concerns=data.concerns,
                    child_ages=sorted(data.child_ages),
                    anonymous=data.anonymous,
                    message=data.message,
                    contact_name="" if data.anonymous else data.contact_name,
                    contact_phone="" if data.anonymous else data.contact_phone,
                    contact_email="" if data.anonymous else data.contact_email,
                    preferred_time="" if data.anonymous else data.preferred_time,
                    contact_method=method,
                    consent_at=timezone.now(),
                    danger_signals=danger_signals(data.message),
                )
                audit_record(
                    action=actions.REQUEST_SUBMIT,
                    target=help_request,
                    details={
                        "team": str(team.pk),
                        "municipality": data.municipality_code,
                        "anonymous": data.anonymous,
                        "danger": bool(help_request.danger_signals),
                    },
                )
                transaction.on_commit(_notifier(team, help_request))
            return SubmitResult(help_request, True)
        except IntegrityError:
            # Either the same key arrived twice at once, or (astronomically rarely) a tracking
            # code collided. The first is answered with the request the other one made.
            if key:
                existing = HelpRequest.objects.filter(idempotency_key=key).first()
                if existing is not None:
                    return SubmitResult(existing, False)
    raise RuntimeError("Could not store the help request")


def _notifier(team: EarlySupportTeam, help_request: HelpRequest) -> Callable[[], None]:
    return lambda: _notify_team(team, help_request)


def _notify_team(team: EarlySupportTeam, help_request: HelpRequest) -> None:
    recipients = sorted(
        ({team.notification_email} if team.notification_email else set())
        | set(team.members.filter(is_active=True).values_list("email", flat=True))
    )
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        board = reverse("intake:board")
        body = render_to_string(
            "intake/email/new_request.txt",
            {
                "team": team,
                "board_url": f"{_site_url()}{board}",
                "danger": bool(help_request.danger_signals),
                "site_name": settings.PERHEKESKUS_SITE_NAME,
            },
        )
        subject = _("New help request for %(team)s") % {"team": team.name}
    send_mail(subject, body, None, recipients, fail_silently=False)


def _site_url() -> str:
    scheme = "https" if settings.PERHEKESKUS_SITE_HTTPS else "http"
    return f"{scheme}://{settings.PERHEKESKUS_SITE_DOMAIN}"


# --- Reading --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PublicStatus:
    """What the status page shows: no personal data, only where the request is."""

    tracking_code: str
    status: str
    received_at: dt.datetime
    reply: str
    reply_at: dt.datetime | None
    closed: bool


def help_request_public_status(*, tracking_code: str) -> PublicStatus:
    code = normalize_tracking_code(tracking_code)
    help_request = HelpRequest.objects.filter(tracking_code=code).first() if code else None
    if help_request is None:
        raise NotFound
    return PublicStatus(
        tracking_code=help_request.tracking_code,
        status=help_request.status,
        received_at=help_request.created_at,
        reply=help_request.public_reply,
        reply_at=help_request.public_reply_at,
        closed=help_request.status == RequestStatus.CLOSED,
    )


def access_help_request(
    *, actor: Any, help_request_id: Any, request: HttpRequest | None = None
) -> HelpRequest:
    """One request with its personal data. Missing and forbidden look the same; every read is
    in the audit log."""
    try:
        help_request = HelpRequest.objects.select_related("team", "responsible").get(
            pk=help_request_id
        )
    except (HelpRequest.DoesNotExist, ValueError, ValidationError):
        raise NotFound from None
    if not can_view_request(actor, help_request):
        raise NotFound
    audit_record(action=actions.REQUEST_VIEW, actor=actor, target=help_request, request=request)
    return help_request
