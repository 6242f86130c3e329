"""Editors' accounts: guessing is throttled and locked out for a while, passwords are
long, idle sessions end, the admin can move, and every login leaves one log line."""

import datetime
import json
import logging
import os
import subprocess
import sys

import pytest
import time_machine
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
RIGHT = {"username": "admin", "password": "password"}  # pytest-django's admin_user
WRONG = {"username": "admin", "password": "not-the-password"}


def log_in(client, credentials, address="198.51.100.7", forwarded_for=None, **fields):
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    return client.post(LOGIN, {**credentials, **fields}, REMOTE_ADDR=address, headers=headers)


def is_logged_in(client):
    return client.get(reverse("admin:index")).status_code == 200


class TestLockout:
    def test_five_wrong_passwords_lock_out_until_the_cool_off_ends(self, client, admin_user):
        with time_machine.travel(timezone.now(), tick=False) as clock:
            for _ in range(4):
                assert log_in(client, WRONG).status_code == 200  # the form, with its error
            locked = log_in(client, WRONG)
            assert locked.status_code == 429
            page = locked.content.decode()
            retry_at = timezone.localtime(timezone.now() + datetime.timedelta(minutes=15))
            assert "Too many failed logins" in page
            assert f"Try again after {retry_at:%H:%M}" in page
            assert "in 15 minutes" in page

            # The right password is refused while the lockout lasts.
            assert log_in(client, RIGHT).status_code == 429
            assert not is_logged_in(client)

            clock.shift(datetime.timedelta(minutes=14))
            assert log_in(client, RIGHT).status_code == 429  # and the wait starts again

            clock.shift(datetime.timedelta(minutes=15, seconds=1))
            assert log_in(client, RIGHT).status_code == 302
            assert is_logged_in(client)

    def test_the_lockout_is_for_the_account_from_that_address(self, client, admin_user):
        for _ in range(5):
            log_in(client, WRONG, address="198.51.100.7")
        assert log_in(client, RIGHT, address="198.51.100.7").status_code == 429
        # The editor at the office is not locked out by a guesser elsewhere.
        assert log_in(client, RIGHT, address="203.0.113.20").status_code == 302

    def test_a_successful_login_clears_the_count(self, client, admin_user):
        for _ in range(4):
            log_in(client, WRONG)
        assert log_in(client, RIGHT).status_code == 302
        client.logout()
        for _ in range(4):
            assert log_in(client, WRONG).status_code == 200
        assert log_in(client, RIGHT).status_code == 302

    def test_the_lockout_page_is_in_russian_for_the_russian_interface(self, rf, admin_user):
        from django.utils import translation

        from presscenter.security import lockout_response

        request = rf.post(LOGIN)
        request.user = admin_user
        with translation.override("ru"):
            page = lockout_response(request).content.decode()
        assert "Слишком много неудачных попыток входа" in page
        assert "через 15 минут" in page

    def test_behind_a_trusted_proxy_the_address_is_the_one_the_proxy_added(
        self, client, admin_user, settings
    ):
        settings.TRUST_PROXY = True
        proxy = "127.0.0.1"
        for _ in range(5):
            log_in(client, WRONG, address=proxy, forwarded_for="10.0.0.1, 198.51.100.7")
        # The visitor's own entries (on the left) do not make a new address.
        forged = "192.0.2.99, 198.51.100.7"
        assert log_in(client, RIGHT, address=proxy, forwarded_for=forged).status_code == 429
        other = "198.51.100.7, 203.0.113.20"
        assert log_in(client, RIGHT, address=proxy, forwarded_for=other).status_code == 302

    def test_a_forwarded_for_that_is_no_address_is_ignored(self, client, admin_user, settings):
        settings.TRUST_PROXY = True
        for forwarded in ("not-an-address", "198.51.100.7, <script>", ", ", "::1]"):
            response = log_in(client, WRONG, address="127.0.0.1", forwarded_for=forwarded)
            assert response.status_code == 200
        assert AccessAttempt.objects.get().ip_address == "127.0.0.1"

    def test_without_a_trusted_proxy_forwarded_for_is_ignored(self, client, admin_user):
        for _ in range(5):
            log_in(client, WRONG, forwarded_for="192.0.2.1")
        response = log_in(client, RIGHT, forwarded_for="203.0.113.20")
        assert response.status_code == 429


