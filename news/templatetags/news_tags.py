from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from news.models import NewsItem

register = template.Library()

DAY = "j E Y"
DAY_AND_TIME = "j E Y, H:i"


@register.simple_tag
def latest_news_about(person, count=5):
    """The latest published news that concern ``person`` (for the profile page, so
    that the people app itself never imports news)."""
    return list(NewsItem.objects.published().for_listing().filter(people=person)[:count])


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
def event_when(event):
    """When ``event`` takes place, as a ``<time>`` element in the active language.

    An all-day event shows its dates, a timed one its times too; an event within one
    day names the day once ("3 December 2026, 10:00–12:30"), a longer one gives both
    ends. The ``datetime`` attribute is the start: a date, or a time to the second.
    """
    start, end = timezone.localtime(event.start), timezone.localtime(event.end)
    if event.all_day:
        machine_readable = start.date().isoformat()
        if event.is_multi_day:
            text = f"{date_format(start, DAY)} – {date_format(end, DAY)}"
        else:
            text = date_format(start, DAY)
    else:
        machine_readable = isoformat(start)
        if event.is_multi_day:
            text = f"{date_format(start, DAY_AND_TIME)} – {date_format(end, DAY_AND_TIME)}"
        else:
            text = f"{date_format(start, DAY_AND_TIME)}–{date_format(end, 'H:i')}"
    return format_html('<time datetime="{}">{}</time>', machine_readable, text)
