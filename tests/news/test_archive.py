"""The news list at any size: a capped count, deep pages by key, short filter menus,
date filters as timestamp ranges."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from news import pagination
from news.models import NewsItem
from news.pagination import ArchivePaginator
from tests.factories import EventFactory, NewsItemFactory, SectionFactory

pytestmark = pytest.mark.django_db

MOSCOW = zoneinfo.ZoneInfo("Europe/Moscow")


@pytest.fixture
def small_count_limit(monkeypatch):
    monkeypatch.setattr(pagination, "COUNT_LIMIT", 5)


def titles(response):
    return [item.title_en for item in response.context["news_list"]]


class TestPaginator:
    def test_every_page_holds_what_a_plain_slice_holds(self, small_count_limit):
        NewsItemFactory.create_batch(47, published=True)
        queryset = NewsItem.objects.published()
        paginator = ArchivePaginator(queryset, 4)
        everything = list(queryset)
        for number in range(1, 13):
            page = paginator.page(number)
            assert list(page) == everything[(number - 1) * 4 : number * 4], number
            assert page.has_next() == (number < 12)

    def test_the_count_stops_at_the_limit(self, small_count_limit, django_assert_num_queries):
        NewsItemFactory.create_batch(9, published=True)
        paginator = ArchivePaginator(NewsItem.objects.published(), 2)
        with django_assert_num_queries(1) as captured:
            assert paginator.count == 6
        assert "LIMIT 6" in captured.captured_queries[0]["sql"]
        assert not paginator.count_is_exact

    def test_a_deep_page_reads_keys_first_in_one_query(self, django_assert_num_queries):
        NewsItemFactory.create_batch(25, published=True)
        paginator = ArchivePaginator(NewsItem.objects.published(), 2)
        with django_assert_num_queries(2) as captured:  # the capped count, the page
            page = paginator.page(12)
        assert len(page) == 2
        sql = captured.captured_queries[-1]["sql"]
        assert sql.count("SELECT") == 2  # the keys in a subquery, then the rows

    def test_page_links_without_a_total(self, small_count_limit):
        NewsItemFactory.create_batch(30, published=True)
        paginator = ArchivePaginator(NewsItem.objects.published(), 2)
        gap = paginator.ELLIPSIS
        assert paginator.page(1).page_links() == [1, 2, gap]
        assert paginator.page(8).page_links() == [1, 2, gap, 6, 7, 8, 9, gap]
        assert paginator.page(15).page_links() == [1, 2, gap, 13, 14, 15]


class TestListPage:
    def test_a_large_archive_says_more_than_and_still_pages(self, client, small_count_limit):
        NewsItemFactory.create_batch(30, published=True)
        response = client.get(reverse("news:list"))
        html = response.content.decode()
        assert "More than 5 items" in html
        assert "?page=2" in html
        deep = client.get(reverse("news:list"), {"page": "2"})
        assert len(deep.context["news_list"]) == 20 // 2 or len(deep.context["news_list"]) == 10

    def test_a_page_past_the_end_shows_the_first(self, client, small_count_limit):
        NewsItemFactory.create_batch(30, published=True)
        response = client.get(reverse("news:list"), {"page": "40"})
        assert response.status_code == 200
        assert response.context["page_obj"].number == 1

    def test_a_huge_page_number_is_not_a_500(self, client):
        NewsItemFactory(published=True)
        for page in ("99999999999999999999", "100001", "1" * 400):
            assert client.get(reverse("news:list"), {"page": page}).status_code == 200


class TestFilterMenus:
    def test_the_event_menu_offers_the_latest_and_the_chosen_one(self, client):
        start = timezone.now() - datetime.timedelta(days=400)
        events = [
            EventFactory(start=start + datetime.timedelta(days=n), title_en=f"Session {n:03}")
            for n in range(35)
        ]
        oldest = events[0]
        NewsItemFactory(published=True, event=oldest)
        html = client.get(reverse("news:list")).content.decode()
        assert html.count('value="session-') <= 30
        assert "Session 034" in html
        assert "Session 000" not in html
        response = client.get(reverse("news:list"), {"event": oldest.slug})
        assert f'<option value="{oldest.slug}" selected>' in response.content.decode()
        assert len(response.context["news_list"]) == 1

    def test_a_private_event_is_refused(self, client):
        private = EventFactory(is_public=False)
        response = client.get(reverse("news:list"), {"event": private.slug})
        assert response.context["filter"].form.errors


class TestDateFilters:
    def test_days_are_the_sites_days(self, client):
        section = SectionFactory()
        late = NewsItemFactory(
            published=True,
            section=section,
            title_en="Late on the 19th",
            published_at=datetime.datetime(2024, 7, 19, 23, 30, tzinfo=MOSCOW),
        )
        NewsItemFactory(
            published=True,
            section=section,
            title_en="Early on the 20th",
            published_at=datetime.datetime(2024, 7, 20, 0, 30, tzinfo=MOSCOW),
        )
        response = client.get(
            reverse("news:list"), {"date_from": "2024-07-19", "date_to": "2024-07-19"}
        )
        assert titles(response) == [late.title_en]

    @pytest.mark.parametrize(
        "params",
        [
            {"date_from": "0001-01-01"},
            {"date_to": "9999-12-31"},
            {"date_from": "0001-01-01", "date_to": "9999-12-31"},
        ],
    )
    def test_the_ends_of_the_calendar_are_not_a_500(self, client, params):
        NewsItemFactory(published=True, title_en="Any time")
        response = client.get(reverse("news:list"), params)
        assert response.status_code == 200
        assert titles(response) == ["Any time"]

    def test_the_date_filter_is_a_timestamp_range(self, client, django_assert_num_queries):
        NewsItemFactory(published=True)
        with django_assert_num_queries(6) as captured:
            client.get(reverse("news:list"), {"date_from": "2024-07-01", "date_to": "2024-07-31"})
        page_sql = " ".join(q["sql"] for q in captured.captured_queries)
        assert 'published_at" >= ' in page_sql or 'published_at" >=' in page_sql
        assert "::date" not in page_sql and "django_datetime_cast_date" not in page_sql
