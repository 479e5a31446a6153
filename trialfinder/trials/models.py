"""The trial finder's core: trials, where they run, what they treat and test.

Field names follow the patient-facing page (Cancer Research UK) where editors write,
and ClinicalTrials.gov where the registry is the source.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models, transaction
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from trialfinder.text import lines


class Status(models.TextChoices):
    """ClinicalTrials.gov overall (and site) recruitment status, kept as given."""

    RECRUITING = "RECRUITING", _("Recruiting")
    NOT_YET_RECRUITING = "NOT_YET_RECRUITING", _("Not yet recruiting")
    ENROLLING_BY_INVITATION = "ENROLLING_BY_INVITATION", _("Enrolling by invitation")
    ACTIVE_NOT_RECRUITING = "ACTIVE_NOT_RECRUITING", _("Active, not recruiting")
    SUSPENDED = "SUSPENDED", _("Suspended")
    TERMINATED = "TERMINATED", _("Terminated")
    COMPLETED = "COMPLETED", _("Completed")
    WITHDRAWN = "WITHDRAWN", _("Withdrawn")
    UNKNOWN = "UNKNOWN", _("Unknown")


# What a patient means by "open", "opening soon" and "closed".
OPEN_STATUSES = (Status.RECRUITING, Status.ENROLLING_BY_INVITATION)
OPENING_SOON_STATUSES = (Status.NOT_YET_RECRUITING,)
CLOSED_STATUSES = tuple(s for s in Status if s not in OPEN_STATUSES + OPENING_SOON_STATUSES)


_PATIENT_STATUS = {
    Status.RECRUITING: (_("Open"), "open"),
    Status.ENROLLING_BY_INVITATION: (_("Open by invitation only"), "open"),
    Status.NOT_YET_RECRUITING: (_("Opening soon"), "soon"),
    Status.ACTIVE_NOT_RECRUITING: (_("Closed to new patients"), "closed"),
    Status.COMPLETED: (_("Closed"), "closed"),
    Status.SUSPENDED: (_("Paused"), "closed"),
    Status.TERMINATED: (_("Stopped early"), "closed"),
    Status.WITHDRAWN: (_("Withdrawn"), "closed"),
}


def patient_status(status: str, has_results: bool = False) -> tuple[str, str]:
    """The status label and its style class. Results outrank "closed": that is what a
    patient looking at a finished trial wants to know."""
    if has_results and status not in OPEN_STATUSES + OPENING_SOON_STATUSES:
        return _("Results"), "results"
    return _PATIENT_STATUS.get(status, (_("Status not known"), "closed"))


class Phase(models.TextChoices):
    EARLY_PHASE1 = "EARLY_PHASE1", _("Early phase 1")
    PHASE1 = "PHASE1", _("Phase 1")
    PHASE1_PHASE2 = "PHASE1_PHASE2", _("Phase 1/2")
    PHASE2 = "PHASE2", _("Phase 2")
    PHASE2_PHASE3 = "PHASE2_PHASE3", _("Phase 2/3")
    PHASE3 = "PHASE3", _("Phase 3")
    PHASE4 = "PHASE4", _("Phase 4")
    NA = "NA", _("Not applicable")


_PHASE_LABELS = dict(Phase.choices)


class TrialType(models.TextChoices):
    """The trial's primary purpose, in the words patients use."""

    TREATMENT = "TREATMENT", _("Treatment")
    PREVENTION = "PREVENTION", _("Prevention")
    SCREENING = "SCREENING", _("Screening")
    SUPPORTIVE_CARE = "SUPPORTIVE_CARE", _("Supportive care")
    DIAGNOSTIC = "DIAGNOSTIC", _("Diagnosis")
    OTHER = "OTHER", _("Other")


class StudyType(models.TextChoices):
    INTERVENTIONAL = "INTERVENTIONAL", _("Interventional")
    OBSERVATIONAL = "OBSERVATIONAL", _("Observational")
    EXPANDED_ACCESS = "EXPANDED_ACCESS", _("Expanded access")


class Sex(models.TextChoices):
    ALL = "ALL", _("All")
    FEMALE = "FEMALE", _("Female")
    MALE = "MALE", _("Male")


