from django.apps import AppConfig


class GlossaryConfig(AppConfig):
    name = "trialfinder.glossary"
    verbose_name = "Glossary"

    def ready(self) -> None:
        # Connects the signals that tell the marker its cached matcher is stale.
        from trialfinder.glossary import signals  # noqa: F401
