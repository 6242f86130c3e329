"""Editors' HTML: what may be stored (sanitising) and how it reads as plain text."""

import html
import re

import nh3
from django.utils.html import strip_tags

# What an editor may put in a body or a biography: structure, emphasis, links,
# quotations, lists and simple tables. Everything else (scripts, styles, event
# handlers, iframes, forms) is stripped before the text is stored.
ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "a", "blockquote", "q", "cite", "ul", "ol", "li", "dl", "dt", "dd",
    "table", "caption", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "abbr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}

# Where a paragraph or a line ends, so that stripping the tags keeps the text's shape
# instead of running paragraphs together.
LINE_END_TAG = re.compile(r"<br\s*/?>|</(?:li|dt|dd|tr|figcaption)\s*>", re.IGNORECASE)
CELL_END_TAG = re.compile(r"</t[dh]\s*>", re.IGNORECASE)
BLOCK_END_TAG = re.compile(
    r"</(?:p|h[1-6]|blockquote|table|figure|ul|ol|dl)\s*>|<hr\s*/?>", re.IGNORECASE
)


def sanitize_html(value):
    """Return ``value`` with only the tags and attributes above; links get rel=noopener."""
    if not value:
        return ""
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    ).strip()


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
