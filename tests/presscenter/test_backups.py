"""``manage.py backup`` and ``manage.py restore``: the whole site, database and media, and
back, byte for byte; an archive that does not check out changes nothing.

The tests commit (``transaction=True``): a restore empties and reloads every table, as
it does in production, and the backup reads its own snapshot."""

import datetime
import io
import json
import shutil
import tarfile
from pathlib import Path

import pytest
import time_machine
from django.apps import apps
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone, translation
from PIL import Image

from core.changes import content_changed
from news.models import NewsAttachment, NewsImage, NewsItem
from presscenter.backups import media_files
from tests.factories import (
    ContactFactory,
    EventFactory,
    NewsItemFactory,
    PersonFactory,
    PositionFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

#: Rows the database makes for itself, with ids of its own: compared by natural key.
BY_NATURAL_KEY = (ContentType, Permission)


def png(name, colour):
    buffer = io.BytesIO()
    Image.new("RGB", (48, 32), colour).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def site(admin_user):
    """A site with news (published and draft, with an image, a gallery and an
    attachment), an event, people with a photo, positions and contacts, an editors'
    group and the admin's history."""
    person = PersonFactory(russian=True, photo=png("portrait.png", "gray"), photo_alt_en="A")
    PositionFactory(person=person)
    ContactFactory(person=person, in_footer=True)
    event = EventFactory(participants=[person], russian=True)
    item = NewsItemFactory(
        published=True,
        russian=True,
        people=[person],
        event=event,
        author=admin_user,
        image=png("summit.png", "navy"),
        image_alt_en="The summit",
        body_en="<p>Statement <b>in full</b>.</p>",
    )
    NewsImage.objects.create(news=item, image=png("hall.png", "teal"), alt_en="The hall")
    NewsAttachment.objects.create(
        news=item,
        file=SimpleUploadedFile("statement.pdf", b"%PDF-1.4 statement\n" * 50),
        title_en="Statement",
    )
    NewsItemFactory(draft=True, people=[person])
    with translation.override("ru"):
        # Saved in the Russian edition: the untranslated columns hold the Russian text.
        NewsItemFactory(published=True, russian=True)
    editors = Group.objects.create(name="Editors")
    editors.permissions.set(Permission.objects.filter(codename__endswith="newsitem"))
    admin_user.groups.add(editors)
    LogEntry.objects.log_actions(admin_user.pk, [item], ADDITION, single_object=True)
    return item


def database_state():
    """Every column of every row of every table (sessions aside), as stored, read in
    SQL. Content types and permissions, which the database numbers itself, and the
    references to them are compared by natural key; many-to-many rows by what they
    link."""
    natural = {
        ContentType: {ct.pk: ct.natural_key() for ct in ContentType.objects.all()},
        Permission: {p.pk: p.natural_key() for p in Permission.objects.all()},
    }
    quote = connection.ops.quote_name
    state = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label == "sessions":
            continue
        renumbered = model in BY_NATURAL_KEY or model._meta.auto_created
        fields = [f for f in model._meta.concrete_fields if not (f.primary_key and renumbered)]
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT {} FROM {} ORDER BY {}".format(
                    ", ".join(quote(f.column) for f in fields),
                    quote(model._meta.db_table),
                    quote(model._meta.pk.column),
                )
            )
            rows = [
                [
                    natural[f.related_model].get(value) if f.related_model in natural else value
                    for f, value in zip(fields, row, strict=True)
                ]
                for row in cursor.fetchall()
            ]
        if renumbered:
            rows.sort(key=repr)
        state[model._meta.label_lower] = rows
    return state


def media_state(settings):
    return {name: path.read_bytes() for name, path in media_files(settings.MEDIA_ROOT)}


def backup_to(path):
    output = io.StringIO()
    call_command("backup", str(path), stdout=output)
    return output.getvalue()


def restore_from(path):
    output = io.StringIO()
    call_command("restore", str(path), interactive=False, stdout=output)
    return output.getvalue()


def wipe(settings):
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(settings.MEDIA_ROOT)


def test_a_round_trip_gives_back_the_whole_site(site, settings, tmp_path, client):
    call_command("load_demo", stdout=io.StringIO())  # and the demo loader's records
    database, media = database_state(), media_state(settings)
    assert len(media) == 4  # photo, main image, gallery image, attachment
    archive = tmp_path / "site.tar.gz"
    assert "SHA-256" in backup_to(archive)

    wipe(settings)
    NewsItemFactory(published=True, title_en="Written after the backup")
    Path(settings.MEDIA_ROOT, "news").mkdir(parents=True)
    Path(settings.MEDIA_ROOT, "news", "stray.txt").write_text("not in the backup")
    assert "Restored" in restore_from(archive)

    assert database_state() == database
    assert media_state(settings) == media
    assert not [p for p in Path(settings.MEDIA_ROOT).iterdir() if p.name.startswith(".")]
    assert client.get(site.get_absolute_url()).status_code == 200
    loaded = io.StringIO()
    call_command("load_demo", stdout=loaded)
    assert "created" not in loaded.getvalue()  # the demo's records still match


