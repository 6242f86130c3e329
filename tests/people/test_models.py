"""People, their terms of office and their contacts."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from people.models import Contact, Person, Position
from tests.factories import ContactFactory, PersonFactory, PositionFactory

TODAY = datetime.date(2025, 6, 15)
DAY = datetime.timedelta(days=1)


def moscow_noon(day):
    """Noon in the site's time zone (Europe/Moscow, UTC+3) on ``day``, as a UTC instant."""
    return datetime.datetime.combine(day, datetime.time(9, 0), tzinfo=datetime.UTC)


class TestPositionStatus:
    @pytest.mark.parametrize(
        ("start_date", "end_date", "expected"),
        [
            (TODAY - 100 * DAY, None, Position.CURRENT),
            (TODAY, None, Position.CURRENT),
            (None, TODAY, Position.CURRENT),
            (TODAY - 100 * DAY, TODAY, Position.CURRENT),
            (TODAY - 100 * DAY, TODAY + DAY, Position.CURRENT),
            (TODAY - 100 * DAY, TODAY - DAY, Position.ENDED),
            (None, TODAY - DAY, Position.ENDED),
            (TODAY + DAY, None, Position.UPCOMING),
            (TODAY + DAY, TODAY + 100 * DAY, Position.UPCOMING),
            (None, None, Position.UNDATED),
        ],
    )
    def test_status_on(self, start_date, end_date, expected):
        position = PositionFactory.build(start_date=start_date, end_date=end_date)

        assert position.status_on(TODAY) == expected

    @pytest.mark.django_db
    def test_a_term_reads_ended_the_day_after_it_ends_without_an_edit(self):
        position = PositionFactory(start_date=datetime.date(2023, 1, 1), end_date=TODAY)

        with time_machine.travel(moscow_noon(TODAY), tick=False):
            position.refresh_from_db()
            assert position.status == Position.CURRENT
            assert position.person.headline_position.status == Position.CURRENT

        with time_machine.travel(moscow_noon(TODAY + DAY), tick=False):
            position.refresh_from_db()
            assert position.status == Position.ENDED

    @pytest.mark.django_db
    def test_the_day_turns_in_the_site_time_zone(self):
        position = PositionFactory(start_date=datetime.date(2023, 1, 1), end_date=TODAY)
        # 22:00 UTC on the last day is already 01:00 the next day in Moscow.
        late_utc = datetime.datetime.combine(TODAY, datetime.time(22, 0), tzinfo=datetime.UTC)

        with time_machine.travel(late_utc, tick=False):
            assert position.status == Position.ENDED

    @pytest.mark.django_db
    def test_the_headline_is_the_current_position_else_the_latest(self):
        person = PersonFactory()
        old = PositionFactory(
            person=person,
            title_en="Minister",
            start_date=datetime.date(2010, 1, 1),
            end_date=datetime.date(2015, 1, 1),
        )
        current = PositionFactory(
            person=person, title_en="Secretary General", start_date=datetime.date(2023, 1, 1)
        )

        with time_machine.travel(moscow_noon(TODAY), tick=False):
            assert Person.objects.get(pk=person.pk).headline_position == current
            current.delete()
            assert Person.objects.get(pk=person.pk).headline_position == old
            old.delete()
            assert Person.objects.get(pk=person.pk).headline_position is None


class TestPositionTerm:
    @pytest.mark.parametrize(
        ("start_date", "end_date", "english", "russian"),
        [
            (
                datetime.date(2023, 1, 1),
                datetime.date(2025, 12, 31),
                "1 January 2023 – 31 December 2025",
                "1 января 2023 – 31 декабря 2025",
            ),
            (datetime.date(2024, 3, 1), None, "since 1 March 2024", "с 1 марта 2024"),
            (None, datetime.date(2020, 5, 1), "until 1 May 2020", "по 1 мая 2020"),
            (None, None, "", ""),
        ],
    )
    def test_reads_in_the_active_language(self, start_date, end_date, english, russian):
        position = PositionFactory.build(start_date=start_date, end_date=end_date)

        assert position.term == english
        with translation.override("ru"):
            assert position.term == russian

    def test_a_one_day_term_names_the_day_twice(self):
        position = PositionFactory.build(start_date=TODAY, end_date=TODAY)

        assert position.term == "15 June 2025 – 15 June 2025"


@pytest.mark.django_db
class TestPositionConstraint:
    def test_a_term_cannot_end_before_it_starts(self):
        person = PersonFactory()

        with (
            pytest.raises(IntegrityError, match="position_end_not_before_start"),
            transaction.atomic(),
        ):
            PositionFactory(person=person, start_date=TODAY, end_date=TODAY - DAY)

        assert not Position.objects.exists()

    def test_open_and_one_day_terms_are_allowed(self):
        person = PersonFactory()

        PositionFactory(person=person, start_date=TODAY, end_date=TODAY)
        PositionFactory(person=person, start_date=None, end_date=TODAY - DAY)
        PositionFactory(person=person, start_date=TODAY, end_date=None)

        assert person.positions.count() == 3


