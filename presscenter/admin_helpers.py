"""Pieces the admin of every app shares."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .i18n import LANGUAGE_CODES


def language_fieldsets(fields, extra=()):
    """One fieldset per language, e.g. ("English", [title_en, lead_en]), so an editor
    sees each edition of the text as a block and can tell at a glance which is empty."""
    names = dict(settings.LANGUAGES)
    return [
        (names[code], {"fields": [f"{field}_{code}" for field in fields], "classes": extra})
        for code in LANGUAGE_CODES
    ]


def languages_column(field):
    """A list column with the editions an object is written in, e.g. "EN RU"."""

    def languages(modeladmin, obj):
        filled = [code.upper() for code in LANGUAGE_CODES if getattr(obj, f"{field}_{code}", "")]
        return " ".join(filled) or "—"

    languages.short_description = _("languages")
    return languages


class EditorMedia:
    """Admin assets: wider text inputs, and the formatting toolbar for HTML fields."""

    css = {"all": ["admin/presscenter/admin.css"]}
    js = ["admin/presscenter/editor.js"]
