"""RSS and Atom feeds of the published news: all of it, per section, per person and
per event; and a feed of the public events.

Feeds follow the edition they are requested from: /news/feed/rss/ lists the English
items, /ru/news/feed/rss/ the Russian ones, each with the texts of its language, and
only what ``published()`` (news) and ``public()`` (events, people) let through.

An entry carries the lead as its summary (RSS ``<description>``, Atom ``<summary
type="html">``), the lead and the full sanitised body as its content (RSS
``<content:encoded>``, Atom ``<content type="html">``), and the main image as an
enclosure with the size and media type stored with the image. Ids are tag URIs
(``core.identifiers``) that stay the same when a slug, a section or the site's address
changes.

Plain text that goes where a feed declares HTML (the lead, a section's description) is
escaped, so that a lead of ``<script>`` reaches a feed reader as text; Atom's
``<subtitle>`` is text and is not. Every text the feed writes loses the control
characters XML cannot carry (``core.text``): the fields no longer store them, and a
row written before they cleaned must not take every feed down.

A conditional repeat (``If-None-Match``, ``If-Modified-Since``) is answered with a 304
before any entry is read: the validators come from the last change to the content
(``core.changes.last_change``, which sees edits, deletions and unpublishing) and the
newest publication (a scheduled item going live is no edit), one cheap query.
"""

import copy

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape, format_html
from django.utils.http import http_date
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import condition

from core.changes import last_change
from core.editions import edition, organisation
from core.html import html_to_text
from core.identifiers import object_tag_uri, tag_uri
from core.text import strip_control_characters
from people.models import Person

from .models import Event, NewsItem, Section
from .templatetags.news_tags import event_when


class RssWithContent(Rss201rev2Feed):
    """RSS 2.0 with each entry's full HTML in ``<content:encoded>``."""

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content:encoded", item["content"])


