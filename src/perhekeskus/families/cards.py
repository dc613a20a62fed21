"""The family coordination cards on the professional's own page (`core.dashboard`)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _


def register_cards() -> None:
    """Called by the families app's `ready()`."""
    from perhekeskus.core.actors import Visitor
    from perhekeskus.core.dashboard import Card, register
    from perhekeskus.core.policies import is_coordinator
    from perhekeskus.families.policies import can_work_with_families

    def coordinator_only(user: Visitor) -> bool:
        # A coordinator who also works with families reaches the same list from the card above.
        return is_coordinator(user) and not can_work_with_families(user)

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
    register(
        Card(
            "families.without_worker",
            _("Family records without a responsible worker"),
            _(
                "Hand over the records whose responsible worker has left, without reading the "
                "families' data."
            ),
            "families:list",
            coordinator_only,
            order=26,
        )
    )
    register(
        Card(
            "families.referrals",
            _("Incoming referrals"),
            _(
                "Referrals sent to your organisation from the network's services, while the "
                "family's consent covers them: accept, decline or mark done."
            ),
            "families:referral_inbox",
            can_work_with_families,
            order=27,
        )
    )
    register(
        Card(
            "families.reviews",
            _("Readings under a law"),
            _(
                "Review the readings of families' data made without consent under a provision "
                "of law: who, when, on what basis and why."
            ),
            "families:reviews",
            is_coordinator,
            order=28,
        )
    )
