"""Content lines for the text exports: iCalendar (RFC 5545) and vCard 3.0 (RFC 2426).

Both formats share one line syntax: ``NAME;PARAM=value:VALUE``, TEXT values escaped
with backslashes, lines folded at 75 octets and ended with CRLF. ``news.calendar``
and ``people.exports`` build their files from the helpers here, so the two never
drift apart.
"""

import html
import re

from django.conf import settings
from django.utils.html import strip_tags

from presscenter.i18n import edition

CRLF = "\r\n"
LINE_OCTETS = 75

# Control characters are not allowed in TEXT values (RFC 5545 3.3.11); only the
# newline survives, escaped as ``\n``. Tab is allowed but would look like a fold.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")

# Where a paragraph or a line ends in editors' HTML, so that stripping the tags
# keeps the text's shape instead of running paragraphs together.
LINE_END_TAG = re.compile(r"<br\s*/?>|</(?:li|dt|dd|tr|figcaption)\s*>", re.IGNORECASE)
CELL_END_TAG = re.compile(r"</t[dh]\s*>", re.IGNORECASE)
BLOCK_END_TAG = re.compile(
    r"</(?:p|h[1-6]|blockquote|table|figure|ul|ol|dl)\s*>|<hr\s*/?>", re.IGNORECASE
)


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


def unfold(text):
    """Undo ``fold``: join every CRLF followed by a space or a tab to the line before."""
    return re.sub(r"\r\n[ \t]", "", text)


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


def html_to_text(value):
    """Plain text from editors' (already sanitised) HTML: paragraphs and line breaks
    become newlines, tags go, entities are decoded, blank runs are collapsed."""
    if not value:
        return ""
    value = CELL_END_TAG.sub(" ", value)
    value = LINE_END_TAG.sub("\n", value)
    value = BLOCK_END_TAG.sub("\n\n", value)
    value = html.unescape(strip_tags(value))
    lines = [" ".join(line.split()) for line in value.replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def edition_filename(stem, extension, language=None):
    """A download's file name in this edition: ``events.ics`` in the default
    edition, ``events-ru.ics`` in the Russian one."""
    code = edition(language)
    suffix = "" if code == settings.LANGUAGE_CODE else f"-{code}"
    return f"{stem}{suffix}.{extension}"
