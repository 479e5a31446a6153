"""python manage.py import_ctgov PATH [PATH ...] | --from-api [filters]

Imports ClinicalTrials.gov studies (API v2 JSON in any shape, NDJSON, gzip, legacy
XML, directories) into trials. See trialfinder/registry/writer.py for what is updated
and what editors keep.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError, CommandParser

from trialfinder.registry.api import DEFAULT_API_URL, ApiError, Client, Query
from trialfinder.registry.readers import iter_studies
from trialfinder.registry.writer import Importer, Result

PROGRESS_EVERY = 500  # Studies between plain progress lines when not on a terminal.


class Command(BaseCommand):
    help = "Import cancer trials from ClinicalTrials.gov files or the API."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="*", help="Files or directories to import.")
        parser.add_argument("--draft", action="store_true", help="New trials start as drafts.")
        parser.add_argument(
            "--all-conditions",
            action="store_true",
            help="Keep studies that are not about cancer (skipped by default).",
        )
        api = parser.add_argument_group("API")
        api.add_argument("--from-api", action="store_true", help="Fetch from the live API.")
        api.add_argument("--api-url", default=DEFAULT_API_URL)
        api.add_argument("--condition", default="", help="query.cond, e.g. 'sarcoma'.")
        api.add_argument("--term", default="", help="query.term (free text).")
        api.add_argument(
            "--status", action="append", default=[], help="RECRUITING etc.; repeatable."
        )
        api.add_argument("--country", default="", help="A site country, e.g. 'United Kingdom'.")
        api.add_argument("--updated-since", default="", help="YYYY-MM-DD")
        api.add_argument("--max", type=int, default=None, help="Stop after this many studies.")
        api.add_argument("--page-size", type=int, default=100)
        api.add_argument("--retries", type=int, default=5)
        api.add_argument("--backoff", type=float, default=2.0, help="First retry delay in seconds.")

    def handle(self, *args, **options) -> None:
        if bool(options["paths"]) == bool(options["from_api"]):
            raise CommandError("Give file or directory paths, or --from-api (not both).")
        importer = Importer(draft=options["draft"], all_conditions=options["all_conditions"])
        if options["from_api"]:
            client = Client(
                options["api_url"],
                retries=options["retries"],
                backoff=options["backoff"],
                log=lambda message: self.stderr.write(message),
            )
            statuses = tuple(s for value in options["status"] for s in value.split(",") if s)
            query = Query(
                condition=options["condition"],
                term=options["term"],
                statuses=statuses,
                country=options["country"],
                updated_since=options["updated_since"],
            )
            items = client.studies(
                query, max_studies=options["max"], page_size=options["page_size"]
            )
        else:
            items = iter_studies(options["paths"])

        started = time.monotonic()
        progress = Progress(self.stderr, started)
        try:
            result = importer.run(items, progress=progress)
        except ApiError as exc:
            progress.done()
            self._report(importer.result, started)
            raise CommandError(f"API request failed: {exc}") from exc
        progress.done()
        self._report(result, started)
        if result.counts["failed"]:
            raise CommandError(f"{result.counts['failed']} studies failed (listed above).")

    def _report(self, result: Result, started: float) -> None:
        for failure in result.failures:
            self.stderr.write(f"FAILED {failure}")
        elapsed = time.monotonic() - started
        rate = result.total / elapsed if elapsed else 0
        self.stdout.write(f"{result.summary()} ({result.total} studies, {rate:.0f}/s)")


class Progress:
    """A one-line counter on a terminal; a plain line every few hundred otherwise
    (cron logs should not fill with carriage returns)."""

    def __init__(self, out, started: float):
        self.out = out
        self.started = started
        self.tty = out.isatty()
        self.shown = 0

    def __call__(self, result: Result) -> None:
        total = result.total
        if self.tty:
            if total - self.shown >= 10:
                self._write(result, end="\r")
        elif total - self.shown >= PROGRESS_EVERY:
            self._write(result, end="\n")

    def _write(self, result: Result, end: str) -> None:
        self.shown = result.total
        elapsed = time.monotonic() - self.started
        line = f"{result.total} studies, {result.total / elapsed:.0f}/s: {result.summary()}"
        self.out.write(line, ending=end)
        self.out.flush()

    def done(self) -> None:
        if self.tty and self.shown:
            self.out.write("", ending="\n")
