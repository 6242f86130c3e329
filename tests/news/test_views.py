"""Public news and event pages: what they show, what they hide, how many queries."""

import datetime
import re

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import EventFactory, NewsItemFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db


def detail_url(item):
    return reverse("news:detail", kwargs={"section": item.section.slug, "slug": item.slug})


class TestNewsList:
    def test_shows_published_and_hides_drafts_scheduled_and_review(self, client):
        live = NewsItemFactory(published=True, title_en="Live item")
        NewsItemFactory(draft=True, title_en="Draft item")
        NewsItemFactory(scheduled=True, title_en="Scheduled item")
        NewsItemFactory(status="review", published_at=timezone.now(), title_en="Review item")
        response = client.get(reverse("news:list"))
        assert response.status_code == 200
        html = response.content.decode()
        assert live.title_en in html
        for hidden in ("Draft item", "Scheduled item", "Review item"):
            assert hidden not in html

    def test_paginates_and_a_bad_page_shows_a_real_page(self, client, settings):
        NewsItemFactory.create_batch(25, published=True)
        first = client.get(reverse("news:list"))
        assert len(first.context["news_list"]) == 20
        for page in ("2", "abc", "999", "-1", "1e9"):
            response = client.get(reverse("news:list"), {"page": page})
            assert response.status_code == 200, page
        assert len(client.get(reverse("news:list"), {"page": "2"}).context["news_list"]) == 5
        assert client.get(reverse("news:list"), {"page": "999"}).context["page_obj"].number == 2

    def test_pagination_links_keep_the_filters(self, client):
        section = SectionFactory()
        NewsItemFactory.create_batch(22, published=True, section=section)
        response = client.get(reverse("news:list"), {"section": section.slug})
        assert f"?section={section.slug}&amp;page=2" in response.content.decode()

    def test_filters_by_section_kind_person_event_and_dates(self, client):
        section, person, event = SectionFactory(), PersonFactory(), EventFactory()
        now = timezone.now()
        match = NewsItemFactory(
            published=True,
            section=section,
            kind="statement",
            people=[person],
            event=event,
            published_at=now - datetime.timedelta(days=3),
            title_en="The matching statement",
        )
        NewsItemFactory(published=True, title_en="Another item")
        NewsItemFactory(
            published=True,
            section=section,
            kind="statement",
            people=[person],
            event=event,
            published_at=now - datetime.timedelta(days=30),
            title_en="Too old",
        )
        day = (now - datetime.timedelta(days=5)).date().isoformat()
        response = client.get(
            reverse("news:list"),
            {
                "section": section.slug,
                "kind": "statement",
                "person": person.slug,
                "event": event.slug,
                "date_from": day,
                "date_to": now.date().isoformat(),
            },
        )
        assert response.status_code == 200
        assert list(response.context["news_list"]) == [match]

    def test_text_filter_searches_title_lead_and_body(self, client):
        NewsItemFactory(published=True, title_en="Graduates visit", body_en="<p>diplomacy</p>")
        NewsItemFactory(published=True, title_en="Something else")
        response = client.get(reverse("news:list"), {"q": "DIPLOMACY"})
        assert [i.title_en for i in response.context["news_list"]] == ["Graduates visit"]

    @pytest.mark.parametrize(
        "params",
        [
            {"kind": "zzz"},
            {"section": "no-such-section"},
            {"person": "nobody"},
            {"event": "<script>alert(1)</script>"},
            # PostgreSQL refuses a NUL in a query: the menu must not look it up.
            {"person": "\x00"},
            {"event": "a\x00b"},
            {"date_from": "2024-13-45"},
            {"date_to": "yesterday"},
            {"date_from": "2024-07-25", "date_to": "2024-07-01"},
            {"q": "x" * 500},
        ],
    )
    def test_bad_filter_values_give_a_form_error_not_a_500(self, client, params):
        NewsItemFactory(published=True)
        response = client.get(reverse("news:list"), params)
        assert response.status_code == 200
        html = response.content.decode()
        assert "alert--error" in html
        assert response.context["filter"].form.errors
        assert "<script>alert(1)</script>" not in html

    def test_odd_query_strings_do_not_break_the_page(self, client):
        response = client.get("/news/?section=&section=x&page=&kind=%00&q=%ff%fe")
        assert response.status_code == 200

    def test_number_of_queries_does_not_grow_with_items(self, client, django_assert_num_queries):
        NewsItemFactory.create_batch(3, published=True, people=[PersonFactory()])
        # Count, page, the filter form's section, person and event choices, footer contacts.
        with django_assert_num_queries(6):
            client.get(reverse("news:list"))
        NewsItemFactory.create_batch(30, published=True, section=SectionFactory())
        with django_assert_num_queries(6):
            client.get(reverse("news:list"))


