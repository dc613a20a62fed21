"""The accounts' jobs (ADR 0034)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import override

from perhekeskus.accounts.models import User
from perhekeskus.core.client import keyed_hash
from perhekeskus.core.jobs import job
from perhekeskus.core.outbox import email_enqueue


@job(retries=3)
def accounts_password_reset_send(
    *, user_id: int | None, language: str, domain: str, protocol: str
) -> None:
    """Queue the password-reset link of `user_id` in the outbox. Every reset request enqueues
    this job, with None when there is nothing to send (an unknown address, an account without
    a usable password, the address's limit reached), so that the request does the same work
    either way and its timing tells nothing. The link is made here, so no token is ever stored
    in a job. Idempotent: while one link waits unsent, the outbox's dedupe key queues no second
    message."""
    if user_id is None:
        return
    user = User.objects.filter(pk=user_id, is_active=True).first()
    # Django's rule: an account without a usable password (an invited user who has not chosen
    # one yet) gets its link through the invitation, not here.
    if user is None or not user.has_usable_password():
        return
    context = {
        "email": user.email,
        "user": user,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
        "domain": domain,
        "protocol": protocol,
        "site_name": settings.PERHEKESKUS_SITE_NAME,
    }
    with override(language):
        subject = render_to_string("accounts/email/password_reset_subject.txt", context)
        body = render_to_string("accounts/email/password_reset_email.txt", context)
    with transaction.atomic():
        email_enqueue(
            kind="accounts.password_reset",
            recipients=[user.email],
            subject=subject,
            body=body,
            dedupe_key=keyed_hash("password-reset", str(user.pk)),
        )
