"""What the family hears, by e-mail through the outbox and by text message through a job.

Every function is called inside the transaction of the change it tells about, so that a notice
exists exactly when the change does: the outbox row and the text message's job row are written
with the change and go out only if it commits. The texts are in the sign-up's language with
Finnish dates ("4.12.2026 klo 9.00"); a notice names only the family's own sign-up — never the
other participants, never the names of the family's own participants, only how many come.
The online meeting's address goes only to a family that is attending. The outbox's `kind` and
`dedupe_key` and the logs say nothing about who signed up, and the manage link's token appears
only in the e-mail and text themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal, get_args

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from perhekeskus.core.client import keyed_hash
from perhekeskus.core.outbox import Attachment, email_enqueue
from perhekeskus.events.calendar import (
    ics_for_event,
    language_of,
    local_when,
    manage_url,
    online_url_for,
    place_text,
    when_text,
)
from perhekeskus.events.models import Event, EventMessage, Signup, SignupStatus

Kind = Literal[
    "confirmed",
    "waitlisted",
    "applied",
    "promoted",
    "offered",
    "changed",
    "cancelled",
    "offer_expired",
    "approved",
    "declined",
    "event_cancelled",
    "reminder",
    "message",
]
KINDS: tuple[Kind, ...] = get_args(Kind)
# Notices that put the event in the family's calendar (they come for sure).
_WITH_CALENDAR: tuple[Kind, ...] = ("confirmed", "promoted", "approved", "reminder")
# Notices after which there is nothing left to manage.
_WITHOUT_MANAGE_LINK: tuple[Kind, ...] = (
    "cancelled",
    "offer_expired",
    "declined",
    "event_cancelled",
)
# A text message of the organiser's message is cut to this many characters of its body.
SMS_BODY_LIMIT = 480


def signup_created(signup: Signup, *, manage_token: str) -> None:
    """Attending: the confirmation with the calendar file; waitlisted: the position; applied:
    the application was received."""
    if signup.status == SignupStatus.WAITLISTED:
        _notify(signup, "waitlisted", manage_token=manage_token)
    elif signup.status == SignupStatus.APPLIED:
        _notify(signup, "applied", manage_token=manage_token)
    elif signup.status == SignupStatus.OFFERED:
        _notify(signup, "offered", manage_token=manage_token)
    else:
        _notify(signup, "confirmed", manage_token=manage_token)


def signup_promoted(signup: Signup) -> None:
    """From the waiting list to attending (or offered, with the deadline to confirm)."""
    _notify(signup, "offered" if signup.status == SignupStatus.OFFERED else "promoted")


def signup_changed(signup: Signup) -> None:
    _notify(signup, "changed")


def signup_cancelled(signup: Signup) -> None:
    """The family cancelled: a short receipt."""
    _notify(signup, "cancelled")


def offer_expired(signup: Signup) -> None:
    _notify(signup, "offer_expired")


def application_decided(signup: Signup) -> None:
    """A peer group's facilitator approved (attending or waitlisted) or declined."""
    if signup.status == SignupStatus.DECLINED:
        _notify(signup, "declined")
    elif signup.status == SignupStatus.WAITLISTED:
        _notify(signup, "waitlisted")
    else:
        _notify(signup, "approved")


def event_cancelled(event: Event, signups: Iterable[Signup], *, reason: str = "") -> None:
    """The organiser cancelled the event (or one occurrence): everyone attending or waiting,
    with the organiser's `reason` in the e-mail when given. `event` is the cancelled one (a peer
    group's session tells the series' members); a sign-up the family had cancelled itself, or a
    declined application, hears nothing."""
    for signup in signups:
        if signup.status == SignupStatus.DECLINED or (
            signup.status == SignupStatus.CANCELLED and signup.cancelled_by_family
        ):
            continue
        _notify(signup, "event_cancelled", event=event, reason=reason)


def reminder(signup: Signup, *, session: Event | None = None) -> None:
    """The reminder before the event (the reminder job calls this under the sign-up's row lock,
    in the transaction that sets `reminder_sent_at`); a peer group's member is reminded of each
    `session` with its own time and place (in the transaction that writes its
    `SessionReminder`)."""
    _notify(signup, "reminder", event=session)


def message_deliver(message: EventMessage, signup: Signup) -> None:
    """One recipient of an organiser's message: by e-mail, and by text message when the
    organiser asked for it and the family gave a phone number."""
    _notify(signup, "message", event=message.event, message=message)