class TestSectionPage:
    def test_lists_only_its_own_items(self, client):
        section = SectionFactory(description_en="Statements of the Secretariat.")
        mine = NewsItemFactory(published=True, section=section)
        other = NewsItemFactory(published=True)
        response = client.get(section.get_absolute_url())
        assert response.status_code == 200
        assert list(response.context["news_list"]) == [mine]
        html = response.content.decode()
        assert other.title_en not in html
        assert "Statements of the Secretariat." in html
        assert reverse("news:section_feed_rss", args=[section.slug]) in html

    def test_unknown_section_is_404(self, client):
        assert client.get("/news/no-such-section/").status_code == 404

    def test_number_of_queries_is_constant(self, client, django_assert_num_queries):
        section = SectionFactory()
        NewsItemFactory.create_batch(2, published=True, section=section)
        # Section, count, page, person and event choices, footer contacts.
        with django_assert_num_queries(6):
            client.get(section.get_absolute_url())
        NewsItemFactory.create_batch(25, published=True, section=section)
        with django_assert_num_queries(6):
            client.get(section.get_absolute_url())


class TestNewsDetail:
    def test_shows_the_item_with_its_people_event_and_section(self, client):
        person = PersonFactory(family_name_en="Tasmagambetov")
        event = EventFactory(title_en="UN Security Council debate")
        item = NewsItemFactory(published=True, people=[person], event=event)
        response = client.get(detail_url(item))
        assert response.status_code == 200
        html = response.content.decode()
        assert item.title_en in html
        assert person.get_absolute_url() in html
        assert event.get_absolute_url() in html
        assert item.section.get_absolute_url() in html

    @pytest.mark.parametrize("state", ["draft", "scheduled"])
    def test_unpublished_items_are_404_for_visitors(self, client, state):
        item = NewsItemFactory(**{state: True})
        assert client.get(detail_url(item)).status_code == 404

    def test_editors_preview_unpublished_items_uncached_at_a_staff_url(self, admin_client):
        item = NewsItemFactory(scheduled=True)
        assert admin_client.get(detail_url(item)).status_code == 404
        response = admin_client.get(reverse("admin:news_newsitem_preview", args=[item.pk]))
        assert response.status_code == 200
        html = response.content.decode()
        assert "Preview: this item is scheduled for" in html
        assert html.count("Moscow time") == 2  # the notice, and the item's own date line
        assert "no-cache" in response["Cache-Control"]

    def test_the_preview_shows_the_russian_edition(self, admin_client):
        item = NewsItemFactory(draft=True, russian=True)
        url = reverse("admin:news_newsitem_preview", args=[item.pk])
        html = admin_client.get(url, {"language": "ru"}).content.decode()
        assert item.title_ru in html
        assert '<html lang="ru">' in html

    def test_the_preview_needs_the_change_permission(self, client):
        reader = User.objects.create_user("reader", password="x", is_staff=True)
        reader.user_permissions.add(Permission.objects.get(codename="view_newsitem"))
        item = NewsItemFactory(draft=True)
        client.force_login(reader)
        response = client.get(reverse("admin:news_newsitem_preview", args=[item.pk]))
        assert response.status_code == 403

    def test_public_item_pages_do_not_vary_on_cookies_or_languages(self, client, admin_user):
        item = NewsItemFactory(published=True)
        client.force_login(admin_user)
        response = client.get(detail_url(item))
        vary = response.get("Vary", "").lower()
        assert "cookie" not in vary
        assert "accept-language" not in vary

    def test_private_person_and_private_event_are_not_shown(self, client):
        hidden = PersonFactory(is_public=False, family_name_en="Hiddenov")
        event = EventFactory(is_public=False, title_en="Closed session")
        item = NewsItemFactory(published=True, people=[hidden], event=event)
        html = client.get(detail_url(item)).content.decode()
        assert "Hiddenov" not in html
        assert "Closed session" not in html

    def test_wrong_section_in_the_address_redirects_to_the_right_one(self, client):
        item = NewsItemFactory(published=True)
        other = SectionFactory()
        response = client.get(
            reverse("news:detail", kwargs={"section": other.slug, "slug": item.slug})
        )
        assert response.status_code == 301
        assert response["Location"] == detail_url(item)

    def test_body_is_sanitised_html(self, client):
        item = NewsItemFactory(
            published=True, body_en='<p onclick="x()">Text</p><script>alert(1)</script>'
        )
        html = client.get(detail_url(item)).content.decode()
        assert "<p>Text</p>" in html
        assert "alert(1)" not in html
        assert "onclick" not in html

    def test_number_of_queries_is_constant(self, client, django_assert_num_queries):
        section = SectionFactory()
        people = PersonFactory.create_batch(2)
        event = EventFactory()
        item = NewsItemFactory(published=True, section=section, people=people, event=event)
        NewsItemFactory.create_batch(2, published=True, section=section)
        NewsItemFactory.create_batch(2, published=True, people=people[:1])
        # Item, event, people, gallery, attachments, news about the same people or
        # event, more in the section, footer contacts.
        with django_assert_num_queries(8):
            client.get(detail_url(item))
        item.people.add(*PersonFactory.create_batch(5))
        NewsItemFactory.create_batch(10, published=True, section=section)
        NewsItemFactory.create_batch(10, published=True, people=people, event=event)
        with django_assert_num_queries(8):
            client.get(detail_url(item))


