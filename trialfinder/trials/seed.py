"""Reference data every installation needs: regions and the common cancer types.

Loaded by a data migration and again (idempotently) by `load_demo`. Functions take the
model classes so the migration can pass its historical models.
"""

from django.utils.text import slugify

ENGLISH_REGIONS = [
    "North East",
    "North West",
    "Yorkshire and the Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
]
UK_NATIONS = [
    ("England", "ENG"),
    ("Scotland", "SCT"),
    ("Wales", "WLS"),
    ("Northern Ireland", "NIR"),
]

US_STATES = [
    ("AL", "Alabama"), ("AK", "Alaska"), ("AZ", "Arizona"), ("AR", "Arkansas"),
    ("CA", "California"), ("CO", "Colorado"), ("CT", "Connecticut"), ("DE", "Delaware"),
    ("DC", "District of Columbia"), ("FL", "Florida"), ("GA", "Georgia"), ("HI", "Hawaii"),
    ("ID", "Idaho"), ("IL", "Illinois"), ("IN", "Indiana"), ("IA", "Iowa"),
    ("KS", "Kansas"), ("KY", "Kentucky"), ("LA", "Louisiana"), ("ME", "Maine"),
    ("MD", "Maryland"), ("MA", "Massachusetts"), ("MI", "Michigan"), ("MN", "Minnesota"),
    ("MS", "Mississippi"), ("MO", "Missouri"), ("MT", "Montana"), ("NE", "Nebraska"),
    ("NV", "Nevada"), ("NH", "New Hampshire"), ("NJ", "New Jersey"), ("NM", "New Mexico"),
    ("NY", "New York"), ("NC", "North Carolina"), ("ND", "North Dakota"), ("OH", "Ohio"),
    ("OK", "Oklahoma"), ("OR", "Oregon"), ("PA", "Pennsylvania"), ("PR", "Puerto Rico"),
    ("RI", "Rhode Island"), ("SC", "South Carolina"), ("SD", "South Dakota"),
    ("TN", "Tennessee"), ("TX", "Texas"), ("UT", "Utah"), ("VT", "Vermont"),
    ("VA", "Virginia"), ("WA", "Washington"), ("WV", "West Virginia"),
    ("WI", "Wisconsin"), ("WY", "Wyoming"),
]  # fmt: skip

# Countries that commonly host trials recruiting UK and US patients; the importer adds
# others as it meets them.
COUNTRIES = [
    ("GB", "United Kingdom"), ("US", "United States"), ("IE", "Ireland"),
    ("FR", "France"), ("DE", "Germany"), ("NL", "Netherlands"), ("BE", "Belgium"),
    ("ES", "Spain"), ("IT", "Italy"), ("CA", "Canada"), ("AU", "Australia"),
    ("DK", "Denmark"), ("SE", "Sweden"), ("NO", "Norway"), ("CH", "Switzerland"),
    ("PL", "Poland"), ("CN", "China"), ("JP", "Japan"), ("KR", "South Korea"),
]  # fmt: skip

