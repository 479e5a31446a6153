"""Keep search text current after ordinary saves. Bulk writers call indexing directly."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from trialfinder.core.caching import code_release, forget_kept
from trialfinder.trials import indexing, trees
from trialfinder.trials.models import (
    Condition,
    Intervention,
    Region,
    Site,
    Synonym,
    Trial,
    TrialIdentifier,
)


def synonyms_cache_key() -> str:
    # The release too: the map is built by the code's own normalising, and a deploy
    # (with its synonym migrations) must not read the one the last release stored.
    return f"search:synonyms:{code_release()}"


@receiver(post_save)
@receiver(post_delete)
def content_changed(sender, raw: bool = False, **kwargs) -> None:
    """Sites, organisations, identifiers and the rest show on public pages and in facet
    counts; whatever changed, cached pages and counts must not outlive it."""
    if sender._meta.app_label == "trials" and not raw and not indexing.batching():
        indexing.bump_generation()


@receiver(post_save, sender=Trial)
def trial_saved(sender, instance: Trial, raw: bool = False, **kwargs) -> None:
    if not raw:
        indexing.request_reindex([instance.pk])


@receiver(post_delete, sender=Trial)
def trial_deleted(sender, **kwargs) -> None:
    indexing.bump_generation()


@receiver(m2m_changed, sender=Trial.conditions.through)
@receiver(m2m_changed, sender=Trial.interventions.through)
def trial_links_changed(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:
        # Changed from the cancer type or treatment side: pk_set holds trial ids.
        indexing.request_reindex(pk_set or instance.trials.values_list("pk", flat=True))
    else:
        indexing.request_reindex([instance.pk])


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_save, sender=TrialIdentifier)
@receiver(post_delete, sender=TrialIdentifier)
def identifier_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    # An identifier is search text; a site's area is a facet key.
    if not raw:
        # After a cascade delete the trial is gone; reindex skips missing trials.
        indexing.request_reindex([instance.trial_id])


@receiver(post_save, sender=Condition)
def condition_saved(sender, instance: Condition, created: bool, raw=False, **kwargs) -> None:
    if raw:
        return
    indexing.request_spelling_words(instance.name, instance.synonyms)
    if not created:
        # Names and synonyms are part of each linked trial's search text.
        indexing.request_reindex(instance.trials.values_list("pk", flat=True))


@receiver(post_save, sender=Intervention)
def intervention_saved(sender, instance: Intervention, created: bool, raw=False, **kwargs) -> None:
    if raw:
        return
    indexing.request_spelling_words(instance.name, instance.other_names)
    if not created:
        indexing.request_reindex(instance.trials.values_list("pk", flat=True))


@receiver(post_save, sender=Synonym)
@receiver(post_delete, sender=Synonym)
def synonym_changed(sender, instance: Synonym, raw: bool = False, **kwargs) -> None:
    if not raw:
        forget_kept(synonyms_cache_key())
        indexing.request_spelling_words(instance.term, instance.equivalents)


@receiver(post_save, sender=Condition)
@receiver(post_delete, sender=Condition)
@receiver(post_save, sender=Region)
@receiver(post_delete, sender=Region)
def tree_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    trees.forget()
    # Counts per cancer type and area are cached by search generation.
    indexing.bump_generation()
    if raw or kwargs.get("created") or kwargs["signal"] is post_delete:
        return
    # A moved cancer type or area changes the facet keys (which include every node
    # above) of each trial linked to it or to anything below it.
    tree = trees.ConditionTree.load() if sender is Condition else trees.RegionTree.load()
    below = tree.with_descendants(instance.slug)
    if sender is Condition:
        trials = Trial.conditions.through.objects.filter(condition_id__in=below)
    else:
        trials = Site.objects.filter(region_id__in=below)
    indexing.request_reindex(trials.values_list("trial_id", flat=True).distinct())


def rebuild_after_migrate(sender, using: str = "default", **kwargs) -> None:
    indexing.refresh_spelling_terms()
    stale = indexing.unindexed().values_list("pk", flat=True)
    indexing.reindex(stale.iterator())
