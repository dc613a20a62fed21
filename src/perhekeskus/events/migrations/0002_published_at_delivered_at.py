"""`Event.published_at`: a cancelled event is public only if it had been published (a cancelled
draft never is). `EventMessage.delivered_at`: a retried delivery sends nothing twice.

Rows published before this migration get their last change as the time; a cancelled row counts
as published if anyone signed up for it (only a published event takes sign-ups)."""

from typing import Any

from django.db import migrations, models
from django.db.models import F


def published_rows(apps: Any, schema_editor: Any) -> None:
    Event = apps.get_model("events", "Event")
    Event.objects.filter(status="published").update(published_at=F("updated_at"))
    Event.objects.filter(status="cancelled", signups__isnull=False).update(
        published_at=F("updated_at")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="published_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="eventmessage",
            name="delivered_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(published_rows, migrations.RunPython.noop),
    ]
