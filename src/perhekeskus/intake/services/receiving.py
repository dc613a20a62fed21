"""Receiving a family's help request. Reading one is in `intake.selectors`."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from perhekeskus.audit.services import audit_record
from perhekeskus.core.danger import danger_signals
from perhekeskus.core.links import site_url
from perhekeskus.core.outbox import email_enqueue
from perhekeskus.intake import actions
from perhekeskus.intake.models import (
    ContactMethod,
    EarlySupportTeam,
    HelpRequest,
)
from perhekeskus.intake.ratelimit import NO_LIMIT, Limiter
from perhekeskus.intake.selectors import team_for_municipality, urgent_guidance_applies
from perhekeskus.intake.tracking import new_tracking_code


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
    """`created` is false for a retry; `same_body` is false when the retry's content differs from
    what the request was made with (the form's token; the API refuses that instead)."""

    help_request: HelpRequest
    created: bool
    same_body: bool = True

    @property
    def urgent(self) -> bool:
        return urgent_guidance_applies(self.help_request)


class IdempotencyConflict(Exception):
    """The idempotency key was already used for a request with different content."""


# The scopes of idempotency keys: the form's own random token and the API's client-chosen
# Idempotency-Key never meet. A key chosen by an API client may be reused by mistake for another
# family (a constant, a counter), so there a different body is refused instead of answered.
IDEMPOTENCY_SCOPES = ("form", "api")
_STRICT_SCOPES = frozenset({"api"})


def _key_hash(scope: str, key: str) -> str:
    """The whole key, in its scope: no prefix of it, and no key of another endpoint, matches."""
    return hashlib.sha256(f"{scope}\x00{key}".encode("utf-8", "surrogatepass")).hexdigest()


def _body_hash(data: HelpRequestInput) -> str:
    """What was asked, in a canonical form: the same answers give the same hash however the
    client ordered or spaced its JSON."""
    canonical = dataclasses.asdict(data)
    canonical["child_ages"] = sorted(canonical["child_ages"])
    text = json.dumps(canonical, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _retry(existing: HelpRequest, body: str, scope: str) -> SubmitResult:
    same = not existing.idempotency_body or existing.idempotency_body == body
    if not same and scope in _STRICT_SCOPES:
        raise IdempotencyConflict
    return SubmitResult(existing, False, same)


def help_request_find_retry(
    *, data: HelpRequestInput, idempotency_key: str | None, idempotency_scope: str = "form"
) -> SubmitResult | None:
    """The request this key already made (a retry), or None. Raises IdempotencyConflict for a
    strict scope's key used with other content."""
    if not idempotency_key:
        return None
    existing = HelpRequest.objects.filter(
        idempotency_key=_key_hash(idempotency_scope, idempotency_key)
    ).first()
    return None if existing is None else _retry(existing, _body_hash(data), idempotency_scope)


def contact_problem(*, anonymous: bool, typed: Iterable[str], reachable: bool) -> str | None:
    """The one contact rule of a help request, for the form, the API and this service alike:
    an anonymous request carries no contact details (what was typed is never dropped without
    asking: the family chooses), and any other gives a phone number or an e-mail address.
    Returns the message to show, or None when the request may be stored."""
    if anonymous and any(value.strip() for value in typed):
        return _(
            "You chose to ask anonymously but also gave contact details. Which do you "
            "want? To be contacted, untick “I want to ask anonymously”. To ask "
            "anonymously, empty the contact fields."
        )
    if not anonymous and not reachable:
        return _("Give a phone number or an e-mail address, or choose to ask anonymously.")
    return None


def help_request_submit(
    *,
    data: HelpRequestInput,
    idempotency_key: str | None,
    idempotency_scope: str = "form",
    limiter: Limiter = NO_LIMIT,
) -> SubmitResult:
    """Receive a request from a family. The same idempotency key again (a double click, a retry
    on a flaky connection) returns the request it already made instead of a second one, before
    any rate limit is looked at; in the API's scope the same key with other content raises
    IdempotencyConflict. Only a request that is stored uses a slot of the `limiter`
    (RateLimited when none is left).

    The team's notice is queued in the same transaction and sent after the commit; a mail
    server that fails never changes the answer to the family (core.outbox).

    The audit entry carries no IP address: a family may ask anonymously, and the address would
    make that a lie."""
    if idempotency_scope not in IDEMPOTENCY_SCOPES:
        raise ValueError(f"Unknown idempotency scope {idempotency_scope!r}")
    retry = help_request_find_retry(
        data=data, idempotency_key=idempotency_key, idempotency_scope=idempotency_scope
    )
    if retry is not None:
        return retry
    key = _key_hash(idempotency_scope, idempotency_key) if idempotency_key else None
    body = _body_hash(data)
    team = team_for_municipality(data.municipality_code)
    if team is None:
        raise ValidationError(
            {"municipality": _("No early-support team takes requests from this municipality.")}
        )
    problem = contact_problem(
        anonymous=data.anonymous,
        typed=(data.contact_name, data.contact_phone, data.contact_email, data.preferred_time),
        reachable=bool(data.contact_phone or data.contact_email),
    )
    if problem is not None:
        raise ValidationError({"contact": problem})
    method = ContactMethod.NONE
    if not data.anonymous:
        method = ContactMethod.PHONE if data.contact_phone else ContactMethod.EMAIL
    reservation = limiter.reserve()
    try:
        return _store(data, key, body, idempotency_scope, team, method)
    except _Raced as raced:
        reservation.release()
        return raced.result
    except BaseException:
        reservation.release()
        raise


def _store(
    data: HelpRequestInput,
    key: str | None,
    body: str,
    scope: str,
    team: EarlySupportTeam,
    method: str,
) -> SubmitResult:
    for _attempt in range(5):
        try:
            with transaction.atomic():
                help_request = HelpRequest.objects.create(
                    tracking_code=new_tracking_code(),
                    idempotency_key=key,
                    idempotency_body=body if key else "",
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
                _queue_team_notice(team, help_request)
            return SubmitResult(help_request, True)
        except IntegrityError:
            # Either the same key arrived twice at once, or (astronomically rarely) a tracking
            # code collided. The first is answered with the request the other one made; the
            # caller gives back the rate-limit slot, as nothing new was stored.
            if key:
                existing = HelpRequest.objects.filter(idempotency_key=key).first()
                if existing is not None:
                    raise _Raced(_retry(existing, body, scope)) from None
    raise RuntimeError("Could not store the help request")


class _Raced(Exception):
    def __init__(self, result: SubmitResult) -> None:
        super().__init__()
        self.result = result


def _queue_team_notice(team: EarlySupportTeam, help_request: HelpRequest) -> None:
    """Queue the team's notice in the request's transaction (no personal data in it)."""
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
                "board_url": f"{site_url()}{board}",
                "danger": bool(help_request.danger_signals),
                "site_name": settings.PERHEKESKUS_SITE_NAME,
            },
        )
        subject = _("New help request for %(team)s") % {"team": team.name}
    email_enqueue(kind="intake.request.new", recipients=recipients, subject=subject, body=body)
