"""Who acts through a service or is asked about by a policy.

`core` cannot import `accounts` (the import rules, `docs/architecture.md`), yet every app's
policies ask the same few things of a user. `Actor` names those things as a protocol:
`accounts.User` has them, and so does any other object a test or a command passes in. An
app that may import `accounts` types its services with `User` itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, TypeAlias

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

if TYPE_CHECKING:
    # Imported for the type only: django.contrib.auth.models defines models, which cannot be
    # imported before the app registry is ready (core.admin_site is loaded while it fills).
    from django.contrib.auth.models import AnonymousUser


class Actor(Protocol):
    """A logged-in professional, as the policies see them."""

    # Any, as in Django's own stubs for Model.pk: an integer for users, whatever the model uses.
    @property
    def pk(self) -> Any: ...

    @property
    def is_authenticated(self) -> bool: ...

    @property
    def is_active(self) -> bool: ...

    @property
    def is_superuser(self) -> bool: ...

    @property
    def organization_id(self) -> object:
        """The organisation the professional works for (its id), or None."""
        ...

    def has_role(self, role: str) -> bool: ...


# Whoever made a request: a policy is also asked about visitors who have not logged in (and a
# command passes no one), and answers no for them.
Visitor: TypeAlias = "Actor | AnonymousUser | None"


def request_actor(request: HttpRequest) -> Actor:
    """The professional behind a request that only a logged-in user reaches (a page behind
    `professional_required`, an admin site whose `has_permission` let them in), typed for the
    services. Anyone else is refused, should a page ever forget its guard."""
    user = request.user
    if not user.is_authenticated:
        raise PermissionDenied
    return user
