"""The press contacts as vCard 3.0 and as CSV, for address books and spreadsheets.

Both exports hold exactly what ``/press/contacts/`` shows:
``Contact.objects.for_press_list()``, grouped by ``ContactGroup``, with the texts of the
active edition (``/press/contacts.vcf`` in English, ``/ru/press/contacts.vcf`` in Russian).
Offices come first, then people in the leadership page's order; each export costs
two queries (the contacts with their people, and the people's positions).
"""

import csv
import io

from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.contentlines import content_line, join_lines, structured
from core.downloads import download_response
from core.editions import organisation

from .models import Contact, ContactGroup

VCARD_CONTENT_TYPE = "text/vcard; charset=utf-8"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"

TEL_TYPES = {
    Contact.Kind.PHONE: "work,voice",
    Contact.Kind.FAX: "work,fax",
    Contact.Kind.TEL_FAX: "work,voice,fax",
}

# A cell starting with one of these is read as a formula by Excel, LibreOffice
# and Google Sheets (OWASP, "CSV Injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def contact_line(contact):
    """The vCard line of one contact: TEL, EMAIL or ADR."""
    if contact.kind in TEL_TYPES:
        return content_line("TEL", contact.value, {"TYPE": TEL_TYPES[contact.kind]})
    if contact.kind == Contact.Kind.EMAIL:
        return content_line("EMAIL", contact.value, {"TYPE": "internet,work"})
    # A free-text address goes whole into the street component; its newlines stay.
    return content_line(
        "ADR", structured("", "", contact.value, "", "", "", ""), {"TYPE": "work"}, escape=False
    )


def vcard_lines(group, absolute_url):
    yield "BEGIN:VCARD"
    yield "VERSION:3.0"
    if group.person:
        person = group.person
        name = structured(person.family_name, person.given_name, person.patronymic, "", "")
        yield content_line("N", name, escape=False)
        yield content_line("FN", group.name)
        yield content_line("ORG", structured(group.organisation), escape=False)
        if group.position:
            yield content_line("TITLE", group.position.title)
    else:
        # An office: N is required in vCard 3.0 but has no parts to hold; the office is
        # the organisation's unit, so that cards from several press services differ.
        yield "N:;;;;"
        yield content_line("FN", group.name)
        units = (organisation(), group.label) if group.label else (organisation(),)
        yield content_line("ORG", structured(*units), escape=False)
        yield "X-ABSHOWAS:COMPANY"
    for contact in group.contacts:
        yield contact_line(contact)
    if group.person:
        yield content_line("URL", absolute_url(group.person.get_absolute_url()), escape=False)
    yield "END:VCARD"


def vcards(contacts, absolute_url):
    """One vCard per person with public contacts and one per office, as a document."""
    return join_lines(
        line for group in ContactGroup.group(contacts) for line in vcard_lines(group, absolute_url)
    )


def spreadsheet_safe(value):
    """A cell value that a spreadsheet shows as text and never runs as a formula.

    A value starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return gets a
    leading apostrophe, as OWASP recommends against CSV injection. That includes
    phone numbers in international form ("+7 495 621-33-23"): the apostrophe makes a
    spreadsheet keep them as text, which also keeps them readable (read as a formula
    they would be an error or a sum). Programs reading the CSV see the apostrophe
    and should strip a leading one from the Value column of phone rows.
    """
    value = str(value or "")
    return f"'{value}" if value.startswith(FORMULA_TRIGGERS) else value


def csv_rows(contacts, absolute_url):
    yield [_("Name"), _("Position"), _("Organisation"), _("Kind"), _("Value"), _("Profile URL")]
    for group in ContactGroup.group(contacts):
        title = group.position.title if group.position else ""
        url = absolute_url(group.person.get_absolute_url()) if group.person else ""
        for contact in group.contacts:
            yield [
                group.name,
                title,
                group.organisation,
                contact.get_kind_display(),
                contact.value,
                url,
            ]


def contacts_csv_text(contacts, absolute_url):
    """The CSV document: UTF-8 byte order mark (for Excel), a header, a row per contact."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)  # RFC 4180: CRLF line ends, quotes where needed
    for row in csv_rows(contacts, absolute_url):
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return out.getvalue()


@require_safe
def contacts_vcf(request):
    body = vcards(Contact.objects.for_press_list(), request.build_absolute_uri)
    return download_response(body, VCARD_CONTENT_TYPE, "press-contacts", "vcf")


@require_safe
def contacts_csv(request):
    body = contacts_csv_text(Contact.objects.for_press_list(), request.build_absolute_uri)
    return download_response(body, CSV_CONTENT_TYPE, "press-contacts", "csv")
