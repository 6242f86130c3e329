"""Addresses of objects, reversed once per URL pattern instead of once per object.

A list page links every card to its item and its section: forty ``reverse()`` calls
a page, each walking the resolver. Slug URLs differ only in their slugs, so the
pattern is reversed once per language and script prefix with placeholders, and each
address is the placeholders replaced. Slugs hold only ``[-a-zA-Z0-9_]``, which need
no quoting, so the result is exactly what ``reverse()`` gives (tests/core/test_reversing.py).
"""

from functools import lru_cache

from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language


@lru_cache(maxsize=256)
def url_template(viewname, names, language, script_prefix):
    return reverse(viewname, kwargs={name: placeholder(name) for name in names})


def placeholder(name):
    """A stand-in the slug converter accepts and no slug made here contains."""
    return f"___{name}___"


def slug_url(viewname, **slugs):
    """``reverse(viewname, kwargs=slugs)`` for URLs made of slugs, at the cost of a
    few string replacements."""
    url = url_template(viewname, tuple(sorted(slugs)), get_language(), get_script_prefix())
    for name, value in slugs.items():
        url = url.replace(placeholder(name), value)
    return url
