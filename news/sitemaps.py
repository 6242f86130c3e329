"""Sitemaps of news, sections and events, each URL in every edition its object
exists in, paginated in SQL (core/sitemaps.py)."""

from core.sitemaps import EditionsSitemap

from .models import Event, NewsItem, Section


class NewsSitemap(EditionsSitemap):
    changefreq = "monthly"
    priority = 0.8
    limit = 5000

    model = NewsItem
    url_name = "news:detail"
    url_columns = {"section": "section__slug", "slug": "slug"}
    lastmod_column = "last_modified"

    def public(self, language):
        return NewsItem.objects.published(language=language)

    def with_columns(self, queryset):
        return queryset.with_last_modified()


class SectionSitemap(EditionsSitemap):
    changefreq = "daily"
    priority = 0.6

    model = Section
    url_name = "news:section"
    url_columns = {"section": "slug"}

    def public(self, language):
        return Section.objects.written_in(language)


class EventSitemap(EditionsSitemap):
    changefreq = "weekly"
    priority = 0.5

    model = Event
    url_name = "news:event_detail"
    lastmod_column = "updated_at"

    def public(self, language):
        return Event.objects.public(language=language)
