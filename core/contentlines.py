"""Content lines: the line syntax iCalendar (RFC 5545) and vCard 3.0 (RFC 2426) share.

``NAME;PARAM=value:VALUE``, TEXT values escaped with backslashes, lines folded at 75
octets and ended with CRLF. ``news.calendar`` and ``people.exports`` build their files
from the helpers here, so the two never drift apart.
"""

import re

CRLF = "\r\n"
LINE_OCTETS = 75

# Control characters are not allowed in TEXT values (RFC 5545 3.3.11); only the
# newline survives, escaped as ``\n``. Tab is allowed but would look like a fold.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


def escape_text(value):
    """Escape a TEXT value: backslash, semicolon, comma, newlines (CRLF, CR, LF)."""
    value = str(value or "")
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = CONTROL_CHARACTERS.sub(" ", value)
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line, limit=LINE_OCTETS):
    """Fold one content line into physical lines of at most ``limit`` octets of UTF-8.

    Continuation lines start with a space, which counts towards their length; a
    character is never split across lines, however many octets it takes.
    """
    pieces, current, size = [], [], 0
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            pieces.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += octets
    pieces.append("".join(current))
    return CRLF.join(pieces)


def content_line(name, value, params=None, *, escape=True):
    """One folded content line. ``params`` maps parameter names to values (already
    valid: they are our own constants); ``escape=False`` is for URIs, dates and
    other values that are not TEXT."""
    head = name + "".join(f";{key}={val}" for key, val in (params or {}).items())
    return fold(f"{head}:{escape_text(value) if escape else value}")


def structured(*components):
    """A value made of ``;``-separated components (vCard N, ADR, ORG), each escaped."""
    return ";".join(escape_text(component) for component in components)


def join_lines(lines):
    """The document: every content line ended by CRLF, empty lines dropped."""
    return "".join(line + CRLF for line in lines if line)
