"""What the family pages do alike: who is signed in and the family page's address (the
professionals' pages), and a form page's write (a valid POST calls one service; its
ValidationError goes back on the form, its success is said and redirected)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import resolve_url
from django.urls import reverse

from perhekeskus.accounts.models import User
from perhekeskus.core.forms import apply_validation_error
from perhekeskus.families import selectors
from perhekeskus.families.models import AccessPlace, DataCategory
from perhekeskus.families.policies import can_manage_family
from perhekeskus.families.selectors import FamilyAccess

T = TypeVar("T")


def current_user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # professional_required lets only a logged-in user through
    return user


def family_url(family_id: uuid.UUID | str, anchor: str = "") -> str:
    """The family's page, at one of its sections when `anchor` is given."""
    url = reverse("families:detail", args=[family_id])
    return f"{url}#{anchor}" if anchor else url


def managed_access(
    user: User, family_id: uuid.UUID, category: str = DataCategory.BASIC
) -> FamilyAccess:
    """A change page's family: read through the gate (the page shows the record's data, so
    the read is logged), the change forms the responsible worker's while the record is open."""
    family_access = selectors.access_family(
        actor=user, family_id=family_id, categories=[category], place=AccessPlace.PAGE
    )
    family = family_access.family
    if not (can_manage_family(user, family) and family.is_open):
        raise PermissionDenied
    return family_access


def posted(request: HttpRequest) -> QueryDict | None:
    """A form's data: the POST's on a POST, else none (the form is shown unbound)."""
    return request.POST if request.method == "POST" else None


def form_status(form: forms.Form) -> int:
    """A form page's status: 400 when the form came back with errors."""
    return 400 if form.errors else 200


def save_form(
    request: HttpRequest,
    form: forms.Form,
    write: Callable[[dict[str, Any]], T],
    *,
    success: str | Callable[[T], str],
    then: str | Callable[[T], str],
    on_error: Callable[[Any, ValidationError], None] = apply_validation_error,
    level: int = messages.SUCCESS,
    redirect_status: int = 302,
) -> HttpResponse | None:
    """A form page's write. When the form was posted and is valid, `write` calls the page's one
    service with the cleaned data; then the `success` message (at `level`) and a redirect to
    `then` (a URL or a URL name; either may be made from what the service returned; a page
    without an account answers 303, `redirect_status`). A
    ValidationError from the service goes on the form (`on_error`) and None is returned: the
    page is shown again."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = write(form.cleaned_data)
    except ValidationError as error:
        on_error(form, error)
        return None
    messages.add_message(request, level, success(result) if callable(success) else success)
    url = resolve_url(then(result) if callable(then) else then)
    return HttpResponseRedirect(url, status=redirect_status)
