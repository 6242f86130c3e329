"""Screenshots of every public page type, at a phone's width (390 px) and a desktop's
(1280 px), in both languages, and of the admin's main pages, written to this folder.

    make screenshots                        # or: .venv/bin/python docs/screenshots/make.py
    SCREENSHOT_PORT=8810 make screenshots   # the server's port (a free one otherwise)

The site runs with production settings (no debugging: the real error pages, hashed
static files through WhiteNoise) on the demo content, illustrated as the browser suite
illustrates it (tests/browser/site.py), in a throwaway SQLite database, served by
Django's live-server thread in this process (which also serves the uploaded images).
Debian's Chromium takes each page at its full height (tests/browser/chromium.py), and
the PNGs are reduced to 256 colours to keep the repository small.
"""

import argparse
import io
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
WIDTHS = (390, 1280)
# The page types shown; the browser suite checks these and a few more states of them.
PUBLIC = [
    "home",
    "news-list",
    "news-filtered",
    "section",
    "news-item",
    "events",
    "event",
    "people",
    "profile",
    "press-contacts",
    "not-found",
    "error-503",
]
ADMIN_USER, ADMIN_PASSWORD = "editor", secrets.token_urlsafe(16)


def configure(workdir):
    """Production settings over a throwaway database, media and static folder."""
    for name in ("DJANGO_DEBUG", "REDIS_URL", "AWS_STORAGE_BUCKET_NAME", "SENTRY_DSN", "MEDIA_URL"):
        os.environ.pop(name, None)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="presscenter.settings",
        DATABASE_URL=f"sqlite:///{workdir / 'site.sqlite3'}",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="localhost,127.0.0.1",
        DJANGO_HTTPS="0",
        MEDIA_ROOT=str(workdir / "media"),
        STATIC_ROOT=str(workdir / "static"),
        DJANGO_LOG_LEVEL="WARNING",
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def prepare_site():
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from tests.browser.site import build_site

    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    # The demo alone (no synthetic items); people shown by their initials, as the demo has
    # no portraits.
    build_site(synthetic=0, portrait=False)
    get_user_model().objects.create_superuser(ADMIN_USER, "editor@example.org", ADMIN_PASSWORD)
    settings.ROOT_URLCONF = "tests.browser.error_urls"  # the 503 page, among others


def start_server(port):
    from django.test.testcases import LiveServerThread

    server = LiveServerThread(
        "localhost", static_handler=lambda application: application, port=port
    )
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    return server, f"http://localhost:{server.port}"


def save_png(png, path):
    """Write ``png`` reduced to a 256-colour palette (a fifth of the size or less)."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def shoot(driver, url, path, width):
    from tests.browser.chromium import full_page_png
    from tests.browser.pages import wait_for_load

    driver.get(url)
    wait_for_load(driver)
    save_png(full_page_png(driver, width), path)
    print(f"  {path.relative_to(ROOT)}")


def public_screenshots(base):
    from tests.browser.chromium import quit_chromium, start_chromium
    from tests.browser.error_urls import error_pages
    from tests.browser.site import public_pages

    for width in WIDTHS:
        driver = start_chromium(width=width)
        try:
            for language in ("en", "ru"):
                pages = dict(public_pages(language) + error_pages(language))
                for name in PUBLIC:
                    shoot(
                        driver, base + pages[name], HERE / f"{language}-{name}-{width}.png", width
                    )
        finally:
            quit_chromium(driver)


def admin_screenshots(base):
    from selenium.webdriver.common.by import By

    from news.models import NewsItem
    from people.models import Person
    from tests.browser.chromium import quit_chromium, start_chromium
    from tests.browser.pages import click_and_wait
    from tests.browser.site import ILLUSTRATED_ITEM, SECRETARY_GENERAL

    item = NewsItem.objects.get(slug=ILLUSTRATED_ITEM)
    person = Person.objects.get(slug=SECRETARY_GENERAL)
    driver = start_chromium(width=1280)
    try:
        shoot(driver, f"{base}/admin/login/", HERE / "admin-login-1280.png", 1280)
        driver.find_element(By.NAME, "username").send_keys(ADMIN_USER)
        driver.find_element(By.NAME, "password").send_keys(ADMIN_PASSWORD)
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "[type=submit]"))
        for name, path in [
            ("dashboard", "/admin/"),
            ("news-list", "/admin/news/newsitem/"),
            ("news-change", f"/admin/news/newsitem/{item.pk}/change/"),
            ("person-change", f"/admin/people/person/{person.pk}/change/"),
        ]:
            shoot(driver, base + path, HERE / f"admin-{name}-1280.png", 1280)
    finally:
        quit_chromium(driver)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=0, help="the server's port (0: any free one)")
    arguments = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="presscenter-screenshots-") as workdir:
        configure(Path(workdir))
        from tests.browser.chromium import check_chromium

        check_chromium()
        prepare_site()
        server, base = start_server(arguments.port)
        print(f"Screenshots of {base} into {HERE.relative_to(ROOT)}/")
        try:
            for old in HERE.glob("*.png"):
                old.unlink()
            public_screenshots(base)
            admin_screenshots(base)
        finally:
            server.terminate()
    count = len(list(HERE.glob("*.png")))
    print(f"{count} screenshots in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
