"""The base of every sitemap of translated objects."""

from django.contrib.sitemaps import Sitemap


class EditionsSitemap(Sitemap):
    """Each URL is listed in every edition its object is written in, with ``hreflang``
    alternates (Django's i18n sitemaps). Items are ``EditionsModel`` objects."""

    i18n = True
    alternates = True
    x_default = True

    def get_languages_for_item(self, item):
        return item.languages()
