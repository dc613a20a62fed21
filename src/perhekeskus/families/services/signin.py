"""Signing in to the family's own page: a guardian asks for a link by e-mail, opens it, and is
signed in for `FAMILIES_SESSION_MINUTES` of inactivity, and for `FAMILIES_SESSION_MAX_HOURS` at
most however active (then they sign in again: ASVS 3.3.2). No account, no password.

A closed record stays open to its family until it is anonymised: its team may read it on the
family's consents for the whole retention time, so the family keeps seeing who does (the client-data
law's right to the access log) and may revoke those consents (GDPR art. 7(3)). An anonymised
record has no one to sign in.

- `signin_link_request` answers the same, after the same work, whether the address is known or
  not (the view shows one page either way): it enqueues a job, and the job
  (`signin_links_send`), for each guardian of a not anonymised record with that address,
  stores a link (only a keyed hash of its random token) valid `FAMILIES_SIGNIN_LINK_MINUTES`, and
  e-mails it (`notices.signin_link_notice`) in the same transaction. A guardian with
  `MAX_OPEN_LINKS` unused links waiting gets no more, so that nobody can fill a mailbox with them.
- `signin_complete` consumes a link once, under a row lock, if it has not expired and its
  guardian's record is not anonymised; the link is bound to that guardian and to nobody else.
- `guardian_sign_in` is the one way into the session for every identification backend
  (`identification.py`): a new session key (against session fixation), the guardian's id, the
  time of signing in and of the last request (`current_guardian` ends an idle session, and any
  session older than its absolute lifetime) and an audit entry.

The audit entries name the guardian's row, never the e-mail address.
"""

from __future__ import annotations

import datetime as dt
import secrets
import time

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone, translation

from perhekeskus.audit.services import audit_record
from perhekeskus.core.client import keyed_hash
from perhekeskus.core.jobs import enqueue, job
from perhekeskus.core.links import absolute
from perhekeskus.families import actions, notices
from perhekeskus.families.identification import EMAIL_LINK, IdentificationBackend, backend
from perhekeskus.families.identity import email_digest
from perhekeskus.families.models import Guardian, SignInLink
from perhekeskus.families.ratelimit import Limiter

SESSION_GUARDIAN = "families.guardian"
SESSION_SEEN = "families.seen"
SESSION_METHOD = "families.method"
SESSION_STARTED = "families.started"
SESSION_EMAIL = "families.email"
SESSION_KEYS = (SESSION_GUARDIAN, SESSION_SEEN, SESSION_METHOD, SESSION_STARTED, SESSION_EMAIL)
# A signed-in session ends this many hours after signing in, even while in use.
DEFAULT_SESSION_MAX_HOURS = 12
MAX_OPEN_LINKS = 3


def token_digest(token: str) -> str:
    return keyed_hash("families.signin", token)


def signin_url(token: str, language: str) -> str:
    with translation.override(language):
        return absolute(reverse("family:signin", kwargs={"token": token}))


def signin_link_request(
    *, email: str, request: HttpRequest | None = None, limiter: Limiter | None = None
) -> None:
    """Someone asks for a sign-in link for this e-mail address. Returns nothing: the caller says
    the same thing whatever happened, and the request does the same work whatever the address:
    `limiter`'s slot is taken before anything is looked up (`ratelimit.RateLimited` is raised
    when it is used up), then one job is enqueued (`families_signin_links_send`, with the
    address's keyed digest only, never the address) that looks the address up and sends the
    links after the answer. Nothing before the answer tells, by its time, whether the address
    belongs to a client family."""
    if limiter is not None:
        limiter.reserve()
    with transaction.atomic():
        enqueue(families_signin_links_send, address_digest=email_digest(email))


@job(retries=3)
def families_signin_links_send(*, address_digest: str) -> int:
    """The job of `signin_link_request`: `signin_links_send`. A retry after a failure finds
    nothing done (one transaction); a repeated run after a lost worker sends one more link at
    most, and never more than `MAX_OPEN_LINKS` wait."""
    return signin_links_send(address_digest=address_digest)


def signin_links_send(*, address_digest: str) -> int:
    """Send a sign-in link to every guardian of a not anonymised record whose e-mail address has
    this keyed digest (`identity.email_digest`); returns how many were sent."""
    if not address_digest:
        return 0
    now = timezone.now()
    sent = 0
    with transaction.atomic():
        guardians = list(
            Guardian.objects.select_related("family")
            .select_for_update(of=("self",))
            .filter(email_digest=address_digest, family__anonymized_at__isnull=True)
            .order_by("pk")
        )
        for guardian in guardians:
            waiting = SignInLink.objects.filter(
                guardian=guardian, used_at__isnull=True, expires_at__gt=now
            ).count()
            if waiting >= MAX_OPEN_LINKS:
                continue
            token = secrets.token_urlsafe(32)
            link = SignInLink.objects.create(
                guardian=guardian,
                token_digest=token_digest(token),
                created_at=now,
                expires_at=now + dt.timedelta(minutes=settings.FAMILIES_SIGNIN_LINK_MINUTES),
            )
            notices.signin_link_notice(
                guardian=guardian, url=signin_url(token, guardian.notice_language)
            )
            audit_record(
                action=actions.SIGNIN_LINK,
                target=guardian,
                details={"family": str(guardian.family_id), "link": link.pk},
            )
            sent += 1
    return sent


