"""Write mapped studies into the trials tables: upsert by NCT ID, one transaction each.

Ownership rules (GitHub issue 5):
- The registry owns the scientific record: titles, status, dates, ages, criteria text,
  sites, sponsors, interventions, identifiers. A newer import updates those.
- Editors own everything patients read in plain language (summary, more_about,
  who_can_join, what_is_involved, results_summary), publication, slug and
  last_reviewed. The importer never writes those on an existing trial.
- Cancer types and the title are shared: the importer sets them, and keeps setting them
  until an editor changes them (RegistryRecord remembers what it last set).

Lookup tables (regions, cancer types, mappings, organisations, interventions, existing
records) are loaded once per run, so a study costs about a dozen queries.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from trialfinder.registry.mapping import (
    ConditionMatcher,
    RegionRef,
    StudyData,
    StudyError,
    is_cancer_study,
    map_study,
    study_terms,
)
from trialfinder.registry.models import ConditionMapping, RegistryRecord
from trialfinder.registry.readers import Item
from trialfinder.trials import indexing
from trialfinder.trials.models import (
    Condition,
    Intervention,
    Organisation,
    Publication,
    Region,
    Site,
    Source,
    Trial,
    TrialIdentifier,
    TrialOrganisation,
    history_reason,
    normalise_identifier,
)

CREATED, UPDATED, UNCHANGED, SKIPPED, FAILED = (
    "created",
    "updated",
    "unchanged",
    "skipped",
    "failed",
)
SLUG_MAX = 200
# The change reason on every history row an import writes (its user is None), so staff
# can tell the registry's changes from an editor's.
IMPORT_REASON = "Imported from ClinicalTrials.gov"


@dataclass
class Failure:
    where: str
    nct_id: str
    reason: str

    def __str__(self) -> str:
        nct = f" {self.nct_id}" if self.nct_id else ""
        return f"{self.where}{nct}: {self.reason}"


@dataclass
class Result:
    counts: Counter = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def summary(self) -> str:
        c = self.counts
        return (
            f"created {c[CREATED]}, updated {c[UPDATED]}, unchanged {c[UNCHANGED]}, "
            f"skipped (non-cancer) {c[SKIPPED]}, failed {c[FAILED]}"
        )


@dataclass
class _Known:
    """What we remember of an imported study between studies of one run."""

    record_id: int
    trial_id: int
    content_hash: str
    registry_last_updated: dt.date | None


BATCH_SIZE = 100


class Importer:
    def __init__(self, *, draft: bool = False, all_conditions: bool = False):
        self.draft = draft
        self.all_conditions = all_conditions
        self.result = Result()
        self._load()

    # --- One query per table, once per run ---------------------------------------------

    def _load(self) -> None:
        conditions = list(Condition.objects.values_list("pk", "name", "synonyms", "parent_id"))
        mappings = ConditionMapping.objects.values_list("pattern", "match_kind", "condition_id")
        self.matcher = ConditionMatcher.from_conditions(conditions, mappings)
        self.regions: dict[tuple[str, str], int] = {}
        for pk, name, slug, kind in Region.objects.values_list("pk", "name", "slug", "kind"):
            self.regions[(kind, name.lower())] = pk
            self.regions.setdefault((kind, slug), pk)
        self.region_slugs = set(Region.objects.values_list("slug", flat=True))
        self.known: dict[str, _Known] = {
            nct: _Known(pk, trial_id, content_hash, updated)
            for pk, nct, trial_id, content_hash, updated in RegistryRecord.objects.values_list(
                "pk", "nct_id", "trial_id", "content_hash", "registry_last_updated"
            )
        }
        # Trials an editor created by hand with an NCT ID: the import adopts them.
        self.by_nct: dict[str, int] = dict(
            TrialIdentifier.objects.filter(kind=TrialIdentifier.Kind.NCT).values_list(
                "normalised", "trial_id"
            )
        )
        # Slugs are checked in memory: one query per run, not one per new trial.
        self.slugs: set[str] = set(Trial.objects.values_list("slug", flat=True))
        self.organisations: dict[str, int] = {
            name: pk for pk, name in Organisation.objects.values_list("pk", "name")
        }
        self.interventions: dict[tuple[str, str], tuple[int, tuple[str, ...]]] = {
            (name, kind): (pk, tuple(other.splitlines()))
            for pk, name, kind, other in Intervention.objects.values_list(
                "pk", "name", "kind", "other_names"
            )
        }

    # --- Entry points --------------------------------------------------------------------

    def run(self, items: Iterable[Item], progress=None) -> Result:
        # Search text is rebuilt once per trial at the end, not after every row. Studies
        # are committed BATCH_SIZE at a time, each inside its own savepoint (see
        # import_study): a failing study still rolls back alone, but the database
        # flushes to disk once per batch instead of once per study.
        with indexing.deferred():
            batch: list[Item] = []
            for item in items:
                batch.append(item)
                if len(batch) >= BATCH_SIZE:
                    self._run_batch(batch, progress)
                    batch = []
            self._run_batch(batch, progress)
        return self.result

    def _run_batch(self, batch: list[Item], progress) -> None:
        with transaction.atomic():
            for item in batch:
                self.import_item(item)
                if progress:
                    progress(self.result)

    def import_item(self, item: Item) -> str:
        nct_id = ""
        if item.error:
            return self._fail(item, nct_id, item.error)
        try:
            nct_id = _nct_of(item.study)
            data = map_study(item.study)
            outcome = self.import_study(data)
        except StudyError as exc:
            return self._fail(item, nct_id, str(exc))
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            # A shape the mapping did not expect: report this study, keep importing.
            return self._fail(item, nct_id, f"malformed study: {exc!r}")
        except DatabaseError as exc:
            # The study's transaction has rolled back: nothing of it is written.
            return self._fail(item, nct_id, f"database refused it: {exc}")
        self.result.counts[outcome] += 1
        return outcome

    def _fail(self, item: Item, nct_id: str, reason: str) -> str:
        self.result.counts[FAILED] += 1
        self.result.failures.append(Failure(item.where, nct_id, reason))
        return FAILED

    def import_study(self, data: StudyData) -> str:
        condition_ids = self.matcher.match(study_terms(data))
        if not self.all_conditions and not is_cancer_study(data, condition_ids):
            return SKIPPED
        region_ids = [self._region_id(site.region) for site in data.sites]
        content_hash = data.content_hash(condition_ids)
        known = self.known.get(data.nct_id)
        if known:
            if known.content_hash == content_hash:
                return UNCHANGED
            if (
                known.registry_last_updated
                and data.registry_last_updated
                and data.registry_last_updated < known.registry_last_updated
            ):
                # An older copy (say a 2020 XML export after 2023 JSON): keep the newer.
                return UNCHANGED
        pending: dict[str, dict] = {"organisations": {}, "interventions": {}}
        with history_reason(IMPORT_REASON), transaction.atomic():
            if known:
                outcome = self._update(
                    data, known, condition_ids, region_ids, content_hash, pending
                )
            else:
                outcome = self._create(data, condition_ids, region_ids, content_hash, pending)
        # Only now is it safe to remember rows this study created.
        self.organisations.update(pending["organisations"])
        self.interventions.update(pending["interventions"])
        return outcome

    # --- Create and update ---------------------------------------------------------------

    def _create(self, data, condition_ids, region_ids, content_hash, pending) -> str:
        now = timezone.now()
        trial_id = self.by_nct.get(normalise_identifier(data.nct_id))
        imported_conditions = condition_ids
        fields = data.trial_fields()
        if trial_id is not None:
            # An editor's own page for this trial: adopt it, keep their words, title
            # and cancer types, and fill in the registry's record.
            trial = Trial.objects.get(pk=trial_id)
            fields.pop("title")
            # Moving the version on makes an editor's open change form refuse to save
            # over what the import just wrote.
            Trial.objects.filter(pk=trial_id).update(
                **fields, source=Source.REGISTRY, updated=now, version=F("version") + 1
            )
            _record_update(trial_id)
            imported_title = data.title
            if trial.conditions.exists():
                imported_conditions = []  # Differs from theirs, so theirs stay.
            else:
                trial.conditions.set(condition_ids)
        else:
            trial = Trial.objects.create(
                **fields,
                slug=self._slug(data),
                source=Source.REGISTRY,
                publication=Publication.DRAFT if self.draft else Publication.PUBLISHED,
            )
            # A new trial has no links yet: insert them without set()'s two lookups.
            through = Trial.conditions.through
            through.objects.bulk_create(
                [through(trial_id=trial.pk, condition_id=pk) for pk in condition_ids]
            )
            indexing.request_reindex([trial.pk])
            imported_title = data.title
        self._write_related(trial.pk, data, region_ids, pending, replace=trial_id is not None)
        record = RegistryRecord.objects.create(
            trial_id=trial.pk,
            nct_id=data.nct_id,
            content_hash=content_hash,
            registry_last_updated=data.registry_last_updated,
            registry_status=data.status,
            imported_condition_ids=imported_conditions,
            imported_title=imported_title,
            imported_as_draft=self.draft,
            last_imported=now,
        )
        self.known[data.nct_id] = _Known(
            record.pk, trial.pk, record.content_hash, record.registry_last_updated
        )
        self.by_nct[normalise_identifier(data.nct_id)] = trial.pk
        return CREATED

    def _update(self, data, known, condition_ids, region_ids, content_hash, pending) -> str:
        record = RegistryRecord.objects.select_related("trial").get(pk=known.record_id)
        trial = record.trial
        fields = data.trial_fields()
        if trial.title != record.imported_title:
            fields.pop("title")  # An editor rewrote it in plain language.
        else:
            record.imported_title = data.title
        Trial.objects.filter(pk=trial.pk).update(
            **fields, updated=timezone.now(), version=F("version") + 1
        )
        _record_update(trial.pk)

        current = set(trial.conditions.values_list("pk", flat=True))
        if current == set(record.imported_condition_ids):
            trial.conditions.set(condition_ids)
            record.imported_condition_ids = condition_ids
        self._write_related(trial.pk, data, region_ids, pending, replace=True)

        record.content_hash = content_hash
        record.registry_last_updated = data.registry_last_updated
        record.registry_status = data.status
        record.last_imported = timezone.now()
        record.save()
        known.content_hash = record.content_hash
        known.registry_last_updated = record.registry_last_updated
        return UPDATED

    def _write_related(self, trial_id, data, region_ids, pending, *, replace) -> None:
        self._write_identifiers(trial_id, data)
        self._write_organisations(trial_id, data, pending, replace=replace)
        self._write_interventions(trial_id, data, pending, replace=replace)
        if replace:
            Site.objects.filter(trial_id=trial_id).delete()
        bulk_create_with_history(
            [
                Site(
                    trial_id=trial_id,
                    region_id=region_id,
                    **{k: v for k, v in vars(site).items() if k != "region"},
                )
                for site, region_id in zip(data.sites, region_ids, strict=True)
            ],
            Site,
            default_change_reason=IMPORT_REASON,
        )

    def _write_identifiers(self, trial_id: int, data: StudyData) -> None:
        wanted = {(i.kind, normalise_identifier(i.value)): i for i in data.identifiers}
        wanted = {key: i for key, i in wanted.items() if key[1]}
        # The table is unique on (kind, value) across all trials: a sponsor code or
        # EudraCT number already on another trial stays there (one query finds them).
        taken = set(
            TrialIdentifier.objects.filter(normalised__in={key[1] for key in wanted}).values_list(
                "kind", "normalised", "trial_id"
            )
        )
        have = {(kind, norm) for kind, norm, owner in taken}
        bulk_create_with_history(
            [
                TrialIdentifier(trial_id=trial_id, kind=i.kind, value=i.value, normalised=key[1])
                for key, i in wanted.items()
                if key not in have
            ],
            TrialIdentifier,
            default_change_reason=IMPORT_REASON,
        )

    def _write_organisations(self, trial_id, data, pending, *, replace) -> None:
        if replace:
            # Sponsors and collaborators are the registry's; an editor's FUNDER stays.
            TrialOrganisation.objects.filter(
                trial_id=trial_id,
                role__in=[TrialOrganisation.Role.SPONSOR, TrialOrganisation.Role.COLLABORATOR],
            ).delete()
        rows = []
        for org in data.organisations:
            pk = self.organisations.get(org.name) or pending["organisations"].get(org.name)
            if pk is None:
                pk = Organisation.objects.get_or_create(name=org.name)[0].pk
                pending["organisations"][org.name] = pk
            rows.append(TrialOrganisation(trial_id=trial_id, organisation_id=pk, role=org.role))
        TrialOrganisation.objects.bulk_create(rows, ignore_conflicts=True)

    def _write_interventions(self, trial_id, data, pending, *, replace) -> None:
        ids = []
        for item in data.interventions:
            key = (item.name, item.kind)
            found = pending["interventions"].get(key) or self.interventions.get(key)
            if found is None:
                obj, _ = Intervention.objects.get_or_create(
                    name=item.name,
                    kind=item.kind,
                    defaults={"other_names": "\n".join(item.other_names)},
                )
                found = (obj.pk, tuple(obj.other_names.splitlines()))
            pk, names = found
            missing = [n for n in item.other_names if n not in names]
            if missing:
                names = (*names, *missing)
                Intervention.objects.filter(pk=pk).update(other_names="\n".join(names))
            pending["interventions"][key] = (pk, names)
            ids.append(pk)
        through = Trial.interventions.through
        if replace:
            through.objects.filter(trial_id=trial_id).delete()
        through.objects.bulk_create(
            [through(trial_id=trial_id, intervention_id=pk) for pk in dict.fromkeys(ids)]
        )

    # --- Helpers ------------------------------------------------------------------------

    def _slug(self, data: StudyData) -> str:
        suffix = f"-{data.nct_id.lower()}"
        base = slugify(data.title)[: SLUG_MAX - len(suffix)].rstrip("-")
        slug = f"{base}{suffix}" if base else suffix.lstrip("-")
        if slug in self.slugs:  # An editor's page took it.
            slug = f"{base[: SLUG_MAX - len(suffix) - 9]}-registry{suffix}"
        self.slugs.add(slug)
        return slug

    def _region_id(self, ref: RegionRef | None) -> int | None:
        if ref is None:
            return None
        pk = self.regions.get((ref.kind, ref.name.lower()))
        if pk is None and ref.kind == Region.Kind.COUNTRY:
            pk = self._add_country(ref.name)
        return pk

    def _add_country(self, name: str) -> int:
        """Countries beyond the seeded list are added as met. Outside any study's
        transaction, so a failing study never leaves a cached id that was rolled back."""
        slug = base = slugify(name)[:90] or "country"
        if slug in self.region_slugs:  # 'Georgia' the US state already has 'georgia'.
            slug = f"{base}-country"
        region, _ = Region.objects.get_or_create(
            slug=slug, defaults={"name": name[:100], "kind": Region.Kind.COUNTRY}
        )
        self.region_slugs.add(slug)
        self.regions[(Region.Kind.COUNTRY, name.lower())] = region.pk
        return region.pk


def _record_update(trial_id: int) -> None:
    """update() skips save() and so the history: write the row a save would have."""
    trial = Trial.objects.get(pk=trial_id)
    trial._history_user = None
    Trial.history.bulk_history_create([trial], update=True, default_change_reason=IMPORT_REASON)


def _nct_of(study: Any) -> str:
    """The NCT ID for the failure report, if the study has a readable one."""
    try:
        value = study["protocolSection"]["identificationModule"]["nctId"]
    except (KeyError, TypeError):
        return ""
    return value if isinstance(value, str) else ""


def condition_slugs(ids: Iterable[int]) -> list[str]:
    return list(Condition.objects.filter(pk__in=list(ids)).values_list("slug", flat=True))
