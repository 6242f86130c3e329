"""Permanent identifiers: tag URIs (RFC 4151), for the ids of feeds and their entries.

A feed reader knows an entry by its id, for ever: an id that changes makes the entry
appear twice, and one that is not an IRI breaks RFC 4287. An entry's id is built from
what never changes about it, its primary key and the day it was created (in UTC, so a
new time zone cannot move it), and from the domain in ``PRESSCENTER_TAG_DOMAIN``, never
from the request's host: ``tag:press.example.org,2024-07-19:news/123`` stays the same
when the item's slug, section, publication time or the site's address change.
"""

import datetime
import re

from django.conf import settings

# RFC 4151: DNScomp = alphaNum [*(alphaNum / "-") alphaNum], joined by dots.
DOMAIN = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*")
# RFC 4151: YYYY, YYYY-MM or YYYY-MM-DD.
DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def tag_uri(specific, day=None):
    """``tag:<domain>,<day>:<specific>``; ``day`` defaults to ``PRESSCENTER_TAG_DATE``."""
    day = day.isoformat() if day else settings.PRESSCENTER_TAG_DATE
    return f"tag:{settings.PRESSCENTER_TAG_DOMAIN},{day}:{specific}"


def object_tag_uri(obj, kind):
    """The permanent id of a stored object with ``created_at``: ``<kind>/<pk>`` on the
    day it was created."""
    return tag_uri(f"{kind}/{obj.pk}", obj.created_at.astimezone(datetime.UTC).date())


def is_valid_domain(value):
    return bool(DOMAIN.fullmatch(value))


def is_valid_date(value):
    if not DATE.fullmatch(value):
        return False
    parts = [int(part) for part in value.split("-")] + [1] * (2 - value.count("-"))
    try:
        datetime.date(*parts)
    except ValueError:
        return False
    return True
