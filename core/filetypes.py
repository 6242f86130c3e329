"""What an uploaded file is, told from its content: never from its name, never from
the content type the browser sent.

An attachment is served from the site's own origin, so a file that a browser would
run (an HTML page, an SVG image with a script, a program) must never be stored. This
module recognises the kinds a press centre attaches, by their magic bytes and, for
office documents, by the parts of their ZIP container; and the kinds that are refused
by name, so that the editor is told what was wrong. Anything else is unknown.

Written here rather than taken from a library: ``filetype`` reads only the first
8 KB (an office document is told from a ZIP by its central directory, at the end)
and knows neither plain text nor HTML, and ``python-magic`` needs the system's
libmagic. The standard library's ``zipfile`` reads the containers.
"""

import codecs
import re
import zipfile
import zlib
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

HEAD_BYTES = 8192
TEXT_CHUNK = 64 * 1024
# Sizes past which a container's small parts are not worth reading: a real
# [Content_Types].xml is a few kilobytes, an OpenDocument mimetype a few bytes.
CONTENT_TYPES_LIMIT = 1024 * 1024
MIMETYPE_LIMIT = 200


@dataclass(frozen=True)
class FileKind:
    code: str
    label: str
    extensions: tuple = ()
    content_type: str = ""


PDF = FileKind("pdf", "PDF", ("pdf",))
DOCX = FileKind("docx", _("a Word document (DOCX)"), ("docx",))
XLSX = FileKind("xlsx", _("an Excel workbook (XLSX)"), ("xlsx",))
PPTX = FileKind("pptx", _("a PowerPoint presentation (PPTX)"), ("pptx",))
ODT = FileKind("odt", _("an OpenDocument text (ODT)"), ("odt",))
ODS = FileKind("ods", _("an OpenDocument spreadsheet (ODS)"), ("ods",))
TEXT = FileKind("text", _("plain text"), ("txt", "csv"))
ZIP = FileKind("zip", _("a ZIP archive"), ("zip",))
PNG = FileKind("png", _("a PNG image"), ("png",), "image/png")
JPEG = FileKind("jpeg", _("a JPEG image"), ("jpg", "jpeg"), "image/jpeg")
GIF = FileKind("gif", _("a GIF image"), ("gif",), "image/gif")
WEBP = FileKind("webp", _("a WebP image"), ("webp",), "image/webp")

# Refused, and named in the refusal (core.uploads): a browser would run them as part
# of the site, or the system would run them as a program.
HTML = FileKind("html", "HTML or XML")
SVG = FileKind("svg", "SVG")
EXECUTABLE = FileKind("executable", "a program")

ATTACHABLE = (PDF, DOCX, XLSX, PPTX, ODT, ODS, TEXT, ZIP, PNG, JPEG, GIF, WEBP)
IMAGES = (PNG, JPEG, GIF, WEBP)
REFUSED = (HTML, SVG, EXECUTABLE)

SIGNATURES = (
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"GIF87a", GIF),
    (b"GIF89a", GIF),
    (b"\x7fELF", EXECUTABLE),
    # Mach-O, 32 and 64 bits, either byte order, and universal binaries.
    (b"\xfe\xed\xfa\xce", EXECUTABLE),
    (b"\xfe\xed\xfa\xcf", EXECUTABLE),
    (b"\xce\xfa\xed\xfe", EXECUTABLE),
    (b"\xcf\xfa\xed\xfe", EXECUTABLE),
    (b"\xca\xfe\xba\xbe", EXECUTABLE),
)
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")

# The main part's content type in an Office Open XML package's [Content_Types].xml.
# Macro-enabled packages (DOCM, XLSM, PPTM) have other types and stay unknown.
OFFICE_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": XLSX,
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": PPTX,
}
OPENDOCUMENT_TYPES = {
    b"application/vnd.oasis.opendocument.text": ODT,
    b"application/vnd.oasis.opendocument.spreadsheet": ODS,
}
OVERRIDE_TAG = re.compile(rb"<Override\b[^>]*>")
PART_NAME = re.compile(rb'PartName\s*=\s*["\']([^"\']+)["\']')
CONTENT_TYPE = re.compile(rb'ContentType\s*=\s*["\']([^"\']+)["\']')

