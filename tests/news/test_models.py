"""News items and events: who can see them, what the database refuses, slugs, HTML."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone, translation

from news.models import Event, NewsItem
from tests.factories import EventFactory, NewsItemFactory, SectionFactory

pytestmark = pytest.mark.django_db

NOON = datetime.datetime(2025, 3, 10, 12, 0, tzinfo=datetime.UTC)


def published_pks(**kwargs):
    return set(NewsItem.objects.published(**kwargs).values_list("pk", flat=True))


class TestPublished:
    def test_only_published_and_due_items_are_public(self):
        live = NewsItemFactory(published=True)
        draft = NewsItemFactory(draft=True)
        in_review = NewsItemFactory(status=NewsItem.Status.IN_REVIEW, published_at=None)
        # An item sent back to review keeps its old time; it must still be hidden.
        review_with_time = NewsItemFactory(
            status=NewsItem.Status.IN_REVIEW, published_at=timezone.now() - datetime.timedelta(1)
        )
        scheduled = NewsItemFactory(scheduled=True)

        public = published_pks()

        assert live.pk in public
        assert not public & {draft.pk, in_review.pk, review_with_time.pk, scheduled.pk}

    def test_a_scheduled_item_appears_once_due(self):
        with time_machine.travel(NOON, tick=False):
            item = NewsItemFactory(
                status=NewsItem.Status.PUBLISHED,
                published_at=NOON + datetime.timedelta(hours=2),
            )
            assert item.is_scheduled
            assert not item.is_published()
            assert item.pk not in published_pks()

        with time_machine.travel(NOON + datetime.timedelta(hours=1, minutes=59), tick=False):
            assert item.pk not in published_pks()

        with time_machine.travel(NOON + datetime.timedelta(hours=2), tick=False):
            assert item.pk in published_pks()

        with time_machine.travel(NOON + datetime.timedelta(days=1), tick=False):
            item.refresh_from_db()
            assert item.pk in published_pks()
            assert item.is_published()
            assert not item.is_scheduled

    def test_now_argument_pins_the_clock(self):
        item = NewsItemFactory(
            status=NewsItem.Status.PUBLISHED, published_at=NOON + datetime.timedelta(hours=1)
        )

        assert item.pk not in published_pks(now=NOON)
        assert item.pk in published_pks(now=NOON + datetime.timedelta(hours=1))

    def test_an_english_only_item_is_not_in_the_russian_edition(self):
        english_only = NewsItemFactory(published=True)
        both = NewsItemFactory(published=True, russian=True)
        russian_only = NewsItemFactory(published=True, title_en="", title_ru="Только по-русски")

        assert published_pks(language="en") >= {english_only.pk, both.pk}
        assert russian_only.pk not in published_pks(language="en")
        assert published_pks(language="ru") == {both.pk, russian_only.pk}

    def test_the_active_language_is_the_default_edition(self):
        english_only = NewsItemFactory(published=True)
        russian_only = NewsItemFactory(published=True, title_en="", title_ru="Заявление")

        assert published_pks() == {english_only.pk}
        with translation.override("ru"):
            assert published_pks() == {russian_only.pk}

    def test_a_blank_translation_does_not_count_as_a_language(self):
        item = NewsItemFactory(published=True, title_ru="")

        assert item.pk not in published_pks(language="ru")
        assert item.languages() == ["en"]


class TestDatabaseConstraints:
    def test_an_event_cannot_end_before_it_starts(self):
        start = timezone.now()
        with (
            pytest.raises(IntegrityError, match="event_end_not_before_start"),
            transaction.atomic(),
        ):
            EventFactory(start=start, end=start - datetime.timedelta(minutes=1))

        assert not Event.objects.exists()
        EventFactory(start=start, end=start)  # a zero-length event is allowed

    def test_a_published_item_needs_a_publication_time(self):
        with pytest.raises(IntegrityError, match="news_published_has_time"), transaction.atomic():
            NewsItemFactory(status=NewsItem.Status.PUBLISHED, published_at=None)

        draft = NewsItemFactory(draft=True)
        # Bulk updates skip save() and clean(); the database still refuses.
        with pytest.raises(IntegrityError, match="news_published_has_time"), transaction.atomic():
            NewsItem.objects.filter(pk=draft.pk).update(status=NewsItem.Status.PUBLISHED)

        draft.refresh_from_db()
        assert draft.status == NewsItem.Status.DRAFT

    def test_slugs_are_unique(self):
        NewsItemFactory(slug="summit")

        with pytest.raises(IntegrityError, match="slug"), transaction.atomic():
            NewsItemFactory(slug="summit")

        assert NewsItem.objects.filter(slug="summit").count() == 1

    def test_full_clean_reports_the_event_constraint_as_a_form_error(self):
        start = timezone.now()
        event = EventFactory.build(start=start, end=start - datetime.timedelta(hours=1))

        with pytest.raises(ValidationError) as excinfo:
            event.full_clean()

        assert "An event cannot end before it starts." in excinfo.value.messages


class TestSlugs:
    def test_slug_is_made_from_the_english_title(self):
        item = NewsItemFactory(title_en="Statement by the CSTO Secretary General")

        assert item.slug == "statement-by-the-csto-secretary-general"

    def test_a_cyrillic_only_title_is_transliterated(self):
        item = NewsItemFactory(title_en="", title_ru="Пресс-секретарь ОДКБ Владимир Зайнетдинов")

        assert item.slug == "press-sekretar-odkb-vladimir-zaynetdinov"

    def test_a_title_without_letters_still_gets_a_slug(self):
        first = NewsItemFactory(title_en="!!! 🎉🎉 ???")
        second = NewsItemFactory(title_en="…—«»")

        assert first.slug
        assert second.slug
        assert first.slug != second.slug
        assert {first.slug, second.slug} == {"news", "news-2"}

    def test_duplicate_titles_get_a_numeric_suffix(self):
        items = [NewsItemFactory(title_en="Meeting with graduates") for _ in range(3)]

        assert [item.slug for item in items] == [
            "meeting-with-graduates",
            "meeting-with-graduates-2",
            "meeting-with-graduates-3",
        ]

    def test_the_slug_stays_when_the_title_changes(self):
        item = NewsItemFactory(title_en="Original title")

        item.title_en = "Corrected title"
        item.save()
        item.refresh_from_db()

        assert item.slug == "original-title"

    def test_a_long_title_gives_a_slug_that_fits_the_column(self):
        item = NewsItemFactory(title_en="word " * 60)
        twin = NewsItemFactory(title_en="word " * 60)

        max_length = NewsItem._meta.get_field("slug").max_length
        assert 0 < len(item.slug) <= max_length
        assert len(twin.slug) <= max_length
        assert twin.slug == f"{item.slug}-2"
        assert not item.slug.endswith("-")

    def test_section_and_event_slugs(self):
        section = SectionFactory(name_en="", name_ru="Заявления")
        event = EventFactory(title_en="Presentation of the Secretary General")

        assert section.slug == "zayavleniya"
        assert event.slug == "presentation-of-the-secretary-general"


class TestSanitising:
    DIRTY = (
        '<p onclick="steal()">Opening <strong>remarks</strong></p>'
        "<script>alert('x')</script>"
        '<a href="javascript:alert(1)">click</a>'
        '<a href="https://www.un.org/">UN</a>'
        '<iframe src="https://evil.example/"></iframe>'
        '<img src="x" onerror="steal()">'
        "<blockquote>Quoted</blockquote><ul><li>one</li></ul>"
    )

    def assert_clean(self, html):
        assert "<script" not in html
        assert "alert" not in html
        assert "onclick" not in html
        assert "onerror" not in html
        assert "javascript:" not in html
        assert "<iframe" not in html
        assert "<img" not in html
        assert "<p>Opening <strong>remarks</strong></p>" in html
        assert '<a href="https://www.un.org/" rel="noopener noreferrer">UN</a>' in html
        assert "<blockquote>Quoted</blockquote>" in html
        assert "<ul><li>one</li></ul>" in html

    def stored(self, table, column, pk):
        """The column as the database holds it, past modeltranslation's descriptors."""
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])
            return cursor.fetchone()[0]

    def test_news_body_is_sanitised_in_every_language(self):
        item = NewsItemFactory(body_en=self.DIRTY, body_ru=self.DIRTY)

        item.refresh_from_db()
        self.assert_clean(item.body_en)
        self.assert_clean(item.body_ru)
        for column in ("body", "body_en", "body_ru"):
            self.assert_clean(self.stored("news_newsitem", column, item.pk))

    def test_sanitising_happens_on_every_save(self):
        item = NewsItemFactory()

        item.body_en = '<p>Edited</p><script>alert("x")</script>'
        item.save()
        item.refresh_from_db()

        assert item.body_en == "<p>Edited</p>"

    def test_event_description_is_sanitised(self):
        event = EventFactory(description_en=self.DIRTY, description_ru=self.DIRTY)

        event.refresh_from_db()
        self.assert_clean(event.description_en)
        self.assert_clean(event.description_ru)


