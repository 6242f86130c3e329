"""The whole site in one archive, and back: ``manage.py backup`` and ``manage.py restore``.

An archive is a ``.tar.gz`` holding

- ``data.jsonl``: every row of every installed app in Django's JSON Lines
  serialisation (the format of ``dumpdata --format jsonl``, but to the microsecond and
  each column as stored: ``RowSerializer``), one row a line, so neither side holds the
  whole database in memory. It is read in one transaction (on PostgreSQL a
  repeatable-read snapshot), so rows written during the backup cannot leave a
  reference dangling. Foreign keys to users, content
  types and permissions are written by natural key; content types and permissions
  themselves are left out, since ``migrate`` and ``flush`` create them, with ids of
  their own. Sessions are left out: a restore signs everyone out. Every other row
  keeps its primary key, so addresses, the admin's history and the demo loader's
  records still point where they did. JSON is the same on SQLite and PostgreSQL, so
  an archive moves between them;
- ``media/…``: every uploaded file under ``MEDIA_ROOT``;
- ``manifest.json``, written last: the SHA-256 and size of every other member, the
  number of rows of each model, and the migrations the data was written under.

A restore reads the whole archive into a staging area and checks every member against
the manifest before it changes anything; a damaged, truncated or tampered archive is
refused with the name of the member at fault. It then empties the database and loads
the data in one transaction, checks the row counts, and swaps the media in before the
transaction commits: either the whole site is replaced, or nothing is.
"""

import contextlib
import datetime
import gzip
import hashlib
import io
import json
import os
import secrets
import shutil
import tarfile
import tempfile
import zlib
from dataclasses import dataclass
from itertools import groupby, islice
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.jsonl import Serializer as JSONLSerializer
from django.core.serializers.python import Deserializer as PythonDeserializer
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from core.changes import content_changed

FORMAT = "presscenter-backup"
VERSION = 1
DATA = "data.jsonl"
MANIFEST = "manifest.json"
MEDIA = "media"

#: Recreated by ``migrate``/``flush`` (content types, permissions) or not worth keeping
#: (sessions); everything else is backed up.
NOT_BACKED_UP = ["contenttypes", "auth.permission", "sessions"]

CHUNK = 1024 * 1024
BATCH = 1000
MANIFEST_LIMIT = 256 * 1024 * 1024


class BackupError(Exception):
    """An archive that cannot be restored; the message says why, and nothing changed."""


def backed_up_models():
    excluded_apps = {label for label in NOT_BACKED_UP if "." not in label}
    excluded_models = {label for label in NOT_BACKED_UP if "." in label}
    return [
        model
        for model in apps.get_models()
        if model._meta.managed
        and not model._meta.proxy
        and model._meta.app_label not in excluded_apps
        and model._meta.label_lower not in excluded_models
    ]


def row_counts():
    return {model._meta.label_lower: model._base_manager.count() for model in backed_up_models()}


def applied_migrations():
    recorder = MigrationRecorder(connection)
    applied = {}
    for app_label, name in sorted(recorder.applied_migrations()):
        applied.setdefault(app_label, []).append(name)
    return applied


def media_files(root):
    """Every file under ``root``, as (path relative to it, absolute path), in order.
    Top-level names starting with a dot (a restore's staging area) are not media."""
    root = Path(root)
    if not root.is_dir():
        return []
    found = []
    for directory, dirnames, filenames in os.walk(root):
        relative = Path(directory).relative_to(root)
        if relative == Path("."):
            dirnames[:] = [name for name in dirnames if not name.startswith(".")]
            filenames = [name for name in filenames if not name.startswith(".")]
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(directory) / name
            if path.is_file() and not path.is_symlink():
                found.append(((relative / name).as_posix(), path))
    return found


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class HashingWriter:
    """A file that also hashes what is written to it: the archive's own SHA-256."""

    def __init__(self, file):
        self.file = file
        self.digest = hashlib.sha256()

    def write(self, data):
        self.digest.update(data)
        return self.file.write(data)

    def flush(self):
        self.file.flush()


@dataclass
class BackupResult:
    path: Path
    sha256: str
    counts: dict
    files: int
    size: int


