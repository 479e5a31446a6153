"""Demo content as data: the two seed trials written from their source pages, and
invented example trials (is_example=True) covering every status, phase and kind of trial.

`load_demo` writes these specs to the database. A spec is a dict with the trial's own
"fields" plus its "conditions" (slugs), "interventions", "identifiers", "organisations"
and "sites". The invented trials are kept as compact rows and expanded by helpers here.
"""

from __future__ import annotations

from datetime import date

from django.utils.text import slugify

from trialfinder.trials.models import (
    Intervention,
    Phase,
    Publication,
    Sex,
    Source,
    Status,
    StudyType,
    TrialType,
)

SPONSOR, COLLABORATOR, FUNDER = "SPONSOR", "COLLABORATOR", "FUNDER"

# Real NHS and US hospitals. Phone numbers are in Ofcom's ranges kept for drama (0113 496
# 0xxx, 020 7946 0xxx, 01632 960xxx ...) and the US 555-01xx range, so none can ring.
# key: (facility, city, state, postcode, country, region slug, latitude, longitude, phone)
UK, US = "United Kingdom", "United States"
HOSPITALS = {
    # London
    "marsden": ("The Royal Marsden Hospital", "London", "", "SW3 6JJ", UK, "london", 51.4894, -0.1711, "020 7946 0"),
    "uclh": ("University College Hospital", "London", "", "NW1 2BU", UK, "london", 51.5246, -0.1357, "020 7946 0"),
    "guys": ("Guy's Hospital", "London", "", "SE1 9RT", UK, "london", 51.5030, -0.0870, "020 7946 0"),
    "barts": ("St Bartholomew's Hospital", "London", "", "EC1A 7BE", UK, "london", 51.5175, -0.1000, "020 7946 0"),
    "gosh": ("Great Ormond Street Hospital for Children", "London", "", "WC1N 3JH", UK, "london", 51.5224, -0.1205, "020 7946 0"),
    # South East
    "churchill": ("Churchill Hospital", "Oxford", "", "OX3 7LE", UK, "south-east", 51.7522, -1.2137, "01632 960"),
    "southampton": ("Southampton General Hospital", "Southampton", "", "SO16 6YD", UK, "south-east", 50.9329, -1.4339, "01632 960"),
    "brighton": ("Royal Sussex County Hospital", "Brighton", "", "BN2 5BE", UK, "south-east", 50.8192, -0.1179, "01632 960"),
    "reading": ("Royal Berkshire Hospital", "Reading", "", "RG1 5AN", UK, "south-east", 51.4497, -0.9620, "0118 496 0"),
    # South West
    "bristol": ("Bristol Haematology and Oncology Centre", "Bristol", "", "BS2 8ED", UK, "south-west", 51.4586, -2.5967, "0117 496 0"),
    "exeter": ("Royal Devon and Exeter Hospital", "Exeter", "", "EX2 5DW", UK, "south-west", 50.7170, -3.5061, "01632 960"),
    "derriford": ("Derriford Hospital", "Plymouth", "", "PL6 8DH", UK, "south-west", 50.4165, -4.1136, "01632 960"),
    "truro": ("Royal Cornwall Hospital", "Truro", "", "TR1 3LJ", UK, "south-west", 50.2667, -5.0934, "01632 960"),
    # East of England
    "addenbrookes": ("Addenbrooke's Hospital", "Cambridge", "", "CB2 0QQ", UK, "east-of-england", 52.1755, 0.1400, "01632 960"),
    "norwich": ("Norfolk and Norwich University Hospital", "Norwich", "", "NR4 7UY", UK, "east-of-england", 52.6180, 1.2190, "01632 960"),
    "ipswich": ("Ipswich Hospital", "Ipswich", "", "IP4 5PD", UK, "east-of-england", 52.0590, 1.1970, "01632 960"),
    # West Midlands
    "qeh": ("Queen Elizabeth Hospital Birmingham", "Birmingham", "", "B15 2GW", UK, "west-midlands", 52.4520, -1.9420, "0121 496 0"),
    "bch": ("Birmingham Children's Hospital", "Birmingham", "", "B4 6NH", UK, "west-midlands", 52.4850, -1.8940, "0121 496 0"),
    "stoke": ("Royal Stoke University Hospital", "Stoke-on-Trent", "", "ST4 6QG", UK, "west-midlands", 53.0040, -2.2130, "01632 960"),
    "coventry": ("University Hospital Coventry", "Coventry", "", "CV2 2DX", UK, "west-midlands", 52.4210, -1.4380, "01632 960"),
    # East Midlands
    "nottingham": ("Nottingham City Hospital", "Nottingham", "", "NG5 1PB", UK, "east-midlands", 52.9910, -1.1570, "0115 496 0"),
    "leicester": ("Leicester Royal Infirmary", "Leicester", "", "LE1 5WW", UK, "east-midlands", 52.6270, -1.1360, "0116 496 0"),
    "derby": ("Royal Derby Hospital", "Derby", "", "DE22 3NE", UK, "east-midlands", 52.9110, -1.5150, "01632 960"),
    # Yorkshire and the Humber
    "leeds": ("St James's University Hospital", "Leeds", "", "LS9 7TF", UK, "yorkshire-and-the-humber", 53.8070, -1.5200, "0113 496 0"),
    "leeds-children": ("Leeds Children's Hospital", "Leeds", "", "LS1 3EX", UK, "yorkshire-and-the-humber", 53.8020, -1.5520, "0113 496 0"),
    "sheffield": ("Weston Park Cancer Centre", "Sheffield", "", "S10 2SJ", UK, "yorkshire-and-the-humber", 53.3800, -1.4950, "0114 496 0"),
    "hull": ("Castle Hill Hospital", "Cottingham", "", "HU16 5JQ", UK, "yorkshire-and-the-humber", 53.7780, -0.4480, "01632 960"),
    # North West
    "christie": ("The Christie", "Manchester", "", "M20 4BX", UK, "north-west", 53.4290, -2.2300, "0161 496 0"),
    "clatterbridge": ("The Clatterbridge Cancer Centre", "Liverpool", "", "L7 8YA", UK, "north-west", 53.4090, -2.9640, "0151 496 0"),
    "rmch": ("Royal Manchester Children's Hospital", "Manchester", "", "M13 9WL", UK, "north-west", 53.4600, -2.2260, "0161 496 0"),
    "alder-hey": ("Alder Hey Children's Hospital", "Liverpool", "", "L14 5AB", UK, "north-west", 53.4200, -2.8970, "0151 496 0"),
    "preston": ("Royal Preston Hospital", "Preston", "", "PR2 9HT", UK, "north-west", 53.7910, -2.7050, "01632 960"),
    # North East
    "freeman": ("Freeman Hospital", "Newcastle upon Tyne", "", "NE7 7DN", UK, "north-east", 55.0020, -1.5930, "0191 498 0"),
    "gnch": ("Great North Children's Hospital", "Newcastle upon Tyne", "", "NE1 4LP", UK, "north-east", 54.9800, -1.6190, "0191 498 0"),
    "james-cook": ("James Cook University Hospital", "Middlesbrough", "", "TS4 3BW", UK, "north-east", 54.5520, -1.2140, "01632 960"),
    # Scotland
    "beatson": ("Beatson West of Scotland Cancer Centre", "Glasgow", "", "G12 0YN", UK, "scotland", 55.8800, -4.3380, "0141 496 0"),
    "western-general": ("Western General Hospital", "Edinburgh", "", "EH4 2XU", UK, "scotland", 55.9620, -3.2350, "0131 496 0"),
    "aberdeen": ("Aberdeen Royal Infirmary", "Aberdeen", "", "AB25 2ZN", UK, "scotland", 57.1540, -2.1370, "01632 960"),
    "ninewells": ("Ninewells Hospital", "Dundee", "", "DD1 9SY", UK, "scotland", 56.4640, -3.0380, "01632 960"),
    "rhc-glasgow": ("Royal Hospital for Children", "Glasgow", "", "G51 4TF", UK, "scotland", 55.8620, -4.3400, "0141 496 0"),
    # Wales
    "velindre": ("Velindre Cancer Centre", "Cardiff", "", "CF14 2TL", UK, "wales", 51.5160, -3.2240, "029 2018 0"),
    "singleton": ("Singleton Hospital", "Swansea", "", "SA2 8QA", UK, "wales", 51.6090, -3.9840, "01632 960"),
    "noahs-ark": ("Noah's Ark Children's Hospital for Wales", "Cardiff", "", "CF14 4XW", UK, "wales", 51.5070, -3.1900, "029 2018 0"),
    "glan-clwyd": ("Glan Clwyd Hospital", "Bodelwyddan", "", "LL18 5UJ", UK, "wales", 53.2690, -3.4960, "01632 960"),
    # Northern Ireland
    "belfast-city": ("Belfast City Hospital", "Belfast", "", "BT9 7AB", UK, "northern-ireland", 54.5870, -5.9450, "028 9649 6"),
    "altnagelvin": ("Altnagelvin Area Hospital", "Londonderry", "", "BT47 6SB", UK, "northern-ireland", 54.9920, -7.2930, "028 9649 6"),
    "rbhsc": ("Royal Belfast Hospital for Sick Children", "Belfast", "", "BT12 6BE", UK, "northern-ireland", 54.5950, -5.9540, "028 9649 6"),
    # Ireland and the United States
    "st-james-dublin": ("St James's Hospital", "Dublin", "", "D08 NHY1", "Ireland", "ireland", 53.3415, -6.2950, ""),
    "md-anderson": ("University of Texas MD Anderson Cancer Center", "Houston", "Texas", "77030", US, "texas", 29.7604, -95.3698, "713-555-01"),
    "msk": ("Memorial Sloan Kettering Cancer Center", "New York", "New York", "10065", US, "new-york", 40.7128, -74.0060, "212-555-01"),
    "dana-farber": ("Dana-Farber Cancer Institute", "Boston", "Massachusetts", "02215", US, "massachusetts", 42.3601, -71.0589, "617-555-01"),
    "fred-hutch": ("Fred Hutchinson Cancer Center", "Seattle", "Washington", "98109", US, "washington", 47.6062, -122.3321, "206-555-01"),
    "mayo": ("Mayo Clinic", "Rochester", "Minnesota", "55905", US, "minnesota", 44.0121, -92.4802, "507-555-01"),
    "ucsf": ("UCSF Helen Diller Family Comprehensive Cancer Center", "San Francisco", "California", "94158", US, "california", 37.7749, -122.4194, "415-555-01"),
    "hopkins": ("Johns Hopkins Kimmel Cancer Center", "Baltimore", "Maryland", "21287", US, "maryland", 39.2904, -76.6122, "410-555-01"),
    "st-jude": ("St. Jude Children's Research Hospital", "Memphis", "Tennessee", "38105", US, "tennessee", 35.1495, -90.0490, "901-555-01"),
}  # fmt: skip

