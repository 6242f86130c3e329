"""Model fields that keep a rule on every write path."""

from django.db import models
from django.db.models import Q

from .html import sanitize_html
from .text import STORED_UNCARRIABLE_PATTERN, strip_control_characters
from .uploads import ImageUploadField


class CleanTextMixin:
    """A text field that stores only characters every output can carry
    (``core.text``): control characters are removed by the field itself.

    The cleaning runs in ``get_db_prep_save``, the one step every write goes through:
    ``save()``, ``QuerySet.update()``, ``bulk_create()``, ``bulk_update()`` and
    ``loaddata``. ``pre_save`` also cleans the instance's own value, so an object that
    was just saved holds what the database holds. Lookups are left alone.
    django-modeltranslation builds each per-language field (``title_en``) as a
    subclass of the field it translates, so they clean too.
    """

    def clean_value(self, value):
        return strip_control_characters(value)

    def pre_save(self, model_instance, add):
        value = super().pre_save(model_instance, add)
        cleaned = self.clean_value(value)
        if cleaned != value:
            # Only then: django-modeltranslation's descriptor on a translated field's
            # own name (``title``) writes to the active language's column.
            setattr(model_instance, self.attname, cleaned)
        return cleaned

    def get_db_prep_save(self, value, connection):
        if isinstance(value, str):
            value = self.clean_value(value)
        return super().get_db_prep_save(value, connection)


class CleanCharField(CleanTextMixin, models.CharField):
    """Editors' one-line text: titles, names, captions, alt texts, labels."""


class CleanTextField(CleanTextMixin, models.TextField):
    """Editors' plain text of several lines: leads, short biographies, descriptions."""


class SanitizedHTMLField(CleanTextMixin, models.TextField):
    """Editors' HTML, cleaned by the field itself on every write path (see
    ``CleanTextMixin``): control characters go, then nh3 keeps only the allowed tags
    and attributes (``core.html``). A search for ``<b>`` is not rewritten."""

    def clean_value(self, value):
        return sanitize_html(strip_control_characters(value))


class DimensionedImageField(models.ImageField):
    """An image whose width and height are stored in ``width_field`` and
    ``height_field``, measured when a file is uploaded or assigned, so that pages read
    them from the row and never open the file.

    Django's ``ImageField`` also measures a stored image whose dimension fields are
    empty each time such a row is loaded (its ``post_init`` hook), opening the file on
    every page that loads the row, and failing when the file is gone. Here a stored
    file is never measured on load; a row without dimensions (an image whose file was
    missing when they were filled) simply has none. An assigned file that is gone
    leaves them empty instead of failing the save."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ImageUploadField, **kwargs})

    def update_dimension_fields(self, instance, force=False, *args, **kwargs):
        value = instance.__dict__.get(self.attname)
        if not force and (isinstance(value, str) or getattr(value, "_committed", False)):
            return
        try:
            super().update_dimension_fields(instance, force, *args, **kwargs)
        except OSError:
            for name in (self.width_field, self.height_field):
                if name:
                    setattr(instance, name, None)


class SizedFileDescriptor(models.fields.files.FileDescriptor):
    """Forgets the stored size when another file is assigned (not when a row loads)."""

    def __set__(self, instance, value):
        previous = instance.__dict__.get(self.field.attname)
        super().__set__(instance, value)
        if previous is not None and getattr(previous, "name", previous) != getattr(
            value, "name", value
        ):
            instance.__dict__[self.field.size_field] = None


class SizedFileField(models.FileField):
    """A file whose size in bytes is stored in ``size_field`` when the object is saved:
    an upload's own size as it is stored, else the storage's answer for a file whose
    size is not known yet (none when the file is gone). Pages read the size from the
    row instead of asking the storage. Writes that skip ``save()`` (``update()``,
    ``bulk_create()``) leave the size as it was."""

    descriptor_class = SizedFileDescriptor

    def __init__(self, *args, size_field=None, **kwargs):
        self.size_field = size_field
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["size_field"] = self.size_field
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        upload_size = file.size if file and not file._committed else None
        file = super().pre_save(model_instance, add)
        if not file:
            size = None
        elif upload_size is not None:
            size = upload_size
        else:
            size = getattr(model_instance, self.size_field)
            if size is None:
                size = stored_size(file)
        setattr(model_instance, self.size_field, size)
        return file


def stored_size(file):
    """The size of a stored file in bytes, or None when the storage has no such file."""
    try:
        return file.storage.size(file.name)
    except OSError:
        return None


def clean_stored_text(model, columns):
    """Remove the characters no output can carry (``core.text``) from ``columns`` of the
    rows of ``model`` that hold any: for migrations, since rows written before a field
    cleaned were stored as they came. One scan of the table finds the rows (with the
    database's regular expressions); only those are read and written."""
    holds_any = Q()
    for column in columns:
        holds_any |= Q(**{f"{column}__regex": STORED_UNCARRIABLE_PATTERN})
    rows = model._base_manager.filter(holds_any).values("pk", *columns)
    for row in rows.iterator():
        pk = row.pop("pk")
        cleaned = {column: strip_control_characters(value) for column, value in row.items()}
        model._base_manager.filter(pk=pk).update(**cleaned)
