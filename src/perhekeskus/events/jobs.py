"""The events app's background jobs (on `perhekeskus.core.jobs`, ADR 0034).

- `events_due_reminders`, every 5 minutes: each ATTENDING sign-up of a published event starting
  within `EVENTS_REMINDER_HOURS` whose reminder has not gone gets it once. A conditional update
  of the sign-up's row claims it (`reminder_sent_at` set where it was empty), and the reminder's
  outbox e-mail and text message job are written in that one transaction: a worker killed at
  any point either wrote all of it or nothing, and a second worker (or the next run) finds the
  sign-up done. A seat given inside the window gets no separate reminder: its confirmation is
  the reminder (`notices`).
  A peer group's members (attending sign-ups to the series) are reminded of each of its
  published sessions (occurrences) that starts within the window: the claim is a
  `SessionReminder` row, unique per sign-up and session, written with the reminder. Cancelled
  events, sessions and sign-ups are never reminded.
- `events_expire_offers`, every minute: seats offered to promoted families that were not
  confirmed in time go to the next on the waiting list (`services.signup.offers_expire`).
- `events_anonymise_past`, daily: the retention rule (`services.retention.signups_anonymise`).
- `deliver_message`: an organiser's message to each contact person of its audience, enqueued by
  `services.messages.message_send`. One transaction under the message's row lock, which also sets
  `EventMessage.delivered_at`: a retry after a run that committed finds it set and sends nothing
  (also to families who gave only a phone number, whom no outbox row would show as done).
- `events_send_sms`: one text message, retried; it re-reads the rows and sends nothing when the
  notice is no longer true (the sign-up cancelled, the event past, the data erased).
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from typing import cast

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from perhekeskus.core.jobs import job, periodic
from perhekeskus.core.models import OutboxEmail
from perhekeskus.core.sms import send_sms
from perhekeskus.events import notices
from perhekeskus.events.models import (
    SEAT_HOLDING,
    Event,
    EventKind,
    EventMessage,
    EventStatus,
    MessageAudience,
    SessionReminder,
    Signup,
    SignupStatus,
)

log = logging.getLogger(__name__)


def reminder_window(now: dt.datetime) -> dt.datetime:
    return now + dt.timedelta(hours=settings.EVENTS_REMINDER_HOURS)


def _due(now: dt.datetime) -> list[uuid.UUID]:
    """The ids of the sign-ups whose reminder is due, soonest event first (a peer group's
    members are reminded of its sessions instead, `_due_sessions`)."""
    return list(
        Signup.objects.filter(
            status=SignupStatus.ATTENDING,
            reminder_sent_at__isnull=True,
            anonymised_at__isnull=True,
            event__status=EventStatus.PUBLISHED,
            event__starts__gt=now,
            event__starts__lte=reminder_window(now),
        )
        .exclude(event__kind=EventKind.SERIES)
        .order_by("event__starts", "id")
        .values_list("pk", flat=True)
    )


def reminder_send(*, signup_id: uuid.UUID, now: dt.datetime | None = None) -> bool:
    """Send one sign-up's reminder unless it has gone (or is no longer due). True if sent here.

    The conditional UPDATE on the sign-up's own row is the claim: a second run waits for the
    first (its row lock on PostgreSQL, the write lock on SQLite) and then finds the mark set.
    The mark and the notice are one transaction: both are written, or neither."""
    now = now or timezone.now()
    with transaction.atomic():
        claimed = Signup.objects.filter(
            pk=signup_id,
            status=SignupStatus.ATTENDING,
            reminder_sent_at__isnull=True,
            anonymised_at__isnull=True,
        ).update(reminder_sent_at=now)
        if not claimed:
            return False
        signup = Signup.objects.select_related("event", "event__location").get(pk=signup_id)
        event = signup.event
        if (
            event.status != EventStatus.PUBLISHED
            or event.starts <= now
            or event.kind == EventKind.SERIES
        ):
            transaction.set_rollback(True)
            return False
        notices.reminder(signup)
    return True


def _due_sessions(now: dt.datetime) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """(sign-up id, session id) of each peer group member not yet reminded of a published session
    of the group that starts within the window, soonest session first."""
    sessions = Event.objects.filter(
        kind=EventKind.OCCURRENCE,
        status=EventStatus.PUBLISHED,
        parent__kind=EventKind.SERIES,
        parent__status=EventStatus.PUBLISHED,
        starts__gt=now,
        starts__lte=reminder_window(now),
    ).order_by("starts", "id")
    due: list[tuple[uuid.UUID, uuid.UUID]] = []
    for session_id, series_id in sessions.values_list("pk", "parent_id"):
        members = (
            Signup.objects.filter(
                event_id=series_id,
                status=SignupStatus.ATTENDING,
                anonymised_at__isnull=True,
            )
            .exclude(session_reminders__occurrence_id=session_id)
            .order_by("queue_number", "id")
            .values_list("pk", flat=True)
        )
        due.extend((signup_id, session_id) for signup_id in members)
    return due


def session_reminder_send(
    *, signup_id: uuid.UUID, session_id: uuid.UUID, now: dt.datetime | None = None
) -> bool:
    """Remind a peer group's member of one session unless that reminder has gone or is no longer
    due (the session or the group cancelled or begun, the sign-up no longer attending). True if
    sent here.

    The claim is the `SessionReminder` row, unique per sign-up and session: a second run waits
    for the first (the unique index on PostgreSQL, the write lock on SQLite) and then cannot
    write it. The row and the notice are one transaction: both are written, or neither."""
    now = now or timezone.now()
    with transaction.atomic():
        signup = (
            Signup.objects.select_related("event")
            .filter(pk=signup_id, status=SignupStatus.ATTENDING, anonymised_at__isnull=True)
            .first()
        )
        session = (
            Event.objects.select_related("location", "parent")
            .filter(
                pk=session_id,
                kind=EventKind.OCCURRENCE,
                status=EventStatus.PUBLISHED,
                starts__gt=now,
            )
            .first()
        )
        if (
            signup is None
            or session is None
            or session.parent_id != signup.event_id
            or signup.event.status != EventStatus.PUBLISHED
        ):
            return False
        try:
            with transaction.atomic():
                SessionReminder.objects.create(signup=signup, occurrence=session, sent_at=now)
        except IntegrityError:
            return False
        notices.reminder(signup, session=session)
    return True


def reminders_send_due(*, now: dt.datetime | None = None) -> int:
    """Send every due reminder (of an event, or of a peer group's session); returns how many
    were sent by this call."""
    sent = sum(
        1
        for signup_id in _due(now or timezone.now())
        if reminder_send(signup_id=signup_id, now=now or timezone.now())
    )
    sent += sum(
        1
        for signup_id, session_id in _due_sessions(now or timezone.now())
        if session_reminder_send(
            signup_id=signup_id, session_id=session_id, now=now or timezone.now()
        )
    )
    if sent:
        log.info("Event reminders sent: %s", sent)
    return sent


@job(retries=3)
def events_due_reminders() -> int:
    return reminders_send_due()


@job(retries=3)
def events_expire_offers() -> int:
    from perhekeskus.events.services.signup import offers_expire

    return offers_expire()


@job(retries=3)
def events_anonymise_past() -> int:
    from perhekeskus.events.services.retention import signups_anonymise

    return signups_anonymise()


def message_recipients(message: EventMessage) -> QuerySet[Signup]:
    """The sign-ups an organiser's message goes to: attending (with those offered a seat),
    waitlisted, or both, of the message's event — a peer group's session: the group's members."""
    event = message.event
    owner_id = event.pk
    if event.kind == EventKind.OCCURRENCE and event.parent_id is not None:
        parent = Event.objects.filter(pk=event.parent_id, is_peer_group=True).first()
        if parent is not None:
            owner_id = parent.pk
    statuses: tuple[str, ...]
    if message.audience == MessageAudience.ATTENDING:
        statuses = SEAT_HOLDING
    elif message.audience == MessageAudience.WAITLISTED:
        statuses = (SignupStatus.WAITLISTED,)
    else:
        statuses = (*SEAT_HOLDING, SignupStatus.WAITLISTED)
    return Signup.objects.filter(
        event_id=owner_id, status__in=statuses, anonymised_at__isnull=True
    ).order_by("queue_number", "created_at")


@job(retries=5)
def deliver_message(*, message_id: str) -> int:
    """Write the message for each recipient; returns how many were written by this run. All in
    one transaction under the message's row lock that marks the message delivered: a failed run
    leaves nothing behind, and a delivered message is not delivered again. A recipient whose
    e-mail of this message is already in the outbox is skipped as well."""
    with transaction.atomic():
        message = (
            EventMessage.objects.select_for_update(of=("self",))
            .select_related("event", "event__location")
            .filter(pk=uuid.UUID(str(message_id)))
            .first()
        )
        if message is None or message.delivered_at is not None:
            return 0
        recipients = list(message_recipients(message))
        keys = {signup.pk: notices.message_dedupe_key(message, signup) for signup in recipients}
        done = set(
            OutboxEmail.objects.filter(dedupe_key__in=list(keys.values())).values_list(
                "dedupe_key", flat=True
            )
        )
        written = 0
        for signup in recipients:
            if keys[signup.pk] in done:
                continue
            notices.message_deliver(message, signup)
            written += 1
        message.delivered_at = timezone.now()
        message.save(update_fields=["delivered_at"])
    log.info("Event message %s written for %s recipients", message.pk, written)
    return written


def _still_true(kind: str, signup: Signup, event: Event, now: dt.datetime) -> bool:
    """Whether a queued text message still tells the truth when it is sent."""
    if kind in ("confirmed", "promoted", "approved", "reminder"):
        return (
            signup.status == SignupStatus.ATTENDING
            and event.status != EventStatus.CANCELLED
            and event.starts > now
        )
    if kind == "offered":
        return signup.status == SignupStatus.OFFERED and (
            signup.offer_expires_at is None or signup.offer_expires_at > now
        )
    if kind == "waitlisted":
        return signup.status == SignupStatus.WAITLISTED and event.starts > now
    if kind == "event_cancelled":
        return event.status == EventStatus.CANCELLED
    if kind == "cancelled":
        return signup.status == SignupStatus.CANCELLED
    if kind == "message":
        return event.ends > now
    return True


@job(retries=5)
def events_send_sms(*, signup_id: str, kind: str, event_id: str, message_id: str = "") -> None:
    """One text message about a sign-up, written from the rows as they are now. Only ids are in
    the job's arguments, never the number or the text."""
    if kind not in notices.KINDS:
        raise ValueError("unknown text message kind")
    signup = Signup.objects.select_related("event").filter(pk=uuid.UUID(signup_id)).first()
    event = Event.objects.select_related("location").filter(pk=uuid.UUID(event_id)).first()
    if signup is None or event is None or signup.anonymised_at or not signup.phone:
        return
    message = None
    if message_id:
        message = EventMessage.objects.filter(pk=uuid.UUID(message_id)).first()
        if message is None:
            return
    if not _still_true(kind, signup, event, timezone.now()):
        return
    send_sms(
        to=signup.phone,
        text=notices.sms_text(signup, cast(notices.Kind, kind), event=event, message=message),
    )


def register() -> None:
    """Called from EventsConfig.ready()."""
    periodic("events.reminders", every=dt.timedelta(minutes=5), job=events_due_reminders)
    periodic("events.offers_expire", every=dt.timedelta(minutes=1), job=events_expire_offers)
    periodic("events.anonymise", every=dt.timedelta(days=1), job=events_anonymise_past)
