"""Sitemaps of news, sections and events. Each URL is listed in every edition its
object exists in, with ``hreflang`` alternates (Django's i18n sitemaps)."""

from functools import reduce
from operator import or_

from django.contrib.sitemaps import Sitemap

from presscenter.i18n import LANGUAGE_CODES

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
    changefreq = "monthly"
    priority = 0.8
    limit = 5000

    def items(self):
        return (
            in_any_edition(lambda code: NewsItem.objects.published(language=code))
            .select_related("section")
            .only("slug", "section__slug", "updated_at", "published_at", "title_en", "title_ru")
            .order_by("-published_at", "-pk")
        )

    def lastmod(self, item):
        return item.updated_at


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