class Publication(models.TextChoices):
    """Where a trial page is in the editorial workflow. Only PUBLISHED is public."""

    DRAFT = "DRAFT", _("Draft")
    REVIEW = "REVIEW", _("Ready for review")
    PUBLISHED = "PUBLISHED", _("Published")
    WITHDRAWN = "WITHDRAWN", _("Withdrawn")


# How long a reviewed page stays trusted before it is due for another check.
REVIEW_INTERVAL_MONTHS = 6

# --- History ---------------------------------------------------------------------------
# Bulk writers (the registry importer) say who they are with `history_reason()`: every
# history row written inside it gets that reason and no user, whatever request is
# active, so staff can tell an import from an editor's edit.
_history_reason: ContextVar[str | None] = ContextVar("history_reason", default=None)


@contextmanager
def history_reason(reason: str) -> Iterator[None]:
    token = _history_reason.set(reason)
    try:
        yield
    finally:
        _history_reason.reset(token)


def current_history_reason() -> str | None:
    return _history_reason.get()


class TrialfinderHistory(HistoricalRecords):
    """simple_history's records, plus the reason and "no user" set by history_reason()."""

    def get_change_reason_for_object(self, instance, history_type, using):
        return super().get_change_reason_for_object(instance, history_type, using) or (
            _history_reason.get()
        )

    def get_history_user(self, instance):
        if _history_reason.get() is not None and not hasattr(instance, "_history_user"):
            return None
        return super().get_history_user(instance)


class Source(models.TextChoices):
    MANUAL = "MANUAL", _("Written by our editors")
    REGISTRY = "REGISTRY", _("Imported from a registry")


class Region(models.Model):
    class Kind(models.TextChoices):
        COUNTRY = "COUNTRY", _("Country")
        UK_NATION = "UK_NATION", _("UK nation")
        ENGLISH_REGION = "ENGLISH_REGION", _("English region")
        US_STATE = "US_STATE", _("US state")

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text="The larger area this one is part of (England for an English region).",
    )
    code = models.CharField(
        max_length=10,
        blank=True,
        help_text="Short code: ISO country code, US state code (CA) or UK nation code.",
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")), name="trials_region_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Condition(models.Model):
    """A cancer type. Subtypes point at their parent (Sarcoma > Soft tissue sarcoma)."""

    name = models.CharField(
        max_length=150, help_text="The name patients know, e.g. 'Bowel cancer'."
    )
    slug = models.SlugField(max_length=150, unique=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text="The broader cancer type, if this is a subtype.",
    )
    synonyms = models.TextField(
        blank=True,
        help_text="Other names, one per line: medical names, US spellings, abbreviations "
        "(e.g. colorectal cancer, colon cancer, CRC). Search uses them.",
    )
    description = models.TextField(
        blank=True, help_text="One or two plain sentences shown on the cancer type page."
    )

    history = TrialfinderHistory()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name"], name="trials_condition_unique_name"),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")), name="trials_condition_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("trials:condition_detail", args=[self.slug])

    @property
    def synonym_list(self) -> list[str]:
        return lines(self.synonyms)


class Intervention(models.Model):
    class Kind(models.TextChoices):
        DRUG = "DRUG", _("Drug")
        BIOLOGICAL = "BIOLOGICAL", _("Biological")
        PROCEDURE = "PROCEDURE", _("Surgery or procedure")
        RADIATION = "RADIATION", _("Radiotherapy")
        DEVICE = "DEVICE", _("Device")
        GENETIC = "GENETIC", _("Genetic")
        BEHAVIORAL = "BEHAVIORAL", _("Behavioural")
        DIETARY_SUPPLEMENT = "DIETARY_SUPPLEMENT", _("Dietary supplement")
        DIAGNOSTIC_TEST = "DIAGNOSTIC_TEST", _("Diagnostic test")
        COMBINATION_PRODUCT = "COMBINATION_PRODUCT", _("Combination product")
        OTHER = "OTHER", _("Other")

    name = models.CharField(max_length=255, help_text="The generic name, e.g. 'imatinib'.")
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.DRUG)
    other_names = models.TextField(
        blank=True,
        help_text="Brand names and codes, one per line (e.g. Glivec, Gleevec, STI571).",
    )

    history = TrialfinderHistory()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "kind"], name="trials_intervention_unique_name_kind"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def other_name_list(self) -> list[str]:
        return lines(self.other_names)


