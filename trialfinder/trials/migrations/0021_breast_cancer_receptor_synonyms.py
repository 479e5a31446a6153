from django.db import migrations

from trialfinder.trials.seed import add_one_way_synonyms, remove_added_synonyms

# Frozen here: later changes to the seed list must not change what this migration did.
# "HER2 positive breast cancer" found only HER2-negative trials: "HR+/HER2-" has the
# words "her2" and "positive" once its signs are words (indexing.reworded). As phrases,
# the receptors are found as written together.
HER2_POSITIVE = "her2 positive\nher2 amplified\nher2 overexpressing\nerbb2 positive"
# Triple negative breast cancer is HER2 negative too.
HER2_NEGATIVE = "her2 negative\nerbb2 negative\ntriple negative\ntnbc"
HORMONE_RECEPTOR_POSITIVE = (
    "hormone receptor positive\nhr positive\ner positive\noestrogen receptor positive"
    "\nestrogen receptor positive\npr positive\nprogesterone receptor positive"
)
ER_POSITIVE = (
    "er positive\noestrogen receptor positive\nestrogen receptor positive"
    "\nhormone receptor positive\nhr positive"
)
TRIPLE_NEGATIVE = "triple negative\ntnbc"
ROWS = [
    ("her2 positive", HER2_POSITIVE),
    ("her2 negative", HER2_NEGATIVE),
    ("hormone receptor positive", HORMONE_RECEPTOR_POSITIVE),
    ("hormone positive", HORMONE_RECEPTOR_POSITIVE),
    ("er positive", ER_POSITIVE),
    ("oestrogen receptor positive", ER_POSITIVE),
    ("triple negative", TRIPLE_NEGATIVE),
]


def forwards(apps, schema_editor):
    add_one_way_synonyms(apps.get_model("trials", "Synonym"), ROWS, "LAY_MEDICAL")


def backwards(apps, schema_editor):
    remove_added_synonyms(apps.get_model("trials", "Synonym"), ROWS)


class Migration(migrations.Migration):
    dependencies = [("trials", "0020_kinds_of_treatment_synonyms")]

    operations = [migrations.RunPython(forwards, backwards)]
