"""The organiser's card on the professional's own page."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _


def register_cards() -> None:
    """Called by the events app's `ready()`."""
    from perhekeskus.core.dashboard import Card, register
    from perhekeskus.events.selectors_pro import may_use_events_tool

    register(
        Card(
            "events.organise",
            _("Events"),
            _(
                "Your organisation's events, recurring events, peer groups and forums: sign-ups, "
                "waiting lists, attendance and messages to participants."
            ),
            "events_pro:list",
            may_use_events_tool,
            order=35,
        )
    )
