"""Everything that changes events' sign-ups (lane A) and events (organise, attendance, forum,
messages). Each function owns its transaction: a write of sign-ups locks the event's row first
(`lock_event`, ADR 0038), checks again what is stored, writes, records an audit entry and writes
the family's notices in the same transaction."""

from perhekeskus.events.selectors import signup_get_by_token
from perhekeskus.events.services.applications import application_approve, application_decline
from perhekeskus.events.services.retention import signups_anonymise
from perhekeskus.events.services.signup import (
    IdempotencyConflict,
    ParticipantInput,
    SignupInput,
    SignupRefused,
    SignupResult,
    lock_event,
    offers_expire,
    promote_waitlist,
    signup_cancel,
    signup_change,
    signup_confirm_offer,
    signup_create,
)

__all__ = [
    "IdempotencyConflict",
    "ParticipantInput",
    "SignupInput",
    "SignupRefused",
    "SignupResult",
    "application_approve",
    "application_decline",
    "lock_event",
    "offers_expire",
    "promote_waitlist",
    "signup_cancel",
    "signup_change",
    "signup_confirm_offer",
    "signup_create",
    "signup_get_by_token",
    "signups_anonymise",
]
