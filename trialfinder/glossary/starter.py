"""The starter glossary, written by our team in plain UK English (reading age about 11).

Loaded by a data migration and safe to run again: terms that already exist, by slug, are
left exactly as they are, so an editor's changes are never overwritten. Functions take
the model class so the migration can pass its historical model.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from django.utils.text import slugify

ATTRIBUTION = "Written by the trialfinder team"


class StarterTerm(NamedTuple):
    term: str
    definition: str
    variants: tuple[str, ...] = ()
    related: tuple[str, ...] = ()  # slugs
    explanation: str = ""


T = StarterTerm

TERMS: list[StarterTerm] = [
    # How trials work
    T(
        "clinical trial",
        "A research study that tests a new treatment or test in people. It finds out if it "
        "is safe and if it works better than what is used now.",
        ("clinical trials", "clinical study", "clinical studies", "research study"),
        ("phase-1", "phase-2", "phase-3", "trial-protocol"),
    ),
    T(
        "phase 1",
        "An early trial of a new treatment in a small group of people. It finds the safest "
        "dose and the side effects.",
        ("phase I", "phase one", "phase 1 trial", "phase I trial"),
        ("phase-2", "dose-escalation", "maximum-tolerated-dose"),
        "Phase 1 trials are often the first time a treatment is given to people. They "
        "usually have between 20 and 80 people, and the dose may go up for each new group.",
    ),
    T(
        "phase 2",
        "A trial that checks whether a treatment works well enough against a cancer to test "
        "it further. It also looks more closely at side effects.",
        ("phase II", "phase two", "phase 2 trial", "phase II trial"),
        ("phase-1", "phase-3"),
        "Phase 2 trials usually have up to a few hundred people. Some compare the new "
        "treatment with the usual one, but many give everyone the new treatment.",
    ),
    T(
        "phase 3",
        "A large trial that compares a new treatment with the best treatment already used. "
        "It often has hundreds or thousands of people.",
        ("phase III", "phase three", "phase 3 trial", "phase III trial"),
        ("phase-2", "phase-4", "randomised"),
        "Most phase 3 trials are randomised. If the new treatment is better, it may be "
        "licensed and offered to everyone who needs it.",
    ),
    T(
        "phase 4",
        "A trial of a treatment that is already licensed and in use. It looks at long-term "
        "benefits and side effects in many more people.",
        ("phase IV", "phase four", "phase 4 trial", "phase IV trial"),
        ("phase-3",),
    ),
    T(
        "randomised",
        "Put into groups by chance, like tossing a coin. This makes the comparison between "
        "treatments fair.",
        ("randomized", "randomisation", "randomization", "randomised trial", "randomized trial"),
        ("control-group", "placebo", "blinded"),
        "Neither you nor your doctor can choose your group. This stops anyone's hopes or "
        "worries from affecting who gets which treatment, so the results can be trusted.",
    ),
    T(
        "placebo",
        "A dummy treatment that looks like the real one but has no medicine in it. It shows "
        "whether any benefit comes from the real treatment.",
        ("placebos", "dummy treatment", "dummy drug"),
        ("blinded", "randomised"),
    ),
    T(
        "open label",
        "A trial where you and your doctors both know which treatment you are having.",
        ("open-label", "open label trial", "open-label trial"),
        ("blinded",),
    ),
    T(
        "blinded",
        "In a blinded trial you do not know which treatment you are having. In a double "
        "blind trial your doctors do not know either.",
        ("blinding", "single blind", "double blind", "double-blind", "double blinded", "masked"),
        ("open-label", "placebo"),
    ),
    T(
        "eligibility",
        "Whether you can take part in a trial. Each trial has rules about who can join, to "
        "keep people safe and make the results clear.",
        ("eligible", "eligibility criteria"),
        ("inclusion-criteria", "exclusion-criteria"),
    ),
    T(
        "inclusion criteria",
        "The things that must be true for you to join a trial, such as your age or the type "
        "of cancer you have.",
        ("inclusion criterion", "entry criteria"),
        ("eligibility", "exclusion-criteria"),
    ),
    T(
        "exclusion criteria",
        "The things that mean you cannot join a trial, such as another illness or a medicine "
        "you take.",
        ("exclusion criterion",),
        ("eligibility", "inclusion-criteria"),
    ),
    T(
        "chief investigator",
        "The doctor or scientist who leads the whole trial and is responsible for it.",
        ("chief investigators", "principal investigator", "lead investigator"),
        ("sponsor",),
    ),
    T(
        "sponsor",
        "The organisation responsible for a trial. It may be a university, a hospital, a "
        "charity or a drug company.",
        ("sponsors", "trial sponsor"),
        ("chief-investigator",),
    ),
    T(
        "trial protocol",
        "The detailed plan for a trial. It says who can join, what treatment they have and "
        "which tests are done.",
        ("protocol", "protocols", "study protocol"),
        ("clinical-trial",),
    ),
    T(
        "cohort",
        "A group of people in a trial who have the same treatment or have something in "
        "common, such as the type of cancer.",
        ("cohorts",),
        ("trial-arm",),
    ),
    T(
        "trial arm",
        "A group of people in a trial who all have the same treatment.",
        ("trial arms", "treatment arm", "treatment arms", "study arm", "study arms"),
        ("cohort", "control-group"),
    ),
    T(
        "control group",
        "The people in a trial who have the usual treatment or a placebo, so the new "
        "treatment can be compared with them.",
        ("control groups", "control arm"),
        ("randomised", "placebo"),
    ),
    T(
        "informed consent",
        "Agreeing to take part in a trial after being told what it involves, and its risks "
        "and possible benefits. You can change your mind at any time.",
        ("consent", "consent form"),
        ("clinical-trial",),
    ),
    T(
        "ethics committee",
        "An independent group that checks a trial is safe and fair and respects the rights of "
        "the people taking part.",
        ("ethics committees", "research ethics committee", "ethical approval"),
    ),
    T(
        "healthy volunteer",
        "Someone without the illness being studied who takes part in a trial.",
        ("healthy volunteers",),
    ),
    T(
        "peer reviewed",
        "Checked by other experts before it is published, to make sure the research is sound.",
        ("peer-reviewed", "peer review"),
    ),
    T(
        "standard treatment",
        "The best treatment that doctors use now for a particular cancer.",
        ("standard of care", "standard therapy", "usual care", "standard treatments"),
        ("control-group",),
    ),
    T(
        "dose",
        "The amount of a medicine you take and how often you take it.",
        ("doses", "dosage", "dosing"),
        ("dose-escalation",),
    ),
    T(
        "dose escalation",
        "Giving a higher dose to each new group of people in a trial, to find the highest "
        "safe dose.",
        ("dose-escalation",),
        ("phase-1", "maximum-tolerated-dose"),
    ),
    T(
        "maximum tolerated dose",
        "The highest dose of a treatment that does not cause side effects that are too severe.",
        ("MTD",),
        ("dose-escalation", "toxicity"),
    ),
    T(
        "cycle",
        "A period of treatment followed by a rest. Chemotherapy is often given in cycles of 3 "
        "or 4 weeks.",
        ("treatment cycle", "treatment cycles"),
        ("chemotherapy",),
    ),
    T(
        "follow-up",
        "Check-ups after treatment ends, to see how you are and whether the cancer has come back.",
        ("follow up", "followed up"),
    ),
    # People
    T(
        "oncologist",
        "A doctor who specialises in treating cancer.",
        ("oncologists", "medical oncologist", "clinical oncologist"),
        ("consultant",),
    ),
    T(
        "consultant",
        "A senior hospital doctor who leads your care.",
        ("consultants",),
        ("oncologist", "gp"),
    ),
    T(
        "GP",
        "Your family doctor at your local surgery or health centre.",
        ("GPs", "general practitioner", "general practitioners"),
        ("consultant",),
    ),
    T(
        "clinical nurse specialist",
        "A nurse with expert knowledge of a type of cancer, who supports you and your family "
        "during your care.",
        ("clinical nurse specialists", "specialist nurse", "specialist nurses"),
        ("multidisciplinary-team",),
    ),
    T(
        "multidisciplinary team",
        "The group of specialists who meet to agree the best treatment plan for you.",
        ("MDT", "multidisciplinary teams"),
        ("clinical-nurse-specialist",),
    ),
    T(
        "pathologist",
        "A doctor who looks at cells and tissue under a microscope to find out what is wrong.",
        ("pathologists",),
        ("biopsy",),
    ),
    # Types of cancer and how it behaves
    T(
        "tumour",
        "A lump that forms when cells grow out of control. It can be benign (not cancer) or "
        "malignant (cancer).",
        ("tumor", "tumours", "tumors"),
        ("benign", "malignant"),
    ),
    T(
        "benign",
        "Not cancer. A benign lump does not spread to other parts of the body.",
        (),
        ("malignant", "tumour"),
    ),
    T(
        "malignant",
        "Cancerous. A malignant tumour can grow into nearby tissue and spread around the body.",
        ("malignancy", "malignancies"),
        ("benign", "tumour"),
    ),
    T(
        "primary cancer",
        "The place in the body where a cancer first started.",
        ("primary tumour", "primary tumor", "primary tumours", "primary tumors"),
        ("metastatic",),
    ),
    T(
        "metastatic",
        "Cancer that has spread from where it started to another part of the body.",
        (
            "metastasis",
            "metastases",
            "metastasised",
            "metastasized",
            "secondary cancer",
            "secondaries",
        ),
        ("advanced-cancer", "primary-cancer", "lymph-node"),
    ),
    T(
        "locally advanced",
        "Cancer that has grown outside the place where it started, but has not spread to "
        "distant parts of the body.",
        (),
        ("advanced-cancer", "metastatic"),
    ),
    T(
        "advanced cancer",
        "Cancer that is unlikely to be cured. It may have spread or grown into nearby tissue, "
        "but treatment can often control it.",
        ("advanced cancers",),
        ("metastatic", "locally-advanced", "palliative"),
    ),
    T(
        "unresectable",
        "Cannot be completely removed with surgery.",
        ("inoperable", "non-resectable", "not resectable"),
        ("surgery",),
    ),
    T(
        "recurrent",
        "Cancer that has come back after treatment.",
        ("recurrence", "recurrences", "relapse", "relapsed"),
        ("remission", "refractory"),
    ),
    T(
        "refractory",
        "Cancer that did not respond to treatment, or stopped responding to it.",
        (),
        ("recurrent",),
    ),
    T(
        "carcinoma",
        "Cancer that starts in the cells lining the organs or covering the skin. Most cancers "
        "are carcinomas.",
        ("carcinomas",),
        ("sarcoma",),
    ),
    T(
        "sarcoma",
        "A cancer that starts in the body's supporting tissues, such as bone, muscle, fat or "
        "nerves.",
        ("sarcomas",),
        ("soft-tissue-sarcoma", "gastrointestinal-stromal-tumour"),
    ),
    T(
        "soft tissue sarcoma",
        "A sarcoma that starts in soft tissue, such as muscle, fat, blood vessels or the "
        "tissue under the skin.",
        ("soft tissue sarcomas", "soft-tissue sarcoma", "soft-tissue sarcomas"),
        ("sarcoma", "dermatofibrosarcoma-protuberans"),
    ),
    T(
        "dermatofibrosarcoma protuberans",
        "A rare sarcoma that starts in the deeper layers of the skin. It grows slowly and "
        "rarely spreads, but it can grow back after surgery.",
        ("DFSP", "dermatofibrosarcoma"),
        ("soft-tissue-sarcoma", "giant-cell-fibroblastoma", "imatinib"),
    ),
    T(
        "giant cell fibroblastoma",
        "A rare growth in the skin, mostly in children. It is closely related to DFSP.",
        ("giant cell fibroblastomas",),
        ("dermatofibrosarcoma-protuberans",),
    ),
    T(
        "gastrointestinal stromal tumour",
        "A rare sarcoma that starts in the wall of the digestive system, most often in the "
        "stomach.",
        ("GIST", "GISTs", "gastrointestinal stromal tumor", "gastrointestinal stromal tumours"),
        ("sarcoma", "imatinib"),
    ),
    T(
        "leukaemia",
        "Cancer of the blood-forming cells in the bone marrow.",
        ("leukemia", "leukaemias", "leukemias"),
        ("bone-marrow", "chronic-myeloid-leukaemia"),
    ),
    T(
        "chronic myeloid leukaemia",
        "A slow-growing cancer of white blood cells that starts in the bone marrow.",
        ("CML", "chronic myeloid leukemia", "chronic myelogenous leukemia"),
        ("leukaemia", "imatinib"),
    ),
    T(
        "lymphoma",
        "Cancer that starts in white blood cells called lymphocytes, often in the lymph nodes.",
        ("lymphomas",),
        ("lymph-node",),
    ),
    T(
        "myeloma",
        "Cancer of plasma cells, a type of white blood cell made in the bone marrow.",
        ("multiple myeloma", "myelomas"),
        ("bone-marrow",),
    ),
    T(
        "stage",
        "How big a cancer is and whether it has spread. Doctors use it to plan treatment.",
        ("staging", "stages"),
        ("grade",),
    ),
    T(
        "grade",
        "How unusual the cancer cells look under a microscope. A higher grade usually means "
        "a faster-growing cancer.",
        ("grading", "grades"),
        ("stage",),
    ),
    T(
        "histologically confirmed",
        "The cancer has been checked by looking at a tissue sample under a microscope.",
        ("histological confirmation", "histologically proven", "histology"),
        ("biopsy", "cytology"),
    ),
    T(
        "cytology",
        "Looking at single cells under a microscope, for example cells taken from fluid or a swab.",
        ("cytologically confirmed",),
        ("histologically-confirmed",),
    ),
    T(
        "measurable disease",
        "Cancer that can be measured accurately on a scan, so doctors can tell whether a "
        "treatment makes it shrink.",
        (),
        ("recist", "response-rate"),
    ),
    T(
        "RECIST",
        "A set of rules doctors use to measure on scans whether a cancer has shrunk, stayed "
        "the same or grown.",
        ("RECIST criteria",),
        ("measurable-disease",),
    ),
    # Tests and scans
    T(
        "biopsy",
        "Taking a small sample of tissue so it can be looked at under a microscope.",
        ("biopsies",),
        ("pathologist", "histologically-confirmed"),
    ),
    T(
        "CT scan",
        "A scan that uses X-rays and a computer to make detailed pictures of the inside of "
        "the body.",
        ("CT", "CT scans", "CAT scan", "computed tomography"),
        ("mri-scan", "pet-scan"),
    ),
    T(
        "MRI scan",
        "A scan that uses strong magnets and radio waves to make detailed pictures of the "
        "inside of the body.",
        ("MRI", "MRI scans", "magnetic resonance imaging"),
        ("ct-scan", "pet-scan"),
    ),
    T(
        "PET scan",
        "A scan that uses a mildly radioactive sugar to show how active the cells are in "
        "different parts of the body.",
        ("PET", "PET-CT", "PET-CT scan", "PET scans", "positron emission tomography"),
        ("ct-scan", "mri-scan"),
    ),
    T(
        "blood test",
        "Taking a small amount of blood from a vein, usually in your arm, to check your "
        "health or your cancer.",
        ("blood tests", "blood sample", "blood samples"),
    ),
    T(
        "upper limit of normal",
        "The highest result of a blood test that is normal for healthy people. Trials often "
        "say a result must be below a number of times this level.",
        ("ULN",),
        ("bilirubin", "creatinine", "alt-and-ast"),
    ),
    T(
        "bilirubin",
        "A yellow substance made when red blood cells break down. A blood test measures it "
        "to check how well your liver works.",
        (),
        ("liver-function-tests", "upper-limit-of-normal"),
    ),
    T(
        "creatinine",
        "A waste product that your kidneys remove from the blood. A blood test measures it "
        "to check how well your kidneys work.",
        ("creatinine clearance",),
        ("upper-limit-of-normal",),
    ),
    T(
        "ALT and AST",
        "Enzymes found mostly in the liver. A blood test measures them, and high levels can "
        "mean the liver is damaged or inflamed.",
        ("ALT", "AST", "ALT/AST", "alanine aminotransferase", "aspartate aminotransferase"),
        ("liver-function-tests", "enzyme", "upper-limit-of-normal"),
    ),
    T(
        "liver function tests",
        "Blood tests that show how well your liver is working.",
        ("liver function test", "LFTs", "liver function"),
        ("alt-and-ast", "bilirubin"),
    ),
    T(
        "haemoglobin",
        "The protein in red blood cells that carries oxygen around the body.",
        ("hemoglobin",),
        ("anaemia",),
    ),
    T(
        "anaemia",
        "Having too few red blood cells, which can make you tired and breathless.",
        ("anemia", "anaemic", "anemic"),
        ("haemoglobin",),
    ),
    T(
        "neutrophils",
        "White blood cells that fight infection. Chemotherapy can lower their number for a while.",
        ("neutrophil", "neutrophil count"),
        ("neutropenia",),
    ),
    T(
        "neutropenia",
        "Having a low number of neutrophils, which makes infections more likely.",
        ("neutropenic",),
        ("neutrophils",),
    ),
    T(
        "platelets",
        "Tiny blood cells that help blood to clot and stop bleeding.",
        ("platelet", "platelet count"),
    ),
    T(
        "pregnancy test",
        "A urine or blood test to check whether you are pregnant. Many trials ask for one "
        "before and during treatment.",
        ("pregnancy tests",),
        ("contraception",),
    ),
    T(
        "biomarker",
        "Something in your blood, tissue or genes that doctors can measure to learn about "
        "your cancer or how it may respond to treatment.",
        ("biomarkers",),
        ("mutation",),
    ),
    T(
        "gene",
        "A set of instructions in each cell that controls how the cell grows and works.",
        ("genes", "genetic"),
        ("mutation",),
    ),
    T(
        "mutation",
        "A change in a gene. Some changes can make cells grow out of control.",
        ("mutations", "gene change", "gene changes", "genetic mutation"),
        ("gene", "biomarker"),
    ),
    T(
        "enzyme",
        "A protein that speeds up a chemical change in the body.",
        ("enzymes",),
        ("tyrosine-kinase",),
    ),
    # Treatments
    T(
        "surgery",
        "An operation to remove or repair part of the body.",
        ("operation", "operations", "surgical"),
        ("unresectable",),
    ),
    T(
        "chemotherapy",
        "Treatment with drugs that kill cancer cells or stop them from growing.",
        ("chemo",),
        ("cycle", "side-effect"),
    ),
    T(
        "radiotherapy",
        "Treatment that uses high-energy rays, like strong X-rays, to destroy cancer cells.",
        ("radiation therapy", "radiation treatment"),
        ("surgery", "chemotherapy"),
    ),
    T(
        "immunotherapy",
        "Treatment that helps your immune system find and attack cancer cells.",
        ("immunotherapies",),
        ("immune-system",),
    ),
    T(
        "immune system",
        "The parts of the body that fight infection and disease.",
        (),
        ("immunotherapy",),
    ),
    T(
        "targeted therapy",
        "Drugs that act on particular changes in cancer cells that help them grow.",
        ("targeted therapies", "targeted drug", "targeted drugs", "targeted treatment"),
        ("tyrosine-kinase-inhibitor", "biomarker"),
    ),
    T(
        "tyrosine kinase",
        "A type of enzyme that passes on signals in cells. In some cancers it is stuck on, "
        "telling the cells to keep growing.",
        ("tyrosine kinases",),
        ("enzyme", "tyrosine-kinase-inhibitor"),
    ),
    T(
        "tyrosine kinase inhibitor",
        "A targeted drug that blocks proteins called tyrosine kinases, which can tell cancer "
        "cells to grow. Imatinib is an example.",
        ("TKI", "TKIs", "tyrosine kinase inhibitors"),
        ("tyrosine-kinase", "targeted-therapy", "imatinib"),
    ),
    T(
        "imatinib",
        "A tyrosine kinase inhibitor taken as a tablet. It is used for some leukaemias, GIST "
        "and DFSP.",
        ("Glivec", "Gleevec"),
        ("tyrosine-kinase-inhibitor",),
    ),
    T(
        "hormone therapy",
        "Treatment that blocks or lowers the hormones that some cancers need to grow.",
        ("hormone therapies", "hormonal therapy", "endocrine therapy"),
    ),
    T(
        "stem cell transplant",
        "A treatment that replaces damaged blood-making cells with healthy stem cells after "
        "very high doses of treatment.",
        ("stem cell transplants", "stem cell transplantation", "bone marrow transplant"),
        ("bone-marrow",),
    ),
    T(
        "bone marrow",
        "The soft, spongy tissue inside bones where blood cells are made.",
        (),
        ("stem-cell-transplant", "leukaemia"),
    ),
    T(
        "lymph node",
        "A small bean-shaped gland that is part of the immune system. Cancer can spread to "
        "lymph nodes.",
        ("lymph nodes", "lymph gland", "lymph glands"),
        ("lymphoma", "metastatic"),
    ),
    T(
        "adjuvant",
        "Treatment given after the main treatment, usually surgery, to lower the chance of "
        "the cancer coming back.",
        ("adjuvant therapy", "adjuvant treatment"),
        ("neoadjuvant",),
    ),
    T(
        "neoadjuvant",
        "Treatment given before the main treatment, usually surgery, to shrink the cancer first.",
        ("neo-adjuvant", "neoadjuvant therapy", "neoadjuvant treatment"),
        ("adjuvant",),
    ),
    T(
        "first-line treatment",
        "The first treatment given for a cancer.",
        ("first-line", "first line", "first-line therapy"),
        ("second-line-treatment",),
    ),
    T(
        "second-line treatment",
        "Treatment given when the first treatment has stopped working or caused too many side "
        "effects.",
        ("second-line", "second line", "second-line therapy"),
        ("first-line-treatment",),
    ),
    T(
        "intravenous",
        "Into a vein, through a drip or an injection.",
        ("intravenously", "IV", "drip"),
    ),
    T(
        "palliative",
        "Care or treatment that controls symptoms and helps you feel better, rather than "
        "trying to cure the cancer.",
        ("palliative care", "palliative treatment"),
        ("quality-of-life", "advanced-cancer"),
    ),
    T(
        "contraception",
        "Ways to prevent pregnancy, such as the pill, an implant, a coil or condoms.",
        ("contraceptive", "contraceptives", "birth control"),
        ("barrier-contraception", "pregnancy-test"),
    ),
    T(
        "barrier contraception",
        "Contraception that stops sperm reaching an egg, such as condoms or a diaphragm.",
        ("barrier method", "barrier methods"),
        ("contraception",),
    ),
    # Results
    T(
        "side effect",
        "An unwanted effect of a treatment, such as feeling sick or tired.",
        ("side effects", "side-effect", "side-effects", "adverse event", "adverse events"),
        ("toxicity",),
    ),
    T(
        "toxicity",
        "Harm caused by a treatment. Doctors grade how severe it is.",
        ("toxicities", "dose-limiting toxicity"),
        ("side-effect", "maximum-tolerated-dose"),
    ),
    T(
        "response rate",
        "The share of people in a trial whose cancer shrank or disappeared after treatment.",
        ("response rates", "objective response rate", "overall response rate", "ORR"),
        ("measurable-disease", "remission"),
    ),
    T(
        "progression",
        "When a cancer grows or spreads.",
        ("progressive disease", "disease progression", "progressed"),
        ("progression-free-survival", "stable-disease"),
    ),
    T(
        "progression-free survival",
        "How long people live without their cancer growing or spreading.",
        ("progression free survival", "PFS"),
        ("progression", "overall-survival"),
    ),
    T(
        "stable disease",
        "Cancer that has not grown or shrunk much during treatment.",
        (),
        ("progression", "remission"),
    ),
    T(
        "remission",
        "When tests show the cancer has shrunk (partial remission) or can no longer be found "
        "(complete remission).",
        ("complete remission", "partial remission", "in remission"),
        ("recurrent", "response-rate"),
    ),
    T(
        "overall survival",
        "How long people in a trial live after joining it, from any cause. Trials compare it "
        "between groups.",
        (),
        ("progression-free-survival",),
    ),
    T(
        "quality of life",
        "How well and how comfortably you live day to day, including your feelings, your "
        "activities and any symptoms.",
        ("QoL",),
        ("palliative",),
    ),
    T(
        "performance status",
        "A score of how well you manage everyday activities. Doctors use it to decide if a "
        "treatment or trial is right for you.",
        ("ECOG", "ECOG performance status", "WHO performance status"),
        ("eligibility",),
    ),
    T(
        "prognosis",
        "The likely course of an illness, including the chance of recovery.",
        (),
        ("overall-survival",),
    ),
    T(
        "symptom",
        "A change in your body or how you feel that may be a sign of illness.",
        ("symptoms",),
    ),
]


def load_starter_glossary(GlossaryTerm: Any) -> int:  # noqa: N803 (a model class)
    """Create the starter terms that do not exist yet; return how many were created."""
    created_terms = {}
    for item in TERMS:
        term, created = GlossaryTerm.objects.get_or_create(
            slug=slugify(item.term),
            defaults={
                "term": item.term,
                "definition": item.definition,
                "explanation": item.explanation,
                "variants": "\n".join(item.variants),
                "source": "OURS",
                "attribution": ATTRIBUTION,
            },
        )
        if created:
            created_terms[term.slug] = term
    # Links are added only from new terms, so an editor's removed link stays removed.
    existing = {t.slug: t for t in GlossaryTerm.objects.filter(slug__in=_related_slugs())}
    for item in TERMS:
        term = created_terms.get(slugify(item.term))
        if term is not None:
            term.related.add(*(existing[s] for s in item.related if s in existing))
    return len(created_terms)


def _related_slugs() -> set[str]:
    return {slug for item in TERMS for slug in item.related}
