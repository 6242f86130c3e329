"""Fields kept per language (django-modeltranslation adds ``<field>_en`` and ``_ru``)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Event, NewsAttachment, NewsImage, NewsItem, Section


@register(Section)
class SectionTranslation(TranslationOptions):
    """A section is site structure, not an article: it is named in every edition."""

    fields = ("name", "description")
    required_languages = {"en": ("name",), "ru": ("name",)}


@register(NewsItem)
class NewsItemTranslation(TranslationOptions):
    fields = ("title", "lead", "body", "image_alt", "image_caption")
    required_languages = ()


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "venue", "city", "description")
    required_languages = ()


@register(NewsImage)
class NewsImageTranslation(TranslationOptions):
    fields = ("alt", "caption")
    required_languages = ()


@register(NewsAttachment)
class NewsAttachmentTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = ()
