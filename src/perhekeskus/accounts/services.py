"""Every change to accounts: each checks its policy and records its audit entry in the same
transaction. E-mail goes out only after the transaction commits."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from perhekeskus.accounts import actions, throttle
from perhekeskus.accounts.jobs import accounts_password_reset_send
from perhekeskus.accounts.models import RoleGrant, User
from perhekeskus.accounts.policies import can_grant_roles_to, can_manage_user, can_manage_users
from perhekeskus.audit.services import audit_record
from perhekeskus.catalog.models import Organization
from perhekeskus.core.client import client_key_for
from perhekeskus.core.errors import PolicyDenied
from perhekeskus.core.jobs import enqueue
from perhekeskus.core.links import site_url
from perhekeskus.core.outbox import email_enqueue
from perhekeskus.core.policies import require
from perhekeskus.core.roles import Role

# Set in the fresh session of someone logged out for being idle; the login page reads it once.
IDLE_LOGOUT_NOTICE = "perhekeskus_idle_logout"

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _require_manager(actor: User) -> None:
    require(can_manage_users(actor), _("Only network coordinators can manage users."))


def _require_manager_of(actor: User, user: User) -> None:
    _require_manager(actor)
    require(
        can_manage_user(actor, user),
        _("Only a technical administrator can change a technical administrator's account."),
    )


def _locked(user: User) -> User:
    """The user's row, re-read under a row lock: the checks that follow see its current state."""
    return User.objects.select_for_update().get(pk=user.pk)


def _end_sessions(user: User) -> None:
    """Every session of the user stops working at its next request, on every worker and every
    session store: the generation is part of the session's authentication hash
    (`User._get_session_auth_hash`). Reactivating the account does not bring them back."""
    user.session_generation += 1
    user.save(update_fields=["session_generation"])


# --- Sessions -----------------------------------------------------------------------------------


def session_login(
    *, request: HttpRequest, user: User, device: TOTPDevice | None = None, backend: str = ""
) -> None:
    with transaction.atomic():
        login(request, user, backend=backend or MODEL_BACKEND)
        if device is not None:
            otp_login(request, device)
        audit_record(
            action=actions.USER_LOGIN,
            actor=user,
            target=user,
            request=request,
            details={"two_factor": device is not None},
        )


def session_second_factor(*, request: HttpRequest, user: User, device: TOTPDevice) -> None:
    """A session logged in with the password passes the second factor. The session key changes
    here too, as at every change of authentication level: a key seen before the step-up (on a
    shared computer, in a log) is worthless after it."""
    with transaction.atomic():
        request.session.cycle_key()
        otp_login(request, device)
        audit_record(
            action=actions.USER_LOGIN,
            actor=user,
            target=user,
            request=request,
            details={"two_factor": True, "step_up": True},
        )


def session_logout(*, request: HttpRequest) -> None:
    user = request.user
    with transaction.atomic():
        if user.is_authenticated:
            audit_record(action=actions.USER_LOGOUT, actor=user, target=user, request=request)
        logout(request)


def session_idle_logout(*, request: HttpRequest) -> None:
    """End a session that has been idle too long (`accounts.middleware`): audited like a
    logout, and the next login page says why."""
    user = request.user
    with transaction.atomic():
        if user.is_authenticated:
            audit_record(action=actions.USER_IDLE_LOGOUT, actor=user, target=user, request=request)
        logout(request)
    request.session[IDLE_LOGOUT_NOTICE] = True


def login_failure_record(*, request: HttpRequest, email: str, locked_out: bool) -> None:
    """A failed or refused login. The entered address is kept (truncated) so that an attack on
    one account can be seen; the password never is."""
    user = User.objects.filter(email__iexact=email).first() if email else None
    audit_record(
        action=actions.USER_LOCKED_OUT if locked_out else actions.USER_LOGIN_FAILED,
        target=user,
        target_type="" if user else "accounts.user",
        request=request,
        details={"email": email[:254]},
    )


# --- Two-factor authentication ------------------------------------------------------------------


