"""The newsroom's main journey, in a real browser: an editor writes, illustrates,
previews and publishes a news item in the admin; a visitor who has never logged in
then finds it by the list, the filters and the search, reads it, follows its three
back links, switches language and downloads the press contacts and the calendar."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.utils import timezone
from PIL import Image
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from news.models import NewsItem

from .pages import (
    click_and_wait,
    fetch,
    image_is_shown,
    link_to,
    log_in,
    open_path,
    path_of,
    wait_until,
)

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Secretary General briefed journalists in Samarkand"
TITLE_RU = "Генеральный секретарь провёл брифинг для журналистов в Самарканде"
SECTION = "/news/secretary-general/"
PRESS_SECRETARY_PHONE = "74956213323"  # the demo's tel/fax, as digits


@pytest.fixture
def demo_site(admin_user):
    """The demo content, and an editor (pytest-django's ``admin``, password
    ``password``)."""
    call_command("load_demo", verbosity=0)
    return admin_user


@pytest.fixture
def photo(tmp_path):
    """A real JPEG, as an editor's camera would make it (small, to be quick)."""
    path = tmp_path / "samarkand-briefing.jpg"
    image = Image.new("RGB", (320, 200), (28, 64, 120))
    image.paste((212, 175, 55), (40, 40, 280, 160))
    image.save(path, "JPEG", quality=85)
    return path


def write_draft(driver, photo):
    """Fill the add form as an editor would and save it as a draft; return its id."""
    driver.find_element(By.NAME, "title_en").send_keys(TITLE)
    # The admin's own script makes the address from the English title.
    wait_until(
        driver,
        lambda d: d.find_element(By.NAME, "slug").get_attribute("value"),
        "the slug was not filled in from the title",
    )
    driver.find_element(By.NAME, "lead_en").send_keys(
        "The Secretary General answered questions on the preparations for the summit."
    )
    driver.find_element(By.NAME, "body_en").send_keys(
        "<p>The briefing took place at the Samarkand press centre.</p>"
    )
    driver.find_element(By.NAME, "title_ru").send_keys(TITLE_RU)
    driver.find_element(By.NAME, "lead_ru").send_keys(
        "Генеральный секретарь ответил на вопросы о подготовке к саммиту."
    )
    Select(driver.find_element(By.NAME, "kind")).select_by_value("statement")
    Select(driver.find_element(By.NAME, "section")).select_by_visible_text("Secretary General")
    Select(driver.find_element(By.NAME, "status")).select_by_value("draft")
    driver.find_element(By.NAME, "image").send_keys(str(photo))
    driver.find_element(By.NAME, "image_alt_en").send_keys(
        "The Secretary General at a lectern before journalists"
    )
    driver.find_element(By.NAME, "image_alt_ru").send_keys(
        "Генеральный секретарь за трибуной перед журналистами"
    )
    click_and_wait(driver, driver.find_element(By.NAME, "_continue"))
    assert driver.find_elements(By.CSS_SELECTOR, ".messagelist .success"), driver.find_element(
        By.ID, "content"
    ).text
    return NewsItem.objects.get(slug=driver.find_element(By.NAME, "slug").get_attribute("value")).pk


def publish(driver):
    """Set the status to published, as of a minute ago, and save; return that time."""
    Select(driver.find_element(By.NAME, "status")).select_by_value("published")
    moment = timezone.localtime() - datetime.timedelta(minutes=1)
    for name, value in (
        ("published_at_0", moment.strftime("%Y-%m-%d")),
        ("published_at_1", moment.strftime("%H:%M:%S")),
    ):
        field = driver.find_element(By.NAME, name)
        field.clear()
        field.send_keys(value)
    click_and_wait(driver, driver.find_element(By.NAME, "_continue"))
    assert driver.find_elements(By.CSS_SELECTOR, ".messagelist .success")
    return moment


def listed_items(driver):
    """The addresses of the news items a list page shows, in order."""
    links = driver.find_elements(By.CSS_SELECTOR, ".card-list .news-card__title a")
    return [urlsplit(link.get_attribute("href")).path for link in links]


def item_link(driver, href):
    links = driver.find_elements(By.CSS_SELECTOR, f'main a[href="{href}"]')
    return links[0] if links else None


