from django.db import migrations

from trialfinder.trials.seed import add_one_way_synonyms, remove_added_synonyms

# Frozen here: later changes to the seed list must not change what this migration did.
# "cancer that has spread" found a prostate trial "for cancer that has not spread" and
# nothing that says "metastatic"; "secondary liver cancer" found primary liver cancer
# ("advanced hepatocellular carcinoma"), and "spread to the bones" bone sarcoma.
SPREAD = "metastatic\nmetastases\nmetastasis\nmetastasised\nmetastasized\nadvanced"
SECONDARIES = {
    "liver": "liver metastases\nliver metastasis\nhepatic metastases\nhepatic metastasis"
    "\nmetastatic to the liver\nspread to the liver\nliver secondaries\nsecondary liver cancer",
    "bone": "bone metastases\nbone metastasis\nskeletal metastases\nosseous metastases"
    "\nmetastatic bone disease\nmetastatic to the bone\nspread to the bone\nspread to the bones"
    "\nbone secondaries\nsecondary bone cancer",
    "brain": "brain metastases\nbrain metastasis\ncerebral metastases\nintracranial metastases"
    "\nmetastatic to the brain\nspread to the brain\nbrain secondaries\nsecondary brain tumour",
    "lung": "lung metastases\nlung metastasis\npulmonary metastases\npulmonary metastasis"
    "\nmetastatic to the lung\nspread to the lung\nspread to the lungs\nlung secondaries"
    "\nsecondary lung cancer",
}
SECONDARY_TERMS = {
    "liver": ("secondary liver cancer", "secondary liver tumour", "secondary liver tumor"),
    "bone": ("secondary bone cancer", "secondary bone tumour", "secondary bone tumor"),
    "brain": ("secondary brain tumour", "secondary brain tumor", "secondary brain cancer"),
    "lung": ("secondary lung cancer", "secondary lung tumour", "secondary lung tumor"),
}


def _organ_terms(organ: str) -> tuple[str, ...]:
    return (
        f"{organ} secondaries",
        f"{organ} mets",
        f"{organ} metastases",
        f"spread to the {organ}",
        f"spread to my {organ}",
    )


ROWS = [
    ("spread", SPREAD),
    *[
        (term, SECONDARIES[organ])
        for organ, terms in SECONDARY_TERMS.items()
        for term in (*terms, *_organ_terms(organ))
    ],
]


def forwards(apps, schema_editor):
    add_one_way_synonyms(apps.get_model("trials", "Synonym"), ROWS, "LAY_MEDICAL")


def backwards(apps, schema_editor):
    remove_added_synonyms(apps.get_model("trials", "Synonym"), ROWS)


class Migration(migrations.Migration):
    dependencies = [("trials", "0018_brain_bone_and_young_people_synonyms")]

    operations = [migrations.RunPython(forwards, backwards)]
