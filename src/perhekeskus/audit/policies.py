from __future__ import annotations

from typing import Any

from perhekeskus.core.policies import is_two_factor_satisfied
from perhekeskus.core.roles import Role


def can_view_audit_log(user: Any) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    if not is_two_factor_satisfied(user):
        return False
    return bool(user.is_superuser or user.has_role(Role.COORDINATOR))