# name: (kind, other names one per line)
D, B, R, P = (
    Intervention.Kind.DRUG,
    Intervention.Kind.BIOLOGICAL,
    Intervention.Kind.RADIATION,
    Intervention.Kind.PROCEDURE,
)
INTERVENTIONS = {
    "imatinib": (D, "Glivec\nGleevec\nSTI571\nimatinib mesylate"),
    "venetoclax": (D, "Venclyxto\nVenclexta\nABT-199"),
    "azacitidine": (D, "Vidaza\n5-azacytidine"),
    "osimertinib": (D, "Tagrisso\nAZD9291"),
    "palbociclib": (D, "Ibrance\nPD-0332991"),
    "fulvestrant": (D, "Faslodex"),
    "pembrolizumab": (B, "Keytruda\nMK-3475"),
    "carboplatin": (D, "Paraplatin"),
    "paclitaxel": (D, "Taxol"),
    "faecal immunochemical test": (Intervention.Kind.DIAGNOSTIC_TEST, "FIT\nhome bowel screening kit"),
    "hypofractionated radiotherapy": (R, "shorter course radiotherapy\nSABR"),
    "prostate MRI scan": (Intervention.Kind.DIAGNOSTIC_TEST, "biparametric MRI\nbpMRI"),
    "niraparib": (D, "Zejula\nMK-4827"),
    "HPV self-sampling kit": (Intervention.Kind.DEVICE, "self-collected vaginal swab\nHPV home test"),
    "dostarlimab": (B, "Jemperli\nTSR-042"),
    "nivolumab": (B, "Opdivo\nBMS-936558"),
    "relatlimab": (B, "BMS-986016"),
    "nicotinamide": (Intervention.Kind.DIETARY_SUPPLEMENT, "vitamin B3\nniacinamide"),
    "dinutuximab beta": (B, "Qarziba\nch14.18/CHO"),
    "topotecan": (D, "Hycamtin"),
    "cyclophosphamide": (D, "Endoxana"),
    "minimal residual disease test": (Intervention.Kind.DIAGNOSTIC_TEST, "MRD test"),
    "ketogenic diet": (Intervention.Kind.DIETARY_SUPPLEMENT, "modified ketogenic diet\nlow carbohydrate diet"),
    "TF-2291": (D, "brain-penetrant PI3K inhibitor"),
    "FOLFIRINOX": (D, "folinic acid, fluorouracil, irinotecan and oxaliplatin\nmFOLFIRINOX"),
    "TF-1107": (D, "KRAS G12D inhibitor"),
    "prehabilitation exercise programme": (Intervention.Kind.BEHAVIORAL, "prehab\nexercise before surgery"),
    "HIPEC": (P, "hyperthermic intraperitoneal chemotherapy\nheated chemotherapy"),
    "cabozantinib": (D, "Cabometyx\nXL184"),
    "blue light cystoscopy": (Intervention.Kind.DEVICE, "photodynamic diagnosis\nPDD\nhexaminolevulinate cystoscopy"),
    "selective internal radiation therapy": (R, "SIRT\nradioembolisation\nY-90 microspheres"),
    "atezolizumab": (B, "Tecentriq\nMPDL3280A"),
    "BCMA CAR T-cell therapy": (B, "CAR-T\nchimeric antigen receptor T cells"),
    "brentuximab vedotin": (B, "Adcetris\nSGN-35"),
    "glofitamab": (B, "Columvi\nRG6026"),
    "ibrutinib": (D, "Imbruvica\nPCI-32765"),
    "stopping TKI treatment": (Intervention.Kind.OTHER, "treatment-free remission\nTKI discontinuation"),
    "proton beam therapy": (R, "PBT\nproton therapy"),
    "intensity-modulated radiotherapy": (R, "IMRT"),
    "radioactive iodine": (R, "I-131\nradioiodine ablation"),
    "remote follow-up": (Intervention.Kind.OTHER, "telephone follow-up\nvirtual clinic"),
    "oncolytic virus TF-V3": (Intervention.Kind.GENETIC, "TF-V3\noncolytic herpes virus"),
    "regorafenib": (D, "Stivarga\nBAY 73-4506"),
    "preoperative radiotherapy": (R, "radiotherapy before surgery"),
    "chemoradiotherapy": (R, "chemoradiation\nmitomycin and capecitabine with radiotherapy"),
    "tarlatamab": (B, "AMG 757"),
    "low-dose CT scan": (Intervention.Kind.DIAGNOSTIC_TEST, "LDCT\nlung health check"),
    "anastrozole": (D, "Arimidex"),
    "aspirin": (D, "acetylsalicylic acid"),
    "fatigue self-management app": (Intervention.Kind.DEVICE, "digital fatigue programme"),
    "cell-free DNA methylation test": (Intervention.Kind.DIAGNOSTIC_TEST, "cfDNA test\nliquid biopsy"),
    "larotrectinib": (D, "Vitrakvi\nLOXO-101"),
    "imiquimod cream": (D, "Aldara\nZyclara"),
    "Mohs surgery": (P, "Mohs micrographic surgery"),
    "benzydamine mouthwash": (D, "Difflam"),
    "olaparib": (D, "Lynparza\nAZD2281"),
    "surgery": (P, ""),
    "capecitabine": (D, "Xeloda"),
    "teclistamab": (B, "Tecvayli\nJNJ-64007957"),
    "trastuzumab deruxtecan": (B, "Enhertu\nT-DXd\nDS-8201"),
    "tumour-treating fields": (Intervention.Kind.DEVICE, "TTFields\nOptune"),
    "acupuncture": (Intervention.Kind.PROCEDURE, ""),
}  # fmt: skip

ORGANISATION_SHORT_NAMES = {
    "Cancer Research UK": "CRUK",
    "National Institute for Health and Care Research": "NIHR",
    "The Institute of Cancer Research": "ICR",
    "University College London": "UCL",
    "Experimental Cancer Medicine Centre": "ECMC",
    "Children's Cancer and Leukaemia Group": "CCLG",
    "European Organisation for Research and Treatment of Cancer": "EORTC",
    "National Cancer Institute": "NCI",
}


# Research networks support trials rather than fund them.
NETWORKS = {"Experimental Cancer Medicine Centre", "Children's Cancer and Leukaemia Group"}


def months(years: int | None) -> int | None:
    return None if years is None else years * 12


def _date(value: str | None) -> date | None:
    """'2024-03' is the first of the month; '2024-03-15' a given day."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")] + [1]
    return date(parts[0], parts[1], parts[2])


# Statuses whose end date and enrolment are still targets, not facts.
_STILL_RUNNING = {
    Status.RECRUITING,
    Status.NOT_YET_RECRUITING,
    Status.ENROLLING_BY_INVITATION,
    Status.SUSPENDED,
    Status.UNKNOWN,
}


# ---------------------------------------------------------------------------------------
# Seed trials, written faithfully from their source pages (/work/shared/seeds/).
# ---------------------------------------------------------------------------------------

SEED_EORTC_62027 = {
    "fields": {
        "slug": "imatinib-glivec-soft-tissue-sarcoma-of-the-skin-eortc-62027",
        "title": "A trial of imatinib (Glivec) for soft tissue sarcoma of the skin (EORTC 62027)",
        "summary": (
            "This trial looked at imatinib (Glivec) for 2 rare types of soft tissue sarcoma of "
            "the skin. These are called **dermatofibrosarcoma protuberans (DFSP)** and "
            "**giant cell fibroblastoma (GCF)**.\n\n"
            "Doctors usually remove DFSP and GCF with surgery. But sometimes they are not able "
            "to remove the whole area of sarcoma, or the cancer may start to grow again after "
            "the operation. These sarcomas can sometimes spread to another part of the body, "
            "although this is rare. If cancer continues to grow or spreads, it is often more "
            "difficult to treat.\n\n"
            "The aims of this trial were to find out:\n\n"
            "- how well imatinib worked for DFSP and GCF\n"
            "- more about the side effects"
        ),
        "more_about": (
            "Imatinib (Glivec) is a type of treatment called a **tyrosine kinase inhibitor "
            "(TKI)**. It blocks enzymes called tyrosine kinases, which are part of the system "
            "that tells a cell to grow. If tyrosine kinases could be stopped from working in "
            "cancer cells, the cells should stop growing and dividing.\n\n"
            "The research team hoped that imatinib would work on cells that contain a specific "
            "protein, called COL1A1/PDGF. This protein is found in DFSP and GCF cells.\n\n"
            "Imatinib has been shown to work well for some other cancers, such as "
            "gastrointestinal stromal tumours (GIST) and chronic myeloid leukaemia (CML). But "
            "the researchers were not sure how well it would work for these rare types of "
            "sarcoma of the skin."
        ),
        "who_can_join": (
            "This trial has closed. It was for people who had:\n\n"
            "- dermatofibrosarcoma protuberans (DFSP) or giant cell fibroblastoma (GCF), and\n"
            "- sarcoma that surgery could not completely remove, or that had come back after "
            "surgery or spread to another part of the body"
        ),
        "what_is_involved": (
            "Everyone taking part had imatinib.\n\n"
            "After 14 weeks of treatment the researchers checked how the cancer had responded."
        ),
        "results_summary": (
            "When the trial closed, it had recruited only people with dermatofibrosarcoma "
            "protuberans (DFSP). The trial team found that DFSP responded well to imatinib.\n\n"
            "This trial recruited 16 people. Everyone had imatinib.\n\n"
            "After 14 weeks of treatment, the researchers were able to assess how the cancer "
            "had responded in 14 of the 16 people. Of these people, their cancer had:\n\n"
            "- shrunk in 5\n"
            "- stayed the same in 6\n"
            "- continued to grow in 3\n\n"
            "The average amount of time it took for the DFSP to start growing again was over "
            "1 and a half years.\n\n"
            "The trial team concluded that imatinib worked well for people with DFSP.\n\n"
            "We have based this summary on information from the team who ran the trial. The "
            "information they sent us has been reviewed by independent specialists (peer "
            "reviewed) and published in a medical journal. The figures we quote above were "
            "provided by the trial team. We have not analysed the data ourselves."
        ),
        "status": Status.COMPLETED,
        "has_results": True,
        "phase": Phase.PHASE2,
        "trial_type": TrialType.TREATMENT,
        "study_type": StudyType.INTERVENTIONAL,
        "sex": Sex.ALL,
        "enrolment": 16,
        "enrolment_is_estimate": False,
        "chief_investigator": "Dr Michael Leahy",
        "contact_name": "Cancer Research UK cancer information nurses",
        "contact_phone": "0808 800 4040",
        "publication": Publication.PUBLISHED,
        "source": Source.MANUAL,
        "last_reviewed": date(2026, 10, 12),
        "is_example": False,
    },
    "conditions": ["sarcoma", "soft-tissue-sarcoma"],
    "interventions": ["imatinib"],
    "identifiers": [("ORG", "EORTC 62027"), ("CRUK", "Oracle 732")],
    "organisations": [
        ("European Organisation for Research and Treatment of Cancer", COLLABORATOR),
        ("Experimental Cancer Medicine Centre", COLLABORATOR),
    ],
    "sites": [],
}

_NCT00031915_ELIGIBILITY = """\
- Histologically or cytologically confirmed metastatic or unresectable locally advanced (stage IV or recurrent) soft tissue or bone sarcoma
  - Eligible subtypes:
    - Ewing's family (e.g., primitive neuroectodermal tumor)
    - Osteosarcoma
    - Synovial sarcoma
    - Rhabdomyosarcoma (e.g., alveolar, embryonal, or pleomorphic)
    - Liposarcoma (all variants)
    - Malignant fibrous histiocytoma
    - Peripheral nerve sheath (e.g., malignant peripheral nerve sheath tumor, neurofibrosarcoma, or schwannoma)
    - Fibrosarcoma
    - Angiosarcoma (all variants)
  - Failed standard therapy with no available salvage regimens
- Unidimensionally measurable target lesions by x-ray, CT scan, MRI, PET, or physical examination
  - Must be outside prior irradiation fields or have documented disease progression at least 6 weeks after completion of prior radiotherapy

- 10 and over

Performance status:

- Not specified

Life expectancy:

- Not specified

- Not specified

- Bilirubin no greater than 3 times upper limit of normal (ULN)
- ALT and AST less than 2.5 times ULN

- Creatinine less than 1.5 times ULN

- Not pregnant or nursing
- Negative pregnancy test
- Fertile patients must use effective barrier contraception during and for at least 1 week after study participation for female patients and for at least 3 months after study participation for male patients

Biologic therapy:

- Not specified

- Not specified

Endocrine therapy:

- No hormonal birth control

- See Disease Characteristics
- At least 3 weeks since prior radiotherapy and recovered

- Not specified

