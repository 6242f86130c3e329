"""Keyboard only: Tab reaches every link, button and field of a page in order, each
one shows that it has the focus (an outline or ring that was not there before, at
3:1 against what is behind it), the news filters open and close from the keyboard,
and nothing holds the focus: past the last control, Tab leaves the page."""

from pathlib import Path

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from .pages import open_path
from .site import build_site, public_pages

pytestmark = pytest.mark.django_db(transaction=True)

HELPERS = (Path(__file__).parent / "keyboard.js").read_text(encoding="utf-8")
# Pages whose controls are all different kinds: header and footer everywhere, the
# filter form and pagination, an item's links, people and contacts.
PAGES = [
    "home",
    "news-list",
    "news-filter-errors",
    "news-item",
    "event",
    "profile",
    "press-contacts",
]
MIN_CONTRAST = 3.0


@pytest.fixture
def site():
    build_site()


def press(driver, *keys):
    ActionChains(driver).send_keys(*keys).perform()


def press_shift_tab(driver):
    ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()


def tab_through(driver):
    """Press Tab from the top of the page until the focus leaves it; return the
    controls expected (in document order) and what each Tab focused."""
    controls = driver.execute_script(HELPERS + "return window.keyboardCheck.mark();")
    visited = []
    for _ in range(3 * len(controls) + 3):
        press(driver, Keys.TAB)
        focused = driver.execute_script("return window.keyboardCheck.focused();")
        if focused["index"] is None and visited:
            break  # the focus left the page
        if visited and focused["index"] is not None and focused["index"] == visited[-1]["index"]:
            # A date field takes one Tab for each of its parts (day, month, year).
            visited[-1]["changed"] |= focused["changed"]
            visited[-1]["contrast"] = max(visited[-1]["contrast"], focused["contrast"])
            continue
        visited.append(focused)
    return controls, visited


@pytest.mark.parametrize("language", ["en", "ru"])
def test_tab_reaches_every_control_in_order_and_shows_the_focus(
    live_server, browser, site, language
):
    driver = browser(width=1280)
    pages = dict(public_pages(language))
    problems = []
    for name in PAGES:
        open_path(driver, live_server, pages[name])
        controls, visited = tab_through(driver)
        order = [focused["index"] for focused in visited]
        if order != list(range(len(controls))):
            problems.append(
                f"{name}: Tab order {order} instead of 0…{len(controls) - 1}: {controls}"
            )
        if len(visited) > len(controls):
            problems.append(f"{name}: the focus did not leave the page after the last control")
        for focused in visited:
            if not focused["changed"]:
                problems.append(f"{name}: {focused['name']} looks the same when focused")
            elif focused["contrast"] < MIN_CONTRAST:
                problems.append(
                    f"{name}: {focused['name']} focus indicator contrast "
                    f"{focused['contrast']:.2f}:1 (at least {MIN_CONTRAST}:1)"
                )
            if not focused["inView"]:
                problems.append(f"{name}: {focused['name']} is focused out of sight")
    assert not problems, "\n".join(problems)


def test_filter_panel_opens_and_closes_from_the_keyboard(live_server, browser, site):
    driver = browser(width=390)  # folded on phones
    open_path(driver, live_server, "/news/")
    details = driver.find_element(By.CSS_SELECTOR, "details.filters")
    summary = details.find_element(By.TAG_NAME, "summary")
    text_field = driver.find_element(By.NAME, "q")
    assert details.get_attribute("open") is None
    for _ in range(30):
        press(driver, Keys.TAB)
        if driver.switch_to.active_element == summary:
            break
    assert driver.switch_to.active_element == summary, "Tab never reached the filter panel"
    assert not text_field.is_displayed()

    press(driver, Keys.ENTER)
    assert details.get_attribute("open") is not None and text_field.is_displayed()
    press(driver, Keys.TAB)
    assert driver.switch_to.active_element == text_field

    press_shift_tab(driver)
    assert driver.switch_to.active_element == summary
    press(driver, Keys.SPACE)
    assert details.get_attribute("open") is None and not text_field.is_displayed()
    press(driver, Keys.TAB)
    assert driver.switch_to.active_element != text_field
