"""Upload checks: a clear form error instead of a stored file nobody can use, or one
that could act as the site."""

import os

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.template.defaultfilters import filesizeformat
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from PIL import Image

from . import filetypes

# What an attachment may be, as the refusals name it.
ATTACHABLE_KINDS = _(
    "PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX), OpenDocument text (ODT) or "
    "spreadsheet (ODS), plain text (TXT, CSV), ZIP, or a PNG, JPEG, GIF or WebP image"
)
REFUSALS = {
    filetypes.HTML: _("HTML and XML files cannot be attached: a browser would run them."),
    filetypes.SVG: _("SVG images cannot be attached: a browser would run their scripts."),
    filetypes.EXECUTABLE: _("Programs and scripts cannot be attached."),
}
UNKNOWN_KIND = _("This kind of file cannot be attached.")
WRONG_EXTENSION = _(
    "The file's content is %(kind)s, but its name ends in %(extension)s. Name it %(expected)s."
)
NO_EXTENSION = _(
    "The file's content is %(kind)s, but its name has no extension. Name it %(expected)s."
)
ATTACH_ONE_OF = format_lazy("{} {}", _("Attach one of these:"), ATTACHABLE_KINDS)

# The image formats the site shows, as Pillow names them (MPO: a camera's JPEG).
WEB_IMAGE_FORMATS = {"PNG", "JPEG", "MPO", "GIF", "WEBP"}


def already_stored(upload):
    """A file saved before was checked when it was uploaded; reading it again to check
    it would only fail, with a 500, when storage has lost it."""
    return getattr(upload, "_committed", False)


def validate_image_upload(image):
    """Reject images that are too heavy in bytes or in pixels.

    Django's ImageField already proves the file is an image Pillow can open; this
    keeps a 200-megapixel scan or a decompression bomb out of the media store.
    """
    if not image or already_stored(image):
        return
    max_bytes = settings.PRESSCENTER_MAX_IMAGE_BYTES
    if image.size > max_bytes:
        raise ValidationError(
            _("The image is %(size)s; the limit is %(limit)s."),
            code="image_too_large",
            params={"size": filesizeformat(image.size), "limit": filesizeformat(max_bytes)},
        )
    width, height = getattr(image, "width", None), getattr(image, "height", None)
    if width and height and width * height > settings.PRESSCENTER_MAX_IMAGE_PIXELS:
        raise ValidationError(
            _("The image is %(width)s×%(height)s pixels; it must have fewer than %(limit)s."),
            code="image_too_many_pixels",
            params={
                "width": width,
                "height": height,
                "limit": f"{settings.PRESSCENTER_MAX_IMAGE_PIXELS:,}",
            },
        )


def validate_attachment_upload(upload):
    """Refuse an attachment that is too large, or whose content is not on the list of
    kinds a press centre attaches (``core.filetypes``), or whose name's extension is
    not its content's: a PDF named ``.html`` is refused, and so is HTML named ``.pdf``."""
    if not upload or already_stored(upload):
        return
    if upload.size > settings.PRESSCENTER_MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s."),
            code="file_too_large",
            params={
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(settings.PRESSCENTER_MAX_ATTACHMENT_BYTES),
            },
        )
    kind = filetypes.detect(getattr(upload, "file", upload))
    if kind not in filetypes.ATTACHABLE:
        refusal = REFUSALS.get(kind, UNKNOWN_KIND)
        raise ValidationError(
            "%(refusal)s %(attach)s.",
            code="file_kind_refused",
            params={"refusal": refusal, "attach": ATTACH_ONE_OF},
        )
    extension = os.path.splitext(upload.name or "")[1].lower().lstrip(".")
    if extension not in kind.extensions:
        params = {
            "kind": kind.label,
            "extension": f"“.{extension}”",
            "expected": " / ".join(f"“.{expected}”" for expected in kind.extensions),
        }
        message = WRONG_EXTENSION if extension else NO_EXTENSION
        raise ValidationError(message, code="file_extension_mismatch", params=params)


class ImageUploadField(forms.ImageField):
    """The form field of the site's image fields: Django's, which proves with Pillow
    that the file is an image, plus two answers of its own. A file whose header claims
    more pixels than Pillow will open (a decompression bomb) is told so, not called
    "not an image"; and an image must be in a format browsers show (PNG, JPEG, GIF,
    WebP), the only images the site serves inline."""

    default_error_messages = {
        "image_too_many_pixels": _(
            "The image has too many pixels to be opened safely; it must have fewer than %(limit)s."
        ),
        "image_format": _("Upload a PNG, JPEG, GIF or WebP image."),
    }

    def to_python(self, data):
        try:
            upload = super().to_python(data)
        except ValidationError as error:
            bomb = (Image.DecompressionBombError, Image.DecompressionBombWarning)
            if isinstance(error.__cause__, bomb):
                raise ValidationError(
                    self.error_messages["image_too_many_pixels"],
                    code="image_too_many_pixels",
                    params={"limit": f"{settings.PRESSCENTER_MAX_IMAGE_PIXELS:,}"},
                ) from error
            raise
        if upload is not None and upload.image.format not in WEB_IMAGE_FORMATS:
            raise ValidationError(self.error_messages["image_format"], code="image_format")
        return upload


class UploadLimitHandler(FileUploadHandler):
    """Refuses a multipart request larger than ``PRESSCENTER_MAX_UPLOAD_REQUEST_BYTES``
    before its files are read.

    Django counts only the form's fields against ``DATA_UPLOAD_MAX_MEMORY_SIZE``, never
    its files, so a 400 MB upload was received whole before the form refused it. This
    handler stands first in ``FILE_UPLOAD_HANDLERS``: when the declared length is over
    the limit, parsing stops at the first file and the rest of the body is never read
    (the fields before it, the CSRF token among them, are kept). The request is marked,
    and the admin form shows the refusal as its error (``core.admin.UploadLimitMixin``),
    so nothing is saved."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.refused = content_length > settings.PRESSCENTER_MAX_UPLOAD_REQUEST_BYTES
        if self.refused and self.request is not None:
            self.request.refused_upload_size = content_length

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        if self.refused:
            raise StopUpload(connection_reset=True)

    def receive_data_chunk(self, raw_data, start):
        return raw_data

    def file_complete(self, file_size):
        return None


def upload_refusal(request):
    """The error to show for a request whose upload ``UploadLimitHandler`` refused, or
    None."""
    if request.method != "POST" or request.content_type != "multipart/form-data":
        return None
    request.POST  # noqa: B018 -- parsing the body is what marks a refused upload
    size = getattr(request, "refused_upload_size", None)
    if size is None:
        return None
    return ValidationError(
        _(
            "The form sent %(size)s at once; one save may send at most %(limit)s. Nothing "
            "was saved. Attach large files one at a time (each at most %(file_limit)s)."
        ),
        code="upload_too_large",
        params={
            "size": filesizeformat(size),
            "limit": filesizeformat(settings.PRESSCENTER_MAX_UPLOAD_REQUEST_BYTES),
            "file_limit": filesizeformat(settings.PRESSCENTER_MAX_ATTACHMENT_BYTES),
        },
    )
