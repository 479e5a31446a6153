from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from trialfinder.glossary.models import GlossaryTerm


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(SimpleHistoryAdmin):
    list_display = ("term", "source", "mark_in_text", "last_reviewed", "updated")
    list_filter = ("source", "mark_in_text")
    search_fields = ("term", "variants", "definition")
    prepopulated_fields = {"slug": ("term",)}
    # Autocomplete, not a select box: there are thousands of terms once NCI is imported.
    autocomplete_fields = ("related",)
    readonly_fields = ("created", "updated")
    fieldsets = (
        (None, {"fields": ("term", "slug", "definition", "explanation", "variants")}),
        ("Linking", {"fields": ("related", "mark_in_text")}),
        ("Source", {"fields": ("source", "attribution", "last_reviewed", "created", "updated")}),
    )
