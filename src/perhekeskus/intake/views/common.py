"""Helpers shared by the team's views."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext_lazy

from perhekeskus.accounts.models import User

DANGER_LABELS = {
    "violence": gettext_lazy("violence or threats"),
    "self_harm": gettext_lazy("self-harm or suicidal thoughts"),
    "child_in_danger": gettext_lazy("a child in danger or left without care"),
    "caregiver_intoxicated_or_raging": gettext_lazy(
        "a parent or partner drunk, on drugs or raging"
    ),
    "afraid_to_go_home": gettext_lazy("afraid to go home or not safe at home"),
    "crisis": gettext_lazy("asks for crisis help"),
}


def current_user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # professional_required lets only a logged-in user through
    return user
