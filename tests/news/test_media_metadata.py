"""Image dimensions and attachment sizes are stored with the row when a file is saved,
so pages read them from the database and never open the file."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from PIL import Image

from news.models import NewsAttachment, NewsImage, NewsItem
from tests.factories import NewsItemFactory, PersonFactory, SectionFactory
from tests.presscenter.test_admin import form_errors, newsitem_form_data


def png(name="photo.png", width=40, height=30):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "navy").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def pdf(size=1234):
    """A file of ``size`` bytes that starts as a PDF does (the upload check reads it)."""
    content = b"%PDF-1.4\n".ljust(size, b"%")
    return SimpleUploadedFile("statement.pdf", content, content_type="application/pdf")


def detail_url(item):
    return reverse("news:detail", kwargs={"section": item.section.slug, "slug": item.slug})


@pytest.mark.django_db
class TestStoredOnSave:
    def test_an_uploaded_main_image_stores_its_dimensions(self):
        item = NewsItemFactory(image=png(), image_alt_en="The Secretariat")
        item.refresh_from_db()
        assert (item.image_width, item.image_height) == (40, 30)

    def test_saving_a_file_into_the_field_stores_its_dimensions(self):
        item = NewsItemFactory()
        item.image.save("wide.png", png(width=64, height=16))
        item.refresh_from_db()
        assert (item.image_width, item.image_height) == (64, 16)

    def test_a_replaced_or_cleared_image_updates_its_dimensions(self):
        item = NewsItemFactory(image=png(), image_alt_en="The Secretariat")
        item.image = png(width=10, height=20)
        item.save()
        item.refresh_from_db()
        assert (item.image_width, item.image_height) == (10, 20)
        item.image = None
        item.save()
        item.refresh_from_db()
        assert (item.image_width, item.image_height) == (None, None)

    def test_the_main_image_stores_its_size_and_its_type_from_its_content(self):
        upload = png()
        item = NewsItemFactory(image=upload, image_alt_en="The Secretariat")
        item.refresh_from_db()
        assert item.image_size == upload.size == default_storage.size(item.image.name)
        assert item.image_type == "image/png"
        jpeg = io.BytesIO()
        Image.new("RGB", (8, 8), "gold").save(jpeg, "JPEG")
        # Named .png, but a JPEG: the type comes from the content, not the name.
        item.image = SimpleUploadedFile("mislabelled.png", jpeg.getvalue())
        item.save()
        item.refresh_from_db()
        assert (item.image_size, item.image_type) == (len(jpeg.getvalue()), "image/jpeg")
        item.image = None
        item.save()
        item.refresh_from_db()
        assert (item.image_size, item.image_type) == (None, "")

    def test_a_stored_image_assigned_by_name_is_measured_once_on_save(self):
        name = default_storage.save("news/stored.png", ContentFile(png().read()))
        item = NewsItemFactory(image=name, image_alt_en="Stored")
        assert (item.image_size, item.image_type) == (default_storage.size(name), "image/png")
        default_storage.delete(name)
        item.save()  # known: the storage is not asked again
        item.refresh_from_db()
        assert item.image_type == "image/png"
        item.image = "news/gone.png"
        item.save()
        item.refresh_from_db()
        assert (item.image_size, item.image_type) == (None, "")

    def test_gallery_images_and_photos_store_theirs(self):
        image = NewsImage.objects.create(news=NewsItemFactory(), image=png(width=8), alt_en="x")
        person = PersonFactory(photo=png(height=12))
        image.refresh_from_db()
        person.refresh_from_db()
        assert (image.width, image.height) == (8, 30)
        assert (person.photo_width, person.photo_height) == (40, 12)

    def test_an_attachment_stores_its_size(self):
        attachment = NewsAttachment.objects.create(news=NewsItemFactory(), file=pdf(1234))
        attachment.refresh_from_db()
        assert attachment.file_size == attachment.size == 1234
        attachment.file = pdf(99)
        attachment.save()
        attachment.refresh_from_db()
        assert attachment.file_size == 99

    def test_an_attachment_named_after_a_stored_file_asks_the_storage_once(self):
        name = default_storage.save("news/files/old.pdf", ContentFile(b"%" * 500))
        attachment = NewsAttachment.objects.create(news=NewsItemFactory(), file=name)
        assert attachment.file_size == 500
        default_storage.delete(name)
        attachment.save()  # the size is known: the storage is not asked again
        attachment.refresh_from_db()
        assert attachment.file_size == 500

    def test_a_missing_file_leaves_the_size_unknown_without_failing(self):
        attachment = NewsAttachment.objects.create(
            news=NewsItemFactory(), file="news/files/gone.pdf"
        )
        assert attachment.file_size is None
        item = NewsItemFactory(image="news/gone.png", image_alt_en="Gone")
        item.image = "news/also-gone.png"  # a stored name, measured on assignment
        item.save()
        assert (item.image_width, item.image_height) == (None, None)

    def test_the_admin_inlines_store_them(self, admin_client):
        data = newsitem_form_data(SectionFactory(), image=png(width=50), image_alt_en="Main")
        data.update(
            {
                "gallery-TOTAL_FORMS": "1",
                "gallery-0-image": png(width=20, height=10),
                "gallery-0-alt_en": "A photo",
                "gallery-0-order": "0",
                "attachments-TOTAL_FORMS": "1",
                "attachments-0-file": pdf(2048),
                "attachments-0-title_en": "Full text",
                "attachments-0-order": "0",
            }
        )
        response = admin_client.post(reverse("admin:news_newsitem_add"), data)
        assert response.status_code == 302, form_errors(response)
        item = NewsItem.objects.get()
        assert (item.image_width, item.image_height) == (50, 30)
        assert [(i.width, i.height) for i in item.gallery.all()] == [(20, 10)]
        assert [a.file_size for a in item.attachments.all()] == [2048]


@pytest.mark.django_db
class TestPagesDoNotOpenFiles:
    @pytest.fixture
    def item(self):
        item = NewsItemFactory(published=True, image=png(), image_alt_en="The Secretariat")
        NewsImage.objects.create(news=item, image=png(width=60, height=45), alt_en="Delegates")
        NewsAttachment.objects.create(news=item, file=pdf(1234), title_en="Full text")
        return item

    def remove_files(self, item):
        for name in (
            item.image.name,
            *(image.image.name for image in item.gallery.all()),
            *(attachment.file.name for attachment in item.attachments.all()),
        ):
            default_storage.delete(name)
            assert not default_storage.exists(name)

    def test_the_page_renders_from_the_stored_values_when_the_files_are_gone(self, client, item):
        self.remove_files(item)
        response = client.get(detail_url(item))
        assert response.status_code == 200
        html = response.content.decode()
        assert 'alt="The Secretariat" width="40" height="30">' in html
        assert 'alt="Delegates" width="60" height="45" loading="lazy">' in html
        assert f"PDF, {filesizeformat(1234)}" in html

    def test_rows_without_dimensions_are_not_measured_on_load(self, client, item):
        NewsItem.objects.filter(pk=item.pk).update(image_width=None, image_height=None)
        NewsImage.objects.filter(news=item).update(width=None, height=None)
        NewsAttachment.objects.filter(news=item).update(file_size=None)
        self.remove_files(item)
        response = client.get(detail_url(item))
        assert response.status_code == 200
        html = response.content.decode()
        assert 'alt="The Secretariat">' in html
        assert 'alt="Delegates" loading="lazy">' in html
        assert "PDF</span>" in html
        for url in (reverse("news:list"), reverse("home")):
            assert client.get(url).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_the_migration_fills_what_the_stored_files_tell():
    """news 0006 and people 0003 measure the files of existing rows; rows whose file is
    missing keep empty values, and the migration does not fail."""
    before = [("news", "0005_last_modified_index"), ("people", "0002_sanitized_biography")]
    after = [("news", "0006_image_dimensions_and_file_size"), ("people", "0003_photo_dimensions")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    try:
        old = executor.loader.project_state(before).apps
        section = old.get_model("news", "Section").objects.create(name="S", slug="s")
        news = old.get_model("news", "NewsItem")
        present = news.objects.create(
            section=section, title="A", slug="a", image=default_storage.save("news/a.png", png())
        )
        missing = news.objects.create(section=section, title="B", slug="b", image="news/gone.png")
        no_image = news.objects.create(section=section, title="C", slug="c")
        gallery = old.get_model("news", "NewsImage").objects.create(
            news=present, image=default_storage.save("news/g.png", png(width=7, height=9))
        )
        attachments = old.get_model("news", "NewsAttachment").objects
        stored = attachments.create(
            news=present, file=default_storage.save("news/f.pdf", ContentFile(b"%" * 77))
        )
        gone = attachments.create(news=present, file="news/files/gone.pdf")
        people = old.get_model("people", "Person").objects
        photo = people.create(family_name="P", slug="p", photo=default_storage.save("p.png", png()))
        no_photo = people.create(family_name="Q", slug="q", photo="people/gone.png")

        executor = MigrationExecutor(connection)
        executor.migrate(after)
        new = executor.loader.project_state(after).apps

        def values(model, obj, *columns):
            return new.get_model(*model).objects.values_list(*columns).get(pk=obj.pk)

        dims = ("image_width", "image_height")
        assert values(("news", "NewsItem"), present, *dims) == (40, 30)
        assert values(("news", "NewsItem"), missing, *dims) == (None, None)
        assert values(("news", "NewsItem"), no_image, *dims) == (None, None)
        assert values(("news", "NewsImage"), gallery, "width", "height") == (7, 9)
        assert values(("news", "NewsAttachment"), stored, "file_size") == (77,)
        assert values(("news", "NewsAttachment"), gone, "file_size") == (None,)
        dims = ("photo_width", "photo_height")
        assert values(("people", "Person"), photo, *dims) == (40, 30)
        assert values(("people", "Person"), no_photo, *dims) == (None, None)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_the_migration_fills_the_main_images_size_and_type():
    before = [("news", "0009_event_sequence")]
    after = [("news", "0010_main_image_size_and_type")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    try:
        old = executor.loader.project_state(before).apps
        section = old.get_model("news", "Section").objects.create(name="S", slug="s")
        news = old.get_model("news", "NewsItem").objects
        name = default_storage.save("news/a.png", png())
        present = news.create(section=section, title="A", slug="a", image=name)
        missing = news.create(section=section, title="B", slug="b", image="news/gone.png")
        no_image = news.create(section=section, title="C", slug="c")

        executor = MigrationExecutor(connection)
        executor.migrate(after)
        rows = executor.loader.project_state(after).apps.get_model("news", "NewsItem").objects
        facts = ("image_size", "image_type")
        assert rows.values_list(*facts).get(pk=present.pk) == (
            default_storage.size(name),
            "image/png",
        )
        assert rows.values_list(*facts).get(pk=missing.pk) == (None, "")
        assert rows.values_list(*facts).get(pk=no_image.pk) == (None, "")
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db
def test_editing_an_item_whose_image_storage_lost_saves(admin_client):
    """The image was checked when it was uploaded; a lost file must not turn the next
    edit of the item into a 500."""
    item = NewsItemFactory(image=png(), image_alt_en="The Secretariat")
    default_storage.delete(item.image.name)
    data = newsitem_form_data(item.section, title_en="Edited after the file was lost")
    data["image_alt_en"] = "The Secretariat"
    response = admin_client.post(reverse("admin:news_newsitem_change", args=[item.pk]), data)
    assert response.status_code == 302, form_errors(response)
    item.refresh_from_db()
    assert item.title_en == "Edited after the file was lost"
