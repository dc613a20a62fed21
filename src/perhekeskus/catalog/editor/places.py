"""Locations in the editor: an organisation's places, their addresses and hours."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from perhekeskus.catalog import services
from perhekeskus.catalog.editor.base import PolicyAdminMixin, apply_form
from perhekeskus.catalog.editor.inlines import LocationScheduleInline
from perhekeskus.catalog.editor.site import editor_site
from perhekeskus.catalog.models import Location
from perhekeskus.core.actors import request_actor


@admin.register(Location, site=editor_site)
class LocationEditorAdmin(PolicyAdminMixin, TranslationAdmin):
    organization_paths = ("organization",)
    add_title = _("New place")
    change_title = _("Edit place")
    list_display = ("name", "organization", "municipality", "is_meeting_place", "updated_at")
    list_filter = ("is_meeting_place", "location_type", "municipality")
    search_fields = ("name_fi", "name_sv", "name_en", "street_address_fi")
    list_select_related = ("organization", "municipality")
    inlines = (LocationScheduleInline,)
    fieldsets = (
        (None, {"fields": ("organization", "location_type", "name", "alternate_name")}),
        (
            _("Address"),
            {
                "fields": (
                    "street_address",
                    ("postal_code", "post_office"),
                    "municipality",
                    ("latitude", "longitude"),
                    "url",
                )
            },
        ),
        (
            _("Description"),
            {"fields": ("description", "transportation", "accessibility", "is_meeting_place")},
        ),
        (
            _("Accessibility"),
            {
                "fields": (
                    ("step_free_entrance", "lift"),
                    ("accessible_parking", "accessible_toilet"),
                    "induction_loop",
                )
            },
        ),
    )

    def save_with_service(
        self,
        request: HttpRequest,
        form: Any,
        write_related: Callable[[Any], None],
        change: bool,
    ) -> None:
        if change:
            services.location_update(
                actor=request_actor(request),
                location_id=form.instance.pk,
                apply_changes=apply_form(form, write_related),
                request=request,
            )
        else:
            services.location_create(
                actor=request_actor(request),
                location=form.instance,
                save_related=write_related,
                request=request,
            )
