"""Script-injection payloads in every text and rich-text field of sections, news items,
events, people, positions and contacts are neutralised wherever the field is shown:
the public pages of both editions, the RSS and Atom feeds, the iCalendar, vCard and
CSV exports, and the admin's lists and forms.

Each payload is stored (through the factories, so by the models' own write path) in
every such field, in both languages; then every output is read the way its consumer
reads it, and must hold no executable form of it: no script element carrying it, no
event-handler attribute, no ``javascript:`` link, no line that a calendar or an address
book would take for a property of its own, no spreadsheet formula."""

import csv
import io
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from news.models import Event, NewsItem, Section
from people.models import Contact, Person
from tests.contentline_reader import unfold
from tests.factories import (
    ContactFactory,
    EventFactory,
    NewsItemFactory,
    PersonFactory,
    PositionFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(1)' x='",
    "javascript:alert(1)",
    '<a href="javascript:alert(1)">link</a>',
    "</title><script>alert(1)</script>",
    "</textarea><svg onload=alert(1)>",
    "{{7*7}} {% debug %} ${7*7}",
    "'; DROP TABLE news_newsitem; --",
    "line\u2028separator\u2029paragraph <script>alert(1)</script>",
    "x\r\nBEGIN:VEVENT\r\nSUMMARY:injected\r\nEND:VEVENT",
    '=HYPERLINK("http://evil.example","x")',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
]
MARKER = "alert("
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}


