"""Writes the demo content into the database, leaving alone what editors have changed.

Every object of the seed has a key: its slug; for a position, the person's slug and the
English title; for a contact, the person's slug and the kind. On each run, per object:

- missing: it is created, and a ``DemoRecord`` keeps a digest of the values written;
- recorded, and its values still match the digest: it is updated to the seed's values
  (when they differ), and the new digest recorded;
- recorded, but its values no longer match: an editor has changed it; it is left alone;
- there but not recorded (made by an editor, or by an older loader): it is recorded if
  it already holds the seed's values, otherwise left alone.

The digest covers only the fields the demo writes (with the many-to-many relations it
sets), so a photo, an image or a section description added by an editor is no change.
Fields the demo began to write later (``LATER_FIELDS``) count only when they differ from
their default, so that a record written before them still matches its object.
"""

import datetime as dt
import hashlib
import json
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db import models

from news.models import Event, NewsItem, Section
from people.models import Contact, Person, Position
from presscenter.models import DemoRecord

from . import content

OUTCOMES = ("created", "updated", "unchanged", "left alone")
PLURALS = {
    "section": "sections",
    "person": "people",
    "position": "positions",
    "contact": "contacts",
    "event": "events",
    "news item": "news items",
}


# Fields the demo writes that records made by an earlier loader do not cover: while they
# hold the model's default they are left out of the digest and of the comparison.
LATER_FIELDS = {Position: {"in_organisation", "rank"}}


def later_default(model, field, value):
    """Whether ``value`` is the default of a field the demo began to write later."""
    return field.name in LATER_FIELDS.get(model, ()) and value == field.get_default()


def canonical(field, value):
    """A value as the digest sees it: the same whichever database or time zone it came
    through (an empty text may be NULL or "")."""
    if isinstance(field, models.CharField | models.TextField):
        return value or ""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def stored_values(obj, names, relations):
    """What ``obj`` holds in the fields ``names`` and the many-to-many ``relations`` (pks)."""
    values = {}
    for name in names:
        field = obj._meta.get_field(name)
        value = getattr(obj, field.attname)
        if not later_default(type(obj), field, value):
            values[name] = canonical(field, value)
    for name in relations:
        values[name] = sorted(getattr(obj, name).values_list("pk", flat=True))
    return values


def seed_values(model, fields, relations):
    """What saving ``fields`` and setting ``relations`` would store: each field prepares
    the value as ``save()`` does (HTML fields clean it)."""
    probe = model(**fields)
    values = {}
    for name in fields:
        field = model._meta.get_field(name)
        value = field.pre_save(probe, add=False)
        if not later_default(model, field, value):
            values[name] = canonical(field, value)
    for name, objs in relations.items():
        values[name] = sorted(obj.pk for obj in objs)
    return values


def digest(values):
    text = json.dumps(values, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


class Loader:
    """Puts the seed's objects in place one by one and keeps the tally for the report."""

    def __init__(self):
        self.tally = {label: Counter() for label in PLURALS}
        self.edited = []
        self.unrecorded = []
        self.records = {(r.content_type_id, r.key): r for r in DemoRecord.objects.all()}

    def put(self, model, label, key, fields, lookup=None, relations=None):
        """The seed's object ``key`` with these ``fields`` (found by ``lookup``, by
        default its slug), created, updated or left alone as the module's docstring
        says; returned in every case."""
        relations = relations or {}
        content_type = ContentType.objects.get_for_model(model)
        wanted = seed_values(model, fields, relations)
        record = self.records.get((content_type.pk, key))
        obj = model.objects.filter(pk=record.object_pk).first() if record else None

        if obj is not None:
            current = stored_values(obj, fields, relations)
            if digest(current) != record.digest:
                self.edited.append(f"{label} '{key}'")
                return self.count(label, "left alone", obj)
            if current == wanted:
                return self.count(label, "unchanged", obj)
            outcome = "updated"
        else:
            obj = model.objects.filter(**(lookup or {"slug": key})).order_by("pk").first()
            if obj is not None:
                if stored_values(obj, fields, relations) != wanted:
                    self.unrecorded.append(f"{label} '{key}'")
                    return self.count(label, "left alone", obj)
                self.record(content_type, key, obj, fields, relations)
                return self.count(label, "unchanged", obj)
            obj = model()
            outcome = "created"

        for name, value in fields.items():
            setattr(obj, name, value)
        obj.save()
        for name, objs in relations.items():
            getattr(obj, name).set(objs)
        self.record(content_type, key, obj, fields, relations)
        return self.count(label, outcome, obj)

    def record(self, content_type, key, obj, fields, relations):
        """Keep the digest of what the database now holds for ``obj``."""
        obj.refresh_from_db()
        DemoRecord.objects.update_or_create(
            content_type=content_type,
            key=key,
            defaults={"object_pk": obj.pk, "digest": digest(stored_values(obj, fields, relations))},
        )

    def count(self, label, outcome, obj):
        self.tally[label][outcome] += 1
        return obj

    def summary(self):
        """One line of counts, then one line per reason objects were left alone."""
        counts = "; ".join(
            f"{PLURALS[label]} " + ", ".join(f"{tally[o]} {o}" for o in OUTCOMES if tally[o])
            for label, tally in self.tally.items()
            if tally
        )
        lines = [f"Demo content: {counts}."]
        if self.edited:
            lines.append(
                "Left alone, changed since the demo loaded them: " + ", ".join(self.edited) + "."
            )
        if self.unrecorded:
            lines.append(
                "Left alone, not loaded by the demo and different from it (delete one and run "
                "again to have the demo's version): " + ", ".join(self.unrecorded) + "."
            )
        return "\n".join(lines)


def load():
    """Put the demo content in place; return the ``Loader``, which holds the report."""
    data = content.read()
    loader = Loader()

    sections = {}
    for record in data["sections"]:
        sections[record["slug"]] = loader.put(Section, "section", record["slug"], record)

    people = {}
    for record in data["people"]:
        slug = record["fields"]["slug"]
        person = people[slug] = loader.put(Person, "person", slug, record["fields"])
        for position in record["positions"]:
            title = position["title_en"]
            loader.put(
                Position,
                "position",
                f"{slug}/{title}",
                {"person": person, **position},
                lookup={"person": person, "title_en": title},
            )
        for contact in record["contacts"]:
            kind = contact["kind"]
            loader.put(
                Contact,
                "contact",
                f"{slug}/{kind}",
                {"person": person, **contact},
                lookup={"person": person, "kind": kind},
            )

    events = {}
    for record in data["events"]:
        slug = record["fields"]["slug"]
        participants = [people[p] for p in record["participants"]]
        events[slug] = loader.put(
            Event, "event", slug, record["fields"], relations={"participants": participants}
        )

    # The seed lists news newest first. Items are created oldest first, so that items
    # published at the same time sort (newest pk first) as the seed lists them.
    for record in reversed(data["news"]):
        fields = {
            **record["fields"],
            "section": sections[record["section"]],
            "event": events[record["event"]] if record["event"] else None,
        }
        loader.put(
            NewsItem,
            "news item",
            fields["slug"],
            fields,
            relations={"people": [people[slug] for slug in record["people"]]},
        )
    return loader
