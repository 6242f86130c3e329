"""The press contacts for address books and spreadsheets: vCard 3.0, CSV and XLSX.

Every export holds exactly what ``/press/contacts/`` shows:
``Contact.objects.for_press_list()``, grouped by ``ContactGroup``, with the texts of the
active edition (``/press/contacts.vcf`` in English, ``/ru/press/contacts.vcf`` in Russian).
Offices come first, then people in the leadership page's order; each export costs
two queries (the contacts with their people, and the people's positions).

Each format is for one kind of reader:

- vCard, for phones and address books: all the contacts, one person's (with the
  portrait) or one office's;
- CSV, for the contact imports of Google Contacts and Outlook: one row per person or
  office, under the column names of Outlook's CSV format, which Google reads too;
- XLSX, for spreadsheets: one row per contact, every cell text.

Phone numbers are stored in E.164 and written in the international format
(``+7 495 621-33-23``). In the CSV every other cell is defused against formulas.
"""

import base64
import csv
import io

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core import phones
from core.contentlines import content_line, join_lines, structured
from core.downloads import download_response
from core.editions import organisation

from .models import Contact, ContactGroup, Person
from .portraits import portrait_jpeg

VCARD_CONTENT_TYPE = "text/vcard; charset=utf-8"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

TEL_TYPES = {
    Contact.Kind.PHONE: "work,voice",
    Contact.Kind.FAX: "work,fax",
    Contact.Kind.TEL_FAX: "work,voice,fax",
}

# A cell starting with one of these is read as a formula by Excel, LibreOffice
# and Google Sheets (OWASP, "CSV Injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


# vCard


def contact_line(contact):
    """The vCard line of one contact: TEL, EMAIL or ADR."""
    if contact.kind in TEL_TYPES:
        return content_line("TEL", contact.shown_value, {"TYPE": TEL_TYPES[contact.kind]})
    if contact.kind == Contact.Kind.EMAIL:
        return content_line("EMAIL", contact.value, {"TYPE": "internet,work"})
    # A free-text address goes whole into the street component; its newlines stay.
    return content_line(
        "ADR",
        structured("", "", contact.shown_value, "", "", "", ""),
        {"TYPE": "work"},
        escape=False,
    )


def vcard_lines(group, absolute_url, *, photo=None):
    """One vCard; ``photo`` is the portrait as JPEG bytes, for a person's own card."""
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
        if photo:
            encoded = base64.b64encode(photo).decode("ascii")
            yield content_line("PHOTO", encoded, {"ENCODING": "b", "TYPE": "JPEG"}, escape=False)
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


# CSV for contact programs

# Outlook's CSV columns, which Google Contacts' import reads as well. Not translated:
# the programs find the columns by these names.
CSV_COLUMNS = [
    "First Name",
    "Middle Name",
    "Last Name",
    "Company",
    "Department",
    "Job Title",
    "Business Phone",
    "Business Phone 2",
    "Business Fax",
    "E-mail Address",
    "E-mail 2 Address",
    "Business Street",
    "Web Page",
    "Notes",
]
PHONE_COLUMNS = {"Business Phone", "Business Phone 2", "Business Fax"}
SLOTS = {
    "phone": ["Business Phone", "Business Phone 2"],
    "fax": ["Business Fax"],
    "email": ["E-mail Address", "E-mail 2 Address"],
    "address": ["Business Street"],
}


def spreadsheet_safe(value):
    """A cell value that a spreadsheet shows as text and never runs as a formula: a
    value starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return gets a
    leading apostrophe, as OWASP recommends against CSV injection."""
    value = str(value or "")
    return f"'{value}" if value.startswith(FORMULA_TRIGGERS) else value


def phone_cell(contact):
    """A phone number as a contact program reads it: ``+7 495 621-33-23``, without
    the apostrophe, because it is checked to be a number and nothing else. A value
    that is not a readable number (stored before numbers were checked) is defused
    like any other text."""
    if phones.parse(contact.value):
        return phones.international(contact.value)
    return spreadsheet_safe(contact.value)