class ExecutableMarkup(HTMLParser):
    """Collects what a browser would run in a page: inline scripts, event-handler
    attributes, ``javascript:`` URLs; and the page's text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self.text, self.in_script = [], [], False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES and value:
                scheme = re.sub(r"[\x00-\x20]", "", value).lower()
                if scheme.startswith(("javascript:", "vbscript:", "data:text/html")):
                    self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            self.in_script = True

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script and MARKER in data:
            self.found.append(f"<script>{data}</script>")
        elif not self.in_script:
            self.text.append(data)


def executable_markup(html):
    parser = ExecutableMarkup()
    parser.feed(html)
    parser.close()
    return parser.found


def visible_text(html):
    parser = ExecutableMarkup()
    parser.feed(html)
    return " ".join(" ".join(parser.text).split())


def both(**fields):
    """``fields`` in both languages: title="x" gives title_en and title_ru."""
    return {f"{name}_{code}": value for name, value in fields.items() for code in ("en", "ru")}


@pytest.fixture
def world(request):
    """One object of each kind, every text field holding the payload."""
    payload = request.param
    person = PersonFactory(
        **both(
            given_name=payload,
            patronymic=payload,
            family_name=payload,
            photo_alt=payload,
            short_bio=payload,
            biography=payload,
        ),
        photo="people/portrait.png",
    )
    PositionFactory(person=person, **both(title=payload, organisation=payload))
    for kind, value in ((Contact.Kind.PHONE, payload), (Contact.Kind.EMAIL, payload)):
        ContactFactory(person=person, kind=kind, value=value, in_footer=True)
    ContactFactory(
        person=person, kind=Contact.Kind.ADDRESS, value="", in_footer=True, **both(address=payload)
    )
    ContactFactory(person=None, kind=Contact.Kind.TEL_FAX, value=payload, **both(label=payload))
    section = SectionFactory(**both(name=payload, description=payload))
    event = EventFactory(
        **both(title=payload, venue=payload, city=payload, description=payload),
        participants=[person],
    )
    item = NewsItemFactory(
        published=True,
        section=section,
        event=event,
        people=[person],
        image="news/photo.png",
        image_credit=payload,
        **both(
            title=payload,
            lead=payload,
            body=payload,
            image_alt=payload,
            image_caption=payload,
        ),
    )
    return {"payload": payload, "item": item, "event": event, "person": person}


def public_pages(world):
    item, event, person = world["item"], world["event"], world["person"]
    query = urlencode({"q": world["payload"]})
    paths = [
        "/",
        "/news/",
        f"/news/?{query}",
        f"/news/?person={person.slug}&event={event.slug}",
        item.section.get_absolute_url(),
        item.get_absolute_url(),
        "/events/",
        event.get_absolute_url(),
        "/people/",
        person.get_absolute_url(),
        "/press/contacts/",
    ]
    return [prefix + path for prefix in ("", "/ru") for path in paths]


def admin_pages(world):
    pages = [reverse("admin:news_newsitem_changelist") + "?" + urlencode({"q": world["payload"]})]
    for model, obj in (
        (Section, world["item"].section),
        (NewsItem, world["item"]),
        (Event, world["event"]),
        (Person, world["person"]),  # with its positions and contacts inline
        (Contact, Contact.objects.filter(person=None).get()),
    ):
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pages += [reverse(f"{prefix}_changelist"), reverse(f"{prefix}_change", args=[obj.pk])]
    return pages


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


with_each_payload = pytest.mark.parametrize(
    "world", PAYLOADS, indirect=True, ids=[f"payload-{n}" for n in range(len(PAYLOADS))]
)


@with_each_payload
def test_public_pages_show_the_payload_as_text(client, world):
    item_page = world["item"].get_absolute_url()
    for url in public_pages(world):
        html = get(client, url)
        assert executable_markup(html) == [], url
        if url == item_page:
            # Shown, not removed and not evaluated: the page reads the title as written.
            assert " ".join(world["payload"].split()) in visible_text(html)


@with_each_payload
def test_feeds_carry_the_payload_as_text(client, world):
    section = world["item"].section.slug
    for prefix in ("", "/ru"):
        for path in (
            "/news/feed/rss/",
            "/news/feed/atom/",
            f"/news/{section}/feed/rss/",
            f"/news/{section}/feed/atom/",
        ):
            root = ET.fromstring(get(client, prefix + path).encode())
            for element in root.iter():
                declared_html = element.tag == "description" or element.get("type") == "html"
                if declared_html and element.text:
                    assert executable_markup(element.text) == [], (path, element.text)


CALENDAR_PROPERTIES = {
    "BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "X-WR-CALNAME",
    "UID", "DTSTAMP", "LAST-MODIFIED", "SEQUENCE", "DTSTART", "DTEND", "SUMMARY",
    "DESCRIPTION", "LOCATION", "URL",
}  # fmt: skip
VCARD_PROPERTIES = {
    "BEGIN", "END", "VERSION", "N", "FN", "ORG", "TITLE", "TEL", "EMAIL", "ADR", "URL",
    "X-ABSHOWAS",
}  # fmt: skip


def content_lines(body):
    lines = unfold(body).split("\r\n")
    assert lines[-1] == ""
    return [re.match(r"([A-Z-]+)[;:]", line)[1] for line in lines[:-1]]


@with_each_payload
def test_calendar_and_vcards_keep_the_payload_in_its_property(client, world):
    for prefix in ("", "/ru"):
        names = content_lines(get(client, f"{prefix}/events/calendar.ics"))
        assert set(names) <= CALENDAR_PROPERTIES
        assert names.count("BEGIN") == 2  # the calendar and the one event

        names = content_lines(get(client, f"{prefix}/press/contacts.vcf"))
        assert set(names) <= VCARD_PROPERTIES
        assert names.count("BEGIN") == 2  # the office and the person


@with_each_payload
def test_the_csv_holds_no_formula_and_no_extra_row(client, world):
    for prefix in ("", "/ru"):
        rows = list(csv.reader(io.StringIO(get(client, f"{prefix}/press/contacts.csv"))))
        assert len(rows) == 1 + 2  # the person and the office
        for cell in (cell for row in rows[1:] for cell in row):
            # Only a checked phone number may start with "+": "+7 495 621-33-23".
            is_number = re.fullmatch(r"\+[0-9][0-9 -]+", cell)
            assert is_number or not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


@with_each_payload
def test_the_admin_lists_and_forms_show_the_payload_as_text(admin_client, world):
    for url in admin_pages(world):
        assert executable_markup(get(admin_client, url)) == [], url
