"""HTTPS by default in production: what the environment turns on and off, and what a
request over plain http, over https and through a proxy gets.

The settings themselves are read in a fresh interpreter, because this process has
already loaded them with the test run's environment. The requests run here, with the
redirect that tests/conftest.py switches off for every other test switched back on.
"""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

from tests.factories import NewsItemFactory

pytestmark = pytest.mark.django_db

OUR_VARIABLES = (
    "DJANGO_DEBUG",
    "DJANGO_HTTPS",
    "DJANGO_SECURE_COOKIES",
    "DJANGO_TRUST_PROXY_HTTPS",
    "DJANGO_SECRET_KEY",
    "DJANGO_ALLOWED_HOSTS",
    "DJANGO_SETTINGS_MODULE",
    "PRESSCENTER_ADMIN_PATH",
)
PRODUCTION = {
    "DJANGO_SECRET_KEY": "check-deploy-only-Vq3fT9xLm2RkW8sZp4NcYh7JdB6gUe1aKo5wPz",
    "DJANGO_ALLOWED_HOSTS": "press.example.org",
}
READ_SETTINGS = """
import json, os
os.environ["DJANGO_SETTINGS_MODULE"] = "presscenter.settings"
import django
django.setup()
from django.conf import settings
names = [
    "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE",
    "SECURE_PROXY_SSL_HEADER", "SECURE_REDIRECT_EXEMPT",
]
print(json.dumps({name: getattr(settings, name) for name in names}))
"""


def run(*args, **env):
    clean = {key: value for key, value in os.environ.items() if key not in OUR_VARIABLES}
    return subprocess.run(
        [sys.executable, *args],
        env={**clean, **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )


def read_settings(**env):
    result = run("-c", READ_SETTINGS, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


class TestSettings:
    def test_production_is_https_only_and_trusts_no_proxy(self):
        values = read_settings(**PRODUCTION)
        assert values["SECURE_SSL_REDIRECT"] is True
        assert values["SECURE_HSTS_SECONDS"] == 31_536_000
        assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
        assert values["SECURE_HSTS_PRELOAD"] is True
        assert values["SESSION_COOKIE_SECURE"] is True
        assert values["CSRF_COOKIE_SECURE"] is True
        assert values["SECURE_PROXY_SSL_HEADER"] is None
        assert values["SECURE_REDIRECT_EXEMPT"] == ["^healthz$"]

    def test_one_variable_trusts_the_proxy(self):
        values = read_settings(**PRODUCTION, DJANGO_TRUST_PROXY_HTTPS="1")
        assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
        assert values["SECURE_SSL_REDIRECT"] is True

    @pytest.mark.parametrize(
        "env", [{"DJANGO_HTTPS": "0"}, {"DJANGO_SECURE_COOKIES": "0"}, {"DJANGO_DEBUG": "1"}]
    )
    def test_plain_http_runs(self, env):
        values = read_settings(**PRODUCTION, **env)
        assert values["SECURE_SSL_REDIRECT"] is False
        assert values["SECURE_HSTS_SECONDS"] == 0
        assert values["SESSION_COOKIE_SECURE"] is False
        assert values["CSRF_COOKIE_SECURE"] is False

    def test_the_deployment_check_is_silent(self):
        result = run("manage.py", "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
        assert result.returncode == 0, result.stderr
        assert "no issues" in result.stdout

    def test_the_deployment_check_speaks_up_on_plain_http(self):
        result = run(
            "manage.py", "check", "--deploy", "--fail-level", "WARNING", DJANGO_HTTPS="0",
            **PRODUCTION,
        )  # fmt: skip
        assert result.returncode != 0
        assert "security.W004" in result.stderr
        assert "security.W008" in result.stderr


@pytest.fixture
def https_on(settings):
    settings.SECURE_SSL_REDIRECT = True


@pytest.mark.usefixtures("https_on")
class TestRequests:
    def test_plain_http_is_redirected_to_https(self, client):
        item = NewsItemFactory(published=True)
        for path in ("/", "/ru/", item.get_absolute_url(), "/robots.txt"):
            response = client.get(path)
            assert response.status_code == 301
            assert response["Location"] == f"https://testserver{path}"

    def test_the_health_check_answers_over_plain_http(self, client):
        response = client.get("/healthz")
        assert response.status_code != 301
        assert "Location" not in response

    def test_https_pages_carry_hsts_for_a_year_with_subdomains(self, client):
        response = client.get("/", secure=True)
        assert response.status_code == 200
        assert response["Strict-Transport-Security"] == (
            "max-age=31536000; includeSubDomains; preload"
        )

    def test_plain_http_answers_carry_no_hsts(self, client):
        assert "Strict-Transport-Security" not in client.get("/healthz")

    def test_a_forwarded_proto_header_is_not_believed_by_default(self, client):
        response = client.get("/", headers={"X-Forwarded-Proto": "https"})
        assert response.status_code == 301

    def test_behind_a_trusted_proxy_the_forwarded_proto_counts(self, client, settings):
        settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
        response = client.get("/", headers={"X-Forwarded-Proto": "https"})
        assert response.status_code == 200
        assert "Strict-Transport-Security" in response
        assert client.get("/", headers={"X-Forwarded-Proto": "http"}).status_code == 301

    def test_cookies_are_secure_httponly_and_same_site(self, client, admin_user):
        client.get("/admin/login/", secure=True)
        response = client.post(
            "/admin/login/", {"username": "admin", "password": "password"}, secure=True
        )
        assert response.status_code == 302
        for name in ("sessionid", "csrftoken"):
            cookie = client.cookies[name]
            assert cookie["secure"] is True, name
            assert cookie["httponly"] is True, name
            assert cookie["samesite"] == "Lax", name
