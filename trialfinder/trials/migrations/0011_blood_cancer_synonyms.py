from django.db import migrations

# Frozen here: later changes to the seed list must not change what this migration did.
TERMS = [
    "blood cancers",
    "haematological cancer",
    "hematologic cancer",
    "hematological cancer",
    "haematological malignancy",
    "hematologic malignancy",
]
EQUIVALENTS = "blood cancer\nleukaemia\nleukemia\nlymphoma\nmyeloma"


def forwards(apps, schema_editor):
    # New rows only: a term an editor already added keeps their version.
    Synonym = apps.get_model("trials", "Synonym")
    for term in TERMS:
        Synonym.objects.get_or_create(
            term=term, defaults={"equivalents": EQUIVALENTS, "kind": "BROADER", "two_way": False}
        )


def backwards(apps, schema_editor):
    Synonym = apps.get_model("trials", "Synonym")
    Synonym.objects.filter(term__in=TERMS, equivalents=EQUIVALENTS).delete()


class Migration(migrations.Migration):
    dependencies = [("trials", "0010_open_trials_search_index")]

    operations = [migrations.RunPython(forwards, backwards)]
