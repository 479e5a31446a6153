"""ClinicalTrials.gov API v2 study dict -> plain values for our models.

Pure functions only (no database, no Django models), so every rule is unit-tested on
dicts. The writer turns a StudyData into rows; region and cancer-type lookups come back
as names and ids that the writer resolves against tables it loaded once per run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from trialfinder.text import split_criteria
from trialfinder.trials.seed import ENGLISH_REGIONS, US_STATES

# Choice values as plain strings: this module must not import models.
STATUSES = {
    "RECRUITING",
    "NOT_YET_RECRUITING",
    "ENROLLING_BY_INVITATION",
    "ACTIVE_NOT_RECRUITING",
    "SUSPENDED",
    "TERMINATED",
    "COMPLETED",
    "WITHDRAWN",
    "UNKNOWN",
}
PHASES = {"EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4", "NA"}
COMBINED_PHASES = {
    frozenset({"PHASE1", "PHASE2"}): "PHASE1_PHASE2",
    frozenset({"PHASE2", "PHASE3"}): "PHASE2_PHASE3",
}
TRIAL_TYPES = {"TREATMENT", "PREVENTION", "SCREENING", "SUPPORTIVE_CARE", "DIAGNOSTIC"}
STUDY_TYPES = {"INTERVENTIONAL", "OBSERVATIONAL", "EXPANDED_ACCESS"}
SEXES = {"ALL", "FEMALE", "MALE"}
INTERVENTION_KINDS = {
    "DRUG",
    "BIOLOGICAL",
    "PROCEDURE",
    "RADIATION",
    "DEVICE",
    "GENETIC",
    "BEHAVIORAL",
    "DIETARY_SUPPLEMENT",
    "DIAGNOSTIC_TEST",
    "COMBINATION_PRODUCT",
    "OTHER",
}
OFFICIAL_ROLES = ("STUDY_CHAIR", "PRINCIPAL_INVESTIGATOR", "STUDY_DIRECTOR")

# Our column sizes: PostgreSQL rejects longer values, SQLite silently keeps them.
MAX = {
    "title": 300,
    "acronym": 50,
    "why_stopped": 500,
    "chief_investigator": 200,
    "chief_investigator_affiliation": 255,
    "contact_name": 200,
    "contact_phone": 50,
    "facility": 255,
    "city": 100,
    "state": 100,
    "postcode": 20,
    "country": 100,
    "identifier": 100,
    "intervention": 255,
    "organisation": 255,
}


class StudyError(ValueError):
    """A study we cannot import as it stands; the message says why, for the report."""


# --- Plain values -----------------------------------------------------------------------


@dataclass(frozen=True)
class RegionRef:
    """Which Region a site belongs in, by kind and name (resolved by the writer)."""

    kind: str
    name: str


@dataclass
class IdentifierData:
    kind: str
    value: str


@dataclass
class OrganisationData:
    name: str
    role: str


@dataclass
class InterventionData:
    name: str
    kind: str
    other_names: list[str] = field(default_factory=list)


@dataclass
class SiteData:
    facility: str
    city: str = ""
    state: str = ""
    postcode: str = ""
    country: str = ""
    status: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    latitude: float | None = None
    longitude: float | None = None
    region: RegionRef | None = None


@dataclass
class StudyData:
    nct_id: str
    title: str
    official_title: str = ""
    acronym: str = ""
    identifiers: list[IdentifierData] = field(default_factory=list)
    status: str = "UNKNOWN"
    why_stopped: str = ""
    has_results: bool = False
    phase: str = ""
    study_type: str = "INTERVENTIONAL"
    trial_type: str = "OTHER"
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    end_date_is_estimate: bool = False
    enrolment: int | None = None
    enrolment_is_estimate: bool = False
    min_age_months: int | None = None
    max_age_months: int | None = None
    sex: str = "ALL"
    healthy_volunteers: bool = False
    brief_summary: str = ""
    detailed_description: str = ""
    eligibility_criteria: str = ""
    inclusion_criteria: str = ""
    exclusion_criteria: str = ""
    chief_investigator: str = ""
    chief_investigator_affiliation: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    conditions: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    mesh_terms: list[str] = field(default_factory=list)
    mesh_ancestors: list[str] = field(default_factory=list)
    # MeSH terms the registry derived from cancer wording in the record. Derived MeSH
    # misfires ('Secondary' -> Neoplasm Metastasis in an eye study), so only these count
    # as evidence that a study is about cancer.
    mesh_evidence: list[str] = field(default_factory=list)
    interventions: list[InterventionData] = field(default_factory=list)
    organisations: list[OrganisationData] = field(default_factory=list)
    sites: list[SiteData] = field(default_factory=list)
    registry_last_updated: dt.date | None = None

    # Registry-owned Trial columns. Everything an editor writes (summary, more_about,
    # who_can_join, what_is_involved, results_summary, publication, slug, last_reviewed)
    # is deliberately absent, so the writer cannot overwrite it.
    TRIAL_FIELDS = (
        "title",
        "official_title",
        "acronym",
        "status",
        "why_stopped",
        "has_results",
        "phase",
        "study_type",
        "trial_type",
        "start_date",
        "end_date",
        "end_date_is_estimate",
        "enrolment",
        "enrolment_is_estimate",
        "min_age_months",
        "max_age_months",
        "sex",
        "healthy_volunteers",
        "brief_summary",
        "detailed_description",
        "eligibility_criteria",
        "inclusion_criteria",
        "exclusion_criteria",
        "chief_investigator",
        "chief_investigator_affiliation",
        "contact_name",
        "contact_phone",
        "contact_email",
        "registry_last_updated",
    )

    def trial_fields(self) -> dict[str, Any]:
        values = {name: getattr(self, name) for name in self.TRIAL_FIELDS}
        values["keywords"] = "\n".join(self.keywords)
        values["mesh_terms"] = "\n".join(self.mesh_terms + self.mesh_ancestors)
        return values

    def content_hash(self, extra: Iterable[Any] = ()) -> str:
        """Fingerprint of everything we store from this study (plus `extra`, e.g. the
        cancer types it maps to), so keys we ignore never make a study look changed."""
        payload = json.dumps(
            [asdict(self), list(extra)], sort_keys=True, default=str, separators=(",", ":")
        )
        return hashlib.sha256(payload.encode()).hexdigest()


# --- Small typed getters ----------------------------------------------------------------


def _dict(value: Any, where: str) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise StudyError(f"{where} should be an object, got {type(value).__name__}")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise StudyError(f"{where} should be a list, got {type(value).__name__}")
    return value


def _text(value: Any, where: str, limit: int | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise StudyError(f"{where} should be text, got {type(value).__name__}")
    text = str(value).strip()
    return text[:limit] if limit else text


def _bool(value: Any, where: str) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        raise StudyError(f"{where} should be true or false, got {value!r}")
    return value


def _texts(value: Any, where: str) -> list[str]:
    return [t for t in (_text(v, where) for v in _list(value, where)) if t]


# --- Individual rules -------------------------------------------------------------------

NCT_RE = re.compile(r"^NCT\d{8}$")
EU_CT_RE = re.compile(r"^\d{4}-\d{6}-\d{2}-\d{2}$")
EUDRACT_RE = re.compile(r"^\d{4}-\d{6}-\d{2}$")
ISRCTN_RE = re.compile(r"^ISRCTN\s*\d{8}$", re.I)
IRAS_RE = re.compile(r"^IRAS(?:\s*(?:ID|number|no\.?))?\s*[:#]?\s*\d+$", re.I)


def secondary_id_kind(value: str, id_type: str = "", domain: str = "") -> str:
    """Type a secondary ID by its shape first (sponsors often mislabel the type)."""
    value = value.strip()
    context = f"{id_type} {domain}".upper()
    if EU_CT_RE.match(value):
        return "EU_CT"
    if EUDRACT_RE.match(value):
        # A 2023+ EU CT number is sometimes given without its "-00" suffix; the domain
        # (CTIS, "EU CT") tells it apart from an old EudraCT number.
        if "CTIS" in context or "EU CT" in context or "EU TRIAL" in context:
            return "EU_CT"
        return "EUDRACT"
    if ISRCTN_RE.match(value):
        return "ISRCTN"
    if IRAS_RE.match(value) or ("IRAS" in context.split() and value.isdigit()):
        return "IRAS"
    return "OTHER"


def map_identifiers(ident: Mapping[str, Any], nct_id: str) -> list[IdentifierData]:
    found = [IdentifierData("NCT", nct_id)]
    org = _text(_dict(ident.get("orgStudyIdInfo"), "orgStudyIdInfo").get("id"), "orgStudyId")
    if org:
        found.append(IdentifierData("ORG", org[: MAX["identifier"]]))
    for info in _list(ident.get("secondaryIdInfos"), "secondaryIdInfos"):
        info = _dict(info, "secondaryIdInfos[]")
        value = _text(info.get("id"), "secondaryIdInfos[].id", MAX["identifier"])
        if value:
            kind = secondary_id_kind(
                value, _text(info.get("type"), "type"), _text(info.get("domain"), "domain")
            )
            found.append(IdentifierData(kind, value))
    for alias in _texts(ident.get("nctIdAliases"), "nctIdAliases"):
        found.append(IdentifierData("OBSOLETE", alias[: MAX["identifier"]]))
    # One of each (kind, value): the table is unique on it and sponsors repeat themselves.
    unique, seen = [], set()
    for item in found:
        key = (item.kind, _normalise_id(item.value))
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique


def _normalise_id(value: str) -> str:
    # Same rule as trials.models.normalise_identifier, repeated to keep this module pure.
    return "".join(ch for ch in value.upper() if ch.isalnum())


def map_status(value: Any) -> str:
    status = _text(value, "overallStatus").upper()
    return status if status in STATUSES else "UNKNOWN"


def map_phase(value: Any) -> str:
    phases = [p.upper() for p in _texts(value, "phases")]
    known = [p for p in phases if p in PHASES]
    if not known:
        return ""
    if len(set(known)) == 1:
        return known[0]
    combined = COMBINED_PHASES.get(frozenset(known) - {"NA"})
    if combined:
        return combined
    real = [p for p in known if p != "NA"]
    return real[0] if real else "NA"


def map_trial_type(value: Any) -> str:
    purpose = _text(value, "primaryPurpose").upper()
    # BASIC_SCIENCE, HEALTH_SERVICES_RESEARCH, DEVICE_FEASIBILITY, ECT and missing.
    return purpose if purpose in TRIAL_TYPES else "OTHER"


def map_study_type(value: Any) -> str:
    study_type = _text(value, "studyType").upper()
    return study_type if study_type in STUDY_TYPES else "INTERVENTIONAL"


def map_sex(value: Any) -> str:
    sex = _text(value, "sex").upper()
    return sex if sex in SEXES else "ALL"


DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


def parse_date(value: Any, where: str = "date") -> dt.date | None:
    """'2024-03-15', '2024-03' (first of the month) or '2024' (1 January)."""
    text = _text(value, where)
    if not text:
        return None
    match = DATE_RE.match(text)
    if not match:
        raise StudyError(f"{where} {text!r} is not a date")
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise StudyError(f"{where} {text!r} is not a date") from exc


AGE_RE = re.compile(r"^(\d+(?:\.\d+)?)\s*(year|month|week|day|hour|minute)s?$", re.I)
DAYS_PER_MONTH = 365.25 / 12


def parse_age_months(value: Any, where: str = "age") -> int | None:
    """'18 Years' -> 216, '6 Months' -> 6; weeks and days round down to whole months.
    'N/A' or missing means no limit (None)."""
    text = _text(value, where)
    if not text or text.upper() in {"N/A", "NA", "NONE"}:
        return None
    match = AGE_RE.match(text)
    if not match:
        raise StudyError(f"{where} {text!r} is not an age")
    number, unit = float(match.group(1)), match.group(2).lower()
    if unit == "year":
        return math.floor(number * 12)
    if unit == "month":
        return math.floor(number)
    days = {"week": 7.0, "day": 1.0, "hour": 1 / 24, "minute": 1 / 1440}[unit] * number
    # The epsilon keeps 4 weeks short of a month and 61 days at 2 months despite floats.
    return math.floor(days / DAYS_PER_MONTH + 1e-9)


def _email(value: str) -> str:
    # Placeholders ("see website") would fail the EmailField and mislead patients.
    return value if re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value) and len(value) <= 254 else ""


# --- Regions ----------------------------------------------------------------------------

_E = {name: name for name in ENGLISH_REGIONS}
# Every UK postcode area (the letters before the first digit) -> English region or UK
# nation. Areas straddling a border go where most of their postcodes are; the district
# table below fixes the big exceptions.
POSTCODE_AREAS = {
    # London
    **dict.fromkeys(
        [
            "E",
            "EC",
            "N",
            "NW",
            "SE",
            "SW",
            "W",
            "WC",
            "BR",
            "CR",
            "DA",
            "EN",
            "HA",
            "IG",
            "KT",
            "RM",
            "SM",
            "TW",
            "UB",
        ],
        _E["London"],
    ),
    # North East
    **dict.fromkeys(["NE", "SR", "DH", "DL", "TS"], _E["North East"]),
    # North West
    **dict.fromkeys(
        ["M", "L", "WA", "WN", "BL", "BB", "PR", "FY", "LA", "CA", "CH", "CW", "OL", "SK"],
        _E["North West"],
    ),
    # Yorkshire and the Humber
    **dict.fromkeys(
        ["LS", "BD", "HD", "HX", "HG", "HU", "DN", "S", "WF", "YO"], _E["Yorkshire and the Humber"]
    ),
    # East Midlands
    **dict.fromkeys(["DE", "NG", "LE", "LN", "NN"], _E["East Midlands"]),
    # West Midlands
    **dict.fromkeys(["B", "CV", "DY", "HR", "ST", "TF", "WR", "WS", "WV"], _E["West Midlands"]),
    # East of England
    **dict.fromkeys(
        ["AL", "CB", "CM", "CO", "IP", "LU", "NR", "PE", "SG", "SS"], _E["East of England"]
    ),
    # South East
    **dict.fromkeys(
        ["BN", "CT", "GU", "HP", "ME", "MK", "OX", "PO", "RG", "RH", "SL", "SO", "TN"],
        _E["South East"],
    ),
    # South West
    **dict.fromkeys(
        ["BA", "BH", "BS", "DT", "EX", "GL", "PL", "SN", "SP", "TA", "TQ", "TR"], _E["South West"]
    ),
    # Nations
    **dict.fromkeys(
        [
            "AB",
            "DD",
            "DG",
            "EH",
            "FK",
            "G",
            "HS",
            "IV",
            "KA",
            "KW",
            "KY",
            "ML",
            "PA",
            "PH",
            "TD",
            "ZE",
        ],
        "Scotland",
    ),
    **dict.fromkeys(["CF", "LD", "LL", "NP", "SA", "SY"], "Wales"),
    "BT": "Northern Ireland",
}
# Crown dependencies are not in the UK: they fall back to the country.
NON_UK_AREAS = {"GY", "JE", "IM"}
# Postcode districts on the other side of a border from the rest of their area.
POSTCODE_DISTRICTS = {
    **{f"SY{n}": _E["West Midlands"] for n in range(1, 14)},  # Shrewsbury, Shropshire
    "SY14": _E["North West"],  # Malpas, Cheshire
    **{f"CH{n}": "Wales" for n in range(5, 9)},  # Deeside, Flintshire
    "TD15": _E["North East"],  # Berwick-upon-Tweed
    "TD12": "Scotland",
}
UK_NATIONS = {"England", "Scotland", "Wales", "Northern Ireland"}
POSTCODE_RE = re.compile(r"^([A-Z]{1,2})(\d{1,2})")
US_STATE_BY_CODE = dict(US_STATES)
US_STATE_BY_NAME = {name.lower(): name for _code, name in US_STATES}
# Registry spellings of countries we seed under another name.
COUNTRY_ALIASES = {
    "korea, republic of": "South Korea",
    "republic of korea": "South Korea",
    "uk": "United Kingdom",
    "great britain": "United Kingdom",
    "usa": "United States",
    "united states of america": "United States",
}
UK_NAMES = {"United Kingdom", "England", "Scotland", "Wales", "Northern Ireland"}


def country_name(value: str) -> str:
    return COUNTRY_ALIASES.get(value.strip().lower(), value.strip())


def uk_area_region(postcode: str) -> str | None:
    """'LS9 7TF' -> 'Yorkshire and the Humber'; None when it is not a UK postcode."""
    text = postcode.upper().strip()
    compact = text.replace(" ", "")
    # The outward code ("SY1" in "SY1 3AB") is all but the last three characters.
    outward = text.split()[0] if " " in text else (compact[:-3] if len(compact) >= 5 else compact)
    match = POSTCODE_RE.match(outward)
    if not match or match.group(1) in NON_UK_AREAS:
        return None
    area = match.group(1)
    district = f"{area}{int(match.group(2))}"
    return POSTCODE_DISTRICTS.get(district) or POSTCODE_AREAS.get(area)


def region_for(country: str, state: str = "", postcode: str = "") -> RegionRef | None:
    """Which region filter a site belongs to: an English region or UK nation from the
    postcode, a US state by name, otherwise the country."""
    country = country_name(country)
    if not country:
        return None
    if country in UK_NAMES:
        name = uk_area_region(postcode) if postcode else None
        if name is None and state.strip().title() in UK_NATIONS:
            name = state.strip().title()
        if name is None and country in UK_NATIONS:
            name = country
        if name in UK_NATIONS:
            return RegionRef("UK_NATION", name)
        if name:
            return RegionRef("ENGLISH_REGION", name)
        return RegionRef("COUNTRY", "United Kingdom")
    if country == "United States":
        key = state.strip()
        name = US_STATE_BY_CODE.get(key.upper()) or US_STATE_BY_NAME.get(key.lower())
        if name:
            return RegionRef("US_STATE", name)
    return RegionRef("COUNTRY", country)


# --- Locations, people, organisations, interventions ------------------------------------


def map_site(location: Mapping[str, Any]) -> SiteData:
    loc = _dict(location, "locations[]")
    contacts = _list(loc.get("contacts"), "locations[].contacts")
    contact = _dict(contacts[0], "locations[].contacts[]") if contacts else {}
    geo = _dict(loc.get("geoPoint"), "geoPoint")
    lat, lon = geo.get("lat"), geo.get("lon")
    if lat is not None or lon is not None:
        if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (lat, lon)):
            raise StudyError(f"geoPoint {geo!r} is not a pair of numbers")
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            lat = lon = None  # Off the planet: drop the point, keep the site.
    country = country_name(_text(loc.get("country"), "country", MAX["country"]))
    state = _text(loc.get("state"), "state", MAX["state"])
    postcode = _text(loc.get("zip"), "zip", MAX["postcode"])
    status = _text(loc.get("status"), "locations[].status").upper()
    return SiteData(
        facility=_text(loc.get("facility"), "facility", MAX["facility"]),
        city=_text(loc.get("city"), "city", MAX["city"]),
        state=state,
        postcode=postcode,
        country=country,
        status=status if status in STATUSES else "",
        contact_name=_text(contact.get("name"), "contact name", MAX["contact_name"]),
        contact_phone=_text(contact.get("phone"), "contact phone", MAX["contact_phone"]),
        contact_email=_email(_text(contact.get("email"), "contact email")),
        latitude=lat,
        longitude=lon,
        region=region_for(country, state, postcode),
    )


def map_interventions(module: Mapping[str, Any]) -> list[InterventionData]:
    found: dict[tuple[str, str], InterventionData] = {}
    for item in _list(module.get("interventions"), "interventions"):
        item = _dict(item, "interventions[]")
        name = _text(item.get("name"), "intervention name", MAX["intervention"])
        if not name:
            continue
        kind = _text(item.get("type"), "intervention type").upper()
        kind = kind if kind in INTERVENTION_KINDS else "OTHER"
        names = [n for n in _texts(item.get("otherNames"), "otherNames") if n != name]
        existing = found.setdefault((name.lower(), kind), InterventionData(name, kind))
        existing.other_names += [n for n in names if n not in existing.other_names]
    return list(found.values())


def map_organisations(module: Mapping[str, Any]) -> list[OrganisationData]:
    found: list[OrganisationData] = []
    lead = _text(_dict(module.get("leadSponsor"), "leadSponsor").get("name"), "leadSponsor")
    if lead:
        found.append(OrganisationData(lead[: MAX["organisation"]], "SPONSOR"))
    for item in _list(module.get("collaborators"), "collaborators"):
        name = _text(_dict(item, "collaborators[]").get("name"), "collaborator")
        org = OrganisationData(name[: MAX["organisation"]], "COLLABORATOR")
        if name and org not in found:
            found.append(org)
    return found


# --- The whole study --------------------------------------------------------------------


def map_study(study: Any) -> StudyData:
    """One API v2 study -> StudyData. Raises StudyError on anything we cannot trust.
    Keys we do not know are ignored (the 2023 beta API added several)."""
    study = _dict(study, "study")
    protocol = _dict(study.get("protocolSection"), "protocolSection")
    ident = _dict(protocol.get("identificationModule"), "identificationModule")
    nct_id = _text(ident.get("nctId"), "nctId").upper()
    if not nct_id:
        raise StudyError("missing nctId")
    if not NCT_RE.match(nct_id):
        raise StudyError(f"nctId {nct_id!r} is not an NCT number")

    status_mod = _dict(protocol.get("statusModule"), "statusModule")
    design = _dict(protocol.get("designModule"), "designModule")
    design_info = _dict(design.get("designInfo"), "designInfo")
    enrolment_info = _dict(design.get("enrollmentInfo"), "enrollmentInfo")
    description = _dict(protocol.get("descriptionModule"), "descriptionModule")
    eligibility = _dict(protocol.get("eligibilityModule"), "eligibilityModule")
    conditions_mod = _dict(protocol.get("conditionsModule"), "conditionsModule")
    contacts_mod = _dict(protocol.get("contactsLocationsModule"), "contactsLocationsModule")
    derived = _dict(study.get("derivedSection"), "derivedSection")
    browse = _dict(derived.get("conditionBrowseModule"), "conditionBrowseModule")

    title = _text(ident.get("briefTitle"), "briefTitle")
    official_title = _text(ident.get("officialTitle"), "officialTitle")
    if not title and not official_title:
        raise StudyError("no title")

    start = parse_date(_dict(status_mod.get("startDateStruct"), "startDate").get("date"), "start")
    # Recruitment ends at primary completion; fall back to overall completion.
    end_struct = _dict(
        status_mod.get("primaryCompletionDateStruct") or status_mod.get("completionDateStruct"),
        "completionDate",
    )
    end = parse_date(end_struct.get("date"), "completion date")
    if start and end and start > end:
        raise StudyError(f"start date {start} is after completion date {end}")

    count = enrolment_info.get("count")
    if count is not None:
        if isinstance(count, str) and count.strip().isascii() and count.strip().isdigit():
            count = int(count)
        if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count < 2**31:
            raise StudyError(f"enrollment count {count!r} is not a whole number")

    min_age = parse_age_months(eligibility.get("minimumAge"), "minimumAge")
    max_age = parse_age_months(eligibility.get("maximumAge"), "maximumAge")
    if min_age is not None and max_age is not None and min_age > max_age:
        raise StudyError(f"minimum age {min_age} months is above maximum {max_age} months")

    criteria = _text(eligibility.get("eligibilityCriteria"), "eligibilityCriteria")
    inclusion, exclusion = split_criteria(criteria)

    officials = [
        _dict(o, "overallOfficials[]")
        for o in _list(contacts_mod.get("overallOfficials"), "overallOfficials")
    ]
    official = next((o for o in officials if o.get("role") in OFFICIAL_ROLES), None)
    official = official or (officials[0] if officials else {})
    centrals = _list(contacts_mod.get("centralContacts"), "centralContacts")
    central = _dict(centrals[0], "centralContacts[]") if centrals else {}

    last_update = _dict(status_mod.get("lastUpdatePostDateStruct"), "lastUpdatePostDate")
    meshes = [
        _text(_dict(m, "meshes[]").get("term"), "mesh term")
        for m in _list(browse.get("meshes"), "meshes")
        if _dict(m, "meshes[]").get("term")
    ]
    found_as = {
        _text(leaf.get("name"), "leaf name"): _text(leaf.get("asFound"), "asFound")
        for leaf in (
            _dict(x, "browseLeaves[]") for x in _list(browse.get("browseLeaves"), "browseLeaves")
        )
    }
    return StudyData(
        nct_id=nct_id,
        title=(title or official_title)[: MAX["title"]],
        official_title=official_title,
        acronym=_text(ident.get("acronym"), "acronym", MAX["acronym"]),
        identifiers=map_identifiers(ident, nct_id),
        status=map_status(status_mod.get("overallStatus")),
        why_stopped=_text(status_mod.get("whyStopped"), "whyStopped", MAX["why_stopped"]),
        has_results=_bool(study.get("hasResults"), "hasResults"),
        phase=map_phase(design.get("phases")),
        study_type=map_study_type(design.get("studyType")),
        trial_type=map_trial_type(design_info.get("primaryPurpose")),
        start_date=start,
        end_date=end,
        end_date_is_estimate=_text(end_struct.get("type"), "date type").upper()
        in {"ESTIMATED", "ANTICIPATED"},
        enrolment=count,
        enrolment_is_estimate=_text(enrolment_info.get("type"), "enrollment type").upper()
        in {"ESTIMATED", "ANTICIPATED"},
        min_age_months=min_age,
        max_age_months=max_age,
        sex=map_sex(eligibility.get("sex")),
        healthy_volunteers=_bool(eligibility.get("healthyVolunteers"), "healthyVolunteers"),
        brief_summary=_text(description.get("briefSummary"), "briefSummary"),
        detailed_description=_text(description.get("detailedDescription"), "detailed"),
        eligibility_criteria=criteria,
        inclusion_criteria="\n".join(inclusion),
        exclusion_criteria="\n".join(exclusion),
        chief_investigator=_text(official.get("name"), "official", MAX["chief_investigator"]),
        chief_investigator_affiliation=_text(
            official.get("affiliation"), "affiliation", MAX["chief_investigator_affiliation"]
        ),
        contact_name=_text(central.get("name"), "central contact", MAX["contact_name"]),
        contact_phone=_text(central.get("phone"), "central phone", MAX["contact_phone"]),
        contact_email=_email(_text(central.get("email"), "central email")),
        conditions=_texts(conditions_mod.get("conditions"), "conditions"),
        keywords=_texts(conditions_mod.get("keywords"), "keywords"),
        mesh_terms=meshes,
        mesh_evidence=[
            term for term in meshes if not found_as.get(term) or looks_like_cancer([found_as[term]])
        ],
        mesh_ancestors=[
            _text(_dict(m, "ancestors[]").get("term"), "ancestor")
            for m in _list(browse.get("ancestors"), "ancestors")
            if _dict(m, "ancestors[]").get("term")
        ],
        interventions=map_interventions(
            _dict(protocol.get("armsInterventionsModule"), "armsInterventionsModule")
        ),
        organisations=map_organisations(
            _dict(protocol.get("sponsorCollaboratorsModule"), "sponsorCollaboratorsModule")
        ),
        sites=[map_site(loc) for loc in _list(contacts_mod.get("locations"), "locations")],
        registry_last_updated=parse_date(last_update.get("date"), "last update"),
    )


# --- Cancer types -----------------------------------------------------------------------

CANCER_WORD_RE = re.compile(
    r"neoplas|cancer|carcinom|tumou?r|leuka?emi|lymphoma|myeloma|sarcoma|melanoma|malignan"
    r"|glioma|blastoma|mesothelioma|metasta|oncolog|myelodysplas|myeloproliferat|hodgkin"
    r"|macroglobulin|plasmacytoma|seminoma",
    re.I,
)
_SPELLINGS = [
    (re.compile(r"aemi"), "emi"),
    (re.compile(r"tumour"), "tumor"),
    (re.compile(r"oesophag"), "esophag"),
    (re.compile(r"haem"), "hem"),
    (re.compile(r"paediatr"), "pediatr"),
    (re.compile(r"'s\b"), ""),
]
_NON_WORD = re.compile(r"[^a-z0-9]+")


def normalise_term(text: str) -> str:
    """Lower case, US spelling, words only, plural 's' dropped: 'Breast Neoplasms' and
    'breast neoplasm', 'Leukaemia' and 'leukemias' compare equal. Padded with spaces so
    whole-word tests are a substring test."""
    text = text.lower()
    for pattern, replacement in _SPELLINGS:
        text = pattern.sub(replacement, text)
    words = [
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
        for w in _NON_WORD.split(text)
        if w
    ]
    return f" {' '.join(words)} "


def looks_like_cancer(terms: Iterable[str]) -> bool:
    return any(CANCER_WORD_RE.search(term) for term in terms)


EXACT, CONTAINS_WORD, WORD_IN_CANCER_TERM = "EXACT", "CONTAINS_WORD", "WORD_IN_CANCER_TERM"
# A cancer word naming a primary cancer: 'liver metastases' is not liver cancer.
PRIMARY_CANCER_RE = re.compile(CANCER_WORD_RE.pattern.replace("|metasta", ""), re.I)


@dataclass(frozen=True)
class MatchRule:
    pattern: str
    kind: str
    condition_id: int


class ConditionMatcher:
    """Registry wording -> our cancer type ids. Built once per run from ConditionMapping
    rows plus each Condition's name and synonyms; matching is then pure string work."""

    def __init__(self, rules: Iterable[MatchRule], parents: Mapping[int, int | None]):
        self.exact: dict[str, set[int]] = {}
        self.contains: list[tuple[str, int]] = []
        self.gated: list[tuple[str, int]] = []
        for rule in rules:
            pattern = normalise_term(rule.pattern)
            if not pattern.strip():
                continue
            if rule.kind == EXACT:
                self.exact.setdefault(pattern, set()).add(rule.condition_id)
            elif rule.kind == WORD_IN_CANCER_TERM:
                self.gated.append((pattern, rule.condition_id))
            else:
                self.contains.append((pattern, rule.condition_id))
        self.parents = dict(parents)

    @classmethod
    def from_conditions(
        cls,
        conditions: Iterable[tuple[int, str, str, int | None]],
        mappings: Iterable[tuple[str, str, int]] = (),
    ) -> ConditionMatcher:
        """conditions: (id, name, synonyms text, parent id); mappings: (pattern, match
        kind, condition id). Short abbreviations (ALL, CUP, STS) and synonyms shared by
        several types ('blood cancer') only match exactly, or 'ALL' would catch 'all'."""
        conditions = list(conditions)
        synonym_owners: dict[str, set[int]] = {}
        for pk, name, synonyms, _parent in conditions:
            for term in [name, *synonyms.splitlines()]:
                if term.strip():
                    synonym_owners.setdefault(normalise_term(term), set()).add(pk)
        rules = []
        for pk, name, synonyms, _parent in conditions:
            for term in [name, *synonyms.splitlines()]:
                term = term.strip()
                if not term:
                    continue
                shared = len(synonym_owners[normalise_term(term)]) > 1
                short = len(term) <= 5 and term.isupper()
                rules.append(MatchRule(term, EXACT if shared or short else CONTAINS_WORD, pk))
        rules += [MatchRule(p, kind, pk) for p, kind, pk in mappings]
        return cls(rules, {pk: parent for pk, _n, _s, parent in conditions})

    def match(self, terms: Iterable[str]) -> list[int]:
        """Ids of the most specific cancer types the terms name. A subtype wins over its
        parent ('soft tissue sarcoma' gives Soft tissue sarcoma, not also Sarcoma), and
        a longer phrase over one inside it ('non-small cell lung' over 'small cell
        lung', 'non-melanoma skin cancer' over 'melanoma')."""
        found: set[int] = set()
        for term in terms:
            text = normalise_term(term)
            found |= self.exact.get(text, set())
            hits = [(p, pk) for p, pk in self.contains if p in text]
            if self.gated and PRIMARY_CANCER_RE.search(term):
                hits += [(p, pk) for p, pk in self.gated if p in text]
            for pattern, pk in hits:
                if not _covered(text, pattern, pk, hits):
                    found.add(pk)
        ancestors = set()
        for pk in found:
            parent = self.parents.get(pk)
            while parent is not None and parent not in ancestors:
                ancestors.add(parent)
                parent = self.parents.get(parent)
        return sorted(found - ancestors)


