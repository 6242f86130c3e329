"""File downloads of the exports (calendar, contacts): one response shape for all."""

from django.http import HttpResponse

from .editions import edition, edition_filename


def download_response(body, content_type, stem, extension, *, inline=False):
    """``body`` as a file named for the edition (``press-contacts-ru.vcf``), with the
    edition's Content-Language. ``inline`` lets a calendar app open it in place."""
    response = HttpResponse(body, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    filename = edition_filename(stem, extension)
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Content-Language"] = edition()
    return response
