"""Find the studies in files of every shape ClinicalTrials.gov hands out, streaming.

Each reader yields Item(source, position, study, error): the study as an API v2 dict,
or an error saying why that part of the file could not be read. Files are opened by
content, not name: gzip by its magic bytes, then XML, a JSON array, an API page, one
study object or NDJSON by the first characters. Arrays and pages are streamed with
ijson and NDJSON line by line, so a 1 GB export never sits in memory.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import ijson

GZIP_MAGIC = b"\x1f\x8b"


@dataclass
class Item:
    source: str
    position: str
    study: dict[str, Any] | None = None
    error: str = ""

    @property
    def where(self) -> str:
        return f"{self.source} ({self.position})" if self.position else self.source


def iter_paths(paths: list[str | Path]) -> Iterator[Path]:
    """Files named, and every file under directories named, in a stable order."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p))
        else:
            yield path


def _hidden(path: Path) -> bool:
    return any(part.startswith(".") for part in path.parts[-1:])


def iter_studies(paths: list[str | Path]) -> Iterator[Item]:
    for path in iter_paths(paths):
        yield from read_file(path)


def read_file(path: Path) -> Iterator[Item]:
    source = str(path)
    try:
        raw = path.open("rb")
    except OSError as exc:
        yield Item(source, "", error=f"cannot open: {exc.strerror or exc}")
        return
    with raw:
        if raw.read(2) == GZIP_MAGIC:
            raw.seek(0)
            stream: IO[bytes] = gzip.GzipFile(fileobj=raw)
        else:
            raw.seek(0)
            stream = raw
        try:
            yield from read_stream(stream, source)
        except (OSError, EOFError) as exc:  # A truncated or corrupt gzip file.
            yield Item(source, "", error=f"cannot read: {exc}")


