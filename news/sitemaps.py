"""Sitemaps of news, sections and events. Each URL is listed in every edition its
object exists in, with ``hreflang`` alternates (Django's i18n sitemaps)."""

from functools import reduce
from operator import or_

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from presscenter.i18n import LANGUAGE_CODES, translated_columns

from .models import Event, NewsItem, Section


def in_any_edition(queryset_for):
    """The union over languages of ``queryset_for(language)``."""
    return reduce(or_, (queryset_for(code) for code in LANGUAGE_CODES))


class TranslatedSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    title_field = "title"

    def get_languages_for_item(self, item):
        return [code for code in LANGUAGE_CODES if getattr(item, f"{self.title_field}_{code}")]


class NewsSitemap(TranslatedSitemap):
    """Items are plain dicts: Django's i18n sitemaps load every item to paginate, so
    each row must be cheap (20,000 items: docs in bench/README.md)."""

    changefreq = "monthly"
    priority = 0.8
    limit = 5000

    def items(self):
        return (
            in_any_edition(lambda code: NewsItem.objects.published(language=code))
            .order_by("-published_at", "-pk")
            .values("slug", "section__slug", "updated_at", *translated_columns("title"))
        )

    def get_languages_for_item(self, item):
        return [code for code in LANGUAGE_CODES if item[f"title_{code}"]]

    def location(self, item):
        return reverse(
            "news:detail", kwargs={"section": item["section__slug"], "slug": item["slug"]}
        )

    def lastmod(self, item):
        return item["updated_at"]


class SectionSitemap(TranslatedSitemap):
    changefreq = "daily"
    priority = 0.6
    title_field = "name"

    def items(self):
        return Section.objects.all()


class EventSitemap(TranslatedSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return in_any_edition(lambda code: Event.objects.public(language=code)).order_by(
            "-start", "-pk"
        )

    def lastmod(self, item):
        return item.updated_at