class AtomWithContent(Atom1Feed):
    """Atom with each entry's full HTML in ``<content type="html">``."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})


class EditionFeed(Feed):
    """What every feed here shares: the per-request copy, the conditional answer, the
    edition's language, and text XML can carry."""

    feed_type = RssWithContent
    item_count = 30
    item_guid_is_permalink = False
    request = None

    def __call__(self, request, *args, **kwargs):
        # One instance serves every request (it is built in urls.py): the request and
        # what is worked out from it go on a copy of its own.
        feed = copy.copy(self)
        feed.request = request
        feed._object = feed._changed = None
        conditional = condition(etag_func=feed.etag, last_modified_func=feed.last_modified)
        return conditional(feed.respond)(request, *args, **kwargs)

    def respond(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # Django's own Last-Modified is the newest entry's, which a deletion does not
        # move; the validators below see every change.
        response["Last-Modified"] = http_date(self.changed_at(*args, **kwargs).timestamp())
        response["Content-Language"] = edition()
        return response

    def get_object(self, request, *args, **kwargs):
        if self._object is None:
            self._object = self.find_object(**kwargs)
        return self._object

    def find_object(self, **kwargs):
        return None

    def changed_at(self, *args, **kwargs):
        """When this feed last changed: the later of the last change to the content
        and the newest publication in this edition. Two cheap reads, once a request."""
        if self._changed is None:
            self.get_object(self.request, *args, **kwargs)  # an unknown object is a 404
            newest = (
                NewsItem.objects.published()
                .order_by("-published_at")
                .values_list("published_at", flat=True)
                .first()
            )
            self._changed = max(filter(None, (last_change(), newest)))
        return self._changed

    def last_modified(self, request, *args, **kwargs):
        return self.changed_at(*args, **kwargs)

    def etag(self, request, *args, **kwargs):
        """Weak: the same change gives the same validator, to the microsecond (finer
        than Last-Modified's second)."""
        return f'W/"{round(self.changed_at(*args, **kwargs).timestamp() * 1_000_000):x}"'

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed = writable(feed.feed)
        feed.items = [writable(item) for item in feed.items]
        return feed

    def absolute(self, url):
        return self.request.build_absolute_uri(url)


class LatestNewsFeed(EditionFeed):
    """The latest published news of the edition."""

    scope = "news"

    def title(self, obj):
        return _("%(organisation)s — news") % {"organisation": organisation()}

    def link(self, obj):
        return reverse("news:list")

    def about(self, obj):
        return _("News, statements, speeches and interviews of the %(organisation)s.") % {
            "organisation": organisation()
        }

    def description(self, obj):
        return escape(self.about(obj))

    def feed_guid(self, obj):
        return tag_uri(f"{edition()}/{self.scope}{self.scope_id(obj)}")

    def scope_id(self, obj):
        return f"/{obj.pk}" if obj is not None else ""

    def items(self, obj):
        news = NewsItem.objects.published().for_feed().with_last_modified()
        return self.about_object(news, obj)[: self.item_count]

    def about_object(self, news, obj):
        return news

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return escape(item.lead)

    def item_extra_kwargs(self, item):
        lead = format_html("<p>{}</p>", item.lead) if item.lead else ""
        return {"content": lead + mark_safe(item.body)}

    def item_enclosures(self, item):
        """The main image, when its size and type are known (RSS needs both)."""
        if not (item.image and item.image_size is not None and item.image_type):
            return []
        return [Enclosure(self.absolute(item.image.url), str(item.image_size), item.image_type)]

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_modified

    def item_categories(self, item):
        return [str(item.section), item.get_kind_display()]

    def item_guid(self, item):
        return object_tag_uri(item, "news")


class AtomMixin:
    feed_type = AtomWithContent

    def subtitle(self, obj):
        return self.about(obj)


class LatestNewsAtomFeed(AtomMixin, LatestNewsFeed):
    pass


class SectionNewsFeed(LatestNewsFeed):
    scope = "news/sections"

    def find_object(self, section):
        return get_object_or_404(Section, slug=section)

    def title(self, section):
        return f"{section} — {organisation()}"

    def link(self, section):
        return section.get_absolute_url()

    def about(self, section):
        return section.description or self.title(section)

    def about_object(self, news, section):
        return news.filter(section=section)


class SectionNewsAtomFeed(AtomMixin, SectionNewsFeed):
    pass


class PersonNewsFeed(LatestNewsFeed):
    """The news that name one public person."""

    scope = "news/people"

    def find_object(self, slug):
        return get_object_or_404(Person.objects.public(), slug=slug)

    def title(self, person):
        return _("News about %(name)s — %(organisation)s") % {
            "name": person.short_name,
            "organisation": organisation(short=True),
        }

    def link(self, person):
        return person.get_absolute_url()

    def about(self, person):
        return _("News, statements, speeches and interviews about %(name)s.") % {
            "name": person.full_name
        }

    def about_object(self, news, person):
        return news.filter(people=person)


class PersonNewsAtomFeed(AtomMixin, PersonNewsFeed):
    pass


class EventNewsFeed(LatestNewsFeed):
    """The news about one public event."""

    scope = "news/events"

    def find_object(self, slug):
        return get_object_or_404(Event.objects.public(), slug=slug)

    def title(self, event):
        return _("News about “%(event)s” — %(organisation)s") % {
            "event": event.title,
            "organisation": organisation(short=True),
        }

    def link(self, event):
        return event.get_absolute_url()

    def about(self, event):
        return self.title(event)

    def about_object(self, news, event):
        return news.filter(event=event)


class EventNewsAtomFeed(AtomMixin, EventNewsFeed):
    pass


class EventsFeed(EditionFeed):
    """The public events of the edition, the latest announced first: a reader hears of
    each event when it is announced."""

    def title(self, obj):
        return _("%(organisation)s — events") % {"organisation": organisation()}

    def link(self, obj):
        return reverse("news:event_list")

    def about(self, obj):
        return _("Meetings, sessions and visits of the %(organisation)s.") % {
            "organisation": organisation()
        }

    def description(self, obj):
        return escape(self.about(obj))

    def feed_guid(self, obj):
        return tag_uri(f"{edition()}/events")

    def items(self, obj):
        return Event.objects.public().order_by("-created_at", "-pk")[: self.item_count]

    def item_title(self, event):
        return event.title

    def item_description(self, event):
        return escape(self.when_and_where(event))

    def item_extra_kwargs(self, event):
        return {
            "content": format_html("<p>{}</p>", self.when_and_where(event))
            + mark_safe(event.description)
        }

    def when_and_where(self, event):
        return ", ".join(filter(None, (html_to_text(event_when(event)), event.place)))

    def item_pubdate(self, event):
        return event.created_at

    def item_updateddate(self, event):
        return event.updated_at

    def item_categories(self, event):
        return [event.get_kind_display()]

    def item_guid(self, event):
        return object_tag_uri(event, "events")


class EventsAtomFeed(AtomMixin, EventsFeed):
    pass


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
