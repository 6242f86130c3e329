"""Count the SQL queries each benchmarked page makes, in-process.

Run by bench/run.sh with the same environment as gunicorn (DATABASE_URL, production
settings, STATIC_ROOT with the collected manifest). Each page is requested once to warm
the process (URL resolver, template loader, translations) and then once more with
CaptureQueriesContext; the second request is the one reported.

Output: one tab-separated line per page on stdout:
    path  status  queries  sql_ms  bytes  render_ms
``--sql DIR`` also writes every captured statement of each page to DIR/<n>.sql,
with the slowest ones first, for reading.

Usage: python bench/pages.py [--sql DIR] PATH [PATH ...]
"""

import argparse
import os
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "presscenter.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

HOST = os.environ.get("BENCH_HOST", "127.0.0.1")


def measure(client, path):
    client.get(path)  # warm-up; not counted
    with CaptureQueriesContext(connection) as ctx:
        started = time.perf_counter()
        response = client.get(path)
        body = b"".join(response) if response.streaming else response.content
        elapsed = time.perf_counter() - started
    sql_ms = sum(float(q["time"]) for q in ctx.captured_queries) * 1000
    return response.status_code, ctx.captured_queries, sql_ms, len(body), elapsed * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sql", help="write each page's captured SQL to this directory")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()

    # An anonymous visitor, on the host gunicorn is reached by (ALLOWED_HOSTS=127.0.0.1).
    client = Client(HTTP_HOST=HOST)
    for n, path in enumerate(args.paths, 1):
        status, queries, sql_ms, size, render_ms = measure(client, path)
        print(
            f"{path}\t{status}\t{len(queries)}\t{sql_ms:.1f}\t{size}\t{render_ms:.1f}", flush=True
        )
        if args.sql:
            out = Path(args.sql) / f"{n:02d}.sql"
            ranked = sorted(queries, key=lambda q: float(q["time"]), reverse=True)
            with out.open("w") as fh:
                fh.write(f"-- {path}: {len(queries)} queries, {sql_ms:.1f} ms of SQL\n")
                for q in ranked:
                    fh.write(f"\n-- {float(q['time']) * 1000:.1f} ms\n{q['sql']};\n")


if __name__ == "__main__":
    main()
