"""Model fields that keep a rule on every write path."""

from django.db import models
from django.db.models import Q

from .filetypes import image_content_type
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


class StoredFactsDescriptorMixin:
    """Forgets a file's stored facts (``fact_fields``) when another file is assigned,
    not when a row loads, so that the next save measures the new file."""

    def __set__(self, instance, value):
        previous = instance.__dict__.get(self.field.attname)
        super().__set__(instance, value)
        if previous is not None and getattr(previous, "name", previous) != getattr(
            value, "name", value
        ):
            for name, empty in self.field.fact_fields():
                instance.__dict__[name] = empty


class MeasuredImageDescriptor(StoredFactsDescriptorMixin, models.fields.files.ImageFileDescriptor):
    pass


class SizedFileDescriptor(StoredFactsDescriptorMixin, models.fields.files.FileDescriptor):
    pass


class DimensionedImageField(models.ImageField):
    """An image whose width and height are stored in ``width_field`` and
    ``height_field``, measured when a file is uploaded or assigned, so that pages read
    them from the row and never open the file. Optionally its size in bytes
    (``size_field``) and its media type told from its content (``type_field``), stored
    when the object is saved, for a feed's enclosure.

    Django's ``ImageField`` also measures a stored image whose dimension fields are
    empty each time such a row is loaded (its ``post_init`` hook), opening the file on
    every page that loads the row, and failing when the file is gone. Here a stored
    file is never measured on load; a row without dimensions (an image whose file was
    missing when they were filled) simply has none. An assigned file that is gone
    leaves them empty instead of failing the save."""

    descriptor_class = MeasuredImageDescriptor

    def __init__(self, *args, size_field=None, type_field=None, **kwargs):
        self.size_field = size_field
        self.type_field = type_field
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        for option in ("size_field", "type_field"):
            if getattr(self, option):
                kwargs[option] = getattr(self, option)
        return name, path, args, kwargs

    def fact_fields(self):
        """The stored facts that describe the current file, with their empty values."""
        return [
            (name, empty)
            for name, empty in ((self.size_field, None), (self.type_field, ""))
            if name
        ]

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

    def pre_save(self, model_instance, add):
        if not self.fact_fields():
            return super().pre_save(model_instance, add)
        file = getattr(model_instance, self.attname)
        upload = file if file and not file._committed else None
        if upload is not None:
            # Read before the file is stored: the upload itself, not the storage.
            size, content_type = upload.size, image_content_type(upload.file)
        file = super().pre_save(model_instance, add)
        if not file:
            size, content_type = None, ""
        elif upload is None:
            size = getattr(model_instance, self.size_field) if self.size_field else None
            content_type = getattr(model_instance, self.type_field) if self.type_field else ""
            if self.size_field and size is None:
                size = stored_size(file)
            if self.type_field and not content_type:
                content_type = stored_content_type(file)
        if self.size_field:
            setattr(model_instance, self.size_field, size)
        if self.type_field:
            setattr(model_instance, self.type_field, content_type)
        return file


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

    def fact_fields(self):
        return [(self.size_field, None)]

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


def stored_content_type(file):
    """The media type of a stored image, from its content, or "" when the storage has
    no such file."""
    try:
        with file.storage.open(file.name) as stored:
            return image_content_type(stored)
    except OSError:
        return ""


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
