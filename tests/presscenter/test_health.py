"""/healthz for load balancers: answered before host validation and redirects, from the
database and the cache. Outages are in test_outages.py and core/test_resilient_cache.py."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("host", ["10.0.0.7", "10.0.0.7:8000", "evil.example", "[::1]"])
def test_a_probe_by_address_gets_an_answer_not_a_400(client, host):
    response = client.get("/healthz", HTTP_HOST=host)
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_a_probe_over_plain_http_is_not_redirected(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz", HTTP_HOST="10.0.0.7").status_code == 200
    assert client.get("/news/").status_code == 301  # the rest of the site is


def test_it_asks_the_database_once_and_is_never_stored(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/healthz")
    assert "no-store" in response["Cache-Control"]
    assert client.head("/healthz").status_code == 200


def test_only_reads_are_answered(client):
    assert client.post("/healthz").status_code == 405
