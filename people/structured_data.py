"""schema.org data for people and for the organisation itself (``core.structured_data``
writes it into the page)."""

from django.templatetags.static import static
from django.urls import reverse

from core.editions import organisation
from core.structured_data import compact

from .models import ContactGroup

SCHEMA = "https://schema.org"
# A square raster logo, as search engines ask for one.
LOGO = "img/apple-touch-icon.png"


def organization(request, contacts=()):
    """The organisation, with a ``ContactPoint`` per person or office among
    ``contacts`` (public contacts, e.g. ``Contact.objects.for_footer()``)."""
    return compact(
        {
            "@context": SCHEMA,
            "@type": "Organization",
            "name": organisation(),
            "alternateName": organisation(short=True),
            "url": request.build_absolute_uri(reverse("home")),
            "logo": request.build_absolute_uri(static(LOGO)),
            "contactPoint": [contact_point(group) for group in ContactGroup.group(contacts)],
        }
    )


def organization_reference(request):
    """The organisation as the author or publisher of something: its name, its site
    and its logo."""
    data = organization(request)
    del data["@context"]
    return data


KINDS = ("phone", "fax", "tel_fax", "email")


def contact_point(group):
    """A person's or an office's public phones, faxes and e-mail addresses."""
    kinds = {kind: [c.value for c in group.contacts if c.kind == kind] for kind in KINDS}
    phones = kinds["phone"] + kinds["tel_fax"]
    faxes = kinds["fax"] + kinds["tel_fax"]
    return compact(
        {
            "@type": "ContactPoint",
            "contactType": "press",
            "name": group.name,
            "telephone": phones[0] if phones else "",
            "faxNumber": faxes[0] if faxes else "",
            "email": kinds["email"][0] if kinds["email"] else "",
        }
    )


def person(request, person):
    """A public profile: the name's parts, the title held and where, the portrait."""
    position = person.headline_position
    works_for = (position.organisation if position else "") or organisation()
    return compact(
        {
            "@context": SCHEMA,
            "@type": "Person",
            "name": person.full_name,
            "givenName": person.given_name,
            "additionalName": person.patronymic,
            "familyName": person.family_name,
            "jobTitle": position.title if position else "",
            "worksFor": {"@type": "Organization", "name": works_for},
            "description": person.short_bio,
            "image": request.build_absolute_uri(person.photo.url) if person.photo else "",
            "url": request.build_absolute_uri(person.get_absolute_url()),
        }
    )
