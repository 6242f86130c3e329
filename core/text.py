"""Plain text that every output can carry.

XML 1.0 (the feeds, the sitemaps) and the vCard and iCalendar line syntax cannot carry
C0 control characters other than tab, newline and carriage return, nor the
non-characters U+FFFE and U+FFFF; a lone surrogate cannot even be encoded as UTF-8.
A word processor's paste leaves such characters (a vertical tab for a manual line
break), and one of them in a title made every feed fail. They carry no text, so they
are removed: by the fields that store editors' text (``core.fields``), and again by
the outputs that must never fail on a row written before that (the feeds).
"""

import re

UNCARRIABLE = "\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff"
UNCARRIABLE_CHARACTERS = re.compile(f"[{UNCARRIABLE}]")

# The same class for a database's regular expression (PostgreSQL's, or Python's
# through Django's SQLite REGEXP function), to find rows that hold any of them. A
# database cannot store NUL or a lone surrogate, so they are left out.
STORED_UNCARRIABLE_PATTERN = "[\x01-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]"


def strip_control_characters(value):
    """``value`` without the characters above; anything that is not a string is
    returned as it is."""
    if not isinstance(value, str):
        return value
    return UNCARRIABLE_CHARACTERS.sub("", value)
