"""A help request's states and the moves between them: the one place that says which status may
follow which. Every service that changes `HelpRequest.status` moves it with `move`, on the row
it has locked (`select_for_update`), so that a request read a minute ago cannot be moved on
from a state it has already left.

    new ──► in_triage ──► assigned ──► contacted ──► closed
     │          │            ▲            ▲            ▲
     └──────────┴────────────┴────────────┴────────────┘   (forward, skipping steps)

Nothing moves back, and nothing moves to "new" (a request is born there). "Closed" is final: a
closed request that moved back to "in triage" would keep its `closed_at` but no longer be
closed, and would then escape the retention job (`services.retention`). Staying put is a move
of its own where a service means it: triage seen twice, another responsible worker for an
assigned or contacted request, a second contact with a family already reached. Closing is
possible from every open state (a duplicate is seen at once)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from perhekeskus.intake.models import HelpRequest, RequestStatus

NEW = RequestStatus.NEW
IN_TRIAGE = RequestStatus.IN_TRIAGE
ASSIGNED = RequestStatus.ASSIGNED
CONTACTED = RequestStatus.CONTACTED
CLOSED = RequestStatus.CLOSED

# Every allowed (from, to) pair; any pair not here is refused.
ALLOWED: frozenset[tuple[str, str]] = frozenset(
    {
        (NEW, IN_TRIAGE),
        (NEW, ASSIGNED),
        (NEW, CONTACTED),
        (NEW, CLOSED),
        (IN_TRIAGE, IN_TRIAGE),
        (IN_TRIAGE, ASSIGNED),
        (IN_TRIAGE, CONTACTED),
        (IN_TRIAGE, CLOSED),
        (ASSIGNED, ASSIGNED),
        (ASSIGNED, CONTACTED),
        (ASSIGNED, CLOSED),
        (CONTACTED, CONTACTED),
        (CONTACTED, CLOSED),
    }
)


def is_allowed(old: str, new: str) -> bool:
    return (str(old), str(new)) in ALLOWED


def check(old: str, new: str) -> None:
    """Raise a ValidationError (on the `status` field, in the user's language) for a move the
    state machine does not allow."""
    if not is_allowed(old, new):
        raise ValidationError(
            {
                "status": _("A request cannot move from %(old)s to %(new)s.")
                % {"old": RequestStatus(old).label, "new": RequestStatus(new).label}
            }
        )


def move(help_request: HelpRequest, new: str) -> str:
    """Move the (locked, freshly read) request to `new` in memory and return the old status;
    the caller saves it, records the event and the audit entry with both values."""
    old = help_request.status
    check(old, new)
    help_request.status = new
    return old