class TestRelatedNews:
    """Under an item: other news about the same people or the same event, then more
    from its section, never the item itself, never twice."""

    @pytest.fixture
    def item(self):
        self.person, self.event = PersonFactory(russian=True), EventFactory(russian=True)
        return NewsItemFactory(published=True, russian=True, people=[self.person], event=self.event)

    def older(self, hours, **kwargs):
        moment = timezone.now() - datetime.timedelta(hours=hours)
        return NewsItemFactory(published=True, published_at=moment, **kwargs)

    def test_news_about_the_same_people_or_event_newest_first(self, client, item):
        about_person = self.older(2, people=[self.person])
        about_event = self.older(3, event=self.event)
        about_both = self.older(4, people=[self.person, PersonFactory()], event=self.event)
        self.older(1, people=[PersonFactory()])  # someone else
        NewsItemFactory(draft=True, people=[self.person])
        NewsItemFactory(scheduled=True, event=self.event)
        response = client.get(detail_url(item))
        assert response.context["related_news"] == [about_person, about_event, about_both]
        html = response.content.decode()
        assert "Related news" in html
        assert html.count(about_both.get_absolute_url()) == 1

    def test_a_handful_at_most_and_not_repeated_in_the_section_block(self, client, item):
        about = [self.older(n, people=[self.person], section=item.section) for n in range(2, 8)]
        response = client.get(detail_url(item))
        assert response.context["related_news"] == about[:4]
        assert list(response.context["section_news"]) == about[4:]

    def test_only_the_editions_own_items(self, client, item):
        both = self.older(2, people=[self.person], russian=True)
        self.older(1, people=[self.person], title_en="English only")
        with translation.override("ru"):
            url = detail_url(item)
        response = client.get(url)
        assert response.context["related_news"] == [both]

    def test_a_private_person_or_event_relates_nothing(self, client):
        hidden, closed = PersonFactory(is_public=False), EventFactory(is_public=False)
        item = NewsItemFactory(published=True, people=[hidden], event=closed)
        self.older(2, people=[hidden], event=closed)
        response = client.get(detail_url(item))
        assert response.context["related_news"] == []
        assert "Related news" not in response.content.decode()

    def test_an_item_about_nobody_asks_for_none(self, client, django_assert_num_queries):
        item = NewsItemFactory(published=True)
        NewsItemFactory(published=True)
        # Item, people, gallery, attachments, more in the section, footer contacts.
        with django_assert_num_queries(6):
            response = client.get(detail_url(item))
        assert response.context["related_news"] == []


class TestBackLinks:
    """The three links at the foot of every news page. "Go back" leads to the section
    in the HTML, whoever asks, so the page can be cached; static/js/site.js sends it
    to a same-site referrer (tests/news/test_go_back_script.py)."""

    @pytest.mark.parametrize(
        "referer", ["", "http://testserver/news/?kind=statement", "//evil.example/phish"]
    )
    def test_go_back_leads_to_the_section_whatever_the_referer(self, client, referer):
        item = NewsItemFactory(published=True)
        extra = {"HTTP_REFERER": referer} if referer else {}
        html = client.get(detail_url(item), **extra).content.decode()
        assert f'href="{item.section.get_absolute_url()}" data-go-back>' in html
        assert "evil.example" not in html

    def test_back_to_the_section_and_to_all_news(self, client):
        item = NewsItemFactory(published=True)
        html = client.get(detail_url(item)).content.decode()
        assert f'href="{item.section.get_absolute_url()}">Back to the section' in html
        assert f'href="{reverse("news:list")}">Back to all news' in html
        assert "Go back" in html

    def test_every_link_target_answers_200(self, client):
        item = NewsItemFactory(published=True)
        for url in (item.section.get_absolute_url(), reverse("news:list")):
            assert client.get(url).status_code == 200, url


