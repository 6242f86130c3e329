"""The feeds: what a reader gets (the lead, the full body, the image, ids that never
change), what never appears in them, conditional requests, and their queries. They
carry plain text as text where they declare HTML, and survive rows that hold
characters XML cannot carry (written before the fields cleaned them)."""

import datetime
import io
import re
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import feedparser
import pytest
import time_machine
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import http_date
from PIL import Image

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


# What a feed reader sees: the feeds parsed by feedparser, as readers parse them.


def parse(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return feed


def every_feed(section, person, event, language="en"):
    """Every feed the site publishes, RSS and Atom, in one edition."""
    with translation.override(language):
        return [
            reverse(f"news:{name}_{format}", args=args)
            for name, args in (
                ("feed", []),
                ("section_feed", [section.slug]),
                ("person_feed", [person.slug]),
                ("event_feed", [event.slug]),
                ("events_feed", []),
            )
            for format in ("rss", "atom")
        ]


@pytest.fixture
def site():
    """A section, a person and an event in both editions, with an item about each."""
    section = SectionFactory(russian=True)
    person = PersonFactory(russian=True)
    event = EventFactory(russian=True)
    item = NewsItemFactory(
        published=True, russian=True, section=section, people=[person], event=event
    )
    return SimpleNamespace(section=section, person=person, event=event, item=item)


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (120, 63), "navy").save(buffer, "PNG")
    return SimpleUploadedFile("summit.png", buffer.getvalue())


class TestFeedsParse:
    @pytest.mark.parametrize("language", ["en", "ru"])
    def test_every_feed_parses_cleanly_in_both_editions(self, client, site, language):
        for url in every_feed(site.section, site.person, site.event, language):
            feed = parse(client, url)
            assert feed.entries, url
            assert feed.feed.title and feed.feed.link, url
            assert all(entry.id.startswith("tag:press.example.org,") for entry in feed.entries)
            if url.endswith("/atom/"):  # RSS has no id of its own
                assert feed.feed.id.startswith("tag:press.example.org,2024-01-01:"), url

    def test_an_entry_has_the_lead_the_full_body_and_the_image(self, client):
        item = NewsItemFactory(
            published=True,
            lead_en="Tom & Jerry signed the statement.",
            body_en="<p>First paragraph.</p><h2>Details</h2><p>Second &amp; last.</p>",
            image=png(),
            image_alt_en="The summit",
        )
        for url in (reverse("news:feed_rss"), reverse("news:feed_atom")):
            (entry,) = parse(client, url).entries
            assert entry.title == item.title_en
            assert entry.link == f"http://testserver{item.get_absolute_url()}"
            assert entry.summary == "Tom &amp; Jerry signed the statement."
            content = entry.content[0]
            assert content.type == "text/html"
            assert content.value == (
                "<p>Tom &amp; Jerry signed the statement.</p>"
                "<p>First paragraph.</p><h2>Details</h2><p>Second &amp; last.</p>"
            )
            (enclosure,) = entry.enclosures
            assert enclosure.href == f"http://testserver{item.image.url}"
            assert enclosure.type == "image/png"
            assert int(enclosure.length) == item.image_size == default_storage.size(item.image.name)

    def test_an_image_whose_size_is_unknown_gives_no_enclosure(self, client):
        item = NewsItemFactory(published=True, image=png(), image_alt_en="The summit")
        NewsItem.objects.filter(pk=item.pk).update(image_size=None)
        for url in (reverse("news:feed_rss"), reverse("news:feed_atom")):
            (entry,) = parse(client, url).entries
            assert entry.enclosures == []

    def test_each_feed_holds_what_it_is_about(self, client, site):
        other = NewsItemFactory(published=True, title_en="About something else")
        for name, args in (
            ("section_feed", [site.section.slug]),
            ("person_feed", [site.person.slug]),
            ("event_feed", [site.event.slug]),
        ):
            for format in ("rss", "atom"):
                feed = parse(client, reverse(f"news:{name}_{format}", args=args))
                titles = [entry.title for entry in feed.entries]
                assert titles == [site.item.title_en], name
        assert other.title_en in [e.title for e in parse(client, "/news/feed/atom/").entries]

    def test_the_events_feed_lists_public_events_latest_announced_first(self, client):
        first = EventFactory(title_en="Council session", description_en="<p>Agenda.</p>")
        second = EventFactory(title_en="Visit to Minsk", city_en="Minsk")
        EventFactory(title_en="Closed meeting", is_public=False)
        for format in ("rss", "atom"):
            feed = parse(client, reverse(f"news:events_feed_{format}"))
            assert [e.title for e in feed.entries] == [second.title_en, first.title_en]
            entry = feed.entries[1]
            assert entry.link == f"http://testserver{first.get_absolute_url()}"
            assert "Moscow" in entry.summary
            assert entry.content[0].value.endswith("<p>Agenda.</p>")
            assert entry.id == (
                f"tag:press.example.org,{first.created_at.astimezone(datetime.UTC):%Y-%m-%d}"
                f":events/{first.pk}"
            )

    def test_the_russian_feeds_are_russian(self, client, site):
        with translation.override("ru"):
            item_url = site.item.get_absolute_url()
        response = client.get("/ru/news/feed/atom/")
        assert response["Content-Language"] == "ru"
        feed = feedparser.parse(response.content)
        assert feed.feed.language == "ru"
        assert feed.feed.title == "Организация Договора о коллективной безопасности — новости"
        (entry,) = feed.entries
        assert entry.title == site.item.title_ru
        assert entry.link == f"http://testserver{item_url}"
        assert entry.content[0].value.endswith(site.item.body_ru)
        person_feed = parse(client, f"/ru/people/{site.person.slug}/feed/rss/")
        assert person_feed.feed.title.startswith(f"Новости: {site.person.given_name_ru}")


