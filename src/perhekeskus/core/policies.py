"""The permission predicates every app's `policies.py` builds on, written once.

Each app's policies say who may do what with its own objects; the two questions they all start
from live here: is this a professional who may act at all (`is_verified_member`), and is this a
coordinator of the network (`is_coordinator`). Services turn a policy's no into `PolicyDenied`
with `require`.
"""

from __future__ import annotations

from typing import TypeGuard

from django.conf import settings
from django.utils.functional import Promise

from perhekeskus.core.actors import Actor, Visitor
from perhekeskus.core.errors import PolicyDenied
from perhekeskus.core.roles import Role


def is_two_factor_satisfied(user: Visitor) -> bool:
    """True where the installation does not demand a second factor, or the session passed one."""
    if not getattr(settings, "PERHEKESKUS_REQUIRE_2FA", False):
        return True
    # django-otp's OTPMiddleware puts is_verified() on the request's user.
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


def is_verified_member(actor: Visitor) -> TypeGuard[Actor]:
    """A logged-in, active professional who passed the second factor wherever it is required.
    Every permission starts here: a deactivated account or a half-finished login may do nothing."""
    return bool(
        actor is not None
        and actor.is_authenticated
        and actor.is_active
        and is_two_factor_satisfied(actor)
    )


def is_coordinator(actor: Visitor) -> TypeGuard[Actor]:
    """A network coordinator, or the technical administrator (a superuser), who passed the
    checks of `is_verified_member`."""
    return is_verified_member(actor) and bool(
        actor.is_superuser or actor.has_role(Role.COORDINATOR)
    )


def require(allowed: bool, message: str | Promise = "") -> None:
    """A service's policy check: go on if the policy allows, else raise `PolicyDenied`."""
    if not allowed:
        raise PolicyDenied(message)
