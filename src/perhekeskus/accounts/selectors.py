from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpRequest

from perhekeskus.accounts import actions
from perhekeskus.accounts.models import RoleGrant, User
from perhekeskus.accounts.policies import can_manage_users, can_view_user
from perhekeskus.audit.services import audit_record
from perhekeskus.core.errors import AccessDenied, NotFound
from perhekeskus.core.policies import require


def user_list_visible_to(*, actor: User, query: str = "", role: str = "") -> QuerySet[User]:
    """The directory of professionals, for coordinators. Names, organisations and roles only."""
    require(can_manage_users(actor), "Only network coordinators can list users")
    users = User.objects.select_related("organization").prefetch_related(
        Prefetch("role_grants", queryset=RoleGrant.objects.order_by("role"))
    )
    if query:
        users = users.filter(
            Q(full_name__icontains=query)
            | Q(email__icontains=query)
            | Q(organization__name__icontains=query)
        )
    if role:
        users = users.filter(role_grants__role=role)
    return users.order_by("full_name", "email")


def access_user(*, actor: User, user_id: int, request: HttpRequest | None = None) -> User:
    """One user's account details. Missing and forbidden both raise NotFound; a read of another
    person's account is recorded."""
    try:
        user = User.objects.select_related("organization").get(pk=user_id)
    except (User.DoesNotExist, ValueError, TypeError):
        raise NotFound from None
    if not can_view_user(actor, user):
        raise AccessDenied(target_type="accounts.user", target_id=user.pk)
    if user.pk != actor.pk:
        audit_record(action=actions.USER_VIEW, actor=actor, target=user, request=request)
    return user


def users_given_role_by(*, granter: User, role: str, user_ids: Iterable[Any]) -> list[str]:
    """E-mail addresses of those among `user_ids` whose `role` was granted by `granter`: the
    four-eyes rule of the early-support teams (`intake.services.teams.team_save`)."""
    return sorted(
        RoleGrant.objects.filter(
            user_id__in=list(user_ids), role=role, granted_by_id=granter.pk
        ).values_list("user__email", flat=True)
    )


def user_list_with_role(*, roles: Iterable[str]) -> QuerySet[User]:
    """Active users who hold any of these roles, with their organisation, by name: the choices
    wherever a user is picked for a job (a team's members, a family's responsible worker)."""
    return (
        User.objects.filter(is_active=True, role_grants__role__in=list(roles))
        .select_related("organization")
        .distinct()
        .order_by("full_name", "pk")
    )


def user_get_active(*, user_id: int) -> User | None:
    """The user of this id if the account is active: a half-finished login of an account
    deactivated meanwhile goes no further."""
    return User.objects.filter(pk=user_id, is_active=True).first()


def user_list_active(*, ids: Iterable[Any]) -> list[User]:
    """The active users among these ids (an inactive or unknown id is left out)."""
    return list(User.objects.filter(pk__in=list(ids), is_active=True).order_by("pk"))


def user_names(*, ids: Iterable[Any]) -> dict[Any, str]:
    """The full names of these users by id, for a history that names who did what."""
    wanted = [pk for pk in ids if pk]
    if not wanted:
        return {}
    return dict(User.objects.filter(pk__in=wanted).values_list("pk", "full_name"))
