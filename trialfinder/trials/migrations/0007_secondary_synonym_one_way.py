from django.db import migrations


def forwards(apps, schema_editor):
    # Only the row as seeded: an editor's own change to it stays.
    Synonym = apps.get_model("trials", "Synonym")
    Synonym.objects.filter(
        term="secondary", equivalents="metastatic\nadvanced", two_way=True
    ).update(two_way=False)


class Migration(migrations.Migration):
    dependencies = [("trials", "0006_editor_and_publisher_groups")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
