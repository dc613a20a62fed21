"""The family coordination cards on the professional's own page (`core.dashboard`)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _


def register_cards() -> None:
    """Called by the families app's `ready()`."""
    from perhekeskus.core.dashboard import Card, register
    from perhekeskus.families.policies import can_work_with_families

    register(
        Card(
            "families.records",
            _("Family coordination"),
            _(
                "The families you work with as their responsible worker or on their team, within "
                "what each family's consent covers; open a family's record."
            ),
            "families:list",
            can_work_with_families,
            order=25,
        )
    )
