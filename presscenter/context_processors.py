from django.utils.functional import SimpleLazyObject

from core.editions import organisation
from people.models import Contact


def site(request):
    """The organisation's name and the footer's press contacts, on every page."""
    return {
        "organisation": organisation(),
        "organisation_short": organisation(short=True),
        "footer_contacts": SimpleLazyObject(lambda: list(Contact.objects.for_footer())),
    }
