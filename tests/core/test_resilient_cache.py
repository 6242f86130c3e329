"""With Redis down or silent, the cache misses and the site serves from the database;
the failure is logged once a minute, not per request."""

import logging
import time

import pytest
import redis
import time_machine
from django.core.cache import cache

import core.cache
from core.cache import ResilientRedisCache
from tests.factories import NewsItemFactory
from tests.listeners import closed_port, silent_listener

LIVE_REDIS = "redis://127.0.0.1:6379/7"
TIMEOUTS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}


@pytest.fixture(autouse=True)
def fresh_outages(monkeypatch):
    """Each test starts with no failure remembered (the state is per process)."""
    monkeypatch.setattr(core.cache, "_outages", {})


@pytest.fixture(params=["closed", "silent"])
def broken_redis(request):
    """The URL of a Redis that refuses connections, or one that never answers."""
    opener = closed_port if request.param == "closed" else silent_listener
    with opener() as port:
        yield f"redis://127.0.0.1:{port}/7"


@pytest.fixture
def redis_cache(settings):
    """Point the default cache at ``url`` with the production backend and options."""

    def point_at(url):
        settings.CACHES = {
            "default": {
                "BACKEND": "core.cache.ResilientRedisCache",
                "LOCATION": url,
                "KEY_PREFIX": "presscenter-tests",
                "OPTIONS": TIMEOUTS,
            }
        }
        return cache

    return point_at


def failure_lines(caplog):
    return [r for r in caplog.records if r.name == "core.cache" and r.levelno == logging.ERROR]


def test_every_call_is_a_miss_or_a_no_op(broken_redis):
    options = {"socket_connect_timeout": 0.1, "socket_timeout": 0.1}
    backend = ResilientRedisCache(broken_redis, {"OPTIONS": options})
    backend.retry_seconds = 0  # ask the server every time, to see each call's fallback
    assert backend.get("key") is None
    assert backend.get("key", "default") == "default"
    assert backend.get_many(["a", "b"]) == {}
    assert backend.has_key("key") is False
    assert backend.add("key", 1) is False
    assert backend.set("key", 1) is None
    assert backend.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert backend.touch("key") is False
    assert backend.delete("key") is False
    assert backend.delete_many(["a", "b"]) is None
    assert backend.get_or_set("key", "computed") == "computed"
    with pytest.raises(ValueError):
        backend.incr("key")
    with pytest.raises(ValueError):
        backend.decr("key")
    assert backend.clear() is False


def test_after_a_failure_the_server_is_left_alone_for_a_while(broken_redis):
    backend = ResilientRedisCache(broken_redis, {"OPTIONS": TIMEOUTS})
    backend.get("key")
    started = time.monotonic()
    for _ in range(100):
        backend.get("key")
    assert time.monotonic() - started < 0.1


@pytest.mark.django_db
def test_pages_are_served_quickly_from_the_database(broken_redis, redis_cache, settings, client):
    redis_cache(broken_redis)
    settings.PAGE_CACHE_SECONDS = 600
    item = NewsItemFactory(published=True)
    for path in ("/", "/news/", item.get_absolute_url(), "/ru/", "/sitemap.xml"):
        started = time.monotonic()
        response = client.get(path)
        assert response.status_code == 200, path
        assert response["X-Page-Cache"] == "miss"
        # At most one call waits for its socket timeout (0.5 s); the others skip.
        assert time.monotonic() - started < 1.5, path
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json() == {"status": "degraded", "database": "ok", "cache": "unavailable"}


@pytest.mark.django_db
def test_the_failure_is_logged_once_a_minute(broken_redis, redis_cache, settings, client, caplog):
    redis_cache(broken_redis)
    settings.PAGE_CACHE_SECONDS = 600
    caplog.set_level(logging.INFO)
    with time_machine.travel("2026-03-02 10:00:00 +0000", tick=False) as clock:
        for _ in range(5):
            assert client.get("/news/").status_code == 200
        assert len(failure_lines(caplog)) == 1
        clock.shift(30)  # the server is asked again, fails again, and is not reported
        for _ in range(5):
            assert client.get("/news/").status_code == 200
        assert len(failure_lines(caplog)) == 1
        clock.shift(31)
        assert client.get("/news/").status_code == 200
    lines = failure_lines(caplog)
    assert len(lines) == 2
    message = lines[1].getMessage()
    assert broken_redis in message and "\n" not in message
    assert lines[1].exc_info is None
    assert not [r for r in caplog.records if r.exc_info]


def live_redis():
    try:
        redis.Redis.from_url(LIVE_REDIS, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        return False
    return True


@pytest.mark.skipif(not live_redis(), reason="needs Redis at 127.0.0.1:6379")
def test_a_working_redis_is_used_and_a_recovery_is_logged(caplog):
    backend = ResilientRedisCache(LIVE_REDIS, {"OPTIONS": TIMEOUTS, "KEY_PREFIX": "pc-test"})
    backend.set("greeting", "hello", 30)
    assert backend.get("greeting") == "hello"
    backend.delete("greeting")

    caplog.set_level(logging.INFO)
    backend.outage.failed(redis.ConnectionError("gone"), retry_seconds=0, report_seconds=60)
    assert backend.get("greeting", "missing") == "missing"
    recovered = [r for r in caplog.records if "available again" in r.getMessage()]
    assert len(recovered) == 1
    assert not backend.outage.failing