# Text that a browser, or a careless viewer, would take for markup.
MARKUP = ("<script", "<html", "<svg", "<body", "<iframe", "<!doctype", "<?xml", "<object")
MARKUP_OVERLAP = max(len(marker) for marker in MARKUP)


def detect(file):
    """The ``FileKind`` of ``file`` (an open binary file, seekable), or None when it is
    none of the kinds above. Reads as little as it can; leaves the file at its start."""
    try:
        file.seek(0)
        head = file.read(HEAD_BYTES)
        if head.startswith(ZIP_SIGNATURES):
            return container_kind(file)
        return by_signature(head) or text_kind(file)
    finally:
        file.seek(0)


def image_content_type(file):
    """The media type of an image the site shows (PNG, JPEG, GIF, WebP), told from
    its content, or "" for anything else."""
    kind = detect(file)
    return kind.content_type if kind in IMAGES else ""


def by_signature(head):
    for signature, kind in SIGNATURES:
        if head.startswith(signature):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    # A DOS or Windows program starts with "MZ"; a text that happens to start so has
    # no NUL byte where the program's header has some.
    if head.startswith(b"MZ") and b"\x00" in head[:64]:
        return EXECUTABLE
    return None


def container_kind(file):
    """DOCX, XLSX, PPTX, ODT or ODS by the parts of the ZIP container, else ZIP;
    None for a damaged archive or an office format not on the list (macro-enabled
    Office files, OpenDocument presentations)."""
    try:
        with zipfile.ZipFile(file) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            if infos and infos[0].filename == "mimetype":
                return opendocument_kind(archive, infos[0])
            if "[Content_Types].xml" in names:
                return office_kind(archive, names)
            return ZIP
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError, ValueError):
        return None
    except NotImplementedError:  # a compression method zipfile cannot read
        return None


def opendocument_kind(archive, info):
    if info.file_size > MIMETYPE_LIMIT:
        return None
    return OPENDOCUMENT_TYPES.get(archive.read(info).strip())


def office_kind(archive, names):
    info = archive.getinfo("[Content_Types].xml")
    if info.file_size > CONTENT_TYPES_LIMIT:
        return None
    declared = archive.read(info)
    for tag in OVERRIDE_TAG.findall(declared):
        part, content_type = PART_NAME.search(tag), CONTENT_TYPE.search(tag)
        if not (part and content_type):
            continue
        kind = OFFICE_MAIN_TYPES.get(content_type.group(1).decode("ascii", "replace"))
        if kind and part.group(1).decode("utf-8", "replace").lstrip("/") in names:
            return kind
    return None


def text_kind(file):
    """TEXT for UTF-8 text with no NUL byte that is not markup; HTML or SVG for markup;
    EXECUTABLE for a script with a ``#!`` line; None for anything else. Reads the
    whole file in chunks, decoding as it goes."""
    file.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    seen, tail = "", ""
    while True:
        chunk = file.read(TEXT_CHUNK)
        final = not chunk
        try:
            text = decoder.decode(chunk, final=final)
        except UnicodeDecodeError:
            return None
        if "\x00" in text:
            return None
        if not seen:
            seen = text.lstrip()
            if seen.startswith("#!"):
                return EXECUTABLE
            if seen.startswith("<"):
                return markup_kind(file)
        window = (tail + text).lower()
        if any(marker in window for marker in MARKUP):
            return markup_kind(file)
        tail = window[-MARKUP_OVERLAP:]
        if final:
            return TEXT


def markup_kind(file):
    """SVG when the markup holds an ``<svg`` element, HTML (or other XML) otherwise."""
    file.seek(0)
    tail = b""
    while chunk := file.read(TEXT_CHUNK):
        window = (tail + chunk).lower()
        if b"<svg" in window:
            return SVG
        tail = window[-MARKUP_OVERLAP:]
    return HTML
