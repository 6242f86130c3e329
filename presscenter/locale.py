"""The language comes from the URL alone."""

from django.middleware.locale import LocaleMiddleware


class PathLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, without ``Vary: Accept-Language``.

    English lives at unprefixed URLs and Russian under ``/ru/`` (``i18n_patterns``
    with ``prefix_default_language=False``): the path decides the language, never a
    header or a cookie, so a response does not vary on them and a cache may store it
    by its URL alone. Django adds the Vary to unprefixed URLs all the same; it is
    taken back here.
    """

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if response.has_header("Vary"):
            kept = [v.strip() for v in response["Vary"].split(",")]
            kept = [v for v in kept if v and v.lower() != "accept-language"]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response
