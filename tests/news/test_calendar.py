"""/events/calendar.ics: the public events as iCalendar (RFC 5545), per edition."""

import datetime
import zoneinfo

import pytest
from django.urls import resolve, reverse
from django.utils import timezone, translation

from core.contentlines import content_line, escape_text, fold
from core.editions import organisation
from core.html import html_to_text
from news.calendar import calendar_ics
from tests.contentline_reader import unescape, unfold
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

MOSCOW = zoneinfo.ZoneInfo("Europe/Moscow")
EN_URL = "/events/calendar.ics"
RU_URL = "/ru/events/calendar.ics"


def content_lines(body):
    text = body.decode("utf-8")
    assert text.endswith("\r\n")
    return unfold(text)[:-2].split("\r\n")


def split_line(line):
    """``NAME;PARAMS:VALUE`` -> ("NAME;PARAMS", "VALUE"); our params hold no colon."""
    name, _colon, value = line.partition(":")
    return name, value


def vevents(body):
    """Each VEVENT as a dict of its properties (name with parameters -> raw value)."""
    events, current = [], None
    for line in content_lines(body):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            name, value = split_line(line)
            assert name not in current, f"{name} twice in one event"
            current[name] = value
    return events


def calendar_properties(body):
    props = {}
    for line in content_lines(body):
        if line == "BEGIN:VEVENT":
            break
        name, value = split_line(line)
        props[name] = value
    return props


def summaries(body):
    return [unescape(event["SUMMARY"]) for event in vevents(body)]


def moscow(*args):
    return datetime.datetime(*args, tzinfo=MOSCOW)


class TestResponse:
    def test_url_is_stable_and_not_taken_for_an_event_slug(self):
        assert reverse("news:calendar") == EN_URL
        assert resolve(EN_URL).func is calendar_ics
        with translation.override("ru"):
            assert reverse("news:calendar") == RU_URL

    def test_headers(self, client):
        response = client.get(EN_URL)

        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        assert response["Content-Disposition"] == 'inline; filename="events.ics"'
        assert response["Content-Language"] == "en"

    def test_russian_edition_has_its_own_file_name(self, client):
        response = client.get(RU_URL)

        assert response.status_code == 200
        assert response["Content-Disposition"] == 'inline; filename="events-ru.ics"'
        assert response["Content-Language"] == "ru"

    def test_only_reading_is_allowed(self, client):
        assert client.post(EN_URL).status_code == 405
        assert client.head(EN_URL).status_code == 200

    def test_an_empty_calendar_is_still_a_calendar(self, client):
        body = client.get(EN_URL).content

        assert content_lines(body)[0] == "BEGIN:VCALENDAR"
        assert content_lines(body)[-1] == "END:VCALENDAR"
        assert vevents(body) == []