def link_consume(*, token: str) -> Guardian | None:
    """The guardian a link is for, if it is unused, unexpired and the record not anonymised; the
    link is used up (and the guardian's other waiting links with it). Call inside a
    transaction."""
    if not token or len(token) > 200:
        return None
    now = timezone.now()
    link = (
        SignInLink.objects.select_for_update()
        .filter(token_digest=token_digest(token), used_at__isnull=True, expires_at__gt=now)
        .first()
    )
    if link is None:
        return None
    guardian = (
        Guardian.objects.select_related("family")
        .filter(
            pk=link.guardian_id,
            family__anonymized_at__isnull=True,
        )
        .first()
    )
    SignInLink.objects.filter(guardian_id=link.guardian_id, used_at__isnull=True).update(
        used_at=now
    )
    return guardian


def link_is_valid(token: str) -> bool:
    """Whether a link could still sign someone in (the confirmation page's GET; nothing used)."""
    if not token or len(token) > 200:
        return False
    return SignInLink.objects.filter(
        token_digest=token_digest(token),
        used_at__isnull=True,
        expires_at__gt=timezone.now(),
        guardian__family__anonymized_at__isnull=True,
    ).exists()


def link_minutes() -> int:
    return int(settings.FAMILIES_SIGNIN_LINK_MINUTES)


def signin_complete(*, token: str, request: HttpRequest) -> Guardian | None:
    """Sign in with an e-mailed link: the guardian, signed in to this session, or None when the
    link is unknown, used, expired or its record anonymised."""
    with transaction.atomic():
        guardian = backend(EMAIL_LINK).complete(request, token=token)
        if guardian is None:
            return None
        guardian_sign_in(request=request, guardian=guardian, method=EMAIL_LINK)
    return guardian


def identify_complete(
    *, backend: IdentificationBackend, request: HttpRequest, data: dict[str, str]
) -> Guardian | None:
    """Finish a sign-in with another identification backend (strong electronic identification):
    the guardian it identified, signed in to this session, or None."""
    with transaction.atomic():
        guardian = backend.complete(request, **data)
        if guardian is None:
            return None
        guardian_sign_in(request=request, guardian=guardian, method=backend.name)
    return guardian


def guardian_sign_in(*, request: HttpRequest, guardian: Guardian, method: str) -> None:
    """Put the identified guardian in the session (every backend comes through here)."""
    session = request.session
    for key in SESSION_KEYS:
        session.pop(key, None)
    session.cycle_key()
    now = int(time.time())
    session[SESSION_GUARDIAN] = guardian.pk
    session[SESSION_SEEN] = now
    session[SESSION_STARTED] = now
    session[SESSION_METHOD] = method
    # Which e-mail the guardian had: a worker who changes it ends this session (a new address
    # means the old one may no longer be theirs).
    session[SESSION_EMAIL] = guardian.email_digest
    audit_record(
        action=actions.SIGNIN,
        target=guardian,
        request=request,
        details={"family": str(guardian.family_id), "method": method},
    )


def sign_out(*, request: HttpRequest) -> None:
    """End the guardian's session on the family page (a professional's login in the same browser
    is left alone)."""
    session = request.session
    had = session.pop(SESSION_GUARDIAN, None) is not None
    for key in SESSION_KEYS:
        session.pop(key, None)
    if had:
        session.cycle_key()


def session_max_seconds() -> int:
    """The absolute lifetime of a guardian's session (`FAMILIES_SESSION_MAX_HOURS`)."""
    hours = getattr(settings, "FAMILIES_SESSION_MAX_HOURS", DEFAULT_SESSION_MAX_HOURS)
    return int(hours) * 3600


def current_guardian(request: HttpRequest) -> Guardian | None:
    """The guardian signed in to this session, if the session has not been idle longer than
    `FAMILIES_SESSION_MINUTES`, was signed in at most `FAMILIES_SESSION_MAX_HOURS` ago and the
    guardian's record is not anonymised (a closed one is still theirs to see); each call counts as
    activity."""
    session = request.session
    guardian_id = session.get(SESSION_GUARDIAN)
    if guardian_id is None:
        return None
    seen = session.get(SESSION_SEEN)
    now = int(time.time())
    if not isinstance(seen, int) or now - seen > settings.FAMILIES_SESSION_MINUTES * 60:
        sign_out(request=request)
        return None
    started = session.get(SESSION_STARTED)
    if not isinstance(started, int):
        # Signed in before sessions kept their start: its lifetime counts from now on.
        started = seen
        session[SESSION_STARTED] = started
    if now - started > session_max_seconds():
        sign_out(request=request)
        return None
    guardian = (
        Guardian.objects.select_related("family", "family__responsible")
        .filter(
            pk=guardian_id,
            family__anonymized_at__isnull=True,
        )
        .first()
    )
    if guardian is None or session.get(SESSION_EMAIL, guardian.email_digest) != (
        guardian.email_digest
    ):
        sign_out(request=request)
        return None
    session[SESSION_SEEN] = now
    return guardian
