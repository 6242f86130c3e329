"""The sitemaps paginated in SQL (core/sitemaps.py): entries per edition, alternates,
page boundaries, query counts, and the hand-written urlset template."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone, translation

from core.sitemaps import URLSET_TEMPLATE, PathTemplate
from news.models import NewsItem
from news.sitemaps import EventSitemap, NewsSitemap, SectionSitemap
from people.sitemaps import PersonSitemap
from tests.factories import EventFactory, NewsItemFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
HOST = "http://testserver"


def entries(client, url):
    """{loc: {hreflang: href}} of one sitemap page."""
    response = client.get(url)
    assert response.status_code == 200, url
    root = ET.fromstring(response.content)
    return {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def index_locs(client):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    return [el.text.removeprefix(HOST) for el in root.findall("s:sitemap/s:loc", NS)]


def news_path(item):
    return f"/news/{item.section.slug}/{item.slug}/"


class TestEntries:
    def test_one_entry_per_edition_with_true_translations_as_alternates(self, client):
        both = NewsItemFactory(published=True, russian=True)
        english = NewsItemFactory(published=True)
        russian = NewsItemFactory(published=True, title_en="", title_ru="Только по-русски")
        found = entries(client, "/sitemap-news.xml")
        assert len(found) == 4
        path = news_path(both)
        alternates = {"en": HOST + path, "ru": f"{HOST}/ru{path}", "x-default": HOST + path}
        assert found[HOST + path] == alternates
        assert found[f"{HOST}/ru{path}"] == alternates
        path = news_path(english)
        assert found[HOST + path] == {"en": HOST + path, "x-default": HOST + path}
        path = news_path(russian)
        # Not in the default edition: no x-default either.
        assert found[f"{HOST}/ru{path}"] == {"ru": f"{HOST}/ru{path}"}

    def test_drafts_scheduled_and_items_in_review_are_absent(self, client):
        live = NewsItemFactory(published=True, russian=True)
        hidden = [
            NewsItemFactory(draft=True, russian=True),
            NewsItemFactory(scheduled=True, russian=True),
            NewsItemFactory(status=NewsItem.Status.IN_REVIEW, published_at=timezone.now()),
        ]
        body = client.get("/sitemap-news.xml").content.decode()
        assert live.slug in body
        for item in hidden:
            assert item.slug not in body

    def test_lastmod_is_the_later_of_edit_and_publication(self, client):
        now = timezone.now()
        edited, scheduled_then_live = NewsItemFactory.create_batch(2, published=True)
        NewsItem.objects.filter(pk=edited.pk).update(
            published_at=now - datetime.timedelta(days=5),
            updated_at=now - datetime.timedelta(days=2),
        )
        NewsItem.objects.filter(pk=scheduled_then_live.pk).update(
            published_at=now - datetime.timedelta(hours=1),
            updated_at=now - datetime.timedelta(days=9),
        )
        root = ET.fromstring(client.get("/sitemap-news.xml").content)
        lastmods = {
            url.find("s:loc", NS).text: url.find("s:lastmod", NS).text
            for url in root.findall("s:url", NS)
        }
        day = timezone.localdate(now - datetime.timedelta(days=2)).isoformat()
        assert lastmods[HOST + news_path(edited)] == day
        day = timezone.localdate(now - datetime.timedelta(hours=1)).isoformat()
        assert lastmods[HOST + news_path(scheduled_then_live)] == day

    def test_index_lastmod_is_the_newest_live_change(self, client):
        item = NewsItemFactory(published=True)
        NewsItemFactory(scheduled=True)  # later, but not live: it must not count
        root = ET.fromstring(client.get("/sitemap.xml").content)
        lastmods = {
            el.findtext("s:loc", namespaces=NS): el.findtext("s:lastmod", namespaces=NS)
            for el in root.findall("s:sitemap", NS)
        }
        item.refresh_from_db()
        newest = max(item.updated_at, item.published_at)
        assert datetime.datetime.fromisoformat(lastmods[f"{HOST}/sitemap-news.xml"]) == newest

    def test_sections_events_and_people_follow_the_same_rule(self, client):
        section = SectionFactory(russian=True)
        event = EventFactory()  # English only
        person = PersonFactory(russian=True)
        sections = entries(client, "/sitemap-sections.xml")
        assert f"{HOST}/ru/news/{section.slug}/" in sections
        events = entries(client, "/sitemap-events.xml")
        assert list(events) == [f"{HOST}/events/{event.slug}/"]
        people = entries(client, "/sitemap-people.xml")
        assert set(people) == {f"{HOST}/people/{person.slug}/", f"{HOST}/ru/people/{person.slug}/"}


class TestPages:
    @pytest.fixture
    def two_per_page(self, monkeypatch):
        """Pages of two entries: one object in two editions."""
        monkeypatch.setattr(NewsSitemap, "limit", 2)

    def test_every_entry_on_exactly_one_page(self, client, two_per_page):
        items = NewsItemFactory.create_batch(3, published=True, russian=True)
        english = NewsItemFactory(published=True)
        pages = [loc for loc in index_locs(client) if loc.startswith("/sitemap-news.xml")]
        assert pages == ["/sitemap-news.xml", *(f"/sitemap-news.xml?p={n}" for n in (2, 3, 4))]
        seen = []
        for page in pages:
            found = entries(client, page)
            assert len(found) <= 2
            seen.extend(found)
        expected = [HOST + news_path(item) for item in (*items, english)]
        expected += [f"{HOST}/ru{news_path(item)}" for item in items]
        assert sorted(seen) == sorted(expected)

    def test_pages_past_the_last_and_bad_numbers_are_404(self, client, two_per_page):
        NewsItemFactory.create_batch(2, published=True, russian=True)
        assert client.get("/sitemap-news.xml?p=2").status_code == 200
        for page in ("3", "0", "-1", "abc"):
            assert client.get(f"/sitemap-news.xml?p={page}").status_code == 404, page

    def test_a_page_left_without_public_items_is_empty_not_missing(self, client, two_per_page):
        first, middle, last = NewsItemFactory.create_batch(3, published=True, russian=True)
        middle.status = NewsItem.Status.DRAFT
        middle.save()
        assert len(index_locs(client)) == 3 + 4  # three news pages, four other sitemaps
        assert entries(client, "/sitemap-news.xml?p=2") == {}
        assert HOST + news_path(last) in entries(client, "/sitemap-news.xml?p=3")

    def test_pages_are_fixed_blocks_of_keys(self, client, monkeypatch):
        monkeypatch.setattr(NewsSitemap, "limit", 8)  # four items a page
        items = NewsItemFactory.create_batch(10, published=True)

        def page_of():
            pages = {}
            for loc in index_locs(client):
                if loc.startswith("/sitemap-news.xml"):
                    for found in entries(client, loc):
                        pages[found] = loc
            return pages

        before = page_of()
        assert len(set(before.values())) in (3, 4)  # ten items, four a page, anywhere in a block
        # An item that goes moves no other item to another page.
        gone = items[5]
        gone.delete()
        assert page_of() == {loc: page for loc, page in before.items() if gone.slug not in loc}

    def test_empty_sitemap_is_one_empty_page(self, client):
        assert entries(client, "/sitemap-news.xml") == {}
        assert "/sitemap-news.xml" in index_locs(client)
        assert client.get("/sitemap-news.xml?p=2").status_code == 404


class TestQueries:
    @pytest.mark.parametrize(
        ("name", "make"),
        [
            ("news", lambda n: NewsItemFactory.create_batch(n, published=True, russian=True)),
            ("events", lambda n: EventFactory.create_batch(n, russian=True)),
            ("people", lambda n: PersonFactory.create_batch(n, russian=True)),
            ("sections", lambda n: SectionFactory.create_batch(n, russian=True)),
        ],
    )
    def test_a_page_costs_two_queries_at_any_size(
        self, client, django_assert_num_queries, name, make
    ):
        # The first and last public keys, then the page's entries.
        make(2)
        with django_assert_num_queries(2):
            client.get(f"/sitemap-{name}.xml")
        make(15)
        with django_assert_num_queries(2):
            client.get(f"/sitemap-{name}.xml")

    def test_the_index_costs_a_fixed_number_of_queries(self, client, django_assert_num_queries):
        # Per sitemap: the first and last keys; and the newest lastmod where there is one
        # (news, events, people).
        NewsItemFactory.create_batch(2, published=True, russian=True)
        with django_assert_num_queries(7):
            client.get("/sitemap.xml")
        NewsItemFactory.create_batch(10, published=True, russian=True)
        EventFactory.create_batch(5)
        PersonFactory.create_batch(5)
        with django_assert_num_queries(7):
            client.get("/sitemap.xml")


class TestRendering:
    def test_the_urlset_template_writes_what_djangos_template_writes(self):
        moment = timezone.make_aware(datetime.datetime(2025, 3, 1, 22, 30), datetime.UTC)
        urlset = [
            {
                "location": "http://testserver/news/a/b/?q=1&x=<y>\"'",
                "lastmod": moment,  # 2 March in Moscow
                "changefreq": "monthly",
                "priority": "0.8",
                "alternates": [
                    {"location": "http://testserver/news/a/b/", "lang_code": "en"},
                    {"location": "http://testserver/ru/news/a/b/", "lang_code": "ru"},
                    {"location": "http://testserver/news/a/b/", "lang_code": "x-default"},
                ],
            },
            {
                "location": "http://testserver/",
                "lastmod": datetime.date(2024, 1, 5),
                "changefreq": None,
                "priority": "",
                "alternates": [],
            },
            {"location": "http://testserver/x/", "lastmod": None, "priority": "0.5"},
        ]
        for urls in (urlset, []):
            expected = get_template("sitemap.xml").render({"urlset": urls})
            assert URLSET_TEMPLATE.render({"urlset": urls}) == expected
        assert "<lastmod>2025-03-02</lastmod>" in URLSET_TEMPLATE.render({"urlset": urlset})

    def test_paths_are_what_reverse_gives_in_each_edition(self):
        paths = PathTemplate("news:detail", {"section": "section__slug", "slug": "slug"})
        row = {"section__slug": "secretary-general", "slug": "a_b-c9"}
        for code in ("en", "ru"):
            with translation.override(code):
                expected = reverse(
                    "news:detail", kwargs={"section": row["section__slug"], "slug": row["slug"]}
                )
            assert paths.fill(code, row) == expected

    @pytest.mark.parametrize("sitemap", [NewsSitemap, SectionSitemap, EventSitemap, PersonSitemap])
    def test_locations_match_the_objects_own_urls(self, sitemap):
        NewsItemFactory(published=True, russian=True)
        EventFactory(russian=True)
        PersonFactory(russian=True)
        site = sitemap()
        model = site.model
        for row, code in site.paginator.page(1).object_list:
            with translation.override(code):
                assert (
                    site._location((row, code))
                    == model.objects.get(pk=row["pk"]).get_absolute_url()
                )