class TestNewsItemClean:
    def test_a_published_item_needs_a_time(self):
        item = NewsItemFactory.build(
            section=SectionFactory(), status=NewsItem.Status.PUBLISHED, published_at=None
        )

        with pytest.raises(ValidationError) as excinfo:
            item.full_clean()

        assert "published_at" in excinfo.value.message_dict

    def test_an_image_needs_alt_text(self):
        item = NewsItemFactory.build(section=SectionFactory(), image="news/2025/03/summit.jpg")

        with pytest.raises(ValidationError) as excinfo:
            item.clean()

        assert list(excinfo.value.message_dict) == ["image_alt_en"]

    def test_alt_text_in_either_language_is_enough(self):
        item = NewsItemFactory.build(
            section=SectionFactory(), image="news/2025/03/summit.jpg", image_alt_ru="Саммит"
        )

        item.clean()  # no error

    def test_an_item_needs_a_title_in_some_language(self):
        item = NewsItemFactory.build(section=SectionFactory(), title_en="", title_ru="")

        with pytest.raises(ValidationError, match="title"):
            item.clean()

    def test_a_complete_item_is_valid(self):
        item = NewsItemFactory.build(section=SectionFactory(), published=True)

        item.full_clean()  # no error


class TestEventState:
    def test_upcoming_running_and_past(self):
        event = EventFactory.build(start=NOON, end=NOON + datetime.timedelta(hours=3))

        with time_machine.travel(NOON - datetime.timedelta(minutes=1), tick=False):
            assert event.is_upcoming
            assert not event.is_running
        with time_machine.travel(NOON + datetime.timedelta(hours=1), tick=False):
            assert not event.is_upcoming
            assert event.is_running
        with time_machine.travel(NOON + datetime.timedelta(hours=4), tick=False):
            assert not event.is_upcoming
            assert not event.is_running

    def test_future_and_past_split_on_the_end_time(self):
        running = EventFactory(
            start=NOON - datetime.timedelta(hours=1), end=NOON + datetime.timedelta(hours=1)
        )
        later = EventFactory(start=NOON + datetime.timedelta(days=2))
        sooner = EventFactory(start=NOON + datetime.timedelta(days=1))
        over = EventFactory(
            start=NOON - datetime.timedelta(days=1), end=NOON - datetime.timedelta(hours=20)
        )

        assert list(Event.objects.future(now=NOON)) == [running, sooner, later]
        assert list(Event.objects.past(now=NOON)) == [over]

    def test_upcoming_or_recent_prefers_what_is_announced(self):
        over = [EventFactory(start=NOON - datetime.timedelta(days=days)) for days in (2, 3, 4)]
        sooner = EventFactory(start=NOON + datetime.timedelta(days=1))
        later = EventFactory(start=NOON + datetime.timedelta(days=2))

        assert Event.objects.upcoming_or_recent(1, now=NOON) == ([sooner], True)
        assert Event.objects.upcoming_or_recent(4, now=NOON) == ([sooner, later], True)
        # Once both are over, the latest past events stand in, latest first.
        after = NOON + datetime.timedelta(days=3)
        assert Event.objects.upcoming_or_recent(3, now=after) == ([later, sooner, over[0]], False)

    def test_upcoming_or_recent_with_no_events(self):
        assert Event.objects.upcoming_or_recent(4, now=NOON) == ([], False)

    def test_public_needs_the_flag_and_a_title_in_the_edition(self):
        shown = EventFactory(russian=True)
        hidden = EventFactory(is_public=False, russian=True)
        english_only = EventFactory()

        assert set(Event.objects.public(language="en")) == {shown, english_only}
        assert set(Event.objects.public(language="ru")) == {shown}
        assert hidden not in Event.objects.public(language="ru")
