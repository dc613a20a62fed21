"""The families' data of past events is erased after the retention time.

`EVENTS_RETENTION_DAYS` (30) after an event ends, its sign-ups lose the contact person's name,
e-mail address, phone number, answers and manage link (the token, and its hash replaced so that
the link is dead), its participants their names, a forum its residents' topics and the event
its organisers' messages' bodies. What is left (how many came, the children's ages, statuses,
attendance) is what statistics need. A peer group's membership is the series': it is erased when
the group's last session is that old.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from perhekeskus.audit.services import audit_record
from perhekeskus.events import actions
from perhekeskus.events.models import Event, EventMessage, ForumTopic, Participant, Signup


def signups_anonymise(*, now: dt.datetime | None = None) -> int:
    """Erase the personal data of events that ended more than EVENTS_RETENTION_DAYS ago. One
    audit entry with the counts; none when nothing was due. Returns how many sign-ups were
    erased."""
    now = now or timezone.now()
    days = settings.EVENTS_RETENTION_DAYS
    cutoff = now - dt.timedelta(days=days)
    with transaction.atomic():
        events = Event.objects.filter(ends__lt=cutoff, anonymised_at__isnull=True)
        event_ids = list(events.values_list("pk", flat=True))
        signups = Signup.objects.filter(event__ends__lt=cutoff, anonymised_at__isnull=True)
        participants = Participant.objects.filter(signup__in=signups).update(name="")
        count = signups.update(
            name="",
            email="",
            phone="",
            answers="",
            manage_token="",
            # Never a SHA-256 of any token, and unique as the id is.
            manage_token_hash=Concat(Value("erased:"), Cast("id", output_field=CharField())),
            idempotency_key="",
            anonymised_at=now,
        )
        topics = ForumTopic.objects.filter(
            event__ends__lt=cutoff, anonymised_at__isnull=True
        ).update(text="", anonymised_at=now)
        messages = EventMessage.objects.filter(event_id__in=event_ids).update(body="")
        Event.objects.filter(pk__in=event_ids).update(anonymised_at=now)
        if count or topics or messages:
            audit_record(
                action=actions.SIGNUPS_ANONYMISE,
                details={
                    "count": count,
                    "participants": participants,
                    "topics": topics,
                    "messages": messages,
                    "events": len(event_ids),
                    "older_than_days": days,
                },
            )
    return count
