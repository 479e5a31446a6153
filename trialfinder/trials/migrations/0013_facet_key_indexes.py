from django.db import migrations

# PostgreSQL only, like the other search indexes. A cancer type or an area chosen on the
# search page is an overlap with the trial's facet keys (TrialQuerySet.for_conditions and
# in_regions). Without these, the results and their facet counts read every published
# trial's keys to find the few thousand in, say, breast cancer in Yorkshire. At 100,000
# trials, the cold facet counts of bench_search's six cancer type, age and area searches
# took 49-125 ms without them and 35-101 ms with them (each pair in the same minute).
FORWARDS = [
    "CREATE INDEX IF NOT EXISTS trials_trial_facet_conditions_gin ON trials_trial "
    "USING gin (facet_conditions)",
    "CREATE INDEX IF NOT EXISTS trials_trial_facet_regions_gin ON trials_trial "
    "USING gin (facet_regions)",
]
BACKWARDS = [
    "DROP INDEX IF EXISTS trials_trial_facet_conditions_gin",
    "DROP INDEX IF EXISTS trials_trial_facet_regions_gin",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in FORWARDS:
            schema_editor.execute(sql)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in BACKWARDS:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("trials", "0012_search_version")]

    operations = [migrations.RunPython(forwards, backwards)]
