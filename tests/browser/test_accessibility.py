"""axe-core finds no WCAG 2.2 AA violation on any page type, in either language, at a
phone's width and a desktop's, nor on the admin pages editors use most."""

import pytest

from news.models import Event, NewsItem
from people.models import Person

from .axe import axe_violations, describe
from .error_urls import error_pages
from .pages import log_in, open_path
from .site import EVENT, ILLUSTRATED_ITEM, SECRETARY_GENERAL, build_site, public_pages

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(settings):
    settings.ROOT_URLCONF = "tests.browser.error_urls"
    build_site()


def violations_on(driver, server, pages):
    """Open each page and run axe; a description of each page's violations."""
    problems = []
    for name, path in pages:
        open_path(driver, server, path)
        violations = axe_violations(driver)
        if violations:
            problems.append(f"{name} ({path}):\n{describe(violations)}")
    return problems


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("language", ["en", "ru"])
def test_public_pages(live_server, browser, site, language, width):
    driver = browser(width=width)
    pages = public_pages(language) + error_pages(language)
    problems = violations_on(driver, live_server, pages)
    assert not problems, "axe-core found violations:\n" + "\n".join(problems)


def test_admin_pages(live_server, browser, site, admin_user):
    driver = browser()
    problems = violations_on(driver, live_server, [("login", "/admin/login/")])
    log_in(driver, live_server, "/admin/")
    item = NewsItem.objects.get(slug=ILLUSTRATED_ITEM)
    person = Person.objects.get(slug=SECRETARY_GENERAL)
    event = Event.objects.get(slug=EVENT)
    pages = [
        ("dashboard", "/admin/"),
        ("news list", "/admin/news/newsitem/"),
        ("news list, filtered", "/admin/news/newsitem/?status__exact=published&q=Security"),
        ("news change page", f"/admin/news/newsitem/{item.pk}/change/"),
        ("news add page", "/admin/news/newsitem/add/"),
        ("person change page", f"/admin/people/person/{person.pk}/change/"),
        ("event change page", f"/admin/news/event/{event.pk}/change/"),
    ]
    problems += violations_on(driver, live_server, pages)
    assert not problems, "axe-core found violations:\n" + "\n".join(problems)


def test_axe_reports_what_it_finds(live_server, browser, site):
    """The check can fail: an image without a text alternative is reported."""
    driver = browser()
    open_path(driver, live_server, "/")
    driver.execute_script(
        "const img = document.createElement('img'); img.src = '/static/nothing.png';"
        "document.querySelector('main').append(img);"
    )
    violations = axe_violations(driver)
    assert [violation["id"] for violation in violations] == ["image-alt"]
    assert "image-alt" in describe(violations)
