from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, resolve_url
from django.utils.http import urlencode
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
        return login_or_forbid(request)


def login_or_forbid(request: HttpRequest) -> HttpResponse:
    """An admin site's login page: send a stranger to our login (with its second factor), but
    tell a logged-in user who lacks the role that they lack it — redirecting them would loop."""
    user = request.user
    if user.is_authenticated and is_two_factor_satisfied(user):
        raise PermissionDenied
    next_url = request.GET.get("next") or request.get_full_path()
    return redirect(f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': next_url})}")


class PerhekeskusAdminConfig(AdminConfig):
    default_site = "perhekeskus.core.admin_site.PerhekeskusAdminSite"
