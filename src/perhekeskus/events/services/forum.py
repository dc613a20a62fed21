"""Family center forums: residents send topics or questions beforehand without an account, and
the organisers publish a short summary afterwards.

A topic's text is encrypted at rest (the model's field) and erased by the retention job; the
audit log records that a topic came, never what it says."""

from __future__ import annotations

import datetime as dt
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from perhekeskus.accounts.models import User
from perhekeskus.audit.services import audit_record
from perhekeskus.core.errors import AccessDenied, NotFound
from perhekeskus.core.ratelimit import NO_LIMIT, Limiter
from perhekeskus.events import actions
from perhekeskus.events.models import Event, EventLanguage, EventStatus, ForumTopic
from perhekeskus.events.policies import can_manage_event

MAX_TOPIC = 2000
MAX_SUMMARY = 10000
LANGUAGE_CODES = tuple(EventLanguage.values)


def _forum(event_id: uuid.UUID) -> Event:
    """The forum, locked; NotFound for a missing event or one that is no forum."""
    try:
        event = Event.objects.select_for_update(of=("self",)).get(pk=event_id)
    except (Event.DoesNotExist, ValueError, TypeError, ValidationError):
        raise NotFound from None
    if not event.is_forum:
        raise NotFound
    return event


def topic_create(
    *,
    event_id: uuid.UUID,
    text: str,
    language: str,
    limiter: Limiter = NO_LIMIT,
    now: dt.datetime | None = None,
) -> ForumTopic:
    """A resident's topic or question for a published forum that has not ended. At most
    `MAX_TOPIC` characters; the limiter counts only topics that are stored."""
    now = now or timezone.now()
    text = (text or "").strip()
    errors: dict[str, list[str]] = {}
    if not text:
        errors["text"] = [_("Write your topic or question.")]
    elif len(text) > MAX_TOPIC:
        errors["text"] = [
            _("Write at most %(max)s characters (now %(count)s).")
            % {"max": MAX_TOPIC, "count": len(text)}
        ]
    if language not in LANGUAGE_CODES:
        errors["language"] = [_("Choose Finnish, Swedish or English.")]
    with transaction.atomic():
        event = _forum(event_id)
        if event.status != EventStatus.PUBLISHED:
            raise NotFound
        if event.ends <= now:
            errors.setdefault("text", []).insert(
                0, _("The forum has ended: topics can no longer be sent.")
            )
        if errors:
            raise ValidationError(errors)
        reservation = limiter.reserve()
        try:
            topic = ForumTopic.objects.create(event=event, text=text, language=language)
            audit_record(
                action=actions.TOPIC_CREATE,
                target=topic,
                details={"event": str(event.pk), "language": language, "length": len(text)},
            )
        except BaseException:
            reservation.release()
            raise
    return topic


def summary_publish(
    *,
    actor: User,
    event_id: uuid.UUID,
    summary: dict[str, str],
    now: dt.datetime | None = None,
) -> Event:
    """The organisers publish (or correct) the forum's summary once it has ended: in Finnish,
    and in Swedish and English if they wish."""
    now = now or timezone.now()
    texts = {code: (summary.get(code) or "").strip() for code in LANGUAGE_CODES}
    with transaction.atomic():
        event = _forum(event_id)
        if not can_manage_event(actor, event):
            raise AccessDenied(target_type="events.event", target_id=event_id)
        errors: dict[str, list[str]] = {}
        if event.status != EventStatus.PUBLISHED:
            errors["__all__"] = [_("Only a published forum has a summary.")]
        elif event.ends > now:
            errors["__all__"] = [_("The summary can be published once the forum has ended.")]
        if not texts["fi"]:
            errors["summary_fi"] = [_("Write the summary in Finnish.")]
        for code, text in texts.items():
            if len(text) > MAX_SUMMARY:
                errors[f"summary_{code}"] = [
                    _("Write at most %(max)s characters (now %(count)s).")
                    % {"max": MAX_SUMMARY, "count": len(text)}
                ]
        if errors:
            raise ValidationError(errors)
        before = {code: getattr(event, f"summary_{code}") or "" for code in LANGUAGE_CODES}
        for code, text in texts.items():
            setattr(event, f"summary_{code}", text)
        first = event.summary_published_at is None
        event.summary_published_at = now
        event.save()
        audit_record(
            action=actions.SUMMARY_PUBLISH,
            actor=actor,
            target=event,
            details={
                "first": first,
                "from": {
                    code: before[code] for code in LANGUAGE_CODES if before[code] != texts[code]
                },
                "to": {code: texts[code] for code in LANGUAGE_CODES if before[code] != texts[code]},
            },
        )
    return event
