"""What every public page says about itself in its <head>: a title and a description
of its own, a canonical address, OpenGraph and Twitter card tags, JSON-LD; the
favicon and the share images behind them."""

import io
import json
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from PIL import Image

from news.models import Event, NewsItem, Section
from news.views import NewsListView
from people.models import Contact, Person
from tests.factories import (
    ContactFactory,
    EventFactory,
    NewsItemFactory,
    PersonFactory,
    PositionFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


class Head(HTMLParser):
    """The <head> as a reader of metadata sees it: <title>, <meta> by name or
    property (a list per key: og:locale:alternate repeats), <link> by rel, and the
    JSON-LD documents, parsed."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.title, self.meta, self.links, self.json_ld = "", {}, {}, []
        self.in_title = self.in_json_ld = False
        self.feed(html[: html.index("</head>") + len("</head>")])

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self.in_title = True
        elif tag == "meta" and ("name" in attrs or "property" in attrs):
            key = attrs.get("name") or attrs["property"]
            self.meta.setdefault(key, []).append(attrs.get("content"))
        elif tag == "link":
            self.links.setdefault(attrs["rel"], []).append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self.in_json_ld = True

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        elif tag == "script":
            self.in_json_ld = False

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        elif self.in_json_ld:
            self.json_ld.append(json.loads(data))

    def one(self, key):
        (value,) = self.meta[key]
        return value

    def canonical(self):
        links = self.links.get("canonical", [])
        assert len(links) <= 1
        return links[0]["href"] if links else None

    def documents(self, type_):
        return [document for document in self.json_ld if document["@type"] == type_]


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return Head(response.content.decode())


def png(width=800, height=450, name="summit.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "navy").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue())


def public_pages(language):
    """Every public HTML page of the site in one edition."""
    with translation.override(language):
        urls = [
            reverse("home"),
            reverse("news:list"),
            reverse("news:event_list"),
            reverse("people:list"),
            reverse("people:contacts"),
        ]
        urls += [s.get_absolute_url() for s in Section.objects.written_in(language)]
        urls += [i.get_absolute_url() for i in NewsItem.objects.published(language=language)]
        urls += [e.get_absolute_url() for e in Event.objects.public(language=language)]
        urls += [p.get_absolute_url() for p in Person.objects.public(language=language)]
    return urls


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


class TestEveryPage:
    @pytest.mark.parametrize("language", ["en", "ru"])
    def test_each_page_has_its_own_title_description_and_canonical_address(
        self, client, demo, language
    ):
        titles, descriptions = {}, {}
        for url in public_pages(language):
            page = head(client, url)
            assert page.title.strip(), url
            assert page.canonical() == f"http://testserver{url}", url
            assert page.one("og:url") == page.canonical(), url
            description = page.one("description")
            assert len(description) >= 20, url
            assert page.one("og:description") == description, url
            assert page.one("og:title") and page.one("og:type"), url
            assert page.one("og:locale") == {"en": "en_GB", "ru": "ru_RU"}[language]
            assert page.one("og:site_name"), url
            assert page.one("og:image").startswith("http://testserver/"), url
            assert page.one("og:image:alt"), url
            assert page.one("twitter:card") in ("summary", "summary_large_image"), url
            titles.setdefault(page.title, []).append(url)
            descriptions.setdefault(description, []).append(url)
        assert [urls for urls in titles.values() if len(urls) > 1] == []
        assert [urls for urls in descriptions.values() if len(urls) > 1] == []

    def test_the_other_edition_is_named_when_the_page_exists_there(self, client):
        both = NewsItemFactory(published=True, russian=True)
        english = NewsItemFactory(published=True)
        assert head(client, both.get_absolute_url()).meta["og:locale:alternate"] == ["ru_RU"]
        assert "og:locale:alternate" not in head(client, english.get_absolute_url()).meta

    def test_a_missing_page_names_no_canonical_address(self, client):
        response = client.get("/news/no-such-section/")
        assert response.status_code == 404
        page = Head(response.content.decode())
        assert page.canonical() is None
        assert "og:url" not in page.meta


class TestDescriptions:
    def test_a_lead_is_escaped_once(self, client):
        item = NewsItemFactory(published=True, lead_en="Tom & Jerry <signed> it")
        html = client.get(item.get_absolute_url()).content.decode()
        assert 'name="description" content="Tom &amp; Jerry &lt;signed&gt; it"' in html
        assert "&amp;amp;" not in html
        assert head(client, item.get_absolute_url()).one("description") == (
            "Tom & Jerry <signed> it"
        )

    def test_a_body_is_read_as_text_and_escaped_once(self, client):
        item = NewsItemFactory(published=True, lead_en="", body_en="<p>Tom &amp; Jerry</p>")
        html = client.get(item.get_absolute_url()).content.decode()
        assert '<meta name="description" content="Tom &amp; Jerry">' in html
        assert '<meta property="og:description" content="Tom &amp; Jerry">' in html
        assert "&amp;amp;" not in html

    def test_a_long_text_is_cut_at_a_word(self, client):
        item = NewsItemFactory(published=True, lead_en="word " * 100)
        description = head(client, item.get_absolute_url()).one("description")
        assert len(description) <= 200
        assert description.endswith("word…")

    def test_a_profile_is_described_by_the_position_held(self, client):
        position = PositionFactory(title_en="Press Secretary", organisation_en="CSTO")
        page = head(client, position.person.get_absolute_url())
        assert page.one("description").startswith("Press Secretary, CSTO. ")

    def test_an_event_is_described_by_when_where_and_its_description(self, client):
        event = EventFactory(
            description_en="<p>The Council &amp; guests met.</p>", venue_en="", city_en="Minsk"
        )
        assert (
            head(client, event.get_absolute_url())
            .one("description")
            .endswith(", Minsk. The Council & guests met.")
        )
        bare = EventFactory(description_en="", title_en="Briefing", venue_en="", city_en="Minsk")
        assert head(client, bare.get_absolute_url()).one("description").startswith("Briefing: ")

    def test_a_section_is_described_by_its_description(self, client):
        section = SectionFactory(description_en="Statements & speeches.")
        assert head(client, section.get_absolute_url()).one("description") == (
            "Statements & speeches."
        )


class TestCanonical:
    def test_a_section_page_has_one(self, client):
        section = SectionFactory()
        assert head(client, section.get_absolute_url()).canonical() == (
            f"http://testserver{section.get_absolute_url()}"
        )

    @pytest.fixture
    def short_pages(self, monkeypatch):
        monkeypatch.setattr(NewsListView, "paginate_by", 2)

    @pytest.mark.usefixtures("short_pages")
    def test_a_list_keeps_its_page_number_and_drops_everything_else(self, client):
        NewsItemFactory.create_batch(5, published=True)
        url = reverse("news:list")
        assert head(client, url + "?page=2&utm_source=x").canonical() == (
            f"http://testserver{url}?page=2"
        )
        assert head(client, url + "?page=1").canonical() == f"http://testserver{url}"
        assert head(client, url + "?page=abc").canonical() == f"http://testserver{url}"

    def test_a_filtered_list_names_the_unfiltered_one(self, client):
        NewsItemFactory.create_batch(3, published=True, kind=NewsItem.Kind.STATEMENT)
        url = reverse("news:list")
        page = head(client, url + "?kind=statement&page=2")
        assert page.canonical() == f"http://testserver{url}"

    @pytest.mark.usefixtures("short_pages")
    def test_pages_past_the_first_have_their_number_in_the_title(self, client):
        NewsItemFactory.create_batch(3, published=True)
        first, second = (head(client, f"/news/?page={n}") for n in (1, 2))
        assert first.title != second.title
        assert "page 2" in second.title


class TestSharedLinks:
    """A link pasted into a messenger shows the title, the description and a picture
    the messenger can fetch."""

    def fetchable(self, client, url):
        """The picture is there: a static file the site serves, or a stored upload
        (served by the web server in production)."""
        path = url.removeprefix("http://testserver")
        assert path != url
        if path.startswith(settings.MEDIA_URL):
            assert default_storage.exists(path.removeprefix(settings.MEDIA_URL)), url
        else:
            response = client.get(path)
            assert response.status_code == 200, url
            assert response["Content-Type"] == "image/png"

    def test_an_item_with_its_own_picture(self, client):
        item = NewsItemFactory(
            published=True,
            title_en="Tom & Jerry at the Council",
            lead_en="The summit opened.",
            image=png(),
            image_alt_en="Delegates at the table",
        )
        page = head(client, item.get_absolute_url())
        assert page.one("og:title") == "Tom & Jerry at the Council"
        assert page.title == "Tom & Jerry at the Council — CSTO"
        assert page.one("og:description") == "The summit opened."
        assert page.one("og:type") == "article"
        assert page.one("og:image") == f"http://testserver{item.image.url}"
        assert page.one("og:image:width") == "800" and page.one("og:image:height") == "450"
        assert page.one("og:image:type") == "image/png"
        assert page.one("og:image:alt") == "Delegates at the table"
        assert page.one("twitter:card") == "summary_large_image"
        self.fetchable(client, page.one("og:image"))

    def test_an_item_without_a_picture_shows_the_organisations(self, client):
        item = NewsItemFactory(published=True)
        page = head(client, item.get_absolute_url())
        url = page.one("og:image")
        assert url.endswith(".png") and "/static/img/share-en" in url
        assert (page.one("og:image:width"), page.one("og:image:height")) == ("1200", "630")
        assert page.one("twitter:card") == "summary_large_image"
        self.fetchable(client, url)

    def test_the_russian_edition_has_its_own_default_picture(self, client):
        item = NewsItemFactory(published=True, russian=True)
        with translation.override("ru"):
            url = item.get_absolute_url()
        page = head(client, url)
        assert "/static/img/share-ru" in page.one("og:image")
        assert "Организация Договора" in page.one("og:image:alt")

    def test_a_profile_shows_its_portrait_as_a_small_card(self, client):
        person = PersonFactory(photo=png(300, 400), photo_alt_en="Portrait")
        page = head(client, person.get_absolute_url())
        assert page.one("og:image") == f"http://testserver{person.photo.url}"
        assert page.one("og:type") == "profile"
        assert page.one("twitter:card") == "summary"

    @pytest.mark.parametrize("language", ["en", "ru"])
    def test_the_share_images_are_proper_pictures(self, language):
        with Image.open(finders.find(f"img/share-{language}.png")) as image:
            assert image.size == (1200, 630)
            assert image.format == "PNG"
            # Mostly the site's navy, not a blank canvas.
            assert image.getpixel((600, 20))[:3] == (0x12, 0x39, 0x6B)


class TestIcons:
    def test_favicon_ico_is_a_real_icon_at_the_root(self, client):
        response = client.get("/favicon.ico")
        assert response.status_code == 200
        assert response["Content-Type"] == "image/x-icon"
        content = b"".join(response.streaming_content)
        with Image.open(io.BytesIO(content)) as icon:
            assert icon.format == "ICO"
            assert {(16, 16), (32, 32)} <= set(icon.info["sizes"])

    def test_pages_link_the_icons(self, client):
        page = head(client, reverse("home"))
        icons = {link.get("type", ""): link["href"] for link in page.links["icon"]}
        assert icons[""] == "/favicon.ico"
        assert icons["image/svg+xml"].endswith(".svg")
        (touch,) = page.links["apple-touch-icon"]
        assert client.get(touch["href"]).status_code == 200
        with Image.open(finders.find("img/apple-touch-icon.png")) as image:
            assert image.size == (180, 180)


class TestStructuredData:
    def test_a_news_item_is_a_news_article(self, client):
        item = NewsItemFactory(
            published=True, image=png(), image_alt_en="Delegates", lead_en="Lead."
        )
        (article,) = head(client, item.get_absolute_url()).documents("NewsArticle")
        url = f"http://testserver{item.get_absolute_url()}"
        assert article["@context"] == "https://schema.org"
        assert article["headline"] == item.title_en
        assert article["description"] == "Lead."
        assert article["inLanguage"] == "en"
        assert article["datePublished"].startswith(item.published_at.date().isoformat()[:4])
        assert article["dateModified"] >= article["datePublished"][:10]
        assert article["image"] == [f"http://testserver{item.image.url}"]
        assert article["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
        for role in ("author", "publisher"):
            assert article[role]["@type"] == "Organization"
            assert article[role]["name"] == "Collective Security Treaty Organization"
        assert article["publisher"]["logo"].startswith("http://testserver/static/img/")

    def test_a_profile_is_a_person(self, client):
        person = PersonFactory(
            given_name_en="Vladimir", family_name_en="Zaynetdinov", photo=png(30, 40)
        )
        PositionFactory(person=person, title_en="Press Secretary", organisation_en="")
        (data,) = head(client, person.get_absolute_url()).documents("Person")
        assert data["name"] == "Vladimir Zaynetdinov"
        assert data["jobTitle"] == "Press Secretary"
        assert data["worksFor"] == {
            "@type": "Organization",
            "name": "Collective Security Treaty Organization",
        }
        assert data["image"] == f"http://testserver{person.photo.url}"

    def test_an_event_is_an_event(self, client):
        event = EventFactory(title_en="Council session", venue_en="Secretariat", city_en="Moscow")
        (data,) = head(client, event.get_absolute_url()).documents("Event")
        assert data["name"] == "Council session"
        assert data["startDate"] < data["endDate"]
        assert data["eventStatus"] == "https://schema.org/EventScheduled"
        assert data["location"] == {
            "@type": "Place",
            "name": "Secretariat",
            "address": {"@type": "PostalAddress", "addressLocality": "Moscow"},
        }
        assert data["description"] == "The Council discussed the agenda."

    def test_an_all_day_event_gives_dates(self, client):
        event = EventFactory(all_day=True)
        (data,) = head(client, event.get_absolute_url()).documents("Event")
        assert len(data["startDate"]) == len("2026-01-01")

    def test_the_home_page_is_the_organization_with_its_press_contacts(self, client):
        press_secretary = PersonFactory(given_name_en="Vladimir", family_name_en="Zaynetdinov")
        ContactFactory(
            person=press_secretary, kind=Contact.Kind.TEL_FAX, value="+7 495 621-33-23",
            in_footer=True,
        )  # fmt: skip
        ContactFactory(
            label_en="Press service", kind=Contact.Kind.EMAIL, value="press@example.org",
            in_footer=True,
        )  # fmt: skip
        ContactFactory(label_en="Hidden", value="+7 000", in_footer=True, is_public=False)
        (organization,) = head(client, reverse("home")).documents("Organization")
        assert organization["name"] == "Collective Security Treaty Organization"
        assert organization["url"] == "http://testserver/"
        assert organization["contactPoint"] == [
            {
                "@type": "ContactPoint",
                "contactType": "press",
                "name": "Press service",
                "email": "press@example.org",
            },
            {
                "@type": "ContactPoint",
                "contactType": "press",
                "name": "Vladimir Zaynetdinov",
                "telephone": "+74956213323",  # E.164, as stored
                "faxNumber": "+74956213323",
            },
        ]

    def test_no_unpublished_item_appears_in_any_page_data(self, client):
        person = PersonFactory()
        event = EventFactory(participants=[person])
        NewsItemFactory(published=True, people=[person], event=event)
        for state in ("draft", "scheduled"):
            NewsItemFactory(
                **{state: True}, people=[person], event=event, title_en=f"Unreleased {state}"
            )
        for url in public_pages("en"):
            response = client.get(url)
            for document in Head(response.content.decode()).json_ld:
                assert "Unreleased" not in json.dumps(document), url

    HOSTILE = 'Break </script><script>alert(1)</script> <!-- x \u2028 \u2029 "q" & more'

    def test_no_field_can_end_the_script_element(self, client):
        item = NewsItemFactory(published=True, title_en=self.HOSTILE, lead_en=self.HOSTILE)
        event = EventFactory(title_en=self.HOSTILE, description_en=self.HOSTILE)
        person = PersonFactory(family_name_en=self.HOSTILE, short_bio_en=self.HOSTILE)
        for url, type_, key in (
            (item.get_absolute_url(), "NewsArticle", "headline"),
            (event.get_absolute_url(), "Event", "name"),
            (person.get_absolute_url(), "Person", "familyName"),
        ):
            html = client.get(url).content.decode()
            scripts = html.split('<script type="application/ld+json">')[1:]
            (script,) = scripts
            data_block = script[: script.index("</script>")]
            for dangerous in ("<", ">", "\u2028", "\u2029"):
                assert dangerous not in data_block, (url, dangerous)
            (document,) = Head(html).documents(type_)
            assert document[key] == self.HOSTILE[: len(document[key])], url
            assert html.count("<script>alert(1)</script>") == 0, url
