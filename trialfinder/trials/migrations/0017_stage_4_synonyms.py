from django.db import migrations

# Frozen here: later changes to the seed list must not change what this migration did.
STAGE_4 = "stage iv\nmetastatic\nadvanced"
TERMS = ["stage 4", "stage four"]


def forwards(apps, schema_editor):
    # New rows only: a term an editor already added keeps their version.
    Synonym = apps.get_model("trials", "Synonym")
    for term in TERMS:
        Synonym.objects.get_or_create(
            term=term, defaults={"equivalents": STAGE_4, "kind": "LAY_MEDICAL", "two_way": False}
        )


def backwards(apps, schema_editor):
    Synonym = apps.get_model("trials", "Synonym")
    Synonym.objects.filter(term__in=TERMS, equivalents=STAGE_4).delete()


class Migration(migrations.Migration):
    dependencies = [("trials", "0016_mouth_means_oral_cavity")]

    operations = [migrations.RunPython(forwards, backwards)]
