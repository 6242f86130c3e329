from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from core.admin import (
    EditionsAdminMixin,
    EditorMedia,
    NamedInlineInputsMixin,
    NamedInputsMixin,
    ProtectedDeletionAdminMixin,
    UploadLimitMixin,
    language_fieldsets,
)

from .models import Contact, Person, Position


class PositionInline(NamedInlineInputsMixin, TranslationTabularInline):
    model = Position
    extra = 0
    fields = ["title_en", "title_ru", "organisation_en", "organisation_ru", "start_date",
              "end_date", "in_organisation", "rank"]  # fmt: skip


class ContactInline(NamedInlineInputsMixin, TranslationTabularInline):
    model = Contact
    extra = 0
    fields = ["kind", "value", "address_en", "address_ru", "label_en", "label_ru", "is_public",
              "in_footer", "order"]  # fmt: skip


@admin.register(Person)
class PersonAdmin(
    NamedInputsMixin,
    ProtectedDeletionAdminMixin,
    UploadLimitMixin,
    EditionsAdminMixin,
    TranslationAdmin,
):
    Media = EditorMedia

    list_display = ["__str__", "headline", "order", "is_public", "languages"]
    list_editable = ["order", "is_public"]
    list_filter = ["is_public"]
    search_fields = ["given_name_en", "family_name_en", "given_name_ru", "family_name_ru", "slug"]
    prepopulated_fields = {"slug": ("given_name_en", "family_name_en")}
    inlines = [PositionInline, ContactInline]
    fieldsets = [
        *language_fieldsets(
            ["given_name", "patronymic", "family_name", "short_bio", "biography", "photo_alt"]
        ),
        (_("Profile"), {"fields": ["photo", "slug", "order", "is_public"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("positions")

    @admin.display(description=_("position"))
    def headline(self, obj):
        position = obj.headline_position
        if position is None:
            return "—"
        if position.status == Position.ENDED:
            return _("%(title)s (ended)") % {"title": position}
        return str(position)


@admin.register(Contact)
class ContactAdmin(NamedInputsMixin, TranslationAdmin):
    Media = EditorMedia

    list_display = ["__str__", "kind", "shown", "is_public", "in_footer", "order"]
    list_editable = ["is_public", "in_footer", "order"]
    list_filter = ["kind", "is_public", "in_footer"]
    list_select_related = ["person"]
    search_fields = ["value", "address_en", "address_ru", "label_en", "label_ru",
                     "person__family_name_en", "person__family_name_ru"]  # fmt: skip
    autocomplete_fields = ["person"]

    @admin.display(description=_("number, e-mail or address"))
    def shown(self, obj):
        return obj.shown_value
