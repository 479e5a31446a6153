"""Curated registry wording -> seeded cancer types. Condition names and synonyms match
on their own; these rows add the MeSH headings and trial-team phrasing the registry
uses. Editors extend the table in the admin."""

from django.db import migrations

C, X, O = "CONTAINS_WORD", "EXACT", "WORD_IN_CANCER_TERM"

# (cancer type slug, match kind, patterns, note)
MAPPINGS = [
    ("breast-cancer", C, ["breast neoplasms", "breast cancer", "breast carcinoma",
        "breast tumour", "breast adenocarcinoma", "ductal carcinoma in situ",
        "invasive ductal carcinoma", "invasive lobular carcinoma", "carcinoma ductal breast",
        "HER2-positive breast", "hormone receptor positive breast"], "MeSH: Breast Neoplasms"),
    ("secondary-breast-cancer", C, ["metastatic breast", "advanced breast cancer",
        "stage IV breast", "breast cancer metastatic"], ""),
    ("triple-negative-breast-cancer", C, ["triple negative breast"],
        "MeSH: Triple Negative Breast Neoplasms"),
    ("bowel-cancer", C, ["colorectal", "colon cancer", "colon carcinoma",
        "colon adenocarcinoma", "colonic neoplasms", "rectal cancer", "rectal neoplasms",
        "rectal carcinoma", "rectal adenocarcinoma", "bowel cancer", "colorectal neoplasms"],
        "Colon/rectal only as phrases: 'colon' alone also names colitis trials."),
    ("anal-cancer", C, ["anus neoplasms", "anal cancer", "anal carcinoma",
        "anal squamous cell carcinoma"], ""),
    ("bladder-cancer", C, ["urinary bladder neoplasms", "bladder cancer", "bladder carcinoma",
        "urothelial carcinoma", "urothelial cancer", "carcinoma transitional cell"], ""),
    ("bone-cancer", C, ["bone neoplasms", "bone cancer", "bone tumour"], ""),
    ("brain-tumours", C, ["glioma", "glioblastoma", "astrocytoma", "oligodendroglioma",
        "ependymoma", "medulloblastoma", "brain neoplasms", "brain tumour", "brain cancer",
        "central nervous system neoplasms", "brain metastases"], ""),
    ("brain-tumours", X, ["DIPG", "GBM"], "Abbreviations: whole condition only."),
    ("cervical-cancer", C, ["uterine cervical neoplasms", "cervical cancer",
        "cervical carcinoma", "cervix cancer", "carcinoma of the cervix"], ""),
    ("childrens-cancers", C, ["childhood cancer", "paediatric cancer",
        "paediatric solid tumour", "childhood solid tumour", "wilms tumour",
        "retinoblastoma", "hepatoblastoma"], "No own page yet: listed under children's cancers."),
    ("neuroblastoma", C, ["neuroblastoma"], ""),
    ("head-and-neck-cancer", C, ["head and neck neoplasms", "head and neck cancer",
        "head and neck squamous cell carcinoma", "squamous cell carcinoma of head and neck",
        "oropharyngeal cancer", "oropharyngeal neoplasms", "oropharyngeal carcinoma",
        "laryngeal neoplasms", "laryngeal cancer", "nasopharyngeal carcinoma",
        "nasopharyngeal cancer", "oral cancer", "mouth neoplasms", "oral cavity cancer",
        "tongue cancer", "salivary gland cancer", "hypopharyngeal cancer"], ""),
    ("kidney-cancer", C, ["kidney neoplasms", "kidney cancer", "renal cell carcinoma",
        "carcinoma renal cell", "renal cancer", "renal cell cancer"], ""),
    ("leukaemia", C, ["leukaemia"], "Any leukaemia; a named subtype wins."),
    ("acute-myeloid-leukaemia", C, ["leukemia, myeloid, acute", "acute myeloid leukaemia",
        "acute myelogenous leukaemia", "acute myeloblastic leukaemia",
        "acute non lymphocytic leukaemia", "leukemia, promyelocytic, acute",
        "acute promyelocytic leukaemia"], "MeSH: Leukemia, Myeloid, Acute"),
    ("acute-myeloid-leukaemia", X, ["AML", "APL"], ""),
    ("acute-lymphoblastic-leukaemia", C, ["precursor cell lymphoblastic leukemia-lymphoma",
        "acute lymphoblastic leukaemia", "acute lymphocytic leukaemia",
        "acute lymphoid leukaemia", "B-cell acute lymphoblastic",
        "T-cell acute lymphoblastic"], ""),
    ("acute-lymphoblastic-leukaemia", X, ["ALL", "B-ALL", "T-ALL"], "'ALL' only on its own."),
    ("chronic-lymphocytic-leukaemia", C, ["leukemia, lymphocytic, chronic, b-cell",
        "chronic lymphocytic leukaemia", "small lymphocytic lymphoma"], ""),
    ("chronic-myeloid-leukaemia", C, ["leukemia, myelogenous, chronic",
        "chronic myeloid leukaemia", "chronic myelogenous leukaemia"], ""),
    ("liver-cancer", C, ["liver neoplasms", "liver cancer", "hepatocellular carcinoma",
        "carcinoma hepatocellular", "hepatocellular cancer"], ""),
    ("lung-cancer", C, ["lung neoplasms", "lung cancer", "lung carcinoma"], ""),
    ("non-small-cell-lung-cancer", C, ["non-small cell lung", "carcinoma, non-small-cell lung",
        "lung adenocarcinoma", "adenocarcinoma of lung", "squamous cell lung",
        "lung squamous cell carcinoma"], "MeSH: Carcinoma, Non-Small-Cell Lung"),
    ("small-cell-lung-cancer", C, ["small cell lung carcinoma", "small cell lung cancer",
        "extensive stage small cell"], "'non-small cell' phrases win over this."),
    ("mesothelioma", C, ["mesothelioma"], ""),
    ("lymphoma", C, ["lymphoma"], "Any lymphoma; a named subtype wins."),
    ("hodgkin-lymphoma", C, ["hodgkin disease", "hodgkin lymphoma", "classical hodgkin"], ""),
    ("non-hodgkin-lymphoma", C, ["non-hodgkin", "lymphoma, non-hodgkin",
        "non-hodgkin lymphoma", "large b-cell", "diffuse large b-cell lymphoma",
        "follicular lymphoma", "mantle cell lymphoma", "marginal zone lymphoma",
        "burkitt lymphoma", "t-cell lymphoma", "b-cell lymphoma"], ""),
    ("melanoma", C, ["melanoma"], ""),
    ("myeloma", C, ["myeloma", "plasma cell neoplasms", "plasmacytoma"], ""),
    ("oesophageal-cancer", C, ["esophageal neoplasms", "oesophageal cancer",
        "oesophageal carcinoma", "oesophageal adenocarcinoma",
        "oesophageal squamous cell carcinoma", "gastroesophageal junction",
        "esophagogastric junction"], ""),
    ("ovarian-cancer", C, ["ovarian neoplasms", "ovarian cancer", "ovarian carcinoma",
        "fallopian tube cancer", "fallopian tube neoplasms", "primary peritoneal carcinoma"],
        ""),
    ("pancreatic-cancer", C, ["pancreatic neoplasms", "pancreatic cancer",
        "pancreatic adenocarcinoma", "pancreatic ductal adenocarcinoma",
        "carcinoma, pancreatic ductal"], ""),
    ("prostate-cancer", C, ["prostatic neoplasms", "prostate cancer", "prostate carcinoma",
        "prostate adenocarcinoma", "castration-resistant prostatic"], ""),
    ("sarcoma", C, ["sarcoma"], "Any sarcoma; a named subtype wins."),
    ("soft-tissue-sarcoma", C, ["soft tissue sarcoma", "soft tissue neoplasms", "liposarcoma",
        "leiomyosarcoma", "rhabdomyosarcoma", "synovial sarcoma", "angiosarcoma",
        "dermatofibrosarcoma", "undifferentiated pleomorphic sarcoma"], ""),
    ("bone-sarcoma", C, ["osteosarcoma", "ewing", "chondrosarcoma", "bone sarcoma",
        "chordoma"], ""),
    ("gastrointestinal-stromal-tumour", C, ["gastrointestinal stromal tumour",
        "gastrointestinal stromal tumors"], ""),
    ("skin-cancer", C, ["skin neoplasms", "skin cancer", "basal cell carcinoma",
        "carcinoma, basal cell", "cutaneous squamous cell carcinoma", "merkel cell"], ""),
    ("stomach-cancer", C, ["stomach neoplasms", "stomach cancer", "gastric cancer",
        "gastric carcinoma", "gastric adenocarcinoma", "gastric neoplasms"], ""),
    ("testicular-cancer", C, ["testicular neoplasms", "testicular cancer",
        "testicular germ cell", "seminoma"], ""),
    ("thyroid-cancer", C, ["thyroid neoplasms", "thyroid cancer", "thyroid carcinoma",
        "papillary thyroid", "medullary thyroid", "anaplastic thyroid"], ""),
    ("womb-cancer", C, ["endometrial neoplasms", "endometrial cancer", "endometrial carcinoma",
        "endometrial adenocarcinoma", "uterine neoplasms", "uterine cancer"], ""),
    ("cancer-of-unknown-primary", C, ["unknown primary"], ""),
    ("any-cancer", C, ["solid tumour", "advanced cancer", "metastatic cancer",
        "malignant neoplasm", "advanced malignancies"], ""),
    ("any-cancer", X, ["neoplasms", "cancer", "tumour", "tumor", "carcinoma", "neoplasm"],
        "Bare words: only when that is the whole condition."),
    # Organ words count only inside a term naming a primary cancer ("Gastric or
    # Gastroesophageal Cancer"), never alone ("Colonic Diseases", "Liver Metastases").
    ("breast-cancer", O, ["breast"], ""),
    ("bowel-cancer", O, ["colon", "rectal", "rectum", "bowel"], ""),
    ("stomach-cancer", O, ["gastric", "stomach"], ""),
    ("oesophageal-cancer", O, ["oesophageal", "oesophagus", "gastroesophageal"], ""),
    ("lung-cancer", O, ["lung"], ""),
    ("prostate-cancer", O, ["prostate", "prostatic"], ""),
    ("ovarian-cancer", O, ["ovarian", "ovary"], ""),
    ("pancreatic-cancer", O, ["pancreatic", "pancreas"], ""),
    ("bladder-cancer", O, ["bladder", "urothelial"], ""),
    ("kidney-cancer", O, ["kidney", "renal"], ""),
    ("liver-cancer", O, ["liver", "hepatocellular"], ""),
    ("thyroid-cancer", O, ["thyroid"], ""),
    ("cervical-cancer", O, ["cervix", "cervical"], ""),
    ("womb-cancer", O, ["endometrial", "endometrium", "uterine", "uterus", "womb"], ""),
    ("testicular-cancer", O, ["testicular", "testis"], ""),
    ("anal-cancer", O, ["anal", "anus"], ""),
    ("head-and-neck-cancer", O, ["head and neck", "laryngeal", "larynx", "pharyngeal",
        "oropharyngeal", "nasopharyngeal", "tongue", "salivary"], ""),
    ("brain-tumours", O, ["brain"], ""),
]  # fmt: skip


def seed(apps, schema_editor):
    Condition = apps.get_model("trials", "Condition")
    ConditionMapping = apps.get_model("registry", "ConditionMapping")
    by_slug = {c.slug: c for c in Condition.objects.all()}
    for slug, kind, patterns, note in MAPPINGS:
        condition = by_slug.get(slug)
        if condition is None:  # An editor removed the type; nothing to map to.
            continue
        for pattern in patterns:
            ConditionMapping.objects.get_or_create(
                pattern=pattern, match_kind=kind, condition=condition, defaults={"note": note}
            )


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0001_initial"),
        ("trials", "0002_seed_regions_and_conditions"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
