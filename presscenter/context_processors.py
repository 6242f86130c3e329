from django.db.models import Q
from django.utils.functional import SimpleLazyObject

from people.models import Contact, Person
from presscenter.i18n import organisation


def footer_contacts():
    return list(
        Contact.objects.filter(
            Q(person__isnull=True) | Q(person__in=Person.objects.public()),
            is_public=True,
            in_footer=True,
        )
        .select_related("person")
        .order_by("order", "pk")
    )


def site(request):
    """The organisation's name and the footer's press contacts, on every page."""
    return {
        "organisation": organisation(),
        "organisation_short": organisation(short=True),
        "footer_contacts": SimpleLazyObject(footer_contacts),
    }
