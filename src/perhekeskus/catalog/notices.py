"""E-mails about publishing with care: the editor who sent a service for approval hears
whether it was approved or returned (the comment is on the publishing page, not in the mail).
Queued in the transaction of the decision, sent after the commit (core.outbox)."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from perhekeskus.catalog.models import Service, ServiceDraft
from perhekeskus.core.links import site_url
from perhekeskus.core.outbox import email_enqueue


def review_outcome_notice(*, draft: ServiceDraft, service: Service, approved: bool) -> bool:
    """Tell the draft's author the outcome, in Finnish (a professional's language is not
    stored); True if a notice was queued."""
    author = draft.author
    if author is None or not author.is_active or not author.email:
        return False
    with translation.override("fi"):
        context = {
            "approved": approved,
            "service_name": service.name,  # in Finnish, as the rest of the mail
            "site_name": settings.PERHEKESKUS_SITE_NAME,
            "publishing_url": site_url() + reverse("catalog_review:publishing", args=[service.pk]),
        }
        subject = (
            _("%(site)s: your service description was approved")
            if approved
            else _("%(site)s: your service description was returned for changes")
        ) % {"site": settings.PERHEKESKUS_SITE_NAME}
        body = render_to_string("catalog/email/review_outcome.txt", context)
    return (
        email_enqueue(
            kind="catalog.service.review_outcome",
            recipients=[author.email],
            subject=subject,
            body=body,
        )
        is not None
    )
