"""The base of every sitemap of translated objects, paginated in SQL.

Django's i18n sitemaps build the (object, language) pairs of the whole table in Python
before they paginate: every page of a large archive loads the archive. Here a page is a
range of primary keys, ``limit // len(LANGUAGE_CODES)`` keys wide, so that it holds at
most ``limit`` entries: page 1 starts at the block of the first public object, page
*n* is the *n*-th block after it. The database produces the page's (object, edition)
pairs in one query, a UNION ALL of one query per edition over the objects public in it
(``public(language)``), each reading the key range from the primary key index. The
number of pages comes from the first and last public keys (two index probes), not from
a count. A page thus costs the same at any depth and holds one page of rows in memory.

The blocks are fixed: a new object lands on the last page, an edit or a deletion
changes only its own page, and a page left without public objects (drafts, deletions)
is an empty ``urlset``, not a 404. Pages past the last are 404s. (The numbers shift
only when the whole first block goes.)

Each URL is listed in every edition its object is public in, with ``hreflang``
alternates (Django's i18n sitemap format and template) read from the row's own
translated columns: true translations only.
"""

import re
from functools import cached_property
from html import escape
from urllib.parse import quote

from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, Page, PageNotAnInteger
from django.db.models import F, Max, Min, Value
from django.urls import reverse
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.timezone import template_localtime

from .editions import LANGUAGE_CODES, in_any_edition, translated_columns

URL_SAFE = RFC3986_SUBDELIMS + "/~:@"  # what reverse() leaves unquoted
SAFE = re.compile(r"[-A-Za-z0-9_.~]*")  # a slug, which quote() leaves as it is


class PathTemplate:
    """An object's path in each edition, from ``reverse()`` called once per edition.

    A sitemap page has some 20,000 paths (each entry and its alternates), and
    ``reverse()`` with an edition switch costs tens of microseconds each: the pattern
    is reversed once per edition with placeholders, then filled in by string joins,
    quoted as ``reverse()`` quotes."""

    PLACEHOLDER = re.compile(r"zz0sitemap0(\d+)0zz")  # matches the slug and str converters

    def __init__(self, url_name, url_columns):
        self.url_name = url_name
        self.names = list(url_columns)
        self.columns = [url_columns[name] for name in self.names]
        self.templates = {}

    def template(self, language):
        """The path's fixed parts, and between them the row columns that fill it."""
        if language not in self.templates:
            placeholders = {name: f"zz0sitemap0{i}0zz" for i, name in enumerate(self.names)}
            with translation.override(language):
                path = reverse(self.url_name, kwargs=placeholders)
            pieces = self.PLACEHOLDER.split(path)
            self.templates[language] = (
                pieces[::2],
                [self.columns[int(i)] for i in pieces[1::2]],
            )
        return self.templates[language]

    def fill(self, language, row):
        parts, columns = self.template(language)
        out = [parts[0]]
        for column, part in zip(columns, parts[1:], strict=True):
            value = str(row[column])
            out.append(value if SAFE.fullmatch(value) else quote(value, safe=URL_SAFE))
            out.append(part)
        return "".join(out)


class UrlsetTemplate:
    """Django's ``sitemap.xml`` template, written out by hand: the same bytes in about
    a tenth of the time (the template engine spent most of a 5,000-entry page's time
    resolving variables). The sitemap views accept any object with ``render()`` as
    ``template_name``; a test compares the two outputs."""

    HEAD = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
    )
    TAIL = "\n</urlset>\n"

    def render(self, context=None, request=None):
        out = [self.HEAD]
        for url in (context or {}).get("urlset", ()):
            out.append(f"<url><loc>{escape(str(url['location']))}</loc>")
            if url.get("lastmod"):
                day = template_localtime(url["lastmod"])
                out.append(f"<lastmod>{day.year:04d}-{day.month:02d}-{day.day:02d}</lastmod>")
            if url.get("changefreq"):
                out.append(f"<changefreq>{escape(str(url['changefreq']))}</changefreq>")
            if url.get("priority"):
                out.append(f"<priority>{escape(str(url['priority']))}</priority>")
            for alternate in url.get("alternates", ()):
                out.append(
                    f'<xhtml:link rel="alternate" hreflang="{escape(str(alternate["lang_code"]))}" '
                    f'href="{escape(str(alternate["location"]))}"/>'
                )
            out.append("</url>")
        out.append(self.TAIL)
        return "".join(out)


URLSET_TEMPLATE = UrlsetTemplate()


