"""The site every page-level check looks at: the demo content, with pictures and a
document added so that each part of a page is there to be checked, and the list of
public page types in each language.

The accessibility (axe-core), keyboard and HTML (Nu checker) tests and ``make
screenshots`` all walk the same pages, so a page type added here is checked by all.
"""

import io

from django.core.files.base import ContentFile
from django.core.management import call_command
from PIL import Image

from news.models import Event, NewsAttachment, NewsImage, NewsItem
from people.models import Person

# The item that gets a main image, a gallery photo and a document.
ILLUSTRATED_ITEM = "statement-by-the-csto-secretary-general-at-the-un-security-council-debate"
SECRETARY_GENERAL = "imangali-tasmagambetov"
EVENT = "un-security-council-debate-csto-cis-sco-2024"
SECTION = "secretary-general"
# Enough synthetic items for a second page of the news list.
SYNTHETIC_ITEMS = 25


def jpeg(width, height, top, bottom):
    """A real JPEG: a soft gradient from the colour ``top`` to ``bottom``."""
    size = (width, height)
    gradient = Image.linear_gradient("L").resize(size)
    image = Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), gradient)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return ContentFile(buffer.getvalue())


def build_site(synthetic=SYNTHETIC_ITEMS, portrait=True):
    """Load the demo content and illustrate it: a main image, a gallery photo and a
    document on one item, and (with ``portrait``) the Secretary General's photo."""
    call_command("load_demo", verbosity=0)
    if synthetic:
        call_command("load_demo", synthetic=synthetic, verbosity=0)
    item = NewsItem.objects.get(slug=ILLUSTRATED_ITEM)
    if not item.image:
        item.image.save(
            "security-council.jpg", jpeg(960, 540, (18, 57, 107), (150, 178, 210)), save=False
        )
        item.image_alt_en = "The Secretary General speaks at the Security Council table"
        item.image_alt_ru = "Генеральный секретарь выступает за столом Совета Безопасности"
        item.image_caption_en = "The open debate of the UN Security Council"
        item.image_caption_ru = "Открытые дебаты Совета Безопасности ООН"
        item.image_credit = "CSTO press centre"
        item.save()
        NewsImage.objects.create(
            news=item,
            image=ContentFile(
                jpeg(640, 427, (11, 38, 71), (201, 166, 70)).read(), name="delegations.jpg"
            ),
            alt_en="Delegations in the chamber",
            alt_ru="Делегации в зале",
            caption_en="Delegations before the debate",
            caption_ru="Делегации перед началом дебатов",
        )
        NewsAttachment.objects.create(
            news=item,
            file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="statement.pdf"),
            title_en="Full text of the statement",
            title_ru="Полный текст заявления",
        )
    person = Person.objects.get(slug=SECRETARY_GENERAL)
    if portrait and not person.photo:
        person.photo.save(
            "secretary-general.jpg", jpeg(400, 500, (90, 70, 50), (230, 225, 215)), save=False
        )
        person.photo_alt_en = "Portrait of the Secretary General"
        person.photo_alt_ru = "Портрет Генерального секретаря"
        person.save()


def public_pages(language):
    """(name, path) of every public page type in ``language`` ("en" or "ru")."""
    prefix = "" if language == "en" else "/ru"
    item = NewsItem.objects.get(slug=ILLUSTRATED_ITEM)
    event = Event.objects.get(slug=EVENT)
    search = "Security" if language == "en" else "Безопасности"
    pages = [
        ("home", "/"),
        ("news-list", "/news/"),
        ("news-list-page-2", "/news/?page=2"),
        ("news-filtered", f"/news/?section={SECTION}&kind=statement&date_from=2024-01-01"),
        ("news-search", f"/news/?q={search}"),
        ("news-filter-errors", "/news/?date_from=2024-02-01&date_to=2024-01-01"),
        ("section", f"/news/{SECTION}/"),
        ("news-item", item.get_absolute_url().removeprefix(prefix)),
        ("events", "/events/"),
        ("event", event.get_absolute_url().removeprefix(prefix)),
        ("people", "/people/"),
        ("profile", f"/people/{SECRETARY_GENERAL}/"),
        ("press-contacts", "/press/contacts/"),
        ("not-found", "/no-such-page/"),
    ]
    return [(name, prefix + path) for name, path in pages]