def csv_record(group, absolute_url):
    """The CSV row of one person or office, as a dict of ``CSV_COLUMNS``."""
    record = dict.fromkeys(CSV_COLUMNS, "")
    if group.person:
        person = group.person
        record["First Name"] = person.given_name
        record["Middle Name"] = person.patronymic
        record["Last Name"] = person.family_name
        record["Company"] = group.organisation
        record["Job Title"] = group.position.title if group.position else ""
        record["Web Page"] = absolute_url(person.get_absolute_url())
    else:
        record["Company"] = organisation()
        record["Department"] = group.label
    free = {kind: list(columns) for kind, columns in SLOTS.items()}
    notes = []
    for contact in group.contacts:
        kinds = {
            Contact.Kind.PHONE: ["phone"],
            Contact.Kind.FAX: ["fax"],
            Contact.Kind.TEL_FAX: ["phone", "fax"],
            Contact.Kind.EMAIL: ["email"],
            Contact.Kind.ADDRESS: ["address"],
        }[contact.kind]
        value = phone_cell(contact) if contact.is_phone else contact.shown_value
        placed = False
        for kind in kinds:
            if free[kind]:
                record[free[kind].pop(0)] = value
                placed = True
        if not placed:
            notes.append(f"{contact.get_kind_display()}: {value}")
    record["Notes"] = "; ".join(notes)
    return record


def contacts_csv_text(contacts, absolute_url):
    """The CSV document: UTF-8 byte order mark (for Excel), a header, a row per
    person or office. RFC 4180: CRLF line ends, quotes where needed."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for group in ContactGroup.group(contacts):
        record = csv_record(group, absolute_url)
        writer.writerow(
            [
                record[column] if column in PHONE_COLUMNS else spreadsheet_safe(record[column])
                for column in CSV_COLUMNS
            ]
        )
    return out.getvalue()


# XLSX for spreadsheets


def xlsx_rows(contacts, absolute_url):
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
                contact.shown_value,
                url,
            ]


def contacts_xlsx_bytes(contacts, absolute_url):
    """A workbook of one sheet, a row per contact. Every cell is a text cell: a phone
    number stays ``+7 495 621-33-23`` (not a sum), and a value starting with ``=`` is
    shown, never computed."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Press contacts")[:31])
    for width, letter in zip((32, 36, 36, 12, 32, 48), "ABCDEF", strict=True):
        sheet.column_dimensions[letter].width = width
    bold = Font(bold=True)
    for number, row in enumerate(xlsx_rows(contacts, absolute_url)):
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=str(value or ""))
            cell.data_type = "s"
            cell.number_format = "@"
            if number == 0:
                cell.font = bold
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# Views


@require_safe
def contacts_vcf(request):
    body = vcards(Contact.objects.for_press_list(), request.build_absolute_uri)
    return download_response(body, VCARD_CONTENT_TYPE, "press-contacts", "vcf")


@require_safe
def contacts_csv(request):
    body = contacts_csv_text(Contact.objects.for_press_list(), request.build_absolute_uri)
    return download_response(body, CSV_CONTENT_TYPE, "press-contacts", "csv")


@require_safe
def contacts_xlsx(request):
    body = contacts_xlsx_bytes(Contact.objects.for_press_list(), request.build_absolute_uri)
    return download_response(body, XLSX_CONTENT_TYPE, "press-contacts", "xlsx")


@require_safe
def person_vcf(request, slug):
    """A public person's card: name, position, public contacts, profile and portrait."""
    person = get_object_or_404(Person.objects.public().prefetch_related("positions"), slug=slug)
    group = ContactGroup(person, "")
    group.contacts = list(Contact.objects.public().filter(person=person))
    body = join_lines(
        vcard_lines(group, request.build_absolute_uri, photo=portrait_jpeg(person.photo))
    )
    return download_response(body, VCARD_CONTENT_TYPE, person.slug, "vcf")


@require_safe
def office_vcf(request, pk):
    """The card of the office a public office contact belongs to: every public
    contact under the same label."""
    offices = Contact.objects.for_press_list().filter(person__isnull=True)
    contact = get_object_or_404(offices, pk=pk)
    groups = ContactGroup.group(offices.filter(label=contact.label))
    body = join_lines(vcard_lines(groups[0], request.build_absolute_uri))
    return download_response(body, VCARD_CONTENT_TYPE, f"press-contact-{pk}", "vcf")
