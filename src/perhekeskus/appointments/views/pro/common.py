"""Helpers shared by the professional's appointment pages."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from perhekeskus.accounts.models import User
from perhekeskus.appointments import selectors_pro
from perhekeskus.appointments.selectors import professionals_manageable_by


def current_user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # professional_required lets only a logged-in user through
    return user


def manageable(user: User) -> list[User]:
    """The professionals whose calendars the user manages, for the "whose calendar" choice."""
    return list(professionals_manageable_by(actor=user))


def default_professional_id(user: User, professionals: list[User]) -> int:
    """The user's own calendar, unless they manage others' only (a scheduler who does not
    receive families): then the first of those."""
    if professionals and all(p.pk != user.pk for p in professionals):
        return professionals[0].pk
    return user.pk


def chosen_professional_id(request: HttpRequest, user: User, professionals: list[User]) -> int:
    """`?professional=` (or the POSTed field) when it is a number, else the default. Whether the
    user may act on that calendar is decided by the selector or service that is called with it."""
    raw = request.POST.get("professional") or request.GET.get("professional") or ""
    try:
        value = int(raw)
    except ValueError:
        return default_professional_id(user, professionals)
    return value if value > 0 else default_professional_id(user, professionals)


def no_calendar(request: HttpRequest, professionals: list[User]) -> HttpResponse | None:
    """The answer to a user who neither receives appointments nor manages anyone's calendar
    (an organisation editor who came for the appointment types), when they asked for no one's
    calendar in particular: a page that says so, instead of a 404."""
    if professionals or request.GET.get("professional") or request.POST.get("professional"):
        return None
    return render(request, "appointments/pro/no_calendar.html")


def with_query(path: str, **params: object) -> str:
    query = {key: value for key, value in params.items() if value not in (None, "")}
    return f"{path}?{urlencode(query)}" if query else path


def local(moment: dt.datetime) -> dt.datetime:
    return timezone.localtime(moment)


def managed_professional_id(request: HttpRequest, user: User) -> int:
    """The professional whose calendar a POST changes: the one chosen, refused (404) before the
    input is looked at when the user may not manage that calendar."""
    professional_id = chosen_professional_id(request, user, manageable(user))
    selectors_pro.professional_get_manageable(actor=user, professional_id=professional_id)
    return professional_id