def test_editor_publishes_and_a_visitor_finds_reads_and_downloads(
    live_server, browser, demo_site, photo
):
    editor = browser()
    log_in(editor, live_server, "/admin/news/newsitem/add/")
    pk = write_draft(editor, photo)
    item = NewsItem.objects.get(pk=pk)
    assert item.image and item.image_width == 320 and item.author == demo_site
    public_path = item.get_absolute_url()
    assert public_path.startswith(SECTION)

    # The staff preview, reached through the admin's "View on site".
    preview = link_to(editor, f"/admin/news/newsitem/{pk}/preview/")
    click_and_wait(editor, preview)
    assert "not public" in editor.find_element(By.CSS_SELECTOR, ".alert--preview").text
    assert editor.find_element(By.TAG_NAME, "h1").text == TITLE
    assert image_is_shown(editor, editor.find_element(By.CSS_SELECTOR, ".article__figure img"))

    # A visitor (a new browser: no session) sees nothing of the draft.
    visitor = browser()
    open_path(visitor, live_server, "/news/")
    assert item_link(visitor, public_path) is None
    assert fetch(visitor, public_path)["status"] == 404

    editor.back()
    published = publish(editor)
    assert NewsItem.objects.published().filter(pk=pk).exists()

    # The visitor finds it: home page, then the news list from the navigation.
    open_path(visitor, live_server, "/")
    assert item_link(visitor, public_path) is not None
    click_and_wait(visitor, visitor.find_element(By.CSS_SELECTOR, 'header a[href="/news/"]'))
    assert path_of(visitor) == "/news/"
    assert item_link(visitor, public_path) is not None

    # Filters: section, type and a range of dates that only the new item falls in.
    today = published.date().isoformat()
    Select(visitor.find_element(By.NAME, "section")).select_by_value("secretary-general")
    Select(visitor.find_element(By.NAME, "kind")).select_by_value("statement")
    for name in ("date_from", "date_to"):
        visitor.execute_script(
            "arguments[0].value = arguments[1];", visitor.find_element(By.NAME, name), today
        )
    click_and_wait(visitor, visitor.find_element(By.CSS_SELECTOR, ".filters [type=submit]"))
    assert "kind=statement" in path_of(visitor) and f"date_from={today}" in path_of(visitor)
    assert listed_items(visitor) == [public_path]

    # Search, from the form's text field.
    click_and_wait(visitor, link_to(visitor, "/news/"))
    search = visitor.find_element(By.NAME, "q")
    search.send_keys("Samarkand")
    click_and_wait(visitor, visitor.find_element(By.CSS_SELECTOR, ".filters [type=submit]"))
    search_page = path_of(visitor)
    assert search_page.startswith("/news/?") and "q=Samarkand" in search_page
    assert listed_items(visitor) == [public_path]

    # Read it: its image is shown; "Go back" leads to the search it came from.
    click_and_wait(visitor, item_link(visitor, public_path))
    assert path_of(visitor) == public_path
    assert visitor.find_element(By.TAG_NAME, "h1").text == TITLE
    assert image_is_shown(visitor, visitor.find_element(By.CSS_SELECTOR, ".article__figure img"))
    click_and_wait(visitor, visitor.find_element(By.LINK_TEXT, "← Go back"))
    assert path_of(visitor) == search_page

    # "Back to the section", then "Back to all news", each from the item.
    open_path(visitor, live_server, public_path)
    click_and_wait(visitor, visitor.find_element(By.PARTIAL_LINK_TEXT, "Back to the section"))
    assert path_of(visitor) == SECTION
    click_and_wait(visitor, item_link(visitor, public_path))
    click_and_wait(visitor, visitor.find_element(By.PARTIAL_LINK_TEXT, "Back to all news"))
    assert path_of(visitor) == "/news/"
    # Come from the list this time, "Go back" leads to the list, not the section.
    click_and_wait(visitor, item_link(visitor, public_path))
    click_and_wait(visitor, visitor.find_element(By.PARTIAL_LINK_TEXT, "Go back"))
    assert path_of(visitor) == "/news/"

    # The Russian edition of the same item, from the language switcher.
    open_path(visitor, live_server, public_path)
    click_and_wait(visitor, visitor.find_element(By.CSS_SELECTOR, '.lang-switch a[hreflang="ru"]'))
    assert path_of(visitor) == f"/ru{public_path}"
    assert visitor.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ru"
    assert visitor.find_element(By.TAG_NAME, "h1").text == TITLE_RU
    assert visitor.find_element(By.PARTIAL_LINK_TEXT, "Вернуться назад").is_displayed()

    # Downloads, by the links on the pages: the press contacts as a vCard...
    open_path(visitor, live_server, "/ru/press/contacts/")
    vcard_link = visitor.find_element(By.CSS_SELECTOR, 'main a[type="text/vcard"]')
    vcard = fetch(visitor, vcard_link.get_attribute("href"))
    assert vcard["status"] == 200 and vcard["type"].startswith("text/vcard")
    assert vcard["text"].startswith("BEGIN:VCARD") and "Зайнетдинов" in vcard["text"]
    phones = [line for line in vcard["text"].splitlines() if line.startswith("TEL")]
    assert PRESS_SECRETARY_PHONE in {re.sub(r"\D", "", line.split(":")[-1]) for line in phones}

    # ... and the events as iCalendar.
    open_path(visitor, live_server, "/events/")
    calendar_link = visitor.find_element(By.CSS_SELECTOR, 'main a[type="text/calendar"]')
    calendar = fetch(visitor, calendar_link.get_attribute("href"))
    assert calendar["status"] == 200 and calendar["type"].startswith("text/calendar")
    assert calendar["text"].startswith("BEGIN:VCALENDAR")
    assert calendar["text"].count("BEGIN:VEVENT") == 3
