"""core.filetypes tells a file's kind from its content, and core.uploads refuses an
attachment that is not on the list or whose name is not of its kind."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core import filetypes
from core.uploads import validate_attachment_upload
from tests import upload_samples as samples

KINDS = {
    "pdf": filetypes.PDF,
    "docx": filetypes.DOCX,
    "xlsx": filetypes.XLSX,
    "pptx": filetypes.PPTX,
    "odt": filetypes.ODT,
    "ods": filetypes.ODS,
    "txt": filetypes.TEXT,
    "csv": filetypes.TEXT,
    "zip": filetypes.ZIP,
    "png": filetypes.PNG,
    "jpg": filetypes.JPEG,
    "jpeg": filetypes.JPEG,
    "gif": filetypes.GIF,
    "webp": filetypes.WEBP,
}


def detect(content):
    return filetypes.detect(io.BytesIO(content))


def refusal(name, content):
    with pytest.raises(ValidationError) as caught:
        validate_attachment_upload(SimpleUploadedFile(name, content))
    return " ".join(caught.value.messages)


@pytest.mark.parametrize("name", samples.ATTACHABLE)
def test_each_attachable_kind_is_recognised_and_accepted(name):
    content = samples.ATTACHABLE[name]()
    assert detect(content) == KINDS[name.rsplit(".", 1)[1]]
    validate_attachment_upload(SimpleUploadedFile(name, content))


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (samples.HTML, filetypes.HTML),
        (b"\xef\xbb\xbf  \n<p>A paragraph</p>", filetypes.HTML),  # BOM, space, then markup
        (b"Notes for the press.\n" * 5000 + b"<SCRIPT>alert(1)</SCRIPT>", filetypes.HTML),
        (b"Text, then <iframe src=//evil.example>", filetypes.HTML),
        (samples.SVG, filetypes.SVG),
        (b"<svg onload=alert(1)>", filetypes.SVG),
        (samples.EXE, filetypes.EXECUTABLE),
        (samples.ELF, filetypes.EXECUTABLE),
        (samples.SCRIPT, filetypes.EXECUTABLE),
    ],
)
def test_markup_and_programs_are_named(content, kind):
    assert detect(content) == kind


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\x01\x02binary",
        "Latin-1 caf\xe9".encode("latin-1"),  # not UTF-8
        b"PK\x03\x04 a damaged archive",
        samples.office("docx", "application/vnd.ms-word.document.macroEnabled.main+xml"),
        samples.opendocument("presentation"),
        samples.zip_of({"[Content_Types].xml": "<Types/>"}),  # names no main part
    ],
    ids=["binary", "latin-1", "damaged-zip", "docm", "odp", "office-without-main-part"],
)
def test_anything_else_is_unknown(content):
    assert detect(content) is None


def test_a_text_that_merely_starts_with_mz_is_text():
    assert detect(b"MZ-2024 exercise: notes") == filetypes.TEXT


def test_the_file_is_left_at_its_start():
    file = io.BytesIO(samples.office("docx"))
    filetypes.detect(file)
    assert file.tell() == 0


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("briefing.html", samples.HTML, "HTML and XML files cannot be attached"),
        ("briefing.pdf", samples.HTML, "HTML and XML files cannot be attached"),
        ("emblem.svg", samples.SVG, "SVG images cannot be attached"),
        ("setup.exe", samples.EXE, "Programs and scripts cannot be attached"),
        ("notes.txt", samples.SCRIPT, "Programs and scripts cannot be attached"),
        ("data.bin", b"\x00\x01\x02", "This kind of file cannot be attached"),
    ],
)
def test_a_refused_kind_names_the_allowed_ones(name, content, expected):
    message = refusal(name, content)
    assert expected in message
    assert "Attach one of these: PDF, Word (DOCX)" in message


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "statement.html",
            samples.pdf(),
            "The file's content is PDF, but its name ends in “.html”",
        ),
        ("statement.txt", samples.pdf(), "Name it “.pdf”"),
        ("photo.png", samples.image("JPEG"), "Name it “.jpg” / “.jpeg”"),
        ("statement.zip", samples.office("docx"), "a Word document (DOCX)"),
        ("statement", samples.pdf(), "its name has no extension"),
    ],
)
def test_the_name_must_agree_with_the_content(name, content, expected):
    assert expected in refusal(name, content)


def test_the_extension_is_compared_without_case():
    validate_attachment_upload(SimpleUploadedFile("STATEMENT.PDF", samples.pdf()))


def test_an_attachment_over_the_size_limit_is_refused_before_it_is_read(settings):
    settings.PRESSCENTER_MAX_ATTACHMENT_BYTES = 100
    assert "the limit is 100" in refusal("statement.pdf", samples.pdf())