class TestWhatNeverAppears:
    def test_drafts_scheduled_and_other_editions_never_appear(self, client, site):
        for state in ("draft", "scheduled"):
            NewsItemFactory(
                **{state: True},
                russian=True,
                section=site.section,
                people=[site.person],
                event=site.event,
                title_en=f"Not public: {state}",
                title_ru=f"Не опубликовано: {state}",
            )
        NewsItemFactory(
            published=True,
            section=site.section,
            people=[site.person],
            event=site.event,
            title_en="English only",
        )
        for language in ("en", "ru"):
            for url in every_feed(site.section, site.person, site.event, language):
                content = client.get(url).content.decode()
                assert "Not public" not in content and "Не опубликовано" not in content, url
                if language == "ru":
                    assert "English only" not in content, url
        assert "English only" in client.get("/news/feed/atom/").content.decode()

    def test_private_or_unknown_people_and_events_have_no_feed(self, client):
        hidden = PersonFactory(is_public=False)
        closed = EventFactory(is_public=False)
        english = PersonFactory()
        for url in (
            reverse("news:person_feed_rss", args=[hidden.slug]),
            reverse("news:event_feed_atom", args=[closed.slug]),
            reverse("news:person_feed_atom", args=["nobody"]),
            reverse("news:event_feed_rss", args=["no-such-event"]),
            f"/ru/people/{english.slug}/feed/rss/",  # not written in Russian
        ):
            assert client.get(url).status_code == 404, url
            # A conditional request for them is no 304 either.
            assert client.get(url, HTTP_IF_MODIFIED_SINCE=http_date()).status_code == 404, url

    def test_a_private_event_is_not_in_the_events_feed_nor_a_private_persons_news(self, client):
        closed = EventFactory(is_public=False, title_en="Closed consultations")
        content = client.get(reverse("news:events_feed_atom")).content.decode()
        assert "Closed consultations" not in content
        assert closed.slug not in content


