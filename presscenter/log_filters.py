"""Filters for the logging configuration in presscenter/settings.py."""

import logging


class WithoutTraceback(logging.Filter):
    """Drops the traceback from a record, keeping its one-line message.

    Django logs every refused Host header (``django.security.DisallowedHost``) with the
    exception attached, so each forged request would write a traceback to the log. The
    message already says everything: which host was refused. A filter on the logger
    acts before any handler sees the record, so no handler prints the traceback.
    """

    def filter(self, record):
        record.exc_info = None
        record.exc_text = None
        return True
