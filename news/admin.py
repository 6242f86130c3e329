from django.contrib import admin, messages
from django.db import transaction
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
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

from .models import Event, NewsAttachment, NewsImage, NewsItem, Section
from .views import NewsPreviewView


@admin.register(Section)
class SectionAdmin(
    NamedInputsMixin, ProtectedDeletionAdminMixin, EditionsAdminMixin, TranslationAdmin
):
    Media = EditorMedia

    list_display = ["__str__", "slug", "order", "languages"]
    list_editable = ["order"]
    search_fields = ["name_en", "name_ru", "slug"]
    prepopulated_fields = {"slug": ("name_en",)}
    fieldsets = [
        *language_fieldsets(["name", "description"]),
        (_("Address and order"), {"fields": ["slug", "order"]}),
    ]


class NewsImageInline(NamedInlineInputsMixin, TranslationTabularInline):
    model = NewsImage
    extra = 0
    fields = ["image", "alt_en", "alt_ru", "caption_en", "caption_ru", "credit", "order"]


class NewsAttachmentInline(NamedInlineInputsMixin, TranslationTabularInline):
    model = NewsAttachment
    extra = 0
    fields = ["file", "title_en", "title_ru", "order"]


@admin.register(NewsItem)
class NewsItemAdmin(NamedInputsMixin, UploadLimitMixin, EditionsAdminMixin, TranslationAdmin):
    Media = EditorMedia

    list_display = [
        "__str__",
        "kind",
        "section",
        "status",
        "published_at",
        "is_published",
        "languages",
    ]
    list_filter = ["status", "kind", "section", "published_at", "author"]
    list_select_related = ["section", "author"]
    search_fields = ["title_en", "title_ru", "lead_en", "lead_ru", "slug"]
    date_hierarchy = "published_at"
    ordering = ["-published_at", "-pk"]
    autocomplete_fields = ["people", "event"]
    prepopulated_fields = {"slug": ("title_en",)}
    readonly_fields = ["author", "created_at", "updated_at"]
    inlines = [NewsImageInline, NewsAttachmentInline]
    actions = ["publish_now", "return_to_draft"]
    fieldsets = [
        *language_fieldsets(["title", "lead", "body"]),
        (
            _("Publication"),
            {"fields": ["kind", "section", "slug", "status", "published_at"]},
        ),
        (_("Main image"), {"fields": ["image", "image_credit"]}),
        (_("Main image texts"), {"fields": ["image_alt_en", "image_caption_en", "image_alt_ru",
                                            "image_caption_ru"]}),
        (_("Who and what it is about"), {"fields": ["people", "event"]}),
        (_("Record"), {"fields": ["author", "created_at", "updated_at"], "classes": ["collapse"]}),
    ]  # fmt: skip

    def get_urls(self):
        preview = self.admin_site.admin_view(NewsPreviewView.as_view())
        return [
            path("<int:pk>/preview/", preview, name="news_newsitem_preview"),
            *super().get_urls(),
        ]

    def view_on_site(self, obj):
        """The public page of a live item; the staff preview of any other."""
        if obj.is_published():
            return obj.get_absolute_url()
        return reverse("admin:news_newsitem_preview", args=[obj.pk])

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)

    def change_status(self, request, items, message, **changes):
        """Set ``changes`` on each item and save it the way the change form does: the
        ``updated_at`` stamp moves, signals fire (so caches follow) and the admin's
        history records who did it."""
        fields = [*changes, "updated_at"]
        count = 0
        with transaction.atomic():
            for item in items.select_for_update(of=("self",)):
                for name, value in changes.items():
                    setattr(item, name, value)
                item.save(update_fields=fields)
                self.log_change(request, item, message)
                count += 1
        return count

    @admin.action(description=_("Publish the selected items now"), permissions=["change"])
    def publish_now(self, request, queryset):
        now = timezone.now()
        # Drafts, items in review and scheduled items all go live now; items already
        # live keep their original publication time.
        due = queryset.exclude(status=NewsItem.Status.PUBLISHED, published_at__lte=now)
        count = self.change_status(
            request,
            due,
            gettext("Published now."),
            status=NewsItem.Status.PUBLISHED,
            published_at=now,
        )
        self.message_user(
            request,
            ngettext("%d item published.", "%d items published.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Return the selected items to draft"), permissions=["change"])
    def return_to_draft(self, request, queryset):
        count = self.change_status(
            request,
            queryset.exclude(status=NewsItem.Status.DRAFT),
            gettext("Returned to draft."),
            status=NewsItem.Status.DRAFT,
        )
        self.message_user(
            request,
            ngettext("%d item returned to draft.", "%d items returned to draft.", count) % count,
            messages.SUCCESS,
        )


@admin.register(Event)
class EventAdmin(
    NamedInputsMixin, ProtectedDeletionAdminMixin, EditionsAdminMixin, TranslationAdmin
):
    Media = EditorMedia

    list_display = ["__str__", "kind", "start", "end", "city", "is_public", "languages"]
    list_filter = ["kind", "is_public", "start"]
    search_fields = ["title_en", "title_ru", "city_en", "city_ru", "slug"]
    date_hierarchy = "start"
    autocomplete_fields = ["participants"]
    prepopulated_fields = {"slug": ("title_en",)}
    fieldsets = [
        *language_fieldsets(["title", "venue", "city", "description"]),
        (_("When"), {"fields": ["kind", "start", "end", "all_day"]}),
        (_("Who and where it is shown"), {"fields": ["participants", "slug", "is_public"]}),
    ]
