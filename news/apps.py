from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News and events")

    def ready(self):
        from core.deletion import protect
        from people.models import Person

        from .models import Event, NewsItem

        # A person named by a news item or an event is not deleted from under it.
        protect(Person, lambda people: NewsItem.objects.filter(people__in=people))
        protect(Person, lambda people: Event.objects.filter(participants__in=people))
