"""Paths on this site that a link built from a request may lead to.

The language switcher rewrites the request's own path, and the admin's login follows
its ``next``: both must stay on this site whatever the request says. Django's
``url_has_allowed_host_and_scheme`` lets ``https:evil.example`` through (a scheme
without a host), which a browser on a plain-HTTP page resolves to another host; the
rule here is narrower and written once.
"""

from urllib.parse import unquote, urlsplit


def is_local_path(value):
    """True when ``value`` is an absolute path on this site: it starts with one ``/``,
    carries no scheme or host, holds no control character (browsers drop tabs and
    newlines from a URL, so ``/<tab>/host`` is ``//host``), and neither its path nor
    its percent-decoded path starts with ``//`` or ``/\\`` or holds a backslash or a
    control character."""
    if not isinstance(value, str) or has_control_character(value):
        return False
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return False
    # The path as written: urlsplit reads "///host" as an empty host and "/host".
    written = value.split("?", 1)[0].split("#", 1)[0]
    for path in (written, unquote(written)):
        if not path.startswith("/") or path.startswith(("//", "/\\")) or "\\" in path:
            return False
        if has_control_character(path):
            return False
    return True


def has_control_character(value):
    return any(char < " " or char == "\x7f" for char in value)
