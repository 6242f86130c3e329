"""``/healthz``: whether this app server can serve, for load balancers and monitors.

It is answered by the first middleware, before anything reads the Host header: a load
balancer probes each server by its IP address, which is not one of ``ALLOWED_HOSTS``,
and over plain HTTP, which must not be redirected to HTTPS. The answer depends on no
host, cookie or header, so nothing is lost by skipping that validation.

The database is asked ``SELECT 1`` and the cache stores and reads back a short-lived
key. Each is bounded by its own timeouts: ``DJANGO_DB_CONNECT_TIMEOUT`` and the
statement timeout for the database, the socket timeouts for Redis (settings.py).

- both answer: 200, ``"status": "ok"``;
- the cache fails: 200, ``"status": "degraded"``. Every app server shares the same
  Redis, and pages are still served from the database without it (core/cache.py):
  taking the servers out of rotation would turn a slower site into no site;
- the database fails: 503, ``"status": "unavailable"``: no page can be rendered.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import Error as DatabaseError
from django.db import connection
from django.http import HttpResponseNotAllowed, JsonResponse
from django.utils.cache import add_never_cache_headers

from .errors import one_line

logger = logging.getLogger(__name__)

PATH = "/healthz"


def database_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.error("Health check: database unavailable: %s", one_line(error))
        return "unavailable"
    return "ok"


def cache_status():
    """Store a value under a key of its own (probes from several servers at once must
    not read each other's), read it back, remove it."""
    key, token = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(key, token, timeout=10)
        stored = cache.get(key)
        cache.delete(key)
    except Exception as error:  # any backend's failure is "unavailable", never a 500
        logger.error("Health check: cache unavailable: %s", one_line(error))
        return "unavailable"
    return "ok" if stored == token else "unavailable"


def health_response():
    report = {"database": database_status(), "cache": cache_status()}
    if report["database"] != "ok":
        status, code = "unavailable", 503
    elif report["cache"] != "ok":
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    response = JsonResponse({"status": status, **report}, status=code)
    add_never_cache_headers(response)
    # The failure has its line in the log already (above, or core/cache.py).
    response._has_been_logged = True  # read by django.utils.log.log_response
    return response


class HealthCheckMiddleware:
    """Answers ``/healthz`` itself (see the module's docstring); it stands first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info != PATH:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return health_response()
