from django.db import migrations

from trialfinder.glossary.starter import load_starter_glossary


def forwards(apps, schema_editor):
    load_starter_glossary(apps.get_model("glossary", "GlossaryTerm"))


class Migration(migrations.Migration):
    dependencies = [("glossary", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