class TestCalendar:
    def test_envelope(self, client):
        EventFactory()

        body = client.get(EN_URL).content
        props = calendar_properties(body)

        assert b"\n" not in body.replace(b"\r\n", b"")  # CRLF everywhere, no bare LF
        assert props["VERSION"] == "2.0"
        assert props["CALSCALE"] == "GREGORIAN"
        assert props["PRODID"].startswith("-//")
        assert "METHOD" not in props
        name = unescape(props["X-WR-CALNAME"])
        assert organisation("en") in name
        assert "events" in name

    def test_calendar_name_follows_the_edition(self, client):
        name = unescape(calendar_properties(client.get(RU_URL).content)["X-WR-CALNAME"])

        assert organisation("ru") in name

    def test_every_public_event_past_and_future_ordered_by_start(self, client):
        now = timezone.now()
        later = EventFactory(start=now + datetime.timedelta(days=30))
        long_ago = EventFactory(
            start=now - datetime.timedelta(days=5 * 365),
            end=now - datetime.timedelta(days=5 * 365 - 1),
        )
        soon = EventFactory(start=now + datetime.timedelta(days=1))
        running = EventFactory(
            start=now - datetime.timedelta(hours=1), end=now + datetime.timedelta(hours=1)
        )

        body = client.get(EN_URL).content

        assert summaries(body) == [e.title_en for e in (long_ago, running, soon, later)]

    def test_a_private_event_is_absent(self, client):
        public = EventFactory(russian=True)
        private = EventFactory(russian=True, is_public=False, title_en="Closed consultations")

        for url in (EN_URL, RU_URL):
            body = client.get(url).content
            uids = {event["UID"] for event in vevents(body)}
            assert uids == {f"event-{public.pk}@testserver"}
            assert b"Closed consultations" not in body
            assert f"event-{private.pk}@".encode() not in body

    def test_an_event_without_a_russian_title_is_absent_from_the_russian_edition_only(self, client):
        both = EventFactory(russian=True)
        english_only = EventFactory()

        english = client.get(EN_URL).content
        russian = client.get(RU_URL).content

        assert summaries(english) == [both.title_en, english_only.title_en]
        assert summaries(russian) == [both.title_ru]
        assert english_only.title_en.encode() not in russian

    def test_russian_edition_exports_russian_texts(self, client):
        event = EventFactory(
            russian=True, description_ru="<p>Совет обсудил <strong>повестку</strong> дня.</p>"
        )

        (vevent,) = vevents(client.get(RU_URL).content)

        assert unescape(vevent["SUMMARY"]) == event.title_ru
        assert unescape(vevent["LOCATION"]) == "Секретариат ОДКБ, Москва"
        assert unescape(vevent["DESCRIPTION"]) == "Совет обсудил повестку дня."
        assert vevent["URL"] == f"http://testserver/ru/events/{event.slug}/"

    def test_event_properties(self, client):
        event = EventFactory(
            start=moscow(2031, 3, 10, 15, 0),
            end=moscow(2031, 3, 10, 17, 30),
            venue_en="UN Headquarters",
            city_en="New York",
            description_en="<p>The Council <strong>discussed</strong> the agenda &amp; budget.</p>",
        )
        event.refresh_from_db()

        (vevent,) = vevents(client.get(EN_URL).content)

        assert vevent["UID"] == f"event-{event.pk}@testserver"
        assert vevent["DTSTAMP"] == event.updated_at.astimezone(datetime.UTC).strftime(
            "%Y%m%dT%H%M%SZ"
        )
        assert vevent["DTSTART"] == "20310310T120000Z"
        assert vevent["DTEND"] == "20310310T143000Z"
        assert unescape(vevent["SUMMARY"]) == event.title_en
        assert unescape(vevent["DESCRIPTION"]) == "The Council discussed the agenda & budget."
        assert unescape(vevent["LOCATION"]) == "UN Headquarters, New York"
        assert vevent["URL"] == f"http://testserver/events/{event.slug}/"

    def test_empty_description_and_place_are_left_out(self, client):
        EventFactory(description_en="", venue_en="", city_en="")

        (vevent,) = vevents(client.get(EN_URL).content)

        assert "DESCRIPTION" not in vevent
        assert "LOCATION" not in vevent

    def test_uid_names_the_host_without_its_port(self, client):
        event = EventFactory()

        body = client.get(EN_URL, HTTP_HOST="localhost:8000").content

        assert vevents(body)[0]["UID"] == f"event-{event.pk}@localhost"


class TestAllDay:
    def test_dtend_is_the_day_after_the_last_day(self, client, settings):
        settings.TIME_ZONE = "Europe/Moscow"
        # Midnight in Moscow is still the previous day in UTC: dates come from the
        # site's time zone.
        EventFactory(all_day=True, start=moscow(2031, 5, 12, 0, 0), end=moscow(2031, 5, 14, 23, 59))

        (vevent,) = vevents(client.get(EN_URL).content)

        assert vevent["DTSTART;VALUE=DATE"] == "20310512"
        assert vevent["DTEND;VALUE=DATE"] == "20310515"
        assert "DTSTART" not in vevent
        assert "DTEND" not in vevent

    def test_a_one_day_event_ends_the_next_day(self, client, settings):
        settings.TIME_ZONE = "Europe/Moscow"
        EventFactory(all_day=True, start=moscow(2031, 12, 31, 10), end=moscow(2031, 12, 31, 12))

        (vevent,) = vevents(client.get(EN_URL).content)

        assert vevent["DTSTART;VALUE=DATE"] == "20311231"
        assert vevent["DTEND;VALUE=DATE"] == "20320101"


