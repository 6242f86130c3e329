"""Error pages in the site's design and in the path's language, without a query (the
database may be the reason for the error)."""

import logging

import pytest
from django.core.exceptions import PermissionDenied
from django.db import InterfaceError, OperationalError
from django.test import Client

from presscenter.errors import (
    DatabaseUnavailableMiddleware,
    permission_denied,
    server_error,
    service_unavailable,
)

pytestmark = pytest.mark.django_db

EDITIONS = [pytest.param("en", "", id="en"), pytest.param("ru", "/ru", id="ru")]
HEADINGS = {
    400: {"en": "Bad request", "ru": "Некорректный запрос"},
    403: {"en": "Access denied", "ru": "Доступ запрещён"},
    "csrf": {"en": "The form has expired", "ru": "Форма устарела"},
    404: {"en": "Page not found", "ru": "Страница не найдена"},
    500: {"en": "Something went wrong on our side", "ru": "На сервере произошла ошибка"},
    503: {"en": "The site is temporarily unavailable", "ru": "Сайт временно недоступен"},
}


def assert_error_page(response, status, language, heading=None):
    html = response.content.decode()
    assert response.status_code == status
    assert f'<html lang="{language}">' in html
    assert HEADINGS[heading or status][language] in html
    assert 'class="site-header"' in html
    assert "/static/css/site." in html


@pytest.mark.parametrize(("language", "prefix"), EDITIONS)
class TestInEachEdition:
    def test_400_for_a_forged_host(self, client, language, prefix, django_assert_num_queries):
        with django_assert_num_queries(0):
            response = client.get(f"{prefix}/news/", HTTP_HOST="evil.example")
        assert_error_page(response, 400, language)
        assert "evil.example" not in response.content.decode()

    def test_403(self, rf, language, prefix, django_assert_num_queries):
        with django_assert_num_queries(0):
            response = permission_denied(rf.get(f"{prefix}/news/"), PermissionDenied())
        assert_error_page(response, 403, language)

    def test_403_for_a_form_without_its_csrf_token(self, language, prefix):
        response = Client(enforce_csrf_checks=True).post(f"{prefix}/news/", {"q": "x"})
        assert_error_page(response, 403, language, heading="csrf")

    def test_404(self, client, language, prefix):
        assert_error_page(client.get(f"{prefix}/no/such/page/"), 404, language)

    def test_500(self, rf, language, prefix, django_assert_num_queries):
        with django_assert_num_queries(0):
            response = server_error(rf.get(f"{prefix}/news/"))
        assert_error_page(response, 500, language)

    def test_503(self, rf, language, prefix, django_assert_num_queries):
        with django_assert_num_queries(0):
            response = service_unavailable(rf.get(f"{prefix}/news/"), OperationalError("down"))
        assert_error_page(response, 503, language)
        assert response["Retry-After"] == "30"
        assert response["Content-Language"] == language


def test_the_middleware_turns_database_outages_only_into_503s(rf):
    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    request = rf.get("/news/")
    for error in (OperationalError("connection refused"), InterfaceError("connection closed")):
        assert middleware.process_exception(request, error).status_code == 503
    assert middleware.process_exception(request, ValueError("a bug")) is None


def test_the_500_handler_gives_a_503_for_an_outage(rf):
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = server_error(rf.get("/ru/"))
    assert_error_page(response, 503, "ru")


def test_a_forged_host_is_one_line_in_the_log(client, caplog):
    caplog.set_level(logging.INFO)
    response = client.get("/news/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    serious = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [r.name for r in serious] == ["django.security.DisallowedHost"]
    assert serious[0].exc_info is None
    assert "evil.example" in serious[0].getMessage()
