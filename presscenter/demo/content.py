"""The demo content: ``content.toml`` read into the field values the models take.

``read()`` returns plain dictionaries: each object's fields as the demo writes them
(both language columns of every translated field, HTML for paragraphs, time-zone-aware
datetimes), and the slugs of the objects it refers to. Writing them is ``seed.py``'s job.
"""

import datetime as dt
import html
import tomllib
from pathlib import Path

from django.utils import timezone

from core.editions import LANGUAGE_CODES
from news.models import Event, NewsItem
from people.models import Contact

PATH = Path(__file__).with_name("content.toml")


def paragraphs(texts):
    """Plain-text paragraphs as HTML."""
    return "\n".join(f"<p>{html.escape(text, quote=False)}</p>" for text in texts)


def translated(record, *names):
    """``name_en``, ``name_ru``, … for each of ``names``: the record's text in each
    edition, "" where it gives none; a list of paragraphs becomes HTML."""
    fields = {}
    for name in names:
        editions = record.get(name, {})
        for code in LANGUAGE_CODES:
            value = editions.get(code, "")
            fields[f"{name}_{code}"] = value if isinstance(value, str) else paragraphs(value)
    return fields


def lead_and_body(record):
    """A news item's first paragraph is its lead, the others its body (maybe empty), so
    the lead is never repeated at the top of the body."""
    fields = {}
    for code in LANGUAGE_CODES:
        lead, *body = record["text"][code]
        fields[f"lead_{code}"] = lead
        fields[f"body_{code}"] = paragraphs(body)
    return fields


def local(value):
    """A TOML local date-time, in the site's time zone."""
    return timezone.make_aware(value, timezone.get_default_timezone())


def section(record):
    return {"slug": record["slug"], "order": record["order"], **translated(record, "name")}


def person(record):
    return {
        "fields": {
            "slug": record["slug"],
            "order": record["order"],
            "is_public": True,
            **translated(
                record, "given_name", "patronymic", "family_name", "short_bio", "biography"
            ),
        },
        "positions": [
            {
                **translated(position, "title", "organisation"),
                "start_date": position.get("start_date"),
                "end_date": position.get("end_date"),
                "in_organisation": position.get("in_organisation", True),
                "rank": position.get("rank", 100),
            }
            for position in record.get("positions", [])
        ],
        "contacts": [
            {
                "kind": Contact.Kind(contact["kind"]),
                "value": contact["value"],
                "is_public": contact["is_public"],
                "in_footer": contact["in_footer"],
                "order": contact["order"],
                **translated(contact, "label"),
            }
            for contact in record.get("contacts", [])
        ],
    }


def event(record):
    day = record["day"]
    return {
        "fields": {
            "slug": record["slug"],
            "kind": Event.Kind(record["kind"]),
            "start": local(dt.datetime.combine(day, dt.time(0, 0))),
            "end": local(dt.datetime.combine(day, dt.time(23, 59))),
            "all_day": True,
            "is_public": True,
            **translated(record, "title", "venue", "city", "description"),
        },
        "participants": record.get("participants", []),
    }


def news_item(record):
    return {
        "fields": {
            "slug": record["slug"],
            "kind": NewsItem.Kind(record["kind"]),
            "status": NewsItem.Status.PUBLISHED,
            "published_at": local(record["published"]),
            **translated(record, "title"),
            **lead_and_body(record),
        },
        "section": record["section"],
        "event": record.get("event"),
        "people": record.get("people", []),
    }


def read(path=PATH):
    with open(path, "rb") as file:
        data = tomllib.load(file)
    return {
        "sections": [section(record) for record in data["sections"]],
        "people": [person(record) for record in data["people"]],
        "events": [event(record) for record in data["events"]],
        "news": [news_item(record) for record in data["news"]],
    }
