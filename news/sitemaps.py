"""Sitemaps of news, sections and events, each URL in every edition its object
exists in."""

from django.urls import reverse

from core.editions import in_any_edition, translated_columns
from core.sitemaps import EditionsSitemap

from .models import Event, NewsItem, Section


class NewsSitemap(EditionsSitemap):
    """Items are plain dicts: Django's i18n sitemaps load every item to paginate, so
    each row must be cheap (20,000 items: docs in bench/README.md)."""

    changefreq = "monthly"
    priority = 0.8
    limit = 5000

    def items(self):
        return (
            in_any_edition(lambda code: NewsItem.objects.published(language=code))
            .with_last_modified()
            .order_by("-published_at", "-pk")
            .values(
                "slug",
                "section__slug",
                "last_modified",
                *translated_columns(NewsItem.edition_field),
            )
        )

    def get_languages_for_item(self, item):
        return NewsItem.languages_of(item)

    def location(self, item):
        return reverse(
            "news:detail", kwargs={"section": item["section__slug"], "slug": item["slug"]}
        )

    def lastmod(self, item):
        return item["last_modified"]


class SectionSitemap(EditionsSitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return Section.objects.all()


class EventSitemap(EditionsSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return in_any_edition(lambda code: Event.objects.public(language=code)).order_by(
            "-start", "-pk"
        )

    def lastmod(self, item):
        return item.updated_at
