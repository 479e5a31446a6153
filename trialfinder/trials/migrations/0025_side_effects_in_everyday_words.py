from django.db import migrations

from trialfinder.trials.seed import add_synonyms, remove_added_synonyms

# Frozen here: later changes to the seed list must not change what this migration did.
# "Tiredness" missed a trial that says "fatigue", "hair loss" found nothing where
# registries say "alopecia", and "older people" missed the trials "for elderly patients".
ROWS = [
    ("tiredness", "fatigue", "LAY_MEDICAL", True),
    ("hair loss", "alopecia", "LAY_MEDICAL", True),
    ("feeling sick", "nausea", "LAY_MEDICAL", True),
    ("being sick", "vomiting", "LAY_MEDICAL", True),
    ("breathlessness", "dyspnoea\ndyspnea\nshortness of breath", "LAY_MEDICAL", True),
    ("sore mouth", "mucositis\nstomatitis", "LAY_MEDICAL", True),
    ("chemo brain", "cognitive impairment\nbrain fog", "LAY_MEDICAL", True),
    ("pins and needles", "peripheral neuropathy\nneuropathy", "LAY_MEDICAL", True),
    ("older people", "older adults\nolder patients\nelderly", "LAY_MEDICAL", True),
    (
        "keyhole surgery",
        "keyhole surgery\nlaparoscopic\nlaparoscopy\nminimally invasive",
        "LAY_MEDICAL",
        False,
    ),
    ("babies", "babies\nbaby\ninfants\ninfant\nnewborn", "LAY_MEDICAL", False),
    ("weight loss", "weight loss\ncachexia", "LAY_MEDICAL", False),
]


def forwards(apps, schema_editor):
    add_synonyms(apps.get_model("trials", "Synonym"), ROWS)


def backwards(apps, schema_editor):
    remove_added_synonyms(apps.get_model("trials", "Synonym"), [row[:2] for row in ROWS])


class Migration(migrations.Migration):
    dependencies = [("trials", "0024_stages_and_relapsed")]

    operations = [migrations.RunPython(forwards, backwards)]
