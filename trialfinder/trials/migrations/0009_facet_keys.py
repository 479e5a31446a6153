from django.db import migrations

import trialfinder.trials.models


def _with_ancestors(model) -> dict[int, set[int]]:
    parents = dict(model.objects.values_list("pk", "parent_id"))
    result = {}
    for pk in parents:
        found, node = set(), pk
        while node is not None and node not in found:
            found.add(node)
            node = parents.get(node)
        result[pk] = found
    return result


def fill_facet_keys(apps, schema_editor) -> None:
    """Existing trials get the keys that indexing keeps current from now on."""
    Trial = apps.get_model("trials", "Trial")
    Site = apps.get_model("trials", "Site")
    Link = Trial.conditions.through
    conditions = _with_ancestors(apps.get_model("trials", "Condition"))
    regions = _with_ancestors(apps.get_model("trials", "Region"))
    ids = list(Trial.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), 1000):
        chunk = ids[start : start + 1000]
        keys = {pk: (set(), set()) for pk in chunk}
        for trial_id, region_id in Site.objects.filter(
            trial_id__in=chunk, region_id__isnull=False
        ).values_list("trial_id", "region_id"):
            keys[trial_id][0].update(regions.get(region_id, ()))
        for trial_id, condition_id in Link.objects.filter(trial_id__in=chunk).values_list(
            "trial_id", "condition_id"
        ):
            keys[trial_id][1].update(conditions.get(condition_id, ()))
        Trial.objects.bulk_update(
            [
                Trial(pk=pk, facet_regions=sorted(r), facet_conditions=sorted(c))
                for pk, (r, c) in keys.items()
                if r or c
            ],
            ["facet_regions", "facet_conditions"],
            batch_size=500,
        )


# The facet and filter columns in one narrow index beside the wide trial rows: searches
# without words count (and filter on) 100,000 trials from it alone, an index-only scan.
FACET_INDEX = (
    "CREATE INDEX IF NOT EXISTS trials_trial_facets ON trials_trial (publication, status) "
    "INCLUDE (id, has_results, phase, sex, trial_type, min_age_months, max_age_months, "
    "facet_regions, facet_conditions)"
)


def create_facet_index(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FACET_INDEX)


def drop_facet_index(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS trials_trial_facets")


class Migration(migrations.Migration):
    dependencies = [
        ("trials", "0008_trial_history_links"),
    ]

    operations = [
        migrations.AddField(
            model_name="trial",
            name="facet_conditions",
            field=trialfinder.trials.models.IdSetField(blank=True, default=list, editable=False),
        ),
        migrations.AddField(
            model_name="trial",
            name="facet_regions",
            field=trialfinder.trials.models.IdSetField(blank=True, default=list, editable=False),
        ),
        migrations.RunPython(fill_facet_keys, migrations.RunPython.noop, elidable=True),
        migrations.RunPython(create_facet_index, drop_facet_index),
    ]
