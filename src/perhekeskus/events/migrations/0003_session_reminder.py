"""`SessionReminder`: a peer group's members are reminded of each of its sessions, once per member
and session (before, only of the first session, through `Signup.reminder_sent_at`)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_published_at_delivered_at"),
    ]

    operations = [
        migrations.CreateModel(
            name="SessionReminder",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sent_at", models.DateTimeField()),
                (
                    "occurrence",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="events.event",
                    ),
                ),
                (
                    "signup",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="session_reminders",
                        to="events.signup",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("signup", "occurrence"), name="events_session_reminder_once"
                    )
                ],
            },
        ),
    ]
