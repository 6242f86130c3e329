"""Count the SQL queries each benchmarked page makes, in-process.

Run by bench/run.sh with the same environment as gunicorn (DATABASE_URL, production
settings, STATIC_ROOT with the collected manifest). Each page is requested once to warm
the process (URL resolver, template loader, translations), then ``--repeat`` times
(default 5) under CaptureQueriesContext. The query count is the same on every
measured request (the script says so on stderr if not, and reports the highest);
the times are medians: the time the database reported for the queries, and the
whole request handled in-process (no HTTP, no concurrency) -- i.e. the service
time of one request.

Output: one tab-separated line per page on stdout:
    path  status  queries  sql_ms  bytes  inprocess_ms
``--sql DIR`` also writes every captured statement of each page (last measured
request) to DIR/<n>.sql, with the slowest ones first, for reading.

Usage: python bench/pages.py [--repeat R] [--sql DIR] PATH [PATH ...]
"""

import argparse
import os
import statistics
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


def measure_once(client, path):
    with CaptureQueriesContext(connection) as ctx:
        started = time.perf_counter()
        response = client.get(path)
        body = b"".join(response) if response.streaming else response.content
        elapsed = time.perf_counter() - started
    sql_ms = sum(float(q["time"]) for q in ctx.captured_queries) * 1000
    return response.status_code, ctx.captured_queries, sql_ms, len(body), elapsed * 1000


def measure(client, path, repeat):
    client.get(path)  # warm-up; not counted
    runs = [measure_once(client, path) for _ in range(repeat)]
    counts = {len(run[1]) for run in runs}
    if len(counts) > 1:
        print(f"{path}: query count varies between requests: {sorted(counts)}", file=sys.stderr)
    status, queries, _sql, size, _elapsed = runs[-1]
    return (
        status,
        max(counts),
        queries,
        statistics.median(run[2] for run in runs),
        size,
        statistics.median(run[4] for run in runs),
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sql", help="write each page's captured SQL to this directory")
    parser.add_argument("--repeat", type=int, default=5, help="measured requests per page")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()

    # An anonymous visitor, on the host gunicorn is reached by (ALLOWED_HOSTS=127.0.0.1).
    client = Client(HTTP_HOST=HOST)
    for n, path in enumerate(args.paths, 1):
        status, count, queries, sql_ms, size, elapsed_ms = measure(client, path, args.repeat)
        print(f"{path}\t{status}\t{count}\t{sql_ms:.0f}\t{size}\t{elapsed_ms:.0f}", flush=True)
        if args.sql:
            out = Path(args.sql) / f"{n:02d}.sql"
            ranked = sorted(queries, key=lambda q: float(q["time"]), reverse=True)
            with out.open("w") as fh:
                fh.write(f"-- {path}: {len(queries)} queries (median {sql_ms:.0f} ms of SQL)\n")
                for q in ranked:
                    fh.write(f"\n-- {float(q['time']) * 1000:.1f} ms\n{q['sql']};\n")


if __name__ == "__main__":
    main()
