from django.core.paginator import Paginator


class ForgivingPaginationMixin:
    """List views whose ``?page=`` never errors: a bad or too-high page shows the
    nearest real page (``Paginator.get_page``) instead of a 404."""

    def paginate_queryset(self, queryset, page_size):
        paginator = Paginator(queryset, page_size, allow_empty_first_page=True)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()
