"""Editors' forms in the admin: one-language items, bad uploads, model rules as form errors."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from PIL import Image

from news.models import NewsAttachment, NewsItem
from people.models import Contact
from tests import upload_samples as samples
from tests.factories import NewsItemFactory, SectionFactory
from tests.presscenter.test_admin import form_errors, newsitem_form_data

pytestmark = pytest.mark.django_db


def png_bytes(width=40, height=30):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "navy").save(buffer, "PNG")
    return buffer.getvalue()


def test_a_russian_only_item_can_be_written(admin_client):
    data = newsitem_form_data(
        SectionFactory(), title_en="", lead_en="", body_en="", title_ru="Заявление ОДКБ"
    )
    response = admin_client.post(reverse("admin:news_newsitem_add"), data)
    assert response.status_code == 302, form_errors(response)
    item = NewsItem.objects.get()
    assert item.slug == "zayavlenie-odkb"
    assert item.languages() == ["ru"]


def test_an_item_without_any_title_is_a_form_error(admin_client):
    data = newsitem_form_data(SectionFactory(), title_en="", title_ru="")
    response = admin_client.post(reverse("admin:news_newsitem_add"), data)
    assert response.status_code == 200
    assert "at least one language" in str(response.context["adminform"].form.errors)
    assert not NewsItem.objects.exists()


def test_a_fake_image_is_refused_with_a_message(admin_client):
    fake = SimpleUploadedFile("photo.jpg", b"<?php echo 1; ?>", content_type="image/jpeg")
    data = newsitem_form_data(SectionFactory(), image=fake, image_alt_en="A photo")
    response = admin_client.post(reverse("admin:news_newsitem_add"), data)
    assert response.status_code == 200
    assert "image" in response.context["adminform"].form.errors
    assert not NewsItem.objects.exists()


def test_an_oversized_image_is_refused_with_a_message(admin_client, settings):
    settings.PRESSCENTER_MAX_IMAGE_PIXELS = 100
    image = SimpleUploadedFile("big.png", png_bytes(), content_type="image/png")
    data = newsitem_form_data(SectionFactory(), image=image, image_alt_en="A photo")
    response = admin_client.post(reverse("admin:news_newsitem_add"), data)
    assert response.status_code == 200
    assert "pixels" in str(response.context["adminform"].form.errors["image"])


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming(width, height):
    """A PNG whose header claims ``width``×``height`` pixels, with a few bytes of data:
    a decompression bomb as Pillow sees it."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + png_chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("photo.png", png_bytes()[:60], "Upload a valid image"),  # truncated
        ("photo.jpg", b"Just some text, not a photo.\n", "Upload a valid image"),
        ("bomb.png", png_claiming(50_000, 50_000), "too many pixels"),
        ("scan.bmp", samples.image("BMP"), "Upload a PNG, JPEG, GIF or WebP image"),
    ],
    ids=["truncated-png", "text-named-jpg", "decompression-bomb", "bmp"],
)
def test_a_broken_or_hostile_image_is_a_form_error(
    admin_client, media_root, name, content, expected
):
    image = SimpleUploadedFile(name, content, content_type="image/png")
    data = newsitem_form_data(SectionFactory(), image=image, image_alt_en="A photo")
    response = admin_client.post(reverse("admin:news_newsitem_add"), data)
    assert response.status_code == 200
    assert expected in str(response.context["adminform"].form.errors["image"])
    assert not NewsItem.objects.exists()
    assert not media_root.exists() or not any(media_root.rglob("*.*"))


def test_an_image_too_heavy_in_bytes_is_refused_with_a_message(admin_client, settings):
    settings.PRESSCENTER_MAX_IMAGE_BYTES = 10
    image = SimpleUploadedFile("photo.png", png_bytes(), content_type="image/png")
    data = newsitem_form_data(SectionFactory(), image=image, image_alt_en="A photo")
    response = admin_client.post(reverse("admin:news_newsitem_add"), data)
    assert response.status_code == 200
    assert "the limit is 10\xa0bytes" in str(response.context["adminform"].form.errors["image"])


def attach(admin_client, item, name, content, content_type="application/octet-stream"):
    """Post the item's change form with one new attachment, as an editor would."""
    data = newsitem_form_data(
        item.section,
        title_en=item.title_en,
        **{
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-file": SimpleUploadedFile(name, content, content_type=content_type),
            "attachments-0-title_en": "Full text",
            "attachments-0-order": "0",
        },
    )
    return admin_client.post(reverse("admin:news_newsitem_change", args=[item.pk]), data)


def attachment_errors(response):
    return " ".join(str(error) for error in form_errors(response)[-1][0].get("file", []))


def test_an_html_attachment_is_refused_and_nothing_is_stored(admin_client, media_root):
    item = NewsItemFactory()
    response = attach(admin_client, item, "briefing.html", samples.HTML, "text/html")
    assert response.status_code == 200
    assert "HTML and XML files cannot be attached" in attachment_errors(response)
    assert "Attach one of these: PDF" in attachment_errors(response)
    assert not NewsAttachment.objects.exists()
    assert not media_root.exists() or not any(media_root.rglob("*.*"))


