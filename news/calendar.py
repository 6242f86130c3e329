"""The public events as an iCalendar feed (RFC 5545), written by hand.

``/events/calendar.ics`` lists the English edition's events with English texts,
``/ru/events/calendar.ics`` the Russian edition's with Russian texts: the events
are ``Event.objects.public()`` of the active language, every one of them, soonest
start first, in one query. ``/events/<slug>.ics`` holds one of them, with the same
UID. SEQUENCE counts the event's edits (``Event.sequence``). Times are given in UTC;
an all-day event is given as dates (in the site's time zone), its DTEND being the day
after its last day.

The feed has no METHOD: it is a published calendar to subscribe to, not an iTIP
message (METHOD:PUBLISH would oblige every event to name an ORGANIZER).
"""

import datetime

from django.conf import settings
from django.http.request import split_domain_port
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.contentlines import content_line, join_lines
from core.downloads import download_response
from core.editions import organisation
from core.html import html_to_text

from .models import Event

CONTENT_TYPE = "text/calendar; charset=utf-8"


def utc_stamp(moment):
    """A DATE-TIME in UTC, the form every client reads: 20250310T120000Z."""
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def event_lines(event, *, host, absolute_url):
    yield "BEGIN:VEVENT"
    yield content_line("UID", f"event-{event.pk}@{host}", escape=False)
    yield content_line("DTSTAMP", utc_stamp(event.updated_at), escape=False)
    yield content_line("LAST-MODIFIED", utc_stamp(event.updated_at), escape=False)
    # Grows with every edit, so that a calendar replaces the copy it holds.
    yield content_line("SEQUENCE", str(event.sequence), escape=False)
    if event.all_day:
        first_day = timezone.localtime(event.start).date()
        day_after = timezone.localtime(event.end).date() + datetime.timedelta(days=1)
        yield content_line("DTSTART", first_day.strftime("%Y%m%d"), {"VALUE": "DATE"}, escape=False)
        yield content_line("DTEND", day_after.strftime("%Y%m%d"), {"VALUE": "DATE"}, escape=False)
    else:
        yield content_line("DTSTART", utc_stamp(event.start), escape=False)
        yield content_line("DTEND", utc_stamp(event.end), escape=False)
    yield content_line("SUMMARY", event.title)
    description = html_to_text(event.description)
    if description:
        yield content_line("DESCRIPTION", description)
    if event.place:
        yield content_line("LOCATION", event.place)
    yield content_line("URL", absolute_url(event.get_absolute_url()), escape=False)
    yield "END:VEVENT"


def calendar_lines(events, *, host, absolute_url):
    """The content lines of the calendar, folded, for ``events`` in the active language.

    ``host`` names the site in the UIDs; ``absolute_url`` turns a path into a URL.
    """
    yield "BEGIN:VCALENDAR"
    # The product's name, not a text for readers: the same in every edition.
    yield content_line("PRODID", f"-//{organisation(settings.LANGUAGE_CODE)}//Press centre//EN")
    yield "VERSION:2.0"
    yield "CALSCALE:GREGORIAN"
    yield content_line(
        "X-WR-CALNAME", _("%(organisation)s — events") % {"organisation": organisation()}
    )
    for event in events:
        yield from event_lines(event, host=host, absolute_url=absolute_url)
    yield "END:VCALENDAR"


def public_events():
    """Every public event of the active edition, by start; one query."""
    return Event.objects.public().order_by("start", "pk")


def calendar_body(request, events):
    host = split_domain_port(request.get_host())[0] or "localhost"
    return join_lines(calendar_lines(events, host=host, absolute_url=request.build_absolute_uri))


@require_safe
def calendar_ics(request):
    """The whole calendar, to subscribe to (``webcal://``) or open in place."""
    body = calendar_body(request, public_events())
    return download_response(body, CONTENT_TYPE, "events", "ics", inline=True)


@require_safe
def event_ics(request, slug):
    """One event, to add to a calendar: the same VEVENT, and UID, as in the whole
    calendar, so that a calendar holding both keeps one copy."""
    event = get_object_or_404(public_events(), slug=slug)
    body = calendar_body(request, [event])
    return download_response(body, CONTENT_TYPE, event.slug, "ics")
