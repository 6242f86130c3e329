"""RSS and Atom feeds of the published news, for all sections and for each one.

Feeds follow the edition they are requested from: /news/feed/rss/ lists the English
items, /ru/news/feed/rss/ the Russian ones, each with the texts of its language.
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from core.editions import edition, organisation

from .models import NewsItem, Section


class LatestNewsFeed(Feed):
    item_count = 30

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["Content-Language"] = edition()
        return response

    def title(self):
        return _("%(organisation)s — news") % {"organisation": organisation()}

    def link(self):
        return reverse("news:list")

    def description(self):
        return _("News, statements, speeches and interviews of the %(organisation)s.") % {
            "organisation": organisation()
        }

    def items(self):
        return NewsItem.objects.published().for_listing().with_last_modified()[: self.item_count]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_modified

    def item_categories(self, item):
        return [str(item.section), item.get_kind_display()]

    def item_guid(self, item):
        return f"news-{item.pk}"

    item_guid_is_permalink = False


class LatestNewsAtomFeed(LatestNewsFeed):
    feed_type = Atom1Feed
    subtitle = LatestNewsFeed.description


class SectionNewsFeed(LatestNewsFeed):
    def get_object(self, request, section):
        return get_object_or_404(Section, slug=section)

    def title(self, section):
        return f"{section} — {organisation()}"

    def link(self, section):
        return section.get_absolute_url()

    def description(self, section):
        return section.description or self.title(section)

    def items(self, section):
        return (
            NewsItem.objects.published()
            .for_listing()
            .with_last_modified()
            .filter(section=section)[: self.item_count]
        )


class SectionNewsAtomFeed(SectionNewsFeed):
    feed_type = Atom1Feed
    subtitle = SectionNewsFeed.description
