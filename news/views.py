from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.utils import translation
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView
from django_filters.views import FilterView

from core.sharing import image_of
from people.models import Person

from . import structured_data
from .filters import NewsFilter
from .models import Event, NewsItem, Section
from .pagination import ArchivePaginationMixin


class NewsListView(ArchivePaginationMixin, FilterView):
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
        return super().get_context_data(section=self.section, **kwargs)


class NewsDetailView(DetailView):
    context_object_name = "item"
    template_name = "news/newsitem_detail.html"
    related_count = 4
    section_count = 3

    def get_queryset(self):
        return (
            self.items()
            .select_related("section")
            .with_last_modified()
            .prefetch_related(
                Prefetch("event", queryset=Event.objects.public()),
                Prefetch("people", queryset=Person.objects.public()),
                "gallery",
                "attachments",
            )
        )

    def items(self):
        return NewsItem.objects.published()

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.section.slug != kwargs["section"]:
            # The item moved to another section: its old address still leads to it.
            return redirect(self.object, permanent=True)
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        item = self.object
        published = NewsItem.objects.published().for_listing().exclude(pk=item.pk)
        # About the same people or the same event: one query, none when it names neither.
        people = [person.pk for person in item.people.all()]
        related = list(published.about_any(people, item.event, self.related_count))
        in_section = published.filter(section=item.section).exclude(
            pk__in=[other.pk for other in related]
        )[: self.section_count]
        image = image_of(
            self.request,
            item.image,
            item.image_width,
            item.image_height,
            item.image_alt,
            item.image_type,
        )
        return super().get_context_data(
            section=item.section,
            related_news=related,
            section_news=in_section,
            share_image=image,
            structured_data=structured_data.news_article(self.request, item, image),
            language_alternates=item.edition_links("news:list"),
            **kwargs,
        )


class EventListView(ArchivePaginationMixin, ListView):
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
            structured_data=structured_data.event(self.request, self.object),
            language_alternates=self.object.edition_links("news:event_list"),
            **kwargs,
        )


@method_decorator(never_cache, name="dispatch")
class NewsPreviewView(NewsDetailView):
    """An item as the public will see it, whatever its status, for editors who may
    change it: at a staff URL in the admin (``NewsItemAdmin.get_urls``), so the public
    item page never depends on who is asking and can be cached. ``?language=ru``
    previews the Russian edition."""

    def items(self):
        return NewsItem.objects.all()

    def get(self, request, *args, **kwargs):
        if not request.user.has_perm("news.change_newsitem"):
            raise PermissionDenied
        language = request.GET.get("language")
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        with translation.override(language):
            self.object = self.get_object()
            return self.render_to_response(
                self.get_context_data(object=self.object, is_preview=True)
            ).render()
