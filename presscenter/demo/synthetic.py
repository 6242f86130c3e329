"""Synthetic news items for volume tests (``load_demo --synthetic N``).

Item n has the slug ``synthetic-<n>`` and is marked ``is_synthetic``; its kind and
section cycle through ``NewsItem.Kind`` and the demo's sections, and it is published
(n - 1) × STEP before ANCHOR: the same N always gives the same rows, all older than the
seed's latest item. Numbers whose slug is taken are skipped, so running again adds only
what is missing.

On PostgreSQL the rows are written by ``INSERT … SELECT … FROM generate_series`` in
batches, straight from SQL (1,000,000 items in about 50 seconds, see bench/README.md);
elsewhere by ``bulk_create``. Either way ``content_changed`` is sent once at the end.
"""

import datetime as dt
from itertools import islice

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from core.changes import content_changed
from core.editions import LANGUAGE_CODES
from news.models import NewsAttachment, NewsImage, NewsItem, Section

from . import content

PREFIX = "synthetic-"
# In the site's time zone: seven hours before the seed's latest item (25 July 2024, 10:00).
ANCHOR = dt.datetime(2024, 7, 25, 3, 0)
STEP = dt.timedelta(minutes=15)  # 1,000,000 items span about 28.5 years
SQL_BATCH = 100_000  # rows per INSERT … SELECT (PostgreSQL)
ORM_BATCH = 1000  # rows per bulk_create (other databases)

# Plain text, one "{n}" each: the bodies are safe HTML by construction.
TEXTS = {
    "title": {"en": "Synthetic news item {n}", "ru": "Синтетическая новость {n}"},
    "lead": {
        "en": "Synthetic news item {n}, generated for volume tests.",
        "ru": "Синтетическая новость {n}, созданная для нагрузочных тестов.",
    },
    "body": {
        "en": "<p>Item {n} is not real news: it gives the archive volume, so that lists, "
        "search and sitemaps can be measured.</p>",
        "ru": "<p>Материал {n} — не настоящая новость: он придаёт архиву объём, чтобы можно "
        "было измерить списки, поиск и карты сайта.</p>",
    },
}


def anchor():
    return timezone.make_aware(ANCHOR, timezone.get_default_timezone())


def demo_sections():
    """The demo's sections, in the seed's order."""
    slugs = [record["slug"] for record in content.read()["sections"]]
    sections = {s.slug: s for s in Section.objects.filter(slug__in=slugs)}
    return [sections[slug] for slug in slugs]


def texts(n):
    """Title, lead and body of item n: every language column, and the bare column, which
    holds the default language's text."""
    values = {}
    for name, editions in TEXTS.items():
        for code in LANGUAGE_CODES:
            values[f"{name}_{code}"] = editions[code].format(n=n)
        values[name] = values[f"{name}_{settings.LANGUAGE_CODE}"]
    return values


def item(n, sections):
    """Synthetic item n, unsaved."""
    kinds = list(NewsItem.Kind)
    return NewsItem(
        slug=f"{PREFIX}{n}",
        kind=kinds[(n - 1) % len(kinds)],
        section=sections[(n - 1) % len(sections)],
        status=NewsItem.Status.PUBLISHED,
        published_at=anchor() - (n - 1) * STEP,
        is_synthetic=True,
        **texts(n),
    )


def create(count):
    """Create synthetic items 1..count whose slugs are free; return how many were made."""
    if not count:
        return 0
    sections = demo_sections()
    if connection.vendor == "postgresql":
        created = create_in_sql(count, sections)
    else:
        created = create_with_orm(count, sections)
    if created:
        content_changed.send(sender=NewsItem, instances=None)
    return created


def create_with_orm(count, sections):
    taken = set(NewsItem.objects.filter(slug__startswith=PREFIX).values_list("slug", flat=True))
    items = (item(n, sections) for n in range(1, count + 1) if f"{PREFIX}{n}" not in taken)
    created = 0
    while batch := list(islice(items, ORM_BATCH)):
        # The plain manager sends no change signal per batch; create() sends one.
        with transaction.atomic():
            NewsItem._base_manager.bulk_create(batch)
        created += len(batch)
    return created


def create_in_sql(count, sections):
    """INSERT … SELECT over generate_series, one transaction per batch; a slug already
    taken is skipped (ON CONFLICT DO NOTHING). Every column is written as the ORM would
    write it: the columns that vary with n from expressions below, the others from the
    value a new item gets (its field's default, or now() for the timestamps)."""
    kinds = [str(kind) for kind in NewsItem.Kind]
    per_item = {
        "slug": ("%s || n", [PREFIX]),
        "kind": ("(%s::text[])[1 + mod(n - 1, %s)]", [kinds, len(kinds)]),
        "section_id": (
            "(%s::bigint[])[1 + mod(n - 1, %s)]",
            [[s.pk for s in sections], len(sections)],
        ),
        "published_at": ("%s::timestamptz - (n - 1) * %s::interval", [anchor(), STEP]),
    }
    # The texts with n left in place: each splits into the SQL before and after n.
    for column, template in texts("{n}").items():
        before, after = template.split("{n}")
        per_item[column] = ("%s || n || %s", [before, after])

    probe = NewsItem(status=NewsItem.Status.PUBLISHED, is_synthetic=True)
    columns, expressions, params = [], [], []
    for field in NewsItem._meta.concrete_fields:
        if field.primary_key:
            continue
        columns.append(connection.ops.quote_name(field.column))
        if field.column in per_item:
            expression, values = per_item[field.column]
        else:
            value = field.get_db_prep_save(field.pre_save(probe, add=True), connection)
            expression, values = f"CAST(%s AS {field.cast_db_type(connection)})", [value]
        expressions.append(expression)
        params += values

    sql = (
        f"INSERT INTO {connection.ops.quote_name(NewsItem._meta.db_table)} "
        f"({', '.join(columns)}) SELECT {', '.join(expressions)} "
        "FROM generate_series(%s, %s) AS n ON CONFLICT (slug) DO NOTHING"
    )
    created = 0
    for first in range(1, count + 1, SQL_BATCH):
        last = min(first + SQL_BATCH - 1, count)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [*params, first, last])
            created += cursor.rowcount
    return created


def clear():
    """Delete the items marked synthetic (only those: a real item whose slug happens to
    start with ``synthetic-`` stays); return how many were deleted.

    What may refer to an item (a gallery image or an attachment, a person named on it)
    is deleted through the ORM; the items in one SQL statement, since the ORM would load
    every item to send its delete signal (4.5 minutes and 4 GB for a million).
    """
    items = NewsItem.objects.filter(is_synthetic=True)
    NewsImage.objects.filter(news__in=items).delete()
    NewsAttachment.objects.filter(news__in=items).delete()
    NewsItem.people.through.objects.filter(newsitem__in=items).delete()
    table = connection.ops.quote_name(NewsItem._meta.db_table)
    column = connection.ops.quote_name(NewsItem._meta.get_field("is_synthetic").column)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE {column}")
        deleted = cursor.rowcount
    if deleted:
        content_changed.send(sender=NewsItem, instances=None)
    return deleted
