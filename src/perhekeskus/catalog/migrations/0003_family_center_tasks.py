from django.db import migrations


def create_tasks(apps, schema_editor):  # type: ignore[no-untyped-def]
    from perhekeskus.catalog.taxonomies import ensure_task_taxonomy

    ensure_task_taxonomy(apps.get_model("catalog", "Taxonomy"), apps.get_model("catalog", "TaxonomyTerm"))


class Migration(migrations.Migration):
    dependencies = [("catalog", "0002_service_catalogue")]

    operations = [migrations.RunPython(create_tasks, migrations.RunPython.noop)]
