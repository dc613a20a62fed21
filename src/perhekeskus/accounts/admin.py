from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from perhekeskus.accounts.models import RoleGrant, User


class RoleGrantInline(admin.TabularInline[RoleGrant, User]):
    model = RoleGrant
    fk_name = "user"
    extra = 0
    fields = ("role", "granted_at", "granted_by")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(User)
class UserAdmin(admin.ModelAdmin[User]):
    """Read-only overview for the technical administrator. Users and roles are managed in the
    professional UI (Accounts → Users), where every change goes through the audited services."""

    list_display = ["email", "full_name", "organization", "profession", "is_active", "is_staff"]
    list_filter = ["is_active", "is_staff", "profession", "role_grants__role"]
    search_fields = ["email", "full_name"]
    fields = (
        "email",
        "full_name",
        "organization",
        "profession",
        "title",
        "is_active",
        "is_staff",
        "is_superuser",
        "last_login",
        "date_joined",
    )
    readonly_fields = fields
    inlines = [RoleGrantInline]
    actions = None

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
