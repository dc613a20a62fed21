from django.db import migrations

from perhekeskus.audit.guard import install_triggers, remove_triggers


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(install_triggers, remove_triggers)]