def _spans(text: str, pattern: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(pattern)
    while start != -1:
        spans.append((start, start + len(pattern)))
        start = text.find(pattern, start + 1)
    return spans


def _covered(text: str, pattern: str, pk: int, hits: list[tuple[str, int]]) -> bool:
    """Every place `pattern` occurs lies inside a longer hit for another cancer type."""
    longer = [
        span
        for other, other_pk in hits
        if other_pk != pk and len(other) > len(pattern)
        for span in _spans(text, other)
    ]
    return bool(longer) and all(
        any(a <= start and end <= b for a, b in longer) for start, end in _spans(text, pattern)
    )


def study_terms(data: StudyData) -> list[str]:
    """What the cancer-type mapping reads: conditions, keywords and the MeSH terms the
    registry derived (not their ancestors, which are too broad to name a type)."""
    return [*data.conditions, *data.keywords, *data.mesh_terms]


def is_cancer_study(data: StudyData, condition_ids: list[int]) -> bool:
    """A study is about cancer if it maps to a cancer type or its conditions or MeSH
    terms use a cancer word. Keywords are left out ('tumor necrosis factor' is not
    cancer), and so are MeSH ancestors ('Tumor Virus Infections' above warts)."""
    return bool(condition_ids) or looks_like_cancer([*data.conditions, *data.mesh_evidence])
