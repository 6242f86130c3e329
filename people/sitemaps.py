from core.sitemaps import EditionsSitemap

from .models import Person


class PersonSitemap(EditionsSitemap):
    changefreq = "monthly"
    priority = 0.5

    model = Person
    url_name = "people:detail"
    lastmod_column = "updated_at"

    def public(self, language):
        return Person.objects.public(language=language)
