"""Everything that happens to a help request and its team. Each function checks its policy,
writes, records the request's own event and an audit entry in one transaction; e-mail goes out
after commit and never carries personal data."""

from perhekeskus.intake.services.family import (
    FamilyAddResult,
    help_request_family_add,
    help_request_withdraw,
)
from perhekeskus.intake.services.handling import (
    CONTACT_KINDS,
    help_request_assign,
    help_request_close,
    help_request_contact_record,
    help_request_note,
    help_request_reply,
    help_request_triage,
)
from perhekeskus.intake.services.meetings import (
    meeting_decide,
    meeting_minutes_save,
    meeting_open,
)
from perhekeskus.intake.services.receiving import (
    HelpRequestInput,
    IdempotencyConflict,
    SubmitResult,
    contact_problem,
    help_request_find_retry,
    help_request_submit,
)
from perhekeskus.intake.services.retention import help_request_export, help_requests_anonymize
from perhekeskus.intake.services.teams import team_provision, team_save

__all__ = [
    "CONTACT_KINDS",
    "FamilyAddResult",
    "HelpRequestInput",
    "IdempotencyConflict",
    "SubmitResult",
    "contact_problem",
    "help_request_assign",
    "help_request_close",
    "help_request_contact_record",
    "help_request_export",
    "help_request_family_add",
    "help_request_find_retry",
    "help_request_note",
    "help_request_reply",
    "help_request_submit",
    "help_request_triage",
    "help_request_withdraw",
    "help_requests_anonymize",
    "meeting_decide",
    "meeting_minutes_save",
    "meeting_open",
    "team_provision",
    "team_save",
]
