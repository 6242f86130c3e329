"""Contacts as files a journalist opens: every vCard read back with vobject, the
workbook with openpyxl; numbers kept in E.164 and shown internationally; addresses
per edition; the contacts page saying which file goes where."""

import datetime
import io

import openpyxl
import pytest
import vobject
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image

from people.models import Contact
from tests.factories import ContactFactory, PersonFactory, PositionFactory
from tests.upload_samples import image

pytestmark = pytest.mark.django_db

XLSX = "/press/contacts.xlsx"


def read_vcards(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    return list(vobject.readComponents(response.content.decode("utf-8")))


def workbook_rows(response):
    assert response.status_code == 200, response.status_code
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    (sheet,) = book.worksheets
    return sheet, [list(row) for row in sheet.iter_rows()]


@pytest.fixture
def secretary(media_root):
    person = PersonFactory(
        russian=True,
        given_name_en="Vladimir",
        patronymic_en="",
        family_name_en="Zaynetdinov",
        given_name_ru="Владимир",
        patronymic_ru="",
        family_name_ru="Зайнетдинов",
    )
    PositionFactory(
        person=person,
        russian=True,
        title_en="Press Secretary",
        title_ru="Пресс-секретарь",
        start_date=datetime.date(2012, 2, 1),
    )
    ContactFactory(person=person, kind=Contact.Kind.TEL_FAX, value="+7495-621-33-23")
    ContactFactory(person=person, kind=Contact.Kind.EMAIL, value="press@odkb-csto.org")
    return person


class TestNumbers:
    @pytest.mark.parametrize(
        "typed", ["+7495-621-33-23", "+7 (495) 621 33 23", "8 495 621-33-23", "+74956213323"]
    )
    def test_a_number_is_stored_in_e164_and_shown_internationally(self, typed):
        contact = Contact(label_en="Press service", kind=Contact.Kind.PHONE, value=typed)

        contact.full_clean()
        contact.save()
        contact.refresh_from_db()

        assert contact.value == "+74956213323"
        assert contact.shown_value == "+7 495 621-33-23"
        assert contact.href == "tel:+74956213323"

    def test_a_save_without_the_form_stores_e164_too(self):
        contact = ContactFactory(kind=Contact.Kind.FAX, value="+7 (495) 621-33-24")

        contact.refresh_from_db()

        assert contact.value == "+74956213324"

    @pytest.mark.parametrize("typed", ["call us", "12", "+7 495 621-33-23 ext 5 or 6 and 7"])
    def test_what_is_not_a_number_is_refused_with_the_reason(self, typed):
        contact = Contact(label_en="Press service", kind=Contact.Kind.PHONE, value=typed)

        with pytest.raises(ValidationError) as raised:
            contact.full_clean()

        assert "country code" in raised.value.message_dict["value"][0]

    def test_numbers_show_internationally_on_the_pages(self, client, secretary):
        contacts = client.get("/press/contacts/").content.decode()
        profile = client.get(secretary.get_absolute_url()).content.decode()

        for html in (contacts, profile):
            assert '<a href="tel:+74956213323">+7 495 621-33-23</a>' in html


class TestAddresses:
    def test_an_address_is_kept_per_edition(self, client):
        ContactFactory(
            kind=Contact.Kind.ADDRESS,
            value="",
            address_en="8 Sverchkov Lane\nMoscow 101000",
            address_ru="Сверчков пер., 8\nМосква, 101000",
            russian=True,
        )

        english = client.get("/press/contacts/").content.decode()
        russian = client.get("/ru/press/contacts/").content.decode()

        assert '<address class="contact-list__address">8 Sverchkov Lane<br>Moscow 101000' in english
        assert "Сверчков пер., 8<br>Москва, 101000" in russian
        assert "Sverchkov Lane" not in russian

    def test_an_address_in_one_language_is_shown_in_both(self, client):
        ContactFactory(
            kind=Contact.Kind.ADDRESS, value="", address_en="8 Sverchkov Lane", russian=True
        )

        assert "8 Sverchkov Lane" in client.get("/ru/press/contacts/").content.decode()

    def test_an_address_needs_a_text(self):
        contact = Contact(label_en="Office", kind=Contact.Kind.ADDRESS)

        with pytest.raises(ValidationError) as raised:
            contact.full_clean()

        assert "address_en" in raised.value.message_dict

    def test_the_russian_vcard_carries_the_russian_address(self, client):
        ContactFactory(
            kind=Contact.Kind.ADDRESS,
            value="",
            address_en="8 Sverchkov Lane, Moscow",
            address_ru="Сверчков пер., 8, Москва",
            russian=True,
        )

        (card,) = read_vcards(client.get("/ru/press/contacts.vcf"))

        assert card.adr.value.street == "Сверчков пер., 8, Москва"


class TestVCards:
    def test_the_whole_list_opens_in_an_address_book(self, client, secretary):
        ContactFactory(label_en="Press service", kind=Contact.Kind.EMAIL, value="p@odkb.org")

        office, person = read_vcards(client.get("/press/contacts.vcf"))

        assert office.fn.value == "Press service"
        assert person.fn.value == "Vladimir Zaynetdinov"
        assert person.n.value.family == "Zaynetdinov"
        assert person.title.value == "Press Secretary"
        assert [tel.value for tel in person.contents["tel"]] == ["+7 495 621-33-23"]
        assert person.email.value == "press@odkb-csto.org"

    def test_a_person_card_with_the_portrait(self, client, secretary):
        secretary.photo.save("portrait.png", ContentFile(image("PNG", size=(1600, 1200))))

        response = client.get(f"/people/{secretary.slug}.vcf")
        (card,) = read_vcards(response)

        assert response["Content-Disposition"] == f'attachment; filename="{secretary.slug}.vcf"'
        assert card.fn.value == "Vladimir Zaynetdinov"
        assert card.url.value == f"http://testserver/people/{secretary.slug}/"
        photo = Image.open(io.BytesIO(card.photo.value))
        assert photo.format == "JPEG"
        assert max(photo.size) == 600

    def test_a_person_card_without_a_portrait_or_contacts(self, client):
        person = PersonFactory()

        (card,) = read_vcards(client.get(f"/people/{person.slug}.vcf"))

        assert card.fn.value == person.full_name
        assert "photo" not in card.contents
        assert "tel" not in card.contents

    def test_a_portrait_that_cannot_be_read_leaves_the_card_whole(self, client, secretary):
        secretary.photo.save("portrait.png", ContentFile(image("PNG")))
        secretary.photo.storage.delete(secretary.photo.name)

        (card,) = read_vcards(client.get(f"/people/{secretary.slug}.vcf"))

        assert "photo" not in card.contents
        assert card.tel.value == "+7 495 621-33-23"

    def test_a_russian_person_card(self, client, secretary):
        (card,) = read_vcards(client.get(f"/ru/people/{secretary.slug}.vcf"))

        assert card.fn.value == "Владимир Зайнетдинов"
        assert card.title.value == "Пресс-секретарь"

    def test_an_office_card(self, client):
        phone = ContactFactory(label_en="Press service", value="+7 495 621-33-23")
        ContactFactory(label_en="Press service", kind=Contact.Kind.EMAIL, value="p@odkb.org")
        ContactFactory(label_en="Accreditation", kind=Contact.Kind.EMAIL, value="a@odkb.org")

        (card,) = read_vcards(client.get(f"/press/contacts/{phone.pk}.vcf"))

        assert card.fn.value == "Press service"
        assert card.tel.value == "+7 495 621-33-23"
        assert card.email.value == "p@odkb.org"

    def test_what_is_not_public_has_no_card(self, client, secretary):
        hidden_person = PersonFactory(is_public=False)
        hidden_office = ContactFactory(is_public=False)
        persons_own = secretary.contacts.first()

        assert client.get(f"/people/{hidden_person.slug}.vcf").status_code == 404
        assert client.get(f"/press/contacts/{hidden_office.pk}.vcf").status_code == 404
        assert client.get(f"/press/contacts/{persons_own.pk}.vcf").status_code == 404
        assert client.get("/ru/people/no-such-person.vcf").status_code == 404

    def test_a_hostile_label_cannot_add_a_property(self, client):
        phone = ContactFactory(label_en="Press\r\nEMAIL:evil@example.org;x")

        (card,) = read_vcards(client.get(f"/press/contacts/{phone.pk}.vcf"))

        assert "email" not in card.contents
        assert card.fn.value == "Press\nEMAIL:evil@example.org;x"

    def test_the_pages_link_the_cards(self, client, secretary):
        office = ContactFactory(label_en="Press service")

        contacts = client.get("/press/contacts/").content.decode()
        profile = client.get(secretary.get_absolute_url()).content.decode()

        assert f'href="/people/{secretary.slug}.vcf"' in contacts
        assert f'href="/press/contacts/{office.pk}.vcf"' in contacts
        assert f'href="/people/{secretary.slug}.vcf"' in profile

    def test_query_counts(self, client, django_assert_num_queries, secretary):
        office = ContactFactory()

        with django_assert_num_queries(3):  # the person, the positions, the contacts
            assert client.get(f"/people/{secretary.slug}.vcf").status_code == 200
        with django_assert_num_queries(2):  # the contact, then its office's contacts
            assert client.get(f"/press/contacts/{office.pk}.vcf").status_code == 200


class TestWorkbook:
    def test_every_cell_is_text(self, client, secretary):
        ContactFactory(
            label_en='=HYPERLINK("http://evil.example/","Press")',
            kind=Contact.Kind.EMAIL,
            value="press@odkb.org",
        )

        response = client.get(XLSX)
        sheet, rows = workbook_rows(response)

        assert response["Content-Disposition"] == 'attachment; filename="press-contacts.xlsx"'
        assert [cell.value for cell in rows[0]] == [
            "Name",
            "Position",
            "Organisation",
            "Kind",
            "Value",
            "Profile URL",
        ]
        assert rows[1][0].value == '=HYPERLINK("http://evil.example/","Press")'
        phone = next(row for row in rows if row[3].value == "tel/fax")
        assert phone[4].value == "+7 495 621-33-23"
        filled = [cell for row in rows for cell in row if cell.value is not None]
        assert len(filled) > 12
        assert all(cell.data_type == "s" for cell in filled)

    def test_the_russian_workbook(self, client, secretary):
        _sheet, rows = workbook_rows(client.get("/ru/press/contacts.xlsx"))

        assert rows[0][0].value == "Имя"
        assert rows[1][0].value == "Владимир Зайнетдинов"
        assert rows[1][1].value == "Пресс-секретарь"

    def test_nothing_public_gives_a_header_only(self, client):
        ContactFactory(is_public=False)

        _sheet, rows = workbook_rows(client.get(XLSX))

        assert len(rows) == 1

    def test_two_queries(self, client, django_assert_num_queries, secretary):
        with django_assert_num_queries(2):
            assert client.get(XLSX).status_code == 200


class TestContactsPage:
    def test_it_says_which_file_to_open_where(self, client, secretary):
        html = client.get("/press/contacts/").content.decode()

        assert 'href="/press/contacts.vcf"' in html
        assert 'href="/press/contacts.csv"' in html
        assert 'href="/press/contacts.xlsx"' in html
        assert "Google Contacts or Outlook" in html
        assert "spreadsheet" in html