# (name, parent name or None, synonyms: lay and medical names, US spellings, abbreviations)
CONDITIONS = [
    ("Bladder cancer", None, "urothelial cancer\nurothelial carcinoma\ntransitional cell carcinoma"),
    ("Bone cancer", None, "primary bone cancer\nbone tumour\nbone tumor"),
    ("Bowel cancer", None, "colorectal cancer\ncolon cancer\nrectal cancer\nCRC"),
    ("Anal cancer", "Bowel cancer", "anal carcinoma"),
    ("Brain tumours", None, "brain cancer\nbrain tumor\nglioma\nglioblastoma\nCNS tumour"),
    ("Breast cancer", None, "breast carcinoma\nmammary cancer"),
    ("Secondary breast cancer", "Breast cancer", "metastatic breast cancer\nadvanced breast cancer\nstage 4 breast cancer"),
    ("Triple negative breast cancer", "Breast cancer", "TNBC"),
    ("Cervical cancer", None, "cancer of the cervix\ncervix cancer"),
    ("Children's cancers", None, "childhood cancer\npaediatric cancer\npediatric cancer"),
    ("Neuroblastoma", "Children's cancers", ""),
    ("Head and neck cancer", None, "oral cancer\nmouth cancer\nthroat cancer\nlaryngeal cancer\nHNSCC"),
    ("Kidney cancer", None, "renal cancer\nrenal cell carcinoma\nRCC"),
    ("Leukaemia", None, "leukemia\nblood cancer"),
    ("Acute myeloid leukaemia", "Leukaemia", "acute myeloid leukemia\nAML"),
    ("Acute lymphoblastic leukaemia", "Leukaemia", "acute lymphoblastic leukemia\nALL"),
    ("Chronic lymphocytic leukaemia", "Leukaemia", "chronic lymphocytic leukemia\nCLL"),
    ("Chronic myeloid leukaemia", "Leukaemia", "chronic myeloid leukemia\nchronic myelogenous leukemia\nCML"),
    ("Liver cancer", None, "hepatocellular carcinoma\nHCC\nhepatic cancer"),
    ("Lung cancer", None, "lung carcinoma"),
    ("Non-small cell lung cancer", "Lung cancer", "NSCLC\nnon small cell lung cancer"),
    ("Small cell lung cancer", "Lung cancer", "SCLC"),
    ("Mesothelioma", None, "pleural mesothelioma"),
    ("Lymphoma", None, "blood cancer\nlymphatic cancer"),
    ("Hodgkin lymphoma", "Lymphoma", "Hodgkin's lymphoma\nHodgkin's disease"),
    ("Non-Hodgkin lymphoma", "Lymphoma", "NHL\ndiffuse large B-cell lymphoma\nDLBCL\nfollicular lymphoma"),
    ("Melanoma", None, "skin melanoma\nmalignant melanoma"),
    ("Myeloma", None, "multiple myeloma\nplasma cell myeloma\nblood cancer"),
    ("Oesophageal cancer", None, "esophageal cancer\ncancer of the gullet\noesophagus cancer"),
    ("Ovarian cancer", None, "cancer of the ovary\nfallopian tube cancer\nprimary peritoneal cancer"),
    ("Pancreatic cancer", None, "cancer of the pancreas\npancreatic adenocarcinoma"),
    ("Prostate cancer", None, "prostate carcinoma\nprostatic cancer"),
    ("Sarcoma", None, ""),
    ("Soft tissue sarcoma", "Sarcoma", "STS\ndermatofibrosarcoma protuberans\nDFSP\nliposarcoma\nleiomyosarcoma\nrhabdomyosarcoma\nsynovial sarcoma"),
    ("Bone sarcoma", "Sarcoma", "osteosarcoma\nEwing sarcoma\nEwing's sarcoma\nchondrosarcoma"),
    ("Gastrointestinal stromal tumour", "Soft tissue sarcoma", "GIST\ngastrointestinal stromal tumor"),
    ("Skin cancer", None, "non-melanoma skin cancer\nbasal cell carcinoma\nsquamous cell skin cancer"),
    ("Stomach cancer", None, "gastric cancer\ncancer of the stomach"),
    ("Testicular cancer", None, "cancer of the testicle\ngerm cell tumour"),
    ("Thyroid cancer", None, "thyroid carcinoma"),
    ("Womb cancer", None, "uterine cancer\nendometrial cancer\ncancer of the uterus"),
    ("Cancer of unknown primary", None, "CUP\nunknown primary cancer"),
    ("Any cancer", None, "solid tumours\nsolid tumors\nadvanced cancer\nall cancers"),
]  # fmt: skip


def seed_regions(Region) -> None:
    def upsert(name, kind, parent=None, code=""):
        # get_or_create: running again never undoes an editor's change.
        region, _ = Region.objects.get_or_create(
            slug=slugify(name),
            defaults={"name": name, "kind": kind, "parent": parent, "code": code},
        )
        return region

    countries = {code: upsert(name, "COUNTRY", code=code) for code, name in COUNTRIES}
    nations = {
        name: upsert(name, "UK_NATION", parent=countries["GB"], code=code)
        for name, code in UK_NATIONS
    }
    for name in ENGLISH_REGIONS:
        upsert(name, "ENGLISH_REGION", parent=nations["England"])
    for code, name in US_STATES:
        # "Washington" the state, not the city; "New York" the state holds NYC.
        upsert(name, "US_STATE", parent=countries["US"], code=code)


def seed_conditions(Condition) -> None:
    by_name = {}
    for name, parent, synonyms in CONDITIONS:
        by_name[name], _ = Condition.objects.get_or_create(
            slug=slugify(name.replace("'", "")),
            defaults={"name": name, "parent": by_name.get(parent), "synonyms": synonyms},
        )


