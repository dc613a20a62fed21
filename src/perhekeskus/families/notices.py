"""What the family hears from family coordination, by e-mail through the outbox.

Each function is called inside the transaction of the change it tells about (`core.outbox`
queues the message there and sends it after the commit), writes one e-mail per guardian who gave
an e-mail address, in that guardian's `notice_language`, and returns how many it queued.

The texts say only what happened and where to read more: never the family's or anyone's name
(except the professional the family is told to contact), never an address, a personal identity
code, a phone number of the family, or anything a worker typed about the family (a reason, a
message, minutes, a decline reason). A meeting's place is the one typed fact sent, because
the family has to find the meeting; when the place is any family member's address it is not
sent (a guardian must never learn the other's non-disclosed address from a notice). Links are
absolute addresses on the site's own domain (`core.links`), never a request's Host header. The
outbox's `kind` and `dedupe_key` say what the notice is about, never to whom.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from perhekeskus.accounts.models import User
from perhekeskus.catalog.display import localized
from perhekeskus.core.client import keyed_hash
from perhekeskus.core.links import absolute
from perhekeskus.core.outbox import email_enqueue
from perhekeskus.families import selectors
from perhekeskus.families.models import (
    Family,
    Guardian,
    MeetingStatus,
    NetworkMeeting,
    Referral,
    ReferralStatus,
)

HELSINKI = "Europe/Helsinki"


def family_page_url() -> str:
    """The family page's sign-in address, absolute, in the active language."""
    return absolute(reverse("family:start"))


def _recipients(family: Family, guardians: Iterable[Guardian] | None = None) -> list[Guardian]:
    if family.anonymized_at is not None:
        return []
    chosen = list(guardians) if guardians is not None else list(family.guardians.all())
    return [guardian for guardian in chosen if guardian.email.strip()]


def _queue(
    guardian: Guardian,
    *,
    kind: str,
    subject: Promise,
    template: str,
    context: dict[str, Any],
    dedupe: tuple[str, ...] = (),
) -> bool:
    with translation.override(guardian.notice_language):
        values = {
            "site_name": settings.PERHEKESKUS_SITE_NAME,
            "family_page_url": family_page_url(),
            **context,
        }
        rendered_subject = str(subject) % values
        body = render_to_string(f"families/email/{template}.txt", values)
    queued = email_enqueue(
        kind=f"families.{kind}",
        recipients=[guardian.email],
        subject=rendered_subject,
        body=body,
        dedupe_key=keyed_hash(f"families-{kind}", str(guardian.pk), *dedupe) if dedupe else "",
    )
    return queued is not None


def local_when(moment: dt.datetime) -> str:
    """ "4.12.2026 klo 9.00" (sv "kl.", en "at") in Finnish time, in the active language."""
    with timezone.override(HELSINKI):
        return date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


# --- Sign-in -------------------------------------------------------------------------------------


def signin_link_notice(*, guardian: Guardian, url: str) -> bool:
    """The guardian's sign-in link to the family page (`url`, absolute, made by
    `services.signin`), with how long it is valid."""
    if not guardian.email.strip() or guardian.family.anonymized_at is not None:
        return False
    return _queue(
        guardian,
        kind="signin.link",
        # Translators: the subject of the e-mail with a sign-in link to the family's page.
        subject=gettext_lazy("%(site_name)s: your sign-in link to your family's page"),
        template="signin_link",
        context={"signin_url": url, "minutes": settings.FAMILIES_SIGNIN_LINK_MINUTES},
    )


# --- The responsible worker ----------------------------------------------------------------------


def handover_notice(
    *, family: Family, new_responsible: User, guardians: Iterable[Guardian] | None = None
) -> int:
    """The family's responsible worker is now `new_responsible`: their name, organisation, title
    and work e-mail (a professional's work details, which the family is meant to have), and the
    family page's address. To every guardian with an e-mail (or `guardians`, when given)."""
    organization = new_responsible.organization
    queued = 0
    for guardian in _recipients(family, guardians):
        with translation.override(guardian.notice_language):
            org_name = localized(organization, "name").text if organization else ""
        queued += _queue(
            guardian,
            kind="handover",
            subject=gettext_lazy("%(site_name)s: your family has a new responsible worker"),
            template="handover",
            context={
                "worker_name": new_responsible.full_name,
                "worker_title": new_responsible.title,
                "worker_organization": org_name,
                "worker_email": new_responsible.email,
            },
            dedupe=(str(family.pk), str(new_responsible.pk)),
        )
    return queued


# --- Referrals -----------------------------------------------------------------------------------


def referral_notice(*, referral: Referral) -> int:
    """What happened to a referral of the family (sent, accepted, declined, done, withdrawn),
    with the receiving organisation's name; never the message or the reason for declining."""
    queued = 0
    for guardian in _recipients(referral.family):
        with translation.override(guardian.notice_language):
            org_name = localized(referral.to_organization, "name").text
        queued += _queue(
            guardian,
            kind=f"referral.{referral.status}",
            subject=gettext_lazy("%(site_name)s: news of a referral for your family"),
            template="referral",
            context={
                "organization": org_name,
                "status": str(referral.status),
                "statuses": ReferralStatus,
            },
            dedupe=(str(referral.pk), str(referral.status)),
        )
    return queued


# --- Network meetings ----------------------------------------------------------------------------


def meeting_place_for_family(meeting: NetworkMeeting) -> str:
    """The meeting's place as the family may be told it: empty when it names an address of
    anyone in the family (the responsible worker tells the place instead)."""
    place = meeting.place.strip()
    if place and selectors.names_a_family_address(meeting.family, place):
        return ""
    return place


def meeting_notice(*, meeting: NetworkMeeting) -> int:
    """A network meeting planned, moved or cancelled: its date, time and place, to the guardians
    invited to it (only them: a guardian who is not invited does not learn where the family
    meets). The minutes are never sent."""
    family = meeting.family
    place = meeting_place_for_family(meeting)
    queued = 0
    for guardian in _recipients(family, meeting.guardians.all()):
        with translation.override(guardian.notice_language):
            when = local_when(meeting.starts_at)
        cancelled = meeting.status == MeetingStatus.CANCELLED
        queued += _queue(
            guardian,
            kind="meeting.cancelled" if cancelled else "meeting.planned",
            subject=(
                gettext_lazy("%(site_name)s: a network meeting was cancelled")
                if cancelled
                else gettext_lazy("%(site_name)s: a network meeting of your family")
            ),
            template="meeting",
            context={"when": when, "place": place, "cancelled": cancelled},
            dedupe=(str(meeting.pk), meeting.starts_at.isoformat(), meeting.status, place),
        )
    return queued