def test_a_restore_is_a_change_the_feeds_and_the_page_cache_see(site, tmp_path, client):
    """A restore writes no row through the models, so it announces the change itself."""
    archive = tmp_path / "site.tar.gz"
    backup_to(archive)
    first = client.get("/news/feed/atom/")
    changes = []
    content_changed.connect(lambda **kwargs: changes.append(kwargs), weak=False, dispatch_uid="t")
    try:
        with time_machine.travel(timezone.now() + datetime.timedelta(seconds=2)):
            restore_from(archive)
            again = client.get("/news/feed/atom/", HTTP_IF_NONE_MATCH=first["ETag"])
    finally:
        content_changed.disconnect(dispatch_uid="t")
    assert len(changes) == 1
    assert again.status_code == 200


def test_the_archive_holds_a_manifest_of_checksums(site, settings, tmp_path):
    archive = tmp_path / "site.tar.gz"
    backup_to(archive)
    assert archive.stat().st_mode & 0o077 == 0  # password hashes: the owner's only
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert names[0] == "data.jsonl" and names[-1] == "manifest.json"
    assert set(manifest["files"]) == set(names) - {"manifest.json"}
    assert manifest["counts"]["news.newsitem"] == NewsItem.objects.count()
    assert manifest["counts"]["auth.user"] == User.objects.count()
    assert "contenttypes.contenttype" not in manifest["counts"]
    assert "news" in manifest["migrations"]


def test_a_directory_as_destination_gets_a_dated_archive(site, tmp_path):
    backup_to(tmp_path)
    [archive] = tmp_path.glob("presscenter-*.tar.gz")
    assert not list(tmp_path.glob("*.partial"))
    assert archive.stat().st_size > 0


def rewrite(source, target, change):
    """A copy of the archive with ``change(name, data)`` applied to each member's bytes
    (returning None drops the member)."""
    with tarfile.open(source) as old, tarfile.open(target, "w:gz") as new:
        for member in old:
            data = change(member.name, old.extractfile(member).read())
            if data is None:
                continue
            member.size = len(data)
            new.addfile(member, io.BytesIO(data))
    return target


def flip_a_byte(data):
    return data[:10] + bytes([data[10] ^ 1]) + data[11:]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        pytest.param(
            lambda name, data: flip_a_byte(data) if name.endswith(".png") else data,
            "does not match its checksum",
            id="an-image-changed",
        ),
        pytest.param(
            lambda name, data: (
                data.replace(b"Statement", b"Statemint") if name == "data.jsonl" else data
            ),
            "data.jsonl does not match its checksum",
            id="the-data-changed",
        ),
        pytest.param(
            lambda name, data: None if name.endswith(".pdf") else data,
            "missing from the archive",
            id="a-file-missing",
        ),
        pytest.param(
            lambda name, data: None if name == "manifest.json" else data,
            "no manifest",
            id="no-manifest",
        ),
    ],
)
def test_a_tampered_archive_is_refused_and_nothing_changes(
    site, settings, tmp_path, change, message
):
    archive = tmp_path / "site.tar.gz"
    backup_to(archive)
    later = NewsItemFactory(published=True, title_en="Written after the backup")
    database, media = database_state(), media_state(settings)
    tampered = rewrite(archive, tmp_path / "tampered.tar.gz", change)

    with pytest.raises(CommandError, match=message) as refusal:
        restore_from(tampered)
    assert "Nothing was changed." in str(refusal.value)
    assert database_state() == database
    assert media_state(settings) == media
    assert NewsItem.objects.filter(pk=later.pk).exists()
    assert not [p for p in Path(settings.MEDIA_ROOT).iterdir() if p.name.startswith(".")]


def test_a_cut_short_archive_is_refused(site, settings, tmp_path):
    archive = tmp_path / "site.tar.gz"
    backup_to(archive)
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    database = database_state()
    with pytest.raises(CommandError, match="cannot be read|no manifest"):
        restore_from(cut)
    assert database_state() == database


def test_a_member_outside_the_backup_is_refused(site, settings, tmp_path):
    archive = tmp_path / "site.tar.gz"
    backup_to(archive)
    evil = tmp_path / "evil.tar.gz"
    with tarfile.open(archive) as old, tarfile.open(evil, "w:gz") as new:
        for member in old:
            new.addfile(member, old.extractfile(member))
        info = tarfile.TarInfo("media/../../escaped.txt")
        info.size = 4
        new.addfile(info, io.BytesIO(b"evil"))
    with pytest.raises(CommandError, match="unsafe name"):
        restore_from(evil)
    assert not (Path(settings.MEDIA_ROOT).parent / "escaped.txt").exists()


def test_data_that_does_not_load_rolls_everything_back(site, settings, tmp_path):
    """Every checksum matches, but the manifest's row counts do not: the database and
    the media are put back as they were."""
    archive = tmp_path / "site.tar.gz"
    backup_to(archive)

    def miscount(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["counts"]["news.newsitem"] += 1
        return json.dumps(manifest).encode()

    wrong = rewrite(archive, tmp_path / "wrong.tar.gz", miscount)
    NewsItemFactory(published=True, title_en="Written after the backup")
    database, media = database_state(), media_state(settings)
    with pytest.raises(CommandError, match="news.newsitem"):
        restore_from(wrong)
    assert database_state() == database
    assert media_state(settings) == media


def test_an_archive_from_a_newer_schema_is_refused(site, tmp_path):
    archive = tmp_path / "site.tar.gz"
    backup_to(archive)

    def newer(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["migrations"]["news"].append("9999_from_the_future")
        return json.dumps(manifest).encode()

    with pytest.raises(CommandError, match="news.9999_from_the_future"):
        restore_from(rewrite(archive, tmp_path / "newer.tar.gz", newer))