BLOOD_CANCERS = "blood cancer\nleukaemia\nleukemia\nlymphoma\nmyeloma"
BLOOD_CANCER_TERMS = [
    "blood cancers",
    "haematological cancer",
    "hematologic cancer",
    "hematological cancer",
    "haematological malignancy",
    "hematologic malignancy",
]

# (term, equivalents, kind, two_way). A starting set; editors extend it in the admin.
# (generic name, its brand names): UK brands first, then others in use.
DRUG_BRANDS = [
    ("ipilimumab", "Yervoy"),
    ("atezolizumab", "Tecentriq"),
    ("durvalumab", "Imfinzi"),
    ("avelumab", "Bavencio"),
    ("pertuzumab", "Perjeta"),
    ("trastuzumab emtansine", "Kadcyla\nT-DM1"),
    ("trastuzumab deruxtecan", "Enhertu\nT-DXd"),
    ("cetuximab", "Erbitux"),
    ("panitumumab", "Vectibix"),
    ("obinutuzumab", "Gazyvaro\nGazyva"),
    ("daratumumab", "Darzalex"),
    ("lenalidomide", "Revlimid"),
    ("bortezomib", "Velcade"),
    ("carfilzomib", "Kyprolis"),
    ("ibrutinib", "Imbruvica"),
    ("acalabrutinib", "Calquence"),
    ("zanubrutinib", "Brukinsa"),
    ("venetoclax", "Venclyxto\nVenclexta"),
    ("dasatinib", "Sprycel"),
    ("nilotinib", "Tasigna"),
    ("osimertinib", "Tagrisso"),
    ("gefitinib", "Iressa"),
    ("erlotinib", "Tarceva"),
    ("alectinib", "Alecensa"),
    ("niraparib", "Zejula"),
    ("rucaparib", "Rubraca"),
    ("ribociclib", "Kisqali"),
    ("abemaciclib", "Verzenios\nVerzenio"),
    ("anastrozole", "Arimidex"),
    ("letrozole", "Femara"),
    ("exemestane", "Aromasin"),
    ("goserelin", "Zoladex"),
    ("fulvestrant", "Faslodex"),
    ("abiraterone", "Zytiga"),
    ("enzalutamide", "Xtandi"),
    ("apalutamide", "Erleada"),
    ("darolutamide", "Nubeqa"),
    ("capecitabine", "Xeloda"),
    ("temozolomide", "Temodal\nTemodar"),
    ("paclitaxel", "Taxol"),
    ("nab-paclitaxel", "Abraxane"),
    ("docetaxel", "Taxotere"),
    ("gemcitabine", "Gemzar"),
    ("pemetrexed", "Alimta"),
    ("sorafenib", "Nexavar"),
    ("sunitinib", "Sutent"),
    ("pazopanib", "Votrient"),
    ("cabozantinib", "Cabometyx"),
    ("lenvatinib", "Lenvima"),
    ("regorafenib", "Stivarga"),
    ("dabrafenib", "Tafinlar"),
    ("trametinib", "Mekinist"),
    ("vemurafenib", "Zelboraf"),
    ("blinatumomab", "Blincyto"),
    ("inotuzumab ozogamicin", "Besponsa"),
    ("gemtuzumab ozogamicin", "Mylotarg"),
    ("brentuximab vedotin", "Adcetris"),
    ("polatuzumab vedotin", "Polivy"),
    ("tisagenlecleucel", "Kymriah"),
    ("axicabtagene ciloleucel", "Yescarta"),
    ("brexucabtagene autoleucel", "Tecartus"),
    ("zoledronic acid", "Zometa"),
    ("denosumab", "Xgeva\nProlia"),
    ("azacitidine", "Vidaza"),
    ("decitabine", "Dacogen"),
]

