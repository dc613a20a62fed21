"""The approvers of an organisation hear when one of its services is sent for approval (ADR
0032): the catalogue tells (`catalog.listeners.review_requested`); accounts knows who approves.
The organisation's active approvers get the mail; an organisation without one, the network's
coordinators."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from perhekeskus.accounts.models import User
from perhekeskus.core.outbox import email_enqueue
from perhekeskus.core.roles import Role


def _recipients(organization_id: uuid.UUID) -> list[str]:
    active = User.objects.filter(is_active=True).exclude(email="")
    approvers = active.filter(
        organization_id=organization_id, role_grants__role=Role.ORGANIZATION_APPROVER
    )
    emails = list(approvers.values_list("email", flat=True).distinct())
    if emails:
        return emails
    coordinators = active.filter(role_grants__role=Role.COORDINATOR)
    return list(coordinators.values_list("email", flat=True).distinct())


def review_requested_notice(*, organization_id: uuid.UUID, service_id: uuid.UUID) -> None:
    recipients = _recipients(organization_id)
    if not recipients:
        return
    scheme = "https" if settings.PERHEKESKUS_SITE_HTTPS else "http"
    with translation.override("fi"):  # a professional's language is not stored
        path = reverse("catalog_review:publishing", args=[service_id])
        body = render_to_string(
            "accounts/email/review_requested.txt",
            {
                "site_name": settings.PERHEKESKUS_SITE_NAME,
                "publishing_url": f"{scheme}://{settings.PERHEKESKUS_SITE_DOMAIN}{path}",
            },
        )
        subject = _("%(site)s: a service description waits for your approval") % {
            "site": settings.PERHEKESKUS_SITE_NAME
        }
    email_enqueue(
        kind="catalog.service.review_requested",
        recipients=recipients,
        subject=subject,
        body=body,
        dedupe_key=f"review-requested:{service_id}",
    )
