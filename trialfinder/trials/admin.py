from __future__ import annotations

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from trialfinder.glossary.editor_help import GlossaryHelpMixin
from trialfinder.trials import search
from trialfinder.trials.models import (
    Condition,
    Intervention,
    Organisation,
    Region,
    Site,
    Trial,
    TrialIdentifier,
    TrialOrganisation,
)


class SiteInline(admin.StackedInline):
    model = Site
    extra = 0
    autocomplete_fields = ["region"]
    fields = [
        ("facility", "status"),
        ("city", "state", "postcode", "country"),
        "region",
        ("contact_name", "contact_phone", "contact_email"),
        ("latitude", "longitude"),
    ]


class IdentifierInline(admin.TabularInline):
    model = TrialIdentifier
    extra = 1


class TrialOrganisationInline(admin.TabularInline):
    model = TrialOrganisation
    extra = 1
    autocomplete_fields = ["organisation"]


class StatusGroupFilter(admin.SimpleListFilter):
    title = _("status for patients")
    parameter_name = "status_group"

    def lookups(self, request, model_admin):
        return [
            ("recruiting", _("Open")),
            ("opening_soon", _("Opening soon")),
            ("closed", _("Closed")),
            ("results", _("Results")),
        ]

    def queryset(self, request, queryset):
        if self.value() in dict(self.lookups(request, None)):
            return queryset.for_status_group(self.value())
        return queryset


@admin.register(Trial)
class TrialAdmin(GlossaryHelpMixin, admin.ModelAdmin):
    list_display = [
        "title",
        "status",
        "phase",
        "publication",
        "is_example",
        "source",
        "last_reviewed",
        "updated",
    ]
    list_filter = [
        "publication",
        StatusGroupFilter,
        "status",
        "phase",
        "trial_type",
        "source",
        "is_example",
        "has_results",
    ]
    search_fields = ["title"]  # Replaced by the shared search entry point below.
    search_help_text = _("Words, a cancer type, a drug or any trial number (NCT, ISRCTN, EORTC …)")
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["conditions", "interventions"]
    readonly_fields = ["created", "updated"]
    date_hierarchy = "updated"
    list_per_page = 50
    show_full_result_count = False
    inlines = [IdentifierInline, TrialOrganisationInline, SiteInline]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "slug", "acronym", "official_title", "is_example"]}),
        (
            _("Publishing"),
            {"fields": ["publication", "last_reviewed", "source", "registry_last_updated"]},
        ),
        (
            _("Plain-language sections (written by our editors)"),
            {
                "fields": [
                    "summary",
                    "more_about",
                    "who_can_join",
                    "what_is_involved",
                    "results_summary",
                ]
            },
        ),
        (
            _("Status and design"),
            {
                "fields": [
                    ("status", "has_results"),
                    "why_stopped",
                    ("phase", "trial_type", "study_type"),
                    ("start_date", "end_date", "end_date_is_estimate"),
                    ("enrolment", "enrolment_is_estimate"),
                ]
            },
        ),
        (
            _("Cancer types and treatments"),
            {"fields": ["conditions", "interventions", "keywords", "mesh_terms"]},
        ),
        (
            _("Who can join"),
            {
                "fields": [
                    ("min_age_months", "max_age_months"),
                    ("sex", "healthy_volunteers"),
                    "inclusion_criteria",
                    "exclusion_criteria",
                ]
            },
        ),
        (
            _("People and contacts"),
            {
                "fields": [
                    ("chief_investigator", "chief_investigator_affiliation"),
                    ("contact_name", "contact_phone"),
                    ("contact_email", "contact_url"),
                ]
            },
        ),
        (
            _("Registry text (written by the trial team for professionals)"),
            {
                "classes": ["collapse"],
                "fields": ["brief_summary", "detailed_description", "eligibility_criteria"],
            },
        ),
        (_("Record"), {"fields": ["created", "updated"]}),
    ]

    def get_search_results(self, request: HttpRequest, queryset: QuerySet, search_term: str):
        # Staff find trials exactly as patients and nurses do: one search for everyone.
        if not search_term.strip():
            return queryset, False
        return search.search(queryset, search_term), False


@admin.register(Condition)
class ConditionAdmin(admin.ModelAdmin):
    list_display = ["name", "parent", "trial_count"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "synonyms"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("parent").annotate(n=Count("trials"))

    @admin.display(description=_("trials"), ordering="n")
    def trial_count(self, obj: Condition) -> int:
        return obj.n


@admin.register(Intervention)
class InterventionAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "other_names"]
    list_filter = ["kind"]
    search_fields = ["name", "other_names"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name"]
    search_fields = ["name", "short_name"]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent", "code"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    list_select_related = ["parent"]


@admin.register(Site)
class SiteAdmin(admin.ModelAdmin):
    list_display = ["facility", "city", "region", "status", "trial"]
    list_filter = ["status", ("region", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["facility", "city", "postcode"]
    autocomplete_fields = ["trial", "region"]
    list_select_related = ["trial", "region"]
    show_full_result_count = False


@admin.register(TrialIdentifier)
class TrialIdentifierAdmin(admin.ModelAdmin):
    list_display = ["value", "kind", "trial"]
    list_filter = ["kind"]
    search_fields = ["value", "normalised"]
    autocomplete_fields = ["trial"]
    list_select_related = ["trial"]
