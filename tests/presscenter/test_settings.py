"""Production is the default: the web server refuses to start without a secret key and
hosts, while commands that need neither still run in a bare checkout.

Each case starts a fresh interpreter, because this test process has already loaded the
settings with its own environment.
"""

import os
import subprocess
import sys

import pytest
from django.conf import settings

LOAD_SETTINGS = (
    "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'presscenter.settings'; "
    "from django.conf import settings; "
    "print(settings.ALLOWED_HOSTS, settings.DEBUG)"
)
LOAD_WSGI = "import presscenter.wsgi; print('serving')"
VARIABLES = ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DJANGO_DEBUG", "DJANGO_SETTINGS_MODULE")


def run(code=LOAD_WSGI, *args, **env):
    """Run Python with the test's environment minus our variables, plus ``env``."""
    clean = {key: value for key, value in os.environ.items() if key not in VARIABLES}
    return subprocess.run(
        [sys.executable, *(["-c", code] if code else []), *args],
        env={**clean, **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_missing_secret_key_stops_the_server():
    result = run(DJANGO_ALLOWED_HOSTS="press.example.org")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SECRET_KEY" in result.stderr
    assert "serving" not in result.stdout


def test_missing_allowed_hosts_stop_the_server():
    result = run(DJANGO_SECRET_KEY="s3cret")
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


@pytest.mark.parametrize("debug", ["", "0", "false", "no"])
def test_a_false_debug_value_is_production(debug):
    result = run(DJANGO_DEBUG=debug, DJANGO_ALLOWED_HOSTS="press.example.org")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_serves_with_both_set():
    result = run(DJANGO_SECRET_KEY="s3cret", DJANGO_ALLOWED_HOSTS="a.example, b.example")
    assert result.returncode == 0, result.stderr
    assert "serving" in result.stdout
    settings_result = run(
        LOAD_SETTINGS, DJANGO_SECRET_KEY="s3cret", DJANGO_ALLOWED_HOSTS="a.example, b.example"
    )
    assert settings_result.stdout.split() == ["['a.example',", "'b.example']", "False"]


def test_debug_runs_without_either():
    result = run(LOAD_SETTINGS, DJANGO_DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert "True" in result.stdout
    assert "localhost" in result.stdout


def test_production_has_no_default_secret_key():
    result = run(
        "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'presscenter.settings'; "
        "from django.conf import settings; settings.SECRET_KEY",
        DJANGO_ALLOWED_HOSTS="press.example.org",
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_migrations_can_be_checked_in_a_bare_checkout():
    result = run(None, "manage.py", "makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


LOAD_STORAGE = (
    "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'presscenter.settings'; "
    "import django; django.setup(); "
    "from django.core.files.storage import storages; s = storages['default']; "
    "print(type(s).__module__ + '.' + type(s).__qualname__); "
    "print(getattr(s, 'bucket_name', None), getattr(s, 'endpoint_url', None), "
    "getattr(s, 'custom_domain', None), getattr(s, 'file_overwrite', None), "
    "getattr(s, 'querystring_auth', None)); "
    "print(s.url('news/files/2024/07/communique.pdf'))"
)
STORAGE_VARIABLES = (
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_REGION_NAME",
    "AWS_S3_CUSTOM_DOMAIN",
)


def run_storage(**env):
    clean = {key: value for key, value in os.environ.items() if key not in STORAGE_VARIABLES}
    return subprocess.run(
        [sys.executable, "-c", LOAD_STORAGE],
        env={**clean, "DJANGO_SECRET_KEY": "s3cret", "DJANGO_ALLOWED_HOSTS": "a.example", **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_uploads_stay_on_the_file_system_without_a_bucket():
    result = run_storage()
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "django.core.files.storage.filesystem.FileSystemStorage"


def test_a_bucket_puts_uploads_on_object_storage():
    result = run_storage(
        AWS_STORAGE_BUCKET_NAME="press-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
        AWS_S3_CUSTOM_DOMAIN="media.example.org",
    )
    assert result.returncode == 0, result.stderr
    backend, options, url = result.stdout.splitlines()
    assert backend == "storages.backends.s3.S3Storage"
    # Public media: plain URLs, and an upload never replaces an older file.
    assert options.split() == [
        "press-media",
        "https://s3.example.org",
        "media.example.org",
        "False",
        "False",
    ]
    assert url == "https://media.example.org/news/files/2024/07/communique.pdf"
