"""The admin's publishing actions take the same path as a form save."""

import datetime
import re

import pytest
import time_machine
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission, User
from django.urls import reverse
from django.utils import timezone

from core.changes import content_changed
from news.models import NewsItem
from tests.factories import NewsItemFactory

pytestmark = pytest.mark.django_db

FIVE_DAYS = datetime.timedelta(days=5)


def run_action(client, action, *items):
    return client.post(
        reverse("admin:news_newsitem_changelist"),
        {"action": action, "_selected_action": [item.pk for item in items]},
    )


def atom_entry(client, item):
    feed = client.get(reverse("news:feed_atom")).content.decode()
    entry = next(e for e in feed.split("<entry>")[1:] if item.get_absolute_url() in e)
    published = re.search(r"<published>(.*?)</published>", entry)[1]
    updated = re.search(r"<updated>(.*?)</updated>", entry)[1]
    return datetime.datetime.fromisoformat(published), datetime.datetime.fromisoformat(updated)


def sitemap_lastmod(client, item):
    body = client.get("/sitemap-news.xml").content.decode()
    url = next(u for u in body.split("<url>")[1:] if item.get_absolute_url() in u)
    return re.search(r"<lastmod>(.*?)</lastmod>", url)[1]


@pytest.fixture
def written_five_days_ago():
    with time_machine.travel(timezone.now() - FIVE_DAYS, tick=False):
        return NewsItemFactory(draft=True)


def test_publish_now_moves_updated_at_and_the_feed_and_sitemap_follow(
    admin_client, written_five_days_ago
):
    item = written_five_days_ago
    before = timezone.now()

    run_action(admin_client, "publish_now", item)

    item.refresh_from_db()
    assert item.updated_at >= before
    published, updated = atom_entry(admin_client, item)
    assert updated >= published
    assert updated >= before.replace(microsecond=0)
    assert sitemap_lastmod(admin_client, item) == timezone.localdate().isoformat()


def test_return_to_draft_moves_updated_at(admin_client):
    with time_machine.travel(timezone.now() - FIVE_DAYS, tick=False):
        item = NewsItemFactory(published=True)
    before = timezone.now()

    run_action(admin_client, "return_to_draft", item)

    item.refresh_from_db()
    assert item.status == NewsItem.Status.DRAFT
    assert item.updated_at >= before


@pytest.mark.parametrize("action", ["publish_now", "return_to_draft"])
def test_actions_send_the_change_signal_for_each_item(admin_client, action):
    start = "draft" if action == "publish_now" else "published"
    items = NewsItemFactory.create_batch(2, **{start: True})
    seen = []

    def record(sender, instances, **kwargs):
        seen.extend(instances or [])

    content_changed.connect(record)
    try:
        run_action(admin_client, action, *items)
    finally:
        content_changed.disconnect(record)

    assert {item.pk for item in seen} == {item.pk for item in items}


def test_actions_are_recorded_in_the_history(admin_client, admin_user):
    item = NewsItemFactory(draft=True)

    run_action(admin_client, "publish_now", item)

    entry = LogEntry.objects.get(object_id=str(item.pk))
    assert entry.user == admin_user
    assert entry.action_flag == 2  # CHANGE


def test_a_scheduled_item_is_never_updated_before_it_is_published(client):
    # Written and scheduled five days ago for an hour ago: untouched since.
    with time_machine.travel(timezone.now() - FIVE_DAYS, tick=False):
        item = NewsItemFactory(
            status=NewsItem.Status.PUBLISHED,
            published_at=timezone.now() + FIVE_DAYS - datetime.timedelta(hours=1),
        )

    published, updated = atom_entry(client, item)

    assert item.updated_at < item.published_at
    assert updated == published


def test_staff_without_the_change_permission_get_404_on_a_draft(client):
    reader = User.objects.create_user("reader", password="x", is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="view_newsitem"))
    draft = NewsItemFactory(draft=True)
    client.force_login(reader)

    assert client.get(draft.get_absolute_url()).status_code == 404
