from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from news.models import Event, NewsItem
from people.models import Leadership, Person

DEFAULT_ADMIN_PATH = "admin/"


class HomeView(TemplateView):
    """Latest news, what is on, the current officials and the press contacts."""

    template_name = "presscenter/home.html"
    latest_count = 7
    events_count = 4
    leadership_count = 4

    def get_context_data(self, **kwargs):
        latest = list(NewsItem.objects.published().for_listing()[: self.latest_count])
        events, events_upcoming = Event.objects.public().upcoming_or_recent(self.events_count)
        return super().get_context_data(
            lead_story=latest[0] if latest else None,
            latest_news=latest[1:],
            events=events,
            events_upcoming=events_upcoming,
            leadership=Leadership(Person.objects.officials()).current[: self.leadership_count],
            **kwargs,
        )


@require_GET
def robots_txt(request):
    """Crawlers may read everything but the admin. The admin is named only at its
    default address: a moved one (PRESSCENTER_ADMIN_PATH) would be given away here,
    and its pages tell robots not to index them anyway."""
    lines = ["User-agent: *"]
    if settings.ADMIN_PATH == DEFAULT_ADMIN_PATH:
        lines.append(f"Disallow: /{settings.ADMIN_PATH}")
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
