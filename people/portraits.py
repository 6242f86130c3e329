"""A person's portrait, made small enough to travel inside a vCard."""

import io
import logging

from PIL import Image

logger = logging.getLogger(__name__)

# Address books show a portrait at a few hundred pixels; a camera original would
# make one card several megabytes.
LONGEST_SIDE = 600


def portrait_jpeg(photo):
    """``photo`` (an image field's file) as JPEG bytes, at most ``LONGEST_SIDE`` pixels
    on its longest side; ``None`` when there is none or it cannot be read (the card
    is still useful without it)."""
    if not photo:
        return None
    try:
        with photo.open("rb") as stored, Image.open(stored) as image:
            image.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
            out = io.BytesIO()
            image.convert("RGB").save(out, "JPEG", quality=85, optimize=True)
    except (OSError, ValueError, Image.DecompressionBombError):
        logger.warning("The portrait %s could not be read for a vCard.", photo.name)
        return None
    return out.getvalue()
