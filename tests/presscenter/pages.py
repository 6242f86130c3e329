"""The public pages of the demo site, for the tests that read every one of them."""

from django.urls import reverse
from django.utils import translation

from news.models import Event, NewsItem, Section
from people.models import Person


def public_pages(language):
    """Every public HTML page of the demo site, in one edition."""
    with translation.override(language):
        urls = [
            reverse("home"),
            reverse("news:list"),
            reverse("news:list") + "?kind=123&date_from=2024-13-45",
            reverse("news:event_list"),
            reverse("people:list"),
            reverse("people:contacts"),
        ]
        urls += [s.get_absolute_url() for s in Section.objects.all()]
        urls += [i.get_absolute_url() for i in NewsItem.objects.published(language=language)]
        urls += [e.get_absolute_url() for e in Event.objects.public(language=language)]
        urls += [p.get_absolute_url() for p in Person.objects.public(language=language)]
    return urls
