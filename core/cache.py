"""A Redis cache that a Redis outage cannot take the site down with.

Django's ``RedisCache`` raises when Redis refuses a connection or stops answering, so
with Redis down every page that reads the cache (all of them, through the page cache)
would answer 500. Here a failed call is a miss: ``get`` returns the default, ``set``
and ``delete`` do nothing, ``add`` and ``touch`` report False, ``incr`` finds no key.
Pages are then rendered from the database, as if nothing had been stored.

After a failure the cache is not asked again for ``retry_seconds``: a Redis that
accepts connections and never answers would otherwise cost every call its socket
timeout, and a page makes several calls. The failure is logged at most once every
``report_seconds`` per process (with how many calls failed or were skipped since the
last report), and the recovery once, so that an outage writes a few lines an hour, not
one per request. The socket timeouts themselves come from ``OPTIONS``
(``socket_connect_timeout``, ``socket_timeout``; presscenter/settings.py).
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class Outage:
    """This process's view of one cache server's health, shared by its threads."""

    def __init__(self, location):
        self.location = location
        self.lock = threading.Lock()
        self.retry_at = 0.0
        self.reported_at = None
        self.unreported = 0
        self.failing = False

    def is_open(self):
        """True while calls should skip the server (a failure was recent)."""
        return self.failing and time.time() < self.retry_at

    def skipped(self):
        with self.lock:
            self.unreported += 1

    def failed(self, error, retry_seconds, report_seconds):
        now = time.time()
        with self.lock:
            self.failing = True
            self.retry_at = now + retry_seconds
            self.unreported += 1
            if self.reported_at is not None and now - self.reported_at < report_seconds:
                return
            count, self.unreported, self.reported_at = self.unreported, 0, now
        logger.error(
            "Cache %s unavailable, pages are served from the database: %s "
            "(%d cache calls failed or skipped since the last report; next report in "
            "%d s at the earliest)",
            self.location,
            " ".join(str(error).split()),
            count,
            report_seconds,
        )

    def succeeded(self):
        with self.lock:
            if not self.failing:
                return
            self.failing = False
            count, self.unreported = self.unreported, 0
        logger.warning(
            "Cache %s available again (%d cache calls failed or skipped since the last report)",
            self.location,
            count,
        )


_outages = {}
_outages_lock = threading.Lock()


def outage_for(location):
    with _outages_lock:
        return _outages.setdefault(location, Outage(location))


class ResilientRedisCache(RedisCache):
    """Django's ``RedisCache``; a Redis failure is a miss (see the module's docstring).

    Django makes one backend instance per thread; the outage state is per server
    location and per process, so that every thread of a worker skips a failed server
    and only one of them reports it.
    """

    retry_seconds = 5
    report_seconds = 60

    def __init__(self, server, params):
        super().__init__(server, params)
        self.outage = outage_for(",".join(self._servers))

    def _attempt(self, call, fallback, *args, **kwargs):
        """``call(*args, **kwargs)``, or ``fallback()`` when Redis fails or has just
        failed."""
        if self.outage.is_open():
            self.outage.skipped()
            return fallback()
        try:
            result = call(*args, **kwargs)
        except RedisError as error:
            self.outage.failed(error, self.retry_seconds, self.report_seconds)
            return fallback()
        if self.outage.failing:
            self.outage.succeeded()
        return result

    def get(self, key, default=None, version=None):
        return self._attempt(super().get, lambda: default, key, default, version=version)

    def get_many(self, keys, version=None):
        return self._attempt(super().get_many, dict, keys, version=version)

    def has_key(self, key, version=None):
        return self._attempt(super().has_key, lambda: False, key, version=version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().add, lambda: False, key, value, timeout, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._attempt(super().set, lambda: None, key, value, timeout, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # Django's contract: the keys that could not be stored.
        return self._attempt(super().set_many, lambda: list(data), data, timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().touch, lambda: False, key, timeout, version=version)

    def delete(self, key, version=None):
        return self._attempt(super().delete, lambda: False, key, version=version)

    def delete_many(self, keys, version=None):
        self._attempt(super().delete_many, lambda: None, keys, version=version)

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key '{key}' not found.")

        return self._attempt(super().incr, missing, key, delta, version=version)

    def clear(self):
        return self._attempt(super().clear, lambda: False)
