"""What a page costs to render, in-process, next to the least a page can cost.

    DJANGO_SETTINGS_MODULE=bench.settings python bench/render.py [REQUESTS]

Runs against the database ``DATABASE_URL`` names as it is (load the demo, and
``load_demo --synthetic N`` for volume, first), with production settings and the
local-memory cache unless ``REDIS_URL`` is set. For each page it makes a warm-up,
then ``REQUESTS`` requests (default 60) through Django's test client, and prints
the fastest and the median time in ms, and the median as a multiple of the
trivial view's:

- ``/bench/trivial``: every middleware, a view, no template, no query;
- ``base.html`` rendered alone, empty: the floor of any public page's template;
- each page *missed*: a new query string each time, so the page cache misses while
  the fragments shared by every page (footer, news filters) stay kept, as between
  two edits;
- each page *hit*: served from the page cache.

The serving benchmark (``bench/run.sh``) measures the same pages under load; this
script says where a single request's time goes, without gunicorn or wrk.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ.setdefault("DJANGO_HTTPS", "0")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.template.loader import get_template  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.utils import translation  # noqa: E402

from news.models import Event, NewsItem  # noqa: E402
from people.models import Person  # noqa: E402


def timed(call, requests):
    for _ in range(5):
        call(-1)
    times = []
    for number in range(requests):
        start = time.perf_counter()
        call(number)
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times)


def page_calls(client, url):
    def missed(number):
        response = client.get(url, {"render": f"{time.monotonic_ns()}-{number}"})
        assert response.status_code == 200, (url, response.status_code)

    def hit(number):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    return missed, hit


def pages():
    item = NewsItem.objects.published().order_by("-published_at")[10]
    person = Person.objects.public().first()
    event = Event.objects.public().first()
    found = {
        "home `/`": "/",
        "list `/news/`": "/news/",
        "an item": item.get_absolute_url(),
        "a profile": person.get_absolute_url() if person else None,
        "`/events/`": "/events/",
        "an event": event.get_absolute_url() if event else None,
        "Atom feed": "/news/feed/atom/",
    }
    return {name: url for name, url in found.items() if url}


def main():
    requests = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    client = Client()
    translation.activate("en")

    def trivial(number):
        client.get("/bench/trivial")

    request = RequestFactory().get("/news/")
    request.user = AnonymousUser()
    base = get_template("base.html")

    def base_alone(number):
        base.render({}, request)

    floor = timed(trivial, requests)
    rows = [
        ("trivial view `/bench/trivial`", floor, None),
        ("`base.html` alone, empty", timed(base_alone, requests), None),
    ]
    for name, url in pages().items():
        missed, hit = page_calls(client, url)
        rows.append((name, timed(missed, requests), timed(hit, requests)))

    print(f"{requests} requests a page; fastest / median ms, and the median × trivial")
    print("| page | missed | × trivial | hit | × trivial |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, missed, hit in rows:
        cells = [name]
        for measured in (missed, hit):
            if measured is None:
                cells += ["", ""]
            else:
                cells += [f"{measured[0]:.2f} / {measured[1]:.2f}", f"{measured[1] / floor[1]:.1f}"]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
