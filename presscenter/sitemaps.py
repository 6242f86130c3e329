from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from news.sitemaps import EventSitemap, NewsSitemap, SectionSitemap
from people.sitemaps import PersonSitemap


class PagesSitemap(Sitemap):
    """The fixed pages, in every edition."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["home", "news:list", "news:event_list", "people:list", "people:contacts"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {
    "pages": PagesSitemap,
    "sections": SectionSitemap,
    "news": NewsSitemap,
    "events": EventSitemap,
    "people": PersonSitemap,
}
