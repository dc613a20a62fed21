"""A referral's states and the moves between them: the one place that says which status may
follow which. Every service that changes `Referral.status` moves it with `move`, on the row it
has locked (`select_for_update`), so that a referral answered a minute ago by someone else
cannot be answered again from the state it has already left.

    sent ──► accepted ──► done
      │         │
      ├──► declined
      └─────────┴──► withdrawn

The receiving organisation accepts or declines a sent referral and marks an accepted one done;
the sending side withdraws a referral that is not yet finished. Declined, done and withdrawn
are final, and nothing moves back to "sent" (a referral is born there)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from perhekeskus.families.models import Referral, ReferralStatus

SENT = ReferralStatus.SENT
ACCEPTED = ReferralStatus.ACCEPTED
DECLINED = ReferralStatus.DECLINED
DONE = ReferralStatus.DONE
WITHDRAWN = ReferralStatus.WITHDRAWN

# Every allowed (from, to) pair; any pair not here is refused.
ALLOWED: frozenset[tuple[str, str]] = frozenset(
    {
        (SENT, ACCEPTED),
        (SENT, DECLINED),
        (SENT, WITHDRAWN),
        (ACCEPTED, DONE),
        (ACCEPTED, WITHDRAWN),
    }
)

# States nothing moves out of.
FINAL: frozenset[str] = frozenset({DECLINED, DONE, WITHDRAWN})


def is_allowed(old: str, new: str) -> bool:
    return (str(old), str(new)) in ALLOWED


def check(old: str, new: str) -> None:
    """Raise a ValidationError (on the `status` field, in the user's language) for a move the
    state machine does not allow."""
    if not is_allowed(old, new):
        raise ValidationError(
            {
                "status": _("A referral cannot move from %(old)s to %(new)s.")
                % {"old": ReferralStatus(old).label, "new": ReferralStatus(new).label}
            }
        )


def move(referral: Referral, new: str) -> str:
    """Move the (locked, freshly read) referral to `new` in memory and return the old status;
    the caller sets the dates, saves it and records the audit entry with both values."""
    old = referral.status
    check(old, new)
    referral.status = new
    return old
