"""The database refuses what the state machine refuses (ADR 0028): a request is closed exactly
when it has a closing time, and only a closed request is anonymised. Rows that an illegal move
left behind (closed, then moved back with their `closed_at` kept) are closed again first, with
an event in their history that says so."""

from typing import Any

from django.db import migrations, models
from django.utils import timezone


def close_again(apps: Any, schema_editor: Any) -> None:
    HelpRequest = apps.get_model("intake", "HelpRequest")
    HelpRequestEvent = apps.get_model("intake", "HelpRequestEvent")
    now = timezone.now()
    reopened = HelpRequest.objects.exclude(status="closed").filter(
        models.Q(closed_at__isnull=False) | models.Q(anonymized_at__isnull=False)
    )
    for help_request in reopened:
        old = help_request.status
        help_request.status = "closed"
        help_request.closed_at = help_request.closed_at or now
        help_request.save(update_fields=["status", "closed_at"])
        HelpRequestEvent.objects.create(
            request=help_request,
            kind="status",
            data={"old": old, "new": "closed", "via": "migration intake.0005"},
        )
    HelpRequest.objects.filter(status="closed", closed_at__isnull=True).update(closed_at=now)


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0004_danger_signals_encrypted_and_minutes_retention"),
    ]

    operations = [
        migrations.RunPython(close_again, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="helprequest",
            constraint=models.CheckConstraint(
                condition=models.Q(("closed_at__isnull", False), ("status", "closed"))
                | models.Q(
                    models.Q(("status", "closed"), _negated=True), ("closed_at__isnull", True)
                ),
                name="intake_closed_exactly_when_closed_at",
            ),
        ),
        migrations.AddConstraint(
            model_name="helprequest",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("anonymized_at__isnull", True), ("status", "closed"), _connector="OR"
                ),
                name="intake_anonymised_only_when_closed",
            ),
        ),
    ]
