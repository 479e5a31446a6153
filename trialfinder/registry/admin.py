from django.contrib import admin

from trialfinder.registry.models import ConditionMapping, RegistryRecord


@admin.register(ConditionMapping)
class ConditionMappingAdmin(admin.ModelAdmin):
    list_display = ["pattern", "match_kind", "condition", "note"]
    list_filter = ["match_kind", "condition"]
    search_fields = ["pattern", "condition__name", "note"]
    list_select_related = ["condition"]
    autocomplete_fields = ["condition"]


@admin.register(RegistryRecord)
class RegistryRecordAdmin(admin.ModelAdmin):
    """Written by the importer; editors look here to see what the registry said last."""

    list_display = [
        "nct_id",
        "trial",
        "registry_status",
        "registry_last_updated",
        "last_imported",
        "imported_as_draft",
    ]
    list_filter = ["registry_status", "imported_as_draft"]
    search_fields = ["nct_id", "trial__title"]
    list_select_related = ["trial"]
    date_hierarchy = "last_imported"
    readonly_fields = [
        "trial",
        "nct_id",
        "content_hash",
        "registry_last_updated",
        "registry_status",
        "imported_condition_ids",
        "imported_title",
        "imported_as_draft",
        "first_imported",
        "last_imported",
    ]

    def has_add_permission(self, request) -> bool:
        return False
