from django.db import migrations

from trialfinder.trials.seed import seed_synonyms

# PostgreSQL only: SQLite has neither tsvector nor trigram indexes, and its search path
# (trialfinder.trials.search) does not need them.
POSTGRES_FORWARDS = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS trials_trial_search_vector_gin ON trials_trial USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS trials_spellingterm_trgm ON trials_spellingterm USING gin (term gin_trgm_ops)",
]
POSTGRES_BACKWARDS = [
    "DROP INDEX IF EXISTS trials_spellingterm_trgm",
    "DROP INDEX IF EXISTS trials_trial_search_vector_gin",
]


def postgres_only(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


def forwards_synonyms(apps, schema_editor):
    seed_synonyms(apps.get_model("trials", "Synonym"))


class Migration(migrations.Migration):
    dependencies = [("trials", "0003_search")]

    operations = [
        migrations.RunPython(postgres_only(POSTGRES_FORWARDS), postgres_only(POSTGRES_BACKWARDS)),
        migrations.RunPython(forwards_synonyms, migrations.RunPython.noop),
    ]