def rows(models):
    """Every row of ``models``, a model after the models its natural keys refer to,
    each by primary key. Many-to-many links and the rows behind natural keys are read
    with the rows, a batch at a time: Django's ``dumpdata`` asks for them one row at a
    time (100,000 news items cost 200,000 extra queries)."""
    app_list = {}
    for model in models:
        app_list.setdefault(apps.get_app_config(model._meta.app_label), []).append(model)
    for model in serializers.sort_dependencies(app_list.items(), allow_cycles=True):
        queryset = model._base_manager.order_by(model._meta.pk.name)
        by_natural_key = [
            field.name
            for field in model._meta.concrete_fields
            if field.remote_field and hasattr(field.remote_field.model, "natural_key")
        ]
        links = [
            field.name
            for field in model._meta.many_to_many
            if field.remote_field.through._meta.auto_created
        ]
        if by_natural_key:
            queryset = queryset.select_related(*by_natural_key)
        if links:
            queryset = queryset.prefetch_related(*links)
        yield from queryset.iterator(chunk_size=2000)


class RowSerializer(JSONLSerializer):
    """Django's JSON Lines serialiser, writing each row as the database holds it.

    Text comes from the row itself, not through the model's attribute: the
    untranslated column of a translated field (``title``) holds what was saved in it,
    while the attribute answers with the active language's translation
    (django-modeltranslation). Many-to-many links come from the batch read with the
    rows (``rows()``) rather than from a query per row."""

    def _value_from_field(self, obj, field):
        value = obj.__dict__.get(field.attname)
        if isinstance(value, str):
            return value
        return super()._value_from_field(obj, field)

    def handle_m2m_field(self, obj, field):
        related = getattr(obj, "_prefetched_objects_cache", {}).get(field.name)
        if related is None or not field.remote_field.through._meta.auto_created:
            return super().handle_m2m_field(obj, field)
        if self.use_natural_foreign_keys and hasattr(field.remote_field.model, "natural_key"):
            self._current[field.name] = [other.natural_key() for other in related]
        else:
            self._current[field.name] = [
                self._value_from_field(other, other._meta.pk) for other in related
            ]


class ExactJSONEncoder(DjangoJSONEncoder):
    """Django's encoder writes times to the millisecond; a backup keeps every digit."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(o)


def dump_data(path):
    """Every backed-up row into ``path``, read in one snapshot of the database.
    Returns the number of rows of each model, read in the same snapshot."""
    # Only the first statement of a transaction can ask for a snapshot; inside one
    # already begun (a test's), the transaction's own view has to do.
    snapshot = connection.vendor == "postgresql" and not connection.in_atomic_block
    with transaction.atomic():
        if snapshot:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        counts = row_counts()
        with open(path, "w", encoding="utf-8") as file:
            RowSerializer().serialize(
                rows(backed_up_models()),
                use_natural_foreign_keys=True,
                cls=ExactJSONEncoder,
                stream=file,
            )
    return counts


def add_member(archive, name, file, size):
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = int(timezone.now().timestamp())
    info.mode = 0o644
    archive.addfile(info, file)


def backup(destination):
    """Write the archive to ``destination`` (a file, or a directory to name it in).
    It is written beside it under a ``.partial`` name and renamed when complete, so an
    interrupted backup never looks like a finished one; only its owner can read it (it
    holds the editors' password hashes)."""
    destination = Path(destination)
    if destination.is_dir():
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        destination = destination / f"presscenter-{stamp}.tar.gz"
    partial = destination.with_name(destination.name + ".partial")
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) / DATA
        counts = dump_data(data)
        media = [(f"{MEDIA}/{name}", path) for name, path in media_files(settings.MEDIA_ROOT)]
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": timezone.now().isoformat(),
            "database": connection.vendor,
            "migrations": applied_migrations(),
            "counts": counts,
            "files": {},
        }
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as raw:
            writer = HashingWriter(raw)
            with tarfile.open(fileobj=writer, mode="w:gz") as archive:
                for name, path in [(DATA, data), *media]:
                    size = path.stat().st_size
                    manifest["files"][name] = {"sha256": sha256_of(path), "size": size}
                    with open(path, "rb") as file:
                        add_member(archive, name, file, size)
                body = json.dumps(manifest, indent=2, sort_keys=True).encode()
                add_member(archive, MANIFEST, io.BytesIO(body), len(body))
            raw.flush()
            os.fsync(raw.fileno())
    os.replace(partial, destination)
    return BackupResult(
        path=destination,
        sha256=writer.digest.hexdigest(),
        counts=counts,
        files=len(media),
        size=destination.stat().st_size,
    )


def member_path(name):
    """Where a member goes: ``data.jsonl``, ``manifest.json`` or a path under
    ``media/``; anything else (an absolute path, ``..``, another folder) is refused."""
    path = PurePosixPath(name)
    if path.is_absolute() or any(part in ("", ".", "..") for part in name.split("/")):
        raise BackupError(f"The archive holds a file with an unsafe name: {name!r}.")
    if name in (DATA, MANIFEST) or (path.parts[0] == MEDIA and len(path.parts) > 1):
        return path
    raise BackupError(f"The archive holds a file that is not part of a backup: {name!r}.")


