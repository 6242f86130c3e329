"""Pagination of the news archive that costs the same at any size.

A stock ``Paginator`` counts every matching row (``COUNT(*)`` over the archive: 330
ms at 900,000 items) and reads a deep page by skipping every row before it. Here the
count stops at ``COUNT_LIMIT`` rows, and a page's rows are found by their primary keys
first (an index-only scan of the list's index), then read in full: 20 rows, whatever
the page's depth.
"""

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.utils.functional import cached_property

# Counted exactly up to here (50 pages of 20); past it the list says "more than".
COUNT_LIMIT = 1000
# Pages past this are read as this one: 2,000,000 items at 20 a page.
MAX_PAGE = 100_000


class ArchivePage(Page):
    def __init__(self, object_list, number, paginator, has_next):
        super().__init__(object_list, number, paginator)
        self._has_next = has_next

    def has_next(self):
        return self._has_next

    def page_links(self):
        """The page numbers to link, with ``ELLIPSIS`` for gaps: Django's elided range
        when the total is known, else the first pages, the neighbours of this one,
        and a gap after it while older pages exist."""
        paginator = self.paginator
        if paginator.count_is_exact:
            return list(paginator.get_elided_page_range(self.number))
        last = self.number + 1 if self.has_next() else self.number
        near = range(max(1, self.number - 2), last + 1)
        links = [n for n in (1, 2) if n < near.start]
        if near.start > 3:
            links.append(paginator.ELLIPSIS)
        links.extend(near)
        if self.has_next():
            links.append(paginator.ELLIPSIS)
        return links


class ArchivePaginator(Paginator):
    """Pages over a queryset without counting past ``COUNT_LIMIT`` rows.

    ``count`` is exact when ``count_is_exact``; otherwise it is ``COUNT_LIMIT`` and
    ``num_pages`` a lower bound: the last page is found by going there, and a page
    past the end shows the first page (as ``get_page`` does for a number too high).
    """

    @cached_property
    def count(self):
        return self.object_list.all()[: COUNT_LIMIT + 1].count()

    @property
    def count_is_exact(self):
        return self.count <= COUNT_LIMIT

    def validate_number(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError, OverflowError):
            raise PageNotAnInteger("That page number is not an integer") from None
        if number < 1:
            raise EmptyPage("That page number is less than 1")
        if self.count_is_exact and number > self.num_pages:
            if number == 1 and self.allow_empty_first_page:
                return number
            raise EmptyPage("That page contains no results")
        return min(number, MAX_PAGE)

    def page(self, number):
        number = self.validate_number(number)
        offset = (number - 1) * self.per_page
        rows = list(self.rows(offset, self.per_page + 1))
        if not rows and number > 1:
            raise EmptyPage("That page contains no results")
        return ArchivePage(rows[: self.per_page], number, self, len(rows) > self.per_page)

    def rows(self, offset, limit):
        """``limit`` rows from ``offset``: near the top directly, deeper by key first."""
        rows = self.object_list.all()
        if offset < self.per_page * 10:
            return rows[offset : offset + limit]
        return rows.filter(pk__in=rows.values("pk")[offset : offset + limit])

    def get_page(self, number):
        try:
            return self.page(number)
        except PageNotAnInteger:
            return self.page(1)
        except EmptyPage:
            return self.page(self.num_pages if self.count_is_exact else 1)


class ArchivePaginationMixin:
    """List views whose ``?page=`` never errors: a bad or too-high page shows a real
    page instead of a 404, and no page counts or skips through the whole archive."""

    paginator_class = ArchivePaginator

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size, allow_empty_first_page=True)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()
