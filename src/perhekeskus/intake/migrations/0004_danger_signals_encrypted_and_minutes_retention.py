"""The danger signals are stored encrypted like the words they come from (security review F-08),
with a plain `has_danger` for the board's and the agenda's order; a meeting records when the
retention job erased its minutes. Existing rows are encrypted here: the clear-text column is
copied into the encrypted one and then dropped."""

from typing import Any

from django.db import migrations, models

import perhekeskus.intake.crypto


def encrypt_danger_signals(apps: Any, schema_editor: Any) -> None:
    HelpRequest = apps.get_model("intake", "HelpRequest")
    for help_request in HelpRequest.objects.only("pk", "danger_signals").iterator():
        signals = list(help_request.danger_signals or [])
        if not signals:
            continue
        help_request.danger_signals_encrypted = signals
        help_request.has_danger = bool(signals)
        help_request.save(update_fields=["danger_signals_encrypted", "has_danger"])


def decrypt_danger_signals(apps: Any, schema_editor: Any) -> None:
    HelpRequest = apps.get_model("intake", "HelpRequest")
    for help_request in HelpRequest.objects.filter(has_danger=True):
        help_request.danger_signals = list(help_request.danger_signals_encrypted or [])
        help_request.save(update_fields=["danger_signals"])


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0003_idempotency_body_and_single_line_team_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="helprequest",
            name="has_danger",
            field=models.BooleanField(default=False, verbose_name="danger recognised"),
        ),
        migrations.AddField(
            model_name="helprequest",
            name="danger_signals_encrypted",
            field=perhekeskus.intake.crypto.EncryptedJSONListField(
                blank=True, default=list, verbose_name="danger signals"
            ),
        ),
        migrations.RunPython(encrypt_danger_signals, decrypt_danger_signals),
        migrations.RemoveField(model_name="helprequest", name="danger_signals"),
        migrations.RenameField(
            model_name="helprequest", old_name="danger_signals_encrypted", new_name="danger_signals"
        ),
        migrations.AddField(
            model_name="teammeeting",
            name="anonymized_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="anonymised"),
        ),
    ]
