"""The news tag library: when an event takes place, datetime attribute values."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from core.timezones import local_datetime
from news.templatetags.news_tags import event_when, isoformat
from tests.factories import EventFactory

MOSCOW = ZoneInfo("Europe/Moscow")


def at(day, month, hour=0, minute=0):
    return datetime.datetime(2026, month, day, hour, minute, tzinfo=MOSCOW)


class TestEventWhen:
    @pytest.mark.parametrize(
        ("start", "end", "all_day", "datetime_attr", "english", "russian"),
        [
            (
                at(3, 12, 10),
                at(3, 12, 12, 30),
                False,
                "2026-12-03T10:00:00+03:00",
                "3 December 2026, 10:00–12:30 Moscow time",
                "3 декабря 2026, 10:00–12:30 по московскому времени",
            ),
            (
                at(5, 12, 18),
                at(6, 12, 9, 15),
                False,
                "2026-12-05T18:00:00+03:00",
                "5 December 2026, 18:00 – 6 December 2026, 09:15 Moscow time",
                "5 декабря 2026, 18:00 – 6 декабря 2026, 09:15 по московскому времени",
            ),
            (
                at(25, 7),
                at(25, 7, 23),
                True,
                "2026-07-25",
                "25 July 2026",
                "25 июля 2026",
            ),
            (
                at(10, 12),
                at(12, 12, 23),
                True,
                "2026-12-10",
                "10 December 2026 – 12 December 2026",
                "10 декабря 2026 – 12 декабря 2026",
            ),
        ],
    )
    def test_dates_and_times_in_both_languages(
        self, start, end, all_day, datetime_attr, english, russian
    ):
        event = EventFactory.build(start=start, end=end, all_day=all_day)

        assert event_when(event) == f'<time datetime="{datetime_attr}">{english}</time>'
        with translation.override("ru"):
            assert event_when(event) == f'<time datetime="{datetime_attr}">{russian}</time>'

    def test_days_turn_in_the_site_time_zone(self):
        # 22:30 UTC on 2 December is 01:30 on 3 December in Moscow.
        start = datetime.datetime(2026, 12, 2, 22, 30, tzinfo=datetime.UTC)
        event = EventFactory.build(start=start, end=start + datetime.timedelta(hours=1))

        assert event_when(event) == (
            '<time datetime="2026-12-03T01:30:00+03:00">'
            "3 December 2026, 01:30–02:30 Moscow time</time>"
        )
        event.all_day = True
        assert event_when(event) == '<time datetime="2026-12-03">3 December 2026</time>'

    def test_the_tag_in_a_template(self):
        event = EventFactory.build(start=at(3, 12, 10), end=at(3, 12, 11), all_day=False)
        template = Template("{% load news_tags %}{% event_when event %}")

        html = template.render(Context({"event": event}))

        assert (
            html == '<time datetime="2026-12-03T10:00:00+03:00">'
            "3 December 2026, 10:00–11:00 Moscow time</time>"
        )


class TestEventWhenBesideItsDay:
    """In the events lists the day stands in a tile beside the tag: the tag leaves it
    out, so that each date is printed once."""

    @pytest.mark.parametrize(
        ("start", "end", "all_day", "english", "russian"),
        [
            (
                at(3, 12, 10),
                at(3, 12, 12, 30),
                False,
                "10:00–12:30 Moscow time",
                "10:00–12:30 по московскому времени",
            ),
            (
                at(5, 12, 18),
                at(6, 12, 9, 15),
                False,
                "18:00 – 6 December 2026, 09:15 Moscow time",
                "18:00 – 6 декабря 2026, 09:15 по московскому времени",
            ),
            (at(10, 12), at(12, 12, 23), True, "until 12 December 2026", "по 12 декабря 2026"),
        ],
    )
    def test_what_is_left_of_the_date(self, start, end, all_day, english, russian):
        event = EventFactory.build(start=start, end=end, all_day=all_day)

        assert f">{english}</time>" in event_when(event, day_shown=True)
        with translation.override("ru"):
            assert f">{russian}</time>" in event_when(event, day_shown=True)

    def test_an_all_day_event_of_one_day_needs_nothing_more(self):
        event = EventFactory.build(start=at(25, 7), end=at(25, 7, 23, 59), all_day=True)

        assert event_when(event, day_shown=True) == ""


class TestTimeZoneNames:
    """Every time the site prints names the site's time zone (core/timezones.py)."""

    def test_a_date_and_time_in_both_languages(self):
        moment = datetime.datetime(2024, 7, 19, 7, 0, tzinfo=datetime.UTC)

        assert local_datetime(moment) == "19 July 2024, 10:00 Moscow time"
        with translation.override("ru"):
            assert local_datetime(moment) == "19 июля 2024, 10:00 по московскому времени"

    @pytest.mark.parametrize(
        ("zone", "expected"),
        [
            ("Asia/Dubai", "19 July 2024, 11:00 (UTC+4)"),
            ("Asia/Kolkata", "19 July 2024, 12:30 (UTC+5:30)"),
            ("America/New_York", "19 July 2024, 03:00 (UTC−4)"),
            ("UTC", "19 July 2024, 07:00 (UTC+0)"),
        ],
    )
    def test_another_zone_is_named_by_its_offset_on_the_day(self, settings, zone, expected):
        settings.TIME_ZONE = zone
        moment = datetime.datetime(2024, 7, 19, 7, 0, tzinfo=datetime.UTC)

        with timezone.override(zone):
            assert local_datetime(moment) == expected

    def test_the_filter(self):
        moment = datetime.datetime(2024, 7, 19, 7, 0, tzinfo=datetime.UTC)
        template = Template("{% load times %}{{ moment|local_datetime }}|{{ none|local_datetime }}")

        assert template.render(Context({"moment": moment})) == "19 July 2024, 10:00 Moscow time|"


class TestIsoformat:
    def test_an_aware_time_in_local_time_to_the_second(self):
        value = datetime.datetime(2026, 12, 2, 22, 30, 5, 123456, tzinfo=datetime.UTC)

        assert isoformat(value) == "2026-12-03T01:30:05+03:00"

    def test_a_date(self):
        assert isoformat(datetime.date(2026, 12, 3)) == "2026-12-03"

    @pytest.mark.parametrize("value", [None, ""])
    def test_nothing_gives_an_empty_string(self, value):
        assert isoformat(value) == ""
