"""Production is the default: the settings refuse to load without a secret key and hosts.

Each case imports the settings in a fresh interpreter, because this test process has
already loaded them with its own environment.
"""

import os
import subprocess
import sys

import pytest
from django.conf import settings

LOAD_SETTINGS = (
    "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'presscenter.settings'; "
    "from django.conf import settings; "
    "print(settings.SECRET_KEY, settings.ALLOWED_HOSTS, settings.DEBUG)"
)
VARIABLES = ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DJANGO_DEBUG", "DJANGO_SETTINGS_MODULE")


def load_settings(**env):
    """Import the settings with the test's environment minus our variables, plus ``env``."""
    clean = {key: value for key, value in os.environ.items() if key not in VARIABLES}
    return subprocess.run(
        [sys.executable, "-c", LOAD_SETTINGS],
        env={**clean, **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_missing_secret_key_stops_the_site():
    result = load_settings(DJANGO_ALLOWED_HOSTS="press.example.org")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_missing_allowed_hosts_stop_the_site():
    result = load_settings(DJANGO_SECRET_KEY="s3cret")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


@pytest.mark.parametrize("debug", ["", "0", "false", "no"])
def test_a_false_debug_value_is_production(debug):
    result = load_settings(DJANGO_DEBUG=debug, DJANGO_ALLOWED_HOSTS="press.example.org")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_loads_with_both_set():
    result = load_settings(DJANGO_SECRET_KEY="s3cret", DJANGO_ALLOWED_HOSTS="a.example, b.example")

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["s3cret", "['a.example',", "'b.example']", "False"]


def test_debug_runs_without_either():
    result = load_settings(DJANGO_DEBUG="1")

    assert result.returncode == 0, result.stderr
    assert "True" in result.stdout
    assert "localhost" in result.stdout