def read_manifest(file):
    body = file.read(MANIFEST_LIMIT + 1)
    if len(body) > MANIFEST_LIMIT:
        raise BackupError("The archive's manifest is too large to be one of ours.")
    try:
        manifest = json.loads(body)
    except ValueError as error:
        raise BackupError(f"The archive's manifest cannot be read: {error}.") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError("The archive was not made by manage.py backup.")
    if manifest.get("version") != VERSION:
        raise BackupError(
            f"The archive is in version {manifest.get('version')} of the backup format; "
            f"this code reads version {VERSION}."
        )
    return manifest


def stage(archive_path, data_directory, media_directory):
    """Read every member of the archive into place (``data.jsonl`` into
    ``data_directory``, media files into ``media_directory``), hashing each, and check
    them all against the manifest. Returns the manifest; raises ``BackupError``."""
    found = {}
    manifest = None
    try:
        with tarfile.open(archive_path, mode="r:gz") as archive:
            for member in archive:
                path = member_path(member.name)
                if not member.isfile():
                    raise BackupError(f"{member.name} in the archive is not a plain file.")
                if member.name in found or (member.name == MANIFEST and manifest is not None):
                    raise BackupError(f"{member.name} is in the archive twice.")
                source = archive.extractfile(member)
                if member.name == MANIFEST:
                    manifest = read_manifest(source)
                    continue
                if member.name == DATA:
                    target = Path(data_directory) / DATA
                else:
                    target = Path(media_directory).joinpath(*path.parts[1:])
                target.parent.mkdir(parents=True, exist_ok=True)
                digest, size = hashlib.sha256(), 0
                with open(target, "wb") as out:
                    while chunk := source.read(CHUNK):
                        digest.update(chunk)
                        size += len(chunk)
                        out.write(chunk)
                found[member.name] = {"sha256": digest.hexdigest(), "size": size}
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as error:
        raise BackupError(
            f"The archive cannot be read ({error}): it is damaged, cut short or not a backup."
        ) from error
    if manifest is None:
        raise BackupError(
            "The archive has no manifest: it was cut short, or not made by manage.py backup."
        )
    listed = manifest.get("files") or {}
    for name in sorted(set(listed) | set(found)):
        if name not in found:
            raise BackupError(f"{name} is listed in the manifest but missing from the archive.")
        if name not in listed:
            raise BackupError(f"{name} is in the archive but not in its manifest.")
        if found[name] != listed[name]:
            raise BackupError(
                f"{name} does not match its checksum in the manifest: the archive is "
                "damaged or has been changed."
            )
    if DATA not in found:
        raise BackupError(f"The archive holds no {DATA}.")
    return manifest


def check_migrations(manifest):
    """The archive's data fits this database if the database has every migration the
    data was written under (newer ones add columns with defaults, or the load fails
    and nothing changes)."""
    applied = applied_migrations()
    missing = [
        f"{app}.{name}"
        for app, names in sorted((manifest.get("migrations") or {}).items())
        for name in names
        if name not in applied.get(app, ())
    ]
    if missing:
        raise BackupError(
            "The archive was written by a newer version of the site: this database lacks "
            f"the migrations {', '.join(missing)}. Install that version and run "
            "manage.py migrate first."
        )


def swap_media(root, staging, replaced):
    """Move what is in ``root`` into ``replaced`` and what is in ``staging`` into
    ``root``: renames within one file system (the staging area is inside the media
    folder), so ``root`` itself may be a mount point. Undone if any move fails."""
    replaced.mkdir()
    moved_out, moved_in = [], []
    try:
        for entry in sorted(root.iterdir()):
            if entry in (staging, replaced) or entry.name.startswith("."):
                continue
            entry.rename(replaced / entry.name)
            moved_out.append(entry.name)
        for entry in sorted(staging.iterdir()):
            entry.rename(root / entry.name)
            moved_in.append(entry.name)
    except OSError:
        unswap_media(root, staging, replaced, moved_in, moved_out)
        raise
    return moved_in, moved_out


def unswap_media(root, staging, replaced, moved_in, moved_out):
    for name in moved_in:
        (root / name).rename(staging / name)
    for name in moved_out:
        (replaced / name).rename(root / name)


@dataclass
class RestoreResult:
    manifest: dict
    counts: dict
    files: int


