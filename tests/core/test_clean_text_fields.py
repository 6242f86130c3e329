"""Control characters that XML and vCard cannot carry are removed by the fields that
store editors' text, on every write path (``core.fields.CleanTextMixin``)."""

import pytest
from django.db import connection, models

from core.fields import CleanTextMixin, clean_stored_text
from core.text import strip_control_characters
from news.models import Event, NewsAttachment, NewsImage, NewsItem, Section
from people.models import Contact, Person, Position
from tests.factories import ContactFactory, NewsItemFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db

VT = "\x0b"  # a word processor's manual line break


def stored(model, pk, column):
    """The value as the database holds it, read without the model's own code."""
    return model.objects.filter(pk=pk).values_list(column, flat=True).get()


def test_the_characters_no_output_can_carry_are_removed():
    value = "a\x00b\x08c\x0bd\x0ce\x1ff\ufffeg\uffffh\ud800i"
    assert strip_control_characters(value) == "abcdefghi"
    assert strip_control_characters("tab\tnewline\ncarriage\r") == "tab\tnewline\ncarriage\r"
    assert strip_control_characters("Секретариат ОДКБ — «заявление»") == (
        "Секретариат ОДКБ — «заявление»"
    )
    assert strip_control_characters(None) is None


EDITORS_TEXT_MODELS = [
    Section, Event, NewsItem, NewsImage, NewsAttachment, Person, Position, Contact
]  # fmt: skip


@pytest.mark.parametrize("model", EDITORS_TEXT_MODELS, ids=lambda model: model.__name__)
def test_every_text_field_of_editors_cleans(model):
    """Every text column an editor writes (not slugs, not choices), in every language
    (django-modeltranslation builds ``title_en`` as a subclass of ``title``'s class)."""
    for field in model._meta.concrete_fields:
        if not isinstance(field, models.CharField | models.TextField):
            continue
        if isinstance(field, models.SlugField) or field.choices:
            continue
        assert isinstance(field, CleanTextMixin), f"{model.__name__}.{field.name}"


def test_save_removes_them_and_the_instance_holds_what_is_stored():
    item = NewsItemFactory(title_en=f"Line{VT}break", lead_ru=f"Лид{VT}", body_en=f"<p>a{VT}b</p>")
    assert (item.title_en, item.lead_ru, item.body_en) == ("Linebreak", "Лид", "<p>ab</p>")
    assert stored(NewsItem, item.pk, "title_en") == "Linebreak"
    assert stored(NewsItem, item.pk, "lead_ru") == "Лид"
    assert stored(NewsItem, item.pk, "body_en") == "<p>ab</p>"


@pytest.mark.parametrize(
    ("model", "factory", "column"),
    [
        (NewsItem, NewsItemFactory, "title_en"),
        (NewsItem, NewsItemFactory, "lead_ru"),
        (Section, SectionFactory, "description_en"),
        (Person, PersonFactory, "family_name_ru"),
        (Contact, ContactFactory, "value"),
    ],
)
def test_update_removes_them(model, factory, column):
    obj = factory()
    model.objects.filter(pk=obj.pk).update(**{column: f"Press{VT} service"})
    assert stored(model, obj.pk, column) == "Press service"


def test_bulk_create_removes_them():
    section = SectionFactory()
    items = [
        NewsItem(section=section, slug=f"bulk-{n}", title_en=f"Bulk{VT} {n}", lead_en=f"{VT}Lead")
        for n in range(3)
    ]
    NewsItem.objects.bulk_create(items)
    assert sorted(NewsItem.objects.values_list("title_en", flat=True)) == [
        "Bulk 0",
        "Bulk 1",
        "Bulk 2",
    ]
    assert set(NewsItem.objects.values_list("lead_en", flat=True)) == {"Lead"}


def test_bulk_update_removes_them():
    people = PersonFactory.create_batch(2)
    for person in people:
        person.short_bio_en = f"Secretary{VT} General"
    Person.objects.bulk_update(people, ["short_bio_en"])
    assert set(Person.objects.values_list("short_bio_en", flat=True)) == {"Secretary General"}


def test_a_null_translation_stays_null():
    item = NewsItemFactory(image_alt_en=None)
    assert stored(NewsItem, item.pk, "image_alt_en") is None


def test_rows_written_before_are_cleaned_by_the_migration_step():
    """``clean_stored_text`` (run once by the migrations) cleans rows that hold such
    characters, here written in SQL past the field, and leaves the others alone."""
    dirty, clean = NewsItemFactory(), NewsItemFactory(title_en="Untouched")
    table = NewsItem._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET title_en = %s, lead_ru = %s WHERE id = %s",
            [f"Title{VT}", f"Лид{VT}\x01", dirty.pk],
        )
    assert stored(NewsItem, dirty.pk, "title_en") == f"Title{VT}"

    clean_stored_text(NewsItem, ["title_en", "lead_en", "lead_ru"])

    assert stored(NewsItem, dirty.pk, "title_en") == "Title"
    assert stored(NewsItem, dirty.pk, "lead_ru") == "Лид"
    assert stored(NewsItem, clean.pk, "title_en") == "Untouched"