def totp_device_start(*, user: User) -> TOTPDevice:
    """An unconfirmed TOTP device for the user to scan. Reuses the pending one so that reloading
    the set-up page does not invalidate a QR code already scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=False)
    return device


class Enrolment(enum.Enum):
    DONE = "done"
    WRONG_PASSWORD = "wrong_password"  # noqa: S105  (an outcome, not a password)
    WRONG_CODE = "wrong_code"
    LOCKED_OUT = "locked_out"


def totp_device_confirm(
    *, request: HttpRequest, user: User, device: TOTPDevice, password: str, token: str
) -> Enrolment:
    """Turn on the scanned authenticator. The password is asked again in the same request: a
    session alone (a browser left open, a stolen laptop) must not be able to enrol an
    authenticator of its own. A wrong password counts towards the account's lockout like a
    failed login, and a lockout ends this session."""
    if device.user_id != user.pk or device.confirmed:
        raise PolicyDenied("Not this user's pending device")
    checked = authenticate(request, email=user.email, password=password)
    if getattr(request, "axes_locked_out", False):
        login_failure_record(request=request, email=user.email, locked_out=True)
        logout(request)
        return Enrolment.LOCKED_OUT
    if checked is None or checked.pk != user.pk:
        login_failure_record(request=request, email=user.email, locked_out=False)
        return Enrolment.WRONG_PASSWORD
    if not device.verify_token(token):
        audit_record(action=actions.TOTP_VERIFY_FAILED, actor=user, target=user, request=request)
        return Enrolment.WRONG_CODE
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        # A new authentication level: the session key seen before it is no longer valid.
        request.session.cycle_key()
        otp_login(request, device)
        audit_record(action=actions.TOTP_ENROLL, actor=user, target=user, request=request)
    return Enrolment.DONE


def totp_token_check(*, request: HttpRequest, user: User, token: str) -> TOTPDevice | None:
    """The user's confirmed device that accepts the token, or None (recorded as a failure)."""
    for device in TOTPDevice.objects.filter(user=user, confirmed=True):
        if device.verify_token(token):
            return device
    audit_record(action=actions.TOTP_VERIFY_FAILED, target=user, request=request)
    return None


def totp_reset(*, actor: User, user: User, request: HttpRequest | None = None) -> None:
    """A coordinator removes a lost authenticator; the user sets up a new one at next login.
    Every session of the user ends: whoever holds the lost phone, or a browser left open, must
    log in with the password again before enrolling anything."""
    _require_manager_of(actor, user)
    with transaction.atomic():
        user = _locked(user)
        _require_manager_of(actor, user)
        TOTPDevice.objects.filter(user=user).delete()
        _end_sessions(user)
        audit_record(
            action=actions.TOTP_RESET,
            actor=actor,
            target=user,
            request=request,
            details={"sessions_ended": True},
        )


# --- Users and roles ----------------------------------------------------------------------------


def _queue_invitation(*, user: User) -> None:
    """A set-your-password link, queued in the outbox in the transaction that creates the user
    (sent after the commit, retried if the mail server is down). Django's reset form skips users
    without a usable password, which is exactly what a new user is, so the message is built here
    with the same token generator. The link's address is the site's own (`SITE_DOMAIN`), never
    the Host header of the request that created the user."""
    context = {
        "email": user.email,
        "user": user,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
        "site_url": site_url(),
        "site_name": settings.PERHEKESKUS_SITE_NAME,
    }
    # A professional's language is not stored: the invitation is in the language of the page
    # the coordinator used.
    subject = render_to_string("accounts/email/invitation_subject.txt", context)
    body = render_to_string("accounts/email/invitation_email.txt", context)
    email_enqueue(kind="accounts.invitation", recipients=[user.email], subject=subject, body=body)


def _email_is_free(email: str, *, exclude_pk: int | None = None) -> bool:
    queryset = User.objects.filter(email__iexact=email)
    if exclude_pk is not None:
        queryset = queryset.exclude(pk=exclude_pk)
    return not queryset.exists()


