"""The catalogue editor's admin site: opened by role (organisation editors with an organisation,
coordinators), not by `is_staff` or Django's permission table (ADR 0012)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from perhekeskus.catalog.policies import can_use_catalog_editor
from perhekeskus.core.admin_site import login_or_forbid


class CatalogEditorSite(admin.AdminSite):
    site_header = _("Service descriptions")
    site_title = _("Service descriptions")
    index_title = _("Your organisation's services and places")
    site_url = None
    # The product's own header and navigation, with a way back to "My page" (usability M15).
    index_template = "catalog/editor/index.html"
    app_index_template = "catalog/editor/app_index.html"

    def has_permission(self, request: HttpRequest) -> bool:
        return can_use_catalog_editor(request.user)

    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        return login_or_forbid(request)

    def register(self, model_or_iterable: Any, admin_class: Any = None, **options: Any) -> None:
        """Every page of the editor has the product's header, also those of admins other apps
        register here (the finder's need thesaurus and unmet searches): an admin without
        templates of its own gets the editor's."""
        super().register(model_or_iterable, admin_class, **options)
        for model_admin in self._registry.values():
            for attribute, template in EDITOR_TEMPLATES.items():
                if getattr(model_admin, attribute, None) is None:
                    setattr(model_admin, attribute, template)


EDITOR_TEMPLATES = {
    "change_form_template": "catalog/editor/change_form.html",
    "change_list_template": "catalog/editor/change_list.html",
    "object_history_template": "catalog/editor/object_history.html",
    "delete_confirmation_template": "catalog/editor/delete_confirmation.html",
    "delete_selected_confirmation_template": "catalog/editor/delete_selected_confirmation.html",
}

editor_site = CatalogEditorSite(name="catalog_editor")
