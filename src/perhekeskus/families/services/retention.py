"""The retention of family records: a closed record is kept `FAMILIES_RETENTION_DAYS` after
closing, then anonymised, keeping what statistics need; expired sign-in links are deleted.

What goes (`families_anonymise`): the family's name, every child's and guardian's name,
address, personal identity code, e-mail and phone (with the keyed digests that would find them
again), a child's date of birth and recorded age (the birth year stays), and everything anyone
wrote: the plan's goals, its actions' texts and who-texts, the stored plan versions, meeting
minutes and places, notes, referral messages and decline reasons, consent notes, children's
views, the reasons of revocations, the reasons and review notes of readings under a law,
correction requests and their answers, and the reasons of hand-overs. The family's sign-in
links are deleted.

What stays: the municipality, the organisation, the dates, statuses and reasons chosen from a
list, how many children (with birth years) and guardians (with their custody roles and
languages), the team's roles and organisations, the consents' purposes, recipients, categories
and periods, the referrals' organisations, categories and states, the meetings' dates and
statuses, and the access log (which names no one but the reader). `Family.anonymized_at` is set.

Records are taken in batches, each batch one transaction that re-reads its families under a
lock and writes one audit entry with the counts (never a name or an id of a person).
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from perhekeskus.audit.services import audit_record
from perhekeskus.families import actions
from perhekeskus.families.models import (
    Child,
    ChildView,
    Consent,
    CorrectionRequest,
    Family,
    FamilyStatus,
    Guardian,
    LegalAccess,
    NetworkMeeting,
    Note,
    PlanAction,
    PlanVersion,
    Referral,
    ResponsibleChange,
    SignInLink,
    SupportPlan,
)

log = logging.getLogger(__name__)

BATCH_SIZE = 200
# An expired link is kept this long, so that following it says "expired" rather than "unknown".
SIGNIN_LINK_GRACE = dt.timedelta(days=1)


@dataclass
class Counts:
    families: int = 0
    children: int = 0
    guardians: int = 0
    texts: int = 0
    signin_links: int = 0

    def add(self, other: Counts) -> None:
        self.families += other.families
        self.children += other.children
        self.guardians += other.guardians
        self.texts += other.texts
        self.signin_links += other.signin_links


def _due(limit: dt.datetime) -> list[uuid.UUID]:
    return list(
        Family.objects.filter(
            status=FamilyStatus.CLOSED, anonymized_at__isnull=True, closed_at__lt=limit
        )
        .order_by("closed_at", "pk")
        .values_list("pk", flat=True)
    )


def _anonymise_batch(ids: list[uuid.UUID], *, limit: dt.datetime, moment: dt.datetime) -> Counts:
    """One batch in one transaction: the families re-read under a lock (one reopened, or done
    by another run meanwhile, is left alone), their personal data erased, one audit entry."""
    counts = Counts()
    with transaction.atomic():
        locked = list(
            Family.objects.select_for_update()
            .filter(
                pk__in=ids,
                status=FamilyStatus.CLOSED,
                anonymized_at__isnull=True,
                closed_at__lt=limit,
            )
            .values_list("pk", flat=True)
        )
        if not locked:
            return counts
        counts.families = Family.objects.filter(pk__in=locked).update(
            name="", name_digest="", anonymized_at=moment
        )
        person = {"name": "", "address": "", "personal_identity_code": "", "pic_digest": ""}
        counts.children = Child.objects.filter(family__in=locked).update(
            **person, birth_date=None, age_years=None, age_recorded_on=None
        )
        counts.guardians = Guardian.objects.filter(family__in=locked).update(
            **person, email="", email_digest="", phone=""
        )
        texts = [
            SupportPlan.objects.filter(family__in=locked).update(goals=""),
            PlanAction.objects.filter(plan__family__in=locked).update(text="", assignee_text=""),
            PlanVersion.objects.filter(plan__family__in=locked).update(snapshot=""),
            NetworkMeeting.objects.filter(family__in=locked).update(minutes="", place=""),
            Note.objects.filter(family__in=locked).update(text=""),
            Referral.objects.filter(family__in=locked).update(message="", decline_reason=""),
            Consent.objects.filter(family__in=locked).update(note="", revoke_reason=""),
            ChildView.objects.filter(consent__family__in=locked).update(view=""),
            LegalAccess.objects.filter(family__in=locked).update(reason="", review_note=""),
            CorrectionRequest.objects.filter(family__in=locked).update(text="", response=""),
            ResponsibleChange.objects.filter(family__in=locked).update(reason=""),
        ]
        counts.texts = sum(texts)
        counts.signin_links, _ = SignInLink.objects.filter(guardian__family__in=locked).delete()
        audit_record(
            action=actions.FAMILY_ANONYMISE,
            details={
                "families": counts.families,
                "children": counts.children,
                "guardians": counts.guardians,
                "texts": counts.texts,
                "signin_links": counts.signin_links,
                "closed_before": limit.date().isoformat(),
            },
        )
    return counts


def families_anonymise(
    *,
    older_than_days: int | None = None,
    now: dt.datetime | None = None,
    batch_size: int = BATCH_SIZE,
) -> int:
    """Anonymise every record closed more than `older_than_days` (by default
    `FAMILIES_RETENTION_DAYS`) before `now`; returns how many. An open record is never touched,
    and an anonymised one is not done again, so a second run changes nothing."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    days = settings.FAMILIES_RETENTION_DAYS if older_than_days is None else older_than_days
    moment = now or timezone.now()
    limit = moment - dt.timedelta(days=days)
    due = _due(limit)
    total = Counts()
    for start in range(0, len(due), batch_size):
        total.add(_anonymise_batch(due[start : start + batch_size], limit=limit, moment=moment))
    if total.families:
        log.info("Family records anonymised: %s", total.families)
    return total.families


def signin_links_purge(*, now: dt.datetime | None = None) -> int:
    """Delete the sign-in links that expired more than `SIGNIN_LINK_GRACE` ago (used or not);
    returns how many went."""
    moment = now or timezone.now()
    deleted, _ = SignInLink.objects.filter(expires_at__lt=moment - SIGNIN_LINK_GRACE).delete()
    return deleted
