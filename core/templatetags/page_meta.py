"""What a page says about itself in its ``<head>``: its description, its canonical
address, the picture and the structured data it is shared and found with."""

from django import template
from django.utils.http import urlencode

from core import sharing
from core.html import html_to_text
from core.structured_data import json_ld as json_ld_scripts

register = template.Library()

DESCRIPTION_LENGTH = 200
# OpenGraph names a language with its territory.
OG_LOCALES = {"en": "en_GB", "ru": "ru_RU"}


def shorten(text, length):
    """``text`` on one line, cut at a word before ``length`` characters, with "…"."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-–—") + "…"


@register.filter
def summary(value, length=DESCRIPTION_LENGTH):
    """A meta description from plain text (a lead, a short biography). Returned as
    text: the template escapes it, once."""
    return shorten(str(value or ""), int(length))


@register.filter
def html_summary(value, length=DESCRIPTION_LENGTH):
    """A meta description from editors' HTML (a body, an event's description): the
    tags go and the entities are decoded, so that ``Tom &amp; Jerry`` is escaped once,
    by the template, and reads "Tom & Jerry"."""
    return shorten(html_to_text(value or ""), int(length))


@register.filter
def json_ld(documents):
    """``<script type="application/ld+json">`` elements for a dict or a list of them
    (``core.structured_data``)."""
    if isinstance(documents, dict):
        documents = [documents]
    return json_ld_scripts(*(documents or ()))


@register.filter
def og_locale(code):
    return OG_LOCALES.get(code, code)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's one address, absolute: its path, with the page number of a list past
    its first page. A filtered list names the unfiltered one: the same items are
    reached there, and filters are endless combinations of one list. Every other
    parameter (a campaign tag, a stray ``?page=abc``) is left out."""
    request = context.get("request")
    if request is None:
        return ""
    query = ""
    filterset = context.get("filter")
    page = context.get("page_obj")
    if page is not None and page.number > 1 and not getattr(filterset, "is_active", False):
        query = "?" + urlencode({"page": page.number})
    return request.build_absolute_uri(request.path + query)


@register.simple_tag(takes_context=True)
def share_image(context):
    """The page's own share image (``share_image`` in the context, from the view) or
    the organisation's."""
    return context.get("share_image") or sharing.default_image(context["request"])
