"""``manage.py load_demo``: the seed content, in both languages, loaded idempotently.

Edited objects: test_load_demo_edits.py; synthetic items: test_load_demo_synthetic.py.
"""

import datetime as dt
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone, translation

from core.html import html_to_text
from news.models import Event, NewsItem, Section
from people.models import Contact, Person, Position

MOSCOW = ZoneInfo("Europe/Moscow")

# In the seed's order, newest first.
SEED_ORDER = [
    "csto-secretariat-staff-met-with-graduates-of-central-asian-universities",
    "statement-by-the-csto-secretary-general-at-the-un-security-council-debate",
    "csto-secretary-general-took-part-in-the-un-security-council-debate",
    "interview-of-the-csto-secretary-general-to-belta",
    "newly-appointed-secretary-general-presented",
]
SEED_NEWS = set(SEED_ORDER)
INTERVIEW = "interview-of-the-csto-secretary-general-to-belta"
PRESENTATION = "newly-appointed-secretary-general-presented"


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


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
def test_running_again_changes_nothing():
    """``make run`` loads the demo every time: a second run, even a day later, finds
    every object as it left it and writes nothing."""
    load_demo()
    first = counts()
    written = {item.slug: item.updated_at for item in NewsItem.objects.all()}

    with time_machine.travel(timezone.now() + dt.timedelta(days=1), tick=False):
        output = load_demo()

    assert counts() == first
    assert output.splitlines() == [
        "Demo content: sections 3 unchanged; people 3 unchanged; positions 4 unchanged; "
        "contacts 1 unchanged; events 3 unchanged; news items 5 unchanged."
    ]
    assert {item.slug: item.updated_at for item in NewsItem.objects.all()} == written
    presentation = NewsItem.objects.get(slug=PRESENTATION)
    assert presentation.people.count() == 2
    assert Event.objects.get(slug=presentation.event.slug).participants.count() == 2


@pytest.mark.django_db
def test_interview_is_dated_by_its_place_in_the_seed(moscow):
    """The seed gives the interview no date and lists it below the items of 19 July 2024
    (10:00) and above the presentation of 10 January 2023: it is published at 09:00 on
    19 July 2024, and sorts between them."""
    load_demo()
    interview = NewsItem.objects.get(slug=INTERVIEW)

    assert interview.published_at == dt.datetime(2024, 7, 19, 9, 0, tzinfo=MOSCOW)
    assert interview.kind == NewsItem.Kind.INTERVIEW
    assert interview.section.slug == "secretary-general"
    assert "BELTA" in interview.lead_en
    assert "БЕЛТА" in interview.lead_ru
    for language in ("en", "ru"):
        published = NewsItem.objects.published(language=language)
        assert list(published.values_list("slug", flat=True)) == SEED_ORDER


@pytest.mark.django_db
def test_press_secretary_tel_fax():
    load_demo()
    contact = Contact.objects.get()

    assert contact.person.slug == "vladimir-zaynetdinov"
    assert contact.kind == Contact.Kind.TEL_FAX
    assert contact.value == "+74956213323"  # the seed's +7495-621-33-23, in E.164
    assert contact.shown_value == "+7 495 621-33-23"
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
    assert statement.lead_en.startswith("Allow me to thank the Russian presidency")
    assert statement.body_en.count("<p>") == 1
    assert statement.body_en.startswith("<p>I highly appreciate my participation")
    assert "ШОС" in statement.lead_ru
    assert "ШОС" in statement.body_ru

    graduates = items["csto-secretariat-staff-met-with-graduates-of-central-asian-universities"]
    assert graduates.section.slug == "secretariat"
    assert graduates.event.kind == Event.Kind.MEETING
    assert timezone.localtime(graduates.published_at).date() == dt.date(2024, 7, 25)

    presentation = items[PRESENTATION]
    assert presentation.lead_en.startswith("Imangali Nurgalievich TASMAGAMBETOV, appointed")
    assert presentation.body_en.count("<p>") == 4
    assert "CSTO priorities in 2023." in presentation.body_en
    assert "приоритетов ОДКБ в 2023 году." in presentation.body_ru

    # Items of one paragraph in the seed have a lead and no body.
    assert {slug for slug, item in items.items() if not item.body_en} == {
        "csto-secretariat-staff-met-with-graduates-of-central-asian-universities",
        "csto-secretary-general-took-part-in-the-un-security-council-debate",
        INTERVIEW,
    }
    for item in items.values():
        assert item.status == NewsItem.Status.PUBLISHED
        assert bool(item.body_en) == bool(item.body_ru), item.slug
        for field in ("title", "lead"):
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
def test_the_lead_is_not_repeated_in_the_body(language):
    """The lead is the seed item's first paragraph and the body the others: the body
    does not start with the lead's words, and does not hold the lead anywhere."""
    load_demo()

    for item in NewsItem.objects.all():
        lead = getattr(item, f"lead_{language}")
        body = getattr(item, f"body_{language}")
        text = html_to_text(body)
        assert lead, item.slug
        assert not text.startswith(lead[:60]), item.slug
        assert lead not in text, item.slug
        assert f"<p>{lead}</p>" not in body, item.slug


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
