"""The families app's audit actions: every change of a family's record. Reads are not here:
they go to the family's own access log (`models.AccessLogEntry`, `access.py`), which the family
may read. Names are never renamed."""

from django.utils.translation import gettext_lazy as _

from perhekeskus.audit.registry import register

FAMILY_OPEN = register("families.family.open", _("Family record opened"))
FAMILY_UPDATE = register("families.family.update", _("Family details changed"))
FAMILY_CLOSE = register("families.family.close", _("Family record closed"))
FAMILY_ANONYMISE = register("families.family.anonymise", _("Closed family records anonymised"))
PERSON_ADD = register("families.person.add", _("Child or guardian added"))
PERSON_UPDATE = register("families.person.update", _("Child's or guardian's details changed"))
# The reasons of a hand-over, a reading under a law and a revocation are stored encrypted on
# their own rows (they may name the family's circumstances); the audit log, kept in the clear
# for good, records that they happened and never their words.
RESPONSIBLE_CHANGE = register("families.responsible.change", _("Responsible worker changed"))
TEAM_ADD = register("families.team.add", _("Professional added to a family's team"))
TEAM_UPDATE = register("families.team.update", _("Role on a family's team changed"))
TEAM_REMOVE = register("families.team.remove", _("Professional removed from a family's team"))
CONSENT_RECORD = register("families.consent.record", _("Consent recorded"))
CONSENT_GIVE = register("families.consent.give", _("Guardian's consent recorded"))
CONSENT_REVOKE = register("families.consent.revoke", _("Consent revoked"))
LEGAL_ACCESS = register("families.legal_access.open", _("Family's data read under a law"))
# A look-up that found no record is audited too, with its basis and reason (never the code), so
# that trying codes one after another leaves a trace.
LEGAL_ACCESS_NO_MATCH = register(
    "families.legal_access.no_match",
    _("Reading under a law asked for a code that matches no family"),
)
LEGAL_ACCESS_REVIEW = register("families.legal_access.review", _("Reading under a law reviewed"))
PLAN_UPDATE = register("families.plan.update", _("Support plan changed"))
ACTION_UPDATE = register("families.action.update", _("Plan action changed"))
MEETING_PLAN = register("families.meeting.plan", _("Network meeting planned"))
MEETING_RECORD = register("families.meeting.record", _("Network meeting recorded"))
MEETING_CANCEL = register("families.meeting.cancel", _("Network meeting cancelled"))
NOTE_ADD = register("families.note.add", _("Note written"))
REFERRAL_SEND = register("families.referral.send", _("Referral sent"))
REFERRAL_ACCEPT = register("families.referral.accept", _("Referral accepted"))
REFERRAL_DECLINE = register("families.referral.decline", _("Referral declined"))
REFERRAL_DONE = register("families.referral.done", _("Referral done"))
REFERRAL_WITHDRAW = register("families.referral.withdraw", _("Referral withdrawn"))
SUBJECT_EXPORT = register("families.subject.export", _("Data-subject export made"))
CORRECTION_RECORD = register("families.correction.record", _("Correction request received"))
CORRECTION_HANDLE = register("families.correction.handle", _("Correction request answered"))
SIGNIN_LINK = register("families.signin.link", _("Family page sign-in link sent"))
SIGNIN = register("families.signin.complete", _("Guardian signed in to the family page"))