class Organisation(models.Model):
    name = models.CharField(max_length=255)
    short_name = models.CharField(
        max_length=50, blank=True, help_text="Abbreviation shown in brackets, e.g. EORTC."
    )

    history = TrialfinderHistory()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name"], name="trials_organisation_unique_name"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.short_name})" if self.short_name else self.name


class IdSetField(models.Field):
    """A set of row ids kept on the trial row itself: integer[] on PostgreSQL, a JSON
    list on SQLite. Facet counts unnest it instead of joining sites and cancer types."""

    description = "A set of ids"

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)

    def db_type(self, connection) -> str:
        return "integer[]" if connection.vendor == "postgresql" else "text"

    def get_db_prep_value(self, value, connection, prepared: bool = False):
        ids = sorted({int(v) for v in value or ()})
        return ids if connection.vendor == "postgresql" else json.dumps(ids)

    def from_db_value(self, value, expression, connection) -> list[int]:
        if value is None:
            return []
        return list(value) if isinstance(value, list) else json.loads(value)

    def to_python(self, value) -> list[int]:
        if isinstance(value, str):
            return json.loads(value)
        return list(value or ())


@IdSetField.register_lookup
class Overlaps(models.Lookup):
    """`facet_regions__overlaps=[ids]`: the set shares at least one id with the list. On
    PostgreSQL this reads the row (or a covering index) alone, with no join."""

    lookup_name = "overlaps"

    def get_db_prep_lookup(self, value, connection):
        return ("%s", [self.lhs.output_field.get_db_prep_value(value, connection)])

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} && {rhs}::integer[]", [*lhs_params, *rhs_params]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return (
            f"EXISTS (SELECT 1 FROM json_each({lhs}) AS a, json_each({rhs}) AS b "
            "WHERE a.value = b.value)",
            [*lhs_params, *rhs_params],
        )


def status_group_q(group: str) -> Q:
    """The patient-facing status groups used in search, as a condition."""
    return {
        "recruiting": Q(status__in=OPEN_STATUSES),
        "opening_soon": Q(status__in=OPENING_SOON_STATUSES),
        "closed": Q(status__in=CLOSED_STATUSES),
        "results": Q(has_results=True),
        "any": Q(),
    }[group]


class TrialQuerySet(models.QuerySet):
    def published(self) -> TrialQuerySet:
        return self.filter(publication=Publication.PUBLISHED)

    def recruiting(self) -> TrialQuerySet:
        return self.filter(status__in=OPEN_STATUSES)

    def opening_soon(self) -> TrialQuerySet:
        return self.filter(status__in=OPENING_SOON_STATUSES)

    def closed(self) -> TrialQuerySet:
        return self.filter(status__in=CLOSED_STATUSES)

    def with_results(self) -> TrialQuerySet:
        return self.filter(has_results=True)

    def for_status_group(self, group: str) -> TrialQuerySet:
        """Filter by the patient-facing status groups used in search."""
        return self.filter(status_group_q(group))

    def for_age(self, years: int) -> TrialQuerySet:
        """Trials whose age range overlaps a person aged `years` (from their birthday
        up to the day before the next one). A missing bound means no limit."""
        youngest, oldest = years * 12, years * 12 + 11
        return self.filter(
            Q(min_age_months__isnull=True) | Q(min_age_months__lte=oldest),
            Q(max_age_months__isnull=True) | Q(max_age_months__gte=youngest),
        )

    def for_sex(self, sex: str) -> TrialQuerySet:
        if sex == Sex.ALL:
            return self
        return self.filter(sex__in=[Sex.ALL, sex])

    # Both read the keys kept on the trial row (see Trial.facet_conditions), not the
    # links: a trial in two matching subtypes is listed once, and at 100,000 trials the
    # count needs no join.
    def for_conditions(self, condition_ids: Iterable[int]) -> TrialQuerySet:
        return self.filter(facet_conditions__overlaps=list(condition_ids))

    def in_regions(self, region_ids: Iterable[int]) -> TrialQuerySet:
        return self.filter(facet_regions__overlaps=list(region_ids))

    # --- Editorial queues -------------------------------------------------------------

    def review_due(self, today: dt.date) -> TrialQuerySet:
        """Never reviewed, last reviewed over six months ago, or still saying it recruits
        after its recruitment end date. Withdrawn pages are nobody's job."""
        return self.exclude(publication=Publication.WITHDRAWN).filter(
            Q(last_reviewed__isnull=True)
            | Q(last_reviewed__lt=review_cutoff(today))
            | Q(end_date__lt=today, status__in=OPEN_STATUSES)
        )

    def needs_plain_summary(self) -> TrialQuerySet:
        """Imported from the registry and nobody has written the plain summary yet."""
        return self.exclude(publication=Publication.WITHDRAWN).filter(
            source=Source.REGISTRY, summary__regex=r"^\s*$"
        )

    def registry_status_changed(self) -> TrialQuerySet:
        """The registry's status differs from the one the editor saw at their last review.
        Pages reviewed before we recorded that status (blank) are left out: unknown."""
        return (
            self.exclude(publication=Publication.WITHDRAWN)
            .filter(last_reviewed__isnull=False, registry_record__isnull=False)
            .exclude(status_at_review="")
            .exclude(registry_record__registry_status=F("status_at_review"))
        )


