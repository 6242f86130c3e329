from core.editions import in_any_edition
from core.sitemaps import EditionsSitemap

from .models import Person


class PersonSitemap(EditionsSitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return in_any_edition(lambda code: Person.objects.public(language=code))

    def lastmod(self, item):
        return item.updated_at
