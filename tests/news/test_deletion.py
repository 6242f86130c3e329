"""No lost work: a section, event or person that news or events refer to is not deleted
from under them, in the admin or in code, and the admin says why."""

import re

import pytest
from django.db.models.deletion import ProtectedError
from django.urls import reverse

from news.models import Event, NewsItem, Section
from people.models import Person
from tests.factories import EventFactory, NewsItemFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db

EXPLANATION = "Nothing was deleted: the news items or events listed below refer to it."


def delete_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_delete", args=[obj.pk])


def refused(admin_client, obj, *referring):
    """Open the delete page and confirm it; both refuse, naming ``referring``."""
    page = admin_client.get(delete_url(obj))
    html = page.content.decode()
    assert page.status_code == 200
    assert EXPLANATION in html
    assert 'type="submit"' not in html.split('id="content"')[1]  # no "Yes, I'm sure"
    for other in referring:
        change = reverse(
            f"admin:{other._meta.app_label}_{other._meta.model_name}_change", args=[other.pk]
        )
        assert f'<a href="{change}">{other}</a>' in html
    confirmed = admin_client.post(delete_url(obj), {"post": "yes"})
    assert confirmed.status_code == 200
    assert EXPLANATION in confirmed.content.decode()
    assert type(obj).objects.filter(pk=obj.pk).exists()


class TestPerson:
    def test_named_in_a_published_item_is_refused(self, admin_client):
        person = PersonFactory()
        item = NewsItemFactory(published=True, people=[person])
        refused(admin_client, person, item)
        assert list(item.people.all()) == [person]

    def test_named_only_in_a_draft_is_refused_too(self, admin_client):
        """A draft, an item in review or a scheduled one would lose the person just as
        silently: unlink it first if the person must go."""
        person = PersonFactory()
        draft = NewsItemFactory(draft=True, people=[person])
        refused(admin_client, person, draft)

    def test_a_participant_of_an_event_is_refused(self, admin_client):
        person = PersonFactory()
        event = EventFactory(participants=[person])
        refused(admin_client, person, event)

    def test_once_unlinked_it_can_be_deleted(self, admin_client):
        person = PersonFactory()
        item = NewsItemFactory(published=True, people=[person])
        item.people.clear()
        response = admin_client.post(delete_url(person), {"post": "yes"})
        assert response.status_code == 302
        assert not Person.objects.filter(pk=person.pk).exists()

    def test_the_bulk_action_deletes_nothing_when_one_is_referred_to(self, admin_client):
        free, named = PersonFactory(), PersonFactory()
        item = NewsItemFactory(published=True, people=[named])
        response = admin_client.post(
            reverse("admin:people_person_changelist"),
            {"action": "delete_selected", "_selected_action": [free.pk, named.pk], "post": "yes"},
        )
        html = response.content.decode()
        assert response.status_code == 200
        assert EXPLANATION in html
        assert str(item) in html
        assert Person.objects.filter(pk__in=[free.pk, named.pk]).count() == 2

    def test_code_cannot_delete_it_either(self):
        person = PersonFactory()
        item = NewsItemFactory(published=True, people=[person])
        with pytest.raises(ProtectedError) as refusal:
            person.delete()
        assert refusal.value.protected_objects == {item}
        with pytest.raises(ProtectedError):
            Person.objects.filter(pk=person.pk).delete()
        assert Person.objects.filter(pk=person.pk).exists()
        assert list(item.people.all()) == [person]

    def test_many_referring_items_are_listed_up_to_a_limit(self, admin_client):
        person = PersonFactory()
        NewsItemFactory.create_batch(52, published=True, people=[person])
        html = admin_client.get(delete_url(person)).content.decode()
        assert len(re.findall(r'href="/admin/news/newsitem/\d+/change/"', html)) == 50
        assert "… and more" in html


class TestEvent:
    def test_reported_on_by_an_item_is_refused(self, admin_client):
        event = EventFactory()
        item = NewsItemFactory(published=True, event=event)
        refused(admin_client, event, item)
        item.refresh_from_db()
        assert item.event == event
        with pytest.raises(ProtectedError):
            event.delete()

    def test_without_news_it_can_be_deleted(self, admin_client):
        event = EventFactory(participants=[PersonFactory()])
        response = admin_client.post(delete_url(event), {"post": "yes"})
        assert response.status_code == 302
        assert not Event.objects.filter(pk=event.pk).exists()


class TestSection:
    def test_with_items_is_refused(self, admin_client):
        section = SectionFactory()
        item = NewsItemFactory(draft=True, section=section)
        refused(admin_client, section, item)
        assert Section.objects.filter(pk=section.pk).exists()
        assert NewsItem.objects.filter(pk=item.pk).exists()