def user_create(
    *,
    actor: User,
    email: str,
    full_name: str,
    organization: Organization | None,
    profession: str = "",
    title: str = "",
    roles: Iterable[str] = (),
    request: HttpRequest | None = None,
    send_invitation: bool = True,
) -> User:
    """Add a professional. They get no password: an invitation e-mail lets them set their own."""
    _require_manager(actor)
    email = email.strip().lower()
    if not _email_is_free(email):
        raise ValidationError({"email": _("A user with this e-mail address already exists.")})
    with transaction.atomic():
        user = User(
            email=email,
            full_name=full_name.strip(),
            organization=organization,
            profession=profession,
            title=title.strip(),
        )
        user.set_unusable_password()
        user.full_clean()
        user.save()
        audit_record(
            action=actions.USER_CREATE,
            actor=actor,
            target=user,
            request=request,
            details={"organization": str(organization.pk) if organization else None},
        )
        _roles_apply(actor=actor, user=user, roles=set(roles), request=request)
        if send_invitation:
            _queue_invitation(user=user)
    return user


def user_update(
    *,
    actor: User,
    user: User,
    full_name: str,
    organization: Organization | None,
    profession: str,
    title: str,
    request: HttpRequest | None = None,
) -> User:
    _require_manager_of(actor, user)
    changes: dict[str, list[str | None]] = {}
    new_values = {
        "full_name": full_name.strip(),
        "organization": organization,
        "profession": profession,
        "title": title.strip(),
    }
    for field, value in new_values.items():
        old = getattr(user, field)
        if old != value:
            changes[field] = [_display(old), _display(value)]
            setattr(user, field, value)
    if not changes:
        return user
    with transaction.atomic():
        user.full_clean()
        user.save()
        audit_record(
            action=actions.USER_UPDATE,
            actor=actor,
            target=user,
            request=request,
            details={"changes": changes},
        )
    return user


def _display(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, Organization):
        return str(value.pk)
    return str(value)


def user_set_active(
    *, actor: User, user: User, active: bool, request: HttpRequest | None = None
) -> User:
    """Deactivation ends every session of the user for good: reactivating the account later does
    not revive a session cookie left in some browser."""
    _require_manager_of(actor, user)
    if user.pk == actor.pk and not active:
        raise ValidationError(_("You cannot deactivate your own account."))
    with transaction.atomic():
        user = _locked(user)
        _require_manager_of(actor, user)
        if user.is_active == active:
            return user
        user.is_active = active
        user.save(update_fields=["is_active"])
        if not active:
            _end_sessions(user)
        audit_record(
            action=actions.USER_ACTIVATE if active else actions.USER_DEACTIVATE,
            actor=actor,
            target=user,
            request=request,
            details={} if active else {"sessions_ended": True},
        )
    return user


def user_roles_set(
    *, actor: User, user: User, roles: Iterable[str], request: HttpRequest | None = None
) -> None:
    """Make the user's roles exactly `roles`: each grant and each revocation is its own audit
    entry, so that the log answers "who made X a coordinator, and when". Nobody grants a role to
    themselves (another coordinator must), so that no single person can open families' help
    requests to themselves."""
    _require_manager_of(actor, user)
    wanted = set(roles)
    with transaction.atomic():
        user = _locked(user)
        user.forget_roles()
        current = user.role_set()
        if user.pk == actor.pk and Role.COORDINATOR in current and Role.COORDINATOR not in wanted:
            raise ValidationError(
                {
                    "roles": _(
                        "You cannot remove your own coordinator role; ask another coordinator."
                    )
                }
            )
        if wanted - current and not can_grant_roles_to(actor, user):
            raise ValidationError(
                {"roles": _("You cannot give roles to yourself; another coordinator must do it.")}
            )
        _roles_apply(actor=actor, user=user, roles=wanted, request=request)


