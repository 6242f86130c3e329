"""Small helpers for driving pages in the browser suite."""

from urllib.parse import urlsplit

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

TIMEOUT = 10


def wait_until(driver, condition, message="", timeout=TIMEOUT):
    """Wait until ``condition(driver)`` is true, then return its value."""
    return WebDriverWait(driver, timeout).until(condition, message)


def open_path(driver, server, path):
    """Open ``path`` on the live server and wait until the page has loaded."""
    driver.get(server.url + path)
    wait_for_load(driver)


def wait_for_load(driver):
    wait_until(
        driver,
        lambda d: d.execute_script("return document.readyState") == "complete",
        "the page did not finish loading",
    )


def path_of(driver):
    """The path and query of the page the browser shows."""
    url = urlsplit(driver.current_url)
    return url.path + (f"?{url.query}" if url.query else "")


def click_and_wait(driver, element):
    """Click a link or button and wait until the next page has replaced this one."""
    old_page = driver.find_element(By.TAG_NAME, "html")
    element.click()
    wait_until(driver, lambda d: is_stale(old_page), "the click did not lead to a new page")
    wait_for_load(driver)


def is_stale(element):
    try:
        element.tag_name  # noqa: B018  (any call on a replaced page raises)
    except Exception:  # StaleElementReferenceException, or the old page is gone
        return True
    return False


def link_to(driver, href):
    """The first link on the page whose ``href`` attribute is exactly ``href``."""
    return driver.find_element(By.CSS_SELECTOR, f'a[href="{href}"]')


def fetch(driver, href):
    """Fetch ``href`` from inside the page, as the page's own link would: returns the
    status, the content type and the text of the response."""
    return driver.execute_async_script(
        """
        const [href, done] = arguments;
        fetch(href, {credentials: "same-origin"})
          .then(async (r) => done({status: r.status,
                                   type: r.headers.get("Content-Type"),
                                   disposition: r.headers.get("Content-Disposition"),
                                   text: await r.text()}))
          .catch((error) => done({status: 0, type: "", disposition: "", text: String(error)}));
        """,
        href,
    )


def image_is_shown(driver, image):
    """True when the browser loaded and decoded ``image``."""
    return driver.execute_script(
        "const img = arguments[0]; return img.complete && img.naturalWidth > 0;", image
    )


def log_in(driver, server, next_path):
    """Log in to the admin as pytest-django's ``admin`` (password ``password``)."""
    open_path(driver, server, f"/admin/login/?next={next_path}")
    driver.find_element(By.NAME, "username").send_keys("admin")
    driver.find_element(By.NAME, "password").send_keys("password")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "[type=submit]"))
    assert path_of(driver) == next_path