class EditionsPaginator:
    """Django's paginator as far as the sitemap views use it (``num_pages`` and
    ``page()``), over pages that are ranges of primary keys (see the module's
    docstring). Both cost one query for the first and last public keys."""

    def __init__(self, sitemap):
        self.sitemap = sitemap
        self.per_page = sitemap.limit
        #: primary keys per page: each object is listed at most once per edition
        self.span = max(1, sitemap.limit // len(LANGUAGE_CODES))

    @cached_property
    def bounds(self):
        """The first and last public primary keys, or (None, None)."""
        return self.sitemap.key_bounds()

    @property
    def origin(self):
        """The first key of page 1: the start of the first public object's block."""
        first, _last = self.bounds
        return first // self.span * self.span

    @property
    def num_pages(self):
        first, last = self.bounds
        if first is None:
            return 1
        return (last - self.origin) // self.span + 1

    def validate_number(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger("That page number is not an integer") from None
        if number < 1:
            raise EmptyPage("That page number is less than 1")
        if number > self.num_pages:
            raise EmptyPage("That page contains no results")
        return number

    def page(self, number):
        number = self.validate_number(number)
        if self.bounds[0] is None:
            return Page([], number, self)
        start = self.origin + (number - 1) * self.span
        return Page(self.sitemap.entries(start, start + self.span), number, self)


class EditionsSitemap(Sitemap):
    """A sitemap of ``EditionsModel`` objects (with integer primary keys): each
    object's URL in every edition it is public in, with alternates, paginated in SQL
    (see the module's docstring).

    A subclass names the model, the rule (``public(language)``: the objects public in
    one edition, the app's own queryset method), the URL pattern and the row columns
    that fill its arguments (``url_columns``), and optionally ``lastmod_column`` (never
    null) and ``with_columns()`` to annotate it."""

    i18n = True
    alternates = True
    x_default = True
    limit = 5000

    model = None
    url_name = ""
    url_columns = {"slug": "slug"}
    lastmod_column = None

    def public(self, language):
        """The objects public in the edition ``language``."""
        raise NotImplementedError

    def with_columns(self, queryset):
        """Annotations the rows need (``lastmod_column``, say)."""
        return queryset

    # Django's Sitemap API

    def items(self):
        """Every public object once."""
        return in_any_edition(self.public)

    @property
    def paginator(self):
        return EditionsPaginator(self)

    def get_languages_for_item(self, item):
        return self.model.languages_of(item)

    def _location(self, item, force_lang_code=None):
        """The path in ``force_lang_code`` or the entry's edition, made once per page
        for each object and edition (an entry's alternates repeat its siblings')."""
        row, language = item
        key = (row["pk"], force_lang_code or language)
        if key not in self.locations:
            self.locations[key] = self.paths.fill(key[1], row)
        return self.locations[key]

    def lastmod(self, item):
        return item[self.lastmod_column] if self.lastmod_column else None

    def get_latest_lastmod(self):
        """The newest ``lastmod`` of all entries, for the index: the first row newest
        first, which an index on the column answers (news_last_modified)."""
        if not self.lastmod_column:
            return None
        return (
            self.with_columns(self.items())
            .order_by(F(self.lastmod_column).desc())
            .values_list(self.lastmod_column, flat=True)
            .first()
        )

    # The SQL

    @cached_property
    def paths(self):
        return PathTemplate(self.url_name, self.url_columns)

    @cached_property
    def locations(self):
        return {}

    def key_bounds(self):
        """The first and last primary keys of the public objects, in one query (the
        database reads each from one end of the primary key index)."""
        bounds = self.items().aggregate(first=Min("pk"), last=Max("pk"))
        return bounds["first"], bounds["last"]

    def entries(self, start, stop):
        """The (row, language) pairs of the objects with ``start <= pk < stop``, in key
        order, each object once per edition it is public in: one query per edition,
        combined with UNION ALL. A row holds the URL's columns, the edition columns
        (for the alternates) and ``lastmod_column``."""
        columns = [
            "pk",
            *self.url_columns.values(),
            *translated_columns(self.model.edition_field),
            *([self.lastmod_column] if self.lastmod_column else []),
        ]
        parts = [
            self.with_columns(self.public(language).filter(pk__gte=start, pk__lt=stop))
            .annotate(sitemap_edition=Value(position))
            .values(*columns, "sitemap_edition")
            .order_by()
            for position, language in enumerate(LANGUAGE_CODES)
        ]
        pairs = parts[0].union(*parts[1:], all=True).order_by("pk", "sitemap_edition")
        return [(row, LANGUAGE_CODES[row.pop("sitemap_edition")]) for row in pairs]
