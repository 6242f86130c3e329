"""Leadership, profiles and press contacts."""

import datetime

import pytest
import time_machine
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from tests.factories import ContactFactory, NewsItemFactory, PersonFactory, PositionFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2025, 6, 15)
DAY = datetime.timedelta(days=1)


class TestPeopleList:
    def test_lists_public_people_in_order(self, client):
        second = PersonFactory(order=20, family_name_en="Zaynetdinov")
        first = PersonFactory(order=10, family_name_en="Tasmagambetov")
        PersonFactory(is_public=False, family_name_en="Hiddenov")
        response = client.get(reverse("people:list"))
        assert list(response.context["people"]) == [first, second]
        assert "Hiddenov" not in response.content.decode()

    def test_a_term_that_ended_reads_as_ended(self, client):
        person = PersonFactory()
        PositionFactory(
            person=person,
            start_date=datetime.date(2023, 1, 1),
            end_date=datetime.date(2025, 12, 31),
        )
        html = client.get(reverse("people:list")).content.decode()
        assert "term ended" in html

    def test_queries_are_constant(self, client, django_assert_num_queries):
        PositionFactory.create_batch(2)
        with django_assert_num_queries(3):  # people, positions, footer
            client.get(reverse("people:list"))
        PositionFactory.create_batch(10)
        with django_assert_num_queries(3):
            client.get(reverse("people:list"))


class TestProfile:
    def test_shows_biography_terms_and_news(self, client):
        person = PersonFactory(biography_en="<p>Held various government positions.</p>")
        today = timezone.localdate()
        PositionFactory(
            person=person,
            title_en="Minister of Defence",
            start_date=datetime.date(2001, 1, 1),
            end_date=today - datetime.timedelta(days=1),
        )
        PositionFactory(
            person=person, title_en="Secretary General", start_date=today, end_date=None
        )
        NewsItemFactory(published=True, people=[person], title_en="He met the press")
        NewsItemFactory(draft=True, people=[person], title_en="Unpublished note")
        response = client.get(person.get_absolute_url())
        html = response.content.decode()
        assert "Held various government positions." in html
        assert "Minister of Defence" in html and "term ended" in html
        assert "Secretary General" in html and "current" in html
        assert "He met the press" in html
        assert "Unpublished note" not in html
        assert f"?person={person.slug}" in html

    def test_private_profile_is_404(self, client):
        person = PersonFactory(is_public=False)
        assert client.get(person.get_absolute_url()).status_code == 404

    def test_only_public_contacts_are_shown(self, client):
        person = PersonFactory()
        ContactFactory(person=person, value="+7 495 000-00-01")
        ContactFactory(person=person, value="+7 495 000-00-02", is_public=False)
        html = client.get(person.get_absolute_url()).content.decode()
        assert "+7 495 000-00-01" in html
        assert "+7 495 000-00-02" not in html

    def test_queries_are_constant(self, client, django_assert_num_queries):
        person = PersonFactory()
        PositionFactory(person=person)
        ContactFactory(person=person)
        NewsItemFactory(published=True, people=[person])
        # Person, positions, contacts, latest news, footer.
        with django_assert_num_queries(5):
            client.get(person.get_absolute_url())
        PositionFactory.create_batch(3, person=person)
        ContactFactory.create_batch(3, person=person)
        NewsItemFactory.create_batch(8, published=True, people=[person])
        with django_assert_num_queries(5):
            client.get(person.get_absolute_url())


