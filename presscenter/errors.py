"""Error pages that need no database, and the 503 for a database that is down.

The pages (400, 403, the CSRF 403, 500, 503) are rendered without the request's
context processors, whose footer reads the press contacts, and without reading the Host
header (a 400 may answer a forged one). They extend ``errors/layout.html``: the site's
header and styles, no query. The language is the one the path names (``/ru/…`` is
Russian), as on every page, even when the error came before the locale middleware ran.

A database that refuses connections, or one that does not answer within its timeouts,
raises ``OperationalError`` (or ``InterfaceError`` on a closed connection). That is an
outage, not a bug: the visitor gets the 503 page with ``Retry-After``, and the log one
line, not a traceback per request. ``DatabaseUnavailableMiddleware`` catches it in
views and templates; ``server_error`` catches it anywhere else (a middleware, or the
404 page, which does query), since Django hands those to the 500 handler. When the
database is back, the next request connects again: nothing needs a restart.
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers

from core.editions import LANGUAGE_CODES, organisation

logger = logging.getLogger(__name__)

DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)

# The last resort when even the error page cannot be rendered (a broken template or
# static manifest): plain text in both languages.
FALLBACK = {
    500: "Server error. Please try again in a few minutes. / "
    "Ошибка на сервере. Попробуйте ещё раз через несколько минут.",
    503: "The site is temporarily unavailable. Please try again in a few minutes. / "
    "Сайт временно недоступен. Попробуйте ещё раз через несколько минут.",
}


def one_line(error):
    """An exception's message on one line (database drivers' messages span several)."""
    return " ".join(str(error).split()) or type(error).__name__


def path_language(request):
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def edition_homes(current):
    """The header's language links: each edition's home page (an error page has no
    counterpart in the other language to lead to)."""
    links = []
    for code in LANGUAGE_CODES:
        with translation.override(code):
            url = reverse("home")
        name = translation.get_language_info(code)["name_local"]
        links.append(
            {"code": code, "url": url, "name": name, "is_current": code == current, "exists": True}
        )
    return links


def render_error(request, template_name, status, context=None):
    language = path_language(request)
    with translation.override(language):
        try:
            content = render_to_string(
                template_name,
                {
                    "organisation": organisation(),
                    "organisation_short": organisation(short=True),
                    "alternate_links": edition_homes(language),
                    **(context or {}),
                },
            )
        except Exception:
            if status not in FALLBACK:
                raise
            logger.exception("The %s page could not be rendered", status)
            return HttpResponse(FALLBACK[status], status=status, content_type="text/plain")
    response = HttpResponse(content, status=status)
    response["Content-Language"] = language
    return response


def bad_request(request, exception):
    return render_error(request, "400.html", 400)


def permission_denied(request, exception):
    return render_error(request, "403.html", 403)


def csrf_failure(request, reason=""):
    return render_error(request, "403_csrf.html", 403)


def server_error(request):
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_UNAVAILABLE):
        return service_unavailable(request, error)
    return render_error(request, "500.html", 500)


def service_unavailable(request, error):
    """The 503 page, logged here in one line; Django is told not to log it again."""
    logger.error(
        "Database unavailable, answered 503 to %s %s: %s",
        request.method,
        request.path,
        one_line(error),
    )
    response = render_error(request, "503.html", 503)
    response["Retry-After"] = str(settings.SERVICE_UNAVAILABLE_RETRY_AFTER)
    add_never_cache_headers(response)
    response._has_been_logged = True  # read by django.utils.log.log_response
    return response


class DatabaseUnavailableMiddleware:
    """Turns a database outage met by a view or a template into the 503 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_UNAVAILABLE):
            return service_unavailable(request, exception)
        return None
