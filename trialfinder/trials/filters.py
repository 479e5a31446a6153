"""The /trials/ FilterSet: every public search parameter is validated here."""

from __future__ import annotations

import copy
from collections.abc import Container
from functools import cached_property

import django_filters
from django import forms
from django.db.models import F
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ChoiceField as FilterChoiceField

from trialfinder.trials import search
from trialfinder.trials.models import Phase, Region, Sex, TrialQuerySet, TrialType
from trialfinder.trials.trees import ConditionTree, RegionTree, flat_choices, load_trees
from trialfinder.trials.widgets import FastNumberInput, FastSelect

STATUS_CHOICES = [
    ("recruiting", _("Open to recruitment")),
    ("opening_soon", _("Opening soon")),
    ("closed", _("Closed")),
    ("results", _("Results available")),
    ("any", _("Any status")),
]
DEFAULT_STATUS = "recruiting"

SORT_CHOICES = [
    ("relevance", _("Best match")),
    ("updated", _("Recently updated")),
    ("ending", _("Recruitment ends soonest")),
    ("title", _("Title A to Z")),
]
DEFAULT_SORT = "updated"

SEX_CHOICES = [(Sex.FEMALE, _("Female")), (Sex.MALE, _("Male"))]


class CopiedShallow:
    """django-filter deep-copies every filter for each search, with its form field and
    choices: a sixth of building the FilterSet. A filter's copy gets only its own
    parent and model, so a shallow copy does, with its method bound to the copy."""

    def __deepcopy__(self, memo):
        new = copy.copy(self)
        new.method = self.method
        return new


class CharFilter(CopiedShallow, django_filters.CharFilter):
    pass


class SharedChoicesField(FilterChoiceField):
    """Each form's copy of the field shares its choices. Django deep-copies them for
    every form, though nothing changes them in place (the trees' are replaced whole),
    and checks a value by walking them all, normalising each on the way."""

    # The choices' values, when they are known ahead (a tree's, built once per tree).
    known: Container[str] | None = None

    def __deepcopy__(self, memo):
        return forms.Field.__deepcopy__(self, memo)

    def valid_value(self, value) -> bool:
        if self.known is not None:
            return str(value) in self.known
        return super().valid_value(value)


class ChoiceFilter(CopiedShallow, django_filters.ChoiceFilter):
    field_class = SharedChoicesField


class WholeNumberFilter(CopiedShallow, django_filters.NumberFilter):
    field_class = forms.IntegerField


