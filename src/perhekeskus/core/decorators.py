from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, resolve_url
from django.views.decorators.cache import never_cache

from perhekeskus.core.policies import is_two_factor_satisfied


def professional_required(
    view: Callable[..., HttpResponseBase],
) -> Callable[..., HttpResponseBase]:
    """A professional page: a logged-in, active user who has passed two-factor authentication
    wherever the installation requires it (production). Families never reach these pages.

    The login and second-factor pages are settings (`LOGIN_URL`, `PERHEKESKUS_OTP_VERIFY_URL`,
    `PERHEKESKUS_OTP_SETUP_URL`), and whether the user has an authenticator is asked of the user
    object itself (`has_totp_device()`), so core imports no app."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        user = request.user
        if not user.is_authenticated or not user.is_active:
            return redirect_to_login(request.get_full_path(), resolve_url(settings.LOGIN_URL))
        if not is_two_factor_satisfied(user):
            target = (
                settings.PERHEKESKUS_OTP_VERIFY_URL
                if user.has_totp_device()
                else settings.PERHEKESKUS_OTP_SETUP_URL
            )
            return redirect(f"{resolve_url(target)}?next={request.get_full_path()}")
        return view(request, *args, **kwargs)

    return wrapped


def private_page(
    referrer_policy: str = "no-referrer",
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """A family's page whose address is their key (a manage link, a confirmation): kept by no
    cache (Cache-Control: no-store), indexed by no search engine, sent to no other site.

    Pages with a form that posts use "same-origin": under "no-referrer" a browser sends the post
    with `Origin: null`, which the CSRF check rightly refuses; "same-origin" still sends nothing
    to any other site."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            response = view(request, *args, **kwargs)
            response["Referrer-Policy"] = referrer_policy
            response["X-Robots-Tag"] = "noindex, nofollow"
            return response

        return never_cache(wrapper)

    return decorate
