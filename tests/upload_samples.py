"""Tiny but valid files of every kind an editor may attach, and of kinds that are
refused, built in memory for the upload tests."""

import io
import zipfile

from PIL import Image

OFFICE_MAIN = {
    "docx": ("word/document.xml", "wordprocessingml.document.main+xml"),
    "xlsx": ("xl/workbook.xml", "spreadsheetml.sheet.main+xml"),
    "pptx": ("ppt/presentation.xml", "presentationml.presentation.main+xml"),
}


def pdf():
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )


def zip_of(entries, first=None):
    """A ZIP archive of ``entries`` ({name: bytes}); ``first`` is stored uncompressed
    before them, as OpenDocument stores its ``mimetype``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if first:
            archive.writestr(zipfile.ZipInfo(first[0]), first[1], zipfile.ZIP_STORED)
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def office(kind, content_type=None):
    """A minimal Office Open XML package: DOCX, XLSX or PPTX."""
    part, main_type = OFFICE_MAIN[kind]
    content_type = content_type or f"application/vnd.openxmlformats-officedocument.{main_type}"
    types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{part}" ContentType="{content_type}"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Target="{part}" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument"/></Relationships>'
    )
    return zip_of({"[Content_Types].xml": types, "_rels/.rels": rels, part: "<document/>"})


def opendocument(kind):
    """A minimal OpenDocument text ("text") or spreadsheet ("spreadsheet")."""
    mimetype = f"application/vnd.oasis.opendocument.{kind}".encode()
    return zip_of(
        {"content.xml": "<office:document-content/>", "META-INF/manifest.xml": "<manifest/>"},
        first=("mimetype", mimetype),
    )


def image(format_name, size=(4, 3)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "navy").save(buffer, format_name)
    return buffer.getvalue()


HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">'
    b"<script>alert(1)</script></svg>"
)
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 56
SCRIPT = b"#!/bin/sh\nrm -rf ~\n"
TEXT = "Statement of the Secretary General.\nЗаявление Генерального секретаря.\n".encode()

# Every kind that may be attached, under a name of its kind.
ATTACHABLE = {
    "statement.pdf": pdf,
    "statement.docx": lambda: office("docx"),
    "figures.xlsx": lambda: office("xlsx"),
    "briefing.pptx": lambda: office("pptx"),
    "statement.odt": lambda: opendocument("text"),
    "figures.ods": lambda: opendocument("spreadsheet"),
    "statement.txt": lambda: TEXT,
    "figures.csv": lambda: b"year,members\n2024,6\n",
    "photos.zip": lambda: zip_of({"a.txt": "a"}),
    "photo.png": lambda: image("PNG"),
    "photo.jpg": lambda: image("JPEG"),
    "photo.jpeg": lambda: image("JPEG"),
    "photo.gif": lambda: image("GIF"),
    "photo.webp": lambda: image("WEBP"),
}
