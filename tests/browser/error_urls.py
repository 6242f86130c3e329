"""The project's URLs, and addresses that fail on purpose, so that the error pages a
visitor can meet (400, 403, 500, 503) are checked in the browser and by the Nu checker
like any other page. Used only by tests, through ``ROOT_URLCONF``."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import OperationalError
from django.urls import path

from presscenter.urls import handler400, handler403, handler500, urlpatterns

__all__ = ["handler400", "handler403", "handler500", "urlpatterns"]


def bad_request(request):
    raise SuspiciousOperation("A request that the tests make bad on purpose.")


def forbidden(request):
    raise PermissionDenied


def server_error(request):
    raise RuntimeError("A failure that the tests cause on purpose.")


def database_down(request):
    raise OperationalError("connection refused (the tests pretend)")


urlpatterns = [
    *i18n_patterns(
        path("failing/400/", bad_request),
        path("failing/403/", forbidden),
        path("failing/500/", server_error),
        path("failing/503/", database_down),
        prefix_default_language=False,
    ),
    *urlpatterns,
]

ERROR_PAGES = [("error-400", 400), ("error-403", 403), ("error-500", 500), ("error-503", 503)]


def error_pages(language):
    """(name, path) of each error page in ``language``."""
    prefix = "" if language == "en" else "/ru"
    return [(name, f"{prefix}/failing/{status}/") for name, status in ERROR_PAGES]
