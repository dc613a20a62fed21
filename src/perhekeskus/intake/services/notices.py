"""E-mails to families. A family that gave an e-mail address is told when the team's reply
arrives, and nothing more: no tracking code (anyone who reads the mailbox could then read the
reply), no name, no words of the request or the reply. The family opens the status page and
types the code it kept."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from perhekeskus.core.client import keyed_hash
from perhekeskus.core.links import site_url
from perhekeskus.core.outbox import email_enqueue
from perhekeskus.intake.models import HelpRequest


def family_reply_notice(*, help_request: HelpRequest) -> bool:
    """Call inside the transaction that stores the reply: queues the notice (in the request's
    language) with the reply, sent after the commit (core.outbox). While an earlier notice of
    this request still waits, no second one is queued. True if a notice was queued."""
    if help_request.anonymous or help_request.anonymized_at or not help_request.contact_email:
        return False
    language = help_request.language if help_request.language in ("fi", "sv", "en") else "fi"
    with translation.override(language):
        context = {
            "site_name": settings.PERHEKESKUS_SITE_NAME,
            "lookup_url": f"{site_url()}{reverse('help:status_lookup')}",
        }
        subject = _("%(site)s: there is a reply to your message") % {
            "site": settings.PERHEKESKUS_SITE_NAME
        }
        body = render_to_string("intake/email/reply_notice.txt", context)
    queued = email_enqueue(
        kind="intake.request.reply_notice",
        recipients=[help_request.contact_email],
        subject=subject,
        body=body,
        dedupe_key=keyed_hash("reply-notice", str(help_request.pk)),
    )
    return queued is not None
