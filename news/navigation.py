"""Where the "Go back" link of a page leads."""

from urllib.parse import urlsplit

from django.utils.http import url_has_allowed_host_and_scheme


def go_back_url(request, fallback):
    """The visitor's previous page when it is on this site, else ``fallback``.

    Only the path and query of the Referer are kept, so the link can never lead
    to another host, even when the header names this host with another scheme or
    carries credentials. A Referer equal to the current page (a reload) would make
    the link a no-op, so it also falls back.
    """
    referer = request.META.get("HTTP_REFERER", "")
    if not referer or len(referer) > 2000:
        return fallback
    if not url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return fallback
    parts = urlsplit(referer)
    if parts.netloc and parts.netloc != request.get_host():
        return fallback
    path = parts.path or "/"
    if not path.startswith("/") or path.startswith("//"):
        return fallback
    target = f"{path}?{parts.query}" if parts.query else path
    if target == request.get_full_path():
        return fallback
    return target
