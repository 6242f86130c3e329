from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView, ListView
from django_filters.views import FilterView

from people.models import Person

from .filters import NewsFilter
from .models import Event, NewsItem, Section
from .navigation import go_back_url
from .pagination import ForgivingPaginationMixin


def can_preview(user):
    """Editors may open unpublished items (with never-cache headers) to check them."""
    return user.is_active and user.is_staff and user.has_perm("news.change_newsitem")


class NewsListView(ForgivingPaginationMixin, FilterView):
    """All news, filtered by django-filter; an invalid filter shows the form's errors."""

    filterset_class = NewsFilter
    template_name = "news/newsitem_list.html"
    context_object_name = "news_list"
    paginate_by = settings.PRESSCENTER_PAGE_SIZE
    section = None

    def get_queryset(self):
        return NewsItem.objects.published().for_listing()

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["section"] = self.section
        return kwargs


class SectionNewsView(NewsListView):
    template_name = "news/section_detail.html"

    def dispatch(self, request, *args, **kwargs):
        self.section = get_object_or_404(Section, slug=kwargs["section"])
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return super().get_queryset().filter(section=self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            section=self.section,
            feed_urls=(
                reverse("news:section_feed_rss", args=[self.section.slug]),
                reverse("news:section_feed_atom", args=[self.section.slug]),
            ),
            **kwargs,
        )


class NewsDetailView(DetailView):
    context_object_name = "item"
    template_name = "news/newsitem_detail.html"

    def get_queryset(self):
        if can_preview(self.request.user):
            queryset = NewsItem.objects.all()
        else:
            queryset = NewsItem.objects.published()
        return queryset.select_related("section").prefetch_related(
            Prefetch("event", queryset=Event.objects.public()),
            Prefetch("people", queryset=Person.objects.public()),
            "gallery",
            "attachments",
        )

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.section.slug != kwargs["section"]:
            # The item moved to another section: its old address still leads to it.
            return redirect(self.object, permanent=True)
        response = self.render_to_response(self.get_context_data(object=self.object))
        if not self.object.is_published():
            add_never_cache_headers(response)
        return response

    def get_context_data(self, **kwargs):
        item = self.object
        section_url = item.section.get_absolute_url()
        related = (
            NewsItem.objects.published()
            .for_listing()
            .filter(section=item.section)
            .exclude(pk=item.pk)[:3]
        )
        return super().get_context_data(
            section=item.section,
            go_back_url=go_back_url(self.request, fallback=section_url),
            related_news=related,
            language_alternates=item.edition_links("news:list"),
            **kwargs,
        )


class EventListView(ForgivingPaginationMixin, ListView):
    """Upcoming events in full (soonest first), then past events, paginated."""

    template_name = "news/event_list.html"
    context_object_name = "past_events"
    paginate_by = settings.PRESSCENTER_PAGE_SIZE
    upcoming_limit = 50

    def get_queryset(self):
        return Event.objects.public().past()

    def get_context_data(self, **kwargs):
        upcoming = Event.objects.public().future()[: self.upcoming_limit]
        return super().get_context_data(upcoming_events=upcoming, **kwargs)


class EventDetailView(DetailView):
    context_object_name = "event"
    template_name = "news/event_detail.html"

    def get_queryset(self):
        return Event.objects.public().prefetch_related(
            Prefetch("participants", queryset=Person.objects.public())
        )

    def get_context_data(self, **kwargs):
        news = NewsItem.objects.published().for_listing().filter(event=self.object)[:20]
        return super().get_context_data(
            event_news=news,
            language_alternates=self.object.edition_links("news:event_list"),
            **kwargs,
        )
