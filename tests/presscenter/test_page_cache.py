"""The anonymous page cache: served before sessions, retired by every change, bounded
by the next scheduled change, never read or filled by staff."""

import datetime
import os
import subprocess
import sys

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from news.models import NewsItem, Section
from people.models import Contact
from tests.factories import (
    ContactFactory,
    EventFactory,
    NewsItemFactory,
    PersonFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


def get(client, url, **extra):
    return client.get(url, **extra)


def run_action(client, action, *items):
    return client.post(
        reverse("admin:news_newsitem_changelist"),
        {"action": action, "_selected_action": [item.pk for item in items]},
    )


def test_a_second_anonymous_request_is_a_hit_without_queries(client, django_assert_num_queries):
    item = NewsItemFactory(published=True)
    first = client.get(item.get_absolute_url())
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(item.get_absolute_url())
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Cookie" not in second.get("Vary", "")


@pytest.mark.parametrize(
    "url", ["/", "/news/", "/ru/news/", "/events/", "/people/", "/press/contacts/",
            "/news/feed/atom/", "/sitemap.xml", "/sitemap-news.xml", "/events/calendar.ics"]
)  # fmt: skip
def test_public_pages_are_stored(client, url):
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"


def test_staff_neither_read_nor_fill_the_cache(client, admin_user):
    item = NewsItemFactory(published=True)
    url = item.get_absolute_url()
    client.get(url)  # stored for visitors
    client.force_login(admin_user)
    assert "X-Page-Cache" not in client.get(url)
    client.logout()
    cache.clear()
    client.force_login(admin_user)
    client.get(url)
    client.logout()
    assert client.get(url)["X-Page-Cache"] == "miss"


def test_a_repeat_with_the_etag_or_the_date_gets_a_304(client):
    client.get("/news/")
    stored = client.get("/news/")
    assert stored["ETag"] and stored["Last-Modified"]
    assert client.get("/news/", HTTP_IF_NONE_MATCH=stored["ETag"]).status_code == 304
    again = client.get("/news/", HTTP_IF_MODIFIED_SINCE=stored["Last-Modified"])
    assert again.status_code == 304


def test_responses_vary_on_nothing_the_url_does_not_say(client):
    response = client.get("/ru/news/")
    assert "Accept-Language" not in response.get("Vary", "")
    assert response["Cache-Control"] == "public, no-cache"


def assert_retired_and_fresh(client, url, expected, absent=None):
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss", "the stored page outlived the change"
    html = response.content.decode()
    assert expected in html
    if absent:
        assert absent not in html


class TestEveryChangeRetiresStoredPages:
    def test_save(self, client):
        item = NewsItemFactory(published=True, title_en="Before")
        client.get("/news/")
        item.title_en = "After"
        item.save()
        assert_retired_and_fresh(client, "/news/", "After", "Before")

    def test_delete(self, client):
        item = NewsItemFactory(published=True, title_en="Deleted soon")
        keep = NewsItemFactory(published=True, title_en="Still here")
        client.get("/news/")
        item.delete()
        assert_retired_and_fresh(client, "/news/", keep.title_en, "Deleted soon")

    def test_queryset_update(self, client):
        NewsItemFactory(published=True, title_en="Quiet")
        client.get("/news/")
        NewsItem.objects.update(title_en="Loud")
        assert_retired_and_fresh(client, "/news/", "Loud", "Quiet")

    def test_bulk_create(self, client):
        section = SectionFactory()
        client.get("/news/")
        NewsItem.objects.bulk_create(
            [
                NewsItem(
                    section=section,
                    slug="bulk",
                    title_en="Arrived in bulk",
                    status=NewsItem.Status.PUBLISHED,
                    published_at=timezone.now(),
                )
            ]
        )
        assert_retired_and_fresh(client, "/news/", "Arrived in bulk")

    def test_admin_publish_now(self, client, admin_client):
        draft = NewsItemFactory(draft=True, title_en="Published from the list")
        client.get("/news/")
        run_action(admin_client, "publish_now", draft)
        assert_retired_and_fresh(client, "/news/", "Published from the list")

    def test_admin_return_to_draft_takes_it_out_of_the_sitemap_and_feed(self, client, admin_client):
        item = NewsItemFactory(published=True)
        for url in ("/sitemap-news.xml", "/news/feed/rss/"):
            assert item.slug in client.get(url).content.decode()
        run_action(admin_client, "return_to_draft", item)
        for url in ("/sitemap-news.xml", "/news/feed/rss/"):
            response = client.get(url)
            assert response["X-Page-Cache"] == "miss"
            assert item.slug not in response.content.decode()

    def test_many_to_many(self, client):
        item = NewsItemFactory(published=True)
        person = PersonFactory(family_name_en="Zaynetdinov")
        url = item.get_absolute_url()
        client.get(url)
        item.people.add(person)
        assert_retired_and_fresh(client, url, "Zaynetdinov")

    def test_section_person_and_event(self, client):
        section = SectionFactory(name_en="Old name")
        NewsItemFactory(published=True, section=section)
        client.get("/news/")
        Section.objects.filter(pk=section.pk).update(name_en="New name")
        assert_retired_and_fresh(client, "/news/", "New name", "Old name")
        EventFactory(title_en="Freshly announced")
        assert_retired_and_fresh(client, "/events/", "Freshly announced")

    def test_footer_contacts(self, client):
        contact = ContactFactory(in_footer=True, value="+7 495 000-00-00")
        client.get("/people/")
        Contact.objects.filter(pk=contact.pk).update(value="+7 495 621-33-23")
        assert_retired_and_fresh(client, "/people/", "+7 495 621-33-23", "000-00-00")


def test_a_scheduled_item_appears_at_its_time_behind_the_cache(client):
    start = timezone.now().replace(microsecond=0)
    with time_machine.travel(start, tick=False):
        NewsItemFactory(
            status=NewsItem.Status.PUBLISHED,
            published_at=start + datetime.timedelta(minutes=3),
            title_en="Embargo lifts at three minutes",
        )
        assert "Embargo lifts" not in client.get("/news/").content.decode()
        assert client.get("/news/")["X-Page-Cache"] == "hit"
    with time_machine.travel(start + datetime.timedelta(minutes=3, seconds=1), tick=False):
        response = client.get("/news/")
        assert response["X-Page-Cache"] == "miss"
        assert "Embargo lifts" in response.content.decode()


def test_an_event_moves_from_upcoming_to_past_behind_the_cache(client):
    start = timezone.now().replace(microsecond=0)
    with time_machine.travel(start, tick=False):
        EventFactory(
            title_en="Short briefing",
            start=start + datetime.timedelta(minutes=1),
            end=start + datetime.timedelta(minutes=2),
        )
        client.get("/events/")
        assert client.get("/events/")["X-Page-Cache"] == "hit"
    with time_machine.travel(start + datetime.timedelta(minutes=2, seconds=1), tick=False):
        assert client.get("/events/")["X-Page-Cache"] == "miss"


# A database of its own on the local Redis: the test flushes it at the end.
REDIS_URL = "redis://127.0.0.1:6379/15"


def redis_is_up():
    try:
        import redis

        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping()
    except Exception:
        return False


@pytest.mark.skipif(not redis_is_up(), reason="Redis is not running")
def test_a_change_in_another_process_retires_pages_here(client, settings, tmp_path):
    prefix = f"test-{os.getpid()}-{tmp_path.name}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    client.get("/people/")
    assert client.get("/people/")["X-Page-Cache"] == "hit"
    other_process = (
        "import django; django.setup();"
        "from presscenter.page_cache import retire_stored_pages; retire_stored_pages()"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "presscenter.settings",
        "REDIS_URL": REDIS_URL,
        "PRESSCENTER_CACHE_KEY_PREFIX": prefix,
    }
    subprocess.run([sys.executable, "-c", other_process], env=env, check=True)
    try:
        assert client.get("/people/")["X-Page-Cache"] == "miss"
    finally:
        from django.core.cache import caches

        caches["default"].clear()


class TestSharedFragments:
    """The footer and the unfiltered news filters are kept under the page generation,
    so even a page rendered afresh (for staff, or a page not stored yet) reuses them."""

    def test_the_footer_is_rendered_once_per_generation(self, client, admin_user):
        ContactFactory(in_footer=True, value="+7 495 621-33-23")
        client.force_login(admin_user)  # staff bypass the page cache, not the fragments
        first = client.get("/people/").content.decode()
        assert "+7 495 621-33-23" in first
        Contact.objects.update(value="+7 495 000-00-00")
        second = client.get("/people/").content.decode()
        assert "+7 495 000-00-00" in second

    def test_fragments_save_their_queries(self, client, admin_user, django_assert_num_queries):
        ContactFactory(in_footer=True)
        EventFactory.create_batch(3)
        NewsItemFactory(published=True)
        client.force_login(admin_user)
        client.get("/news/")
        # The capped count and the page; nothing for the filters' menus or the footer
        # (six queries without the fragments), and the public page reads no session.
        with django_assert_num_queries(2):
            client.get("/news/")
