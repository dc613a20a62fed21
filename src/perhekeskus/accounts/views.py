from __future__ import annotations

import base64
import time
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from perhekeskus.accounts import services
from perhekeskus.accounts.forms import EnrolmentForm, LoginForm, TokenForm, UserForm
from perhekeskus.accounts.models import User
from perhekeskus.accounts.policies import can_manage_user, can_manage_users
from perhekeskus.accounts.qr import qr_svg
from perhekeskus.accounts.selectors import access_user, user_get_active, user_list_visible_to
from perhekeskus.core.dashboard import cards_for
from perhekeskus.core.decorators import professional_required
from perhekeskus.core.errors import PolicyDenied
from perhekeskus.core.forms import apply_validation_error
from perhekeskus.core.policies import is_two_factor_satisfied
from perhekeskus.core.roles import Role

PENDING_USER = "accounts_pending_user"
PENDING_SINCE = "accounts_pending_since"
PENDING_NEXT = "accounts_pending_next"
# Between the password and the second factor: long enough to open the app, short enough that an
# abandoned half-login on a shared computer does not linger.
PENDING_SECONDS = 5 * 60


def _safe_next(request: HttpRequest, candidate: str | None) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("accounts:dashboard")


def lockout_response(
    request: HttpRequest, original_response: Any = None, credentials: Any = None
) -> HttpResponse:
    """django-axes calls this for a locked account; also used by our own login view."""
    return render(request, "accounts/locked_out.html", status=429)


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    next_url = request.POST.get("next") or request.GET.get("next")
    if request.user.is_authenticated:
        if is_two_factor_satisfied(request.user):
            return redirect(_safe_next(request, next_url))
        # Logged in with a password but still without the second factor the site requires.
        target = "accounts:otp_verify" if request.user.has_totp_device() else "accounts:otp_setup"
        return redirect(f"{reverse(target)}?next={_safe_next(request, next_url)}")
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        user = authenticate(request, email=email, password=form.cleaned_data["password"])
        if getattr(request, "axes_locked_out", False):
            services.login_failure_record(request=request, email=email, locked_out=True)
            return lockout_response(request)
        if user is None or not isinstance(user, User):
            services.login_failure_record(request=request, email=email, locked_out=False)
            form.add_error(None, _("The e-mail address or password is wrong."))
        elif user.has_totp_device():
            request.session[PENDING_USER] = user.pk
            request.session[PENDING_SINCE] = time.time()
            request.session[PENDING_NEXT] = _safe_next(request, next_url)
            return redirect("accounts:otp_verify")
        else:
            services.session_login(request=request, user=user, backend=user.backend)
            if not is_two_factor_satisfied(user):
                return redirect(
                    f"{reverse('accounts:otp_setup')}?next={_safe_next(request, next_url)}"
                )
            return redirect(_safe_next(request, next_url))
    status = 400 if form.is_bound and form.errors else 200
    idle_logout = bool(request.session.pop(services.IDLE_LOGOUT_NOTICE, False))
    return render(
        request,
        "accounts/login.html",
        {
            "form": form,
            "next": next_url or "",
            "idle_logout": idle_logout,
            "idle_minutes": settings.PERHEKESKUS_SESSION_IDLE_MINUTES,
        },
        status=status,
    )


