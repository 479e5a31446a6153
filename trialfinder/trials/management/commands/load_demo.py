"""Load reference data and the demo trials. Safe to run again: trials are keyed by slug,
their own fields are updated and their related rows replaced."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from trialfinder.trials import demo, indexing
from trialfinder.trials.models import (
    Condition,
    Intervention,
    Organisation,
    Region,
    Site,
    Trial,
    TrialIdentifier,
    TrialOrganisation,
    normalise_identifier,
)
from trialfinder.trials.seed import seed_conditions, seed_regions


def _trial_defaults(fields: dict) -> dict:
    """Every editable field, so a re-run also resets anything the spec leaves out."""
    defaults = {}
    for field in Trial._meta.concrete_fields:
        if field.primary_key or not field.editable or field.name == "slug":
            continue
        if field.name in fields:
            defaults[field.name] = fields[field.name]
        elif field.has_default():
            defaults[field.name] = field.get_default()
        else:
            defaults[field.name] = None if field.null else ""
    return defaults


def _intervention(name: str) -> Intervention:
    kind, other_names = demo.INTERVENTIONS[name]
    intervention, created = Intervention.objects.get_or_create(
        name=name, kind=kind, defaults={"other_names": other_names}
    )
    # Save only a real change: saving reindexes every trial that uses the intervention.
    if not created and intervention.other_names != other_names:
        intervention.other_names = other_names
        intervention.save()
    return intervention


def _organisation(name: str) -> Organisation:
    organisation, _ = Organisation.objects.update_or_create(
        name=name, defaults={"short_name": demo.ORGANISATION_SHORT_NAMES.get(name, "")}
    )
    return organisation


@transaction.atomic
def load_trial(spec: dict, regions: dict[str, Region]) -> tuple[Trial, bool]:
    fields = spec["fields"]
    conditions = list(Condition.objects.filter(slug__in=spec["conditions"]))
    if len(conditions) != len(set(spec["conditions"])):
        missing = set(spec["conditions"]) - {c.slug for c in conditions}
        raise CommandError(f"{fields['slug']}: unknown cancer types {sorted(missing)}")

    trial, created = Trial.objects.update_or_create(
        slug=fields["slug"], defaults=_trial_defaults(fields)
    )
    trial.conditions.set(conditions)
    trial.interventions.set([_intervention(name) for name in spec["interventions"]])

    trial.trial_organisations.all().delete()
    TrialOrganisation.objects.bulk_create(
        TrialOrganisation(trial=trial, organisation=_organisation(name), role=role)
        for name, role in spec["organisations"]
    )
    trial.identifiers.all().delete()
    # bulk_create skips save(), so set the lookup form here.
    TrialIdentifier.objects.bulk_create(
        TrialIdentifier(trial=trial, kind=kind, value=value, normalised=normalise_identifier(value))
        for kind, value in spec["identifiers"]
    )
    trial.sites.all().delete()
    Site.objects.bulk_create(
        Site(trial=trial, **{**site, "region": regions[site["region"]]}) for site in spec["sites"]
    )
    # The identifiers went in without signals; rebuild the search text once, at the end
    # (of this trial, or of the enclosing indexing.deferred() block).
    indexing.request_reindex([trial.pk])
    return trial, created


class Command(BaseCommand):
    help = "Load regions, cancer types, the starter glossary and the demo trials (idempotent)."

    def handle(self, *args, **options) -> None:
        seed_regions(Region)
        seed_conditions(Condition)
        self.stdout.write(
            f"Reference data: {Region.objects.count()} regions, "
            f"{Condition.objects.count()} cancer types."
        )
        self._load_glossary()

        regions = {r.slug: r for r in Region.objects.all()}
        created = updated = 0
        # Deleting and re-adding a trial's cancer types, identifiers and sites signals a
        # reindex for each row: batched, every trial is reindexed once, at the end.
        with indexing.deferred():
            for spec in demo.all_specs():
                trial, was_created = load_trial(spec, regions)
                created += was_created
                updated += not was_created
                if options["verbosity"] > 1:
                    self.stdout.write(f"  {'created' if was_created else 'updated'} {trial.slug}")

        examples = len(demo.EXAMPLE_TRIALS)
        self.stdout.write(
            self.style.SUCCESS(
                f"Trials: {created} created, {updated} updated "
                f"({len(demo.SEED_TRIALS)} seed trials, {examples} invented examples)."
            )
        )
        demo_trials = Trial.objects.filter(slug__in=[s["fields"]["slug"] for s in demo.all_specs()])
        self.stdout.write(
            f"Demo rows now: {demo_trials.count()} trials, "
            f"{Site.objects.filter(trial__in=demo_trials).count()} sites, "
            f"{TrialIdentifier.objects.filter(trial__in=demo_trials).count()} identifiers, "
            f"{TrialOrganisation.objects.filter(trial__in=demo_trials).count()} organisation links."
        )

    def _load_glossary(self) -> None:
        # The glossary app's starter terms are optional: load them when that module exists.
        try:
            from trialfinder.glossary.models import GlossaryTerm
            from trialfinder.glossary.starter import load_starter_glossary
        except ImportError:
            self.stdout.write("Glossary: no starter glossary available, skipped.")
            return
        created = load_starter_glossary(GlossaryTerm)  # returns how many terms were new
        count = GlossaryTerm.objects.count()
        self.stdout.write(f"Glossary: {created} starter terms created, {count} terms in total.")
