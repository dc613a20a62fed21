"""The outbox in the technical administrator's admin: what waits, what failed and why, read
only, and without whom it goes to or what it says (those stay encrypted)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from perhekeskus.core.models import OutboxEmail


@admin.register(OutboxEmail)
class OutboxEmailAdmin(admin.ModelAdmin[OutboxEmail]):
    list_display = (
        "id",
        "kind",
        "created_at",
        "attempts",
        "next_attempt_at",
        "sent_at",
        "given_up_at",
        "last_error",
    )
    list_filter = ("kind", "last_error")
    fields = readonly_fields = list_display
    date_hierarchy = "created_at"
    actions = None

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