class TestIds:
    def test_ids_are_tag_uris_that_survive_a_new_slug_section_and_host(self, client, settings):
        settings.PRESSCENTER_TAG_DOMAIN = "odkb.example.org"
        item = NewsItemFactory(published=True)
        created = item.created_at.astimezone(datetime.UTC).date().isoformat()
        expected = f"tag:odkb.example.org,{created}:news/{item.pk}"

        def ids():
            return [
                parse(client, reverse(name), HTTP_HOST="localhost").entries[0].id
                for name in ("news:feed_rss", "news:feed_atom")
            ]

        assert ids() == [expected, expected]
        item.slug = "renamed"
        item.section = SectionFactory()
        item.published_at -= datetime.timedelta(days=2)
        item.save()
        assert ids() == [expected, expected]

    def test_rss_guids_are_not_permalinks(self, client):
        NewsItemFactory(published=True)
        rss = ET.fromstring(client.get(reverse("news:feed_rss")).content)
        assert rss.find("channel/item/guid").get("isPermaLink") == "false"

    def test_feed_ids_name_the_edition_and_the_subject(self, client, site):
        def feed_id(url):
            return parse(client, url).feed.id

        prefix = "tag:press.example.org,2024-01-01:"
        section_url = reverse("news:section_feed_atom", args=[site.section.slug])
        person_url = reverse("news:person_feed_atom", args=[site.person.slug])
        event_url = reverse("news:event_feed_atom", args=[site.event.slug])
        assert feed_id("/news/feed/atom/") == f"{prefix}en/news"
        assert feed_id(section_url) == f"{prefix}en/news/sections/{site.section.pk}"
        assert feed_id(f"/ru{section_url}") == f"{prefix}ru/news/sections/{site.section.pk}"
        assert feed_id(person_url) == f"{prefix}en/news/people/{site.person.pk}"
        assert feed_id(event_url) == f"{prefix}en/news/events/{site.event.pk}"
        assert feed_id("/events/feed/atom/") == f"{prefix}en/events"


