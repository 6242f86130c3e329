"""Every input of the admin forms has a name a screen reader can say: the date and
time boxes, the cells of tabular inlines and their "Delete?" boxes, the editable
columns of a list (core/admin.py). The browser suite runs axe-core on these pages;
this pins the names themselves."""

import pytest
from django.core.files.base import ContentFile

from news.models import NewsAttachment
from tests.factories import NewsItemFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_date_and_time_boxes_are_named(admin_client):
    html = admin_client.get("/admin/news/newsitem/add/").content.decode()
    assert 'aria-label="Publication time, date"' in html
    assert 'aria-label="Publication time, time"' in html


def test_tabular_inline_cells_and_delete_boxes_are_named(admin_client):
    item = NewsItemFactory()
    NewsAttachment.objects.create(
        news=item, file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="a.pdf"), title_en="Text"
    )
    html = admin_client.get(f"/admin/news/newsitem/{item.pk}/change/").content.decode()
    assert 'name="attachments-0-title_en"' in html
    assert 'aria-label="Title [en]"' in html
    assert 'aria-label="Delete" id="id_attachments-0-DELETE"' in html


def test_editable_list_columns_are_named(admin_client):
    SectionFactory()
    html = admin_client.get("/admin/news/section/").content.decode()
    assert 'aria-label="Order"' in html
