"""The family's side of "Ask for help": the form, the confirmation with the tracking code, and
the status page with what the family can still do. No account, no JavaScript needed.

The tracking code is the family's only key to its request, so the app never puts it in a URL
it makes: URLs end up in access logs and in a shared phone's browser history. The code travels
in POST bodies, and the browser that just sent or looked up a request keeps it for a short while
in its (server-side) session, signed and time-stamped. Old links with the code in the path still
work: they move the code into the session and redirect to the code-free page."""

from __future__ import annotations

import json
import secrets
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.crypto import salted_hmac
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from perhekeskus.core.errors import NotFound
from perhekeskus.core.forms import session_recall, session_remember
from perhekeskus.intake import ratelimit, selectors, services
from perhekeskus.intake.forms.public import (
    FamilyAddForm,
    HelpRequestForm,
    StatusLookupForm,
    WithdrawForm,
)
from perhekeskus.intake.selectors import family_status_step
from perhekeskus.intake.tracking import normalize_tracking_code

# How long this browser keeps the code of the request it just sent (the confirmation page can be
# reloaded) and of the request whose status it looks at (idle time).
SENT_MAX_AGE = 60 * 60
STATUS_MAX_AGE = 30 * 60
# Back and Send again with the same words within this time shows the request already sent.
RESEND_WINDOW = 60 * 60

_SENT = "intake.sent"
_STATUS = "intake.status"
_RECENT = "intake.recent"
_FLASH_DANGER = "intake.danger"
_SALT = "perhekeskus.intake.public"


def retention_months() -> int:
    return max(1, round(settings.PERHEKESKUS_HELP_REQUEST_RETENTION_DAYS / 30))


# --- The code in the session ------------------------------------------------------------------


def _remember(request: HttpRequest, key: str, value: Any) -> None:
    session_remember(request, salt=_SALT, key=key, value=value)


def _recall(request: HttpRequest, key: str, max_age: int) -> Any:
    return session_recall(request, salt=_SALT, key=key, max_age=max_age)


def _fingerprint(form: HelpRequestForm) -> str:
    """The same request typed again, without keeping its words: a keyed hash."""
    data = form.cleaned_data
    parts = [
        " ".join(data["message"].split()),
        data["concerns"],
        data["municipality"],
        bool(data.get("anonymous")),
        data.get("contact_phone", ""),
        (data.get("contact_email") or "").lower(),
    ]
    return salted_hmac(f"{_SALT}.resend", json.dumps(parts)).hexdigest()


def _already_sent(request: HttpRequest, form: HelpRequestForm) -> str | None:
    """The tracking code of the request this browser sent with the same words a moment ago."""
    recent = _recall(request, _RECENT, RESEND_WINDOW)
    if not recent or recent.get("fingerprint") != _fingerprint(form):
        return None
    return _find(str(recent.get("code") or ""))


def _to_sent_page(
    request: HttpRequest, tracking_code: str, *, already: bool
) -> HttpResponseRedirect:
    _remember(request, _SENT, {"code": tracking_code, "already": already})
    _remember(request, _STATUS, tracking_code)
    return redirect("help:sent")


# --- The form -----------------------------------------------------------------------------------


def _form_context(form: HelpRequestForm, **extra: object) -> dict[str, object]:
    return {"form": form, "retention_months": retention_months(), **extra}


@never_cache
@require_http_methods(["GET", "POST"])
def ask_for_help(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        form = HelpRequestForm(
            initial={
                "form_token": secrets.token_urlsafe(24),
                "language": (get_language() or "fi")[:2],
            }
        )
        return render(request, "intake/ask_for_help.html", _form_context(form))

    form = HelpRequestForm(request.POST)
    if not form.is_valid() or form.is_bot:
        if form.is_bot:
            form.add_error(None, _("Your request could not be sent. Please try again."))
        return render(request, "intake/ask_for_help.html", _form_context(form), status=400)
    # Back and Send again (a new form token, the same words) from this browser: the request it
    # already sent, never a second one, and never anyone else's. Like any retry, it is answered
    # before the rate limit.
    existing = _already_sent(request, form)
    if existing is not None:
        return _to_sent_page(request, existing, already=True)
    try:
        result = services.help_request_submit(
            data=form.to_input(),
            idempotency_key=form.cleaned_data["form_token"],
            limiter=ratelimit.help_request_limiter(request),
        )
    except ratelimit.RateLimited as limited:
        response = render(
            request,
            "intake/ask_for_help.html",
            _form_context(form, rate_limited=True, page_error=True),
            status=429,
        )
        response["Retry-After"] = str(limited.retry_after)
        return response
    except ValidationError as error:
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else "contact_phone", errors)
        return render(request, "intake/ask_for_help.html", _form_context(form), status=400)
    help_request = result.help_request
    _remember(
        request, _RECENT, {"fingerprint": _fingerprint(form), "code": help_request.tracking_code}
    )
    return _to_sent_page(request, help_request.tracking_code, already=not result.created)


# --- The confirmation ---------------------------------------------------------------------------


@never_cache
@require_GET
def sent(request: HttpRequest) -> HttpResponse:
    remembered = _recall(request, _SENT, SENT_MAX_AGE)
    try:
        family = selectors.help_request_family_status(
            tracking_code=str(remembered.get("code") or "") if remembered else ""
        )
    except NotFound:
        # Nothing sent from this browser lately (or it was long ago): where to type the code.
        return redirect("help:status_lookup")
    return render(
        request,
        "intake/sent.html",
        {
            "tracking_code": family.public.tracking_code,
            "danger": family.public.urgent,
            "anonymous": family.anonymous,
            "contact_method": family.contact_method,
            "already_sent": bool(remembered.get("already")),
        },
    )


