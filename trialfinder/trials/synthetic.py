"""Reproducible synthetic trials for load and speed testing (`generate_trials`).

Each trial n of a seed gets its own random generator, so the same (seed, n) always gives
the same trial, whatever the batch size and whether earlier trials already exist. Rows are
written with bulk_create, a handful of queries per batch and never one per trial.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import TextIO

from django.db import transaction
from django.utils.text import slugify

from trialfinder.trials import indexing
from trialfinder.trials.demo import HOSPITALS
from trialfinder.trials.models import (
    Condition,
    Intervention,
    Organisation,
    Phase,
    Publication,
    Region,
    Sex,
    Site,
    Source,
    Status,
    StudyType,
    Trial,
    TrialIdentifier,
    TrialOrganisation,
    TrialType,
    normalise_identifier,
)
from trialfinder.trials.seed import CONDITIONS

MAX_COUNT = 999_999  # n fits the 6 digits used in identifiers

K = Intervention.Kind
# Grouped by what a trial of each type tests. (name, kind, other names)
TREATMENTS = [
    ("pembrolizumab", K.BIOLOGICAL, "Keytruda"), ("nivolumab", K.BIOLOGICAL, "Opdivo"),
    ("ipilimumab", K.BIOLOGICAL, "Yervoy"), ("atezolizumab", K.BIOLOGICAL, "Tecentriq"),
    ("durvalumab", K.BIOLOGICAL, "Imfinzi"), ("trastuzumab", K.BIOLOGICAL, "Herceptin"),
    ("bevacizumab", K.BIOLOGICAL, "Avastin"), ("rituximab", K.BIOLOGICAL, "MabThera\nRituxan"),
    ("olaparib", K.DRUG, "Lynparza"), ("niraparib", K.DRUG, "Zejula"),
    ("osimertinib", K.DRUG, "Tagrisso"), ("imatinib", K.DRUG, "Glivec\nGleevec\nSTI571"),
    ("palbociclib", K.DRUG, "Ibrance"), ("abemaciclib", K.DRUG, "Verzenios"),
    ("enzalutamide", K.DRUG, "Xtandi"), ("abiraterone", K.DRUG, "Zytiga"),
    ("lenalidomide", K.DRUG, "Revlimid"), ("venetoclax", K.DRUG, "Venclyxto"),
    ("ibrutinib", K.DRUG, "Imbruvica"), ("cabozantinib", K.DRUG, "Cabometyx"),
    ("capecitabine", K.DRUG, "Xeloda"), ("carboplatin", K.DRUG, "Paraplatin"),
    ("cisplatin", K.DRUG, ""), ("docetaxel", K.DRUG, "Taxotere"),
    ("paclitaxel", K.DRUG, "Taxol"), ("gemcitabine", K.DRUG, "Gemzar"),
    ("oxaliplatin", K.DRUG, "Eloxatin"), ("temozolomide", K.DRUG, "Temodal"),
    ("stereotactic radiotherapy", K.RADIATION, "SABR\nSBRT"),
    ("proton beam therapy", K.RADIATION, "PBT"),
    ("chemoradiotherapy", K.RADIATION, "chemoradiation"),
    ("keyhole surgery", K.PROCEDURE, "laparoscopic surgery"),
    ("robotic surgery", K.PROCEDURE, ""),
    ("CAR T-cell therapy", K.BIOLOGICAL, "CAR-T"),
    ("cancer vaccine", K.BIOLOGICAL, "mRNA cancer vaccine"),
]  # fmt: skip
TESTS = [
    ("low-dose CT scan", K.DIAGNOSTIC_TEST, "LDCT"),
    ("MRI scan", K.DIAGNOSTIC_TEST, ""),
    ("PET-CT scan", K.DIAGNOSTIC_TEST, ""),
    ("blood test for tumour DNA", K.DIAGNOSTIC_TEST, "liquid biopsy\nctDNA test"),
    ("home test kit", K.DEVICE, "self-sampling kit"),
    ("capsule camera", K.DEVICE, "colon capsule endoscopy"),
    ("breath test", K.DIAGNOSTIC_TEST, ""),
]
SUPPORT = [
    ("exercise programme", K.BEHAVIORAL, "prehabilitation"),
    ("online support programme", K.BEHAVIORAL, ""),
    ("mindfulness course", K.BEHAVIORAL, ""),
    ("dietitian support", K.DIETARY_SUPPLEMENT, ""),
    ("cooling cap", K.DEVICE, "scalp cooling"),
    ("symptom tracking app", K.DEVICE, ""),
    ("acupuncture", K.PROCEDURE, ""),
]
PREVENTION = [
    ("aspirin", K.DRUG, ""), ("metformin", K.DRUG, ""), ("anastrozole", K.DRUG, "Arimidex"),
    ("vitamin D", K.DIETARY_SUPPLEMENT, "colecalciferol"),
    ("HPV vaccine", K.BIOLOGICAL, "Gardasil"), ("stop smoking support", K.BEHAVIORAL, ""),
]  # fmt: skip
INTERVENTION_GROUPS = {
    TrialType.TREATMENT: TREATMENTS,
    TrialType.PREVENTION: PREVENTION,
    TrialType.SCREENING: TESTS,
    TrialType.DIAGNOSTIC: TESTS,
    TrialType.SUPPORTIVE_CARE: SUPPORT,
    TrialType.OTHER: SUPPORT + TESTS,
}

SPONSORS = [
    ("University of Leeds", "LEEDS"), ("University College London", "UCL"),
    ("University of Birmingham", "BHAM"), ("University of Manchester", "MAN"),
    ("University of Glasgow", "GLA"), ("University of Oxford", "OX"),
    ("Cardiff University", "CDF"), ("Queen's University Belfast", "QUB"),
    ("The Institute of Cancer Research", "ICR"), ("Newcastle University", "NCL"),
    ("University of Southampton", "SOTON"), ("The Christie NHS Foundation Trust", "CHR"),
    ("The Royal Marsden NHS Foundation Trust", "RMH"), ("University of Edinburgh", "EDI"),
]  # fmt: skip
FUNDERS = ["Cancer Research UK", "National Institute for Health and Care Research"]

FIRST_NAMES = [
    "Aisha", "Ben", "Chloe", "Daniel", "Eleanor", "Farid", "Grace", "Harry", "Imogen", "Jack",
    "Kavita", "Liam", "Maya", "Noah", "Olivia", "Pavel", "Rosa", "Sam", "Tara", "Umar",
]  # fmt: skip
LAST_NAMES = [
    "Adams", "Bhatt", "Campbell", "Davies", "Evans", "Fraser", "Gill", "Hughes", "Iqbal",
    "Jones", "Khan", "Lloyd", "Morgan", "Nolan", "O'Neill", "Patel", "Quinn", "Reid", "Shah",
]  # fmt: skip
TITLES = ["Dr", "Dr", "Dr", "Professor", "Mr", "Ms"]

# Weights roughly as seen on a national register: most trials are open, opening or done.
STATUSES = [
    (Status.RECRUITING, 40), (Status.NOT_YET_RECRUITING, 14), (Status.COMPLETED, 20),
    (Status.ACTIVE_NOT_RECRUITING, 10), (Status.ENROLLING_BY_INVITATION, 3),
    (Status.TERMINATED, 4), (Status.SUSPENDED, 2), (Status.WITHDRAWN, 2), (Status.UNKNOWN, 5),
]  # fmt: skip
TREATMENT_PHASES = [
    (Phase.EARLY_PHASE1, 2), (Phase.PHASE1, 14), (Phase.PHASE1_PHASE2, 8), (Phase.PHASE2, 30),
    (Phase.PHASE2_PHASE3, 6), (Phase.PHASE3, 30), (Phase.PHASE4, 4),
]  # fmt: skip
TRIAL_TYPES = [
    (TrialType.TREATMENT, 72), (TrialType.SUPPORTIVE_CARE, 9), (TrialType.DIAGNOSTIC, 6),
    (TrialType.SCREENING, 5), (TrialType.PREVENTION, 5), (TrialType.OTHER, 3),
]  # fmt: skip
# (min years, max years): adults with no upper limit are by far the most common.
AGE_RANGES = [
    ((18, None), 68), ((16, None), 6), ((18, 75), 8), ((18, 70), 4), ((65, None), 5),
    ((1, 17), 3), ((0, 24), 2), ((13, 25), 1), ((None, None), 3),
]  # fmt: skip
SITE_COUNTS = [(1, 12), (2, 14), (3, 16), (4, 16), (5, 14), (6, 12), (7, 9), (8, 7)]  # mean 4.1
FEMALE_ONLY = {
    "breast-cancer", "secondary-breast-cancer", "triple-negative-breast-cancer",
    "ovarian-cancer", "cervical-cancer", "womb-cancer",
}  # fmt: skip
MALE_ONLY = {"prostate-cancer", "testicular-cancer"}
STILL_RUNNING = {
    Status.RECRUITING, Status.NOT_YET_RECRUITING, Status.ENROLLING_BY_INVITATION,
    Status.SUSPENDED, Status.UNKNOWN,
}  # fmt: skip
WHY_STOPPED = {
    Status.TERMINATED: "Stopped early because not enough people joined.",
    Status.SUSPENDED: "Paused while the trial team reviews safety information.",
    Status.WITHDRAWN: "Withdrawn before anyone joined because funding was not confirmed.",
}
AIMS = {
    TrialType.TREATMENT: "Researchers want to find out if it works better than usual treatment.",
    TrialType.PREVENTION: "Researchers want to find out if it lowers the risk of cancer.",
    TrialType.SCREENING: "Researchers want to find out if it finds cancer earlier.",
    TrialType.DIAGNOSTIC: "Researchers want to find out if it makes diagnosis quicker.",
    TrialType.SUPPORTIVE_CARE: "Researchers want to find out if it helps people feel better.",
    TrialType.OTHER: "Researchers want to find out if it could become part of routine care.",
}
CHILDREN_SLUGS = {
    "childrens-cancers", "neuroblastoma", "acute-lymphoblastic-leukaemia", "bone-sarcoma",
    "brain-tumours", "hodgkin-lymphoma",
}  # fmt: skip
BLOOD_CANCERS = {
    "leukaemia", "acute-myeloid-leukaemia", "acute-lymphoblastic-leukaemia",
    "chronic-lymphocytic-leukaemia", "chronic-myeloid-leukaemia", "lymphoma",
    "hodgkin-lymphoma", "non-hodgkin-lymphoma", "myeloma",
}  # fmt: skip
STAGES = ["early", "advanced", "locally advanced", "newly diagnosed", "high risk"]
TREATMENT_TITLES = [
    "A trial of {a} for {cond}",
    "A trial of {a} for {stage} {cond}",
    "A trial of {a} and {b} for {cond}",
    "A trial comparing {a} with {b} for {cond}",
    "A trial of {a} for {cond} that has come back",
    "A trial of {a} after surgery for {cond}",
    "A trial of {a} before surgery for {cond}",
]
TITLES_BY_TYPE = {
    TrialType.PREVENTION: ["A trial of {a} to lower the risk of {cond}"],
    TrialType.SCREENING: ["A study of {a} to screen for {cond}", "A study of {a} to find {cond} early"],
    TrialType.DIAGNOSTIC: ["A study of {a} to diagnose {cond}", "A study of {a} for people with symptoms of {cond}"],
    TrialType.SUPPORTIVE_CARE: ["A trial of {a} for people having treatment for {cond}"],
    TrialType.OTHER: ["A study looking at {a} for people with {cond}"],
}  # fmt: skip

# Sites: the demo's real hospitals, mostly UK (about 1 trial in 6 also runs in the US).
UK_HOSPITALS = [h for h in HOSPITALS.values() if h[4] == "United Kingdom"]
OTHER_HOSPITALS = [h for h in HOSPITALS.values() if h[4] != "United Kingdom"]


def _weighted(pairs):
    values, weights = zip(*pairs, strict=True)
    cum, total = [], 0
    for w in weights:
        total += w
        cum.append(total)
    return list(values), cum


_STATUS = _weighted(STATUSES)
_PHASE = _weighted(TREATMENT_PHASES)
_TYPE = _weighted(TRIAL_TYPES)
_AGES = _weighted(AGE_RANGES)
_SITES = _weighted(SITE_COUNTS)


def _pick(rng: random.Random, weighted) -> object:
    values, cum = weighted
    return rng.choices(values, cum_weights=cum)[0]


# Things a title counts ("a cooling cap"); drugs and "acupuncture" take no article.
COUNTABLE = {
    "low-dose CT scan", "MRI scan", "PET-CT scan", "blood test for tumour DNA", "home test kit",
    "capsule camera", "breath test", "exercise programme", "online support programme",
    "mindfulness course", "cooling cap", "symptom tracking app", "cancer vaccine",
}  # fmt: skip


def _with_article(name: str) -> str:
    if name not in COUNTABLE:
        return name
    return ("an " if name[0] in "aeiouAEIOU" or name.startswith("MRI") else "a ") + name


def slug_for(seed: int, n: int) -> str:
    return f"synthetic-{seed}-{n}"


def _lower(name: str) -> str:
    return name if name.startswith(("Hodgkin", "Non-Hodgkin")) else name[0].lower() + name[1:]


class _Catalogue:
    """Rows every trial refers to, read (and created if missing) once per run."""

    def __init__(self) -> None:
        # Only the seeded cancer types, in a fixed order, so an editor's new type does not
        # change what a seed generates.
        seeded = {slugify(name.replace("'", "")) for name, _, _ in CONDITIONS} - {"any-cancer"}
        self.conditions = list(
            Condition.objects.filter(slug__in=seeded)
            .order_by("slug")
            .values_list("pk", "slug", "name")
        )
        self.children = [c for c in self.conditions if c[1] in CHILDREN_SLUGS]
        self.regions = dict(Region.objects.values_list("slug", "pk"))
        self.interventions = self._ensure_interventions()
        self.organisations = self._ensure_organisations()

    @staticmethod
    def _ensure_interventions() -> dict[tuple[str, str], int]:
        rows = {}
        for group in INTERVENTION_GROUPS.values():
            rows.update({(name, kind): other for name, kind, other in group})
        names = {name for name, _ in rows}
        Intervention.objects.bulk_create(
            [Intervention(name=n, kind=k, other_names=o) for (n, k), o in rows.items()],
            ignore_conflicts=True,  # keep an existing row (and an editor's other names)
        )
        # bulk_create sends no signals: let spelling suggestions learn any new names.
        indexing.refresh_spelling_terms()
        found = Intervention.objects.filter(name__in=names).values_list("name", "kind", "pk")
        return {(name, kind): pk for name, kind, pk in found}

    @staticmethod
    def _ensure_organisations() -> dict[str, int]:
        names = [name for name, _ in SPONSORS] + FUNDERS
        Organisation.objects.bulk_create(
            [Organisation(name=n) for n in names], ignore_conflicts=True
        )
        return dict(Organisation.objects.filter(name__in=names).values_list("name", "pk"))


def _plan(seed: int, n: int, cat: _Catalogue) -> tuple:
    """Everything for trial n, as unsaved objects plus the ids of its links."""
    rng = random.Random(seed * 1_000_003 + n)
    trial_type = _pick(rng, _TYPE)
    status = _pick(rng, _STATUS)
    ages = _pick(rng, _AGES)
    is_child = ages[1] is not None and ages[1] <= 25
    pool = cat.children if is_child and cat.children else cat.conditions
    conditions = rng.sample(pool, 2 if rng.random() < 0.2 else 1)
    cond_slug, cond_name = conditions[0][1], conditions[0][2]
    cond = _lower(cond_name)

    group = INTERVENTION_GROUPS[trial_type]
    blood_cancer = cond_slug in BLOOD_CANCERS
    if blood_cancer:  # no operations for leukaemia, lymphoma or myeloma
        group = [i for i in group if i[1] != K.PROCEDURE]
    chosen = rng.sample(group, 2 if rng.random() < 0.3 else 1)
    if trial_type == TrialType.TREATMENT:
        phase = _pick(rng, _PHASE)
        templates = (
            TREATMENT_TITLES if len(chosen) == 2 else TREATMENT_TITLES[:2] + TREATMENT_TITLES[4:]
        )
        if blood_cancer or any(kind == K.PROCEDURE for _, kind, _ in chosen):
            templates = [t for t in templates if "surgery" not in t]  # not "surgery after surgery"
        template = rng.choice(templates)
        if phase == Phase.PHASE1 and len(chosen) == 1 and rng.random() < 0.5:
            template = "A trial to find the best dose of {a} for {cond}"
    else:
        phase = Phase.NA if rng.random() < 0.8 else Phase.PHASE3
        template = rng.choice(TITLES_BY_TYPE[trial_type])
    a, b = _with_article(chosen[0][0]), _with_article(chosen[-1][0])
    title = template.format(a=a, b=b, cond=cond, stage=rng.choice(STAGES))
    title = title[0].upper() + title[1:]

    sex = Sex.ALL
    if cond_slug in FEMALE_ONLY or (cond_slug == "breast-cancer" and rng.random() < 0.9):
        sex = Sex.FEMALE
    elif cond_slug in MALE_ONLY:
        sex = Sex.MALE
    healthy = trial_type in (TrialType.SCREENING, TrialType.PREVENTION) and rng.random() < 0.7

    # Dates consistent with the status, around today (late 2026).
    if status == Status.WITHDRAWN:
        start = end = None
    elif status == Status.NOT_YET_RECRUITING:
        start = date(2027, 1, 1) + timedelta(days=rng.randrange(365))
    elif status in (Status.COMPLETED, Status.TERMINATED, Status.ACTIVE_NOT_RECRUITING):
        start = date(2018, 1, 1) + timedelta(days=rng.randrange(6 * 365))
    else:
        start = date(2022, 1, 1) + timedelta(days=rng.randrange(4 * 365 + 300))
    if start:
        end = start + timedelta(days=rng.randrange(365, 5 * 365))
        if status in (Status.COMPLETED, Status.TERMINATED, Status.ACTIVE_NOT_RECRUITING):
            end = min(end, date(2026, 6, 30))
        elif end < date(2027, 1, 1):
            end = date(2027, 1, 1) + timedelta(days=rng.randrange(3 * 365))
    running = status in STILL_RUNNING
    study_type = StudyType.INTERVENTIONAL
    if trial_type == TrialType.DIAGNOSTIC and rng.random() < 0.5:
        study_type = StudyType.OBSERVATIONAL
    has_results = status in (Status.COMPLETED, Status.TERMINATED) and rng.random() < 0.4
    enrolment = rng.choice((20, 30, 40, 60, 80, 120, 200, 300, 450, 600, 1000, 2500))
    if status == Status.WITHDRAWN:
        enrolment = 0

    sponsor, code = rng.choice(SPONSORS)
    person = f"{rng.choice(TITLES)} {rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    n_sites = _pick(rng, _SITES)
    hospitals = rng.sample(UK_HOSPITALS, n_sites)
    if rng.random() < 0.17:
        hospitals[-1] = rng.choice(OTHER_HOSPITALS)
    open_now = status in (Status.RECRUITING, Status.ENROLLING_BY_INVITATION)

    trial = Trial(
        slug=slug_for(seed, n),
        title=title,
        acronym=f"{code}-{n}" if rng.random() < 0.3 else "",
        summary=(
            f"This trial is looking at {a} for people with {cond}. {AIMS[trial_type]} "
            "It is also looking at side effects and quality of life.\n\n"
            "This is an invented trial, generated for testing."
        ),
        who_can_join=(
            f"You may be able to join if you have {cond}. "
            "The trial team will check the other criteria with you."
        ),
        results_summary=(
            f"{enrolment} people took part. The trial team found that {a} was safe and they are "
            "working on the full results."
            if has_results
            else ""
        ),
        brief_summary=f"This study evaluates {a} in participants with {cond}.",
        status=status,
        why_stopped=WHY_STOPPED.get(status, ""),
        has_results=has_results,
        phase=phase,
        trial_type=trial_type,
        study_type=study_type,
        min_age_months=None if ages[0] is None else ages[0] * 12,
        max_age_months=None if ages[1] is None else ages[1] * 12,
        sex=sex,
        healthy_volunteers=healthy,
        start_date=start,
        end_date=end,
        end_date_is_estimate=running and end is not None,
        enrolment=enrolment,
        enrolment_is_estimate=running,
        chief_investigator=person,
        chief_investigator_affiliation=hospitals[0][0],
        publication=Publication.DRAFT if rng.random() < 0.06 else Publication.PUBLISHED,
        last_reviewed=date(2026, 1, 1) + timedelta(days=rng.randrange(320)),
        source=Source.REGISTRY if rng.random() < 0.7 else Source.MANUAL,
        registry_last_updated=date(2025, 6, 1) + timedelta(days=rng.randrange(500)),
        is_example=True,
    )
    sites = []
    for facility, city, state, postcode, country, region, lat, lon, _phone in hospitals:
        site_status = status
        if open_now and rng.random() < 0.15:
            site_status = rng.choice((Status.NOT_YET_RECRUITING, Status.ACTIVE_NOT_RECRUITING))
        sites.append(
            Site(
                facility=facility,
                city=city,
                state=state,
                postcode=postcode,
                country=country,
                region_id=cat.regions.get(region),
                latitude=lat,
                longitude=lon,
                status=site_status,
            )
        )
    # NCT9 + 7 digits and ISRCTN9 + 7 digits: unique per n within a seed, and well
    # outside the numbers either registry has issued.
    identifiers = [("ORG", f"{code}/{start.year if start else 2026}/{seed}-{n:06d}")]
    if rng.random() < 0.85:
        identifiers.append(("NCT", f"NCT9{seed % 10}{n:06d}"))
    if rng.random() < 0.35:
        identifiers.append(("ISRCTN", f"ISRCTN9{seed % 10}{n:06d}"))
    organisations = [(cat.organisations[sponsor], TrialOrganisation.Role.SPONSOR)]
    if rng.random() < 0.4:
        organisations.append(
            (cat.organisations[rng.choice(FUNDERS)], TrialOrganisation.Role.FUNDER)
        )
    intervention_ids = [cat.interventions[(name, kind)] for name, kind, _ in chosen]
    return trial, [c[0] for c in conditions], intervention_ids, sites, identifiers, organisations


def _write_batch(plans: list[tuple]) -> tuple[int, int]:
    """Insert one batch: a few bulk INSERTs and the search text, whatever the batch size."""
    trials = Trial.objects.bulk_create([p[0] for p in plans])  # primary keys come back
    condition_links, intervention_links, sites, identifiers, organisation_links = [], [], [], [], []
    ConditionLink, InterventionLink = Trial.conditions.through, Trial.interventions.through
    for trial, (_, condition_ids, intervention_ids, trial_sites, ids, orgs) in zip(
        trials, plans, strict=True
    ):
        condition_links += [ConditionLink(trial_id=trial.pk, condition_id=c) for c in condition_ids]
        intervention_links += [
            InterventionLink(trial_id=trial.pk, intervention_id=i) for i in intervention_ids
        ]
        for site in trial_sites:
            site.trial_id = trial.pk
        sites += trial_sites
        # bulk_create skips TrialIdentifier.save(), so set the lookup form here.
        identifiers += [
            TrialIdentifier(trial_id=trial.pk, kind=k, value=v, normalised=normalise_identifier(v))
            for k, v in ids
        ]
        organisation_links += [
            TrialOrganisation(trial_id=trial.pk, organisation_id=o, role=r) for o, r in orgs
        ]
    ConditionLink.objects.bulk_create(condition_links)
    InterventionLink.objects.bulk_create(intervention_links)
    Site.objects.bulk_create(sites)
    # Another seed can share an identifier number (seed 3 and 13): skip that one row.
    TrialIdentifier.objects.bulk_create(identifiers, ignore_conflicts=True)
    TrialOrganisation.objects.bulk_create(organisation_links)
    # bulk_create sends no signals, so build the search text here.
    indexing.reindex(trial.pk for trial in trials)
    return len(sites), len(identifiers)


def generate(
    count: int, seed: int = 1, batch_size: int = 2000, stdout: TextIO | None = None
) -> int:
    """Create synthetic trials 1..count for `seed`, skipping slugs that already exist.
    Returns how many trials were created."""
    if not 0 < count <= MAX_COUNT:
        raise ValueError(f"count must be between 1 and {MAX_COUNT}")
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    write: Callable[[str], object] = stdout.write if stdout else (lambda _: None)
    began = time.perf_counter()
    catalogue = _Catalogue()
    if not catalogue.conditions or not catalogue.regions:
        raise ValueError("No cancer types or regions: run migrate (or load_demo) first.")

    created = total_sites = total_ids = 0
    batches = (count + batch_size - 1) // batch_size
    for number, first in enumerate(range(1, count + 1, batch_size), start=1):
        numbers = range(first, min(first + batch_size, count + 1))
        with transaction.atomic():
            existing = set(
                Trial.objects.filter(slug__in=[slug_for(seed, n) for n in numbers]).values_list(
                    "slug", flat=True
                )
            )
            plans = [
                _plan(seed, n, catalogue) for n in numbers if slug_for(seed, n) not in existing
            ]
            if plans:
                sites, ids = _write_batch(plans)
                created, total_sites, total_ids = created + len(plans), total_sites + sites, total_ids + ids  # fmt: skip
        write(
            f"Batch {number}/{batches}: {len(plans)} new trials "
            f"({len(existing)} already there); {created} trials, {total_sites} sites so far "
            f"({time.perf_counter() - began:.1f} s)\n"
        )
    write(
        f"Created {created} trials, {total_sites} sites and {total_ids} identifiers "
        f"for seed {seed} in {time.perf_counter() - began:.1f} s.\n"
    )
    return created
