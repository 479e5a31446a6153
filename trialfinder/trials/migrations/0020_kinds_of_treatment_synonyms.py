from django.db import migrations

from trialfinder.trials.seed import add_one_way_synonyms, remove_added_synonyms

# Frozen here: later changes to the seed list must not change what this migration did.
# "immunotherapy for lung cancer" missed the nivolumab trials for lung cancer, whose
# titles and treatment lists name the drug, not its kind. The generic names only: each
# name is one more term to rank every match by, and brands are rare in trial titles.
IMMUNOTHERAPY = (
    "immunotherapy\nchimeric antigen receptor\npembrolizumab\nnivolumab\natezolizumab"
    "\ndurvalumab\nipilimumab\navelumab\ncemiplimab\ndostarlimab\nrelatlimab"
    "\ntremelimumab"
)
HORMONE_THERAPY = (
    "hormone therapy\nhormonal therapy\nendocrine therapy\nandrogen deprivation"
    "\ntamoxifen\nletrozole\nanastrozole\nexemestane\nfulvestrant\ngoserelin"
    "\nleuprorelin\nleuprolide\nbicalutamide\nenzalutamide\nabiraterone"
    "\napalutamide\ndarolutamide"
)
ROWS = [
    ("immunotherapy", IMMUNOTHERAPY),
    *[
        (term, HORMONE_THERAPY)
        for term in ("hormone therapy", "hormonal therapy", "hormone treatment")
    ],
]


def forwards(apps, schema_editor):
    add_one_way_synonyms(apps.get_model("trials", "Synonym"), ROWS, "BROADER")


def backwards(apps, schema_editor):
    remove_added_synonyms(apps.get_model("trials", "Synonym"), ROWS)


class Migration(migrations.Migration):
    dependencies = [("trials", "0019_cancer_that_has_spread_synonyms")]

    operations = [migrations.RunPython(forwards, backwards)]
