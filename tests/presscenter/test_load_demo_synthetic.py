"""``manage.py load_demo --synthetic N`` and ``--clear-synthetic``: volume-test items,
marked ``is_synthetic``, written in SQL on PostgreSQL and by bulk_create elsewhere."""

import datetime as dt
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from core.changes import content_changed
from news.models import NewsAttachment, NewsImage, NewsItem, Section
from people.models import Person
from presscenter.demo import synthetic
from tests.factories import NewsItemFactory

pytestmark = pytest.mark.django_db


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def synthetic_items():
    return NewsItem.objects.filter(is_synthetic=True)


@pytest.fixture
def signals():
    """The ``content_changed`` signals sent for news items."""
    sent = []

    def receiver(sender, instances, **kwargs):
        if sender is NewsItem:
            sent.append(instances)

    content_changed.connect(receiver)
    yield sent
    content_changed.disconnect(receiver)


def test_synthetic_items_are_added_once_and_cleared():
    load_demo()

    output = load_demo("--synthetic", "50")
    assert "Synthetic news items: 50 created, 0 already there, 0 deleted." in output
    assert synthetic_items().count() == 50
    assert NewsItem.objects.count() == 55

    item = synthetic_items().get(slug="synthetic-17")
    assert (item.title_en, item.title_ru) == ("Synthetic news item 17", "Синтетическая новость 17")
    assert item.title == "Synthetic news item 17"
    assert item.lead_ru and item.body_en and item.body_ru
    assert {i.kind for i in synthetic_items()} == set(NewsItem.Kind.values)
    assert {i.section.slug for i in synthetic_items().select_related("section")} == set(
        Section.objects.values_list("slug", flat=True)
    )
    assert all(i.published_at < timezone.now() for i in synthetic_items())
    assert len({i.published_at for i in synthetic_items()}) == 50
    for language in ("en", "ru"):
        assert NewsItem.objects.published(language=language).count() == 55

    output = load_demo("--synthetic", "50")
    assert "0 created, 50 already there" in output
    assert synthetic_items().count() == 50
    assert NewsItem.objects.count() == 55

    load_demo("--synthetic", "60")
    assert synthetic_items().count() == 60

    output = load_demo("--clear-synthetic")
    assert "60 deleted" in output
    assert not synthetic_items().exists()
    assert NewsItem.objects.count() == 5


def test_clearing_keeps_real_items_whose_slugs_look_synthetic():
    """``--clear-synthetic`` goes by the flag, not the slug; a number whose slug a real
    item holds is skipped."""
    fuels = NewsItemFactory(
        title_en="Synthetic fuels: the Secretariat hears experts", published=True
    )
    taken = NewsItemFactory(slug="synthetic-3", published=True)
    assert fuels.slug.startswith("synthetic-")

    output = load_demo("--synthetic", "5")
    assert "4 created, 1 already there" in output

    output = load_demo("--clear-synthetic")
    assert "4 deleted" in output
    assert set(NewsItem.objects.filter(slug__startswith="synthetic-")) == {fuels, taken}


def test_clearing_takes_what_refers_to_the_items_along():
    load_demo("--synthetic", "3")
    people_named = NewsItem.people.through.objects.count()
    item = synthetic_items().get(slug="synthetic-2")
    item.people.add(Person.objects.get(slug="imangali-tasmagambetov"))
    NewsImage.objects.create(news=item, image=SimpleUploadedFile("a.png", b"x"), alt_en="A")
    NewsAttachment.objects.create(news=item, file=SimpleUploadedFile("a.pdf", b"x"), title_en="A")

    assert "3 deleted" in load_demo("--clear-synthetic")
    assert not NewsImage.objects.exists() and not NewsAttachment.objects.exists()
    assert NewsItem.people.through.objects.count() == people_named


def test_clearing_covers_every_relation_to_news_items():
    """``synthetic.clear()`` deletes items in SQL after the rows that refer to them: the
    gallery, the attachments and the people named. A new relation must be added there."""
    relations = {
        field.related_model
        for field in NewsItem._meta.get_fields(include_hidden=True)
        if field.auto_created and not field.concrete
    }
    assert relations == {NewsImage, NewsAttachment, NewsItem.people.through}


def test_every_column_is_written_as_the_orm_writes_it():
    """On PostgreSQL the rows come from SQL: they must hold what ``bulk_create`` of the
    same items would (on SQLite this is the ORM path itself)."""
    load_demo("--synthetic", "12")
    sections = synthetic.demo_sections()

    for n in (1, 7, 12):
        stored = NewsItem.objects.get(slug=f"synthetic-{n}")
        expected = synthetic.item(n, sections)
        for field in NewsItem._meta.concrete_fields:
            if field.primary_key or field.name in {"created_at", "updated_at"}:
                continue
            assert getattr(stored, field.attname) == getattr(expected, field.attname), (
                n,
                field.name,
            )
        assert abs(stored.updated_at - stored.created_at) < dt.timedelta(seconds=1)
        assert timezone.now() - stored.created_at < dt.timedelta(minutes=5)


def test_dates_are_deterministic_and_older_than_the_seed():
    load_demo("--synthetic", "5")
    first = dict(synthetic_items().values_list("slug", "published_at"))
    load_demo("--clear-synthetic", "--synthetic", "5")
    second = dict(synthetic_items().values_list("slug", "published_at"))

    assert first == second
    assert first["synthetic-1"] - first["synthetic-2"] == dt.timedelta(minutes=15)
    latest_seed_item = NewsItem.objects.filter(is_synthetic=False).latest()
    assert max(first.values()) < latest_seed_item.published_at
    # A million items reach back about 28 years, not centuries.
    oldest = synthetic.anchor() - 999_999 * synthetic.STEP
    assert 28 < (synthetic.anchor() - oldest).days / 365.25 < 29


def test_the_change_signal_is_sent_once_per_run(signals):
    load_demo()
    signals.clear()

    load_demo("--synthetic", "25")
    assert signals == [None]

    signals.clear()
    load_demo("--synthetic", "25")
    assert signals == []

    load_demo("--clear-synthetic")
    assert signals == [None]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the SQL path is PostgreSQL's")
def test_sql_batches_skip_what_exists(monkeypatch):
    monkeypatch.setattr(synthetic, "SQL_BATCH", 4)
    load_demo("--synthetic", "6")

    assert "4 created, 6 already there" in load_demo("--synthetic", "10")
    assert synthetic_items().count() == 10


def test_negative_synthetic_count_is_refused():
    with pytest.raises(CommandError):
        load_demo("--synthetic", "-1")
