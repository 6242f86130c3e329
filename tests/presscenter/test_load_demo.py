"""``manage.py load_demo``: the seed content, in both languages, loaded idempotently."""

import datetime as dt
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone, translation

from news.models import Event, NewsItem, Section
from people.models import Contact, Person, Position

MOSCOW = ZoneInfo("Europe/Moscow")

SEED_NEWS = {
    "csto-secretariat-staff-met-with-graduates-of-central-asian-universities",
    "statement-by-the-csto-secretary-general-at-the-un-security-council-debate",
    "csto-secretary-general-took-part-in-the-un-security-council-debate",
    "interview-of-the-csto-secretary-general-to-belta",
    "newly-appointed-secretary-general-presented",
}
INTERVIEW = "interview-of-the-csto-secretary-general-to-belta"
PRESENTATION = "newly-appointed-secretary-general-presented"


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def synthetic():
    return NewsItem.objects.filter(slug__startswith="synthetic-")


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Section, Person, Position, Contact, Event, NewsItem)
    }


@pytest.fixture
def moscow(settings):
    """The seed's days are Moscow days; pin the zone whatever the environment says."""
    settings.TIME_ZONE = "Europe/Moscow"


@pytest.mark.django_db
def test_loads_the_seed():
    output = load_demo()

    assert counts() == {
        "Section": 3,
        "Person": 3,
        "Position": 4,
        "Contact": 1,
        "Event": 3,
        "NewsItem": 5,
    }
    assert set(NewsItem.objects.values_list("slug", flat=True)) == SEED_NEWS
    assert "news items 5 created" in output


@pytest.mark.django_db
def test_running_twice_updates_instead_of_duplicating():
    load_demo()
    first = counts()
    interview_time = NewsItem.objects.get(slug=INTERVIEW).published_at

    # A day later the interview keeps the time it was first published at.
    with time_machine.travel(timezone.now() + dt.timedelta(days=1), tick=False):
        output = load_demo()

    assert counts() == first
    assert NewsItem.objects.get(slug=INTERVIEW).published_at == interview_time
    assert "news items 0 created, 5 updated" in output
    presentation = NewsItem.objects.get(slug=PRESENTATION)
    assert presentation.people.count() == 2
    assert Event.objects.get(slug=presentation.event.slug).participants.count() == 2


@pytest.mark.django_db
def test_interview_is_published_when_first_loaded():
    """The seed gives the interview no date: it is published at the first load."""
    before = timezone.now()
    load_demo()
    interview = NewsItem.objects.get(slug=INTERVIEW)

    assert before <= interview.published_at <= timezone.now()
    assert interview.kind == NewsItem.Kind.INTERVIEW
    assert interview.section.slug == "secretary-general"
    assert "BELTA" in interview.body_en
    assert "БЕЛТА" in interview.body_ru


@pytest.mark.django_db
def test_press_secretary_tel_fax():
    load_demo()
    contact = Contact.objects.get()

    assert contact.person.slug == "vladimir-zaynetdinov"
    assert contact.kind == Contact.Kind.TEL_FAX
    assert contact.value == "+7495-621-33-23"
    assert (contact.label_en, contact.label_ru) == ("Press Secretary", "Пресс-секретарь")
    assert contact.is_public and contact.in_footer


