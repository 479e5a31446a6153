from django.db import migrations

# Frozen here: later changes to the seed list must not change what this migration did.
SYNONYMS = [
    ("hot flushes", "hot flashes", "SPELLING"),
    ("paracetamol", "acetaminophen", "DRUG"),
    ("ciclosporin", "cyclosporine\ncyclosporin", "DRUG"),
]


def forwards(apps, schema_editor):
    # New rows only: a term an editor already added keeps their version.
    Synonym = apps.get_model("trials", "Synonym")
    for term, equivalents, kind in SYNONYMS:
        Synonym.objects.get_or_create(
            term=term, defaults={"equivalents": equivalents, "kind": kind, "two_way": True}
        )


def backwards(apps, schema_editor):
    Synonym = apps.get_model("trials", "Synonym")
    for term, equivalents, _kind in SYNONYMS:
        Synonym.objects.filter(term=term, equivalents=equivalents).delete()


class Migration(migrations.Migration):
    dependencies = [("trials", "0013_facet_key_indexes")]

    operations = [migrations.RunPython(forwards, backwards)]
