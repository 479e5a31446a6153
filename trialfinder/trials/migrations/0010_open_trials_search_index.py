from django.db import migrations

# PostgreSQL only, like the full search index in 0004. Most searches are for trials
# open to recruitment (the default), about four in ten published trials: a text index of
# only those rows finds their matches without intersecting a second index of every open
# trial, which took as long as the text match itself at 100,000 trials.
# The statuses are OPEN_STATUSES in trialfinder/trials/models.py.
FORWARDS = (
    "CREATE INDEX IF NOT EXISTS trials_trial_open_search_gin ON trials_trial "
    "USING gin (search_vector) "
    "WHERE publication = 'PUBLISHED' AND status IN ('RECRUITING', 'ENROLLING_BY_INVITATION')"
)
BACKWARDS = "DROP INDEX IF EXISTS trials_trial_open_search_gin"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARDS)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARDS)


class Migration(migrations.Migration):
    dependencies = [("trials", "0009_facet_keys")]

    operations = [migrations.RunPython(forwards, backwards)]