@pytest.mark.parametrize(
    ("name", "content", "content_type", "expected"),
    [
        ("emblem.svg", samples.SVG, "image/svg+xml", "SVG images cannot be attached"),
        ("setup.exe", samples.EXE, "application/x-msdownload", "Programs and scripts"),
        # HTML under a harmless name and type, and a PDF under an HTML name.
        ("briefing.pdf", samples.HTML, "application/pdf", "HTML and XML files cannot"),
        ("briefing.html", samples.pdf(), "text/html", "its name ends in “.html”"),
    ],
    ids=["svg", "exe", "html-named-pdf", "pdf-named-html"],
)
def test_a_hostile_attachment_is_refused(admin_client, name, content, content_type, expected):
    response = attach(admin_client, NewsItemFactory(), name, content, content_type)
    assert response.status_code == 200
    assert expected in attachment_errors(response)
    assert not NewsAttachment.objects.exists()


@pytest.mark.parametrize("name", samples.ATTACHABLE)
def test_each_allowed_kind_is_attached(admin_client, name):
    item = NewsItemFactory()
    response = attach(admin_client, item, name, samples.ATTACHABLE[name]())
    assert response.status_code == 302, form_errors(response)
    assert item.attachments.get().file.name.endswith(name.rsplit(".", 1)[1])


def test_an_image_without_alt_text_is_a_form_error(admin_client):
    image = SimpleUploadedFile("photo.png", png_bytes(), content_type="image/png")
    data = newsitem_form_data(SectionFactory(), image=image)
    response = admin_client.post(reverse("admin:news_newsitem_add"), data)
    assert response.status_code == 200
    assert "image_alt_en" in response.context["adminform"].form.errors


def test_a_real_image_with_alt_text_is_stored(admin_client, media_root):
    image = SimpleUploadedFile("photo.png", png_bytes(), content_type="image/png")
    data = newsitem_form_data(SectionFactory(), image=image, image_alt_en="The Secretariat")
    response = admin_client.post(reverse("admin:news_newsitem_add"), data)
    assert response.status_code == 302, form_errors(response)
    item = NewsItem.objects.get()
    assert (item.image.width, item.image.height) == (40, 30)


def test_an_office_contact_without_a_label_is_a_form_error(admin_client):
    data = {
        "person": "",
        "label_en": "",
        "label_ru": "",
        "kind": Contact.Kind.PHONE,
        "value": "+7 495 621-33-23",
        "is_public": "on",
        "order": "1",
    }
    response = admin_client.post(reverse("admin:people_contact_add"), data)
    assert response.status_code == 200
    assert "label_en" in response.context["adminform"].form.errors
    assert not Contact.objects.exists()


def test_a_bad_phone_number_is_a_form_error(admin_client):
    data = {
        "person": "",
        "label_en": "Press service",
        "label_ru": "",
        "kind": Contact.Kind.TEL_FAX,
        "value": "call us maybe",
        "is_public": "on",
        "order": "1",
    }
    response = admin_client.post(reverse("admin:people_contact_add"), data)
    assert response.status_code == 200
    assert "value" in response.context["adminform"].form.errors


def test_an_event_ending_before_it_starts_is_a_form_error(admin_client):
    data = {
        "title_en": "Session of the Collective Security Council",
        "title_ru": "",
        "venue_en": "",
        "venue_ru": "",
        "city_en": "",
        "city_ru": "",
        "description_en": "",
        "description_ru": "",
        "kind": "session",
        "start_0": "2024-11-28",
        "start_1": "10:00",
        "end_0": "2024-11-27",
        "end_1": "10:00",
        "slug": "",
        "is_public": "on",
    }
    response = admin_client.post(reverse("admin:news_event_add"), data)
    assert response.status_code == 200
    assert "cannot end before it starts" in str(response.context["adminform"].form.errors)


def test_a_request_declared_over_the_upload_limit_is_refused_before_it_is_read(
    admin_client, media_root
):
    """The body says 400 MB; one megabyte follows. Django stops at the first file
    (``core.uploads.UploadLimitHandler``) and never asks for the rest: the test
    client's payload fails any read past its end. The form says why, with the fields
    that arrived, and nothing is saved."""
    item = NewsItemFactory(title_en="Before")
    data = newsitem_form_data(
        item.section,
        title_en="After",
        **{
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-file": SimpleUploadedFile("big.pdf", samples.pdf().ljust(2**20)),
            "attachments-0-title_en": "Full text",
            "attachments-0-order": "0",
        },
    )
    body = encode_multipart(BOUNDARY, data)
    response = admin_client.generic(
        "POST",
        reverse("admin:news_newsitem_change", args=[item.pk]),
        body,
        content_type=MULTIPART_CONTENT,
        CONTENT_LENGTH=str(400 * 2**20),
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.non_field_errors()
    assert errors == [
        "The form sent 400.0\xa0MB at once; one save may send at most 60.0\xa0MB. Nothing was "
        "saved. Attach large files one at a time (each at most 50.0\xa0MB)."
    ]
    assert response.context["adminform"].form["title_en"].value() == "After"
    item.refresh_from_db()
    assert item.title_en == "Before"
    assert not NewsAttachment.objects.exists()
    assert not media_root.exists() or not any(media_root.rglob("*.*"))
