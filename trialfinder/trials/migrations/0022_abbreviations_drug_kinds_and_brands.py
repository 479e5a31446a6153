from django.db import migrations

from trialfinder.trials.seed import add_synonyms, remove_added_synonyms

# Frozen here: later changes to the seed list must not change what this migration did.
# Abbreviations ("GBM" found 1 of the 4 glioblastoma trials), kinds of targeted drug
# ("PARP inhibitor" missed the olaparib trial) and brand names. Only GBM is both ways: a
# phrase such as "colorectal cancer" made a key would be searched as that phrase alone,
# not as "colorectal" (and bowel, colon, rectal) and "cancer".
STEM_CELL_TRANSPLANT = (
    "stem cell transplant\nstem cell transplantation\nHSCT\nbone marrow transplant"
    "\nbone marrow transplantation"
)
STEREOTACTIC = (
    "stereotactic radiotherapy\nstereotactic radiation therapy\nSABR\nSBRT"
    "\nstereotactic ablative radiotherapy\nstereotactic body radiotherapy"
    "\nstereotactic body radiation therapy"
)
YOUNG_ADULTS = "teenagers and young adults\nadolescents and young adults\nTYA\nAYA"
CDK4_6_INHIBITORS = "CDK4/6 inhibitor\npalbociclib\nribociclib\nabemaciclib"
ANTIBODY_DRUG_CONJUGATES = (
    "antibody drug conjugate\ntrastuzumab deruxtecan\ntrastuzumab emtansine"
    "\nsacituzumab govitecan\ndatopotamab deruxtecan\nenfortumab vedotin"
    "\nbrentuximab vedotin\npolatuzumab vedotin\ntisotumab vedotin"
    "\ninotuzumab ozogamicin\ngemtuzumab ozogamicin\nbelantamab mafodotin"
    "\nmirvetuximab soravtansine"
)
BISPECIFIC_ANTIBODIES = (
    "bispecific antibody\nblinatumomab\nglofitamab\nepcoritamab\nmosunetuzumab"
    "\nteclistamab\nelranatamab\ntalquetamab\ntarlatamab"
)
ROWS = [
    ("GBM", "glioblastoma", "ABBREVIATION", True),
    ("glioblastoma multiforme", "glioblastoma\nGBM", "ABBREVIATION", False),
    ("RCC", "renal cell carcinoma\nrenal cell cancer\nkidney cancer", "ABBREVIATION", False),
    ("CRC", "colorectal\nbowel cancer\ncolon cancer\nrectal cancer", "ABBREVIATION", False),
    ("MPN", "myeloproliferative", "ABBREVIATION", False),
    ("MDS", "myelodysplastic\nmyelodysplasia", "ABBREVIATION", False),
    ("DCIS", "ductal carcinoma in situ", "ABBREVIATION", False),
    ("PDAC", "pancreatic ductal adenocarcinoma", "ABBREVIATION", False),
    ("stem cell transplant", STEM_CELL_TRANSPLANT, "ABBREVIATION", False),
    ("bone marrow transplant", STEM_CELL_TRANSPLANT, "ABBREVIATION", False),
    ("HSCT", STEM_CELL_TRANSPLANT, "ABBREVIATION", False),
    ("stereotactic radiotherapy", STEREOTACTIC, "ABBREVIATION", False),
    ("SABR", STEREOTACTIC, "ABBREVIATION", False),
    ("SBRT", STEREOTACTIC, "ABBREVIATION", False),
    ("TYA", YOUNG_ADULTS, "ABBREVIATION", False),
    ("AYA", YOUNG_ADULTS, "ABBREVIATION", False),
    ("teenagers and young adults", YOUNG_ADULTS, "ABBREVIATION", False),
    (
        "PARP inhibitor",
        "PARP inhibitor\nolaparib\nniraparib\nrucaparib\ntalazoparib",
        "BROADER",
        False,
    ),
    (
        "BTK inhibitor",
        "BTK inhibitor\nibrutinib\nacalabrutinib\nzanubrutinib\npirtobrutinib",
        "BROADER",
        False,
    ),
    ("CDK4/6 inhibitor", CDK4_6_INHIBITORS, "BROADER", False),
    ("CDK 4/6 inhibitor", CDK4_6_INHIBITORS, "BROADER", False),
    ("CDK inhibitor", CDK4_6_INHIBITORS, "BROADER", False),
    (
        "ALK inhibitor",
        "ALK inhibitor\ncrizotinib\nalectinib\nbrigatinib\nlorlatinib\nceritinib",
        "BROADER",
        False,
    ),
    ("antibody drug conjugate", ANTIBODY_DRUG_CONJUGATES, "BROADER", False),
    ("bispecific antibody", BISPECIFIC_ANTIBODIES, "BROADER", False),
    ("cemiplimab", "Libtayo", "DRUG", True),
    ("dostarlimab", "Jemperli", "DRUG", True),
    ("tremelimumab", "Imjudo", "DRUG", True),
    ("relatlimab", "Opdualag", "DRUG", True),
    ("sacituzumab govitecan", "Trodelvy", "DRUG", True),
    ("enfortumab vedotin", "Padcev", "DRUG", True),
    ("talazoparib", "Talzenna", "DRUG", True),
    ("pirtobrutinib", "Jaypirca", "DRUG", True),
    ("bosutinib", "Bosulif", "DRUG", True),
    ("ponatinib", "Iclusig", "DRUG", True),
    ("ixazomib", "Ninlaro", "DRUG", True),
    ("pomalidomide", "Imnovid\nPomalyst", "DRUG", True),
    ("isatuximab", "Sarclisa", "DRUG", True),
    ("larotrectinib", "Vitrakvi", "DRUG", True),
    ("entrectinib", "Rozlytrek", "DRUG", True),
    ("crizotinib", "Xalkori", "DRUG", True),
    ("brigatinib", "Alunbrig", "DRUG", True),
    ("lorlatinib", "Lorviqua\nLorbrena", "DRUG", True),
    ("sotorasib", "Lumykras\nLumakras", "DRUG", True),
    ("midostaurin", "Rydapt", "DRUG", True),
    ("gilteritinib", "Xospata", "DRUG", True),
    ("glofitamab", "Columvi", "DRUG", True),
    ("epcoritamab", "Tepkinly\nEpkinly", "DRUG", True),
    ("teclistamab", "Tecvayli", "DRUG", True),
    ("dinutuximab beta", "Qarziba", "DRUG", True),
    ("ciltacabtagene autoleucel", "Carvykti", "DRUG", True),
    ("idecabtagene vicleucel", "Abecma", "DRUG", True),
    ("lisocabtagene maraleucel", "Breyanzi", "DRUG", True),
]


def forwards(apps, schema_editor):
    add_synonyms(apps.get_model("trials", "Synonym"), ROWS)


def backwards(apps, schema_editor):
    remove_added_synonyms(apps.get_model("trials", "Synonym"), [row[:2] for row in ROWS])


class Migration(migrations.Migration):
    dependencies = [("trials", "0021_breast_cancer_receptor_synonyms")]

    operations = [migrations.RunPython(forwards, backwards)]