def _roles_apply(*, actor: User, user: User, roles: set[str], request: HttpRequest | None) -> None:
    valid = set(Role.values)
    unknown = roles - valid
    if unknown:
        raise ValidationError({"roles": _("Unknown role: %s") % ", ".join(sorted(unknown))})
    current = set(RoleGrant.objects.filter(user=user).values_list("role", flat=True))
    for role in sorted(roles - current):
        RoleGrant.objects.create(user=user, role=role, granted_by=actor)
        audit_record(
            action=actions.ROLE_GRANT,
            actor=actor,
            target=user,
            request=request,
            details={"role": role},
        )
    for role in sorted(current - roles):
        RoleGrant.objects.filter(user=user, role=role).delete()
        audit_record(
            action=actions.ROLE_REVOKE,
            actor=actor,
            target=user,
            request=request,
            details={"role": role},
        )
    user.forget_roles()


# --- Passwords ----------------------------------------------------------------------------------


class ResetRequestsLimited(Exception):
    """This client has asked for too many password resets; the answer is 429 for everyone."""


def password_reset_request(*, request: HttpRequest, email: str) -> None:
    """Someone asks for a password-reset link. The request does the same work and gets the same
    answer whether or not the address has an account (no enumeration by answer or timing): it
    is audited and enqueues one job either way (`jobs.accounts_password_reset_send`, with no
    user when there is nothing to send); the worker makes the link and queues it in the outbox.
    An address gets at most PASSWORD_RESET_RATE_LIMIT links (more requests are answered the
    same, without e-mail); a client makes at most PASSWORD_RESET_CLIENT_RATE_LIMIT requests
    (then ResetRequestsLimited)."""
    if not throttle.take(
        scope="password-reset-client",
        key=client_key_for(request),
        setting="PERHEKESKUS_PASSWORD_RESET_CLIENT_RATE_LIMIT",
    ):
        raise ResetRequestsLimited
    email = email.strip()
    within_limit = throttle.take(
        scope="password-reset-address",
        key=email.lower(),
        setting="PERHEKESKUS_PASSWORD_RESET_RATE_LIMIT",
    )
    user = User.objects.filter(email__iexact=email, is_active=True).first()
    reachable = user if user is not None and user.has_usable_password() else None
    details: dict[str, Any] = {"email": email[:254]}
    if not within_limit:
        details["limited"] = True
    with transaction.atomic():
        audit_record(
            action=actions.PASSWORD_RESET_REQUEST,
            target=user,
            target_type="" if user else "accounts.user",
            request=request,
            details=details,
        )
        enqueue(
            accounts_password_reset_send,
            user_id=reachable.pk if reachable is not None and within_limit else None,
            language=get_language() or settings.LANGUAGE_CODE,
            domain=request.get_host(),
            protocol="https" if request.is_secure() else "http",
        )


def password_reset_record(*, request: HttpRequest, user: User) -> None:
    audit_record(action=actions.PASSWORD_RESET, actor=user, target=user, request=request)


def password_change_record(*, request: HttpRequest, user: User) -> None:
    audit_record(action=actions.PASSWORD_CHANGE, actor=user, target=user, request=request)


def user_provision(
    *,
    email: str,
    full_name: str,
    organization: Organization | None,
    profession: str = "",
    title: str = "",
    roles: Iterable[str] = (),
    password: str | None = None,
    is_superuser: bool = False,
    via: str,
) -> tuple[User, bool]:
    """Create a user from the command line (demo data, installation scripts), where there is no
    logged-in actor. Idempotent by e-mail: an existing user is returned unchanged. The audit entry
    names the command in `via`."""
    email = email.strip().lower()
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None:
        return existing, False
    with transaction.atomic():
        user = User(
            email=email,
            full_name=full_name,
            organization=organization,
            profession=profession,
            title=title,
            is_staff=is_superuser,
            is_superuser=is_superuser,
        )
        user.set_password(password)
        user.full_clean()
        user.save()
        audit_record(action=actions.USER_CREATE, target=user, details={"via": via})
        for role in sorted(set(roles)):
            if role not in Role.values:
                raise ValidationError({"roles": f"Unknown role: {role}"})
            RoleGrant.objects.create(user=user, role=role)
            audit_record(action=actions.ROLE_GRANT, target=user, details={"role": role, "via": via})
    return user, True
