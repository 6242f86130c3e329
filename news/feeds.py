"""RSS and Atom feeds of the published news, for all sections and for each one.

Feeds follow the edition they are requested from: /news/feed/rss/ lists the English
items, /ru/news/feed/rss/ the Russian ones, each with the texts of its language.

Plain text that goes where a feed declares HTML (RSS ``<description>``, Atom
``<summary type="html">``) is escaped, so that a lead of ``<script>`` reaches a feed
reader as text; Atom's ``<subtitle>`` is text and is not. Every text the feed writes
loses the control characters XML cannot carry (``core.text``): the fields no longer
store them, and a row written before they cleaned must not take every feed down.
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from core.editions import edition, organisation
from core.text import strip_control_characters

from .models import NewsItem, Section


class LatestNewsFeed(Feed):
    item_count = 30

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["Content-Language"] = edition()
        return response

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed = writable(feed.feed)
        feed.items = [writable(item) for item in feed.items]
        return feed

    def title(self):
        return _("%(organisation)s — news") % {"organisation": organisation()}

    def link(self):
        return reverse("news:list")

    def about(self):
        return _("News, statements, speeches and interviews of the %(organisation)s.") % {
            "organisation": organisation()
        }

    def description(self):
        return escape(self.about())

    def items(self):
        return NewsItem.objects.published().for_listing().with_last_modified()[: self.item_count]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return escape(item.lead)

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

    def subtitle(self):
        return self.about()


class SectionNewsFeed(LatestNewsFeed):
    def get_object(self, request, section):
        return get_object_or_404(Section, slug=section)

    def title(self, section):
        return f"{section} — {organisation()}"

    def link(self, section):
        return section.get_absolute_url()

    def about(self, section):
        return section.description or self.title(section)

    def description(self, section):
        return escape(self.about(section))

    def items(self, section):
        return (
            NewsItem.objects.published()
            .for_listing()
            .with_last_modified()
            .filter(section=section)[: self.item_count]
        )


class SectionNewsAtomFeed(SectionNewsFeed):
    feed_type = Atom1Feed

    def subtitle(self, section):
        return self.about(section)


def writable(values):
    """A feed's or an item's values (texts, lists of texts, dates, links) with every
    text stripped of the characters XML cannot carry."""
    cleaned = {}
    for key, value in values.items():
        if isinstance(value, str):
            value = strip_control_characters(value)
        elif isinstance(value, list | tuple):
            value = [strip_control_characters(part) for part in value]
        cleaned[key] = value
    return cleaned