STAGE_4 = "stage iv\nmetastatic\nadvanced"
# Stage 3 is mostly "locally advanced" in registries; stage 2 has no other name.
STAGE_3 = "stage iii\nstage 3\nlocally advanced"
STAGE_2 = "stage ii\nstage 2"
# Registries write "relapsed" for blood cancers, "recurrent" for the others; plain
# summaries "has come back", which the search reads as "has relapsed" (indexing.reworded).
RELAPSED = "relapse\nrecurrent\nrecurrence"
# "Early prostate cancer" is how patients and CRUK say what registries call localised or
# non-metastatic (migration 0026); "localized" is read as "localised" (indexing.reworded).
# Not "stage 1": it is also the first part of a study's design.
EARLY = "localised\nnon-metastatic"
# Side effects and people as patients say them and as registries write them
# (migration 0025). Both ways where the words mean the same.
EVERYDAY_WORDS = [
    ("tiredness", "fatigue", True),
    ("hair loss", "alopecia", True),
    ("feeling sick", "nausea", True),
    ("being sick", "vomiting", True),
    ("breathlessness", "dyspnoea\ndyspnea\nshortness of breath", True),
    ("sore mouth", "mucositis\nstomatitis", True),
    ("chemo brain", "cognitive impairment\nbrain fog", True),
    ("pins and needles", "peripheral neuropathy\nneuropathy", True),
    ("older people", "older adults\nolder patients\nelderly", True),
    # One way: not every laparoscopy is keyhole surgery for cancer, nor weight loss
    # cachexia.
    ("keyhole surgery", "keyhole surgery\nlaparoscopic\nlaparoscopy\nminimally invasive", False),
    ("babies", "babies\nbaby\ninfants\ninfant\nnewborn", False),
    ("weight loss", "weight loss\ncachexia", False),
]
BRAIN_TUMOURS = (
    "brain tumour\nbrain tumor\nbrain cancer\nglioma\nglioblastoma\nastrocytoma"
    "\noligodendroglioma\nependymoma\nmedulloblastoma\nmeningioma"
)
BONE_CANCER = (
    "bone cancer\nprimary bone cancer\nbone sarcoma\nbone tumour\nbone tumor"
    "\nosteosarcoma\newing sarcoma\newing's sarcoma\nchondrosarcoma"
)
TEENAGERS = "teenager\nteenage\nadolescent\nyoung people"
COME_BACK = "come back\nrelapsed\nrelapse\nrecurrent\nrecurrence"
# Cancer that has spread, as patients say it; registries write "metastatic" or
# "advanced". One way, like "secondary".
SPREAD = "metastatic\nmetastases\nmetastasis\nmetastasised\nmetastasized\nadvanced"
# PostgreSQL stems "metastasis", "metastases", "metastasised" and "metastatic" four ways,
# so "metastasis" found 1 of the 14 metastatic trials in the shared records. Each finds
# the others, one way: "metastatic" stays as registries use it, since criteria say "no
# metastases" of a trial for cancer that has not spread (migration 0027).
METASTASES = [
    ("metastasis", "metastatic\nmetastases\nmetastasised"),
    ("metastases", "metastatic\nmetastasis\nmetastasised"),
    ("metastasised", "metastatic\nmetastases\nmetastasis"),
]
# Cancer that has spread to an organ is named after the organ by patients ("secondary
# liver cancer") and by the place it spread to in registries ("liver metastases"). As
# phrases, not as "secondary" and "liver", which found primary liver cancer.
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
# Kinds of treatment, as patients search for them, and the drugs of each kind that trial
# titles and treatment lists name instead: generic names only, as each name is one more
# term to rank every match by. One way: "nivolumab" must not find every immunotherapy
# trial.
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
# Breast cancer by its receptors, as phrases: "HER2 positive" as two words found the
# HER2-negative trials for hormone receptor positive cancer (migration 0021).
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


