"""Editions: the languages the site is published in, and what each one calls the
organisation.

An object translated with django-modeltranslation exists in an edition when its
``edition_field`` (a title, a family name) is filled in that language. That rule is
written once, here, and reached through ``EditionsModel.languages()`` and
``EditionsQuerySet.written_in()``.
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)


def edition(language=None):
    """The language code of the edition: ``language`` if given, else the active one."""
    code = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0].lower()
    return code if code in LANGUAGE_CODES else settings.LANGUAGE_CODE


def has_language_q(field, language=None):
    """A Q object that keeps rows whose ``field`` is filled in ``language``.

    Written ``column > ''`` (true for any non-empty text, false for '' and NULL), the
    form the partial indexes of the public lists are declared with, so that the
    database sees that an index covers the query."""
    return Q(**{f"{field}_{edition(language)}__gt": ""})


def languages_filled(values, field):
    """The editions in which ``field`` is filled, from an object or a ``values()`` row."""
    get = values.get if isinstance(values, dict) else lambda name: getattr(values, name, "")
    return [code for code in LANGUAGE_CODES if get(f"{field}_{code}")]


def in_any_edition(queryset_for):
    """The union over the editions of ``queryset_for(language)``: for sitemaps, which
    list every object once with the editions it exists in."""
    return reduce(or_, (queryset_for(code) for code in LANGUAGE_CODES))


def first_filled(obj, field):
    """The first non-empty translation of ``field``: for slugs and admin labels."""
    for code in LANGUAGE_CODES:
        value = getattr(obj, f"{field}_{code}", "")
        if value:
            return value
    return getattr(obj, field, "") or ""


def translated_columns(*fields):
    """Every per-language column of ``fields``, e.g. for ``QuerySet.only()``."""
    return [f"{field}_{code}" for field in fields for code in LANGUAGE_CODES]


def organisation(language=None, short=False):
    """The organisation's name in this edition (settings.PRESSCENTER_ORGANISATION)."""
    names = settings.PRESSCENTER_ORGANISATION_SHORT if short else settings.PRESSCENTER_ORGANISATION
    return names.get(edition(language)) or names[settings.LANGUAGE_CODE]


def edition_filename(stem, extension, language=None):
    """A download's file name in this edition: ``events.ics`` in the default
    edition, ``events-ru.ics`` in the Russian one."""
    code = edition(language)
    suffix = "" if code == settings.LANGUAGE_CODE else f"-{code}"
    return f"{stem}{suffix}.{extension}"
