"""What the ClinicalTrials.gov importer remembers between runs.

RegistryRecord ties a Trial to its registry record so a re-import can tell "unchanged"
from "updated" without touching the trial, and knows which values the importer (rather
than an editor) last set. ConditionMapping is the editors' table from registry wording
("Breast Neoplasms", "AML") to our cancer types.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from trialfinder.trials.models import Condition, Status, Trial


class ConditionMapping(models.Model):
    class MatchKind(models.TextChoices):
        EXACT = "EXACT", _("Exact (whole text, any case)")
        CONTAINS_WORD = "CONTAINS_WORD", _("Contains word or phrase")
        WORD_IN_CANCER_TERM = "WORD_IN_CANCER_TERM", _("Word, in a term that names a cancer")

    pattern = models.CharField(
        max_length=200,
        help_text="Registry wording to look for in conditions, keywords and MeSH terms, "
        "e.g. 'breast neoplasms' or 'AML'. Case does not matter.",
    )
    match_kind = models.CharField(
        max_length=20,
        choices=MatchKind.choices,
        default=MatchKind.CONTAINS_WORD,
        help_text="Exact: the whole condition must be this text (use for short abbreviations "
        "like 'ALL'). Contains word: the words appear anywhere, as whole words. Word in a "
        "cancer term: as contains, but only where the term also says cancer, carcinoma, "
        "tumour etc. (use for organ words: 'gastric' in 'Gastric or GOJ Cancer', not in "
        "'Gastric Reflux'; 'Liver Metastases' does not count).",
    )
    condition = models.ForeignKey(
        Condition,
        on_delete=models.CASCADE,
        related_name="registry_mappings",
        help_text="The cancer type trials matching this pattern are listed under.",
    )
    note = models.CharField(
        max_length=255, blank=True, help_text="Why this mapping exists, for the next editor."
    )

    class Meta:
        ordering = ["condition__name", "pattern"]
        constraints = [
            models.UniqueConstraint(
                fields=["pattern", "match_kind", "condition"],
                name="registry_conditionmapping_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pattern} → {self.condition}"


class RegistryRecord(models.Model):
    """The registry side of an imported trial. Editors do not change this by hand."""

    trial = models.OneToOneField(Trial, on_delete=models.CASCADE, related_name="registry_record")
    nct_id = models.CharField("NCT ID", max_length=20, unique=True)
    content_hash = models.CharField(
        max_length=64, help_text="Fingerprint of the study as last imported; equal means unchanged."
    )
    registry_last_updated = models.DateField(
        null=True, blank=True, help_text="The registry's own last-update date at the last import."
    )
    registry_status = models.CharField(
        max_length=30,
        choices=Status.choices,
        blank=True,
        help_text="The registry's overall status at the last import, to spot changes since "
        "an editor's last review.",
    )
    imported_condition_ids = models.JSONField(
        default=list,
        blank=True,
        help_text="Cancer types the importer last set. If the trial's cancer types differ, "
        "an editor changed them and the importer leaves them alone.",
    )
    imported_title = models.CharField(
        max_length=300,
        blank=True,
        help_text="The title the importer last set. Once an editor rewrites the title, "
        "imports leave it alone.",
    )
    imported_as_draft = models.BooleanField(
        default=False, help_text="First imported with --draft, so it waited for review."
    )
    first_imported = models.DateTimeField(auto_now_add=True)
    last_imported = models.DateTimeField(
        help_text="When the importer last changed this trial from the registry."
    )

    class Meta:
        ordering = ["nct_id"]

    def __str__(self) -> str:
        return self.nct_id

    @property
    def registry_url(self) -> str:
        return f"https://clinicaltrials.gov/study/{self.nct_id}"