def read_stream(stream: IO[bytes], source: str) -> Iterator[Item]:
    buffered = io.BufferedReader(stream) if not hasattr(stream, "peek") else stream
    head = buffered.peek(4096)[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head:
        return
    first = head[:1]
    if first == b"<":
        yield from read_xml(buffered, source)
    elif first == b"[":
        yield from _read_array(buffered, source, "item", "index")
    elif first == b"{":
        yield from _read_object_or_lines(buffered, source)
    else:
        yield Item(source, "", error="not JSON, NDJSON or XML")


def _read_array(stream: IO[bytes], source: str, prefix: str, label: str) -> Iterator[Item]:
    position = 0
    try:
        for position, study in enumerate(ijson.items(stream, prefix, use_float=True)):
            yield Item(source, f"{label} {position}", study=study)
    except ijson.JSONError as exc:
        yield Item(source, f"after {label} {position}", error=f"invalid JSON: {exc}")


def _read_object_or_lines(stream: IO[bytes], source: str) -> Iterator[Item]:
    """A '{' file is NDJSON when its first line is a whole JSON object on its own;
    otherwise one (pretty-printed) study or an API page. Both plain and gzip streams
    can seek back to the start, so we look first and then read properly."""
    try:
        json.loads(stream.readline())
        is_lines = True
    except ValueError:
        is_lines = False
    stream.seek(0)
    if is_lines:
        yield from _read_lines(stream, source)
        return
    # A page has a top-level "studies" list; a study has "protocolSection". Read just
    # enough events to find out, then stream the page or load the one study.
    try:
        is_page = any(
            prefix == "" and event == "map_key" and value == "studies"
            for prefix, event, value in _top_level_keys(stream)
        )
    except ijson.JSONError as exc:
        yield Item(source, "", error=f"invalid JSON: {exc}")
        return
    stream.seek(0)
    if is_page:
        yield from _read_array(stream, source, "studies.item", "study")
        return
    try:
        value = json.load(stream)
    except ValueError as exc:
        yield Item(source, "", error=f"invalid JSON: {exc}")
        return
    yield Item(source, "", study=value)


def _top_level_keys(stream: IO[bytes]) -> Iterator[tuple[str, str, Any]]:
    # Stops at the first top-level key after "studies"-or-not is known: pages put
    # "studies" first, and a study never has that key at all.
    for prefix, event, value in ijson.parse(stream):
        if prefix == "" and event == "map_key":
            yield prefix, event, value
            if value in ("studies", "protocolSection"):
                return


def _read_lines(stream: IO[bytes], source: str) -> Iterator[Item]:
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            study = json.loads(line)
        except ValueError as exc:
            yield Item(source, f"line {number}", error=f"invalid JSON: {exc}")
            continue
        yield Item(source, f"line {number}", study=study)


# --- Legacy <clinical_study> XML --------------------------------------------------------


def read_xml(stream: IO[bytes], source: str) -> Iterator[Item]:
    position = 0
    try:
        for _event, elem in ET.iterparse(stream, events=("end",)):
            if elem.tag != "clinical_study":
                continue
            try:
                study = xml_to_v2(elem)
            except ValueError as exc:
                yield Item(source, f"record {position}", error=str(exc))
            else:
                yield Item(source, f"record {position}", study=study)
            position += 1
            elem.clear()  # Keep memory flat in files holding many records.
    except ET.ParseError as exc:
        yield Item(source, f"record {position}", error=f"invalid XML: {exc}")


def _t(elem: ET.Element | None, path: str) -> str:
    if elem is None:
        return ""
    found = elem.find(path)
    if found is None:
        return ""
    return _dedent("".join(found.itertext()))


def _dedent(text: str) -> str:
    # Legacy XML indents text blocks by six spaces and wraps at 80 columns.
    lines = [line.strip() for line in text.strip().splitlines()]
    return "\n".join(lines)


def _all(elem: ET.Element, path: str) -> list[str]:
    return [t for t in (_dedent("".join(e.itertext())) for e in elem.findall(path)) if t]


MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
XML_DATE_RE = re.compile(r"^([A-Za-z]+)\s+(?:(\d{1,2}),\s*)?(\d{4})$")


def xml_date(text: str) -> str:
    """'August 2015' -> '2015-08'; 'August 1, 2017' -> '2017-08-01'. Anything else is
    passed through for the mapping to judge."""
    match = XML_DATE_RE.match(text.strip())
    if not match or match.group(1).lower() not in MONTHS:
        return text.strip()
    month, day, year = MONTHS[match.group(1).lower()], match.group(2), match.group(3)
    return f"{year}-{month:02d}-{int(day):02d}" if day else f"{year}-{month:02d}"


def _enum(text: str) -> str:
    """'Active, not recruiting' -> 'ACTIVE_NOT_RECRUITING', 'Phase 1/Phase 2' kept apart."""
    return re.sub(r"[^A-Z0-9]+", "_", text.upper()).strip("_")


def _date_struct(elem: ET.Element, tag: str) -> dict[str, str] | None:
    found = elem.find(tag)
    if found is None or not (found.text or "").strip():
        return None
    kind = found.get("type", "")
    kind = {"Anticipated": "ESTIMATED", "Estimate": "ESTIMATED", "Actual": "ACTUAL"}.get(kind, "")
    return {"date": xml_date(found.text), **({"type": kind} if kind else {})}


def _xml_phases(text: str) -> list[str]:
    if not text:
        return []
    if text.upper() in {"N/A", "NA"}:
        return ["NA"]
    return [_enum(part).replace("EARLY_PHASE_1", "EARLY_PHASE1").replace("PHASE_", "PHASE")
            for part in text.split("/")]  # fmt: skip


def xml_to_v2(root: ET.Element) -> dict[str, Any]:
    """A legacy record rewritten in API v2 shape, so one mapping serves both."""
    ident: dict[str, Any] = {
        "nctId": _t(root, "id_info/nct_id"),
        "briefTitle": _t(root, "brief_title"),
        "officialTitle": _t(root, "official_title"),
        "acronym": _t(root, "acronym"),
    }
    if _t(root, "id_info/org_study_id"):
        ident["orgStudyIdInfo"] = {"id": _t(root, "id_info/org_study_id")}
    ident["secondaryIdInfos"] = [{"id": v} for v in _all(root, "id_info/secondary_id")]
    ident["nctIdAliases"] = _all(root, "id_info/nct_alias")

    status: dict[str, Any] = {"overallStatus": _enum(_t(root, "overall_status"))}
    if _t(root, "why_stopped"):
        status["whyStopped"] = _t(root, "why_stopped")
    for tag, key in (
        ("start_date", "startDateStruct"),
        ("primary_completion_date", "primaryCompletionDateStruct"),
        ("completion_date", "completionDateStruct"),
        ("last_update_posted", "lastUpdatePostDateStruct"),
    ):
        struct = _date_struct(root, tag)
        if struct:
            status[key] = struct
    if "lastUpdatePostDateStruct" not in status and _t(root, "lastchanged_date"):
        status["lastUpdatePostDateStruct"] = {"date": xml_date(_t(root, "lastchanged_date"))}

    enrolment = root.find("enrollment")
    design: dict[str, Any] = {
        "studyType": _enum(_t(root, "study_type").split("[")[0]),
        "phases": _xml_phases(_t(root, "phase")),
        "designInfo": {"primaryPurpose": _enum(_t(root, "study_design_info/primary_purpose"))},
    }
    count_text = (enrolment.text or "").strip() if enrolment is not None else ""
    if count_text.isascii() and count_text.isdigit() and len(count_text) < 10:
        kind = {"Anticipated": "ESTIMATED", "Actual": "ACTUAL"}.get(enrolment.get("type", ""), "")
        design["enrollmentInfo"] = {"count": int(count_text), "type": kind}

    eligibility_elem = root.find("eligibility")
    eligibility: dict[str, Any] = {}
    if eligibility_elem is not None:
        eligibility = {
            "eligibilityCriteria": _t(eligibility_elem, "criteria/textblock"),
            "sex": _enum(_t(eligibility_elem, "gender")),
            "minimumAge": _t(eligibility_elem, "minimum_age"),
            "maximumAge": _t(eligibility_elem, "maximum_age"),
            "healthyVolunteers": _t(eligibility_elem, "healthy_volunteers").lower()
            .startswith(("yes", "accepts")),
        }  # fmt: skip

    interventions = [
        {
            "type": _enum(_t(i, "intervention_type")),
            "name": _t(i, "intervention_name"),
            "otherNames": _all(i, "other_name"),
        }
        for i in root.findall("intervention")
    ]
    officials = [
        {
            "name": _t(o, "last_name"),
            "affiliation": _t(o, "affiliation"),
            "role": _enum(_t(o, "role")),
        }
        for o in root.findall("overall_official")
    ]
    central = [
        {"name": _t(c, "last_name"), "phone": _t(c, "phone"), "email": _t(c, "email")}
        for c in root.findall("overall_contact")
    ]
    locations = []
    for loc in root.findall("location"):
        contact = loc.find("contact")
        locations.append(
            {
                "facility": _t(loc, "facility/name"),
                "city": _t(loc, "facility/address/city"),
                "state": _t(loc, "facility/address/state"),
                "zip": _t(loc, "facility/address/zip"),
                "country": _t(loc, "facility/address/country"),
                "status": _enum(_t(loc, "status")),
                "contacts": [
                    {
                        "name": _t(contact, "last_name"),
                        "phone": _t(contact, "phone"),
                        "email": _t(contact, "email"),
                    }
                ]
                if contact is not None
                else [],
            }
        )
    return {
        "protocolSection": {
            "identificationModule": ident,
            "statusModule": status,
            "sponsorCollaboratorsModule": {
                "leadSponsor": {"name": _t(root, "sponsors/lead_sponsor/agency")},
                "collaborators": [{"name": n} for n in _all(root, "sponsors/collaborator/agency")],
            },
            "descriptionModule": {
                "briefSummary": _t(root, "brief_summary/textblock"),
                "detailedDescription": _t(root, "detailed_description/textblock"),
            },
            "conditionsModule": {
                "conditions": _all(root, "condition"),
                "keywords": _all(root, "keyword"),
            },
            "designModule": design,
            "armsInterventionsModule": {"interventions": interventions},
            "eligibilityModule": eligibility,
            "contactsLocationsModule": {
                "overallOfficials": officials,
                "centralContacts": central,
                "locations": locations,
            },
        },
        "derivedSection": {
            "conditionBrowseModule": {
                "meshes": [{"term": t} for t in _all(root, "condition_browse/mesh_term")]
            }
        },
        "hasResults": root.find("clinical_results") is not None,
    }
