"""Model fields that keep a rule on every write path."""

from django.db import models

from .html import sanitize_html


class SanitizedHTMLField(models.TextField):
    """Editors' HTML, cleaned by the field itself.

    The cleaning runs in ``get_db_prep_save``, the one step every write goes through:
    ``save()``, ``QuerySet.update()``, ``bulk_create()``, ``bulk_update()`` and
    ``loaddata``. ``pre_save`` also cleans the instance's own value, so an object that
    was just saved holds what the database holds. Lookups are left alone: a search for
    ``<b>`` is not rewritten.
    """

    def pre_save(self, model_instance, add):
        value = sanitize_html(super().pre_save(model_instance, add))
        setattr(model_instance, self.attname, value)
        return value

    def get_db_prep_save(self, value, connection):
        if isinstance(value, str):
            value = sanitize_html(value)
        return super().get_db_prep_save(value, connection)
