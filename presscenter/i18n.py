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
