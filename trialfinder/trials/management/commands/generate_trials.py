"""Create reproducible synthetic trials in bulk, for load and speed testing."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from trialfinder.trials.synthetic import MAX_COUNT, generate


class Command(BaseCommand):
    help = (
        "Create N synthetic (is_example) trials with sites, cancer types, interventions and "
        "identifiers. The same --seed gives the same trials; existing slugs are skipped."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--count", type=int, required=True, help="How many trials.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument(
            "--batch-size", type=int, default=2000, help="Trials per transaction (default 2000)."
        )

    def handle(self, *args, count: int, seed: int, batch_size: int, **options) -> None:
        if not 0 < count <= MAX_COUNT:
            raise CommandError(f"--count must be between 1 and {MAX_COUNT}.")
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        if seed < 0:
            raise CommandError("--seed must not be negative.")
        generate(count, seed=seed, batch_size=batch_size, stdout=self.stdout)
