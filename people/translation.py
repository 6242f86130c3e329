"""Fields kept per language (django-modeltranslation adds ``<field>_en`` and ``_ru``)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Contact, Person, Position


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("given_name", "patronymic", "family_name", "photo_alt", "short_bio", "biography")
    required_languages = ()


@register(Position)
class PositionTranslation(TranslationOptions):
    fields = ("title", "organisation")
    required_languages = ()


@register(Contact)
class ContactTranslation(TranslationOptions):
    fields = ("label", "address")
    required_languages = ()
