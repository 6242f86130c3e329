"""Site-wide pages: home, health check, robots, sitemap, feeds, errors."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from news.sitemaps import NewsSitemap
from tests.factories import (
    ContactFactory,
    EventFactory,
    NewsItemFactory,
    PersonFactory,
    PositionFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


class TestHome:
    def test_shows_latest_news_events_leadership_and_contacts(self, client):
        lead, *rest = NewsItemFactory.create_batch(3, published=True)
        NewsItemFactory(draft=True, title_en="Draft on the home page")
        event = EventFactory(title_en="Presentation of the Secretary General")
        person = PositionFactory().person
        ContactFactory(label_en="Press Secretary", value="+7495-621-33-23", in_footer=True)
        response = client.get(reverse("home"))
        html = response.content.decode()
        for item in (lead, *rest):
            assert item.title_en in html
        assert "Draft on the home page" not in html
        assert event.title_en in html
        assert person.get_absolute_url() in html
        assert "+7 495 621-33-23" in html

    def test_empty_site_renders(self, client):
        response = client.get(reverse("home"))
        assert response.status_code == 200
        assert "No news has been published yet." in response.content.decode()

    def test_queries_are_constant(self, client, django_assert_num_queries):
        NewsItemFactory.create_batch(3, published=True)
        EventFactory.create_batch(2)
        PositionFactory.create_batch(2)
        ContactFactory(in_footer=True)
        # Latest news, upcoming events, leadership, their positions, footer contacts.
        with django_assert_num_queries(5):
            client.get(reverse("home"))
        NewsItemFactory.create_batch(20, published=True)
        EventFactory.create_batch(10)
        PositionFactory.create_batch(10)
        with django_assert_num_queries(5):
            client.get(reverse("home"))

    def test_upcoming_events_else_recent_ones(self, client):
        past = EventFactory(
            title_en="A session that took place",
            start=timezone.now() - datetime.timedelta(days=3),
        )
        response = client.get(reverse("home"))
        assert response.context["events"] == [past]
        assert "Recent events" in response.content.decode()

        upcoming = EventFactory(title_en="A session to come")
        response = client.get(reverse("home"))
        html = response.content.decode()
        assert response.context["events"] == [upcoming]
        assert "Upcoming events" in html and past.title_en not in html

    def test_queries_without_upcoming_events(self, client, django_assert_num_queries):
        NewsItemFactory.create_batch(3, published=True)
        EventFactory.create_batch(2, start=timezone.now() - datetime.timedelta(days=3))
        PositionFactory.create_batch(2)
        ContactFactory(in_footer=True)
        # As above, and the recent events that stand in for the upcoming ones.
        with django_assert_num_queries(6):
            client.get(reverse("home"))


def test_healthz_reports_the_database_and_the_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


class TestSitemap:
    @pytest.fixture(autouse=True)
    def fresh_cache(self):
        cache.clear()

    def test_index_names_every_page_of_every_sitemap(self, client, monkeypatch):
        monkeypatch.setattr(NewsSitemap, "limit", 2)
        NewsItemFactory.create_batch(3, published=True, russian=True)  # 6 entries, 3 pages
        root = ET.fromstring(client.get("/sitemap.xml").content)
        locs = [el.text for el in root.findall("s:sitemap/s:loc", SITEMAP_NS)]
        assert "http://testserver/sitemap-news.xml?p=3" in locs
        assert "http://testserver/sitemap-people.xml" in locs
        for loc in locs:
            assert client.get(loc.removeprefix("http://testserver")).status_code == 200, loc
        assert client.get("/sitemap-news.xml?p=4").status_code == 404

    def test_lists_published_items_in_their_languages_only(self, client):
        both = NewsItemFactory(published=True, russian=True)
        english = NewsItemFactory(published=True)
        draft = NewsItemFactory(draft=True, russian=True)
        scheduled = NewsItemFactory(scheduled=True)
        response = client.get("/sitemap-news.xml")
        assert response.status_code == 200
        root = ET.fromstring(response.content)
        locs = [el.text for el in root.findall("s:url/s:loc", SITEMAP_NS)]
        path = f"/news/{both.section.slug}/{both.slug}/"
        assert f"http://testserver{path}" in locs
        assert f"http://testserver/ru{path}" in locs
        english_path = f"/news/{english.section.slug}/{english.slug}/"
        assert f"http://testserver{english_path}" in locs
        assert f"http://testserver/ru{english_path}" not in locs
        assert not any(draft.slug in loc or scheduled.slug in loc for loc in locs)
        assert 'hreflang="ru"' in response.content.decode()

    def test_private_people_and_events_are_absent(self, client):
        PersonFactory(is_public=False, slug="hidden-person")
        EventFactory(is_public=False, slug="closed-session")
        content = "".join(
            client.get(f"/sitemap-{name}.xml").content.decode() for name in ("people", "events")
        )
        assert "hidden-person" not in content
        assert "closed-session" not in content


class TestFeeds:
    def test_rss_and_atom_list_published_items(self, client):
        live = NewsItemFactory(published=True, title_en="Live in the feed")
        NewsItemFactory(scheduled=True, title_en="Not yet in the feed")
        for name in ("news:feed_rss", "news:feed_atom"):
            response = client.get(reverse(name))
            assert response.status_code == 200
            content = response.content.decode()
            assert live.title_en in content
            assert "Not yet in the feed" not in content
            ET.fromstring(response.content)

    def test_section_feed_lists_only_that_section(self, client):
        section = SectionFactory()
        mine = NewsItemFactory(published=True, section=section)
        other = NewsItemFactory(published=True)
        content = client.get(
            reverse("news:section_feed_atom", args=[section.slug])
        ).content.decode()
        assert mine.title_en in content
        assert other.title_en not in content
        assert client.get("/news/no-such-section/feed/rss/").status_code == 404

    def test_feeds_are_announced_in_the_head(self, client):
        html = client.get(reverse("home")).content.decode()
        head = html[: html.index("</head>")]
        assert 'type="application/rss+xml"' in head
        assert 'type="application/atom+xml"' in head


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_a_foreign_host_header_is_a_400_not_a_500(client):
    response = client.get("/news/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "Bad request" in response.content.decode()
