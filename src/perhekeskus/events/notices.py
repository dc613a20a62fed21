"""What the family hears, by e-mail through the outbox and by text message through a job.

Every function is called inside the transaction of the change it tells about, so that a notice
exists exactly when the change does. The texts are in the sign-up's language; no notice names
the other participants or carries anything the family did not give.

(Signatures agreed between the lanes; the notices lane writes the bodies.)
"""

from __future__ import annotations

from collections.abc import Iterable

from perhekeskus.events.models import Event, EventMessage, Signup


def signup_created(signup: Signup, *, manage_token: str) -> None:
    """Attending: the confirmation with the calendar file; waitlisted: the position; applied:
    the application was received."""
    raise NotImplementedError


def signup_promoted(signup: Signup) -> None:
    """From the waiting list to attending (or offered, with the deadline to confirm)."""
    raise NotImplementedError


def signup_changed(signup: Signup) -> None:
    raise NotImplementedError


def signup_cancelled(signup: Signup) -> None:
    """The family cancelled: a short receipt."""
    raise NotImplementedError


def offer_expired(signup: Signup) -> None:
    raise NotImplementedError


def application_decided(signup: Signup) -> None:
    """A peer group's facilitator approved (attending or waitlisted) or declined."""
    raise NotImplementedError


def event_cancelled(event: Event, signups: Iterable[Signup]) -> None:
    """The organiser cancelled the event (or one occurrence): everyone attending or waiting."""
    raise NotImplementedError


def reminder(signup: Signup) -> None:
    raise NotImplementedError


def message_deliver(message: EventMessage, signup: Signup) -> None:
    """One recipient of an organiser's message."""
    raise NotImplementedError
