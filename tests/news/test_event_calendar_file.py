"""/events/<slug>.ics: one event to add to a calendar, read back with icalendar; the
subscribe links; SEQUENCE growing with every edit; the calendar's own address kept
free of event slugs."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.core.exceptions import ValidationError

from news.models import Event
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

MOSCOW = zoneinfo.ZoneInfo("Europe/Moscow")


def moscow(*args):
    return datetime.datetime(*args, tzinfo=MOSCOW)


def parsed(response):
    assert response.status_code == 200, response.status_code
    return icalendar.Calendar.from_ical(response.content)


def only_event(calendar):
    (event,) = calendar.walk("VEVENT")
    return event


class TestOneEventFile:
    def test_headers_name_the_file_for_the_event(self, client):
        event = EventFactory()

        response = client.get(f"/events/{event.slug}.ics")

        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
        assert response["Content-Language"] == "en"

    def test_it_is_the_same_event_as_in_the_whole_calendar(self, client):
        event = EventFactory(start=moscow(2031, 3, 10, 15, 0), end=moscow(2031, 3, 10, 17, 30))
        EventFactory()

        alone = only_event(parsed(client.get(f"/events/{event.slug}.ics")))
        in_calendar = {
            str(vevent["UID"]): vevent
            for vevent in parsed(client.get("/events/calendar.ics")).walk("VEVENT")
        }

        assert str(alone["UID"]) == f"event-{event.pk}@testserver"
        assert alone.to_ical() == in_calendar[str(alone["UID"])].to_ical()
        utc = datetime.UTC
        assert alone.decoded("DTSTART") == datetime.datetime(2031, 3, 10, 12, 0, tzinfo=utc)
        assert alone.decoded("DTEND") == datetime.datetime(2031, 3, 10, 14, 30, tzinfo=utc)
        assert str(alone["SUMMARY"]) == event.title_en
        assert str(alone["URL"]) == f"http://testserver/events/{event.slug}/"

    def test_an_all_day_event_is_given_as_dates(self, client):
        event = EventFactory(
            all_day=True, start=moscow(2031, 5, 14, 0, 0), end=moscow(2031, 5, 15, 23, 59)
        )

        vevent = only_event(parsed(client.get(f"/events/{event.slug}.ics")))

        assert vevent.decoded("DTSTART") == datetime.date(2031, 5, 14)
        assert vevent.decoded("DTEND") == datetime.date(2031, 5, 16)

    def test_the_russian_edition_writes_russian(self, client):
        event = EventFactory(russian=True)

        response = client.get(f"/ru/events/{event.slug}.ics")
        vevent = only_event(parsed(response))

        assert response["Content-Disposition"] == f'attachment; filename="{event.slug}-ru.ics"'
        assert str(vevent["SUMMARY"]) == event.title_ru
        assert str(vevent["LOCATION"]) == "Секретариат ОДКБ, Москва"

    @pytest.mark.parametrize(
        "event_kwargs, url",
        [
            ({"is_public": False}, "/events/{slug}.ics"),
            ({}, "/ru/events/{slug}.ics"),  # no Russian title: not in that edition
        ],
    )
    def test_what_is_not_public_in_the_edition_is_not_found(self, client, event_kwargs, url):
        event = EventFactory(**event_kwargs)

        assert client.get(url.format(slug=event.slug)).status_code == 404

    def test_an_unknown_event_is_not_found(self, client):
        assert client.get("/events/no-such-event.ics").status_code == 404

    def test_a_hostile_title_stays_one_property(self, client):
        title = "Briefing\r\nDTSTART:19700101T000000Z; X-EVIL:1, done"
        event = EventFactory(title_en=title)

        vevent = only_event(parsed(client.get(f"/events/{event.slug}.ics")))

        assert "X-EVIL" not in vevent
        assert vevent.decoded("DTSTART").year != 1970
        # The line break is kept as a text line break (iCalendar's \n), not a new line.
        assert str(vevent["SUMMARY"]) == event.title_en.replace("\r\n", "\n")

    def test_one_query(self, client, django_assert_num_queries):
        event = EventFactory()

        with django_assert_num_queries(1):
            assert client.get(f"/events/{event.slug}.ics").status_code == 200


class TestSequence:
    def sequence_served(self, client, event):
        vevent = only_event(parsed(client.get(f"/events/{event.slug}.ics")))
        return str(vevent["UID"]), vevent.decoded("SEQUENCE")

    def test_an_edit_keeps_the_uid_and_raises_the_sequence(self, client):
        event = EventFactory()
        uid, first = self.sequence_served(client, event)

        event.title_en = "Meeting of the Permanent Council, postponed"
        event.save()
        _uid, second = self.sequence_served(client, event)
        event.save(update_fields=["title_en"])
        _uid_again, third = self.sequence_served(client, event)

        assert first == 0
        assert _uid == _uid_again == uid
        assert first < second < third

    def test_an_update_of_many_events_raises_each_sequence(self, client):
        events = [EventFactory(), EventFactory()]

        Event.objects.filter(pk__in=[e.pk for e in events]).update(city_en="Minsk")

        assert list(Event.objects.order_by("pk").values_list("sequence", flat=True)) == [1, 1]
        assert self.sequence_served(client, events[0])[1] == 1

    def test_a_new_event_starts_at_zero(self):
        assert EventFactory().sequence == 0


class TestCalendarAddressIsNoEventSlug:
    def test_an_event_called_calendar_gets_another_slug(self, client):
        event = EventFactory(title_en="Calendar")

        assert event.slug == "calendar-2"
        assert client.get("/events/calendar-2.ics").status_code == 200
        assert client.get("/events/calendar-2/").status_code == 200

    def test_an_editor_cannot_give_that_slug(self):
        event = EventFactory.build(slug="calendar")

        with pytest.raises(ValidationError) as raised:
            event.full_clean()

        assert "slug" in raised.value.message_dict


class TestLinks:
    def test_the_event_page_offers_the_file_and_the_subscription(self, client):
        event = EventFactory()

        html = client.get(event.get_absolute_url()).content.decode()

        assert f'href="/events/{event.slug}.ics"' in html
        assert 'href="webcal://testserver/events/calendar.ics"' in html

    def test_the_russian_event_page_links_the_russian_files(self, client):
        event = EventFactory(russian=True)

        html = client.get(f"/ru/events/{event.slug}/").content.decode()

        assert f'href="/ru/events/{event.slug}.ics"' in html
        assert 'href="webcal://testserver/ru/events/calendar.ics"' in html

    def test_the_events_list_offers_both_ways(self, client):
        html = client.get("/events/").content.decode()

        assert 'href="webcal://testserver/events/calendar.ics"' in html
        assert 'href="/events/calendar.ics"' in html
