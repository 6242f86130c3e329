"""Abstract models and queryset bases the apps build on."""

from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .changes import ChangeSignallingQuerySet
from .editions import LANGUAGE_CODES, has_language_q, languages_filled


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class EditionsQuerySet(ChangeSignallingQuerySet):
    """Queries of a model written in one or more editions (``EditionsModel``)."""

    def written_in(self, language=None):
        """Rows that exist in ``language`` (the active edition by default)."""
        return self.filter(has_language_q(self.model.edition_field, language))


class EditionsModel(models.Model):
    """A model translated per field, which exists in the editions whose
    ``edition_field`` is filled (a news item without a Russian title is not in the
    Russian edition)."""

    edition_field = "title"

    class Meta:
        abstract = True

    def languages(self):
        """The editions this object is written in, e.g. ["en", "ru"]."""
        return languages_filled(self, self.edition_field)

    @classmethod
    def languages_of(cls, row):
        """``languages()`` for a ``values()`` row that holds the edition columns."""
        return languages_filled(row, cls.edition_field)

    def edition_links(self, fallback_url_name):
        """For the language switcher: in each edition, this object's own page when it
        is written in that language, otherwise that edition's list
        (``fallback_url_name``). ``exists`` marks true translations, for ``hreflang``."""
        written = set(self.languages())
        links = {}
        for code in LANGUAGE_CODES:
            with translation.override(code):
                url = self.get_absolute_url() if code in written else reverse(fallback_url_name)
            links[code] = {"url": url, "exists": code in written}
        return links
