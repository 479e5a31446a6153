"""Import a glossary from a file. Never overwrites a term our team wrote.

python manage.py import_glossary --format nci nci_dictionary_of_cancer_terms_2016.jsonl
python manage.py import_glossary --format nci nci_dictionary_of_cancer_terms_2016_patient_en.csv
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from trialfinder.glossary.marking import bump_glossary_version
from trialfinder.glossary.models import NCI_ATTRIBUTION, GlossaryTerm

BATCH_SIZE = 500
MAX_REPORTED_ERRORS = 20
TERM_MAX_LENGTH = GlossaryTerm._meta.get_field("term").max_length
SLUG_MAX_LENGTH = GlossaryTerm._meta.get_field("slug").max_length


# Imported words too common on a cancer site to link at every first mention; they keep
# their glossary page and editors can tick "link in trial pages" for any of them.
UNLINKED_WORDS = frozenset(
    ["blood", "cancer", "cell", "cells", "drug", "study", "therapy", "tissue", "will"]
)


class BadRow(ValueError):
    pass


@dataclass(frozen=True)
class Row:
    line: int
    term: str
    definition: str


def _clean(term: Any, definition: Any) -> tuple[str, str]:
    if not isinstance(term, str) or not term.strip():
        raise BadRow("no term")
    if not isinstance(definition, str) or not definition.strip():
        raise BadRow("no definition")
    term = " ".join(term.split())
    if len(term) > TERM_MAX_LENGTH:
        raise BadRow(f"term longer than {TERM_MAX_LENGTH} characters")
    if not slugify(term):
        raise BadRow("term has no letters or digits")
    return term, definition.strip()


def read_nci_csv(path: Path) -> Iterator[Row | tuple[int, str]]:
    """Rows of the patient CSV: cdr_id,term,definition,dictionary,audience,date_last_modified."""
    with path.open(newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        if not reader.fieldnames or not {"term", "definition"} <= set(reader.fieldnames):
            raise CommandError("The CSV needs 'term' and 'definition' columns.")
        for record in reader:
            try:
                if None in record:
                    raise BadRow("too many columns")
                yield Row(reader.line_num, *_clean(record.get("term"), record.get("definition")))
            except BadRow as e:
                yield (reader.line_num, str(e))


def read_nci_jsonl(path: Path) -> Iterator[Row | tuple[int, str]]:
    """One JSON object a line, with every definition in `definitions_en`; the one written
    for patients is used, or the first if there is none for patients."""
    with path.open(encoding="utf-8-sig") as f:
        for line_number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as e:
                    raise BadRow(f"not valid JSON ({e.msg})") from None
                if not isinstance(record, dict):
                    raise BadRow("not a JSON object")
                definitions = [d for d in record.get("definitions_en") or [] if isinstance(d, dict)]
                patient = [d for d in definitions if d.get("audience") == "Patient"]
                chosen = (patient or definitions or [{}])[0]
                yield Row(line_number, *_clean(record.get("term"), chosen.get("text")))
            except BadRow as e:
                yield (line_number, str(e))


READERS = {".csv": read_nci_csv, ".jsonl": read_nci_jsonl, ".ndjson": read_nci_jsonl}


class Command(BaseCommand):
    help = "Import glossary terms from a file. Terms written by our team are never changed."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--format", choices=["nci"], required=True, dest="fmt")
        parser.add_argument(
            "--progress-every", type=int, default=1000, help="Report progress every N rows."
        )

    def handle(self, *args: Any, file: Path, fmt: str, progress_every: int, **options: Any):
        reader = READERS.get(file.suffix.lower())
        if reader is None:
            raise CommandError(f"Unknown file type {file.suffix!r}: use .csv or .jsonl.")
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        tty = sys.stderr.isatty()

        # Everything that decides create/update/skip is loaded in two queries up front.
        by_slug: dict[str, GlossaryTerm] = {}
        by_term: dict[str, GlossaryTerm] = {}
        for existing in GlossaryTerm.objects.only("pk", "term", "slug", "source"):
            by_slug[existing.slug] = existing
            by_term[existing.term.lower()] = existing

        now = timezone.now()
        to_create: list[GlossaryTerm] = []
        to_update: dict[int, GlossaryTerm] = {}
        skipped_ours = duplicates = 0
        errors: list[tuple[int, str]] = []
        taken: set[str] = set()
        rows = 0
        for rows, row in enumerate(reader(file), start=1):
            if progress_every and rows % progress_every == 0:
                self.stderr.write(
                    f"\r  {rows} rows read" if tty else f"  {rows} rows read",
                    ending="" if tty else "\n",
                )
            if isinstance(row, tuple):
                errors.append(row)
                continue
            slug = slugify(row.term)[:SLUG_MAX_LENGTH]
            existing = by_slug.get(slug) or by_term.get(row.term.lower())
            if existing is not None and existing.source == GlossaryTerm.Source.OURS:
                skipped_ours += 1
                continue
            if slug in taken or row.term.lower() in taken:
                duplicates += 1  # The same term twice in one file: keep the first.
                continue
            taken.update((slug, row.term.lower()))
            if existing is not None:
                # The term text is left alone: a change of case or hyphen could clash
                # with another term under the case-insensitive unique constraint.
                existing.definition = row.definition
                existing.attribution = NCI_ATTRIBUTION
                existing.updated = now
                to_update[existing.pk] = existing
            else:
                to_create.append(
                    GlossaryTerm(
                        term=row.term,
                        slug=slug,
                        definition=row.definition,
                        source=GlossaryTerm.Source.NCI,
                        attribution=NCI_ATTRIBUTION,
                        mark_in_text=row.term.lower() not in UNLINKED_WORDS,
                    )
                )
        if tty and rows >= progress_every:
            self.stderr.write("")

        with transaction.atomic():
            GlossaryTerm.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
            GlossaryTerm.objects.bulk_update(
                list(to_update.values()),
                ["definition", "attribution", "updated"],
                batch_size=BATCH_SIZE,
            )
        # Bulk operations send no signals, so tell the marker the glossary changed.
        bump_glossary_version()

        for line, reason in errors[:MAX_REPORTED_ERRORS]:
            self.stderr.write(f"Skipped line {line}: {reason}")
        if len(errors) > MAX_REPORTED_ERRORS:
            self.stderr.write(f"... and {len(errors) - MAX_REPORTED_ERRORS} more bad rows")
        self.stdout.write(
            f"Created {len(to_create)}, updated {len(to_update)}, "
            f"skipped {skipped_ours} written by our team, "
            f"skipped {duplicates} duplicates, skipped {len(errors)} bad rows."
        )
