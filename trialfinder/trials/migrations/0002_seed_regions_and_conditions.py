from django.db import migrations

from trialfinder.trials.seed import seed_conditions, seed_regions


def forwards(apps, schema_editor):
    seed_regions(apps.get_model("trials", "Region"))
    seed_conditions(apps.get_model("trials", "Condition"))


class Migration(migrations.Migration):
    dependencies = [("trials", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