def review_cutoff(today: dt.date) -> dt.date:
    """The same day REVIEW_INTERVAL_MONTHS months earlier (31 Aug -> 28/29 Feb)."""
    month = today.month - REVIEW_INTERVAL_MONTHS
    year = today.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    for day in (today.day, 30, 29, 28):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


class EditConflict(Exception):
    """Someone else saved the trial after this copy was loaded."""

    def __init__(self, trial: Trial, loaded: int):
        self.trial, self.loaded = trial, loaded
        super().__init__(f"Trial {trial.pk} changed since version {loaded} was loaded")


class Trial(models.Model):
    slug = models.SlugField(max_length=200, unique=True)
    title = models.CharField(
        max_length=300,
        help_text="Plain-language title patients see, e.g. 'A trial of imatinib for soft "
        "tissue sarcoma of the skin'.",
    )
    official_title = models.TextField(blank=True, help_text="The registry's scientific title.")
    acronym = models.CharField(max_length=50, blank=True)

    # Written by our editors in plain English (Markdown: paragraphs, lists, bold, links).
    summary = models.TextField(
        blank=True,
        help_text="What the trial is testing and why, in plain English. Aim for a reading "
        "age of 11-12. Markdown: blank line between paragraphs, '- ' for lists.",
    )
    more_about = models.TextField("more about this trial", blank=True)
    who_can_join = models.TextField(
        blank=True, help_text="The main points of who can and cannot take part, in plain words."
    )
    what_is_involved = models.TextField("what taking part involves", blank=True)
    results_summary = models.TextField(
        blank=True, help_text="Plain-language results, once the trial team has reported them."
    )

    # Written by the trial team for professionals; kept apart from the plain layer.
    brief_summary = models.TextField(blank=True)
    detailed_description = models.TextField(blank=True)
    eligibility_criteria = models.TextField(
        blank=True, help_text="The registry's full criteria text, as given."
    )
    inclusion_criteria = models.TextField(blank=True, help_text="One criterion per line.")
    exclusion_criteria = models.TextField(blank=True, help_text="One criterion per line.")

    status = models.CharField(max_length=30, choices=Status.choices, default=Status.RECRUITING)
    why_stopped = models.CharField(max_length=500, blank=True)
    has_results = models.BooleanField(default=False, help_text="Results have been reported.")
    phase = models.CharField(max_length=20, choices=Phase.choices, blank=True)
    trial_type = models.CharField(
        max_length=20, choices=TrialType.choices, default=TrialType.TREATMENT
    )
    study_type = models.CharField(
        max_length=20, choices=StudyType.choices, default=StudyType.INTERVENTIONAL
    )

    min_age_months = models.PositiveIntegerField(
        null=True, blank=True, help_text="Youngest age in months (18 years = 216). Empty: no limit."
    )
    max_age_months = models.PositiveIntegerField(
        null=True, blank=True, help_text="Oldest age in months. Empty: no upper limit."
    )
    sex = models.CharField(max_length=10, choices=Sex.choices, default=Sex.ALL)
    healthy_volunteers = models.BooleanField(
        default=False, help_text="People without cancer can take part."
    )

    start_date = models.DateField("recruitment start", null=True, blank=True)
    end_date = models.DateField("recruitment end", null=True, blank=True)
    end_date_is_estimate = models.BooleanField(default=False)
    enrolment = models.PositiveIntegerField(
        null=True, blank=True, help_text="How many people the trial needs or recruited."
    )
    enrolment_is_estimate = models.BooleanField(
        default=False, help_text="Ticked: a target. Not ticked: the actual number recruited."
    )

    chief_investigator = models.CharField(max_length=200, blank=True)
    chief_investigator_affiliation = models.CharField(max_length=255, blank=True)
    contact_name = models.CharField(max_length=200, blank=True)
    contact_phone = models.CharField(max_length=50, blank=True)
    contact_email = models.EmailField(blank=True)
    contact_url = models.URLField(blank=True)

    keywords = models.TextField(blank=True, help_text="One per line.")
    mesh_terms = models.TextField("MeSH terms", blank=True, help_text="One per line.")

    conditions = models.ManyToManyField(Condition, related_name="trials", blank=True)
    interventions = models.ManyToManyField(Intervention, related_name="trials", blank=True)
    organisations = models.ManyToManyField(
        Organisation, through="TrialOrganisation", related_name="trials", blank=True
    )

    publication = models.CharField(
        max_length=20,
        choices=Publication.choices,
        default=Publication.DRAFT,
        help_text="Only published trials are shown to the public. Editors can mark a page "
        "ready for review; only publishers can publish, unpublish or withdraw it.",
    )
    last_reviewed = models.DateField(
        null=True, blank=True, help_text="When an editor last checked this page against its source."
    )
    status_at_review = models.CharField(
        "registry status at last review",
        max_length=30,
        choices=Status.choices,
        blank=True,
        editable=False,
        help_text="Set when an editor changes the last-reviewed date, so a later change in the "
        "registry shows up in the review queue.",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text="Who last marked the page ready for review.",
    )
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text="Who last published the page.",
    )
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Goes up by one on every save, so two editors cannot overwrite each other.",
    )
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.MANUAL)
    registry_last_updated = models.DateField(
        null=True, blank=True, help_text="The registry's own last-update date for this record."
    )
    is_example = models.BooleanField(
        default=False,
        help_text="An invented trial for demonstration. The page says so in large type.",
    )
    # Kept current by trialfinder.trials.indexing on every save and import.
    search_document = models.TextField(blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)
    # Which version of indexing built them (indexing.SEARCH_VERSION): after a deploy that
    # changes what is searched, older ones are rebuilt in place once migrations finish.
    search_version = models.PositiveSmallIntegerField(default=0, editable=False)
    # Every area with a site of this trial and every cancer type it is linked to, each
    # with all the areas or types above it: facet counts read these from the trial row.
    facet_regions = IdSetField()
    facet_conditions = IdSetField()
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = TrialQuerySet.as_manager()
    # The search columns are derived and rewritten in bulk; they are not history.
    history = TrialfinderHistory(
        excluded_fields=[
            "search_document",
            "search_vector",
            "search_version",
            "facet_regions",
            "facet_conditions",
        ],
        # Which cancer types and treatments a trial was linked to is part of its story.
        m2m_fields=[conditions, interventions],
    )

    class Meta:
        ordering = ["-updated", "pk"]
        permissions = [
            ("submit_trial", "Can mark a trial ready for review"),
            ("publish_trial", "Can publish and unpublish a trial"),
            ("withdraw_trial", "Can withdraw a trial"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_age_months__isnull=True)
                | Q(max_age_months__isnull=True)
                | Q(min_age_months__lte=models.F("max_age_months")),
                name="trials_trial_age_range_ordered",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(start_date__lte=models.F("end_date")),
                name="trials_trial_dates_ordered",
            ),
        ]
        indexes = [
            models.Index(fields=["publication", "status"], name="trials_trial_pub_status"),
            models.Index(fields=["min_age_months", "max_age_months"], name="trials_trial_ages"),
            models.Index(fields=["-updated"], name="trials_trial_updated"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        """Every save of an existing trial moves `version` on by one, atomically. Set
        `_expected_version` (the admin does, from its form) to refuse the save with
        EditConflict if someone else saved after that version was loaded."""
        if self._state.adding or self.pk is None:
            super().save(*args, **kwargs)
            return
        expected = self.__dict__.pop("_expected_version", None)
        rows = Trial.objects.filter(pk=self.pk)
        with transaction.atomic(using=kwargs.get("using")):
            # This UPDATE also takes the row lock, so a concurrent save waits for us.
            loaded = self.version if expected is None else expected
            if rows.filter(version=loaded).update(version=F("version") + 1):
                self.version = loaded + 1
            elif expected is not None:
                raise EditConflict(self, expected)
            else:
                # An unchecked save of a stale copy (scripts, tests): still move on.
                rows.update(version=F("version") + 1)
                self.version = rows.values_list("version", flat=True).first() or 1
            super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("trials:trial_detail", args=[self.slug])

    def publishing_problems(self) -> list[str]:
        """Why this page cannot be published yet; empty when it can. The admin form and
        the publish action both ask this."""
        problems = []
        if not self.summary.strip():
            problems.append(str(_("It has no plain-language summary.")))
        if not self.who_can_join.strip():
            problems.append(str(_('It has no plain-language "who can join" section.')))
        if self.last_reviewed is None:
            problems.append(str(_("It has no last-reviewed date.")))
        return problems

    @property
    def is_published(self) -> bool:
        return self.publication == Publication.PUBLISHED

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def patient_status(self) -> tuple[str, str]:
        """(label, style) in the words a patient would use, as on Cancer Research UK."""
        return patient_status(self.status, self.has_results)

    @property
    def phase_label(self) -> str:
        """The phase in words. (get_phase_display hashes every phase's label, and so
        translates each of them, on every call: twenty result cards notice.)"""
        return _PHASE_LABELS.get(self.phase, self.phase)

    @property
    def has_plain_language(self) -> bool:
        return bool(self.summary.strip())

    @property
    def keyword_list(self) -> list[str]:
        return lines(self.keywords)

    @property
    def mesh_term_list(self) -> list[str]:
        return lines(self.mesh_terms)

    @property
    def inclusion_list(self) -> list[str]:
        return lines(self.inclusion_criteria)

    @property
    def exclusion_list(self) -> list[str]:
        return lines(self.exclusion_criteria)


class TrialIdentifier(models.Model):
    class Kind(models.TextChoices):
        NCT = "NCT", _("ClinicalTrials.gov")
        EUDRACT = "EUDRACT", _("EudraCT")
        EU_CT = "EU_CT", _("EU CT number")
        ISRCTN = "ISRCTN", _("ISRCTN")
        IRAS = "IRAS", _("IRAS")
        CRUK = "CRUK", _("CRUK internal database number")
        ORG = "ORG", _("Organisation's own ID")
        OBSOLETE = "OBSOLETE", _("Obsolete ID")
        OTHER = "OTHER", _("Other ID")

    trial = models.ForeignKey(Trial, on_delete=models.CASCADE, related_name="identifiers")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    value = models.CharField(max_length=100, help_text="As written, e.g. 'EORTC 62027'.")
    normalised = models.CharField(
        max_length=100,
        editable=False,
        db_index=True,
        help_text="Upper case with spaces and punctuation removed, for lookups.",
    )

    history = TrialfinderHistory()

    class Meta:
        ordering = ["kind", "value"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "normalised"], name="trials_identifier_unique_per_kind"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"

    def save(self, *args, **kwargs) -> None:
        self.normalised = normalise_identifier(self.value)
        super().save(*args, **kwargs)


def normalise_identifier(value: str) -> str:
    """'nct 0003-1915' and 'NCT00031915' compare equal; so do 'EORTC 62027' and 'eortc62027'."""
    return "".join(ch for ch in value.upper() if ch.isalnum())


class TrialOrganisation(models.Model):
    class Role(models.TextChoices):
        SPONSOR = "SPONSOR", _("Sponsor")
        COLLABORATOR = "COLLABORATOR", _("Supporter")
        FUNDER = "FUNDER", _("Funder")

    trial = models.ForeignKey(Trial, on_delete=models.CASCADE, related_name="trial_organisations")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT)
    role = models.CharField(max_length=20, choices=Role.choices)

    class Meta:
        ordering = ["role", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["trial", "organisation", "role"],
                name="trials_trialorganisation_unique_role",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class Site(models.Model):
    """A hospital or clinic where the trial runs, with its own recruitment status."""

    trial = models.ForeignKey(Trial, on_delete=models.CASCADE, related_name="sites")
    facility = models.CharField(max_length=255)
    city = models.CharField(max_length=100, blank=True)
    state = models.CharField(max_length=100, blank=True, help_text="State or county, as given.")
    postcode = models.CharField("postcode or ZIP", max_length=20, blank=True)
    country = models.CharField(max_length=100, blank=True)
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sites",
        help_text="Used by the region filter: English region, UK nation, US state or country.",
    )
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    status = models.CharField(
        max_length=30,
        choices=Status.choices,
        blank=True,
        help_text="This site's own status, which can differ from the trial's.",
    )
    contact_name = models.CharField(max_length=200, blank=True)
    contact_phone = models.CharField(max_length=50, blank=True)
    contact_email = models.EmailField(blank=True)

    history = TrialfinderHistory()

    class Meta:
        ordering = ["country", "state", "city", "facility", "pk"]
        indexes = [
            models.Index(fields=["region", "trial"], name="trials_site_region_trial"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="trials_site_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="trials_site_longitude_range",
            ),
        ]

    def __str__(self) -> str:
        return ", ".join(part for part in (self.facility, self.city) if part)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def patient_status(self) -> tuple[str, str]:
        if not self.status:
            return _("Ask the trial team"), "closed"
        return patient_status(self.status)

    @property
    def area(self) -> str:
        """The heading this site is grouped under on the trial page."""
        if self.region_id:
            return self.region.name
        return self.country or str(_("Location not given"))


class Synonym(models.Model):
    """Words people type that should also find other words: lay and medical names,
    brand and generic drug names, UK and US spellings."""

    class Kind(models.TextChoices):
        LAY_MEDICAL = "LAY_MEDICAL", _("Lay and medical names")
        DRUG = "DRUG", _("Drug names and codes")
        SPELLING = "SPELLING", _("UK and US spellings")
        ABBREVIATION = "ABBREVIATION", _("Abbreviations")
        BROADER = "BROADER", _("Broad term covering narrower ones")

    term = models.CharField(
        max_length=100, help_text="A word or phrase people search for, e.g. 'bowel' or 'Glivec'."
    )
    equivalents = models.TextField(
        help_text="Words or phrases it should also find, one per line (e.g. colorectal, colon)."
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.LAY_MEDICAL)
    two_way = models.BooleanField(
        default=True,
        help_text="Ticked: each equivalent also finds the term and the others. Untick for a "
        "broad term such as 'blood cancer', where 'lymphoma' should not find 'leukaemia'.",
    )

    history = TrialfinderHistory()

    class Meta:
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(Lower("term"), name="trials_synonym_unique_term"),
        ]

    def __str__(self) -> str:
        return self.term

    @property
    def equivalent_list(self) -> list[str]:
        return lines(self.equivalents)


class SpellingTerm(models.Model):
    """Known words (cancer types, treatments, synonyms) that spelling suggestions come
    from. Rebuilt by trialfinder.trials.indexing.refresh_spelling_terms()."""

    term = models.CharField(max_length=100)

    class Meta:
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(fields=["term"], name="trials_spellingterm_unique_term"),
        ]

    def __str__(self) -> str:
        return self.term
