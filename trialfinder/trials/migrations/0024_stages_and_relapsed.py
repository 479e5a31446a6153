from django.db import migrations

from trialfinder.trials.seed import add_synonyms, remove_added_synonyms

# Frozen here: later changes to the seed list must not change what this migration did.
# "Stage 3 bowel cancer" was searched as "stage", "3", "bowel" and "cancer"; registries
# write "stage III" or "locally advanced". "Recurrent ovarian cancer" missed the trial
# "for ovarian cancer that has come back", and "relapsed myeloma" the one "for myeloma
# that has come back" (read as "has relapsed" now, indexing.reworded).
STAGE_3 = "stage iii\nstage 3\nlocally advanced"
STAGE_2 = "stage ii\nstage 2"
ROWS = [
    ("stage 3", STAGE_3, "LAY_MEDICAL", False),
    ("stage three", STAGE_3, "LAY_MEDICAL", False),
    ("stage 2", STAGE_2, "LAY_MEDICAL", False),
    ("stage two", STAGE_2, "LAY_MEDICAL", False),
    ("relapsed", "relapse\nrecurrent\nrecurrence", "LAY_MEDICAL", True),
]


def forwards(apps, schema_editor):
    add_synonyms(apps.get_model("trials", "Synonym"), ROWS)


def backwards(apps, schema_editor):
    remove_added_synonyms(apps.get_model("trials", "Synonym"), [row[:2] for row in ROWS])


class Migration(migrations.Migration):
    dependencies = [("trials", "0023_cancers_named_by_their_organ")]

    operations = [migrations.RunPython(forwards, backwards)]
