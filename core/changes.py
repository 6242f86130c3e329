"""One hook for every change to published content: ``content_changed``.

Whatever writes a content model (a form save, an admin action, ``QuerySet.update()``,
``bulk_create()``, a delete, a change to a many-to-many relation, ``loaddata``),
``content_changed`` is sent once for it, with the model class as sender. Caches and
anything else that must follow the content listen here and nowhere else.

Content models are those whose default queryset is a ``ChangeSignallingQuerySet``:
``save()``, ``delete()`` and m2m changes arrive through Django's own signals;
``update()`` and the bulk methods, which send none, send ``content_changed``
themselves.
"""

from django.apps import apps
from django.core.cache import cache
from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal
from django.utils import timezone

#: Sent with ``sender`` (the model class, or None when everything may have changed, as
#: after a restore) and ``instances`` (the objects when known, else None, as after
#: ``QuerySet.update()``).
content_changed = Signal()


class ChangeSignallingQuerySet(models.QuerySet):
    def update(self, **kwargs):
        rows = super().update(**kwargs)
        if rows:
            content_changed.send(sender=self.model, instances=None)
        return rows

    update.alters_data = True

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        if created:
            content_changed.send(sender=self.model, instances=created)
        return created

    bulk_create.alters_data = True

    def bulk_update(self, objs, fields, *args, **kwargs):
        rows = super().bulk_update(objs, fields, *args, **kwargs)
        if rows:
            content_changed.send(sender=self.model, instances=list(objs))
        return rows

    bulk_update.alters_data = True


LAST_CHANGE_KEY = "content:last-change"


def record_change(**kwargs):
    """Receiver of ``content_changed``: remember when the content last changed, in the
    cache that every process shares (Redis when ``REDIS_URL`` is set)."""
    cache.set(LAST_CHANGE_KEY, timezone.now(), timeout=None)


def last_change():
    """When the content last changed, for validators (``Last-Modified``, ``ETag``) that
    must be cheap. Unknown (an emptied cache) counts as now, once: a validator may then
    say "changed" when nothing did, never "unchanged" when something did."""
    changed = cache.get(LAST_CHANGE_KEY)
    if changed is None:
        cache.add(LAST_CHANGE_KEY, timezone.now(), timeout=None)
        changed = cache.get(LAST_CHANGE_KEY) or timezone.now()
    return changed


def is_content_model(model):
    manager = getattr(model, "_default_manager", None)
    return manager is not None and isinstance(manager.all(), ChangeSignallingQuerySet)


def saved_or_deleted(sender, instance, **kwargs):
    content_changed.send(sender=sender, instances=[instance])


def relation_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        content_changed.send(sender=type(instance), instances=[instance])


def connect_model_signals():
    """Forward Django's save, delete and m2m signals of content models, and record the
    time of every change (called once, from ``CoreConfig.ready``)."""
    content_changed.connect(record_change, dispatch_uid="record_change")
    for model in apps.get_models():
        if not is_content_model(model):
            continue
        post_save.connect(saved_or_deleted, sender=model, weak=False)
        post_delete.connect(saved_or_deleted, sender=model, weak=False)
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(relation_changed, sender=field.remote_field.through, weak=False)
