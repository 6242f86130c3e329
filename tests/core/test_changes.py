"""content_changed: one hook that every write to content reaches."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from core.changes import content_changed, last_change
from news.models import NewsItem, Section
from people.models import Contact, Person
from tests.factories import ContactFactory, NewsItemFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def changes():
    """The (sender, instances) of every content_changed sent during the test."""
    seen = []

    def record(sender, instances, **kwargs):
        seen.append((sender, instances))

    content_changed.connect(record)
    yield seen
    content_changed.disconnect(record)


def test_save_and_delete(changes):
    item = NewsItemFactory()
    assert (NewsItem, [item]) in changes
    changes.clear()
    item.delete()
    assert (NewsItem, [item]) in changes


def test_queryset_update(changes):
    NewsItemFactory.create_batch(2)
    changes.clear()
    NewsItem.objects.update(kind=NewsItem.Kind.STATEMENT)
    assert changes == [(NewsItem, None)]


def test_an_update_that_touches_nothing_is_silent(changes):
    NewsItem.objects.filter(pk=-1).update(kind=NewsItem.Kind.STATEMENT)
    assert changes == []


def test_bulk_create(changes):
    section = SectionFactory()
    changes.clear()
    NewsItem.objects.bulk_create([NewsItem(section=section, slug="a", title_en="A")])
    assert [sender for sender, _ in changes] == [NewsItem]


def test_many_to_many_from_either_side(changes):
    item, person = NewsItemFactory(), PersonFactory()
    changes.clear()
    item.people.add(person)
    assert (NewsItem, [item]) in changes
    changes.clear()
    person.news.remove(item)
    assert (Person, [person]) in changes


@pytest.mark.parametrize("model", [Section, Person, Contact])
def test_other_content_models_are_watched(changes, model):
    factory = {Section: SectionFactory, Person: PersonFactory, Contact: ContactFactory}[model]
    obj = factory()
    assert (model, [obj]) in changes


def test_the_time_of_the_last_change_is_kept_in_the_cache():
    before = timezone.now()
    item = NewsItemFactory()
    recorded = last_change()
    assert recorded >= before
    NewsItem.objects.filter(pk=item.pk).update(title_en="Renamed")
    assert last_change() > recorded
    # An emptied cache knows nothing: the answer is now, so nothing looks unchanged.
    cache.clear()
    assert last_change() >= timezone.now() - datetime.timedelta(seconds=1)
