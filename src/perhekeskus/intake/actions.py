from django.utils.translation import gettext_lazy as _

from perhekeskus.audit.registry import register

REQUEST_SUBMIT = register("intake.request.submit", _("A help request was received"))
REQUEST_VIEW = register("intake.request.view", _("Viewed a help request"))
REQUEST_TRIAGE = register("intake.request.triage", _("Took a help request into triage"))
REQUEST_ASSIGN = register(
    "intake.request.assign", _("Set the responsible worker of a help request")
)
REQUEST_CONTACT = register("intake.request.contact", _("Recorded a contact with the family"))
REQUEST_NOTE = register("intake.request.note", _("Wrote a note on a help request"))
REQUEST_REPLY = register("intake.request.reply", _("Wrote the reply the family sees"))
REQUEST_CLOSE = register("intake.request.close", _("Closed a help request"))
REQUEST_FAMILY_ADD = register(
    "intake.request.family_add", _("The family added information to its help request")
)
REQUEST_WITHDRAW = register("intake.request.withdraw", _("The family withdrew its help request"))
REQUEST_EXPORT = register(
    "intake.request.export", _("Exported a help request for the data subject")
)
REQUEST_ANONYMIZE = register("intake.request.anonymize", _("Anonymised closed help requests"))
MEETING_CREATE = register("intake.meeting.create", _("Opened a team meeting"))
MEETING_DECIDE = register("intake.meeting.decide", _("Recorded a team decision"))
MEETING_VIEW = register("intake.meeting.view", _("Viewed a team meeting's minutes"))
MEETING_MINUTES = register("intake.meeting.minutes", _("Wrote meeting minutes"))
TEAM_CHANGE = register("intake.team.change", _("Changed an early-support team"))
