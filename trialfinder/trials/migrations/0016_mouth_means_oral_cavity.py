from django.db import migrations

SEEDED = "oral"
# "oral" alone is mostly how a drug is taken ("oral venetoclax"): "mouth cancer" found
# trials of tablets. The mouth is the oral cavity.
NOW = "oral cavity\noral cancer"


def forwards(apps, schema_editor):
    # Only the row as seeded: an editor's own change to it stays.
    Synonym = apps.get_model("trials", "Synonym")
    Synonym.objects.filter(term="mouth", equivalents=SEEDED).update(equivalents=NOW)


def backwards(apps, schema_editor):
    Synonym = apps.get_model("trials", "Synonym")
    Synonym.objects.filter(term="mouth", equivalents=NOW).update(equivalents=SEEDED)


class Migration(migrations.Migration):
    dependencies = [("trials", "0015_drug_brand_names")]

    operations = [migrations.RunPython(forwards, backwards)]
