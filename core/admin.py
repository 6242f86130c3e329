"""Admin pieces both apps use: per-language fieldsets, a languages column, the
editor's assets. Nothing is registered here."""

from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .editions import LANGUAGE_CODES
from .uploads import upload_refusal


def language_fieldsets(fields, extra=()):
    """One fieldset per language, e.g. ("English", [title_en, lead_en]), so an editor
    sees each edition of the text as a block and can tell at a glance which is empty."""
    names = dict(settings.LANGUAGES)
    return [
        (names[code], {"fields": [f"{field}_{code}" for field in fields], "classes": extra})
        for code in LANGUAGE_CODES
    ]


class EditionsAdminMixin:
    """A "languages" list column: the editions an object is written in, e.g. "EN RU"."""

    @admin.display(description=_("languages"))
    def languages(self, obj):
        return " ".join(code.upper() for code in obj.languages()) or "—"


class EditorMedia:
    """Admin assets: wider text inputs, and the formatting toolbar for HTML fields."""

    css = {"all": ["admin/editor/editor.css"]}
    js = ["admin/editor/editor.js"]


class UploadLimitMixin:
    """For admins whose forms take files: when ``core.uploads.UploadLimitHandler``
    stopped reading an oversized request, the form shows why as its error, with the
    fields that did arrive, and saves nothing (the fields after the first file, the
    inlines among them, were never read)."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        refusal = upload_refusal(request)
        if refusal is None:
            return form
        return type(form.__name__, (RefusedUploadForm, form), {"upload_refusal": refusal})


class RefusedUploadForm:
    """Mixed into an admin form for one refused request: its ``upload_refusal`` is the
    form's error, so the form is invalid and nothing is saved."""

    upload_refusal = None

    def clean(self):
        super().clean()
        raise self.upload_refusal
