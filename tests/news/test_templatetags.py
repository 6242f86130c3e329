"""The news tag library: when an event takes place, datetime attribute values."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation

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
                "3 December 2026, 10:00–12:30",
                "3 декабря 2026, 10:00–12:30",
            ),
            (
                at(5, 12, 18),
                at(6, 12, 9, 15),
                False,
                "2026-12-05T18:00:00+03:00",
                "5 December 2026, 18:00 – 6 December 2026, 09:15",
                "5 декабря 2026, 18:00 – 6 декабря 2026, 09:15",
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
            '<time datetime="2026-12-03T01:30:00+03:00">3 December 2026, 01:30–02:30</time>'
        )
        event.all_day = True
        assert event_when(event) == '<time datetime="2026-12-03">3 December 2026</time>'

    def test_the_tag_in_a_template(self):
        event = EventFactory.build(start=at(3, 12, 10), end=at(3, 12, 11), all_day=False)
        template = Template("{% load news_tags %}{% event_when event %}")

        html = template.render(Context({"event": event}))

        assert (
            html == '<time datetime="2026-12-03T10:00:00+03:00">3 December 2026, 10:00–11:00</time>'
        )


class TestIsoformat:
    def test_an_aware_time_in_local_time_to_the_second(self):
        value = datetime.datetime(2026, 12, 2, 22, 30, 5, 123456, tzinfo=datetime.UTC)

        assert isoformat(value) == "2026-12-03T01:30:05+03:00"

    def test_a_date(self):
        assert isoformat(datetime.date(2026, 12, 3)) == "2026-12-03"

    @pytest.mark.parametrize("value", [None, ""])
    def test_nothing_gives_an_empty_string(self, value):
        assert isoformat(value) == ""
