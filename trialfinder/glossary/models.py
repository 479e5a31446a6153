"""The glossary: plain-language explanations of the words patients meet on trial pages."""

from __future__ import annotations

from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from trialfinder.text import lines

OUR_ATTRIBUTION = "Written by the trialfinder team"
NCI_ATTRIBUTION = "Definition from the NCI Dictionary of Cancer Terms, National Cancer Institute"


class GlossaryTerm(models.Model):
    class Source(models.TextChoices):
        OURS = "OURS", _("Written by our team")
        NCI = "NCI", _("National Cancer Institute")

    term = models.CharField(
        max_length=200,
        help_text="The word or phrase as patients see it, in lower case unless it is a name "
        "or abbreviation, e.g. 'biopsy', 'CT scan', 'GIST'.",
    )
    slug = models.SlugField(
        max_length=200,
        unique=True,
        help_text="The web address of the term's page. Filled in from the term; avoid "
        "changing it once published, as links to it would break.",
    )
    definition = models.TextField(
        help_text="One or two short sentences in plain UK English (reading age about 11). "
        "Shown in the pop-up next to the word. Plain text only.",
    )
    explanation = models.TextField(
        blank=True,
        help_text="Optional. A longer explanation shown only on the term's own page.",
    )
    variants = models.TextField(
        blank=True,
        help_text="Other ways of writing the term, one per line: plurals, US spellings, "
        "abbreviations (e.g. tumours, tumor, TKI). These are linked too. Simple plurals "
        "ending in -s are added automatically.",
    )
    related = models.ManyToManyField(
        "self",
        symmetrical=True,
        blank=True,
        help_text="Other terms a reader may want next. Linking works both ways.",
    )
    mark_in_text = models.BooleanField(
        "link in trial pages",
        default=True,
        help_text="Untick for words so common that linking them would get in the way "
        "(e.g. 'cancer'). The term keeps its glossary page.",
    )
    source = models.CharField(
        max_length=10,
        choices=Source.choices,
        default=Source.OURS,
        help_text="Who wrote the definition. Imports never overwrite terms written by our team.",
    )
    attribution = models.CharField(
        max_length=255,
        blank=True,
        default=OUR_ATTRIBUTION,
        help_text="The credit shown under the definition.",
    )
    last_reviewed = models.DateField(
        null=True, blank=True, help_text="When an editor last checked this definition."
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(Lower("term"), name="glossary_glossaryterm_unique_term"),
        ]

    def __str__(self) -> str:
        return self.term

    def get_absolute_url(self) -> str:
        return reverse("glossary:term_detail", args=[self.slug])

    @property
    def variant_list(self) -> list[str]:
        return lines(self.variants)

    @property
    def forms(self) -> list[str]:
        """The term and its variants: every spelling that refers to it."""
        return [self.term, *self.variant_list]