@pytest.mark.django_db
def test_people_positions_and_russian_names():
    load_demo()
    tasmagambetov = Person.objects.get(slug="imangali-tasmagambetov")
    volfovich = Person.objects.get(slug="alexander-volfovich")
    zaynetdinov = Person.objects.get(slug="vladimir-zaynetdinov")

    assert (
        tasmagambetov.given_name_en,
        tasmagambetov.patronymic_en,
        tasmagambetov.family_name_en,
    ) == ("Imangali", "Nurgalievich", "Tasmagambetov")
    assert (
        tasmagambetov.given_name_ru,
        tasmagambetov.patronymic_ru,
        tasmagambetov.family_name_ru,
    ) == ("Имангали", "Нургалиевич", "Тасмагамбетов")
    assert (volfovich.given_name_ru, volfovich.family_name_ru) == ("Александр", "Вольфович")
    assert (volfovich.patronymic_en, volfovich.patronymic_ru) == ("", "")
    assert (zaynetdinov.given_name_ru, zaynetdinov.family_name_ru) == ("Владимир", "Зайнетдинов")
    assert [p.order for p in (tasmagambetov, volfovich, zaynetdinov)] == [10, 20, 30]

    secretary_general = tasmagambetov.positions.get()
    assert secretary_general.title_en == "Secretary General"
    assert secretary_general.title_ru == "Генеральный секретарь"
    assert secretary_general.organisation_ru == "Организация Договора о коллективной безопасности"
    assert secretary_general.start_date == dt.date(2023, 1, 1)
    assert secretary_general.end_date == dt.date(2025, 12, 31)
    assert "December 31, 2025" in tasmagambetov.biography_en
    assert "31 декабря 2025 года" in tasmagambetov.biography_ru

    assert set(volfovich.positions.values_list("title_en", flat=True)) == {
        "Chairman of the Committee of Secretaries of Security Council (CSSC)",
        "State Secretary of the Security Council",
    }
    for position in Position.objects.exclude(person=tasmagambetov):
        assert position.start_date is None and position.end_date is None
    press_secretary = zaynetdinov.positions.get()
    assert (press_secretary.title_en, press_secretary.title_ru) == (
        "Press Secretary",
        "Пресс-секретарь",
    )


@pytest.mark.django_db
def test_dates_are_moscow_days(moscow):
    load_demo()

    presentation = NewsItem.objects.get(slug=PRESENTATION)
    assert presentation.published_at.astimezone(MOSCOW) == dt.datetime(
        2023, 1, 10, 10, 0, tzinfo=MOSCOW
    )
    assert presentation.event.kind == Event.Kind.CEREMONY
    assert set(presentation.people.values_list("slug", flat=True)) == {
        "imangali-tasmagambetov",
        "alexander-volfovich",
    }

    debate = Event.objects.get(kind=Event.Kind.DEBATE)
    assert debate.all_day
    assert debate.start.astimezone(MOSCOW) == dt.datetime(2024, 7, 19, 0, 0, tzinfo=MOSCOW)
    assert debate.end.astimezone(MOSCOW) == dt.datetime(2024, 7, 19, 23, 59, tzinfo=MOSCOW)
    assert (debate.venue_en, debate.venue_ru) == (
        "United Nations Security Council",
        "Совет Безопасности ООН",
    )
    assert list(debate.participants.values_list("slug", flat=True)) == ["imangali-tasmagambetov"]

    meeting = Event.objects.get(kind=Event.Kind.MEETING)
    assert meeting.start.astimezone(MOSCOW).date() == dt.date(2024, 7, 25)
    assert (meeting.city_en, meeting.city_ru) == ("Moscow", "Москва")
    assert not meeting.participants.exists()
    assert {e.start.astimezone(MOSCOW).date() for e in Event.objects.all()} == {
        dt.date(2024, 7, 19),
        dt.date(2023, 1, 10),
        dt.date(2024, 7, 25),
    }


