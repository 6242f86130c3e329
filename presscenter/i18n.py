"""Which edition (language) a request or a queryset is working in."""

from django.conf import settings
from django.utils.translation import get_language

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)


def edition(language=None):
    """The language code of the edition: ``language`` if given, else the active one."""
    code = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0].lower()
    return code if code in LANGUAGE_CODES else settings.LANGUAGE_CODE


def has_language_q(field, language=None):
    """A Q object that keeps rows whose ``field`` is filled in ``language``."""
    from django.db.models import Q

    column = f"{field}_{edition(language)}"
    return Q(**{f"{column}__isnull": False}) & ~Q(**{column: ""})


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


def language_alternates(obj, field, fallback_url_name):
    """For the language switcher of one object's page: in each edition, the object's
    own page when it is written in that language, otherwise that edition's list
    (``fallback_url_name``). ``exists`` tells the template which are true
    translations, for ``hreflang`` links."""
    from django.urls import reverse
    from django.utils import translation

    alternates = {}
    for code in LANGUAGE_CODES:
        exists = bool(getattr(obj, f"{field}_{code}", ""))
        with translation.override(code):
            url = obj.get_absolute_url() if exists else reverse(fallback_url_name)
        alternates[code] = {"url": url, "exists": exists}
    return alternates
