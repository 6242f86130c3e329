"""A reader of iCalendar and vCard content lines, written from the RFCs and
independent of core.contentlines, for the export tests to read what was written."""

import re


def unfold(text):
    """RFC 5545 3.1 / RFC 2425 5.8.1: a CRLF followed by one space or tab is removed."""
    return re.sub(r"\r\n[ \t]", "", text)


def unescape(value):
    """A TEXT value with its backslash escapes undone."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)
