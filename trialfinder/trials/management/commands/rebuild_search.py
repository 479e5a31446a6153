from django.core.management.base import BaseCommand

from trialfinder.trials import indexing


class Command(BaseCommand):
    help = "Rebuild every trial's search text and the spelling-suggestion words."

    def handle(self, *args, **options) -> None:
        words = indexing.refresh_spelling_terms()
        trials = indexing.reindex_all()
        self.stdout.write(f"Reindexed {trials} trials; {words} spelling words.")
