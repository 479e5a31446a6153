from django.db import migrations

from trialfinder.trials.seed import add_one_way_synonyms, remove_added_synonyms

# Frozen here: later changes to the seed list must not change what this migration did.
# PostgreSQL stems the four words four ways: "metastasis" found 1 of the 14 metastatic
# trials in the shared records, and "metastasised" none.
ROWS = [
    ("metastasis", "metastatic\nmetastases\nmetastasised"),
    ("metastases", "metastatic\nmetastasis\nmetastasised"),
    ("metastasised", "metastatic\nmetastases\nmetastasis"),
]


def forwards(apps, schema_editor):
    add_one_way_synonyms(apps.get_model("trials", "Synonym"), ROWS, "LAY_MEDICAL")


def backwards(apps, schema_editor):
    remove_added_synonyms(apps.get_model("trials", "Synonym"), ROWS)


class Migration(migrations.Migration):
    dependencies = [("trials", "0026_early_cancer")]

    operations = [migrations.RunPython(forwards, backwards)]
