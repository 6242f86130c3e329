"""factory_boy factories for the project's models.

Translated fields are set per language (``title_en``, ``title_ru``): English is always
filled, Russian only when asked for, either field by field (``title_ru="..."``) or with
the ``russian=True`` trait, so a test states which editions an object exists in.
"""

import datetime

import factory
from django.utils import timezone

from news.models import Event, NewsItem, Section
from people.models import Contact, Person, Position


def hours_from_now(hours):
    return factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(hours=hours))


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    name_en = factory.Sequence(lambda n: f"Section {n}")
    description_en = "News of the organisation."
    order = factory.Sequence(lambda n: n)

    class Params:
        russian = factory.Trait(
            name_ru=factory.Sequence(lambda n: f"Раздел {n}"),
            description_ru="Новости организации.",
        )


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    given_name_en = "Imangali"
    family_name_en = factory.Sequence(lambda n: f"Tasmagambetov {n}")
    short_bio_en = "Secretary General of the Collective Security Treaty Organization."
    biography_en = "<p>Born in 1956.</p>"
    order = factory.Sequence(lambda n: n)
    is_public = True

    class Params:
        russian = factory.Trait(
            given_name_ru="Имангали",
            patronymic_ru="Нургалиевич",
            family_name_ru=factory.Sequence(lambda n: f"Тасмагамбетов {n}"),
            short_bio_ru="Генеральный секретарь ОДКБ.",
            biography_ru="<p>Родился в 1956 году.</p>",
        )


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    person = factory.SubFactory(PersonFactory)
    title_en = "Secretary General"
    organisation_en = "Collective Security Treaty Organization"
    start_date = datetime.date(2023, 1, 1)
    end_date = None

    class Params:
        russian = factory.Trait(
            title_ru="Генеральный секретарь",
            organisation_ru="Организация Договора о коллективной безопасности",
        )


class ContactFactory(factory.django.DjangoModelFactory):
    """An office contact by default; pass ``person=...`` for a person's own."""

    class Meta:
        model = Contact

    person = None
    label_en = "Press service"
    kind = Contact.Kind.PHONE
    value = "+7 495 621-33-23"
    is_public = True
    order = factory.Sequence(lambda n: n)

    class Params:
        russian = factory.Trait(label_ru="Пресс-служба")


class EventFactory(factory.django.DjangoModelFactory):
    """A public meeting a week from now, lasting two hours."""

    class Meta:
        model = Event
        skip_postgeneration_save = True

    title_en = factory.Sequence(lambda n: f"Meeting of the Permanent Council {n}")
    kind = Event.Kind.MEETING
    start = hours_from_now(7 * 24)
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))
    venue_en = "CSTO Secretariat"
    city_en = "Moscow"
    description_en = "<p>The Council discussed the agenda.</p>"
    is_public = True

    class Params:
        russian = factory.Trait(
            title_ru=factory.Sequence(lambda n: f"Заседание Постоянного совета {n}"),
            venue_ru="Секретариат ОДКБ",
            city_ru="Москва",
            description_ru="<p>Совет обсудил повестку дня.</p>",
        )

    @factory.post_generation
    def participants(self, create, extracted, **kwargs):
        if create and extracted:
            self.participants.set(extracted)


class NewsItemFactory(factory.django.DjangoModelFactory):
    """A draft by default; ``published=True`` (live an hour ago) or ``scheduled=True``
    (due tomorrow) make the other states. ``people=[...]`` links people."""

    class Meta:
        model = NewsItem
        skip_postgeneration_save = True

    kind = NewsItem.Kind.NEWS
    section = factory.SubFactory(SectionFactory)
    title_en = factory.Sequence(lambda n: f"Secretary General meets the press {n}")
    lead_en = "The Secretary General answered journalists' questions."
    body_en = "<p>The meeting took place at the Secretariat.</p>"
    status = NewsItem.Status.DRAFT
    published_at = None

    class Params:
        draft = factory.Trait(status=NewsItem.Status.DRAFT, published_at=None)
        published = factory.Trait(status=NewsItem.Status.PUBLISHED, published_at=hours_from_now(-1))
        scheduled = factory.Trait(status=NewsItem.Status.PUBLISHED, published_at=hours_from_now(24))
        russian = factory.Trait(
            title_ru=factory.Sequence(lambda n: f"Генеральный секретарь встретился с прессой {n}"),
            lead_ru="Генеральный секретарь ответил на вопросы журналистов.",
            body_ru="<p>Встреча прошла в Секретариате.</p>",
        )

    @factory.post_generation
    def people(self, create, extracted, **kwargs):
        if create and extracted:
            self.people.set(extracted)
