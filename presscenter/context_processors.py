from django.conf import settings
from django.utils.functional import SimpleLazyObject, lazy

from core.editions import organisation
from people.models import Contact

from .page_cache import current_generation, seconds_until_next_change


def fragment_cache(request):
    """For ``{% cache fragment_seconds name page_generation … %}`` around the parts
    every page shares (the footer, the news filters): the same generation as the page
    cache, so the same change retires them; at most until the next scheduled change.
    Off (0 seconds) when the page cache is off."""
    if settings.PAGE_CACHE_SECONDS <= 0:
        return 0, ""
    generation = getattr(request, "page_generation", None) or current_generation()
    return seconds_until_next_change(generation), generation


def site(request):
    """The organisation's name and the footer's press contacts, on every page, and
    what the shared fragments are cached under."""
    fragments = SimpleLazyObject(lambda: fragment_cache(request))
    return {
        "organisation": organisation(),
        "organisation_short": organisation(short=True),
        "footer_contacts": SimpleLazyObject(lambda: list(Contact.objects.for_footer())),
        "fragment_seconds": lazy(lambda: fragments[0], int)(),
        "page_generation": lazy(lambda: fragments[1], str)(),
    }
