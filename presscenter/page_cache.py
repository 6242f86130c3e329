"""The cache of anonymous public pages, served before sessions and authentication.

A visitor without a session cookie gets a stored copy of a public GET page when there
is one; otherwise the page is rendered as usual and, if it depends on nothing but its
URL, stored. Staff (anyone whose request carries a session cookie) neither read nor
fill the cache.

Invalidation is by generation. Every stored page's key holds the current generation;
``content_changed`` (core.changes: saves, deletes, m2m changes, bulk writes) starts a
new one, which retires every stored page at once in every process sharing the cache
(Redis when ``REDIS_URL`` is set). The home page, the lists, the feeds, the sitemaps
and every footer depend on nearly all content, so retiring everything is both exact
and cheap: editors change the site a few times an hour, readers read it all day.

Time changes pages too: a scheduled item goes live at its publication time, an event
becomes "now" and then "past", a term of office ends at midnight. A stored page lives
at most until the next of those moments (``next_time_change``), so a scheduled item
appears at its time behind the cache, and never later than ``PAGE_CACHE_SECONDS``.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.cache import set_response_etag
from django.utils.http import http_date

from .schedule import next_time_change

GENERATION_KEY = "pages:generation"


def current_generation():
    """The generation stored pages must carry to be served; made on first use."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def retire_stored_pages(**kwargs):
    """Receiver of ``content_changed``: every page stored so far is out of date."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def page_key(request, generation):
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()
    return f"pages:{generation}:{digest}"


def seconds_until_next_change(generation):
    """How long a page stored now may be served: until the next scheduled change, at
    most ``PAGE_CACHE_SECONDS``. Worked out once per generation and moment."""
    key = f"pages:{generation}:next-change"
    moment = cache.get(key)
    now = timezone.now()
    if moment is None or moment <= now:
        moment = next_time_change(now)
        cache.set(key, moment, timeout=max(1, int((moment - now).total_seconds())))
    seconds = int((moment - now).total_seconds())
    return max(0, min(settings.PAGE_CACHE_SECONDS, seconds))


def is_cacheable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(settings.PAGE_CACHE_EXCLUDED_PREFIXES)
    )


def is_cacheable_response(response):
    """A 200 that depends on its URL alone: no cookie set, nothing private, no Vary
    on the cookie (which would mean the session was read)."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    return "cookie" not in response.get("Vary", "").lower()


class AnonymousPageCacheMiddleware:
    """Serve and store anonymous public pages (see the module's docstring). It stands
    before the session and authentication middleware, so a hit costs two cache reads
    and no database query; ``ConditionalGetMiddleware`` before it turns a repeat with
    a matching ETag or Last-Modified into a 304."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        generation = request.page_generation = current_generation()
        key = page_key(request, generation)
        stored = cache.get(key)
        if stored is not None:
            stored["X-Page-Cache"] = "hit"
            return stored
        response = self.get_response(request)
        if request.method == "GET" and is_cacheable_response(response):
            self.store(key, response, generation)
        response["X-Page-Cache"] = "miss"
        return response

    def store(self, key, response, generation):
        seconds = seconds_until_next_change(generation)
        if seconds <= 0:
            return
        # Browsers revalidate every time, and get a 304 while nothing has changed:
        # what is published must show at once. A view's own validators stand (the
        # feeds answer a repeat before reading anything: news/feeds.py); any other
        # page gets the time it was stored and the hash of its content.
        response["Cache-Control"] = "public, no-cache"
        if not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date()
        if not response.has_header("ETag"):
            set_response_etag(response)
        # One piece: a feed is written in a thousand small ones, which a replay would
        # send one by one.
        response.content = response.content
        cache.set(key, response, seconds)
