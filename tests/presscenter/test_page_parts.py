"""The parts list and detail pages share: the page head and the breadcrumbs."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import (
    ContactFactory,
    EventFactory,
    NewsItemFactory,
    PersonFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


def page_head(html):
    heads = re.findall(r'<header class="page-head">(.*?)</header>', html, re.S)
    assert len(heads) == 1
    return heads[0]


def breadcrumbs(html):
    navs = re.findall(r'<nav class="breadcrumbs" aria-label="Breadcrumbs">(.*?)</nav>', html, re.S)
    assert len(navs) == 1
    return re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', navs[0])


class TestPageHead:
    @pytest.mark.parametrize(
        ("url_name", "title"),
        [
            ("news:list", "All news"),
            ("news:event_list", "Events"),
            ("people:list", "People"),
            ("people:contacts", "Press contacts"),
        ],
    )
    def test_every_list_page_has_the_kicker_and_its_title(self, client, url_name, title):
        head = page_head(client.get(reverse(url_name)).content.decode())

        assert '<p class="page-head__kicker"><a href="/">Press centre</a></p>' in head
        assert f'<h1 class="page-head__title">{title}</h1>' in head

    def test_a_section_page_has_its_name_description_and_a_way_back(self, client):
        section = SectionFactory(name_en="Statements", description_en="What was said & when.")

        head = page_head(client.get(section.get_absolute_url()).content.decode())

        assert '<h1 class="page-head__title">Statements</h1>' in head
        assert '<p class="page-head__intro">What was said &amp; when.</p>' in head
        assert f'<a href="{reverse("news:list")}">← Back to all news</a>' in head

    def test_a_section_without_description_has_no_intro(self, client):
        section = SectionFactory(description_en="")

        head = page_head(client.get(section.get_absolute_url()).content.decode())

        assert "page-head__intro" not in head

    def test_the_events_page_offers_the_calendar(self, client):
        head = page_head(client.get(reverse("news:event_list")).content.decode())

        assert f'href="{reverse("news:calendar")}" type="text/calendar"' in head

    def test_press_contacts_offer_downloads_only_when_there_are_contacts(self, client):
        html = client.get(reverse("people:contacts")).content.decode()
        assert 'class="downloads"' not in html

        ContactFactory()
        html = client.get(reverse("people:contacts")).content.decode()
        downloads = html[html.index('class="downloads"') : html.index('class="contact-cards"')]
        for name in ("contacts_vcf", "contacts_csv", "contacts_xlsx"):
            assert f'href="{reverse(f"people:{name}")}"' in downloads

    def test_the_head_reads_in_russian(self, client):
        with translation.override("ru"):
            url = reverse("people:list")
        head = page_head(client.get(url).content.decode())

        assert '<a href="/ru/">Пресс-центр</a>' in head
        assert '<h1 class="page-head__title">Руководство</h1>' in head


class TestBreadcrumbs:
    def test_a_news_item_leads_up_to_its_section(self, client):
        item = NewsItemFactory(published=True)

        trail = breadcrumbs(client.get(item.get_absolute_url()).content.decode())

        assert trail == [
            ("/", "Home"),
            (reverse("news:list"), "News"),
            (item.section.get_absolute_url(), str(item.section)),
        ]

    def test_an_event_leads_up_to_the_events(self, client):
        event = EventFactory()

        trail = breadcrumbs(client.get(event.get_absolute_url()).content.decode())

        assert trail == [("/", "Home"), (reverse("news:event_list"), "Events")]

    def test_a_profile_leads_up_to_the_people(self, client):
        person = PersonFactory()

        trail = breadcrumbs(client.get(person.get_absolute_url()).content.decode())

        assert trail == [("/", "Home"), (reverse("people:list"), "People")]
