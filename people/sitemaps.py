from functools import reduce
from operator import or_

from django.contrib.sitemaps import Sitemap

from presscenter.i18n import LANGUAGE_CODES

from .models import Person


class PersonSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return reduce(or_, (Person.objects.public(language=code) for code in LANGUAGE_CODES))

    def get_languages_for_item(self, item):
        return [code for code in LANGUAGE_CODES if getattr(item, f"family_name_{code}")]

    def lastmod(self, item):
        return item.updated_at
