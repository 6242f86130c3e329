"""When the public pages change by themselves, with nobody editing anything."""

import datetime

from django.db.models import Min
from django.utils import timezone

from news.models import Event, NewsItem


def next_local_midnight(now):
    """Terms of office end and begin at a day's turn in the site's time zone."""
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))


def next_time_change(now):
    """The next moment a page can change without an edit: a scheduled item going live,
    an event starting or ending, or midnight. Three small indexed queries."""
    moments = [next_local_midnight(now)]
    moments.append(
        NewsItem.objects.filter(status=NewsItem.Status.PUBLISHED, published_at__gt=now).aggregate(
            at=Min("published_at")
        )["at"]
    )
    events = Event.objects.filter(is_public=True)
    moments += events.filter(start__gt=now).aggregate(at=Min("start")).values()
    moments += events.filter(end__gt=now).aggregate(at=Min("end")).values()
    return min(moment for moment in moments if moment is not None)
