"""The browser suite: headless Chromium against pytest-django's live server.

- ``live_server`` is pytest-django's, with one change: static files are served by
  WhiteNoise from the collected, hashed files (tests/conftest.py runs ``collectstatic``)
  as in production, instead of Django's finders, which know no hashed names.
- ``browser`` starts a fresh Chromium (a profile of its own) each time it is called;
  every one still open when a test fails leaves a PNG and the page's HTML in
  ``test-artifacts/browser/``.
"""

import re
import shutil
from pathlib import Path

import pytest
from django.test import override_settings
from pytest_django.live_server_helper import LiveServer

from .chromium import (
    ChromiumMissing,
    check_chromium,
    full_page_png,
    quit_chromium,
    start_chromium,
)

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"


def pytest_collection_modifyitems(items):
    """Every test in this folder is marked ``browser`` (``-m "not browser"`` skips them)."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test, so fixtures can see that it failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session", autouse=True)
def fresh_artifacts():
    """Screenshots of an earlier run must not be taken for this run's."""
    shutil.rmtree(ARTIFACTS, ignore_errors=True)


@pytest.fixture(scope="session")
def live_server(collected_static):
    """pytest-django's live server, serving static files through the project's own
    middleware (WhiteNoise, over the collected manifest) rather than the finders.

    It speaks plain http, like the test client: the middleware is built once, when the
    server starts, so production's redirect to https is switched off for that moment
    (``plain_http`` in tests/conftest.py does it for each test, too late for this)."""
    server = LiveServer("localhost", start=False)
    server.thread.static_handler = lambda application: application
    with override_settings(SECURE_SSL_REDIRECT=False):
        server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def chromium_available():
    try:
        check_chromium()
    except ChromiumMissing as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture
def browser(request, chromium_available):
    """``browser(width=1280, height=900, language="en")`` starts a new Chromium.

    Each is a new profile, so a second one is a visitor who has never logged in. On a
    failure, each browser still open is saved as a PNG and its HTML."""
    drivers = []

    def start(width=1280, height=900, language="en"):
        driver = start_chromium(width=width, height=height, language=language)
        drivers.append(driver)
        return driver

    yield start
    report = getattr(request.node, "report_call", None)
    failed = report is None or report.failed
    for number, driver in enumerate(drivers, start=1):
        try:
            if failed:
                save_artifacts(driver, f"{safe_name(request.node.nodeid)}-{number}")
        finally:
            quit_chromium(driver)


def safe_name(nodeid):
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid.split("::", 1)[-1])[:150]


def save_artifacts(driver, name):
    """A full-height screenshot and the HTML of the page ``driver`` shows, named ``name``."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    try:
        width = driver.execute_script("return window.innerWidth;")
        (ARTIFACTS / f"{name}.png").write_bytes(full_page_png(driver, width))
        (ARTIFACTS / f"{name}.html").write_text(
            f"<!-- {driver.current_url} -->\n{driver.page_source}", encoding="utf-8"
        )
    except Exception as error:  # a crashed browser must not hide the test's own failure
        (ARTIFACTS / f"{name}.txt").write_text(f"No screenshot: {error!r}\n")
