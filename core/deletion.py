"""Objects that may not be deleted while other content refers to them.

A foreign key says so with ``on_delete=PROTECT`` (a news item's section and event). A
many-to-many relation cannot: deleting a person would silently take them off every
news item and event that names them. So the app that holds the reference registers
it here (``protect``: news registers its items' people and its events' participants),
and the model refuses:

- ``ProtectedDeletionModel.delete()`` and ``ProtectedDeletionQuerySet.delete()`` raise
  Django's ``ProtectedError`` before anything is deleted, as ``PROTECT`` does;
- the admin's delete pages (``ProtectedDeletionAdminMixin`` in core/admin.py) list the
  referring objects as protected and refuse, with a message that says why.

Drafts count as much as published items: an item in review or scheduled loses a
person just as silently, and an editor who means to delete can unlink the listed
items first.
"""

from collections import defaultdict

from django.db import models
from django.db.models.deletion import ProtectedError

_referrers = defaultdict(list)

#: At most this many referring objects are read and listed.
LISTED = 50


def protect(model, find):
    """Refuse to delete objects of ``model`` while ``find(objects)``, a queryset of the
    objects that refer to any of ``objects`` (a queryset or a list), is not empty."""
    _referrers[model].append(find)


def referring_objects(model, objects, limit=LISTED):
    """Up to ``limit`` objects that refer to any of ``objects`` through a registered
    relation, and whether there are more."""
    found = []
    for find in _referrers.get(model, ()):
        found.extend(find(objects).distinct()[: limit + 1 - len(found)])
        if len(found) > limit:
            return found[:limit], True
    return found, False


def refuse_if_referred(model, objects):
    referring, more = referring_objects(model, objects, limit=10)
    if referring:
        names = ", ".join(f"{obj._meta.verbose_name} “{obj}”" for obj in referring)
        raise ProtectedError(
            f"Cannot delete {model._meta.verbose_name_plural} that other content refers "
            f"to: {names}{', …' if more else ''}.",
            set(referring),
        )


class ProtectedDeletionQuerySet(models.QuerySet):
    def delete(self):
        refuse_if_referred(self.model, self)
        return super().delete()

    delete.alters_data = True
    delete.queryset_only = True


class ProtectedDeletionModel(models.Model):
    class Meta:
        abstract = True

    def delete(self, *args, **kwargs):
        refuse_if_referred(type(self), [self])
        return super().delete(*args, **kwargs)
