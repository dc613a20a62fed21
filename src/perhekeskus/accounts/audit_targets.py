"""Users in the audit log by name, linked to their page for those who manage users (usability
review m17). Registered in `AccountsConfig.ready`; the audit app imports nothing of accounts."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from perhekeskus.accounts.models import User
from perhekeskus.accounts.policies import can_manage_users
from perhekeskus.audit.registry import TargetLink, register_target


def _users(ids: list[str], viewer: Any) -> dict[str, TargetLink]:
    numbers = [int(value) for value in ids if value.isdigit()]
    may_open = can_manage_users(viewer)
    return {
        str(user.pk): TargetLink(
            name=str(user),
            url=reverse("accounts:user_detail", args=[user.pk]) if may_open else None,
        )
        for user in User.objects.filter(pk__in=numbers).only("pk", "full_name", "email")
    }


def register_audit_targets() -> None:
    register_target("accounts.user", _users)