- At least 28 days since any prior systemic therapy
"""

SEED_NCT00031915 = {
    "fields": {
        "slug": "imatinib-mesylate-advanced-soft-tissue-or-bone-sarcoma-nct00031915",
        "title": (
            "Imatinib mesylate in treating patients with advanced soft tissue sarcoma or "
            "bone sarcoma"
        ),
        "official_title": (
            "Phase II Trial of Gleevec (Formerly Known as STI571) in Patients With Soft Tissue "
            "and Bone Sarcomas: A Multi-Disciplinary Trial of the North American Sarcoma Study "
            "Group of the Connective Tissue Oncology Society"
        ),
        "summary": (
            "*This is our plain English summary of the registry record on "
            "ClinicalTrials.gov (NCT00031915).*\n\n"
            "This trial looked at imatinib (Glivec) for people with soft tissue sarcoma or bone "
            "sarcoma that had spread, or that had grown into nearby tissue and could not be "
            "removed with surgery. Imatinib is a targeted drug. It may stop cancer cells "
            "growing by blocking proteins (enzymes) the cells need to grow.\n\n"
            "The researchers wanted to find out how many people's cancer got smaller with "
            "imatinib, and more about its side effects. It took place in the United States "
            "and has now finished."
        ),
        "who_can_join": (
            "This trial has closed. It was for people aged 10 or over who had:\n\n"
            "- one of several types of soft tissue or bone sarcoma, such as osteosarcoma, "
            "Ewing's sarcoma, synovial sarcoma, rhabdomyosarcoma or liposarcoma\n"
            "- sarcoma that had spread or could not be removed with surgery\n"
            "- already had standard treatment that had stopped working\n\n"
            "People could not take part if they were pregnant or breastfeeding."
        ),
        "what_is_involved": (
            "Everyone had imatinib as tablets twice a day. Treatment carried on for up to a "
            "year, as long as the cancer did not grow and the side effects were manageable."
        ),
        "brief_summary": (
            "RATIONALE: Imatinib mesylate may stop the growth of tumor cells by blocking the "
            "enzymes necessary for cancer cell growth.\n\n"
            "PURPOSE: Phase II trial to study the effectiveness of imatinib mesylate in "
            "treating patients who have metastatic or unresectable locally advanced soft "
            "tissue sarcoma or bone sarcoma."
        ),
        "detailed_description": (
            "- Determine the efficacy of imatinib mesylate, as measured by response rate, in "
            "patients with metastatic or unresectable locally advanced soft tissue or bone "
            "sarcoma who have failed one or more prior treatment regimens.\n"
            "- Determine the clinical and laboratory toxic effects of this drug in these "
            "patients.\n\n"
            "OUTLINE: This is a multicenter study. Patients are stratified according to "
            "disease subtype.\n\n"
            "Patients receive oral imatinib mesylate twice daily. Treatment continues for 1 "
            "year in the absence of disease progression or unacceptable toxicity.\n\n"
            "PROJECTED ACCRUAL: A total of 60-120 patients (6-12 per stratum) will be accrued "
            "for this study."
        ),
        "eligibility_criteria": _NCT00031915_ELIGIBILITY,
        "inclusion_criteria": "\n".join(
            [
                "Histologically or cytologically confirmed metastatic or unresectable locally "
                "advanced (stage IV or recurrent) soft tissue or bone sarcoma",
                "Eligible subtypes: Ewing's family (e.g., primitive neuroectodermal tumor), "
                "osteosarcoma, synovial sarcoma, rhabdomyosarcoma (e.g., alveolar, embryonal, "
                "or pleomorphic), liposarcoma (all variants), malignant fibrous histiocytoma, "
                "peripheral nerve sheath (e.g., malignant peripheral nerve sheath tumor, "
                "neurofibrosarcoma, or schwannoma), fibrosarcoma, angiosarcoma (all variants)",
                "Failed standard therapy with no available salvage regimens",
                "Unidimensionally measurable target lesions by x-ray, CT scan, MRI, PET, or "
                "physical examination",
                "Target lesions must be outside prior irradiation fields or have documented "
                "disease progression at least 6 weeks after completion of prior radiotherapy",
                "Age: 10 and over",
                "Bilirubin no greater than 3 times upper limit of normal (ULN)",
                "ALT and AST less than 2.5 times ULN",
                "Creatinine less than 1.5 times ULN",
                "Negative pregnancy test",
                "Fertile patients must use effective barrier contraception during and for at "
                "least 1 week after study participation for female patients and for at least "
                "3 months after study participation for male patients",
                "At least 3 weeks since prior radiotherapy and recovered",
                "At least 28 days since any prior systemic therapy",
            ]
        ),
        "exclusion_criteria": "Pregnant or nursing\nHormonal birth control",
        "status": Status.COMPLETED,
        "has_results": False,
        "phase": Phase.PHASE2,
        "trial_type": TrialType.TREATMENT,
        "study_type": StudyType.INTERVENTIONAL,
        "min_age_months": 120,
        "max_age_months": None,
        "sex": Sex.ALL,
        "healthy_volunteers": False,
        "start_date": date(2002, 6, 1),
        "end_date": date(2007, 5, 1),
        "end_date_is_estimate": False,
        "chief_investigator": "Lee J. Helman, MD",
        "chief_investigator_affiliation": "National Cancer Institute (NCI)",
        "contact_url": "https://clinicaltrials.gov/study/NCT00031915",
        "keywords": "\n".join(
            [
                "metastatic osteosarcoma",
                "recurrent childhood rhabdomyosarcoma",
                "recurrent osteosarcoma",
                "embryonal childhood rhabdomyosarcoma",
                "alveolar childhood rhabdomyosarcoma",
                "pleomorphic childhood rhabdomyosarcoma",
                "metastatic childhood soft tissue sarcoma",
                "recurrent childhood soft tissue sarcoma",
                "childhood fibrosarcoma",
                "childhood synovial sarcoma",
                "childhood liposarcoma",
                "childhood alveolar soft-part sarcoma",
                "childhood neurofibrosarcoma",
                "childhood angiosarcoma",
                "childhood malignant fibrous histiocytoma of bone",
                "previously treated childhood rhabdomyosarcoma",
                "metastatic Ewing sarcoma/peripheral primitive neuroectodermal tumor",
                "recurrent Ewing sarcoma/peripheral primitive neuroectodermal tumor",
                "fibrosarcomatous osteosarcoma",
            ]
        ),
        "mesh_terms": "\n".join(
            [
                "Histiocytoma, Benign Fibrous",
                "Histiocytoma, Malignant Fibrous",
                "Neoplasms, Connective and Soft Tissue",
                "Neoplasms by Histologic Type",
                "Neoplasms, Bone Tissue",
                "Neoplasms, Connective Tissue",
                "Neoplasms, Fibrous Tissue",
                "Imatinib Mesylate",
                "Antineoplastic Agents",
                "Protein Kinase Inhibitors",
                "Enzyme Inhibitors",
                "Molecular Mechanisms of Pharmacological Action",
            ]
        ),
        "publication": Publication.PUBLISHED,
        "source": Source.REGISTRY,
        "registry_last_updated": date(2013, 6, 19),
        "last_reviewed": date(2026, 10, 12),
        "is_example": False,
    },
    "conditions": ["soft-tissue-sarcoma", "bone-sarcoma"],
    "interventions": ["imatinib"],
    "identifiers": [
        ("NCT", "NCT00031915"),
        ("OBSOLETE", "NCT00029094"),
        ("OTHER", "CDR0000069239"),
    ],
    "organisations": [("National Cancer Institute", SPONSOR)],
    # The registry page lists these sites (city-centre coordinates, approximately).
    "sites": [
        {
            "facility": facility,
            "city": city,
            "state": state,
            "postcode": zip_code,
            "country": US,
            "region": slugify(state),
            "latitude": lat,
            "longitude": lon,
            "status": Status.COMPLETED,
        }
        for facility, city, state, zip_code, lat, lon in [
            (
                "Jonsson Comprehensive Cancer Center, UCLA",
                "Los Angeles",
                "California",
                "90095-1781",
                34.0522,
                -118.2437,
            ),
            (
                "Washington Hospital Center",
                "Washington",
                "District of Columbia",
                "20010",
                38.9072,
                -77.0369,
            ),
            (
                "Lutheran General Cancer Care Center",
                "Park Ridge",
                "Illinois",
                "60068",
                42.0111,
                -87.8406,
            ),
            (
                "Warren Grant Magnuson Clinical Center - NCI Clinical Studies Support",
                "Bethesda",
                "Maryland",
                "20892-1182",
                38.9847,
                -77.0947,
            ),
            (
                "Dana-Farber/Harvard Cancer Center at Dana Farber Cancer Institute",
                "Boston",
                "Massachusetts",
                "02115",
                42.3601,
                -71.0589,
            ),
            (
                "University of Michigan Comprehensive Cancer Center",
                "Ann Arbor",
                "Michigan",
                "48109-0912",
                42.2808,
                -83.7430,
            ),
            ("Mayo Clinic Cancer Center", "Rochester", "Minnesota", "55905", 44.0121, -92.4802),
            (
                "Memorial Sloan-Kettering Cancer Center",
                "New York",
                "New York",
                "10021-6007",
                40.7128,
                -74.0060,
            ),
            (
                "Herbert Irving Comprehensive Cancer Center at Columbia University",
                "New York",
                "New York",
                "10032",
                40.7128,
                -74.0060,
            ),
            (
                "University of Texas - MD Anderson Cancer Center",
                "Houston",
                "Texas",
                "77030-4009",
                29.7604,
                -95.3698,
            ),
        ]
    ],  # fmt: skip
}

SEED_TRIALS = [SEED_EORTC_62027, SEED_NCT00031915]


# ---------------------------------------------------------------------------------------
# Invented example trials. Compact rows; `example_specs()` expands them. Defaults:
# treatment, interventional, aged 18 or over, all sexes, published, funded by CRUK.
# Sites are HOSPITALS keys; "key:STATUS" gives a site its own status.
# ---------------------------------------------------------------------------------------

S, PH, TT = Status, Phase, TrialType

EXAMPLE_TRIALS = [
    {
        "title": "A trial of venetoclax and azacitidine for older people with acute myeloid leukaemia",
        "acronym": "VIVA-AML", "conditions": ["acute-myeloid-leukaemia"], "phase": PH.PHASE3,
        "status": S.RECRUITING, "ages": (65, None), "dates": ("2024-05", "2027-10"), "enrolment": 420,
        "ci": "Professor Helen Marsh", "sponsor": "University of Leeds",
        "funders": ["Blood Cancer UK"],
        "interventions": ["venetoclax", "azacitidine"],
        "sites": ["leeds", "christie", "qeh", "beatson", "belfast-city", "velindre:NOT_YET_RECRUITING"],
        "summary": "Acute myeloid leukaemia (AML) is harder to treat in older people, who may not be well enough for intensive chemotherapy.\n\nThis trial is comparing venetoclax with azacitidine against azacitidine alone. We want to find out if adding venetoclax helps people live longer and how it affects quality of life.",
        "who": "You may be able to join if you:\n\n- are 65 or older\n- have AML that has just been diagnosed\n- can't have intensive chemotherapy, or choose not to",
        "involved": "You have azacitidine as an injection under the skin for 7 days every 4 weeks. Some people also take venetoclax tablets every day.\n\nA computer decides which group you are in. You have blood tests and regular appointments at the hospital.",
    },
    {
        "title": "A trial of osimertinib before surgery for EGFR-positive non-small cell lung cancer",
        "acronym": "NEO-OSI", "conditions": ["non-small-cell-lung-cancer"], "phase": PH.PHASE2,
        "status": S.RECRUITING, "dates": ("2025-02", "2027-12"), "enrolment": 120,
        "ci": "Dr Priya Raman", "sponsor": "University College London",
        "interventions": ["osimertinib", "surgery"],
        "sites": ["uclh", "guys", "christie", "velindre", "western-general", "fred-hutch"],
        "summary": "Some lung cancers have a change in a gene called EGFR. Osimertinib is a targeted drug that works well for these cancers when they have spread.\n\nThis trial is looking at whether having osimertinib for 8 weeks before surgery makes the operation more likely to remove all the cancer.",
        "who": "You may be able to join if you:\n\n- have non-small cell lung cancer with an EGFR gene change\n- are having surgery to remove it\n- have not had treatment for this cancer yet",
        "involved": "- You take osimertinib tablets once a day for 8 weeks\n- You then have your operation as planned\n- You have CT scans before and after treatment",
    },
    {
        "title": "A trial of a treatment break from palbociclib for secondary breast cancer",
        "acronym": "PAUSE", "conditions": ["secondary-breast-cancer"], "phase": PH.PHASE3,
        "status": S.ACTIVE_NOT_RECRUITING, "sex": Sex.FEMALE, "dates": ("2022-03", "2025-09"),
        "enrolment": 612, "ci": "Professor Claire Whitfield", "sponsor": "The Institute of Cancer Research",
        "funders": ["Breast Cancer Now"],
        "interventions": ["palbociclib", "fulvestrant"],
        "sites": ["marsden", "southampton", "bristol", "nottingham", "leeds", "freeman", "aberdeen"],
        "summary": "Palbociclib is a targeted drug used with hormone therapy for secondary breast cancer. It works well but can cause tiredness and a low white blood cell count.\n\nThis trial is finding out if women whose cancer is under control can take a planned break from palbociclib without the cancer growing sooner.",
        "who": "The trial is no longer recruiting. It was for women with hormone receptor positive, HER2 negative secondary breast cancer that had been stable on palbociclib for at least a year.",
        "involved": "Half the women in the trial carry on with palbociclib. The other half take a break of up to 6 months while staying on hormone therapy.\n\nEveryone has scans every 3 months.",
    },
    {
        "title": "A trial of pembrolizumab and chemotherapy before surgery for triple negative breast cancer",
        "acronym": "TN-PREP", "conditions": ["triple-negative-breast-cancer"], "phase": PH.PHASE2,
        "status": S.RECRUITING, "sex": Sex.FEMALE, "ages": (18, 70), "dates": ("2025-06", "2028-03"),
        "enrolment": 240, "ci": "Dr Amara Okafor", "sponsor": "University of Birmingham",
        "funders": ["Cancer Research UK", "Breast Cancer Now"],
        "interventions": ["pembrolizumab", "carboplatin", "paclitaxel"],
        "sites": ["qeh", "coventry", "stoke", "leicester", "brighton", "singleton"],
        "summary": "Triple negative breast cancer doesn't have receptors for the hormones oestrogen or progesterone, or for HER2. Chemotherapy and the immunotherapy drug pembrolizumab are often given before surgery.\n\nThis trial is looking at whether a shorter course of chemotherapy with pembrolizumab works as well as the usual longer course, with fewer side effects.",
        "who": "You may be able to join if you:\n\n- are a woman aged between 18 and 70\n- have triple negative breast cancer that hasn't spread\n- are fit enough for chemotherapy",
        "involved": "You have chemotherapy and pembrolizumab through a drip for 12 or 24 weeks, and then surgery.\n\nYou fill in short questionnaires about how you feel.",
    },
    {
        "title": "A study of a lower threshold for the home bowel screening test",
        "acronym": "FIT-LOW", "conditions": ["bowel-cancer"], "phase": PH.NA, "type": TT.SCREENING,
        "status": S.RECRUITING, "ages": (50, 74), "healthy": True, "dates": ("2024-09", "2027-06"),
        "enrolment": 40000, "ci": "Professor David Hargreaves", "sponsor": "University of Southampton",
        "funders": ["National Institute for Health and Care Research"],
        "interventions": ["faecal immunochemical test"],
        "sites": ["southampton", "leeds", "norwich", "james-cook", "derriford"],
        "summary": "The NHS bowel screening programme sends people a home test kit (FIT) that looks for tiny amounts of blood in poo.\n\nThis study is finding out whether using a lower cut-off for the test finds more bowel cancers early, and how many more people would need a colonoscopy.",
        "who": "You can't ask to join this study. People aged 50 to 74 who are sent a screening kit by the NHS in the study areas may be invited. You don't need to have any symptoms.",
        "involved": "You do the home test as usual. If your result is above the new cut-off, you are offered a colonoscopy.\n\nThere are no extra visits unless you need further tests.",
    },
    {
        "title": "A trial of shorter radiotherapy for prostate cancer that has not spread",
        "acronym": "PROSPER-5", "conditions": ["prostate-cancer"], "phase": PH.PHASE3,
        "status": S.COMPLETED, "sex": Sex.MALE, "dates": ("2020-01", "2023-06"), "enrolment": 874,
        "ci": "Professor Alan Brereton", "sponsor": "The Institute of Cancer Research",
        "funders": ["Cancer Research UK", "Prostate Cancer UK"],
        "interventions": ["hypofractionated radiotherapy"],
        "sites": ["marsden", "clatterbridge", "sheffield", "addenbrookes", "western-general", "belfast-city"],
        "summary": "Radiotherapy for prostate cancer usually takes 4 weeks. Newer machines can give a higher dose more precisely in fewer treatments.\n\nThis trial compared 5 treatments over 2 weeks with the usual 20 treatments over 4 weeks.",
        "who": "The trial has closed. It was for men with prostate cancer that had not spread outside the prostate.",
        "involved": "Men had either 5 or 20 radiotherapy treatments. They had blood tests (PSA) and filled in questionnaires about side effects for 5 years.",
        "results": "The trial recruited 874 men.\n\nAfter 2 years, the cancer was under control in a similar number of men in both groups. Side effects affecting the bladder and bowel were slightly more common in the 5-treatment group in the first few months, but were similar after a year.\n\nThe trial team concluded that 5 treatments is a good option for many men. The results have been peer reviewed and published in a medical journal.",
    },
    {
        "title": "A study of MRI scans to screen men for prostate cancer",
        "acronym": "SCAN-P", "conditions": ["prostate-cancer"], "phase": PH.NA, "type": TT.SCREENING,
        "status": S.ENROLLING_BY_INVITATION, "sex": Sex.MALE, "ages": (50, 75), "healthy": True,
        "dates": ("2025-01", "2028-01"), "enrolment": 12000, "ci": "Dr Tom Adeyemi",
        "sponsor": "University College London", "funders": ["Prostate Cancer UK"],
        "interventions": ["prostate MRI scan"],
        "sites": ["uclh", "leicester", "preston", "exeter:NOT_YET_RECRUITING"],
        "summary": "There is no national screening programme for prostate cancer in the UK. The PSA blood test on its own can miss some cancers and find others that would never cause harm.\n\nThis study is looking at whether a short MRI scan is a better way to screen men for prostate cancer.",
        "who": "This study is by invitation only. GP practices taking part send letters to men aged 50 to 75 who have not had prostate cancer.",
        "involved": "- You have a 15 minute MRI scan and a PSA blood test\n- If the scan shows anything unusual, you are offered a biopsy\n- We contact you once a year for 3 years",
    },
    {
        "title": "A trial of niraparib as maintenance treatment for ovarian cancer that has come back",
        "acronym": "NIMBLE", "conditions": ["ovarian-cancer"], "phase": PH.PHASE3,
        "status": S.TERMINATED, "sex": Sex.FEMALE, "dates": ("2022-10", "2024-11"), "enrolment": 96,
        "ci": "Dr Sarah Lindqvist", "sponsor": "University of Manchester",
        "interventions": ["niraparib"],
        "why_stopped": "Stopped early because not enough people joined after treatment guidelines changed.",
        "sites": ["christie", "rmch:WITHDRAWN", "ninewells", "glan-clwyd", "altnagelvin"],
        "summary": "Niraparib is a type of drug called a PARP inhibitor. It is sometimes used after chemotherapy to keep ovarian cancer under control for longer.\n\nThis trial was looking at whether taking niraparib for a fixed 2 years works as well as taking it for as long as it keeps working.",
        "who": "The trial has closed. It was for women with ovarian, fallopian tube or primary peritoneal cancer that had come back and responded to platinum chemotherapy.",
        "involved": "Women took niraparib tablets once a day. They had a scan every 3 months.",
        "results": "The trial stopped early because fewer women joined than planned. 96 women took part.\n\nBecause the trial was small, the team could not say whether 2 years of treatment works as well as longer treatment. They have shared their findings with other research teams.",
    },
    {
        "title": "A study of self-sampling HPV tests for cervical screening",
        "acronym": "YOUR-SWAB", "conditions": ["cervical-cancer"], "phase": PH.NA, "type": TT.SCREENING,
        "status": S.COMPLETED, "sex": Sex.FEMALE, "ages": (25, 64), "healthy": True,
        "dates": ("2021-09", "2023-08"), "enrolment": 16200, "ci": "Dr Fiona Cairns",
        "sponsor": "University of Glasgow",
        "funders": ["National Institute for Health and Care Research"],
        "interventions": ["HPV self-sampling kit"],
        "sites": ["beatson", "aberdeen", "rhc-glasgow:COMPLETED", "guys", "leeds"],
        "summary": "Cervical screening tests for high risk types of HPV, the virus that causes most cervical cancers. Many people put off screening because they find it uncomfortable or hard to arrange.\n\nThis study looked at whether sending a swab kit to use at home helps more people get screened.",
        "who": "The study has closed. It invited women and people with a cervix aged 25 to 64 who were overdue for cervical screening.",
        "involved": "People used a swab at home and posted it back to the lab. Anyone with HPV was invited for a follow-up test with a nurse.",
        "results": "16,200 people took part.\n\nAbout 1 in 4 people who were sent a home kit used it, compared with about 1 in 10 who were sent a reminder letter only. The home test found HPV as well as a nurse-taken sample.\n\nThe study team recommends offering home kits to people who are overdue for screening.",
    },
    {
        "title": "A trial of dostarlimab with chemotherapy for advanced womb cancer",
        "acronym": "DOMINO", "conditions": ["womb-cancer"], "phase": PH.PHASE2_PHASE3,
        "status": S.RECRUITING, "sex": Sex.FEMALE, "dates": ("2024-11", "2028-06"), "enrolment": 380,
        "ci": "Professor Ruth Pemberton", "sponsor": "University of Birmingham",
        "interventions": ["dostarlimab", "carboplatin", "paclitaxel"],
        "sites": ["qeh", "bristol", "hull", "addenbrookes:NOT_YET_RECRUITING", "belfast-city", "st-james-dublin"],
        "summary": "Womb cancer is also called endometrial or uterine cancer. Dostarlimab is an immunotherapy drug that helps the immune system find and attack cancer cells.\n\nThis trial is looking at whether adding dostarlimab to chemotherapy helps women with advanced womb cancer live longer.",
        "who": "You may be able to join if you:\n\n- have womb cancer that has spread or come back\n- have not had chemotherapy for advanced womb cancer",
        "involved": "You have chemotherapy every 3 weeks for 6 cycles. Some people also have dostarlimab, which carries on for up to 3 years.\n\nYou have scans every 9 weeks.",
    },
    {
        "title": "A trial of nivolumab and relatlimab before surgery for melanoma",
        "acronym": "NEO-MEL", "conditions": ["melanoma"], "phase": PH.PHASE2,
        "status": S.RECRUITING, "dates": ("2025-04", "2027-09"), "enrolment": 150,
        "ci": "Dr James Fairbairn", "sponsor": "The Christie NHS Foundation Trust",
        "funders": ["Cancer Research UK", "Melanoma Focus"],
        "interventions": ["nivolumab", "relatlimab", "surgery"],
        "sites": ["christie", "churchill", "freeman", "western-general", "md-anderson", "msk"],
        "summary": "Melanoma that has spread to the lymph nodes is usually removed with surgery and then treated with immunotherapy.\n\nThis trial is looking at whether giving 2 immunotherapy drugs before surgery works better.",
        "who": "You may be able to join if you:\n\n- have melanoma that has spread to nearby lymph nodes\n- can have surgery to remove it",
        "involved": "You have nivolumab and relatlimab through a drip twice, 4 weeks apart, before your operation.\n\nAfter surgery, your team will talk to you about further treatment.",
    },
    {
        "title": "A trial of nicotinamide (vitamin B3) to prevent skin cancer in people who have had a transplant",
        "acronym": "B3-SKIN", "conditions": ["skin-cancer"], "phase": PH.PHASE3, "type": TT.PREVENTION,
        "status": S.ACTIVE_NOT_RECRUITING, "dates": ("2022-06", "2025-05"), "enrolment": 520,
        "ci": "Dr Nadia Hussain", "sponsor": "Newcastle University",
        "funders": ["National Institute for Health and Care Research"],
        "interventions": ["nicotinamide"],
        "sites": ["freeman", "addenbrookes", "leeds", "derriford", "glan-clwyd"],
        "summary": "People who have had an organ transplant take drugs that damp down the immune system. This makes non-melanoma skin cancers much more common.\n\nThis trial is finding out if taking nicotinamide, a form of vitamin B3, lowers the number of new skin cancers.",
        "who": "The trial is no longer recruiting. It was for adults with a kidney, liver or heart transplant who had had at least 2 non-melanoma skin cancers.",
        "involved": "People take nicotinamide or a dummy tablet (placebo) twice a day for a year. They have a skin check every 3 months.",
    },
    {
        "title": "A trial of dinutuximab beta with chemotherapy for children with neuroblastoma that has come back",
        "acronym": "NB-RETURN", "conditions": ["neuroblastoma"], "phase": PH.PHASE2,
        "status": S.RECRUITING, "ages": (1, 17), "dates": ("2024-02", "2028-02"), "enrolment": 90,
        "ci": "Dr Eleanor Whitcombe", "sponsor": "University of Birmingham",
        "funders": ["Cancer Research UK", "Children's Cancer and Leukaemia Group"],
        "interventions": ["dinutuximab beta", "topotecan", "cyclophosphamide"],
        "sites": ["gosh", "bch", "rmch", "leeds-children", "gnch", "rhc-glasgow", "noahs-ark", "rbhsc", "st-jude"],
        "summary": "Neuroblastoma is a rare cancer that mostly affects babies and young children. When it comes back after treatment, it can be hard to treat.\n\nThis trial is looking at whether adding an antibody called dinutuximab beta to chemotherapy helps more children's cancer shrink.",
        "who": "Your child may be able to join if they:\n\n- are between 1 and 17 years old\n- have high risk neuroblastoma that has come back or not responded to treatment",
        "involved": "Your child has chemotherapy and dinutuximab beta through a drip in hospital, in cycles of 3 weeks, for up to 6 cycles.\n\nThe team will explain each step to you and your child.",
    },
    {
        "title": "A study of a blood test for leftover leukaemia cells in children and young people with ALL",
        "acronym": "MRD-KIDS", "conditions": ["acute-lymphoblastic-leukaemia", "childrens-cancers"],
        "phase": PH.NA, "type": TT.DIAGNOSTIC, "study": StudyType.OBSERVATIONAL,
        "status": S.RECRUITING, "ages": (1, 24), "dates": ("2025-03", "2028-09"), "enrolment": 600,
        "ci": "Professor Gareth Llewellyn", "sponsor": "University College London",
        "funders": ["Children's Cancer and Leukaemia Group"],
        "interventions": ["minimal residual disease test"],
        "sites": ["gosh", "alder-hey", "leeds-children", "bch", "noahs-ark"],
        "summary": "After treatment for acute lymphoblastic leukaemia (ALL), a small number of leukaemia cells can be left behind. This is called minimal residual disease (MRD).\n\nThis study is looking at a new, more sensitive blood test for MRD, to see if it could replace some bone marrow tests.",
        "who": "Children and young people aged 1 to 24 who are being treated for ALL at a hospital taking part may be asked to join.",
        "involved": "We take an extra blood sample when your child has their routine blood tests. There are no extra visits and treatment does not change.",
    },
    {
        "title": "A trial of a ketogenic diet alongside treatment for glioblastoma",
        "acronym": "KETO-GB", "conditions": ["brain-tumours"], "phase": PH.NA, "type": TT.SUPPORTIVE_CARE,
        "status": S.NOT_YET_RECRUITING, "dates": ("2027-02", "2029-02"), "enrolment": 170,
        "ci": "Dr Mei Lin Chau", "sponsor": "Cardiff University",
        "funders": ["The Brain Tumour Charity"],
        "interventions": ["ketogenic diet"],
        "sites": ["velindre", "singleton", "bristol", "qeh"],
        "summary": "Glioblastoma is the most common type of high grade brain tumour in adults. Some people want to know if changing their diet could help.\n\nThis trial will look at whether a modified ketogenic diet (high in fat and low in carbohydrate) is safe and manageable during radiotherapy and chemotherapy.",
        "who": "You may be able to join if you:\n\n- have just been diagnosed with glioblastoma\n- are going to have radiotherapy and chemotherapy\n- do not have diabetes",
        "involved": "You follow either the ketogenic diet or your usual diet for 12 weeks, with support from a dietitian.\n\nYou keep a food diary and have some extra blood and urine tests.",
    },
    {
        "title": "A trial of a new drug that reaches the brain for glioblastoma that has come back",
        "acronym": "WINDOW-2291", "conditions": ["brain-tumours"], "phase": PH.EARLY_PHASE1,
        "status": S.RECRUITING, "dates": ("2026-01", "2027-12"), "enrolment": 24,
        "ci": "Professor Ian Rutherford", "sponsor": "The Institute of Cancer Research",
        "funders": ["Cancer Research UK", "Experimental Cancer Medicine Centre"],
        "interventions": ["TF-2291"],
        "sites": ["marsden", "addenbrookes"],
        "summary": "Many cancer drugs cannot get into the brain. TF-2291 is a new drug designed to cross into brain tissue.\n\nIn this very early trial, people take the drug for a short time before planned surgery. This lets researchers check how much of the drug reaches the tumour.",
        "who": "You may be able to join if you:\n\n- have glioblastoma that has come back\n- are having surgery to remove it",
        "involved": "You take TF-2291 capsules for 10 days before your operation. Researchers test a small piece of the tumour removed during surgery.",
    },
    {
        "title": "A trial of chemotherapy before surgery for pancreatic cancer",
        "acronym": "PREOPANC-UK", "conditions": ["pancreatic-cancer"], "phase": PH.PHASE3,
        "status": S.RECRUITING, "dates": ("2023-10", "2027-04"), "enrolment": 350,
        "ci": "Professor Kieran Doyle", "sponsor": "University of Glasgow",
        "funders": ["Cancer Research UK", "Pancreatic Cancer UK"],
        "interventions": ["FOLFIRINOX", "surgery"],
        "sites": ["beatson", "freeman", "leeds", "southampton", "ninewells:SUSPENDED", "coventry"],
        "summary": "Surgery is the only way to cure pancreatic cancer, but the cancer often comes back. Chemotherapy is usually given after surgery.\n\nThis trial is finding out whether giving chemotherapy before surgery helps people live longer.",
        "who": "You may be able to join if you:\n\n- have pancreatic cancer that can be removed with surgery\n- are well enough for chemotherapy and an operation",
        "involved": "You have FOLFIRINOX chemotherapy either before and after surgery, or after surgery only.\n\nFOLFIRINOX is given through a drip every 2 weeks.",
    },
    {
        "title": "A trial of TF-1107, a new KRAS drug, for advanced pancreatic cancer",
        "acronym": "KRYSTAL-D", "conditions": ["pancreatic-cancer"], "phase": PH.PHASE1,
        "status": S.RECRUITING, "dates": ("2025-09", "2028-01"), "enrolment": 60,
        "ci": "Dr Hannah Oyelaran", "sponsor": "The Royal Marsden NHS Foundation Trust",
        "funders": ["Experimental Cancer Medicine Centre"],
        "interventions": ["TF-1107"],
        "sites": ["marsden", "christie", "churchill:NOT_YET_RECRUITING", "md-anderson", "msk"],
        "summary": "Most pancreatic cancers have a change in a gene called KRAS. TF-1107 is a new drug that blocks one type of KRAS change, called G12D.\n\nThis is a phase 1 trial. It aims to find the best dose of TF-1107 and learn about its side effects.",
        "who": "You may be able to join if you:\n\n- have advanced pancreatic cancer with a KRAS G12D change\n- have already had at least one type of chemotherapy",
        "involved": "You take TF-1107 tablets every day. You have frequent blood tests and heart tracings (ECGs) in the first few weeks, so you may need to visit the hospital often.",
    },
    {
        "title": "A trial of exercise before surgery for oesophageal or stomach cancer",
        "acronym": "FIT-4-OG", "conditions": ["oesophageal-cancer", "stomach-cancer"], "phase": PH.NA,
        "type": TT.SUPPORTIVE_CARE, "status": S.COMPLETED, "dates": ("2021-05", "2024-02"),
        "enrolment": 212, "ci": "Dr Oliver Trent", "sponsor": "University of Southampton",
        "funders": ["National Institute for Health and Care Research"],
        "interventions": ["prehabilitation exercise programme"],
        "sites": ["southampton", "nottingham", "preston", "beatson"],
        "summary": "Surgery for oesophageal or stomach cancer is a big operation. Being fitter beforehand may help people recover.\n\nThis trial looked at whether a supervised exercise programme during chemotherapy, before surgery, reduced complications.",
        "who": "The trial has closed. It was for adults having chemotherapy followed by surgery for oesophageal or stomach cancer.",
        "involved": "People in the exercise group had 3 exercise sessions a week for about 12 weeks. Everyone did a fitness test on an exercise bike.",
        "results": "212 people took part.\n\nPeople in the exercise group were fitter before surgery. Fewer of them had a chest infection after surgery (1 in 6, compared with 1 in 4 without exercise), and they went home from hospital 2 days sooner on average.\n\nThe trial team hopes exercise programmes will become part of routine care.",
    },
    {
        "title": "A trial of heated chemotherapy during surgery for stomach cancer",
        "acronym": "HOT-GASTRIC", "conditions": ["stomach-cancer"], "phase": PH.PHASE3,
        "status": S.RECRUITING, "dates": ("2024-07", "2028-07"), "enrolment": 300,
        "ci": "Mr Andrew Kilbride", "sponsor": "University of Leeds",
        "interventions": ["HIPEC", "surgery"],
        "sites": ["leeds", "christie", "freeman", "derriford"],
        "summary": "Stomach cancer can come back in the lining of the tummy (the peritoneum). HIPEC means washing the inside of the tummy with heated chemotherapy during surgery.\n\nThis trial is finding out if HIPEC lowers the chance of stomach cancer coming back.",
        "who": "You may be able to join if you:\n\n- have stomach cancer that can be removed with surgery\n- are at higher risk of the cancer coming back in the peritoneum",
        "involved": "You have your operation as planned. Some people also have HIPEC, which adds about 90 minutes to the operation.\n\nYou have scans every 6 months for 3 years.",
    },
    {
        "title": "A trial comparing 2 ways of taking cabozantinib for advanced kidney cancer",
        "acronym": "CABO-FLEX", "conditions": ["kidney-cancer"], "phase": PH.PHASE4,
        "status": S.RECRUITING, "dates": ("2025-01", "2027-07"), "enrolment": 260,
        "ci": "Dr Rebecca Sorensen", "sponsor": "Barts Health NHS Trust",
        "funders": ["Kidney Cancer UK"],
        "interventions": ["cabozantinib"],
        "sites": ["barts", "addenbrookes", "sheffield", "derby", "belfast-city"],
        "summary": "Cabozantinib is a licensed drug for advanced kidney cancer. Side effects such as diarrhoea and sore hands and feet mean many people need to lower the dose.\n\nThis trial is comparing the usual daily dose with starting at a lower dose and increasing it if side effects are mild.",
        "who": "You may be able to join if you:\n\n- have kidney cancer that has spread\n- are about to start cabozantinib",
        "involved": "You take cabozantinib tablets once a day at one of the 2 starting doses. You fill in a short side effect diary each week.",
    },
    {
        "title": "A trial of blue light cystoscopy to find bladder cancer that has come back",
        "acronym": "BLUE-FU", "conditions": ["bladder-cancer"], "phase": PH.NA, "type": TT.DIAGNOSTIC,
        "status": S.RECRUITING, "dates": ("2024-04", "2027-03"), "enrolment": 540,
        "ci": "Mr Vikram Sethi", "sponsor": "University of Birmingham",
        "funders": ["National Institute for Health and Care Research"],
        "interventions": ["blue light cystoscopy"],
        "sites": ["qeh", "stoke", "ipswich", "james-cook", "singleton"],
        "summary": "After treatment for early bladder cancer, people have regular cystoscopies to check the cancer hasn't come back. A cystoscopy uses a thin tube with a camera.\n\nThis trial is looking at whether using a blue light, with a dye put into the bladder, finds more cancers than the usual white light.",
        "who": "You may be able to join if you have had non-muscle invasive bladder cancer and are having regular check cystoscopies.",
        "involved": "Before your cystoscopy, a nurse puts a dye into your bladder through a small tube. The cystoscopy is then done with both white and blue light.",
    },
    {
        "title": "A trial of SIRT with atezolizumab for liver cancer",
        "acronym": "SIRT-IO", "conditions": ["liver-cancer"], "phase": PH.PHASE2,
        "status": S.SUSPENDED, "dates": ("2024-03", "2027-06"), "enrolment": 80,
        "ci": "Dr Samuel Ashworth", "sponsor": "University of Oxford",
        "interventions": ["selective internal radiation therapy", "atezolizumab"],
        "why_stopped": "Paused while the supply of radioactive beads is reviewed.",
        "sites": ["churchill", "addenbrookes", "leeds:ACTIVE_NOT_RECRUITING", "western-general"],
        "summary": "SIRT gives radiotherapy directly to liver tumours using tiny radioactive beads. Atezolizumab is an immunotherapy drug.\n\nThis trial is looking at whether giving them together helps control hepatocellular carcinoma (a type of primary liver cancer) that can't be removed with surgery.",
        "who": "The trial has paused recruitment. It is for adults with hepatocellular carcinoma that can't be removed with surgery and hasn't spread outside the liver.",
        "involved": "You have SIRT once, given through a small tube put into a blood vessel in your groin. You then have atezolizumab through a drip every 3 weeks.",
    },
    {
        "title": "A trial of CAR T-cell therapy for myeloma that has come back",
        "acronym": "CARMA", "conditions": ["myeloma"], "phase": PH.PHASE1_PHASE2,
        "status": S.RECRUITING, "dates": ("2025-05", "2028-05"), "enrolment": 70,
        "ci": "Professor Natasha Greaves", "sponsor": "University College London",
        "funders": ["Blood Cancer UK"],
        "interventions": ["BCMA CAR T-cell therapy"],
        "sites": ["uclh", "christie", "qeh:NOT_YET_RECRUITING", "dana-farber", "fred-hutch"],
        "summary": "CAR T-cell therapy changes your own immune cells (T cells) in a lab so they can recognise and attack myeloma cells.\n\nThis trial is testing a new CAR T-cell therapy that targets a protein called BCMA. The first part finds the best dose. The second part looks at how well it works.",
        "who": "You may be able to join if you:\n\n- have myeloma that has come back after at least 3 types of treatment\n- are well enough for an intensive treatment",
        "involved": "- We collect T cells from your blood\n- You have a short course of chemotherapy\n- You have the CAR T cells through a drip and stay in hospital for about 2 weeks",
    },
    {
        "title": "A trial of brentuximab vedotin for teenagers and young adults with Hodgkin lymphoma",
        "acronym": "TYA-HL", "conditions": ["hodgkin-lymphoma"], "phase": PH.PHASE3,
        "status": S.ACTIVE_NOT_RECRUITING, "ages": (13, 25), "dates": ("2021-11", "2025-10"),
        "enrolment": 410, "ci": "Dr Joanna Pryce", "sponsor": "University of Birmingham",
        "funders": ["Teenage Cancer Trust", "Cancer Research UK"],
        "interventions": ["brentuximab vedotin"],
        "sites": ["bch", "uclh", "christie", "gnch", "beatson", "rbhsc"],
        "summary": "Hodgkin lymphoma is one of the most common cancers in teenagers and young adults. Treatment works well, but some chemotherapy drugs can cause long term side effects.\n\nThis trial is looking at whether replacing one chemotherapy drug with brentuximab vedotin keeps the same good results with fewer late effects.",
        "who": "The trial is no longer recruiting. It was for people aged 13 to 25 with newly diagnosed Hodgkin lymphoma.",
        "involved": "People have chemotherapy, with or without brentuximab vedotin, and PET-CT scans to check how the lymphoma is responding. Follow-up continues for 5 years.",
    },
    {
        "title": "A trial of glofitamab for older people with diffuse large B-cell lymphoma",
        "acronym": "GLO-ELDER", "conditions": ["non-hodgkin-lymphoma"], "phase": PH.PHASE2,
        "status": S.NOT_YET_RECRUITING, "ages": (70, None), "dates": ("2027-03", "2029-09"),
        "enrolment": 110, "ci": "Dr Simon Achebe", "sponsor": "University of Southampton",
        "funders": ["Blood Cancer UK"],
        "interventions": ["glofitamab"],
        "sites": ["southampton", "exeter", "truro", "norwich", "nottingham"],
        "summary": "Diffuse large B-cell lymphoma (DLBCL) is a fast growing type of non-Hodgkin lymphoma. Some older people are not fit enough for standard chemotherapy.\n\nThis trial will look at whether glofitamab, a drug that helps the immune system attack lymphoma cells, is a gentler and effective treatment.",
        "who": "You may be able to join if you:\n\n- are 70 or older\n- have DLBCL that has just been diagnosed\n- are not able to have full-dose chemotherapy",
        "involved": "You have glofitamab through a drip every 3 weeks for up to 12 doses. The first doses are given in hospital so the team can watch for side effects.",
    },
    {
        "title": "A trial of time-limited ibrutinib and venetoclax for chronic lymphocytic leukaemia",
        "acronym": "FIXED-CLL", "conditions": ["chronic-lymphocytic-leukaemia"], "phase": PH.PHASE3,
        "status": S.COMPLETED, "dates": ("2020-06", "2023-12"), "enrolment": 523,
        "ci": "Professor Peter Hollis", "sponsor": "University of Leeds",
        "funders": ["Cancer Research UK", "Blood Cancer UK"],
        "interventions": ["ibrutinib", "venetoclax"],
        "sites": ["leeds", "nottingham", "clatterbridge", "western-general", "velindre", "belfast-city"],
        "summary": "Chronic lymphocytic leukaemia (CLL) is often treated with targeted drugs taken every day for years.\n\nThis trial compared taking ibrutinib and venetoclax for a fixed time, guided by blood tests for leftover leukaemia, with continuous treatment.",
        "who": "The trial has closed. It was for adults with CLL who needed treatment for the first time.",
        "involved": "People took ibrutinib and venetoclax tablets. Regular blood and bone marrow tests decided when they could stop.",
        "results": "523 people took part.\n\nAfter 3 years, the leukaemia was under control in a similar number of people in both groups. Many people in the time-limited group were able to stop treatment after 2 years, and they had fewer side effects.\n\nThe results have been peer reviewed and published.",
    },
    {
        "title": "A study of stopping treatment for chronic myeloid leukaemia",
        "acronym": "STOP-CML", "conditions": ["chronic-myeloid-leukaemia"], "phase": PH.PHASE2,
        "status": S.UNKNOWN, "dates": ("2022-04", "2025-04"), "enrolment": 180,
        "ci": "Dr Lucy Barrowclough", "sponsor": "University of Liverpool",
        "interventions": ["stopping TKI treatment"],
        "sites": ["clatterbridge", "sheffield", "reading", "aberdeen"],
        "summary": "Many people with chronic myeloid leukaemia (CML) take a tyrosine kinase inhibitor (TKI) such as imatinib every day. Some people whose CML has been undetectable for a long time can stop treatment safely.\n\nThis study is looking at whether lowering the dose first helps more people stop for good.",
        "who": "We don't know if this study is still running. The trial team has not updated its record since 2024. It was for adults with CML in deep remission for at least 3 years.",
        "involved": "People halve their TKI dose for a year and then stop. They have monthly blood tests to catch any return of CML early.",
    },
    {
        "title": "A trial of proton beam therapy for throat cancer",
        "acronym": "PROTON-OPC", "conditions": ["head-and-neck-cancer"], "phase": PH.PHASE3,
        "status": S.RECRUITING, "dates": ("2023-06", "2027-06"), "enrolment": 183,
        "ci": "Professor Rachel Okonjo", "sponsor": "The Christie NHS Foundation Trust",
        "funders": ["Cancer Research UK"],
        "interventions": ["proton beam therapy", "intensity-modulated radiotherapy"],
        "sites": ["christie", "uclh", "freeman:NOT_YET_RECRUITING", "velindre", "belfast-city"],
        "summary": "Radiotherapy for throat (oropharyngeal) cancer can cause long term problems with swallowing and a dry mouth.\n\nThis trial is finding out if proton beam therapy, which gives less radiation to nearby healthy tissue, causes fewer of these side effects than standard radiotherapy.",
        "who": "You may be able to join if you:\n\n- have oropharyngeal cancer caused by HPV\n- are going to have chemoradiotherapy",
        "involved": "You have radiotherapy 5 days a week for 6 weeks. If you have proton beam therapy, you travel to Manchester or London. The NHS pays for travel and accommodation.",
    },
    {
        "title": "A trial of lower dose radioactive iodine for thyroid cancer",
        "acronym": "LO-IODINE", "conditions": ["thyroid-cancer"], "phase": PH.PHASE3,
        "status": S.WITHDRAWN, "enrolment": 0, "dates": (None, None),
        "ci": "Dr Imran Qureshi", "sponsor": "Cardiff University",
        "interventions": ["radioactive iodine"],
        "why_stopped": "Withdrawn before anyone joined because funding was not confirmed.",
        "sites": ["velindre:WITHDRAWN", "addenbrookes:WITHDRAWN"],
        "summary": "After surgery for differentiated thyroid cancer, some people have radioactive iodine to destroy any thyroid cells left behind.\n\nThis trial planned to compare a lower dose with the standard dose.",
        "who": "This trial was withdrawn before it opened, so no one can join.",
        "involved": "No one took part in this trial.",
    },
    {
        "title": "A study of follow-up by phone and blood tests for testicular cancer",
        "acronym": "TEST-AT-HOME", "conditions": ["testicular-cancer"], "phase": PH.NA, "type": TT.OTHER,
        "status": S.RECRUITING, "sex": Sex.MALE, "ages": (16, None), "dates": ("2025-08", "2027-08"),
        "enrolment": 300, "ci": "Dr Matthew Olawale", "sponsor": "University of Manchester",
        "funders": ["Movember"],
        "interventions": ["remote follow-up"],
        "sites": ["christie", "leeds", "barts", "bristol", "beatson"],
        "summary": "After treatment for testicular cancer, men have regular check-ups for several years. Many of these are hospital appointments that take time off work or study.\n\nThis study is looking at whether phone appointments with local blood tests are as good and more convenient.",
        "who": "You may be able to join if you:\n\n- are 16 or older\n- have finished treatment for testicular cancer\n- are starting follow-up",
        "involved": "You have blood tests at your GP surgery or a local clinic, then a phone call with a specialist nurse. You have scans as usual.",
    },
    {
        "title": "A trial of an oncolytic virus for mesothelioma",
        "acronym": "MESO-VIR", "conditions": ["mesothelioma"], "phase": PH.PHASE2,
        "status": S.RECRUITING, "dates": ("2025-10", "2028-04"), "enrolment": 64,
        "ci": "Dr Kirsty Muir", "sponsor": "University of Glasgow",
        "funders": ["Mesothelioma UK"],
        "interventions": ["oncolytic virus TF-V3", "pembrolizumab"],
        "sites": ["beatson", "leicester", "southampton"],
        "summary": "An oncolytic virus is a virus that has been changed in a lab so that it infects and kills cancer cells but not healthy cells.\n\nThis trial is looking at whether putting the virus into the chest, together with pembrolizumab, helps control pleural mesothelioma.",
        "who": "You may be able to join if you:\n\n- have pleural mesothelioma\n- have already had chemotherapy or immunotherapy",
        "involved": "The virus is put into the space around your lung through a small tube, up to 3 times. You also have pembrolizumab through a drip every 3 weeks.",
    },
    {
        "title": "A trial of regorafenib after chemotherapy for osteosarcoma",
        "acronym": "REGO-OS", "conditions": ["bone-sarcoma"], "phase": PH.PHASE2,
        "status": S.RECRUITING, "ages": (10, 50), "dates": ("2024-08", "2028-08"), "enrolment": 110,
        "ci": "Dr Rhian Prothero", "sponsor": "University College London",
        "funders": ["Bone Cancer Research Trust"],
        "interventions": ["regorafenib"],
        "sites": ["uclh", "bch", "leeds", "churchill", "beatson", "noahs-ark:NOT_YET_RECRUITING"],
        "summary": "Osteosarcoma is a type of bone cancer that most often affects teenagers and young adults. If it comes back after treatment, there are few options.\n\nThis trial is looking at whether regorafenib delays the cancer growing again.",
        "who": "You may be able to join if you:\n\n- are between 10 and 50 years old\n- have osteosarcoma that has come back or spread\n- have finished chemotherapy",
        "involved": "You take regorafenib tablets or a dummy tablet (placebo) for 3 weeks out of every 4. If your cancer grows while on placebo, you can switch to regorafenib.",
    },
    {
        "title": "A trial of shorter radiotherapy before surgery for soft tissue sarcoma of the arm or leg",
        "acronym": "SHORT-STS", "conditions": ["soft-tissue-sarcoma"], "phase": PH.PHASE3,
        "status": S.NOT_YET_RECRUITING, "dates": ("2027-04", "2030-04"), "enrolment": 280,
        "ci": "Dr Owen Castellano", "sponsor": "The Royal Marsden NHS Foundation Trust",
        "funders": ["Sarcoma UK"], "draft": True,
        "interventions": ["preoperative radiotherapy", "surgery"],
        "sites": ["marsden", "qeh", "christie", "leeds"],
        "summary": "Radiotherapy before surgery for soft tissue sarcoma usually takes 5 weeks. This trial will compare it with a shorter 1 week course.",
        "who": "You may be able to join if you have a soft tissue sarcoma in your arm or leg that can be removed with surgery.",
        "involved": "You have radiotherapy for 1 or 5 weeks, then surgery a few weeks later.",
    },
    {
        "title": "A trial of 5 years of imatinib after surgery for GIST",
        "acronym": "GIST-5", "conditions": ["gastrointestinal-stromal-tumour"], "phase": PH.PHASE3,
        "status": S.ACTIVE_NOT_RECRUITING, "dates": ("2021-02", "2024-12"), "enrolment": 330,
        "ci": "Professor Alison Carver", "sponsor": "University of Leeds",
        "funders": ["Cancer Research UK"],
        "interventions": ["imatinib"],
        "sites": ["leeds", "marsden", "clatterbridge", "nottingham", "ninewells", "derriford"],
        "summary": "Gastrointestinal stromal tumours (GISTs) are rare sarcomas of the digestive system. After surgery, people at high risk usually take imatinib for 3 years.\n\nThis trial is looking at whether taking it for 5 years lowers the chance of GIST coming back.",
        "who": "The trial is no longer recruiting. It was for adults who had surgery for a high risk GIST and had taken imatinib for 3 years.",
        "involved": "People either stop imatinib after 3 years or carry on to 5 years. Everyone has a CT scan every 6 months.",
    },
    {
        "title": "A trial of lower dose chemoradiotherapy for early anal cancer",
        "acronym": "PLATO-LITE", "conditions": ["anal-cancer"], "phase": PH.PHASE2_PHASE3,
        "status": S.RECRUITING, "dates": ("2024-01", "2027-12"), "enrolment": 260,
        "ci": "Dr Beatrice Ogunleye", "sponsor": "University of Leeds",
        "funders": ["Cancer Research UK"],
        "interventions": ["chemoradiotherapy"],
        "sites": ["leeds", "bristol", "norwich", "james-cook", "glan-clwyd", "altnagelvin"],
        "summary": "Anal cancer is usually treated with chemotherapy and radiotherapy together (chemoradiotherapy). It works well but can cause long term bowel, bladder and sexual side effects.\n\nThis trial is looking at whether a lower radiotherapy dose works as well for small anal cancers.",
        "who": "You may be able to join if you have a small anal cancer (4 cm or less) that has not spread to lymph nodes.",
        "involved": "You have radiotherapy on weekdays for 4 or 5 weeks, with chemotherapy tablets and one chemotherapy drip.",
    },
    {
        "title": "A trial of tarlatamab for small cell lung cancer that has come back",
        "acronym": "TARLA-2L", "conditions": ["small-cell-lung-cancer"], "phase": PH.PHASE2,
        "status": S.NOT_YET_RECRUITING, "dates": ("2027-01", "2028-12"), "enrolment": 90,
        "ci": "Dr Joseph Mbeki", "sponsor": "University of Manchester",
        "funders": ["Roy Castle Lung Cancer Foundation"],
        "interventions": ["tarlatamab"],
        "sites": ["christie", "sheffield", "western-general", "mayo", "hopkins"],
        "summary": "Small cell lung cancer often comes back after first treatment. Tarlatamab is a drug that helps immune cells find and attack small cell lung cancer cells.\n\nThis trial will look at giving tarlatamab in a day unit instead of with an overnight hospital stay.",
        "who": "You may be able to join if you have small cell lung cancer that has come back after chemotherapy.",
        "involved": "You have tarlatamab through a drip every 2 weeks. After the first 2 doses, you are monitored for 6 to 8 hours in the day unit.",
    },
    {
        "title": "A study of lung health checks with a low dose CT scan",
        "acronym": "LUNG-CHECK-2", "conditions": ["lung-cancer"], "phase": PH.NA, "type": TT.SCREENING,
        "status": S.RECRUITING, "ages": (55, 74), "healthy": True, "dates": ("2023-09", "2027-03"),
        "enrolment": 25000, "ci": "Professor Graham Whitley", "sponsor": "University of Nottingham",
        "funders": ["National Institute for Health and Care Research"],
        "interventions": ["low-dose CT scan"],
        "sites": ["nottingham", "leeds", "clatterbridge", "james-cook", "reading", "ipswich"],
        "summary": "Lung cancer is often found late, when it is harder to treat. Lung health checks offer people at higher risk a low dose CT scan.\n\nThis study is looking at whether checking every year, rather than every 2 years, finds more lung cancers early.",
        "who": "You may be able to join if you:\n\n- are aged 55 to 74\n- smoke or used to smoke\n- are invited to a lung health check in a study area",
        "involved": "You have a short chat with a nurse and a CT scan that takes a few minutes. Some people are invited back every year, others every 2 years.",
    },
    {
        "title": "A trial of anastrozole to lower breast cancer risk in women with a strong family history",
        "acronym": "ARISE", "conditions": ["breast-cancer"], "phase": PH.PHASE3, "type": TT.PREVENTION,
        "status": S.NOT_YET_RECRUITING, "sex": Sex.FEMALE, "ages": (40, 70), "healthy": True,
        "dates": ("2027-05", "2030-05"), "enrolment": 2400, "ci": "Dr Charlotte Ainsworth",
        "sponsor": "Queen Mary University of London", "funders": ["Breast Cancer Now"],
        "interventions": ["anastrozole"],
        "sites": ["barts", "christie", "guys", "churchill", "bristol"],
        "summary": "Anastrozole is a hormone therapy drug. Taking it for 5 years can lower the risk of breast cancer in women who have been through the menopause and are at higher risk.\n\nThis trial will look at whether 3 years of anastrozole protects as well as 5 years.",
        "who": "You may be able to join if you:\n\n- are a woman aged 40 to 70 who has been through the menopause\n- have not had breast cancer\n- have a strong family history of breast cancer",
        "involved": "You take an anastrozole tablet every day for 3 or 5 years. You have a yearly mammogram and bone density scans.",
    },
    {
        "title": "A trial of aspirin to prevent bowel cancer in people with Lynch syndrome",
        "acronym": "CAPP-L", "conditions": ["bowel-cancer"], "phase": PH.PHASE3, "type": TT.PREVENTION,
        "status": S.RECRUITING, "ages": (25, 75), "healthy": True, "dates": ("2023-03", "2027-09"),
        "enrolment": 1800, "ci": "Professor Fiona Maclean", "sponsor": "Newcastle University",
        "funders": ["Cancer Research UK"],
        "interventions": ["aspirin"],
        "sites": ["freeman", "gnch:ACTIVE_NOT_RECRUITING", "guys", "addenbrookes", "aberdeen", "belfast-city"],
        "summary": "Lynch syndrome is an inherited condition that raises the risk of bowel and womb cancer. Aspirin can lower the risk of bowel cancer in people with Lynch syndrome.\n\nThis trial is finding out which dose of aspirin works best with the fewest side effects.",
        "who": "You may be able to join if you:\n\n- are aged 25 to 75\n- have Lynch syndrome\n- have not had bowel cancer in the last 5 years",
        "involved": "You take aspirin tablets every day for 2 years at one of 3 doses. You have a colonoscopy as part of your usual care.",
    },
    {
        "title": "A trial of an app to help manage tiredness during chemotherapy",
        "acronym": "ENERGISE", "conditions": ["any-cancer"], "phase": PH.NA, "type": TT.SUPPORTIVE_CARE,
        "status": S.RECRUITING, "dates": ("2025-03", "2027-02"), "enrolment": 460,
        "ci": "Dr Zoe Abernethy", "sponsor": "University of Leeds",
        "funders": ["Macmillan Cancer Support"],
        "interventions": ["fatigue self-management app"],
        "sites": ["leeds", "sheffield", "hull", "stoke", "velindre", "western-general"],
        "summary": "Fatigue (extreme tiredness) is one of the most common side effects of chemotherapy.\n\nThis trial is looking at whether a smartphone app with exercise, sleep and energy-saving tips helps people manage their fatigue.",
        "who": "You may be able to join if you:\n\n- are starting chemotherapy for any type of cancer\n- have a smartphone or tablet",
        "involved": "You use the app for 12 weeks or have the usual leaflets. You fill in a short questionnaire every 4 weeks.",
    },
    {
        "title": "A study of a blood test to find where cancer started in cancer of unknown primary",
        "acronym": "ORIGIN", "conditions": ["cancer-of-unknown-primary"], "phase": PH.NA,
        "type": TT.DIAGNOSTIC, "study": StudyType.OBSERVATIONAL, "status": S.RECRUITING,
        "dates": ("2024-10", "2027-10"), "enrolment": 400, "ci": "Dr Lars Henriksen",
        "sponsor": "University of Oxford", "funders": ["Cancer Research UK"],
        "interventions": ["cell-free DNA methylation test"],
        "sites": ["churchill", "marsden", "christie", "freeman", "ninewells"],
        "summary": "Cancer of unknown primary (CUP) means doctors can't tell where in the body a cancer started. Knowing this helps choose the best treatment.\n\nThis study is looking at whether a blood test that reads patterns on tumour DNA can find where the cancer started.",
        "who": "You may be able to join if you are being investigated for cancer of unknown primary.",
        "involved": "You give 2 extra tubes of blood. Your treatment does not change. The team compares the test results with your other tests.",
    },
    {
        "title": "A trial of trastuzumab deruxtecan for secondary breast cancer in the brain",
        "acronym": "HER-BRAIN", "conditions": ["secondary-breast-cancer"], "phase": PH.PHASE2,
        "status": S.NOT_YET_RECRUITING, "sex": Sex.FEMALE, "dates": ("2027-06", "2029-06"),
        "enrolment": 75, "ci": "Dr Victoria Lamb", "sponsor": "The Institute of Cancer Research",
        "funders": ["Breast Cancer Now"], "draft": True,
        "interventions": ["trastuzumab deruxtecan"],
        "sites": ["marsden", "leeds", "beatson"],
        "summary": "This trial will look at trastuzumab deruxtecan for HER2 positive or HER2 low breast cancer that has spread to the brain.",
        "who": "You may be able to join if you have HER2 positive or HER2 low breast cancer that has spread to the brain.",
        "involved": "You have trastuzumab deruxtecan through a drip every 3 weeks and an MRI scan every 9 weeks.",
    },
    {
        "title": "A trial of larotrectinib for children and adults with cancers that have an NTRK gene change",
        "acronym": "NTRK-ALL", "conditions": ["any-cancer", "childrens-cancers"], "phase": PH.PHASE1,
        "status": S.RECRUITING, "ages": (None, None), "dates": ("2024-06", "2028-06"), "enrolment": 80,
        "ci": "Dr Benedict Farrow", "sponsor": "The Royal Marsden NHS Foundation Trust",
        "funders": ["Experimental Cancer Medicine Centre"],
        "interventions": ["larotrectinib"],
        "sites": ["marsden", "gosh", "rmch", "gnch", "st-jude", "dana-farber"],
        "summary": "A small number of cancers, in both children and adults, are caused by a change in an NTRK gene. Larotrectinib is a targeted drug that blocks the faulty protein.\n\nThis trial is looking at a new liquid form of larotrectinib and the best dose for people of all ages.",
        "who": "People of any age may be able to join if they have a solid tumour with an NTRK gene fusion that has spread or can't be removed with surgery.",
        "involved": "You or your child take larotrectinib as a liquid or capsule twice a day. There are frequent blood tests in the first 2 months.",
    },
    {
        "title": "A trial of imiquimod cream compared with surgery for small basal cell skin cancers",
        "acronym": "CREAM-BCC", "conditions": ["skin-cancer"], "phase": PH.PHASE4,
        "status": S.COMPLETED, "dates": ("2021-01", "2024-06"), "enrolment": 501,
        "ci": "Professor Hugh Dennison", "sponsor": "University of Nottingham",
        "funders": ["National Institute for Health and Care Research"],
        "interventions": ["imiquimod cream", "Mohs surgery"],
        "sites": ["nottingham", "derby", "leicester", "truro", "brighton"],
        "summary": "Basal cell carcinoma (BCC) is the most common type of skin cancer. Small, low risk BCCs can be removed with surgery or treated with a cream.\n\nThis trial compared imiquimod cream with surgery.",
        "who": "The trial has closed. It was for adults with a small, low risk BCC on the body or limbs.",
        "involved": "People either had minor surgery or put imiquimod cream on the BCC 5 times a week for 6 weeks.",
        "results": "501 people took part.\n\nAfter 3 years, the BCC had cleared in 98 out of 100 people who had surgery and in 84 out of 100 people who used the cream. People who used the cream were more pleased with how their skin looked.\n\nThe team concluded that surgery works best, but the cream is a reasonable choice for some people.",
    },
    {
        "title": "A trial of a mouthwash to prevent a sore mouth during radiotherapy for head and neck cancer",
        "acronym": "RINSE", "conditions": ["head-and-neck-cancer"], "phase": PH.PHASE3,
        "type": TT.SUPPORTIVE_CARE, "status": S.NOT_YET_RECRUITING, "dates": ("2027-02", "2028-08"),
        "enrolment": 320, "ci": "Dr Aisling Quinn", "sponsor": "Queen's University Belfast",
        "funders": ["National Institute for Health and Care Research"], "draft": True,
        "interventions": ["benzydamine mouthwash"],
        "sites": ["belfast-city", "altnagelvin", "glan-clwyd"],
        "summary": "Radiotherapy to the head and neck often causes a painful mouth (mucositis). This trial will look at whether a benzydamine mouthwash reduces it.",
        "who": "You may be able to join if you are going to have radiotherapy for head and neck cancer.",
        "involved": "You rinse your mouth 4 times a day during radiotherapy and for 2 weeks afterwards.",
    },
    {
        "title": "A trial of olaparib for men with prostate cancer and a BRCA gene change",
        "acronym": "PROBRCA", "conditions": ["prostate-cancer"], "phase": PH.PHASE2,
        "status": S.NOT_YET_RECRUITING, "sex": Sex.MALE, "dates": ("2027-09", "2029-09"),
        "enrolment": 140, "ci": "Dr Nikhil Varma", "sponsor": "The Institute of Cancer Research",
        "funders": ["Prostate Cancer UK"], "draft": True,
        "interventions": ["olaparib"],
        "sites": ["marsden", "clatterbridge"],
        "summary": "Some prostate cancers have a change in a BRCA gene. This trial will look at starting olaparib earlier, before chemotherapy.",
        "who": "You may be able to join if you have prostate cancer that has spread and a BRCA1 or BRCA2 gene change.",
        "involved": "You take olaparib tablets twice a day and have scans every 12 weeks.",
    },
    {
        "title": "A trial of teclistamab for older people with newly diagnosed myeloma",
        "acronym": "TEC-FIRST", "conditions": ["myeloma"], "phase": PH.PHASE3,
        "status": S.RECRUITING, "ages": (65, None), "dates": ("2025-07", "2028-12"), "enrolment": 450,
        "ci": "Dr Marcus Pennington", "sponsor": "University of Leeds",
        "funders": ["Blood Cancer UK"],
        "interventions": ["teclistamab"],
        "sites": ["leeds", "qeh", "bristol", "ipswich", "freeman", "aberdeen", "singleton"],
        "summary": "Myeloma is a blood cancer that mostly affects older people. Teclistamab is a drug that helps the immune system attack myeloma cells.\n\nThis trial is finding out if using teclistamab as a first treatment keeps myeloma under control for longer than the usual drug combination.",
        "who": "You may be able to join if you:\n\n- are 65 or older\n- have just been diagnosed with myeloma\n- are not having a stem cell transplant",
        "involved": "You have either teclistamab as an injection under the skin, or the usual combination of drugs. Treatment continues while it is working.",
    },
    {
        "title": "A trial of tumour-treating fields with chemotherapy for glioblastoma",
        "acronym": "FIELD-GB", "conditions": ["brain-tumours"], "phase": PH.PHASE3,
        "status": S.RECRUITING, "ages": (18, 70), "dates": ("2024-09", "2028-03"), "enrolment": 240,
        "ci": "Dr Caroline Westwood", "sponsor": "University of Manchester",
        "funders": ["The Brain Tumour Charity"],
        "interventions": ["tumour-treating fields"],
        "sites": ["christie", "sheffield", "southampton", "uclh", "rhc-glasgow:WITHDRAWN", "western-general"],
        "summary": "Tumour-treating fields (TTFields) use a wearable device that sends gentle electric fields into the brain to slow cancer cell growth.\n\nThis trial is looking at whether using TTFields with chemotherapy after radiotherapy helps people with glioblastoma live longer.",
        "who": "You may be able to join if you:\n\n- are aged 18 to 70\n- have glioblastoma\n- have finished radiotherapy and are starting chemotherapy",
        "involved": "You wear the device on your shaved head for at least 18 hours a day, with chemotherapy tablets for 5 days every 4 weeks.",
    },
    {
        "title": "A trial of acupuncture for hot flushes after breast cancer",
        "acronym": "ACU-FLUSH", "conditions": ["breast-cancer"], "phase": PH.NA, "type": TT.SUPPORTIVE_CARE,
        "status": S.ENROLLING_BY_INVITATION, "sex": Sex.FEMALE, "dates": ("2025-05", "2027-05"),
        "enrolment": 190, "ci": "Dr Hazel Brightwater", "sponsor": "University of Southampton",
        "funders": ["Breast Cancer Now"],
        "interventions": ["acupuncture"],
        "sites": ["southampton", "brighton", "exeter"],
        "summary": "Hormone therapy after breast cancer often causes hot flushes and night sweats.\n\nThis trial is looking at whether a course of acupuncture helps with hot flushes and sleep.",
        "who": "This trial is by invitation only. Women taking hormone therapy after breast cancer at the hospitals taking part may be asked to join.",
        "involved": "You have 8 weekly acupuncture sessions, either straight away or after 3 months. You record your hot flushes in a diary.",
    },
]  # fmt: skip

# The chief investigator's affiliation, phone numbers, contact details and review dates
# are derived, so each row stays short.


def _identifiers(i: int, row: dict) -> list[tuple[str, str]]:
    """Fictional identifiers in each registry's format. NCT numbers start NCT099, a range
    ClinicalTrials.gov has not reached; the others are invented."""
    start = _date(row["dates"][0])
    ids = [("ORG", f"{row['acronym']}-{(start or date(2025, 1, 1)).year}")]
    if row.get("draft") or row["status"] == Status.WITHDRAWN:
        return ids
    ids.append(("NCT", f"NCT099{10000 + i * 37:05d}"))
    if any(HOSPITALS[key.split(":")[0]][4] == UK for key in row["sites"]):
        ids.append(("ISRCTN", f"ISRCTN{90100000 + i * 7919}"))
        ids.append(("IRAS", f"{310000 + i * 173}"))
    if start and start.year <= 2021:
        ids.append(("EUDRACT", f"{start.year}-00{4100 + i * 13}-{10 + i % 80}"))
    if i % 3 == 0:
        ids.append(("CRUK", f"Oracle {19000 + i * 11}"))
    return ids


def _site(i: int, pos: int, entry: str, trial_status: str) -> dict:
    key, _, status = entry.partition(":")
    facility, city, state, postcode, country, region, lat, lon, phone = HOSPITALS[key]
    if phone:
        digits = 2 if "555" in phone else 3
        phone += f"{(i * 37 + pos * 11) % 10**digits:0{digits}d}"
    return {
        "facility": facility,
        "city": city,
        "state": state,
        "postcode": postcode,
        "country": country,
        "region": region,
        "latitude": lat,
        "longitude": lon,
        "status": status or trial_status,
        "contact_phone": phone,
    }


def example_spec(i: int, row: dict) -> dict:
    status = row["status"]
    start, end = (_date(d) for d in row["dates"])
    min_years, max_years = row.get("ages", (18, None))
    still_running = status in _STILL_RUNNING
    sites = [_site(i, pos, entry, status) for pos, entry in enumerate(row["sites"])]
    results = row.get("results", "")
    fields = {
        "slug": slugify(row["title"]),
        "title": row["title"],
        "acronym": row["acronym"],
        "summary": row["summary"],
        "who_can_join": row["who"],
        "what_is_involved": row["involved"],
        "results_summary": results,
        "has_results": bool(results),
        "status": status,
        "why_stopped": row.get("why_stopped", ""),
        "phase": row["phase"],
        "trial_type": row.get("type", TrialType.TREATMENT),
        "study_type": row.get("study", StudyType.INTERVENTIONAL),
        "min_age_months": months(min_years),
        "max_age_months": months(max_years),
        "sex": row.get("sex", Sex.ALL),
        "healthy_volunteers": row.get("healthy", False),
        "start_date": start,
        "end_date": end,
        "end_date_is_estimate": still_running and end is not None,
        "enrolment": row.get("enrolment"),
        "enrolment_is_estimate": still_running,
        "chief_investigator": row["ci"],
        "chief_investigator_affiliation": sites[0]["facility"] if sites else "",
        "contact_name": "Trial coordinator" if still_running else "",
        "contact_phone": sites[0]["contact_phone"] if still_running and sites else "",
        "contact_email": f"{slugify(row['acronym'])}@example.org" if still_running else "",
        "publication": Publication.DRAFT if row.get("draft") else Publication.PUBLISHED,
        "source": Source.MANUAL,
        "last_reviewed": date(2026, 8, 3 + i % 25) if i % 2 else date(2026, 10, 1 + i % 28),
        "is_example": True,
    }
    funders = row.get("funders", ["Cancer Research UK"])
    return {
        "fields": fields,
        "conditions": row["conditions"],
        "interventions": row["interventions"],
        "identifiers": _identifiers(i, row),
        "organisations": [(row["sponsor"], SPONSOR)]
        + [(f, COLLABORATOR if f in NETWORKS else FUNDER) for f in funders],
        "sites": sites,
    }


def example_specs() -> list[dict]:
    return [example_spec(i, row) for i, row in enumerate(EXAMPLE_TRIALS, start=1)]


def all_specs() -> list[dict]:
    """Everything `load_demo` writes: the 2 seed trials, then the invented examples."""
    return SEED_TRIALS + example_specs()
