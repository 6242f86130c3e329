"""EXPLAIN (ANALYZE, BUFFERS) of the news list's queries, built the way the view builds them.

For each case the queryset is the view's: ``NewsItem.objects.published().for_listing()``
filtered by ``NewsFilter`` (the date range and the text search of ``/news/``), in the
model's order, paginated by ``ArchivePaginator`` as the view does (news/pagination.py: a
count capped at 1,001 rows, deep pages read by key first). Each case prints the plan of
the paginator's capped ``COUNT`` and of the page's ``SELECT``, both the SQL Django sent,
captured and explained again.

Cases: the list (page 1), page 10,000, one month (``date_from``/``date_to``), and a text
search (``q``). Run it against a database that holds the archive to study, e.g. the
benchmark's when it is kept:

    BENCH_KEEP_DB=1 bench/run.sh
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/presscenter_bench \\
        .venv/bin/python bench/explain.py [--month 2000-01] [--q Dushanbe] [--page 10000]

EXPLAIN ANALYZE runs each query; nothing is written. Output: Markdown on stdout.
"""

import argparse
import calendar
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "presscenter.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-explain")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import translation  # noqa: E402

from news.filters import NewsFilter  # noqa: E402
from news.models import NewsItem  # noqa: E402
from news.pagination import ArchivePaginator  # noqa: E402


def listing(filters=None):
    """The queryset NewsListView paginates for these query-string filters."""
    base = NewsItem.objects.published().for_listing()
    if not filters:
        return base
    filterset = NewsFilter(data=filters, queryset=base)
    if not filterset.is_valid():
        raise SystemExit(f"invalid filters {filters}: {filterset.errors.as_text()}")
    return filterset.qs


def explain_sql(sql):
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def case(title, queryset, page_number):
    paginator = ArchivePaginator(
        queryset, settings.PRESSCENTER_PAGE_SIZE, allow_empty_first_page=True
    )
    with CaptureQueriesContext(connection) as captured:
        count = paginator.count
    count_sql = captured.captured_queries[-1]["sql"]
    page = paginator.get_page(page_number)
    if page.number != page_number:
        print(f"## {title}\n\nPage {page_number} does not exist ({count} items): skipped.\n")
        return
    print(f"## {title}\n")
    counted = f"{count} items" if paginator.count_is_exact else f"more than {count - 1} items"
    print(f"{counted}; page {page.number}.\n")
    print(f"COUNT (capped):\n\n```\n{count_sql}\n\n{explain_sql(count_sql)}\n```\n")
    with CaptureQueriesContext(connection) as captured:
        paginator.page(page_number)
    page_sql = captured.captured_queries[-1]["sql"]
    print(f"The page:\n\n```\n{page_sql}\n\n{explain_sql(page_sql)}\n```\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--month", default="2000-01", help="YYYY-MM for the date filter")
    parser.add_argument("--q", default="Dushanbe", help="the searched word")
    parser.add_argument("--page", type=int, default=10_000, help="the deep page")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        raise SystemExit("EXPLAIN (ANALYZE, BUFFERS) needs PostgreSQL: set DATABASE_URL.")

    year, month = (int(part) for part in args.month.split("-"))
    last_day = calendar.monthrange(year, month)[1]
    month_filter = {"date_from": f"{args.month}-01", "date_to": f"{args.month}-{last_day:02d}"}

    with translation.override(settings.LANGUAGE_CODE):
        total = NewsItem.objects.count()
        print(f"# EXPLAIN of /news/ at {total} news items\n")
        case("/news/ (page 1)", listing(), 1)
        case(f"/news/?page={args.page}", listing(), args.page)
        query = "&".join(f"{key}={value}" for key, value in month_filter.items())
        case(f"/news/?{query} (one month)", listing(month_filter), 1)
        case(f"/news/?q={args.q} (text search)", listing({"q": args.q}), 1)


if __name__ == "__main__":
    main()
