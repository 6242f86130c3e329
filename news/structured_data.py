"""schema.org data for news items and events (``core.structured_data`` writes it into
the page). Only what the public page shows goes in: the views that call these builders
reach their objects through ``published()`` and ``public()``."""

from django.utils import timezone

from core.editions import edition
from core.html import html_to_text
from core.sharing import default_image
from core.structured_data import compact
from people.structured_data import SCHEMA, organization_reference

# What search engines show of a headline.
HEADLINE_LENGTH = 110


def news_article(request, item, image=None):
    """A ``NewsArticle``: an item as the organisation published it. ``image`` is the
    page's share image; ``item`` is annotated with ``last_modified``."""
    url = request.build_absolute_uri(item.get_absolute_url())
    publisher = organization_reference(request)
    return compact(
        {
            "@context": SCHEMA,
            "@type": "NewsArticle",
            "headline": item.title[:HEADLINE_LENGTH],
            "description": item.lead,
            "articleSection": str(item.section),
            "inLanguage": edition(),
            "datePublished": local_iso(item.published_at),
            "dateModified": local_iso(getattr(item, "last_modified", None) or item.updated_at),
            "image": [(image or default_image(request)).url],
            "author": publisher,
            "publisher": publisher,
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "url": url,
        }
    )


def event(request, event):
    """An ``Event``: when and where, what it is, and who holds it."""
    if event.all_day:
        start, end = (timezone.localtime(moment).date() for moment in (event.start, event.end))
    else:
        start, end = local_iso(event.start), local_iso(event.end)
    return compact(
        {
            "@context": SCHEMA,
            "@type": "Event",
            "name": event.title,
            "startDate": start,
            "endDate": end,
            "eventStatus": f"{SCHEMA}/EventScheduled",
            "eventAttendanceMode": f"{SCHEMA}/OfflineEventAttendanceMode",
            "location": place(event),
            "description": html_to_text(event.description),
            "image": [default_image(request).url],
            "organizer": organization_reference(request),
            "inLanguage": edition(),
            "url": request.build_absolute_uri(event.get_absolute_url()),
        }
    )


def place(event):
    if not (event.venue or event.city):
        return None
    address = {"@type": "PostalAddress", "addressLocality": event.city} if event.city else None
    return compact({"@type": "Place", "name": event.venue or event.city, "address": address})


def local_iso(moment):
    """An ISO 8601 time to the second, in the site's time zone, or None."""
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else None
