from __future__ import annotations

import copy

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.db.models import Count, QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import SIMPLE_HISTORY_REVERSE_ATTR_NAME

from trialfinder.glossary.editor_help import GlossaryHelpMixin
from trialfinder.staff import editorial
from trialfinder.trials import search
from trialfinder.trials.models import (
    Condition,
    EditConflict,
    Intervention,
    Organisation,
    Region,
    Site,
    Synonym,
    Trial,
    TrialIdentifier,
    TrialOrganisation,
)


class KnownLabelAutocomplete(AutocompleteSelect):
    """An autocomplete that shows the chosen object's name without a query when the form
    already has it (set by KnownLabelsFormSet): one query per row otherwise, and a trial
    can have hundreds of sites."""

    known: dict[str, str]

    def optgroups(self, name, value, attr=None):
        known = getattr(self, "known", {})
        chosen = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        if not chosen or any(v not in known for v in chosen):
            return super().optgroups(name, value, attr)
        options = []
        if not self.is_required:
            options.append(self.create_option(name, "", "", False, 0))
        for v in chosen:
            options.append(self.create_option(name, v, known[v], set(chosen), len(options)))
        return [(None, options, 0)]


class KnownLabelsFormSet(BaseInlineFormSet):
    """Hands each row's already-loaded foreign keys to its KnownLabelAutocomplete."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        for name, field in form.fields.items():
            widget = getattr(field.widget, "widget", field.widget)  # inside the "+" wrapper
            if not isinstance(widget, KnownLabelAutocomplete) or form.instance.pk is None:
                continue
            descriptor = getattr(type(form.instance), name)
            if descriptor.is_cached(form.instance):  # select_related in the inline
                related = getattr(form.instance, name)
                widget.known = {str(related.pk): str(related)} if related else {}
        return form


class KnownLabelsInlineMixin:
    """Inline rows load their autocompleted foreign keys in the inline's one query."""

    formset = KnownLabelsFormSet

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related(*self.autocomplete_fields)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.autocomplete_fields:
            kwargs["widget"] = KnownLabelAutocomplete(db_field, self.admin_site)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class SiteInline(KnownLabelsInlineMixin, admin.TabularInline):
    model = Site
    extra = 0
    autocomplete_fields = ["region"]
    fields = ["facility", "city", "postcode", "country", "region", "status", "contact_phone"]


# Registry trials can list hundreds of sites; that many inline forms take seconds to
# draw, so larger trials link to the site list instead.
MAX_INLINE_SITES = 40


class IdentifierInline(admin.TabularInline):
    model = TrialIdentifier
    extra = 1


class TrialOrganisationInline(KnownLabelsInlineMixin, admin.TabularInline):
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


class EditorialQueueFilter(admin.SimpleListFilter):
    """The editors' work queues; the rules live on TrialQuerySet."""

    title = _("editorial queue")
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return list(editorial.QUEUES.items())

    def queryset(self, request, queryset):
        if self.value() in editorial.QUEUES:
            return editorial.queue(self.value(), queryset)
        return queryset


def _history_link(trial: Trial) -> str:
    return format_html(
        '<a href="{}">{}</a>',
        reverse("admin:trials_trial_history", args=[trial.pk]),
        gettext("see what changed in the history"),
    )