class TrialFilter(django_filters.FilterSet):
    q = CharFilter(
        label=_("Search words or trial number"),
        method="filter_q",
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    cancer_type = ChoiceFilter(
        widget=FastSelect,
        label=_("Cancer type"),
        method="filter_cancer_type",
        empty_label=_("Any cancer type"),
        error_messages={
            "invalid_choice": _("We don't have that cancer type. Choose one from the list.")
        },
    )
    age = WholeNumberFilter(
        label=_("Age in years"),
        method="filter_age",
        min_value=0,
        max_value=120,
        widget=FastNumberInput(attrs={"inputmode": "numeric", "min": 0, "max": 120}),
        error_messages={
            "invalid": _("Enter age as a whole number of years, for example 45."),
            "min_value": _("Age cannot be less than 0."),
            "max_value": _("Age must be 120 or less."),
        },
    )
    sex = ChoiceFilter(
        widget=FastSelect,
        label=_("Sex"),
        choices=SEX_CHOICES,
        method="filter_sex",
        empty_label=_("Any"),
    )
    region = ChoiceFilter(
        widget=FastSelect,
        label=_("Where you live"),
        method="filter_region",
        empty_label=_("Anywhere"),
        error_messages={"invalid_choice": _("We don't know that area. Choose one from the list.")},
    )
    status = ChoiceFilter(
        widget=FastSelect,
        label=_("Status"),
        choices=STATUS_CHOICES,
        method="filter_status",
        empty_label=None,
    )
    phase = ChoiceFilter(
        widget=FastSelect, label=_("Phase"), choices=Phase.choices, empty_label=_("Any phase")
    )
    trial_type = ChoiceFilter(
        widget=FastSelect,
        label=_("Type of trial"),
        choices=TrialType.choices,
        empty_label=_("Any type"),
    )
    sort = ChoiceFilter(
        widget=FastSelect,
        label=_("Sort by"),
        choices=SORT_CHOICES,
        method="sort_by",
        empty_label=None,
    )

    # Set by a view that already counted the matches (the facet query does), so that
    # relevance ranking can pick the cheaper plan. None when not known.
    match_count: int | None = None

    def __init__(self, data=None, *args, **kwargs):
        # Recruiting trials are what most people want, so that is the default.
        if data is not None:
            data = data.copy()
            # Relevance when there are words to rank by, otherwise recently updated.
            sort = "relevance" if data.get("q", "").strip() else DEFAULT_SORT
            for key, default in (("status", DEFAULT_STATUS), ("sort", sort)):
                if not data.get(key):
                    data[key] = default
        super().__init__(data, *args, **kwargs)
        # Set once here: callable choices would query again on validation and on render.
        # (django-filter adds each empty_label itself.)
        fields = self.form.fields
        for name, tree in (("cancer_type", self.conditions), ("region", self.regions)):
            fields[name].choices = tree.form_choices()
            fields[name].known = tree.choice_labels()
        # The selects render their options once per process for each selected value;
        # the trees' versions change whenever an editor changes a tree.
        versions = {"cancer_type": self.conditions.version, "region": self.regions.version}
        for name, field in fields.items():
            if isinstance(field.widget, FastSelect):
                field.widget.choices_key = (name, versions.get(name, 0))

    def get_form_class(self):
        # The fields never change, so the form class (and every field in it, which
        # django-filter builds anew for each search) is built once per process. Each
        # form still gets its own copies of the fields, as Django forms always do.
        cls = type(self)
        if "_form_class" not in cls.__dict__:
            cls._form_class = super().get_form_class()
        return cls._form_class

    @cached_property
    def _trees(self) -> tuple[ConditionTree, RegionTree]:
        return load_trees()

    @property
    def conditions(self) -> ConditionTree:
        return self._trees[0]

    @property
    def regions(self) -> RegionTree:
        return self._trees[1]

    @cached_property
    def parsed(self) -> search.ParsedQuery:
        """The search words, parsed once for the filter, the ordering, the facets and
        "why this matched" (parsing reads the synonyms from the shared cache)."""
        return search.parse(self.cleaned("q") or "")

    @cached_property
    def _id_found(self) -> bool | None:
        return search.identifier_found(self.cleaned("q") or "", self.queryset)

    def filter_q(self, queryset: TrialQuerySet, name: str, value: str) -> TrialQuerySet:
        # The words are the first filter, so `queryset` is this search's own: whether an
        # ID is among its trials is checked once, not for the count and again for the page.
        return search.search(queryset, value, self.parsed, id_found=self._id_found)

    def filter_cancer_type(self, queryset: TrialQuerySet, name: str, value: str) -> TrialQuerySet:
        return queryset.for_conditions(self.conditions.with_descendants(value))

    def filter_age(self, queryset: TrialQuerySet, name: str, value: int) -> TrialQuerySet:
        return queryset.for_age(value)

    def filter_sex(self, queryset: TrialQuerySet, name: str, value: str) -> TrialQuerySet:
        return queryset.for_sex(value)

    def filter_region(self, queryset: TrialQuerySet, name: str, value: str) -> TrialQuerySet:
        return queryset.in_regions(self.regions.with_descendants(value))

    def filter_status(self, queryset: TrialQuerySet, name: str, value: str) -> TrialQuerySet:
        return queryset.for_status_group(value)

    def sort_by(self, queryset: TrialQuerySet, name: str, value: str) -> TrialQuerySet:
        if value == "relevance":
            return search.order_by_relevance(
                queryset, self.cleaned("q") or "", self.match_count, self.parsed
            )
        if value == "ending":
            # Unknown end dates last: SQLite would put them first.
            return queryset.order_by(F("end_date").asc(nulls_last=True), "-updated", "pk")
        if value == "title":
            # Case aside, as a reader expects (SQLite and a "C" collation put "Z" before "a").
            return queryset.order_by(Lower("title"), "pk")
        return queryset.order_by("-updated", "pk")

    def active_filters(self) -> list[tuple[str, str, str]]:
        """(parameter, label, value shown) for each filter the visitor set, so each can be
        removed on its own. The default status and sort order are not filters to remove."""
        self.form.is_valid()
        active = []
        for name, field in self.form.fields.items():
            value = self.form.cleaned_data.get(name)
            if value in (None, "") or name == "sort":
                continue
            if name == "status" and value == DEFAULT_STATUS:
                continue
            if name in ("cancer_type", "region"):
                tree = self.conditions if name == "cancer_type" else self.regions
                shown = tree.choice_labels().get(value, value)
            elif hasattr(field, "choices"):
                shown = dict(flat_choices(field.choices)).get(value, value)
            else:
                shown = value
            active.append((name, str(field.label), str(shown).strip()))
        return active

    def queryset_without(self, *skipped: str) -> TrialQuerySet:
        """The search with every valid filter applied except `skipped` (and sorting):
        the base each facet counts over."""
        self.form.is_valid()
        queryset = self.queryset.all()
        for name, value in self.form.cleaned_data.items():
            if name not in skipped and name != "sort":
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def cleaned(self, name: str):
        """A parameter's cleaned value, or None when it is missing or invalid."""
        self.form.is_valid()
        return self.form.cleaned_data.get(name) or None

    @property
    def chosen_region(self) -> Region | None:
        slug = self.cleaned("region")
        return self.regions.by_slug.get(slug) if slug else None

    @property
    def chosen_region_ids(self) -> set[int]:
        slug = self.cleaned("region")
        return self.regions.with_descendants(slug) if slug else set()
