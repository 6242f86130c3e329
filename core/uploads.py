"""Upload checks: a clear form error instead of a stored file nobody can use."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _


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
