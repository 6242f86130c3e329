"""The press contacts as vCard 3.0 and as CSV, for address books and spreadsheets.

Both exports hold exactly what ``/press/contacts/`` shows: ``public_contacts()``,
i.e. public contacts of offices and of public people, with the texts of the active
edition (``/press/contacts.vcf`` in English, ``/ru/press/contacts.vcf`` in Russian).
Offices come first, then people in the leadership page's order; each export costs
two queries (the contacts with their people, and the people's positions).
"""

import csv
import io

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from presscenter.i18n import edition, organisation
from presscenter.textformats import content_line, edition_filename, join_lines, structured

from .models import Contact
from .views import public_contacts

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


class ContactGroup:
    """The contacts of one person, or of one office (contacts without a person that
    share a label): one vCard, one block of CSV rows."""

    def __init__(self, person, label):
        self.person = person
        self.label = label
        self.contacts = []

    @property
    def position(self):
        return self.person.headline_position if self.person else None

    @property
    def name(self):
        if self.person:
            return self.person.full_name
        return self.label or organisation()

    @property
    def organisation(self):
        position = self.position
        return (position.organisation if position else "") or organisation()


def contact_groups(contacts):
    """``contacts`` grouped by person or office label, offices first, each group in
    the order its first contact came in."""
    groups = {}
    for contact in contacts:
        key = ("person", contact.person_id) if contact.person_id else ("office", contact.label)
        if key not in groups:
            groups[key] = ContactGroup(contact.person, "" if contact.person_id else contact.label)
        groups[key].contacts.append(contact)
    return sorted(groups.values(), key=lambda group: group.person is not None)


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
        line for group in contact_groups(contacts) for line in vcard_lines(group, absolute_url)
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
    for group in contact_groups(contacts):
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


def download(body, content_type, stem, extension):
    response = HttpResponse(body, content_type=content_type)
    filename = edition_filename(stem, extension)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Content-Language"] = edition()
    return response


@require_safe
def contacts_vcf(request):
    body = vcards(public_contacts(), request.build_absolute_uri)
    return download(body, VCARD_CONTENT_TYPE, "press-contacts", "vcf")


@require_safe
def contacts_csv(request):
    body = contacts_csv_text(public_contacts(), request.build_absolute_uri)
    return download(body, CSV_CONTENT_TYPE, "press-contacts", "csv")
