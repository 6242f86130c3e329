"""SanitizedHTMLField: every write path stores clean HTML, not only ``save()``."""

import json

import pytest
from django.core.management import call_command

from news.models import Event, NewsItem
from people.models import Person
from tests.factories import EventFactory, NewsItemFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db

PAYLOAD = '<p onclick="steal()">Hello</p><script>alert("x")</script><img src=x onerror=alert(1)>'
CLEAN = "<p>Hello</p>"


def stored(model, pk, column):
    """The value as the database holds it, read without the model's own code."""
    return model.objects.filter(pk=pk).values_list(column, flat=True).get()


def test_save_stores_clean_html_and_the_instance_holds_it():
    item = NewsItemFactory(body_en=PAYLOAD)
    assert item.body_en == CLEAN
    assert stored(NewsItem, item.pk, "body_en") == CLEAN


@pytest.mark.parametrize(
    ("model", "factory", "column"),
    [
        (NewsItem, NewsItemFactory, "body_en"),
        (NewsItem, NewsItemFactory, "body_ru"),
        (Event, EventFactory, "description_en"),
        (Person, PersonFactory, "biography_ru"),
    ],
)
def test_queryset_update_stores_clean_html(model, factory, column):
    obj = factory()
    model.objects.filter(pk=obj.pk).update(**{column: PAYLOAD})
    assert stored(model, obj.pk, column) == CLEAN


def test_bulk_create_stores_clean_html():
    section = SectionFactory()
    items = [
        NewsItem(section=section, slug=f"bulk-{n}", title_en=f"Bulk {n}", body_en=PAYLOAD)
        for n in range(3)
    ]
    NewsItem.objects.bulk_create(items)
    assert set(NewsItem.objects.values_list("body_en", flat=True)) == {CLEAN}


def test_bulk_update_stores_clean_html():
    items = NewsItemFactory.create_batch(2)
    for item in items:
        item.body_ru = PAYLOAD
    NewsItem.objects.bulk_update(items, ["body_ru"])
    assert set(NewsItem.objects.values_list("body_ru", flat=True)) == {CLEAN}


def test_loaddata_stores_clean_html(tmp_path):
    person = PersonFactory()
    fixture = tmp_path / "people.json"
    row = {
        "model": "people.person",
        "pk": person.pk,
        "fields": {
            "slug": person.slug,
            "family_name_en": "Zaynetdinov",
            "biography_en": PAYLOAD,
            "order": 1,
            "is_public": True,
            "created_at": "2024-07-19T10:00:00Z",
            "updated_at": "2024-07-19T10:00:00Z",
        },
    }
    fixture.write_text(json.dumps([row]))
    call_command("loaddata", str(fixture), verbosity=0)
    assert stored(Person, person.pk, "biography_en") == CLEAN


def test_a_script_written_by_update_never_reaches_the_public_page(client):
    item = NewsItemFactory(published=True)
    NewsItem.objects.filter(pk=item.pk).update(body_en="<p>Text</p><script>evil()</script>")
    html = client.get(item.get_absolute_url()).content.decode()
    assert "<p>Text</p>" in html
    assert "evil()" not in html


def test_lookups_are_not_rewritten():
    item = NewsItemFactory(body_en="<p>a <b>bold</b> claim</p>")
    assert NewsItem.objects.filter(body_en__contains="<b>bold</b>").get() == item