# What letters, registries and nurses shorten, and the names in full. One way: as a
# key, a phrase such as "colorectal cancer" would be searched as that phrase alone, not
# as "colorectal" (and its synonyms bowel, colon, rectal) and "cancer" (migration 0022).
# Whole words for SQLite, which does not stem "transplantation".
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
ABBREVIATIONS = [
    ("glioblastoma multiforme", "glioblastoma\nGBM"),
    ("RCC", "renal cell carcinoma\nrenal cell cancer\nkidney cancer"),
    ("CRC", "colorectal\nbowel cancer\ncolon cancer\nrectal cancer"),
    ("MPN", "myeloproliferative"),
    ("MDS", "myelodysplastic\nmyelodysplasia"),
    ("DCIS", "ductal carcinoma in situ"),
    ("PDAC", "pancreatic ductal adenocarcinoma"),
    *[
        (term, STEM_CELL_TRANSPLANT)
        for term in ("stem cell transplant", "bone marrow transplant", "HSCT")
    ],
    *[(term, STEREOTACTIC) for term in ("stereotactic radiotherapy", "SABR", "SBRT")],
    *[(term, YOUNG_ADULTS) for term in ("TYA", "AYA", "teenagers and young adults")],
]
# Kinds of targeted drug, as letters and nurses name them, and the drugs of each kind.
DRUG_KINDS = [
    ("PARP inhibitor", "PARP inhibitor\nolaparib\nniraparib\nrucaparib\ntalazoparib"),
    (
        "BTK inhibitor",
        "BTK inhibitor\nibrutinib\nacalabrutinib\nzanubrutinib\npirtobrutinib",
    ),
    *[
        (term, "CDK4/6 inhibitor\npalbociclib\nribociclib\nabemaciclib")
        for term in ("CDK4/6 inhibitor", "CDK 4/6 inhibitor", "CDK inhibitor")
    ],
    (
        "ALK inhibitor",
        "ALK inhibitor\ncrizotinib\nalectinib\nbrigatinib\nlorlatinib\nceritinib",
    ),
    (
        "antibody drug conjugate",
        "antibody drug conjugate\ntrastuzumab deruxtecan\ntrastuzumab emtansine"
        "\nsacituzumab govitecan\ndatopotamab deruxtecan\nenfortumab vedotin"
        "\nbrentuximab vedotin\npolatuzumab vedotin\ntisotumab vedotin"
        "\ninotuzumab ozogamicin\ngemtuzumab ozogamicin\nbelantamab mafodotin"
        "\nmirvetuximab soravtansine",
    ),
    (
        "bispecific antibody",
        "bispecific antibody\nblinatumomab\nglofitamab\nepcoritamab\nmosunetuzumab"
        "\nteclistamab\nelranatamab\ntalquetamab\ntarlatamab",
    ),
]
# More brand names on medicine boxes, for drugs in trials now (migration 0022).
MORE_DRUG_BRANDS = [
    ("cemiplimab", "Libtayo"),
    ("dostarlimab", "Jemperli"),
    ("tremelimumab", "Imjudo"),
    ("relatlimab", "Opdualag"),
    ("sacituzumab govitecan", "Trodelvy"),
    ("enfortumab vedotin", "Padcev"),
    ("talazoparib", "Talzenna"),
    ("pirtobrutinib", "Jaypirca"),
    ("bosutinib", "Bosulif"),
    ("ponatinib", "Iclusig"),
    ("ixazomib", "Ninlaro"),
    ("pomalidomide", "Imnovid\nPomalyst"),
    ("isatuximab", "Sarclisa"),
    ("larotrectinib", "Vitrakvi"),
    ("entrectinib", "Rozlytrek"),
    ("crizotinib", "Xalkori"),
    ("brigatinib", "Alunbrig"),
    ("lorlatinib", "Lorviqua\nLorbrena"),
    ("sotorasib", "Lumykras\nLumakras"),
    ("midostaurin", "Rydapt"),
    ("gilteritinib", "Xospata"),
    ("glofitamab", "Columvi"),
    ("epcoritamab", "Tepkinly\nEpkinly"),
    ("teclistamab", "Tecvayli"),
    ("dinutuximab beta", "Qarziba"),
    ("ciltacabtagene autoleucel", "Carvykti"),
    ("idecabtagene vicleucel", "Abecma"),
    ("lisocabtagene maraleucel", "Breyanzi"),
]

