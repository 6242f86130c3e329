"""JSON-LD (schema.org) in a page: the serialiser every builder's data goes through.

The data is built as plain dicts by the app that owns each model
(``news.structured_data``, ``people.structured_data``) and written here into a
``<script type="application/ld+json">``. Nothing in a field can end that element or
open a comment in it: ``<``, ``>`` and ``&`` are written as JSON escapes, as Django's
``json_script`` does, and so are U+2028 and U+2029, which some JavaScript parsers
take for line ends. The text stays readable otherwise (Cyrillic is not escaped).
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

ESCAPES = {
    ord("<"): "\\u003C",
    ord(">"): "\\u003E",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def to_json(data):
    """``data`` as JSON that is safe inside a ``<script>`` element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return text.translate(ESCAPES)


def json_ld(*documents):
    """One ``<script type="application/ld+json">`` per document (a dict); empty
    documents (None, {}) are left out."""
    return format_html_join(
        "\n",
        '<script type="application/ld+json">{}</script>',
        ((mark_safe(to_json(document)),) for document in documents if document),
    )


def compact(data):
    """``data`` without the keys whose value is empty (None, "", [], {}), so that a
    builder can name every property and leave out what an object lacks."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}