def restore(archive_path, confirm=None):
    """Replace the whole site with the archive's (see the module's docstring).
    ``confirm(manifest)``, when given, is asked once the archive has been checked and
    before anything changes; a false answer cancels."""
    if not Path(archive_path).is_file():
        raise BackupError(f"There is no file {archive_path}.")
    root = Path(settings.MEDIA_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    token = secrets.token_hex(6)
    staging, replaced = root / f".restore-{token}", root / f".replaced-{token}"
    staging.mkdir()
    try:
        with tempfile.TemporaryDirectory() as scratch:
            manifest = stage(archive_path, scratch, staging)
            check_migrations(manifest)
            if confirm is not None and not confirm(manifest):
                return None
            counts = load(Path(scratch) / DATA, manifest, root, staging, replaced)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        # Empty unless the media were swapped in (or, after a failure, could not all be
        # moved back: then it holds them, and stays).
        with contextlib.suppress(OSError):
            replaced.rmdir()
    shutil.rmtree(replaced, ignore_errors=True)
    # Everything changed: the stored pages retire, the feeds' validators move on.
    content_changed.send(sender=None, instances=None)
    return RestoreResult(manifest=manifest, counts=counts, files=len(manifest["files"]) - 1)


def load(data, manifest, root, staging, replaced):
    """Empty the database, load ``data``, check the counts and swap the media in, all
    in one transaction."""
    swapped = None
    try:
        with transaction.atomic():
            call_command("flush", interactive=False, verbosity=0)
            try:
                load_rows(data)
                connection.check_constraints()
            except Exception as error:
                raise BackupError(f"The archive's data could not be loaded: {error}.") from error
            counts = row_counts()
            for label, expected in sorted(manifest["counts"].items()):
                if counts.get(label, 0) != expected:
                    raise BackupError(
                        f"{label}: {counts.get(label, 0)} rows loaded where the archive "
                        f"holds {expected}."
                    )
            swapped = swap_media(root, staging, replaced)
    except BaseException:
        if swapped is not None:
            unswap_media(root, staging, replaced, *swapped)
        # The content types made by the flush were rolled back with it.
        ContentType.objects.clear_cache()
        raise
    ContentType.objects.clear_cache()
    return counts


def load_rows(path):
    """Write the rows of ``path`` to the database as ``loaddata`` would, a batch at a
    time: each row as it was (no ``auto_now`` stamp, no upload handling), every value
    through its field's ``get_db_prep_save`` (so editors' HTML is sanitised on the way
    in, as on every write), then the many-to-many links, then the sequences set past
    the highest keys. ``loaddata`` writes one row and one relation at a time, and had
    not finished 100,000 news items after nine minutes; no signal is sent per row (the
    restore sends ``content_changed`` once, at the end)."""
    loaded = set()
    with open(path, encoding="utf-8") as file:
        for label, lines in groupby(filter(str.strip, file), key=model_label):
            # Deserialised a batch at a time, after the batches before it are written:
            # natural keys (a user's groups, an item's author) are looked up then.
            while chunk := list(islice(lines, BATCH)):
                rows = list(PythonDeserializer([json.loads(line) for line in chunk]))
                insert([row.object for row in rows], rows)
            loaded.add(apps.get_model(label))
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), loaded):
            cursor.execute(statement)


def model_label(line):
    return json.loads(line)["model"]


def insert(objs, rows):
    """Write ``objs`` (one model's) as rows, each column from the object's own value
    through its field's ``get_db_prep_save``, then their many-to-many links. The values
    are read from the object, not through the model's attributes, so that the
    untranslated column of a translated field (see ``RowSerializer``) keeps what it
    held; what ``Model.save_base(raw=True)``, ``loaddata``'s path, does for one row."""
    model = type(objs[0])
    fields = model._meta.local_concrete_fields
    quote = connection.ops.quote_name
    statement = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    values = [
        [field.get_db_prep_save(obj.__dict__[field.attname], connection) for field in fields]
        for obj in objs
    ]
    with connection.cursor() as cursor:
        cursor.executemany(statement, values)
    through_rows = {}
    for row in rows:
        for name, values in (row.m2m_data or {}).items():
            field = model._meta.get_field(name)
            through = field.remote_field.through
            source, target = field.m2m_column_name(), field.m2m_reverse_name()
            through_rows.setdefault(through, []).extend(
                through(**{source: row.object.pk, target: value}) for value in values
            )
    for through, links in through_rows.items():
        through._base_manager.bulk_create(links, batch_size=BATCH)
