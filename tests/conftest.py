"""Fixtures every test shares. ``admin_client``, ``admin_user``, ``client``, ``rf`` and
``settings`` come from pytest-django; the model factories live in ``tests/factories.py``."""

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    """Creating users (admin_client, admin_user) should not spend seconds on PBKDF2."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session", autouse=True)
def collected_static(tmp_path_factory):
    """The tests render pages with production's static storage (WhiteNoise's manifest
    of hashed names), after a real ``collectstatic``: a ``{% static %}`` name that does
    not exist fails the test that renders it, as it would fail in production."""
    root = tmp_path_factory.mktemp("staticfiles")
    with override_settings(STATIC_ROOT=root):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield root


@pytest.fixture(autouse=True)
def plain_http(settings):
    """The test client speaks plain http, and production redirects plain http to
    https. Only the redirect is switched off: every other production setting (secure
    cookies, HSTS, the CSP) stays as it is served, and absolute URLs stay
    ``http://testserver/``. tests/presscenter/test_https.py switches it back on."""
    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """Pages are rendered on every request, so that query counts and page contents are
    the view's own; tests/presscenter/test_page_cache.py switches the cache on."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads made by a test land in a temporary folder, never in the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def english():
    """Tests run in the English edition unless they switch with ``translation.override``."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached responses (the sitemaps) must not leak from one test into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
