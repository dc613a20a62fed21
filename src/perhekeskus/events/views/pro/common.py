"""What the organiser's event pages share."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest

from perhekeskus.accounts.models import User


def current_user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # professional_required lets only a logged-in user through
    return user


def with_query(path: str, **params: object) -> str:
    query = {key: value for key, value in params.items() if value not in (None, "")}
    return f"{path}?{urlencode(query)}" if query else path
