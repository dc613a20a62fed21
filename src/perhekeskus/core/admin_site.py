from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from perhekeskus.core.policies import is_two_factor_satisfied


class PerhekeskusAdminSite(admin.AdminSite):
    """The technical administration site. Login goes through the same login page (and second
    factor) as every professional page; there is no separate, weaker admin login."""

    site_header = _("Perhekeskus administration")
    site_title = _("Perhekeskus administration")

    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) and is_two_factor_satisfied(request.user)

    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        next_url = request.GET.get("next") or reverse("admin:index")
        return redirect(f"{reverse('accounts:login')}?next={next_url}")


class PerhekeskusAdminConfig(AdminConfig):
    default_site = "perhekeskus.core.admin_site.PerhekeskusAdminSite"
