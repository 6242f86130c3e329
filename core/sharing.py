"""The picture a page shows when its link is shared (OpenGraph, Twitter cards) or found
(JSON-LD): the page's own image, or the organisation's default one, always as an
absolute URL, since a messenger fetches it from elsewhere."""

from dataclasses import dataclass

from django.templatetags.static import static
from django.utils.translation import gettext as _

from .editions import edition, organisation

# static/img/share-<edition>.png: the emblem and the organisation's name on the site's
# colours, at the size link previews ask for.
DEFAULT_IMAGE_SIZE = (1200, 630)


@dataclass(frozen=True)
class ShareImage:
    url: str
    width: int | None
    height: int | None
    alt: str
    content_type: str = ""
    # A wide picture is shown large (a "summary_large_image" card); a portrait small.
    large: bool = True


def image_of(request, file, width=None, height=None, alt="", content_type="", large=True):
    """The share image of an uploaded ``file``, or None when there is none."""
    if not file:
        return None
    url = request.build_absolute_uri(file.url)
    return ShareImage(url, width, height, alt, content_type, large)


def default_image(request):
    """The organisation's share image in this edition."""
    width, height = DEFAULT_IMAGE_SIZE
    return ShareImage(
        url=request.build_absolute_uri(static(f"img/share-{edition()}.png")),
        width=width,
        height=height,
        alt=_("The emblem and the name of the %(organisation)s") % {"organisation": organisation()},
        content_type="image/png",
    )
