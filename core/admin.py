"""Admin pieces both apps use: per-language fieldsets, a languages column, the
editor's assets, delete pages that refuse while content refers to the object. Nothing
is registered here."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .deletion import referring_objects
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


def name_widget(field, label):
    """Give the inputs of a form field an accessible name (``aria-label``): ``label``."""
    label = capfirst(label)
    widget = getattr(field.widget, "widget", field.widget)  # inside the "add" wrapper
    if isinstance(widget, forms.SplitDateTimeWidget):
        date, time = widget.widgets
        date.attrs["aria-label"] = format_lazy(_("{field}, date"), field=label)
        time.attrs["aria-label"] = format_lazy(_("{field}, time"), field=label)
    else:
        widget.attrs["aria-label"] = label


class NamedInputsMixin:
    """Every input of the admin has a name a screen reader can say (WCAG 2.2 AA, checked
    by axe-core in tests/browser/). Django's admin leaves two kinds nameless on a model's
    pages: the date and time boxes of a date-time field ("Date:" and "Time:" are plain
    text beside them) and the inputs of a list's editable columns. Each gets an
    ``aria-label`` from its field's name."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and isinstance(
            getattr(field.widget, "widget", field.widget), forms.SplitDateTimeWidget
        ):
            name_widget(field, db_field.verbose_name)
        return field

    def get_changelist_formset(self, request, **kwargs):
        formset = super().get_changelist_formset(request, **kwargs)
        for name, field in formset.form.base_fields.items():
            name_widget(field, self.model._meta.get_field(name).verbose_name)
        return formset


class NamedInlineInputsMixin:
    """For tabular inlines: each cell's input is named after its column (the header is
    no label), and so is each row's "Delete?" box."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None:
            name_widget(field, db_field.verbose_name)  # "title [en]", not "Title"
        return field

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)

        class NamedFormSet(formset):
            def add_fields(self, form, index):
                super().add_fields(form, index)
                if "DELETE" in form.fields:
                    name_widget(form.fields["DELETE"], gettext("Delete"))

        return NamedFormSet


class EditorMedia:
    """Admin assets: wider text inputs, the formatting toolbar for HTML fields, and
    names for the autocomplete fields' search boxes."""

    css = {"all": ["admin/editor/editor.css"]}
    js = ["admin/editor/editor.js", "admin/editor/select2-a11y.js"]


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


class ProtectedDeletionAdminMixin:
    """The delete pages refuse while other content refers to what would be deleted:
    by a protected foreign key (Django lists those itself) or by a relation registered
    in core/deletion.py (listed here, with links). A message says why and what to do."""

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        referring, more = referring_objects(self.model, objs)
        protected = [*protected, *(self.protected_entry(request, obj) for obj in referring)]
        if more:
            protected.append(gettext("… and more"))
        if protected:
            self.message_user(
                request,
                gettext(
                    "Nothing was deleted: the news items or events listed below refer to it. "
                    "Change them first so that they no longer do."
                ),
                messages.ERROR,
            )
        return deleted, counts, perms_needed, protected

    def protected_entry(self, request, obj):
        """“News item: <a>title</a>”, as Django lists protected objects."""
        opts = obj._meta
        label = capfirst(opts.verbose_name)
        model_admin = self.admin_site._registry.get(type(obj))
        if model_admin is None or not model_admin.has_change_permission(request, obj):
            return format_html("{}: {}", label, obj)
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        return format_html('{}: <a href="{}">{}</a>', label, url, obj)