def _subject(kind: Kind, signup: Signup, event: Event, message: EventMessage | None) -> str:
    values = {"title": event.title, "when": when_text(event)}
    if kind == "confirmed":
        return _("Signed up: %(title)s %(when)s") % values
    if kind == "waitlisted":
        return _("On the waiting list: %(title)s %(when)s") % values
    if kind == "applied":
        return _("Application received: %(title)s") % values
    if kind == "promoted":
        return _("You got a seat: %(title)s %(when)s") % values
    if kind == "offered":
        deadline = local_when(signup.offer_expires_at) if signup.offer_expires_at else ""
        return _("A seat for you, confirm by %(deadline)s: %(title)s") % {
            **values,
            "deadline": deadline,
        }
    if kind == "changed":
        return _("Sign-up changed: %(title)s %(when)s") % values
    if kind == "cancelled":
        return _("Sign-up cancelled: %(title)s %(when)s") % values
    if kind == "offer_expired":
        return _("Offered seat expired: %(title)s %(when)s") % values
    if kind == "approved":
        return _("Application accepted: %(title)s") % values
    if kind == "declined":
        return _("Application not accepted: %(title)s") % values
    if kind == "event_cancelled":
        return _("Event cancelled: %(title)s %(when)s") % values
    if kind == "reminder":
        return _("Reminder: %(title)s %(when)s") % values
    subject = message.subject if message is not None else ""
    return _("%(title)s: %(subject)s") % {**values, "subject": subject}


def _lead(kind: Kind, signup: Signup) -> str:
    """The notice's first sentence."""
    if kind == "confirmed":
        return _("You have signed up for the event. Welcome!")
    if kind == "waitlisted":
        return _(
            "The event is full, so you are on the waiting list. We will tell you at once if a "
            "seat frees up for you."
        )
    if kind == "applied":
        return _(
            "We have received your application. You will hear from us when the facilitator "
            "has handled it."
        )
    if kind == "promoted":
        return _("Good news: a seat freed up, and you got a seat in the event.")
    if kind == "offered":
        deadline = local_when(signup.offer_expires_at) if signup.offer_expires_at else ""
        return _(
            "Good news: a seat freed up for you. Confirm by %(deadline)s that you are coming, "
            "or the seat goes to the next on the waiting list."
        ) % {"deadline": deadline}
    if kind == "changed":
        return _("Your sign-up has been changed.")
    if kind == "cancelled":
        return _("Your sign-up has been cancelled.")
    if kind == "offer_expired":
        return _(
            "The seat offered to you was not confirmed in time, so it went to the next on the "
            "waiting list."
        )
    if kind == "approved":
        return _("Your application was accepted. Welcome!")
    if kind == "declined":
        return _("Unfortunately, your application was not accepted this time.")
    if kind == "event_cancelled":
        return _(
            "Unfortunately, the event has been cancelled by the organiser. Your sign-up has been "
            "cancelled with it."
        )
    if kind == "reminder":
        return _("A reminder of the event you have signed up for:")
    return _("A message from the organiser of the event:")


def email_body(
    signup: Signup,
    kind: Kind,
    *,
    event: Event,
    manage_token: str,
    message: EventMessage | None = None,
    reason: str = "",
) -> str:
    """The e-mail's text in the active language."""
    paragraphs = [_("Hello,"), _lead(kind, signup)]
    if message is not None:
        paragraphs.append(message.body.strip())
    if reason.strip():
        paragraphs.append(f"{_('Reason:')} {reason.strip()}")
    details = [event.title, _("Time: %(when)s") % {"when": when_text(event)}]
    place = place_text(event)
    if place:
        details.append(_("Place: %(place)s") % {"place": place})
    online = online_url_for(event, signup)
    if online:
        details.append(_("Online meeting: %(url)s") % {"url": online})
    if kind not in ("declined", "event_cancelled", "cancelled"):
        details.append(_("Persons: %(count)s") % {"count": signup.seats})
    if signup.status == SignupStatus.WAITLISTED and kind not in _WITHOUT_MANAGE_LINK:
        from perhekeskus.events.selectors import waitlist_position

        position = waitlist_position(signup)
        if position is not None:
            details.append(
                _("Your place on the waiting list: %(position)s") % {"position": position}
            )
    paragraphs.append("\n".join(details))
    if manage_token and kind not in _WITHOUT_MANAGE_LINK:
        if kind == "offered":
            text = _("Confirm your seat, or cancel: %(url)s")
        else:
            text = _("See, change or cancel your sign-up: %(url)s")
        paragraphs.append(text % {"url": manage_url(manage_token)})
    paragraphs.append(settings.PERHEKESKUS_SITE_NAME)
    return "\n\n".join(paragraphs) + "\n"