# A cancer named by its organ, as a phrase: as two words, "liver cancer" found every
# trial with "liver" and "cancer" anywhere (a leukaemia trial's "hepatic" toxicity,
# "kidney disease", an "injection under the skin"). The phrases name the cancer as
# trials' cancer types, MeSH terms and registry titles do (migration 0023).
ORGAN_CANCERS = [
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


SYNONYMS = [
    ("bowel", "colorectal\ncolon\nrectal\nrectum", "LAY_MEDICAL", True),
    ("womb", "uterine\nuterus\nendometrial\nendometrium", "LAY_MEDICAL", True),
    ("blood cancer", "leukaemia\nleukemia\nlymphoma\nmyeloma", "BROADER", False),
    # What letters and registries call blood cancers (added by migration 0011).
    *[(term, BLOOD_CANCERS, "BROADER", False) for term in BLOOD_CANCER_TERMS],
    ("NSCLC", "non-small cell lung cancer\nnon small cell lung", "ABBREVIATION", True),
    ("SCLC", "small cell lung cancer", "ABBREVIATION", True),
    ("gullet", "oesophageal\noesophagus\nesophageal\nesophagus", "LAY_MEDICAL", True),
    ("stomach", "gastric", "LAY_MEDICAL", True),
    ("kidney", "renal", "LAY_MEDICAL", True),
    ("liver", "hepatic\nhepatocellular", "LAY_MEDICAL", True),
    ("skin", "cutaneous\ndermal", "LAY_MEDICAL", True),
    # One way: "glioblastoma" must not find every trial that says "brain" (migration 0018).
    ("brain", "glioma\nglioblastoma\ncerebral", "LAY_MEDICAL", False),
    # As phrases these name the cancers: "brain tumour" is not every mention of the brain,
    # nor "bone cancer" of bone marrow (migration 0018).
    *[
        (term, BRAIN_TUMOURS, "LAY_MEDICAL", False)
        for term in ("brain tumour", "brain tumor", "brain cancer")
    ],
    *[
        (term, BONE_CANCER, "LAY_MEDICAL", False)
        for term in ("bone cancer", "bone tumour", "bone tumor")
    ],
    # How people say it; registries write "paediatric" and "adolescent" (migration 0018).
    ("kids", "children\nchild\nchildhood\npaediatric\npediatric", "LAY_MEDICAL", False),
    *[
        (term, TEENAGERS, "LAY_MEDICAL", False)
        for term in ("teenagers", "teenager", "teenage", "teens")
    ],
    *[(term, equivalents, "LAY_MEDICAL", False) for term, equivalents in ORGAN_CANCERS],
    ("breast", "mammary", "LAY_MEDICAL", True),
    # Not "oral" alone: mostly how a drug is taken (migration 0016).
    ("mouth", "oral cavity\noral cancer", "LAY_MEDICAL", True),
    ("throat", "pharyngeal\nlaryngeal\npharynx\nlarynx", "LAY_MEDICAL", True),
    ("lung", "pulmonary", "LAY_MEDICAL", True),
    ("bladder", "urothelial", "LAY_MEDICAL", True),
    ("radiotherapy", "radiation therapy\nradiation", "LAY_MEDICAL", True),
    # One way, with the kinds written as one word (migration 0018).
    (
        "chemo",
        "chemotherapy\nchemoradiotherapy\nchemoradiation\nchemoimmunotherapy",
        "LAY_MEDICAL",
        False,
    ),
    ("chemotherapy", "chemo", "LAY_MEDICAL", False),
    # Plain-language summaries say "come back"; registries "relapsed" (migration 0018).
    *[(term, COME_BACK, "LAY_MEDICAL", False) for term in ("come back", "came back")],
    # Breast cancer by its receptors, as phrases (migration 0021).
    ("her2 positive", HER2_POSITIVE, "LAY_MEDICAL", False),
    ("her2 negative", HER2_NEGATIVE, "LAY_MEDICAL", False),
    ("hormone receptor positive", HORMONE_RECEPTOR_POSITIVE, "LAY_MEDICAL", False),
    ("hormone positive", HORMONE_RECEPTOR_POSITIVE, "LAY_MEDICAL", False),
    ("er positive", ER_POSITIVE, "LAY_MEDICAL", False),
    ("oestrogen receptor positive", ER_POSITIVE, "LAY_MEDICAL", False),
    ("triple negative", TRIPLE_NEGATIVE, "LAY_MEDICAL", False),
    # Kinds of treatment find the drugs of that kind (migration 0020).
    ("immunotherapy", IMMUNOTHERAPY, "BROADER", False),
    *[
        (term, HORMONE_THERAPY, "BROADER", False)
        for term in ("hormone therapy", "hormonal therapy", "hormone treatment")
    ],
    # "Cancer that has spread", and where to (migration 0019).
    ("spread", SPREAD, "LAY_MEDICAL", False),
    *[(term, others, "LAY_MEDICAL", False) for term, others in METASTASES],
    *[
        (term, SECONDARIES[organ], "LAY_MEDICAL", False)
        for organ, terms in SECONDARY_TERMS.items()
        for term in (*terms, *_organ_terms(organ))
    ],
    # One way: registry text says "secondary" for outcomes, not only for spread cancer.
    ("secondary", "metastatic\nadvanced", "LAY_MEDICAL", False),
    # How patients say it; registries write "stage IV" or "metastatic" (migration 0017).
    ("stage 4", STAGE_4, "LAY_MEDICAL", False),
    ("stage four", STAGE_4, "LAY_MEDICAL", False),
    # Stages 3 and 2, and relapsed or recurrent both ways (migration 0024).
    *[(term, STAGE_3, "LAY_MEDICAL", False) for term in ("stage 3", "stage three")],
    *[(term, STAGE_2, "LAY_MEDICAL", False) for term in ("stage 2", "stage two")],
    ("relapsed", RELAPSED, "LAY_MEDICAL", True),
    # One way: "early" also begins "early phase" and "early menopause".
    ("early", EARLY, "LAY_MEDICAL", False),
    *[(term, same, "LAY_MEDICAL", two_way) for term, same, two_way in EVERYDAY_WORDS],
    # Glioblastoma's letters, both ways: some registry records say only "GBM"
    # (migration 0022).
    ("GBM", "glioblastoma", "ABBREVIATION", True),
    *[(term, full, "ABBREVIATION", False) for term, full in ABBREVIATIONS],
    *[(term, drugs, "BROADER", False) for term, drugs in DRUG_KINDS],
    ("imatinib", "Glivec\nGleevec\nSTI571\nSTI-571\nimatinib mesylate", "DRUG", True),
    ("trastuzumab", "Herceptin", "DRUG", True),
    ("pembrolizumab", "Keytruda\nMK-3475", "DRUG", True),
    ("nivolumab", "Opdivo", "DRUG", True),
    ("bevacizumab", "Avastin", "DRUG", True),
    ("tamoxifen", "Nolvadex", "DRUG", True),
    ("olaparib", "Lynparza", "DRUG", True),
    ("palbociclib", "Ibrance", "DRUG", True),
    ("rituximab", "MabThera\nRituxan", "DRUG", True),
    # Brand names patients read on their medicine boxes (added by migration 0015).
    *[(generic, brands, "DRUG", True) for generic, brands in DRUG_BRANDS],
    *[(generic, brands, "DRUG", True) for generic, brands in MORE_DRUG_BRANDS],
    ("tumour", "tumor", "SPELLING", True),
    ("leukaemia", "leukemia", "SPELLING", True),
    ("oesophageal", "esophageal", "SPELLING", True),
    ("haematological", "hematologic\nhematological", "SPELLING", True),
    ("haematology", "hematology", "SPELLING", True),
    ("anaemia", "anemia", "SPELLING", True),
    ("paediatric", "pediatric", "SPELLING", True),
    ("oestrogen", "estrogen", "SPELLING", True),
    ("randomised", "randomized", "SPELLING", True),
    ("tumours", "tumors", "SPELLING", True),
    ("haemoglobin", "hemoglobin", "SPELLING", True),
    # British and American words that no spelling rule turns into each other (added by
    # migration 0014; search.american_spelling covers anaemia, oedema, tumour and so on).
    ("hot flushes", "hot flashes", "SPELLING", True),
    ("paracetamol", "acetaminophen", "DRUG", True),
    ("ciclosporin", "cyclosporine\ncyclosporin", "DRUG", True),
    ("oncology", "cancer", "LAY_MEDICAL", False),
]


def seed_synonyms(Synonym) -> None:
    add_synonyms(Synonym, SYNONYMS)


def add_one_way_synonyms(Synonym, rows: list[tuple[str, str]], kind: str) -> None:
    """For a migration that adds synonyms: new rows only, one way."""
    add_synonyms(Synonym, [(term, equivalents, kind, False) for term, equivalents in rows])


def add_synonyms(Synonym, rows: list[tuple[str, str, str, bool]]) -> None:
    """For a migration that adds synonyms: new rows only. A term an editor already added
    keeps their version."""
    for term, equivalents, kind, two_way in rows:
        Synonym.objects.get_or_create(
            term=term, defaults={"equivalents": equivalents, "kind": kind, "two_way": two_way}
        )


def remove_added_synonyms(Synonym, rows: list[tuple[str, str]]) -> None:
    """Undoes add_one_way_synonyms: only the rows still as it wrote them."""
    for term, equivalents in rows:
        Synonym.objects.filter(term=term, equivalents=equivalents).delete()
