from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language_info, override

from core.editions import edition
from core.local_paths import is_local_path
from core.structured_data import json_ld
from people import structured_data

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per edition for the switcher: the same page in the other language.

    A view may put ``language_alternates`` ({code: {"url", "exists"}}) in the
    context when the same page does not exist in every language (a news item written
    in one only): the switcher then leads to that edition's list instead. A request
    path that could lead off the site (``//host/``, ``/\\host``, a scheme) gets the
    edition's home page: ``translate_url`` keeps a ``//host`` as the link's host.
    """
    request = context.get("request")
    current = edition()
    alternates = context.get("language_alternates") or {}
    links = []
    for code, _name in settings.LANGUAGES:
        exists = True
        if code in alternates:
            url, exists = alternates[code]["url"], alternates[code]["exists"]
        else:
            url = translated_path(request, code)
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "url": url,
                "name": info["name_local"],
                "is_current": code == current,
                "exists": exists,
            }
        )
    return links


def translated_path(request, code):
    """The request's page in edition ``code``, or that edition's home page."""
    path = request.get_full_path() if request is not None else ""
    if is_local_path(path):
        url = translate_url(path, code)
        if is_local_path(url):
            return url
    with override(code):
        return reverse("home")


@register.simple_tag(takes_context=True)
def nav_class(context, prefix):
    """``is-current`` when the request's path (without the language prefix) starts
    with ``prefix``: it marks the header's navigation for the section you are in."""
    request = context.get("request")
    if request is None:
        return ""
    path = request.path
    code = edition()
    if code != settings.LANGUAGE_CODE and path.startswith(f"/{code}/"):
        path = path[len(code) + 1 :]
    return "is-current" if path.startswith(prefix) else ""


@register.simple_tag(takes_context=True)
def organization_json_ld(context):
    """The organisation as JSON-LD, with the press contacts every page's footer shows
    (already read for the page: no query of its own)."""
    organization = structured_data.organization(context["request"], context["footer_contacts"])
    return json_ld(organization)
