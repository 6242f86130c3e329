"""Headless Chromium for the browser suite and ``make screenshots``.

Debian's ``chromium`` is driven through Debian's ``chromedriver``; both paths are
always given to Selenium, so Selenium Manager is never asked for a driver or a browser
(and ``SE_OFFLINE`` forbids it any download besides). A missing program is an error
that says how to install it, never a silent download or a skipped test.
"""

import base64
import os
import shutil
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
INSTALL_HINT = (
    "Install Debian's packages: apt-get install chromium chromium-driver "
    "(.ci/run does it when they are missing), or point CHROMIUM and CHROMEDRIVER at "
    "a Chromium and its matching driver."
)


class ChromiumMissing(RuntimeError):
    pass


def check_chromium():
    """Raise ``ChromiumMissing`` naming the programs that are not there."""
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not os.access(path, os.X_OK)]
    if missing:
        raise ChromiumMissing(f"Not found or not executable: {', '.join(missing)}. {INSTALL_HINT}")


def start_chromium(width=1280, height=900, language="en"):
    """A new headless Chromium with a profile of its own (no cookies, no history), the
    window ``width`` × ``height`` CSS pixels, asking for pages in ``language``."""
    check_chromium()
    os.environ["SE_OFFLINE"] = "true"

    options = Options()
    options.binary_location = str(CHROMIUM)
    profile = tempfile.mkdtemp(prefix="presscenter-chromium-")
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-extensions",
        "--disable-search-engine-choice-screen",
        "--no-first-run",
        "--no-default-browser-check",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        f"--lang={language}",
        f"--user-data-dir={profile}",
        f"--window-size={width},{height}",
    ):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.profile_dir = profile
    set_viewport(driver, width, height)
    return driver


def set_viewport(driver, width, height):
    """Make the page's viewport exactly ``width`` × ``height`` (the window's size
    includes no browser chrome in headless mode, but the emulation says so plainly)."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )


def full_page_png(driver, width):
    """A PNG of the whole page at ``width`` CSS pixels, however tall it is."""
    set_viewport(driver, width, 900)
    height = driver.execute_script(
        "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);"
    )
    set_viewport(driver, width, max(int(height), 200))
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}
    )
    set_viewport(driver, width, 900)
    return base64.b64decode(shot["data"])


def quit_chromium(driver):
    try:
        driver.quit()
    finally:
        shutil.rmtree(getattr(driver, "profile_dir", ""), ignore_errors=True)