class TestEvents:
    def test_list_splits_upcoming_and_past_and_hides_private(self, client):
        now = timezone.now()
        upcoming = EventFactory(title_en="Upcoming council")
        past = EventFactory(
            title_en="Past debate",
            start=now - datetime.timedelta(days=10),
            end=now - datetime.timedelta(days=10, hours=-2),
        )
        EventFactory(title_en="Private meeting", is_public=False)
        response = client.get(reverse("news:event_list"))
        assert list(response.context["upcoming_events"]) == [upcoming]
        assert list(response.context["past_events"]) == [past]
        assert "Private meeting" not in response.content.decode()

    def test_the_list_prints_each_date_once(self, client):
        moscow = timezone.get_default_timezone()
        EventFactory(
            title_en="Session of the Permanent Council",
            start=datetime.datetime(2031, 3, 4, 10, 0, tzinfo=moscow),
            end=datetime.datetime(2031, 3, 4, 12, 30, tzinfo=moscow),
        )
        EventFactory(
            title_en="Presentation of the Secretary General",
            start=datetime.datetime(2031, 5, 6, 0, 0, tzinfo=moscow),
            end=datetime.datetime(2031, 5, 6, 23, 59, tzinfo=moscow),
            all_day=True,
        )

        html = client.get(reverse("news:event_list")).content.decode()

        # The tile prints the day once ("4", "Mar", "2031"); the line beside it no date.
        for day, month in (("4", "Mar"), ("6", "May")):
            tile = f'<span class="event-row__day">{day}</span>'
            assert html.count(tile) == 1
            assert html.count(f'<span class="event-row__month">{month}</span>') == 1
        text = re.sub(r"<[^>]+>", " ", html)  # what a reader sees
        assert text.count("2031") == 2
        assert "March" not in text and "May 2031" not in text
        # A timed event names its hours and their zone; an all-day one shows no time.
        assert "10:00–12:30 Moscow time" in html
        row = html[html.index("Presentation of the Secretary General") :].split("</article>")[0]
        assert "00:00" not in row and "23:59" not in row and "Moscow time" not in row

    def test_every_time_names_the_time_zone(self, client):
        moscow = timezone.get_default_timezone()
        event = EventFactory(
            russian=True,
            start=datetime.datetime(2031, 3, 4, 10, 0, tzinfo=moscow),
            end=datetime.datetime(2031, 3, 4, 12, 30, tzinfo=moscow),
        )
        item = NewsItemFactory(
            published=True,
            russian=True,
            event=event,
            published_at=datetime.datetime(2024, 7, 19, 10, 0, tzinfo=moscow),
        )

        event_page = client.get(event.get_absolute_url()).content.decode()
        item_page = client.get(detail_url(item)).content.decode()
        russian_item_page = client.get("/ru" + detail_url(item)).content.decode()

        assert "4 March 2031, 10:00–12:30 Moscow time" in event_page
        assert "19 July 2024, 10:00 Moscow time" in item_page
        assert "4 March 2031, 10:00–12:30 Moscow time" in item_page  # its event
        assert "19 июля 2024, 10:00 по московскому времени" in russian_item_page

    def test_detail_shows_participants_and_published_news_only(self, client):
        person = PersonFactory()
        event = EventFactory(participants=[person])
        NewsItemFactory(published=True, event=event, title_en="Report on the meeting")
        NewsItemFactory(draft=True, event=event, title_en="Unfinished report")
        html = client.get(event.get_absolute_url()).content.decode()
        assert person.get_absolute_url() in html
        assert "Report on the meeting" in html
        assert "Unfinished report" not in html

    def test_private_event_is_404(self, client):
        event = EventFactory(is_public=False)
        assert client.get(event.get_absolute_url()).status_code == 404

    def test_list_queries_are_constant(self, client, django_assert_num_queries):
        def past(**kwargs):
            start = timezone.now() - datetime.timedelta(days=30)
            return EventFactory.create_batch(start=start, end=start, **kwargs)

        EventFactory.create_batch(2)
        past(size=2)
        with django_assert_num_queries(4):  # count, past page, upcoming, footer
            client.get(reverse("news:event_list"))
        EventFactory.create_batch(10)
        past(size=30)
        with django_assert_num_queries(4):
            client.get(reverse("news:event_list"))

    def test_detail_queries_are_constant(self, client, django_assert_num_queries):
        event = EventFactory(participants=PersonFactory.create_batch(2))
        NewsItemFactory(published=True, event=event)
        with django_assert_num_queries(4):  # event, participants, news, footer
            client.get(event.get_absolute_url())
        event.participants.add(*PersonFactory.create_batch(4))
        NewsItemFactory.create_batch(5, published=True, event=event)
        with django_assert_num_queries(4):
            client.get(event.get_absolute_url())