class TestEscapingAndFolding:
    def test_commas_semicolons_backslashes_and_newlines_are_escaped(self, client):
        title = "Talks, round 2; agenda \\ notes"
        EventFactory(title_en=title, description_en="<p>First line<br>second; line</p><p>Next</p>")

        (vevent,) = vevents(client.get(EN_URL).content)

        assert vevent["SUMMARY"] == "Talks\\, round 2\\; agenda \\\\ notes"
        assert unescape(vevent["SUMMARY"]) == title
        assert vevent["DESCRIPTION"] == "First line\\nsecond\\; line\\n\\nNext"

    @pytest.mark.parametrize(
        ("raw", "escaped"),
        [
            ("a,b", "a\\,b"),
            ("a;b", "a\\;b"),
            ("a\\b", "a\\\\b"),
            ("a\nb", "a\\nb"),
            ("a\r\nb", "a\\nb"),
            ("a\rb", "a\\nb"),
            ("\\n", "\\\\n"),  # a literal backslash-n is not a newline
            ("a\x00b\x07", "a b "),  # control characters are not allowed in TEXT
            ("", ""),
            (None, ""),
        ],
    )
    def test_escape_text(self, raw, escaped):
        assert escape_text(raw) == escaped

    @pytest.mark.parametrize(
        "title",
        [
            "Meeting of the Permanent Council " * 8,
            "Заседание Постоянного совета ОДКБ по вопросам коллективной безопасности " * 4,
            "Ж" * 37 + "Заседание, Совета; министров\\ иностранных дел" * 3,
            "a" + "€" * 60 + "😀" * 30,  # three- and four-octet characters
        ],
    )
    def test_long_lines_fold_at_75_octets_and_unfold_to_the_text(self, client, title):
        EventFactory(title_en=title)

        body = client.get(EN_URL).content
        physical = body.split(b"\r\n")[:-1]

        for line in physical:
            assert len(line) <= 75
            line.decode("utf-8")  # strict: no character is split between two lines
        assert any(line.startswith(b"SUMMARY:") for line in physical)
        assert any(line.startswith(b" ") for line in physical)
        (vevent,) = vevents(body)
        assert unescape(vevent["SUMMARY"]) == title

    def test_fold_fills_lines_to_the_limit(self):
        ascii_line = "A" * 200
        assert [len(part) for part in fold(ascii_line).split("\r\n")] == [75, 75, 52]

        cyrillic_line = "DESCRIPTION:" + "ж" * 100  # two octets a letter
        parts = [len(part.encode()) for part in fold(cyrillic_line).split("\r\n")]
        assert all(74 <= size <= 75 for size in parts[:-1])  # no room for one more letter
        assert sum(parts) - (len(parts) - 1) == len(cyrillic_line.encode())
        assert unfold(fold(cyrillic_line)) == cyrillic_line

    def test_a_short_line_is_not_folded(self):
        assert fold("SUMMARY:" + "x" * 67) == "SUMMARY:" + "x" * 67
        assert "\r\n" in fold("SUMMARY:" + "x" * 68)

    def test_content_line_escapes_only_text(self):
        assert content_line("SUMMARY", "a,b") == "SUMMARY:a\\,b"
        assert content_line("URL", "http://x/?a=1,2", escape=False) == "URL:http://x/?a=1,2"
        assert content_line("TEL", "1", {"TYPE": "work,voice"}) == "TEL;TYPE=work,voice:1"

    def test_html_to_text(self):
        assert html_to_text("") == ""
        assert html_to_text("<p>One &amp; two</p>\n<ul><li>a</li><li>b</li></ul>") == (
            "One & two\n\na\nb"
        )


class TestQueries:
    def test_one_query_whatever_the_number_of_events(self, client, django_assert_num_queries):
        EventFactory.create_batch(3, russian=True)
        with django_assert_num_queries(1):
            assert client.get(EN_URL).status_code == 200

        EventFactory.create_batch(20, russian=True)
        EventFactory(is_public=False)
        with django_assert_num_queries(1):
            body = client.get(RU_URL).content
        assert len(vevents(body)) == 23


class TestLinks:
    def test_event_list_links_the_calendar(self, client):
        html = client.get("/events/").content.decode()

        assert '<link rel="alternate" type="text/calendar"' in html
        assert f'href="{EN_URL}"' in html
        assert "Download the calendar (iCalendar)" in html
        assert "Subscribe in your calendar app" in html

    def test_russian_event_list_links_the_russian_calendar(self, client):
        html = client.get("/ru/events/").content.decode()

        assert f'href="{RU_URL}"' in html
        assert f'href="{EN_URL}"' not in html
