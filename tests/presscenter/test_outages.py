"""A database that is down or hung: visitors get the 503 page quickly, monitors get
an unhealthy /healthz, the log gets one line per request, and the site recovers by
itself when the database is back.

The site under test runs in a process of its own (tests/wsgi_client.py), pointed at a
local port that refuses connections, accepts them and never answers, or forwards
them to the real database until the test cuts it off.
"""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

from tests.listeners import Forwarder, closed_port, silent_listener


class Site:
    """The production WSGI application in a child process; ``get()`` one request."""

    def __init__(self, static_root, **env):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.wsgi_client"],
            cwd=settings.BASE_DIR,
            env={
                **os.environ,
                "DJANGO_SECRET_KEY": "test-only-secret-key",
                "DJANGO_ALLOWED_HOSTS": "testserver",
                "STATIC_ROOT": str(static_root),
                "DJANGO_DB_CONNECT_TIMEOUT": "2",
                **env,
            },
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def get(self, path, host="testserver"):
        self.process.stdin.write(f"{host} {path}\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, "the site's process ended"
        return json.loads(line)

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=10)


@pytest.fixture
def site(collected_static):
    started = []

    def start(database_url):
        started.append(Site(collected_static, DATABASE_URL=database_url))
        return started[-1]

    yield start
    for process in started:
        process.close()


def postgres_at(port, name="presscenter"):
    return f"postgres://postgres@127.0.0.1:{port}/{name}"


def assert_unavailable_page(answer, language):
    assert answer["status"] == 503
    headers = answer["headers"]
    assert headers["Retry-After"] == "30"
    assert "no-store" in headers["Cache-Control"]
    assert headers["Content-Language"] == language
    assert f'<html lang="{language}">' in answer["body"]
    heading = {
        "en": "The site is temporarily unavailable",
        "ru": "Сайт временно недоступен",
    }[language]
    assert heading in answer["body"]
    assert 'class="site-header"' in answer["body"]  # the site's design


def assert_one_line_logged(answer):
    serious = [r for r in answer["log"] if r["level"] in ("WARNING", "ERROR", "CRITICAL")]
    assert len(serious) == 1, answer["log"]
    assert not serious[0]["traceback"]
    assert "\n" not in serious[0]["message"]
    return serious[0]


@pytest.fixture(scope="module")
def port():
    with closed_port() as port:
        yield port


class TestRefused:
    def test_pages_answer_503_in_their_language(self, site, port):
        server = site(postgres_at(port))
        paths = (("/news/", "en"), ("/", "en"), ("/ru/", "ru"), ("/ru/people/", "ru"))
        for path, language in paths:
            answer = server.get(path)
            assert_unavailable_page(answer, language)
            line = assert_one_line_logged(answer)
            assert line["logger"] == "presscenter.errors"
            assert path in line["message"] and "refused" in line["message"].lower()

    def test_a_page_that_fails_outside_a_view_is_a_503_too(self, site, port):
        """An unknown address renders the 404 page, whose footer queries: the error is
        met by Django's error handling, not by a view."""
        server = site(postgres_at(port))
        assert_unavailable_page(server.get("/no/such/page/"), "en")
        answer = server.get("/ru/no/such/page/")
        assert_unavailable_page(answer, "ru")
        assert_one_line_logged(answer)

    def test_healthz_is_unhealthy(self, site, port):
        server = site(postgres_at(port))
        for host in ("testserver", "10.1.2.3"):
            answer = server.get("/healthz", host=host)
            assert answer["status"] == 503
            assert json.loads(answer["body"]) == {
                "status": "unavailable",
                "database": "unavailable",
                "cache": "ok",
            }
            assert_one_line_logged(answer)


def test_a_hung_database_gives_a_quick_503(site):
    """Connections are accepted and never answered: the connect timeout (2 s here, 3 s
    by default) ends the wait, never gunicorn's 30 s worker timeout."""
    with silent_listener() as port:
        server = site(postgres_at(port))
        page = server.get("/news/")
        assert_unavailable_page(page, "en")
        assert page["seconds"] < 5
        health = server.get("/healthz")
        assert health["status"] == 503
        assert health["seconds"] < 5


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs a database server")
def test_the_site_recovers_when_the_database_returns(site):
    """The database goes away under open connections and comes back on the same
    address: the same process serves again, with no restart."""
    database = connection.settings_dict
    forwarder = Forwarder((database["HOST"] or "127.0.0.1", int(database["PORT"] or 5432)))
    try:
        server = site(postgres_at(forwarder.port, database["NAME"]))
        assert server.get("/news/")["status"] == 200
        assert server.get("/healthz")["status"] == 200

        forwarder.cut()
        # A page in the anonymous page cache is still served; the others cannot be.
        stored = server.get("/news/")
        assert stored["status"] == 200 and stored["headers"]["X-Page-Cache"] == "hit"
        assert_unavailable_page(server.get("/people/"), "en")
        assert server.get("/healthz")["status"] == 503

        forwarder.restore()
        assert server.get("/people/")["status"] == 200
        answer = server.get("/healthz")
        assert answer["status"] == 200
        assert json.loads(answer["body"])["status"] == "ok"
    finally:
        forwarder.cut()