class TestLoginLog:
    def test_a_failed_login_is_one_line_with_name_and_address(self, client, admin_user, caplog):
        caplog.set_level(logging.INFO, logger="presscenter.security")
        log_in(client, {"username": "admin", "password": "hunter2-secret"})
        lines = [r.getMessage() for r in caplog.records if r.name == "presscenter.security"]
        assert lines == ["login failed: user='admin' ip=198.51.100.7"]
        assert "hunter2-secret" not in caplog.text

    def test_a_successful_login_is_one_line(self, client, admin_user, caplog):
        caplog.set_level(logging.INFO, logger="presscenter.security")
        log_in(client, RIGHT)
        lines = [r.getMessage() for r in caplog.records if r.name == "presscenter.security"]
        assert lines == ["login succeeded: user='admin' staff=yes ip=198.51.100.7"]
        assert "password" not in caplog.text

    def test_a_locked_out_attempt_says_so(self, client, admin_user, caplog):
        caplog.set_level(logging.INFO, logger="presscenter.security")
        for _ in range(5):
            log_in(client, WRONG)
        log_in(client, RIGHT)
        lines = [r.getMessage() for r in caplog.records if r.name == "presscenter.security"]
        assert len(lines) == 6
        assert lines[-1] == "login failed: user='admin' ip=198.51.100.7 locked-out"

    def test_a_name_cannot_forge_a_log_line(self, client, caplog):
        caplog.set_level(logging.INFO, logger="presscenter.security")
        log_in(client, {"username": "x\nlogin succeeded: user='admin'", "password": "p"})
        (line,) = [r.getMessage() for r in caplog.records if r.name == "presscenter.security"]
        assert "\n" not in line
        assert line.startswith('login failed: user="x\\nlogin succeeded')


class TestPasswords:
    def test_short_passwords_are_refused(self):
        with pytest.raises(ValidationError, match="at least 12 characters"):
            validate_password("Tr0ub4dor&3")

    def test_common_and_numeric_passwords_are_refused(self):
        for password in ("password1234", "123456789012"):
            with pytest.raises(ValidationError):
                validate_password(password)

    def test_a_long_uncommon_password_is_accepted(self):
        validate_password("correct horse battery staple")


class TestSessions:
    def test_an_editor_is_logged_out_after_two_idle_hours(self, client, admin_user):
        with time_machine.travel(timezone.now(), tick=False) as clock:
            log_in(client, RIGHT)
            clock.shift(datetime.timedelta(hours=1, minutes=50))
            assert is_logged_in(client)  # and this request moves the expiry on
            clock.shift(datetime.timedelta(hours=1, minutes=50))
            assert is_logged_in(client)
            clock.shift(datetime.timedelta(hours=2, minutes=1))
            assert not is_logged_in(client)

    def test_reading_public_pages_neither_keeps_a_session_alive_nor_writes_it(
        self, client, admin_user
    ):
        with time_machine.travel(timezone.now(), tick=False) as clock:
            log_in(client, RIGHT)
            clock.shift(datetime.timedelta(hours=1, minutes=50))
            response = client.get("/")
            assert settings.SESSION_COOKIE_NAME not in response.cookies
            clock.shift(datetime.timedelta(minutes=11))
            assert not is_logged_in(client)

    def test_a_refused_next_leads_to_the_admin_not_to_a_missing_profile(self, client, admin_user):
        for target in ("//evil.example/", "https://evil.example/", "/\\evil.example/"):
            client.logout()
            response = log_in(client, RIGHT, next=target)
            assert response.status_code == 302
            assert response["Location"] == reverse("admin:index")


MOVED_ADMIN = """
import json, os
os.environ["DJANGO_SETTINGS_MODULE"] = "presscenter.settings"
import django
django.setup()
from django.conf import settings
from django.test import RequestFactory
from django.urls import Resolver404, resolve, reverse
from presscenter.views import robots_txt

def resolves(path):
    try:
        return resolve(path).app_name
    except Resolver404:
        return None

print(json.dumps({
    "index": reverse("admin:index"),
    "login": settings.LOGIN_URL and reverse(settings.LOGIN_URL),
    "moved": resolves(reverse("admin:index")),
    "old": resolves("/admin/"),
    "excluded": settings.PAGE_CACHE_EXCLUDED_PREFIXES,
    "robots": robots_txt(RequestFactory().get("/robots.txt")).content.decode(),
}))
"""


def read_admin_addresses(**env):
    variables = ("DJANGO_SETTINGS_MODULE", "PRESSCENTER_ADMIN_PATH")
    clean = {key: value for key, value in os.environ.items() if key not in variables}
    result = subprocess.run(
        [sys.executable, "-c", MOVED_ADMIN],
        env={**clean, "DJANGO_DEBUG": "1", **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


class TestAdminAddress:
    def test_a_setting_moves_the_admin(self):
        moved = read_admin_addresses(PRESSCENTER_ADMIN_PATH="/newsroom-7f3a/")
        assert moved["index"] == "/newsroom-7f3a/"
        assert moved["login"] == "/newsroom-7f3a/login/"
        assert moved["moved"] == "admin"
        assert moved["old"] != "admin"
        assert "/newsroom-7f3a/" in moved["excluded"]
        assert "/admin/" not in moved["excluded"]
        # robots.txt does not give the moved address away.
        assert "newsroom" not in moved["robots"]
        assert "Disallow: /admin/" not in moved["robots"]

    def test_the_default_address(self):
        default = read_admin_addresses()
        assert default["index"] == "/admin/"
        assert "/admin/" in default["excluded"]
        assert "Disallow: /admin/" in default["robots"]