@never_cache
@require_GET
def sent_by_code(request: HttpRequest, code: str) -> HttpResponse:
    """An old confirmation link with the code in it."""
    tracking_code = _find(code)
    if tracking_code is None:
        return _lookup_page(request, StatusLookupForm(), not_found=True)
    return _to_sent_page(request, tracking_code, already=False)


# --- The status page ----------------------------------------------------------------------------


def _find(code: str) -> str | None:
    """The request's tracking code as stored, or None when no request has this code."""
    try:
        return selectors.help_request_public_status(tracking_code=code).tracking_code
    except NotFound:
        return None


def _lookup_page(
    request: HttpRequest, form: StatusLookupForm, *, not_found: bool = False
) -> HttpResponse:
    status = 404 if not_found else (400 if form.is_bound else 200)
    return render(
        request,
        "intake/status_lookup.html",
        {"form": form, "not_found": not_found, "page_error": not_found},
        status=status,
    )


def _show_status(request: HttpRequest, code: str) -> HttpResponseRedirect:
    _remember(request, _STATUS, code)
    return HttpResponseRedirect(reverse("help:status_lookup"), status=303)


def _status_page(
    request: HttpRequest,
    code: str,
    *,
    add_form: FamilyAddForm | None = None,
    withdraw_form: WithdrawForm | None = None,
    status: int = 200,
) -> HttpResponse:
    try:
        family = selectors.help_request_family_status(tracking_code=code)
    except NotFound:
        request.session.pop(_STATUS, None)
        return _lookup_page(request, StatusLookupForm(), not_found=True)
    # Each look keeps the code a while longer; an idle page forgets it.
    _remember(request, _STATUS, family.public.tracking_code)
    failed = status >= 400
    return render(
        request,
        "intake/status.html",
        {
            "family": family,
            "public": family.public,
            "step": family_status_step(status=family.public.status, anonymous=family.anonymous),
            "add_form": add_form or FamilyAddForm(),
            "withdraw_form": withdraw_form or WithdrawForm(),
            "danger": bool(request.session.pop(_FLASH_DANGER, False)),
            "page_error": failed,
        },
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def status_lookup(request: HttpRequest) -> HttpResponse:
    """GET: the status of the request this browser looked at a moment ago, or the form to type a
    code. POST: the typed code; the answer is a redirect to this same, code-free address."""
    if request.method == "POST" or "code" in request.GET:
        # The query string is what the form used to send; old bookmarks still work.
        form = StatusLookupForm(request.POST if request.method == "POST" else request.GET)
        if not form.is_valid():
            return _lookup_page(request, form)
        tracking_code = _find(form.cleaned_data["code"])
        if tracking_code is None:
            if normalize_tracking_code(form.cleaned_data["code"]) is None:
                form.add_error("code", _("Check the code: it has 20 letters and numbers."))
                return _lookup_page(request, form)
            return _lookup_page(request, form, not_found=True)
        return _show_status(request, tracking_code)
    code = _recall(request, _STATUS, STATUS_MAX_AGE)
    if code:
        return _status_page(request, code)
    return _lookup_page(request, StatusLookupForm())


@never_cache
@require_GET
def status_by_code(request: HttpRequest, code: str) -> HttpResponse:
    """An old status link with the code in it (the API's answers and e-mails of older
    versions)."""
    tracking_code = _find(code)
    if tracking_code is None:
        return _lookup_page(request, StatusLookupForm(initial={"code": code[:40]}), not_found=True)
    return _show_status(request, tracking_code)


def _add_errors(form: FamilyAddForm | WithdrawForm, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def _posted_code(request: HttpRequest) -> str:
    """The code a status-page form was sent with: it is in the form itself, so that a page left
    open longer than the session keeps the code still works."""
    return (request.POST.get("code") or "")[:40]


@never_cache
@require_POST
def status_add(request: HttpRequest) -> HttpResponse:
    code = _posted_code(request)
    form = FamilyAddForm(request.POST)
    if not form.is_valid():
        return _status_page(request, code, add_form=form, status=400)
    try:
        result = services.help_request_family_add(
            tracking_code=code, text=form.cleaned_data["text"]
        )
    except NotFound:
        return _lookup_page(request, StatusLookupForm(), not_found=True)
    except ValidationError as error:
        _add_errors(form, error)
        return _status_page(request, code, add_form=form, status=400)
    if result.danger:
        request.session[_FLASH_DANGER] = True
    messages.success(request, _("Thank you. What you wrote was added to your request."))
    return _show_status(request, result.help_request.tracking_code)


@never_cache
@require_POST
def status_withdraw(request: HttpRequest) -> HttpResponse:
    code = _posted_code(request)
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        return _status_page(request, code, withdraw_form=form, status=400)
    try:
        help_request = services.help_request_withdraw(tracking_code=code)
    except NotFound:
        return _lookup_page(request, StatusLookupForm(), not_found=True)
    except ValidationError as error:
        _add_errors(form, error)
        return _status_page(request, code, withdraw_form=form, status=400)
    messages.success(
        request, _("Your request was withdrawn. You can ask for help again at any time.")
    )
    return _show_status(request, help_request.tracking_code)


@never_cache
@require_POST
def status_forget(request: HttpRequest) -> HttpResponse:
    """ "Forget the code on this device": for a shared phone or computer."""
    for key in (_SENT, _STATUS, _RECENT, _FLASH_DANGER):
        request.session.pop(key, None)
    messages.success(request, _("This browser no longer remembers your code."))
    return HttpResponseRedirect(reverse("help:status_lookup"), status=303)