def _actor(request: HttpRequest) -> User:
    """The user of a page behind `professional_required`, typed for the services."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


def _pending_user(request: HttpRequest) -> User | None:
    user_id = request.session.get(PENDING_USER)
    since = request.session.get(PENDING_SINCE, 0)
    if not user_id or time.time() - since > PENDING_SECONDS:
        return None
    return user_get_active(user_id=user_id)


@sensitive_post_parameters("token")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def otp_verify(request: HttpRequest) -> HttpResponse:
    """The second step of a login, or a logged-in session that still lacks its second factor."""
    logged_in = request.user.is_authenticated
    user = request.user if logged_in else _pending_user(request)
    if not isinstance(user, User):
        messages.info(request, _("Your login took too long. Please log in again."))
        return redirect("accounts:login")
    if logged_in and user.is_verified():  # type: ignore[attr-defined]
        return redirect("accounts:dashboard")
    if logged_in and not user.has_totp_device():
        return redirect("accounts:otp_setup")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = services.totp_token_check(
            request=request, user=user, token=form.cleaned_data["token"]
        )
        if device is None:
            form.add_error("token", _("The code is wrong or has expired. Try the next code."))
        else:
            next_url = request.session.pop(PENDING_NEXT, None) or request.GET.get("next")
            request.session.pop(PENDING_USER, None)
            request.session.pop(PENDING_SINCE, None)
            if logged_in:
                services.session_second_factor(request=request, user=user, device=device)
            else:
                services.session_login(request=request, user=user, device=device)
            return redirect(_safe_next(request, next_url))
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "accounts/otp_verify.html", {"form": form}, status=status)


@sensitive_post_parameters("password", "token")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def otp_setup(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("accounts:login")
    user = request.user
    assert isinstance(user, User)
    if user.has_totp_device():
        return redirect("accounts:otp_verify")
    device = services.totp_device_start(user=user)
    form = EnrolmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = services.totp_device_confirm(
            request=request,
            user=user,
            device=device,
            password=form.cleaned_data["password"],
            token=form.cleaned_data["token"],
        )
        if outcome is services.Enrolment.DONE:
            messages.success(request, _("Two-factor authentication is now on."))
            return redirect(_safe_next(request, request.GET.get("next")))
        if outcome is services.Enrolment.LOCKED_OUT:
            return lockout_response(request)
        if outcome is services.Enrolment.WRONG_PASSWORD:
            form.add_error("password", _("The password is wrong."))
        else:
            form.add_error("token", _("The code is wrong or has expired. Try the next code."))
    base32_secret = base64.b32encode(device.bin_key).decode("ascii")
    context = {
        "form": form,
        "qr_svg": qr_svg(device.config_url),
        "secret_groups": [base32_secret[i : i + 4] for i in range(0, len(base32_secret), 4)],
    }
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "accounts/otp_setup.html", context, status=status)


@require_POST
@csrf_protect
def logout_view(request: HttpRequest) -> HttpResponse:
    services.session_logout(request=request)
    messages.success(request, _("You have logged out."))
    return redirect("finder:home")


@never_cache
@professional_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    context = {
        "roles": [Role(role).label for role in sorted(user.role_set())],
        "cards": cards_for(user),
        "has_totp": user.has_totp_device(),
    }
    return render(request, "accounts/dashboard.html", context)


# --- Coordinators: users ------------------------------------------------------------------------

USERS_PER_PAGE = 50


@never_cache
@professional_required
def user_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    role = request.GET.get("role", "")
    if role not in Role.values:
        role = ""
    try:
        users = user_list_visible_to(actor=_actor(request), query=query, role=role)
    except PolicyDenied:
        raise PermissionDenied from None
    page = Paginator(users, USERS_PER_PAGE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "accounts/user_list.html",
        {
            "page": page,
            "q": query,
            "role": role,
            "roles": Role.choices,
            "query": params.urlencode(),
        },
    )


def _error_text(error: ValidationError | PolicyDenied) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error)


@never_cache
@professional_required
@require_http_methods(["GET", "POST"])
def user_create(request: HttpRequest) -> HttpResponse:
    if not can_manage_users(request.user):
        raise PermissionDenied
    form = UserForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.user_create(
                actor=_actor(request),
                email=data["email"],
                full_name=data["full_name"],
                organization=data["organization"],
                profession=data["profession"],
                title=data["title"],
                roles=data["roles"],
                request=request,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                _("%(name)s was added. An invitation to set a password was sent to %(email)s.")
                % {"name": user.full_name, "email": user.email},
            )
            return redirect("accounts:user_detail", user_id=user.pk)
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "accounts/user_form.html", {"form": form}, status=status)


@never_cache
@professional_required
@require_http_methods(["GET", "POST"])
def user_detail(request: HttpRequest, user_id: int) -> HttpResponse:
    if not can_manage_users(request.user):
        raise PermissionDenied
    user = access_user(actor=_actor(request), user_id=user_id, request=request)
    initial = {
        "full_name": user.full_name,
        "organization": user.organization,
        "profession": user.profession,
        "title": user.title,
        "roles": sorted(user.role_set()),
    }
    form = UserForm(request.POST or None, initial=initial, editing=True)
    can_change = can_manage_user(request.user, user)
    if request.method == "POST" and not can_change:
        raise PermissionDenied
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                services.user_update(
                    actor=_actor(request),
                    user=user,
                    full_name=data["full_name"],
                    organization=data["organization"],
                    profession=data["profession"],
                    title=data["title"],
                    request=request,
                )
                services.user_roles_set(
                    actor=_actor(request), user=user, roles=data["roles"], request=request
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The changes were saved."))
            return redirect("accounts:user_detail", user_id=user.pk)
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "accounts/user_detail.html",
        {
            "form": form,
            "subject": user,
            "has_totp": user.has_totp_device(),
            "can_change": can_change,
            "is_self": user.pk == request.user.pk,
        },
        status=status,
    )


@professional_required
@require_POST
def user_set_active(request: HttpRequest, user_id: int) -> HttpResponse:
    if not can_manage_users(request.user):
        raise PermissionDenied
    user = access_user(actor=_actor(request), user_id=user_id, request=request)
    active = request.POST.get("active") == "1"
    try:
        services.user_set_active(actor=_actor(request), user=user, active=active, request=request)
    except (ValidationError, PolicyDenied) as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(
            request,
            _("The account was reactivated.") if active else _("The account was deactivated."),
        )
    return redirect("accounts:user_detail", user_id=user.pk)


@professional_required
@require_POST
def user_totp_reset(request: HttpRequest, user_id: int) -> HttpResponse:
    if not can_manage_users(request.user):
        raise PermissionDenied
    user = access_user(actor=_actor(request), user_id=user_id, request=request)
    try:
        services.totp_reset(actor=_actor(request), user=user, request=request)
    except PolicyDenied as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(
            request,
            _(
                "The authenticator was removed and the user was logged out everywhere. "
                "They set up a new one at next login."
            ),
        )
    return redirect("accounts:user_detail", user_id=user.pk)


# --- Passwords ----------------------------------------------------------------------------------


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form: Any) -> HttpResponse:
        try:
            # The link is made and sent by a job, so the answer's timing tells nothing.
            services.password_reset_request(request=self.request, email=form.cleaned_data["email"])
        except services.ResetRequestsLimited:
            form.add_error(
                None,
                _(
                    "Too many password-reset requests have come from your network. "
                    "Please try again in an hour."
                ),
            )
            response = self.render_to_response(self.get_context_data(form=form))
            response.status_code = 429
            return response
        return HttpResponseRedirect(str(self.success_url))


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form: Any) -> HttpResponse:
        with transaction.atomic():
            response = super().form_valid(form)
            services.password_reset_record(request=self.request, user=form.user)
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change_form.html"
    success_url = reverse_lazy("accounts:dashboard")

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        return professional_required(super().dispatch)(request, *args, **kwargs)

    def form_valid(self, form: Any) -> HttpResponse:
        with transaction.atomic():
            response = super().form_valid(form)
            services.password_change_record(request=self.request, user=form.user)
        messages.success(self.request, _("Your password was changed."))
        return response
