"""Heading order: every public page has one h1, and no heading skips a level on the way
down (an h2 may follow an h3, an h4 may not follow an h2). Screen-reader users move
through a page by its headings; the Nu HTML Checker reports skipped levels."""

from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.utils import translation

from tests.factories import EventFactory, NewsItemFactory, PositionFactory
from tests.presscenter.pages import public_pages

pytestmark = pytest.mark.django_db
HEADINGS = {f"h{level}": level for level in range(1, 7)}


class Headings(HTMLParser):
    """The levels of a page's headings, in document order, with their text."""

    def __init__(self):
        super().__init__()
        self.found, self.open = [], None

    def handle_starttag(self, tag, attrs):
        if tag in HEADINGS:
            self.found.append([HEADINGS[tag], ""])
            self.open = tag

    def handle_endtag(self, tag):
        if tag == self.open:
            self.open = None

    def handle_data(self, data):
        if self.open:
            self.found[-1][1] += data.strip()


def heading_problems(html):
    """What is wrong with a page's headings, in words; [] when nothing is."""
    parser = Headings()
    parser.feed(html)
    levels = [level for level, _ in parser.found]
    problems = []
    if levels.count(1) != 1:
        problems.append(f"{levels.count(1)} h1 elements")
    if levels and levels[0] != 1:
        problems.append(f"the first heading is h{levels[0]}")
    for (before, _), (level, text) in zip(parser.found, parser.found[1:], strict=False):
        if level > before + 1:
            problems.append(f"h{before} then h{level} ({text!r})")
    return problems


def test_the_checker_catches_a_skipped_level():
    assert heading_problems("<h1>A</h1><h2>B</h2><h3>C</h3><h2>D</h2><h3>E</h3>") == []
    assert heading_problems("<h1>Leadership</h1><h3>Imangali</h3>") == ["h1 then h3 ('Imangali')"]
    assert heading_problems("<h2>A</h2><h1>B</h1>") == ["the first heading is h2"]
    assert heading_problems("<h1>A</h1><h1>B</h1>") == ["2 h1 elements"]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_no_public_page_of_the_demo_skips_a_heading_level(client, language):
    call_command("load_demo", verbosity=0)
    urls = public_pages(language)
    with translation.override(language):
        urls.append("/no/such/page/" if language == "en" else "/ru/no/such/page/")
    problems = {}
    for url in urls:
        response = client.get(url)
        found = heading_problems(response.content.decode())
        if found:
            problems[url] = found
    assert len(urls) > 20
    assert problems == {}


def test_pages_in_every_state_keep_the_order(client):
    """What the demo does not show: upcoming events, a gallery, documents, filters that
    find nothing, an empty leadership."""
    person = PositionFactory().person
    event = EventFactory(participants=[person])
    item = NewsItemFactory(published=True, people=[person], event=event)
    NewsItemFactory.create_batch(3, published=True, section=item.section)
    urls = [
        "/",
        "/news/",
        "/news/?q=nothing-matches-this",
        "/news/?page=2",
        "/events/",
        event.get_absolute_url(),
        item.get_absolute_url(),
        "/people/",
        person.get_absolute_url(),
        "/press/contacts/",
    ]
    problems = {url: heading_problems(client.get(url).content.decode()) for url in urls}
    assert {url: found for url, found in problems.items() if found} == {}