class TrialAdminForm(forms.ModelForm):
    """Carries the version it was loaded at, and refuses moves between publication states
    the user may not make. `user` is set by TrialAdmin.get_form."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    user = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "loaded_version" not in self.fields:
            return
        version = self.instance.version if self.instance.pk else None
        if self.instance.pk and hasattr(self.instance, SIMPLE_HISTORY_REVERSE_ATTR_NAME):
            # The revert page shows an old copy; what it replaces is today's row.
            version = (
                Trial.objects.filter(pk=self.instance.pk).values_list("version", flat=True).first()
            )
        self.fields["loaded_version"].initial = version
        self.transition: editorial.Transition | None = None

    def clean(self):
        cleaned = super().clean()
        if "loaded_version" not in self.fields:
            return cleaned
        source = Trial._meta.get_field("publication").default
        if self.instance.pk:
            # One query: is the copy being edited still the latest, and in which state?
            current = (
                Trial.objects.filter(pk=self.instance.pk).values("version", "publication").first()
            )
            if current is None:
                raise ValidationError(_("This trial has been deleted."))
            source = current["publication"]
            loaded = cleaned.get("loaded_version")
            if loaded != current["version"]:
                raise ValidationError(
                    format_html(
                        "{} {}",
                        gettext(
                            "Someone else saved this trial after you opened it, so your "
                            "changes were not saved. Copy anything you need, reload the "
                            "page, and"
                        ),
                        _history_link(self.instance),
                    ),
                    code="edit_conflict",
                )
        target = cleaned.get("publication")
        if target:
            transition = editorial.transition_to(source, target)
            if transition is not None:
                probe = copy.copy(self.instance)
                for name in ("summary", "who_can_join", "last_reviewed"):
                    if name in cleaned:
                        setattr(probe, name, cleaned[name])
                problems = editorial.check(probe, transition, self.user, source=source)
                if problems:
                    raise ValidationError(
                        {
                            "publication": [
                                gettext("This trial cannot be %(verb)s:")
                                % {"verb": transition.verb},
                                *problems,
                            ]
                        }
                    )
                self.transition = transition
        return cleaned


@admin.register(Trial)
class TrialAdmin(GlossaryHelpMixin, SimpleHistoryAdmin):
    form = TrialAdminForm
    change_form_template = "admin/trials/trial/change_form.html"
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
        EditorialQueueFilter,
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
    readonly_fields = ["created", "updated", "workflow_record", "version", "sites_overview"]
    date_hierarchy = "updated"
    list_per_page = 50
    show_full_result_count = False
    inlines = [IdentifierInline, TrialOrganisationInline, SiteInline]
    save_on_top = True
    actions = ["submit_for_review", "publish", "unpublish", "withdraw"]
    history_list_display = ["publication", "version"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "acronym", "official_title", "is_example"]}),
        (
            _("Publishing"),
            {
                "fields": [
                    "publication",
                    "last_reviewed",
                    "source",
                    "registry_last_updated",
                    "workflow_record",
                    "loaded_version",
                ]
            },
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
                    "glossary_help",
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
        (_("Record"), {"fields": ["sites_overview", "created", "updated", "version"]}),
    ]

    def get_inlines(self, request: HttpRequest, obj=None):
        if obj is not None and obj.sites.count() > MAX_INLINE_SITES:
            return [i for i in self.inlines if i is not SiteInline]
        return self.inlines

    @admin.display(description=_("sites"))
    def sites_overview(self, obj: Trial) -> str:
        if obj.pk is None:
            return "–"
        count = obj.sites.count()
        url = reverse("admin:trials_site_changelist") + f"?trial__id__exact={obj.pk}"
        many = count > MAX_INLINE_SITES
        note = _("too many to edit on this page") if many else _("edited below")
        return format_html('<a href="{}">{} {}</a> ({})', url, count, _("sites"), note)

    def get_search_results(self, request: HttpRequest, queryset: QuerySet, search_term: str):
        # Staff find trials exactly as patients and nurses do: one search for everyone.
        if not search_term.strip():
            return queryset, False
        return search.search(queryset, search_term), False

    # --- Change form: versions, workflow, readability --------------------------------

    def get_form(self, request: HttpRequest, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"user": request.user})

    def get_object(self, request: HttpRequest, object_id: str, from_field=None):
        # The workflow box names users and the registry status: one join, not three queries.
        queryset = self.get_queryset(request).select_related(
            "submitted_by", "published_by", "registry_record"
        )
        try:
            return queryset.get(pk=Trial._meta.pk.to_python(object_id))
        except (Trial.DoesNotExist, ValidationError, ValueError):
            return None

    def save_model(self, request: HttpRequest, obj: Trial, form, change: bool) -> None:
        if "loaded_version" in form.cleaned_data and change:
            obj._expected_version = form.cleaned_data["loaded_version"]
        transition = getattr(form, "transition", None)
        if transition is not None:
            editorial.apply(obj, transition, request.user)
        if "last_reviewed" in form.changed_data and obj.last_reviewed:
            obj.status_at_review = _registry_status(obj)
        super().save_model(request, obj, form, change)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except EditConflict as conflict:
            # Someone saved between our check and our write; nothing of ours was kept.
            self.message_user(
                request,
                format_html(
                    "{} {}",
                    gettext(
                        "Someone else saved this trial at the same moment, so your "
                        "changes were not saved. Reopen it and"
                    ),
                    _history_link(conflict.trial),
                ),
                messages.ERROR,
            )
            return HttpResponseRedirect(request.path)

    def field_help_extra(self, obj: Trial, name: str, text: str) -> str:
        figures = editorial.readability(text)
        if figures is None:
            return ""
        warning = ""
        if figures.too_hard:
            warning = format_html(
                ' <strong class="errornote">{}</strong>',
                gettext("Harder than reading grade %(max)d: use shorter sentences and words.")
                % {"max": editorial.MAX_GRADE},
            )
        return format_html(
            "<p>{} {} · {} {}{}</p>",
            gettext("Reading ease:"),
            figures.reading_ease,
            gettext("reading grade:"),
            figures.grade,
            warning,
        )

    @admin.display(description=_("Workflow"))
    def workflow_record(self, obj: Trial) -> str:
        if obj is None or obj.pk is None:
            return "-"
        rows = []
        if obj.submitted_at:
            rows.append((gettext("Marked ready for review"), obj.submitted_by, obj.submitted_at))
        if obj.published_at:
            rows.append((gettext("Published"), obj.published_by, obj.published_at))
        lines = format_html_join(
            "",
            "<li>{} by {} on {:%d %b %Y %H:%M}</li>",
            ((label, user or gettext("unknown"), when) for label, user, when in rows),
        )
        preview = format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("staff:trial_preview", args=[obj.slug]),
            gettext("Preview as a patient"),
            reverse("admin:trials_trial_history", args=[obj.pk]),
            gettext("History"),
        )
        reviewed = ""
        if obj.status_at_review:
            reviewed = format_html(
                "<li>{} {}</li>",
                gettext("Registry status at last review:"),
                obj.get_status_at_review_display(),
            )
        return format_html("<ul>{}{}</ul><p>{}</p>", lines, reviewed, preview)

    # --- Actions: one per move, each with a confirmation page -------------------------

    def has_submit_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(editorial.SUBMIT.permission)

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(editorial.PUBLISH.permission)

    def has_withdraw_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(editorial.WITHDRAW.permission)

    @admin.action(description=editorial.SUBMIT.label, permissions=["submit"])
    def submit_for_review(self, request, queryset):
        return self._transition(request, queryset, editorial.SUBMIT, "submit_for_review")

    @admin.action(description=editorial.PUBLISH.label, permissions=["publish"])
    def publish(self, request, queryset):
        return self._transition(request, queryset, editorial.PUBLISH, "publish")

    @admin.action(description=editorial.UNPUBLISH.label, permissions=["publish"])
    def unpublish(self, request, queryset):
        return self._transition(request, queryset, editorial.UNPUBLISH, "unpublish")

    @admin.action(description=editorial.WITHDRAW.label, permissions=["withdraw"])
    def withdraw(self, request, queryset):
        return self._transition(request, queryset, editorial.WITHDRAW, "withdraw")

    def _transition(
        self, request: HttpRequest, queryset: QuerySet, transition, action: str
    ) -> HttpResponse | None:
        trials = list(queryset.order_by("title", "pk"))
        checked = [(t, editorial.check(t, transition, request.user)) for t in trials]
        allowed = [t for t, problems in checked if not problems]
        refused = [(t, problems) for t, problems in checked if problems]
        if request.POST.get("confirm") != "yes":
            ctx = {
                **self.admin_site.each_context(request),
                "title": gettext("Are you sure?"),
                "opts": self.model._meta,
                "transition": transition,
                "action": action,
                "allowed": allowed,
                "refused": refused,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
                "selected": [t.pk for t in trials],
            }
            return TemplateResponse(request, "admin/trials/trial/transition_confirmation.html", ctx)
        for trial in allowed:
            editorial.apply(trial, transition, request.user)
            trial._history_user = request.user
            # Only the workflow fields: the action must not overwrite anyone's text.
            trial.save(
                update_fields=[
                    "publication",
                    "submitted_by",
                    "submitted_at",
                    "published_by",
                    "published_at",
                    "updated",
                ]
            )
            self.log_change(request, trial, [{"changed": {"fields": ["publication"]}}])
        if allowed:
            self.message_user(
                request,
                ngettext("%(n)d trial %(verb)s.", "%(n)d trials %(verb)s.", len(allowed))
                % {"n": len(allowed), "verb": transition.verb},
                messages.SUCCESS,
            )
        if refused:
            self.message_user(
                request,
                format_html(
                    "{}<ul>{}</ul>",
                    ngettext(
                        "%(n)d trial could not be %(verb)s:",
                        "%(n)d trials could not be %(verb)s:",
                        len(refused),
                    )
                    % {"n": len(refused), "verb": transition.verb},
                    format_html_join(
                        "",
                        "<li>{}: {}</li>",
                        ((t.title, " ".join(problems)) for t, problems in refused),
                    ),
                ),
                messages.ERROR,
            )
        return None


def _registry_status(trial: Trial) -> str:
    """The registry's status now, or the trial's own for pages not from a registry."""
    try:
        return trial.registry_record.registry_status or trial.status
    except Trial.registry_record.RelatedObjectDoesNotExist:
        return trial.status


@admin.register(Condition)
class ConditionAdmin(SimpleHistoryAdmin):
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
class InterventionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "other_names"]
    list_filter = ["kind"]
    search_fields = ["name", "other_names"]


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
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
class SiteAdmin(SimpleHistoryAdmin):
    list_display = ["facility", "city", "region", "status", "trial"]
    list_filter = ["status", ("region", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["facility", "city", "postcode"]
    autocomplete_fields = ["trial", "region"]
    list_select_related = ["trial", "region"]
    show_full_result_count = False


@admin.register(TrialIdentifier)
class TrialIdentifierAdmin(SimpleHistoryAdmin):
    list_display = ["value", "kind", "trial"]
    list_filter = ["kind"]
    search_fields = ["value", "normalised"]
    autocomplete_fields = ["trial"]
    list_select_related = ["trial"]


@admin.register(Synonym)
class SynonymAdmin(SimpleHistoryAdmin):
    list_display = ["term", "kind", "two_way", "equivalents"]
    list_filter = ["kind", "two_way"]
    search_fields = ["term", "equivalents"]
