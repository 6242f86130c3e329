from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext

from core.timezones import DAY, TIME, with_zone
from news.models import Event, NewsItem

register = template.Library()


@register.simple_tag
def latest_news_about(person, count=5):
    """The latest published news that concern ``person`` (for the profile page, so
    that the people app itself never imports news)."""
    return list(NewsItem.objects.published().for_listing().filter(people=person)[:count])


@register.simple_tag
def latest_events_of(person, count=5):
    """The latest public events ``person`` took part in, the latest first (for the
    profile page, as above)."""
    return list(
        Event.objects.public().filter(participants=person).order_by("-start", "-pk")[:count]
    )


@register.simple_tag(takes_context=True)
def webcal_url(context, viewname):
    """``viewname``'s address for subscribing: ``webcal://`` makes the browser hand it
    to the calendar app, which then fetches it over https (or http) again and again."""
    return f"webcal://{context['request'].get_host()}{reverse(viewname)}"


@register.filter
def isoformat(value):
    """An HTML ``datetime`` attribute value: ISO 8601 to the second, in local time."""
    if not value:
        return ""
    if hasattr(value, "hour") and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.isoformat(timespec="seconds") if hasattr(value, "hour") else value.isoformat()


@register.simple_tag
def event_when(event, day_shown=False):
    """When ``event`` takes place, as a ``<time>`` element in the active language.

    An all-day event shows its dates only; a timed one its times too, and the site's
    time zone once, at the end (``core.timezones``). An event within one day names the
    day once ("3 December 2026, 10:00–12:30 Moscow time"), a longer one gives both ends.
    With ``day_shown`` the start's day is printed beside the tag (the date tile of the
    events lists) and left out here: "10:00–12:30 Moscow time", "until 12 December
    2026", or nothing at all for an all-day event of one day. The ``datetime``
    attribute is the start: a date, or a time to the second.
    """
    start, end = timezone.localtime(event.start), timezone.localtime(event.end)
    start_day = "" if day_shown else f"{date_format(start, DAY)}, "
    if event.all_day:
        machine_readable = start.date().isoformat()
        if not event.is_multi_day:
            text = "" if day_shown else date_format(start, DAY)
        elif day_shown:
            text = gettext("until %(date)s") % {"date": date_format(end, DAY)}
        else:
            text = f"{date_format(start, DAY)} – {date_format(end, DAY)}"
    else:
        machine_readable = isoformat(start)
        if event.is_multi_day:
            times = f"{start_day}{date_format(start, TIME)} – {date_format(end, DAY)}, "
            times += date_format(end, TIME)
        else:
            times = f"{start_day}{date_format(start, TIME)}–{date_format(end, TIME)}"
        text = with_zone(times, start)
    if not text:
        return ""
    return format_html('<time datetime="{}">{}</time>', machine_readable, text)