class TestPressContacts:
    def test_groups_office_and_person_contacts_and_hides_private(self, client):
        press_secretary = PersonFactory(family_name_en="Zaynetdinov")
        PositionFactory(person=press_secretary, title_en="Press Secretary")
        ContactFactory(person=press_secretary, kind="tel_fax", value="+7495-621-33-23")
        ContactFactory(label_en="Press service", kind="email", value="press@example.org")
        ContactFactory(label_en="Private line", value="+7 495 999-99-99", is_public=False)
        hidden = PersonFactory(is_public=False)
        ContactFactory(person=hidden, value="+7 495 888-88-88")
        response = client.get(reverse("people:contacts"))
        html = response.content.decode()
        assert 'href="tel:+74956213323"' in html
        assert "Press Secretary" in html
        assert 'href="mailto:press@example.org"' in html
        assert "999-99-99" not in html
        assert "888-88-88" not in html

    def test_footer_shows_the_contacts_marked_for_it(self, client):
        ContactFactory(label_en="Press Secretary", value="+7495-621-33-23", in_footer=True)
        ContactFactory(label_en="Archive", value="+7 495 111-11-11", in_footer=False)
        html = client.get(reverse("home")).content.decode()
        footer = html[html.index('class="site-footer"') :]
        assert "+7 495 621-33-23" in footer
        assert "111-11-11" not in footer

    def test_queries_are_constant(self, client, django_assert_num_queries):
        ContactFactory.create_batch(2)
        ContactFactory(person=PositionFactory().person)
        with django_assert_num_queries(3):  # contacts, their people's positions, footer
            client.get(reverse("people:contacts"))
        for position in PositionFactory.create_batch(5):
            ContactFactory(person=position.person)
        with django_assert_num_queries(3):
            client.get(reverse("people:contacts"))


class TestTermStatusTag:
    """``includes/term_status.html``: one place maps a term's status to its tag."""

    @pytest.fixture(autouse=True)
    def noon_on_today(self):
        # Noon in Moscow, so that the site's date is TODAY.
        with time_machine.travel(
            datetime.datetime(2025, 6, 15, 9, tzinfo=datetime.UTC), tick=False
        ):
            yield

    @staticmethod
    def render(position, **context):
        return render_to_string("includes/term_status.html", {"position": position, **context})

    @pytest.mark.parametrize(
        ("start_date", "end_date", "expected"),
        [
            (TODAY - 100 * DAY, TODAY - DAY, '<span class="tag tag--ended">term ended</span>'),
            (TODAY - 100 * DAY, None, '<span class="tag tag--current">current</span>'),
            (TODAY + DAY, None, '<span class="tag tag--upcoming">upcoming</span>'),
            (None, None, ""),
        ],
    )
    def test_each_status_has_its_tag(self, start_date, end_date, expected):
        position = PositionFactory.build(start_date=start_date, end_date=end_date)

        assert self.render(position).strip() == expected

    def test_ended_only_marks_an_ended_term_alone(self):
        ended = PositionFactory.build(start_date=None, end_date=TODAY - DAY)
        current = PositionFactory.build(start_date=TODAY, end_date=None)
        upcoming = PositionFactory.build(start_date=TODAY + DAY, end_date=None)

        assert "tag--ended" in self.render(ended, ended_only=True)
        assert self.render(current, ended_only=True).strip() == ""
        assert self.render(upcoming, ended_only=True).strip() == ""

    def test_reads_in_russian(self):
        position = PositionFactory.build(start_date=None, end_date=TODAY - DAY)

        with translation.override("ru"):
            assert "срок полномочий истёк" in self.render(position)

    def test_the_profile_lists_every_term_with_dates_and_status(self, client):
        person = PersonFactory()
        PositionFactory(person=person, title_en="Adviser", start_date=TODAY - 100 * DAY)
        PositionFactory(
            person=person, title_en="Envoy", start_date=TODAY + DAY, end_date=TODAY + 9 * DAY
        )
        html = client.get(person.get_absolute_url()).content.decode()

        assert f"since {date_format(TODAY - 100 * DAY, 'j E Y')}" in html
        assert "tag--current" in html and "tag--upcoming" in html
        # The headline is the current term, which carries no tag.
        headline = html.split('class="profile__position"')[1].split("</p>")[0]
        assert "Adviser" in headline and "tag" not in headline