class TestConditionalRequests:
    def validators(self, client, url):
        response = client.get(url)
        assert response.status_code == 200
        return {
            "HTTP_IF_NONE_MATCH": response["ETag"],
            "HTTP_IF_MODIFIED_SINCE": response["Last-Modified"],
        }

    @pytest.mark.parametrize("header", ["HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE"])
    def test_a_repeat_gets_a_304_before_any_entry_is_read(
        self, client, site, header, django_assert_num_queries
    ):
        for url in every_feed(site.section, site.person, site.event):
            sent = self.validators(client, url)
            # The newest publication (and the section, person or event the feed is
            # about, which must exist): never the entries.
            queries = 1 if url.startswith(("/news/feed/", "/events/feed/")) else 2
            with django_assert_num_queries(queries):
                response = client.get(url, **{header: sent[header]})
            assert response.status_code == 304, url
            assert response["ETag"] == sent["HTTP_IF_NONE_MATCH"]

    def test_a_repeat_with_both_validators_gets_a_304(self, client, site):
        sent = self.validators(client, "/news/feed/rss/")
        assert client.get("/news/feed/rss/", **sent).status_code == 304

    @pytest.mark.parametrize(
        "change",
        [
            pytest.param(lambda site: site.item.delete(), id="deleted"),
            pytest.param(
                lambda site: NewsItem.objects.filter(pk=site.item.pk).update(status="draft"),
                id="unpublished",
            ),
            pytest.param(
                lambda site: Section.objects.filter(pk=site.section.pk).update(name_en="New"),
                id="section renamed",
            ),
            pytest.param(lambda site: NewsItemFactory(published=True), id="published"),
        ],
    )
    def test_any_change_answers_in_full(self, client, site, change):
        url = reverse("news:section_feed_atom", args=[site.section.slug])
        sent = self.validators(client, url)
        with time_machine.travel(timezone.now() + datetime.timedelta(seconds=2)):
            change(site)
            for header, value in sent.items():
                assert client.get(url, **{header: value}).status_code == 200, header

    def test_a_scheduled_item_going_live_answers_in_full(self, client, site):
        NewsItemFactory(
            status=NewsItem.Status.PUBLISHED,
            published_at=timezone.now() + datetime.timedelta(hours=1),
            title_en="Due in an hour",
        )
        sent = self.validators(client, "/news/feed/atom/")
        assert client.get("/news/feed/atom/", **sent).status_code == 304
        with time_machine.travel(timezone.now() + datetime.timedelta(hours=2)):
            response = client.get("/news/feed/atom/", **sent)
            assert response.status_code == 200
            assert "Due in an hour" in response.content.decode()

    def test_an_emptied_cache_never_gives_a_false_304(self, client, site):
        sent = self.validators(client, "/news/feed/atom/")
        cache.clear()
        with time_machine.travel(timezone.now() + datetime.timedelta(seconds=2)):
            response = client.get("/news/feed/atom/", HTTP_IF_NONE_MATCH=sent["HTTP_IF_NONE_MATCH"])
        assert response.status_code == 200

    def test_the_page_cache_keeps_the_feeds_validators(self, client, site, settings):
        settings.PAGE_CACHE_SECONDS = 600
        first = client.get("/news/feed/atom/")
        stored = client.get("/news/feed/atom/")
        assert stored["X-Page-Cache"] == "hit"
        assert stored["ETag"] == first["ETag"] and stored["ETag"].startswith('W/"')
        assert stored["Last-Modified"] == first["Last-Modified"]
        again = client.get("/news/feed/atom/", HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304


class TestQueries:
    def test_feeds_read_a_fixed_number_of_rows_whatever_the_archive(
        self, client, site, django_assert_num_queries
    ):
        # The newest publication, then the entries; the section, person or event first.
        urls = every_feed(site.section, site.person, site.event)
        expected = [2 if url.startswith(("/news/feed/", "/events/feed/")) else 3 for url in urls]
        for url, queries in zip(urls, expected, strict=True):
            with django_assert_num_queries(queries):
                client.get(url)
        NewsItemFactory.create_batch(
            5, published=True, section=site.section, people=[site.person], event=site.event
        )
        EventFactory.create_batch(3)
        for url, queries in zip(urls, expected, strict=True):
            with django_assert_num_queries(queries):
                client.get(url)


class TestSubscribeLinks:
    """Every list page, and the person and event pages, show their feed to subscribe to
    and announce it in <head>."""

    def pages(self, site, language="en"):
        with translation.override(language):
            return [
                (reverse("news:list"), "news:feed", []),
                (site.section.get_absolute_url(), "news:section_feed", [site.section.slug]),
                (reverse("news:event_list"), "news:events_feed", []),
                (site.event.get_absolute_url(), "news:event_feed", [site.event.slug]),
                (site.person.get_absolute_url(), "news:person_feed", [site.person.slug]),
            ]

    @pytest.mark.parametrize("language", ["en", "ru"])
    def test_visible_and_announced(self, client, site, language):
        label = {"en": "Subscribe:", "ru": "Подписка:"}[language]
        for page, feed, args in self.pages(site, language):
            with translation.override(language):
                rss = reverse(f"{feed}_rss", args=args)
                atom = reverse(f"{feed}_atom", args=args)
            html = client.get(page).content.decode()
            head, body = html.split("</head>")
            (links,) = re.findall(r'<span class="feed-links">(.*?</a>)</span>', body)
            assert links.startswith(f"{label} "), page
            assert links.endswith(
                f'<a href="{rss}" type="application/rss+xml">RSS</a> '
                '<span aria-hidden="true">·</span> '
                f'<a href="{atom}" type="application/atom+xml">Atom</a>'
            ), page
            assert 'type="application/rss+xml" title="' in head
            assert f'href="{rss}"' in head and f'href="{atom}"' in head, page
            assert client.get(rss).status_code == 200 and client.get(atom).status_code == 200