@pytest.mark.django_db
def test_news_items_match_the_seed(moscow):
    load_demo()
    items = {item.slug: item for item in NewsItem.objects.select_related("section", "event")}

    statement = items["statement-by-the-csto-secretary-general-at-the-un-security-council-debate"]
    assert statement.kind == NewsItem.Kind.STATEMENT
    assert statement.section.slug == "international-cooperation"
    assert statement.event.kind == Event.Kind.DEBATE
    assert statement.body_en.count("<p>") == 2
    assert statement.body_en.startswith("<p>Allow me to thank the Russian presidency")
    assert "ШОС" in statement.body_ru

    graduates = items["csto-secretariat-staff-met-with-graduates-of-central-asian-universities"]
    assert graduates.section.slug == "secretariat"
    assert graduates.event.kind == Event.Kind.MEETING
    assert timezone.localtime(graduates.published_at).date() == dt.date(2024, 7, 25)

    presentation = items[PRESENTATION]
    assert presentation.body_en.count("<p>") == 5
    assert "CSTO priorities in 2023." in presentation.body_en
    assert "приоритетов ОДКБ в 2023 году." in presentation.body_ru

    for item in items.values():
        assert item.status == NewsItem.Status.PUBLISHED
        for field in ("title", "lead", "body"):
            assert getattr(item, f"{field}_en"), (item.slug, field)
            assert getattr(item, f"{field}_ru"), (item.slug, field)
        # The Russian edition is written in Russian.
        assert any("а" <= ch <= "я" for ch in item.title_ru.lower()), item.slug

    sections = {s.slug: (s.name_en, s.name_ru) for s in Section.objects.all()}
    assert sections == {
        "secretary-general": ("Secretary General", "Генеральный секретарь"),
        "international-cooperation": ("International cooperation", "Международное сотрудничество"),
        "secretariat": ("Secretariat", "Секретариат"),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ru"])
def test_seed_items_are_public_in_both_editions(language):
    load_demo()

    published = NewsItem.objects.published(language=language)
    assert set(published.values_list("slug", flat=True)) == SEED_NEWS
    assert Event.objects.public(language=language).count() == 3
    assert Person.objects.public(language=language).count() == 3


@pytest.mark.django_db
def test_loaded_objects_pass_model_validation():
    load_demo()

    with translation.override("en"):
        for model in (Section, Person, Position, Contact, Event, NewsItem):
            for obj in model.objects.all():
                obj.full_clean()


@pytest.mark.django_db
def test_synthetic_items_are_added_once_and_cleared():
    load_demo()

    output = load_demo("--synthetic", "50")
    assert "50 created" in output
    assert synthetic().count() == 50
    assert NewsItem.objects.count() == 55

    item = synthetic().get(slug="synthetic-17")
    assert (item.title_en, item.title_ru) == ("Synthetic news item 17", "Синтетическая новость 17")
    assert item.title == "Synthetic news item 17"
    assert item.lead_ru and item.body_en and item.body_ru
    assert {i.kind for i in synthetic()} == set(NewsItem.Kind.values)
    assert {i.section.slug for i in synthetic().select_related("section")} == set(
        Section.objects.values_list("slug", flat=True)
    )
    assert all(i.published_at < timezone.now() for i in synthetic())
    assert len({i.published_at for i in synthetic()}) == 50
    for language in ("en", "ru"):
        assert NewsItem.objects.published(language=language).count() == 55

    output = load_demo("--synthetic", "50")
    assert "0 created, 50 already there" in output
    assert synthetic().count() == 50
    assert NewsItem.objects.count() == 55

    load_demo("--synthetic", "60")
    assert synthetic().count() == 60

    output = load_demo("--clear-synthetic")
    assert "60 deleted" in output
    assert not synthetic().exists()
    assert set(NewsItem.objects.values_list("slug", flat=True)) == SEED_NEWS


@pytest.mark.django_db
def test_synthetic_dates_are_deterministic():
    load_demo("--synthetic", "5")
    first = dict(synthetic().values_list("slug", "published_at"))
    load_demo("--clear-synthetic", "--synthetic", "5")
    second = dict(synthetic().values_list("slug", "published_at"))

    assert first == second
    assert first["synthetic-1"] - first["synthetic-2"] == dt.timedelta(hours=6)


@pytest.mark.django_db
def test_negative_synthetic_count_is_refused():
    with pytest.raises(CommandError):
        load_demo("--synthetic", "-1")
