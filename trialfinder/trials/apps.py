from django.apps import AppConfig


class TrialsConfig(AppConfig):
    name = "trialfinder.trials"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from trialfinder.trials import signals

        # Data migrations write through historical models, which send no signals we
        # listen to; rebuild the derived search data once migrations are done.
        post_migrate.connect(signals.rebuild_after_migrate, sender=self)