@pytest.mark.django_db
class TestPersonPublic:
    def test_hidden_when_not_public(self):
        shown = PersonFactory()
        hidden = PersonFactory(is_public=False)

        assert shown in Person.objects.public()
        assert hidden not in Person.objects.public()

    def test_hidden_from_an_edition_it_is_not_named_in(self):
        english_only = PersonFactory()
        both = PersonFactory(russian=True)
        russian_only = PersonFactory(given_name_en="", family_name_en="", russian=True)

        assert set(Person.objects.public(language="en")) == {english_only, both}
        assert set(Person.objects.public(language="ru")) == {both, russian_only}
        with translation.override("ru"):
            assert set(Person.objects.public()) == {both, russian_only}

    def test_biography_is_sanitised(self):
        person = PersonFactory(
            biography_en='<p onmouseover="x()">Born in <em>1956</em>.</p><script>bad()</script>'
        )

        person.refresh_from_db()
        assert person.biography_en == "<p>Born in <em>1956</em>.</p>"

    def test_slug_from_a_russian_name(self):
        person = PersonFactory(
            given_name_en="", family_name_en="", given_name_ru="Андрей", family_name_ru="Сердюков"
        )

        assert person.slug == "andrey-serdyukov"


class TestContactClean:
    @pytest.mark.parametrize("value", ["press@odkb-csto", "press at odkb-csto.org", ""])
    def test_a_bad_email_is_refused(self, value):
        contact = ContactFactory.build(kind=Contact.Kind.EMAIL, value=value)

        with pytest.raises(ValidationError) as excinfo:
            contact.clean()

        assert list(excinfo.value.message_dict) == ["value"]

    @pytest.mark.parametrize("kind", sorted(Contact.PHONE_KINDS))
    @pytest.mark.parametrize("value", ["call the office", "12", "+7 495 621-33-23 ext.5", "-1234"])
    def test_a_bad_phone_is_refused(self, kind, value):
        contact = ContactFactory.build(kind=kind, value=value)

        with pytest.raises(ValidationError) as excinfo:
            contact.clean()

        assert list(excinfo.value.message_dict) == ["value"]

    @pytest.mark.parametrize(
        ("kind", "value"),
        [
            (Contact.Kind.PHONE, "+7 (495) 621-33-23"),
            (Contact.Kind.TEL_FAX, "+7495-621-33-23"),
            (Contact.Kind.FAX, "8 495 621 33 23"),
            (Contact.Kind.EMAIL, "odkb@gov.ru"),
            (Contact.Kind.ADDRESS, "Moscow, 103012, Varvarka Street 7"),
        ],
    )
    def test_good_values_pass(self, kind, value):
        if kind == Contact.Kind.ADDRESS:
            ContactFactory.build(kind=kind, value="", address_en=value).clean()  # no error
        else:
            ContactFactory.build(kind=kind, value=value).clean()  # no error

    def test_an_office_contact_needs_a_label(self):
        contact = ContactFactory.build(label_en="")

        with pytest.raises(ValidationError) as excinfo:
            contact.clean()

        assert list(excinfo.value.message_dict) == ["label_en"]

    def test_a_label_in_the_other_language_is_enough(self):
        contact = ContactFactory.build(label_en="", label_ru="Пресс-служба")

        contact.clean()  # no error

    @pytest.mark.django_db
    def test_a_persons_contact_needs_no_label(self):
        contact = ContactFactory.build(person=PersonFactory(), label_en="")

        contact.clean()  # no error


class TestContactHref:
    @pytest.mark.parametrize("kind", [Contact.Kind.PHONE, Contact.Kind.FAX, Contact.Kind.TEL_FAX])
    def test_phone_numbers_become_tel_links(self, kind):
        contact = ContactFactory.build(kind=kind, value="+7495-621-33-23")

        assert contact.href == "tel:+74956213323"
        assert contact.is_phone

    def test_brackets_and_spaces_are_dropped(self):
        contact = ContactFactory.build(kind=Contact.Kind.PHONE, value="+7 (495) 621 33 23")

        assert contact.href == "tel:+74956213323"

    def test_email_becomes_a_mailto_link(self):
        contact = ContactFactory.build(kind=Contact.Kind.EMAIL, value="odkb@gov.ru")

        assert contact.href == "mailto:odkb@gov.ru"
        assert not contact.is_phone

    def test_an_address_has_no_link(self):
        contact = ContactFactory.build(kind=Contact.Kind.ADDRESS, value="Moscow, Varvarka 7")

        assert contact.href == ""
