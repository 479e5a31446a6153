from django.db import migrations

from trialfinder.trials.seed import add_one_way_synonyms, remove_added_synonyms

# Frozen here: later changes to the seed list must not change what this migration did.
# As two words, "liver cancer" found 19 of the real registry records, 3 of them for liver
# cancer: "hepatic" toxicity, "kidney disease" and an "injection under the skin" in
# trials of other cancers. As phrases, these name the cancer as trials' cancer types,
# MeSH terms and registry titles do.
ROWS = [
    (
        "liver cancer",
        "liver cancer\nprimary liver cancer\ncancer of the liver\nhepatic cancer"
        "\nhepatocellular carcinoma\nhepatocellular cancer\nHCC\nhepatoma"
        "\nliver neoplasms\nliver tumour\nliver tumor",
    ),
    (
        "kidney cancer",
        "kidney cancer\ncancer of the kidney\nrenal cancer\nrenal cell carcinoma"
        "\nrenal cell cancer\nrenal carcinoma\nRCC\nkidney neoplasms\nkidney tumour"
        "\nkidney tumor\nWilms tumour\nWilms tumor\nnephroblastoma",
    ),
    (
        "skin cancer",
        "skin cancer\ncancer of the skin\nmelanoma\nbasal cell carcinoma"
        "\nsquamous cell skin cancer\ncutaneous squamous cell carcinoma"
        "\nmerkel cell carcinoma\nsarcoma of the skin\nskin neoplasms",
    ),
    (
        "lung cancer",
        "lung cancer\ncancer of the lung\nlung carcinoma\ncarcinoma of the lung"
        "\nlung adenocarcinoma\nNSCLC\nSCLC\nnon small cell lung\nlung neoplasms"
        "\nlung tumour\nlung tumor",
    ),
    (
        "bladder cancer",
        "bladder cancer\ncancer of the bladder\nbladder carcinoma\nurothelial cancer"
        "\nurothelial carcinoma\ntransitional cell carcinoma\nbladder neoplasms"
        "\nmuscle invasive bladder\nMIBC\nNMIBC\nbladder tumour\nbladder tumor",
    ),
    (
        "thyroid cancer",
        "thyroid cancer\ncancer of the thyroid\nthyroid carcinoma\nthyroid neoplasms"
        "\npapillary thyroid\nfollicular thyroid\nmedullary thyroid\nanaplastic thyroid",
    ),
    (
        "pancreatic cancer",
        "pancreatic cancer\ncancer of the pancreas\npancreatic adenocarcinoma"
        "\npancreatic ductal adenocarcinoma\nPDAC\npancreatic carcinoma"
        "\npancreatic neoplasms\npancreatic neuroendocrine",
    ),
]


def forwards(apps, schema_editor):
    add_one_way_synonyms(apps.get_model("trials", "Synonym"), ROWS, "LAY_MEDICAL")


def backwards(apps, schema_editor):
    remove_added_synonyms(apps.get_model("trials", "Synonym"), ROWS)


class Migration(migrations.Migration):
    dependencies = [("trials", "0022_abbreviations_drug_kinds_and_brands")]

    operations = [migrations.RunPython(forwards, backwards)]
