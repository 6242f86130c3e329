"""Uploaded media as the development server serves them: never able to act as the site.

Production serves ``MEDIA_ROOT`` from the web server, with the same headers (see
docs/decisions.md, "Hostile input and uploads"); this is Django's ``static.serve``
for development, with them added. Every file gets ``X-Content-Type-Options: nosniff``
and a Content Security Policy that loads nothing and runs nothing (``sandbox``); a
file that is not one of the images the site shows is a download
(``Content-Disposition: attachment``), so even a file that slipped past the upload
checks opens outside the site's origin.
"""

import posixpath
import re

from django.conf import settings
from django.urls import re_path
from django.utils.http import content_disposition_header
from django.views.static import serve

MEDIA_CSP = "default-src 'none'; sandbox"
# Shown in place (inline); everything else is downloaded.
INLINE_IMAGE_EXTENSIONS = {".png", ".jpg", ".jpeg", ".gif", ".webp"}


def media_headers(response, path):
    """Set the headers above on ``response`` for the file at ``path``."""
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = MEDIA_CSP
    extension = posixpath.splitext(path)[1].lower()
    if extension not in INLINE_IMAGE_EXTENSIONS:
        filename = posixpath.basename(path)
        response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def serve_media(request, path):
    """Django's development file view over ``MEDIA_ROOT``, with ``media_headers``."""
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    return media_headers(response, path)


def media_urlpatterns():
    """The development server's media URLs: none unless debugging, as with Django's
    ``static()``, nor when media live on another host."""
    prefix = settings.MEDIA_URL
    if not settings.DEBUG or not prefix or "//" in prefix:
        return []
    return [re_path(rf"^{re.escape(prefix.lstrip('/'))}(?P<path>.*)$", serve_media)]
