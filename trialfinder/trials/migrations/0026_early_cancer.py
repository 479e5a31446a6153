from django.db import migrations

from trialfinder.trials.seed import add_one_way_synonyms, remove_added_synonyms

# Frozen here: later changes to the seed list must not change what this migration did.
# "Early prostate cancer" found nothing: the trial was for prostate cancer "that has not
# spread", which the search reads as "localised".
ROWS = [("early", "localised\nnon-metastatic")]


def forwards(apps, schema_editor):
    add_one_way_synonyms(apps.get_model("trials", "Synonym"), ROWS, "LAY_MEDICAL")


def backwards(apps, schema_editor):
    remove_added_synonyms(apps.get_model("trials", "Synonym"), ROWS)


class Migration(migrations.Migration):
    dependencies = [("trials", "0025_side_effects_in_everyday_words")]

    operations = [migrations.RunPython(forwards, backwards)]
