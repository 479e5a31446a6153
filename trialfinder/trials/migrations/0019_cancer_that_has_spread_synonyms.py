from django.db import migrations

# Frozen here: later changes to the seed list must not change what this migration did.
# "cancer that has spread" found a prostate trial "for cancer that has not spread" and
# nothing that says "metastatic"; "secondary liver cancer" found primary liver cancer
# ("advanced hepatocellular carcinoma"), and "spread to the bones" bone sarcoma.
SPREAD = "metastatic\nmetastases\nmetastasis\nmetastasised\nmetastasized\nadvanced"
SECONDARIES = {
    "liver": "liver metastases\nliver metastasis\nhepatic metastases\nhepatic metastasis"
    "\nmetastatic to the liver\nliver secondaries\nsecondary liver cancer",
    "bone": "bone metastases\nbone metastasis\nskeletal metastases\nosseous metastases"
    "\nmetastatic bone disease\nmetastatic to the bone\nbone secondaries"
    "\nsecondary bone cancer",
    "brain": "brain metastases\nbrain metastasis\ncerebral metastases\nintracranial metastases"
    "\nmetastatic to the brain\nbrain secondaries\nsecondary brain tumour",
    "lung": "lung metastases\nlung metastasis\npulmonary metastases\npulmonary metastasis"
    "\nmetastatic to the lung\nlung secondaries\nsecondary lung cancer",
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
    Synonym = apps.get_model("trials", "Synonym")
    # New rows only: a term an editor already added keeps their version.
    for term, equivalents in ROWS:
        Synonym.objects.get_or_create(
            term=term,
            defaults={"equivalents": equivalents, "kind": "LAY_MEDICAL", "two_way": False},
        )


def backwards(apps, schema_editor):
    Synonym = apps.get_model("trials", "Synonym")
    for term, equivalents in ROWS:
        Synonym.objects.filter(term=term, equivalents=equivalents).delete()


class Migration(migrations.Migration):
    dependencies = [("trials", "0018_brain_bone_and_young_people_synonyms")]

    operations = [migrations.RunPython(forwards, backwards)]
