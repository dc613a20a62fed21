"""The events app's audit actions. Names are never renamed."""

from django.utils.translation import gettext_lazy as _

from perhekeskus.audit.registry import register

EVENT_CREATE = register("events.event.create", _("Event created"))
EVENT_UPDATE = register("events.event.update", _("Event changed"))
EVENT_PUBLISH = register("events.event.publish", _("Event published"))
EVENT_CANCEL = register("events.event.cancel", _("Event cancelled"))
SERIES_UPDATE = register("events.series.update", _("Recurring event and its occurrences changed"))
SUMMARY_PUBLISH = register("events.forum.summary", _("Forum summary published"))
SIGNUP_CREATE = register("events.signup.create", _("Signed up for an event"))
SIGNUP_CHANGE = register("events.signup.change", _("Sign-up changed"))
SIGNUP_CANCEL = register("events.signup.cancel", _("Sign-up cancelled"))
SIGNUP_PROMOTE = register("events.signup.promote", _("Promoted from the waiting list"))
SIGNUP_CONFIRM = register("events.signup.confirm", _("Offered seat confirmed"))
SIGNUP_OFFER_EXPIRE = register("events.signup.offer_expire", _("Offered seat expired"))
APPLICATION_APPROVE = register("events.application.approve", _("Peer group application approved"))
APPLICATION_DECLINE = register("events.application.decline", _("Peer group application declined"))
PARTICIPANTS_VIEW = register("events.participants.view", _("Participant list viewed"))
PARTICIPANTS_EXPORT = register("events.participants.export", _("Participant list exported"))
ATTENDANCE_MARK = register("events.attendance.mark", _("Attendance marked"))
MESSAGE_SEND = register("events.message.send", _("Message sent to participants"))
TOPIC_CREATE = register("events.topic.create", _("Topic sent to a forum"))
TOPICS_VIEW = register("events.topics.view", _("Forum topics viewed"))
SIGNUPS_ANONYMISE = register("events.signup.anonymise", _("Past participants anonymised"))
