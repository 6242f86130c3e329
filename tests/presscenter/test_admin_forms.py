"""Editors' forms in the admin: one-language items, bad uploads, model rules as form errors."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from news.models import NewsItem
from people.models import Contact
from tests.factories import SectionFactory
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
