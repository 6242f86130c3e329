"""Settings that bound an outage: database timeouts, the resilient cache, the error
reporter. Each case reads the settings in a fresh interpreter with its own environment
(test_settings.py's ``run``)."""

import json

import pytest
from django.db import connection

from tests.presscenter.test_settings import run

POSTGRES = "postgres://postgres@127.0.0.1:5432/presscenter"
PRINT_OPTIONS = (
    "import os, json; os.environ['DJANGO_SETTINGS_MODULE'] = 'presscenter.settings'; "
    "from django.conf import settings; print(json.dumps(settings.DATABASES['default']['OPTIONS']))"
)


def options(**env):
    result = run(PRINT_OPTIONS, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_postgresql_connects_and_runs_statements_within_timeouts():
    assert options(DATABASE_URL=POSTGRES) == {
        "connect_timeout": 3,
        "options": "-c statement_timeout=10000",
    }


def test_an_operator_sets_longer_timeouts_or_none():
    assert options(
        DATABASE_URL=POSTGRES, DJANGO_DB_CONNECT_TIMEOUT="5", DJANGO_DB_STATEMENT_TIMEOUT="120"
    ) == {"connect_timeout": 5, "options": "-c statement_timeout=120000"}
    assert options(DATABASE_URL=POSTGRES, DJANGO_DB_STATEMENT_TIMEOUT="0") == {"connect_timeout": 3}


def test_options_given_in_the_url_are_kept():
    assert options(DATABASE_URL=f"{POSTGRES}?sslmode=require&connect_timeout=7") == {
        "sslmode": "require",
        "connect_timeout": 7,
        "options": "-c statement_timeout=10000",
    }


def test_sqlite_waits_for_a_lock_as_long_as_a_statement_may_run():
    assert options(DATABASE_URL="sqlite:///x.sqlite3") == {"timeout": 10}


def test_commands_run_without_a_statement_timeout_unless_given():
    code = (
        "from django.conf import settings; "
        "print(settings.DATABASES['default']['OPTIONS'].get('options', 'none'))"
    )
    result = run(None, "manage.py", "shell", "-c", code, DATABASE_URL=POSTGRES)
    assert result.stdout.splitlines()[-1] == "none", result.stderr
    result = run(
        None,
        "manage.py",
        "shell",
        "-c",
        code,
        DATABASE_URL=POSTGRES,
        DJANGO_DB_STATEMENT_TIMEOUT="600",
    )
    assert result.stdout.splitlines()[-1] == "-c statement_timeout=600000", result.stderr


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's setting")
def test_the_database_applies_the_statement_timeout():
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "10s"


def test_redis_is_reached_through_the_resilient_backend_with_short_timeouts():
    code = (
        "import os, json; os.environ['DJANGO_SETTINGS_MODULE'] = 'presscenter.settings'; "
        "from django.conf import settings; print(json.dumps(settings.CACHES['default']))"
    )
    result = run(code, REDIS_URL="redis://127.0.0.1:6379/7")
    cache = json.loads(result.stdout)
    assert cache["BACKEND"] == "core.cache.ResilientRedisCache"
    assert cache["OPTIONS"] == {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}


REPORTER = (
    "import os, json; os.environ['DJANGO_SETTINGS_MODULE'] = 'presscenter.settings'; "
    "from django.conf import settings; settings.INSTALLED_APPS; import sentry_sdk; "
    "client = sentry_sdk.get_client(); "
    "print(json.dumps({'active': client.is_active(), 'options': {k: client.options.get(k) "
    "for k in ('dsn', 'send_default_pii', 'environment', 'release')}}))"
)


def test_without_a_dsn_errors_go_to_the_log_only():
    result = run(REPORTER)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["active"] is False


def test_with_a_dsn_errors_go_to_sentry_without_personal_data():
    """A DSN on a closed local port: the SDK starts, and nothing is sent."""
    result = run(
        REPORTER,
        SENTRY_DSN="https://public@127.0.0.1:9/1",
        SENTRY_ENVIRONMENT="staging",
        SENTRY_RELEASE="presscenter@1.2.3",
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["active"] is True
    assert report["options"] == {
        "dsn": "https://public@127.0.0.1:9/1",
        "send_default_pii": False,
        "environment": "staging",
        "release": "presscenter@1.2.3",
    }
