from django.db import migrations

from perhekeskus.audit.guard import install_truncate_trigger, remove_truncate_trigger


class Migration(migrations.Migration):
    """F-16: on PostgreSQL, TRUNCATE of the audit table is refused like UPDATE and DELETE."""

    dependencies = [("audit", "0002_append_only_triggers")]

    operations = [migrations.RunPython(install_truncate_trigger, remove_truncate_trigger)]
