"""The feeds carry plain text as text where they declare HTML, and survive rows that
hold characters XML cannot carry (written before the fields cleaned them)."""

import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from news.models import Event, NewsItem, Section
from people.models import Contact, Person
from tests.factories import (
    ContactFactory,
    EventFactory,
    NewsItemFactory,
    PersonFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
LEAD = "<script>alert(1)</script> & <b>more</b>"
ESCAPED_LEAD = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;more&lt;/b&gt;"


def feed_urls(section, language="en"):
    with translation.override(language):
        return [
            reverse("news:feed_rss"),
            reverse("news:feed_atom"),
            reverse("news:section_feed_rss", args=[section.slug]),
            reverse("news:section_feed_atom", args=[section.slug]),
        ]


def test_the_lead_reaches_rss_and_atom_as_text_not_markup(client):
    item = NewsItemFactory(published=True, lead_en=LEAD)

    rss = ET.fromstring(client.get(reverse("news:feed_rss")).content)
    # The element's text is what a feed reader reads as HTML: escaped, it shows the
    # lead's characters and runs nothing.
    assert rss.find("channel/item/description").text == ESCAPED_LEAD

    atom = ET.fromstring(client.get(reverse("news:feed_atom")).content)
    summary = atom.find(f"{ATOM}entry/{ATOM}summary")
    assert summary.get("type") == "html"
    assert summary.text == ESCAPED_LEAD
    assert item.lead_en == LEAD  # stored as the editor wrote it; pages escape it


def test_the_section_description_is_escaped_where_it_is_html(client):
    section = SectionFactory(description_en="Statements <script>alert(1)</script>")
    NewsItemFactory(published=True, section=section)

    rss = ET.fromstring(client.get(reverse("news:section_feed_rss", args=[section.slug])).content)
    assert rss.find("channel/description").text == (
        "Statements &lt;script&gt;alert(1)&lt;/script&gt;"
    )
    # Atom's subtitle is text (no type="html"): it carries the characters themselves.
    atom = ET.fromstring(client.get(reverse("news:section_feed_atom", args=[section.slug])).content)
    subtitle = atom.find(f"{ATOM}subtitle")
    assert subtitle.get("type") in (None, "text")
    assert subtitle.text == "Statements <script>alert(1)</script>"


def write_past_the_fields(model, pk, **columns):
    """Store ``columns`` in SQL, as rows were stored before the fields cleaned."""
    assignments = ", ".join(f"{column} = %s" for column in columns)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {model._meta.db_table} SET {assignments} WHERE id = %s",
            [*columns.values(), pk],
        )


def test_every_feed_and_export_survives_a_row_written_before_the_fields_cleaned(client):
    section = SectionFactory(russian=True)
    item = NewsItemFactory(published=True, russian=True, section=section)
    event = EventFactory(russian=True)
    person = PersonFactory(russian=True)
    contact = ContactFactory(person=person, russian=True)
    write_past_the_fields(
        NewsItem, item.pk, title_en="Vertical\x0btab", lead_en="Lead\x0b", title_ru="Заголовок\x0b"
    )
    write_past_the_fields(Section, section.pk, name_en="Section\x0b", description_ru="Раздел\x0c")
    write_past_the_fields(Event, event.pk, title_en="Event\x0b", venue_ru="Место\x0b")
    write_past_the_fields(Person, person.pk, family_name_en="Name\x0b", family_name_ru="Имя\x0b")
    write_past_the_fields(Contact, contact.pk, label_en="Press\x0b service", value="+7 495\x0b")

    for language in ("en", "ru"):
        for url in feed_urls(section, language):
            response = client.get(url)
            assert response.status_code == 200, url
            assert b"\x0b" not in response.content and b"\x0c" not in response.content
            ET.fromstring(response.content)  # well-formed XML 1.0
        prefix = "/ru" if language == "ru" else ""
        for url in (f"{prefix}/events/calendar.ics", f"{prefix}/press/contacts.vcf"):
            response = client.get(url)
            assert response.status_code == 200, url
            assert b"\x0b" not in response.content

    assert "Verticaltab" in client.get("/news/feed/rss/").content.decode()