def sms_text(signup: Signup, kind: Kind, *, event: Event, message: EventMessage | None) -> str:
    """The text message: short, in the sign-up's language, never a name."""
    with translation.override(language_of(signup)):
        text = _subject(kind, signup, event, message).rstrip(".") + "."
        if message is not None:
            body = " ".join(message.body.split())
            if len(body) > SMS_BODY_LIMIT:
                body = body[: SMS_BODY_LIMIT - 1].rstrip() + "…"
            text += f" {body}"
        elif kind in ("confirmed", "promoted", "approved", "reminder"):
            online = online_url_for(event, signup)
            place = place_text(event)
            if online:
                text += " " + _("Online meeting: %(url)s") % {"url": online}
            elif place:
                text += f" {place}."
        if signup.manage_token and kind not in _WITHOUT_MANAGE_LINK:
            text += " " + _("Details, change or cancel: %(url)s") % {
                "url": manage_url(signup.manage_token)
            }
        return f"{text} {settings.PERHEKESKUS_SITE_NAME}"


def _dedupe_key(signup: Signup, kind: Kind, event: Event, message: EventMessage | None) -> str:
    """The same notice of the same sign-up in the same state is queued once while it waits."""
    return keyed_hash(
        "events-notice",
        kind,
        str(signup.pk),
        str(event.pk),
        event.starts.isoformat(),
        signup.status,
        str(signup.seats),
        str(message.pk) if message is not None else "",
    )


def message_dedupe_key(message: EventMessage, signup: Signup) -> str:
    """One organiser's message to one sign-up: the key by which a retried delivery finds it
    already written (the outbox keeps the key after sending)."""
    return keyed_hash("events-message", str(message.pk), str(signup.pk))


def _mark_reminder(signup: Signup, event: Event, now: dt.datetime) -> None:
    """A seat given within the reminder window needs no separate reminder: this notice is it."""
    if signup.status != SignupStatus.ATTENDING or signup.reminder_sent_at is not None:
        return
    if event.starts <= now + dt.timedelta(hours=settings.EVENTS_REMINDER_HOURS):
        Signup.objects.filter(pk=signup.pk).update(reminder_sent_at=now)
        signup.reminder_sent_at = now


def _notify(
    signup: Signup,
    kind: Kind,
    *,
    event: Event | None = None,
    manage_token: str | None = None,
    message: EventMessage | None = None,
    reason: str = "",
    now: dt.datetime | None = None,
) -> None:
    if signup.anonymised_at:
        return
    now = now or timezone.now()
    event = event or signup.event
    token = signup.manage_token if manage_token is None else manage_token
    if kind in ("confirmed", "promoted", "approved"):
        _mark_reminder(signup, event, now)
    if signup.email:
        with translation.override(language_of(signup)):
            subject = _subject(kind, signup, event, message)
            body = email_body(
                signup, kind, event=event, manage_token=token, message=message, reason=reason
            )
        attachments: list[Attachment] = []
        cancelling = kind in ("cancelled", "event_cancelled") and signup.status not in (
            SignupStatus.WAITLISTED,
            SignupStatus.APPLIED,
        )
        if (kind in _WITH_CALENDAR and signup.status == SignupStatus.ATTENDING) or cancelling:
            ics = ics_for_event(event, signup=signup, manage_token=token, now=now)
            method = "CANCEL" if b"METHOD:CANCEL" in ics else "REQUEST"
            attachments.append(
                Attachment(
                    filename="event.ics",
                    content=ics,
                    mimetype=f"text/calendar; method={method}",
                )
            )
        email_enqueue(
            kind=f"events.signup.{kind}",
            recipients=[signup.email],
            subject=subject,
            body=body,
            dedupe_key=(
                message_dedupe_key(message, signup)
                if message is not None
                else _dedupe_key(signup, kind, event, message)
            ),
            attachments=attachments,
        )
    wants_sms = message.send_sms if message is not None else True
    if signup.phone and wants_sms:
        from perhekeskus.core.jobs import enqueue
        from perhekeskus.events.jobs import events_send_sms

        enqueue(
            events_send_sms,
            signup_id=str(signup.pk),
            kind=kind,
            event_id=str(event.pk),
            message_id=str(message.pk) if message is not None else "",
        )
