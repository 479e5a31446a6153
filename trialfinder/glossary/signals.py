from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from trialfinder.glossary.marking import bump_glossary_version
from trialfinder.glossary.models import GlossaryTerm


@receiver(post_save, sender=GlossaryTerm)
@receiver(post_delete, sender=GlossaryTerm)
def _glossary_changed(**kwargs) -> None:
    bump_glossary_version()
