"""The English and Russian editions, with the demo content loaded."""

import re
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from news.models import Event, NewsItem, Section
from people.models import Person
from tests.factories import NewsItemFactory

pytestmark = pytest.mark.django_db

# Latin words a Russian page may carry: language codes in the switcher, format names,
# and the names of the programs the contacts page says each file is for.
ALLOWED_LATIN = {"EN", "RU", "RSS", "Atom", "vCard", "CSV", "iCalendar", "tel", "XLSX"}
ALLOWED_LATIN |= {"Excel", "LibreOffice", "Google", "Outlook", "iPhone", "Android"}
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


class VisibleText(HTMLParser):
    """Text a reader sees or hears: text nodes plus alt/title/aria-label/placeholder,
    leaving out <script>, <style> and anything marked as another language."""

    SKIP = {"script", "style"}
    VOID = {"br", "img", "input", "link", "meta", "hr", "source", "wbr"}

    def __init__(self):
        super().__init__()
        self.stack, self.parts = [], []

    def skipping(self):
        return any(tag in self.SKIP or lang not in (None, "ru") for tag, lang in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang") if tag != "html" else None
        if tag not in self.VOID:
            self.stack.append((tag, lang))
        if not self.skipping() and lang in (None, "ru"):
            for name in ("alt", "title", "aria-label", "placeholder"):
                if attrs.get(name):
                    self.parts.append(attrs[name])
            if tag == "meta" and attrs.get("name") == "description":
                self.parts.append(attrs.get("content", ""))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if not self.skipping():
            self.parts.append(data)


def latin_words(html):
    parser = VisibleText()
    parser.feed(html)
    text = " ".join(parser.parts)
    return sorted({w for w in LATIN_WORD.findall(text) if w not in ALLOWED_LATIN})


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def public_pages(language):
    """Every public HTML page of the demo site, in one edition."""
    with translation.override(language):
        urls = [
            reverse("home"),
            reverse("news:list"),
            reverse("news:list") + "?kind=123&date_from=2024-13-45",
            reverse("news:event_list"),
            reverse("people:list"),
            reverse("people:contacts"),
        ]
        urls += [s.get_absolute_url() for s in Section.objects.all()]
        urls += [i.get_absolute_url() for i in NewsItem.objects.published(language=language)]
        urls += [e.get_absolute_url() for e in Event.objects.public(language=language)]
        urls += [p.get_absolute_url() for p in Person.objects.public(language=language)]
    return urls


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_page_renders_in_both_editions(client, demo, language):
    urls = public_pages(language)
    assert len(urls) >= 20
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert f'<html lang="{language}">' in response.content.decode(), url


def test_russian_pages_have_no_english_text(client, demo):
    problems = {}
    for url in public_pages("ru"):
        assert url.startswith("/ru/")
        words = latin_words(client.get(url).content.decode())
        if words:
            problems[url] = words
    assert problems == {}


def test_the_checker_catches_an_untranslated_string():
    assert latin_words("<p>Новости</p><p>Back to all news</p>") == ["Back", "all", "news", "to"]
    assert latin_words('<a lang="en" title="English">EN</a><p>Новости</p>') == []


def test_demo_content_reads_in_russian(client, demo):
    html = client.get("/ru/").content.decode()
    assert "Организация Договора о коллективной безопасности" in html
    assert "Пресс-центр" in html
    assert "25 июля 2024" in html
    profile = client.get("/ru/people/imangali-tasmagambetov/").content.decode()
    assert "Имангали Нургалиевич Тасмагамбетов" in profile
    assert "1 января 2023 – 31 декабря 2025" in profile


def test_english_dates_read_in_english(client, demo):
    assert "25 July 2024" in client.get("/").content.decode()


class TestOneLanguageItems:
    def test_english_only_item_is_absent_from_the_russian_edition(self, client):
        english = NewsItemFactory(published=True, title_en="English only statement")
        both = NewsItemFactory(published=True, russian=True)
        ru_list = client.get("/ru/news/").content.decode()
        assert both.title_ru in ru_list
        assert "English only statement" not in ru_list
        assert "English only statement" not in client.get("/ru/").content.decode()
        assert "English only statement" not in client.get("/ru/news/feed/rss/").content.decode()
        assert "English only statement" in client.get("/news/feed/rss/").content.decode()
        path = english.get_absolute_url()
        assert client.get(f"/ru{path}").status_code == 404

    def test_russian_only_item_is_absent_from_the_english_edition(self, client):
        item = NewsItemFactory(published=True, title_en="", title_ru="Только по-русски")
        assert "Только по-русски" in client.get("/ru/news/").content.decode()
        assert "Только по-русски" not in client.get("/news/").content.decode()
        assert client.get(item.get_absolute_url()).status_code == 404


class TestSwitcher:
    def switcher(self, html):
        nav = html[html.index('class="lang-switch"') :]
        nav = nav[: nav.index("</nav>")]
        return dict(re.findall(r'href="([^"]+)" hreflang="(\w+)"', nav))

    def test_leads_to_the_same_item_when_it_is_translated(self, client):
        path = NewsItemFactory(published=True, russian=True).get_absolute_url()
        links = self.switcher(client.get(path).content.decode())
        assert links == {f"/ru{path}": "ru"}
        back = self.switcher(client.get(f"/ru{path}").content.decode())
        assert back == {path: "en"}

    def test_leads_to_the_other_edition_list_when_it_is_not(self, client):
        item = NewsItemFactory(published=True)
        html = client.get(item.get_absolute_url()).content.decode()
        assert self.switcher(html) == {"/ru/news/": "ru"}
        assert 'hreflang="ru"' not in html[: html.index("</head>")]

    def test_list_pages_keep_their_query_string(self, client):
        html = client.get("/news/?kind=statement").content.decode()
        assert self.switcher(html) == {"/ru/news/?kind=statement": "ru"}

    def test_unprefixed_pages_stay_english_whatever_the_browser_asks(self, client):
        response = client.get("/news/", HTTP_ACCEPT_LANGUAGE="ru")
        assert response.status_code == 200
        assert '<html lang="en">' in response.content.decode()


def test_page_metadata_follows_the_edition(client, demo):
    ru = client.get("/ru/news/").content.decode()
    assert '<meta property="og:locale" content="ru_RU">' in ru
    assert 'content="Организация Договора о коллективной безопасности"' in ru
    en = client.get("/news/").content.decode()
    assert '<meta property="og:locale" content="en_GB">' in en
