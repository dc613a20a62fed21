"""The family's access log is append-only down to the database, like the audit log
(`audit.guard`): triggers refuse UPDATE, DELETE and TRUNCATE from any caller."""

from typing import Any

from django.db import migrations

from perhekeskus.audit.guard import append_only_statements

INSTALL, REMOVE = append_only_statements("families_accesslogentry", "access log entries")


def install(apps: Any, schema_editor: Any) -> None:
    for statement in INSTALL.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def remove(apps: Any, schema_editor: Any) -> None:
    for statement in REMOVE.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("families", "0001_initial"), ("audit", "0003_no_truncate_trigger")]

    operations = [migrations.RunPython(install, remove)]
