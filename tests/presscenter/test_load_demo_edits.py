"""``manage.py load_demo`` runs on every ``make run``: it must leave alone what editors
have changed since it loaded it, and follow the seed everywhere else."""

import copy
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from news.models import Event, NewsItem, Section
from people.models import Person, Position
from presscenter.demo import content, seed
from presscenter.models import DemoRecord

GRADUATES = "csto-secretariat-staff-met-with-graduates-of-central-asian-universities"
DEBATE = "csto-secretary-general-took-part-in-the-un-security-council-debate"
PRESENTATION = "newly-appointed-secretary-general-presented"
INTERVIEW = "interview-of-the-csto-secretary-general-to-belta"
CHAIRMAN = "Chairman of the Committee of Secretaries of Security Council (CSSC)"
CHANGED = "Left alone, changed since the demo loaded them: "
UNRECORDED = (
    "Left alone, not loaded by the demo and different from it (delete one and run again to "
    "have the demo's version): "
)
UNCHANGED = (
    "Demo content: sections 3 unchanged; people 3 unchanged; positions 4 unchanged; "
    "contacts 1 unchanged; events 3 unchanged; news items 5 unchanged."
)

pytestmark = pytest.mark.django_db


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def seed_changes(monkeypatch):
    """Change the seed for the next runs: ``seed_changes(edit)`` calls ``edit(data)`` on
    a copy of what ``content.read()`` returns."""
    read = content.read

    def change(edit):
        data = copy.deepcopy(read())
        edit(data)
        monkeypatch.setattr(content, "read", lambda: data)

    return change


def news_record(data, slug):
    return next(record for record in data["news"] if record["fields"]["slug"] == slug)


def test_an_edited_title_survives_and_is_named():
    load_demo()
    item = NewsItem.objects.get(slug=GRADUATES)
    item.title_en = "Graduates of Central Asian universities at the Secretariat"
    item.save()

    output = load_demo()

    item.refresh_from_db()
    assert item.title_en == "Graduates of Central Asian universities at the Secretariat"
    assert f"{CHANGED}news item '{GRADUATES}'." in output
    assert "news items 4 unchanged, 1 left alone." in output
    # And on every later run.
    assert f"{CHANGED}news item '{GRADUATES}'." in load_demo()


def test_edits_through_update_and_relations_count_too():
    load_demo()
    NewsItem.objects.filter(slug=DEBATE).update(status=NewsItem.Status.DRAFT)
    NewsItem.objects.get(slug=PRESENTATION).people.remove(
        Person.objects.get(slug="alexander-volfovich")
    )
    Event.objects.get(slug="presentation-of-the-csto-secretary-general-2023").participants.clear()

    output = load_demo()

    assert NewsItem.objects.get(slug=DEBATE).status == NewsItem.Status.DRAFT
    assert NewsItem.objects.get(slug=PRESENTATION).people.count() == 1
    assert (
        f"{CHANGED}event 'presentation-of-the-csto-secretary-general-2023', "
        f"news item '{PRESENTATION}', news item '{DEBATE}'." in output
    )


def test_what_the_demo_does_not_write_is_not_an_edit(seed_changes):
    """Photos, images and section descriptions are the editors' to add."""
    load_demo()
    Person.objects.filter(slug="imangali-tasmagambetov").update(
        photo="people/2024/tasmagambetov.jpg", photo_alt_en="Imangali Tasmagambetov"
    )
    NewsItem.objects.filter(slug=GRADUATES).update(
        image="news/2024/07/graduates.jpg", image_alt_en="Graduates at the Secretariat"
    )
    Section.objects.filter(slug="secretariat").update(description_en="The working body.")

    assert load_demo() == UNCHANGED + "\n"

    # They still follow the seed, and keep what the editors added.
    def edit(data):
        data["sections"][2]["name_ru"] = "Секретариат ОДКБ"
        news_record(data, GRADUATES)["fields"]["title_ru"] = "Встреча с выпускниками"

    seed_changes(edit)
    output = load_demo()

    assert "sections 1 updated, 2 unchanged" in output
    assert "news items 1 updated, 4 unchanged" in output
    section = Section.objects.get(slug="secretariat")
    assert (section.name_ru, section.description_en) == ("Секретариат ОДКБ", "The working body.")
    item = NewsItem.objects.get(slug=GRADUATES)
    assert (item.title_ru, item.image.name) == (
        "Встреча с выпускниками",
        "news/2024/07/graduates.jpg",
    )


def test_unchanged_objects_follow_the_seed(seed_changes):
    load_demo()

    def edit(data):
        news_record(data, DEBATE)["fields"]["title_en"] = "A new title from the seed"
        volfovich = next(p for p in data["people"] if p["fields"]["slug"] == "alexander-volfovich")
        volfovich["positions"][1]["title_ru"] = "Госсекретарь Совета Безопасности"

    seed_changes(edit)
    output = load_demo()

    assert "positions 1 updated, 3 unchanged" in output
    assert "news items 1 updated, 4 unchanged" in output
    assert "Left alone" not in output
    assert NewsItem.objects.get(slug=DEBATE).title_en == "A new title from the seed"
    assert Position.objects.filter(title_ru="Госсекретарь Совета Безопасности").exists()
    # The new values are recorded: the next run finds them unchanged.
    assert load_demo() == UNCHANGED + "\n"


def test_an_edited_object_does_not_follow_the_seed(seed_changes):
    load_demo()
    NewsItem.objects.filter(slug=DEBATE).update(lead_en="The editor's lead.")
    seed_changes(lambda data: news_record(data, DEBATE)["fields"].update(title_en="Seed title"))

    output = load_demo()

    item = NewsItem.objects.get(slug=DEBATE)
    assert (item.lead_en, item.title_en) == (
        "The editor's lead.",
        "The CSTO Secretary General Imangali Tasmagambetov took part in the debate at the "
        "UN Security Council",
    )
    assert f"{CHANGED}news item '{DEBATE}'." in output


def test_a_changed_key_does_not_bring_a_copy_back():
    """An edited slug or English title is an edit like any other: the demo finds the
    object it made by its record, and does not make a second one."""
    load_demo()
    NewsItem.objects.filter(slug=DEBATE).update(slug="debate-at-the-un-security-council")
    Position.objects.filter(title_en=CHAIRMAN).update(
        title_en="Chairman of the Committee of Secretaries of Security Councils (CSSC)"
    )

    output = load_demo()

    assert NewsItem.objects.count() == 5
    assert not NewsItem.objects.filter(slug=DEBATE).exists()
    assert Position.objects.count() == 4
    assert f"{CHANGED}position 'alexander-volfovich/{CHAIRMAN}', news item '{DEBATE}'." in output


def test_a_database_loaded_before_posts_had_ranks_follows_the_seed():
    """Records written before the demo set a post's rank and whether it is in the
    organisation still match their positions (holding the columns' defaults, as the
    migration left them): the positions take the seed's values, none is left alone."""
    load_demo()
    Position.objects.update(in_organisation=True, rank=100)
    for record in DemoRecord.objects.filter(content_type__model="position"):
        position = Position.objects.get(pk=record.object_pk)
        old_fields = ["person", "title_en", "title_ru", "organisation_en", "organisation_ru",
                      "start_date", "end_date"]  # fmt: skip
        record.digest = seed.digest(seed.stored_values(position, old_fields, {}))
        record.save()

    output = load_demo()

    assert "positions 4 updated;" in output
    assert "Left alone" not in output
    assert not Position.objects.filter(person__slug="alexander-volfovich", in_organisation=True)
    assert Position.objects.filter(rank=10).count() == 1
    assert load_demo() == UNCHANGED + "\n"


def test_a_deleted_object_is_made_again():
    load_demo()
    NewsItem.objects.filter(slug=GRADUATES).delete()

    output = load_demo()

    assert NewsItem.objects.filter(slug=GRADUATES).exists()
    assert "news items 1 created, 4 unchanged." in output
    assert load_demo() == UNCHANGED + "\n"


def test_objects_without_a_record_are_recorded_when_they_match_the_seed():
    """Objects an older loader made, or an editor typed in exactly as the seed has them."""
    load_demo()
    DemoRecord.objects.all().delete()

    assert load_demo() == UNCHANGED + "\n"
    assert DemoRecord.objects.count() == 3 + 3 + 4 + 1 + 3 + 5

    NewsItem.objects.filter(slug=GRADUATES).update(title_en="Edited")
    assert f"{CHANGED}news item '{GRADUATES}'." in load_demo()


def test_objects_without_a_record_that_differ_are_left_alone():
    """An older loader published the interview at the time of the first load; an editor
    wrote an item under one of the demo's slugs. Neither is the demo's to change."""
    load_demo()
    DemoRecord.objects.all().delete()
    NewsItem.objects.filter(slug=INTERVIEW).update(published_at=timezone.now())
    Section.objects.filter(slug="secretariat").update(name_en="The Secretariat")

    output = load_demo()

    assert f"{UNRECORDED}section 'secretariat', news item '{INTERVIEW}'." in output.splitlines()
    assert Section.objects.get(slug="secretariat").name_en == "The Secretariat"
    assert not DemoRecord.objects.filter(key__in=["secretariat", INTERVIEW]).exists()
    assert "news items 4 unchanged, 1 left alone" in output


def test_an_editors_item_under_a_demo_slug_is_left_alone_on_the_first_load():
    section = Section.objects.create(slug="news", name_en="News", name_ru="Новости")
    NewsItem.objects.create(
        slug=DEBATE, section=section, title_en="Our own item", title_ru="Наша новость"
    )

    output = load_demo()

    assert NewsItem.objects.get(slug=DEBATE).title_en == "Our own item"
    assert "news items 4 created, 1 left alone." in output
    assert f"{UNRECORDED}news item '{DEBATE}'." in output


def test_saving_in_the_admin_without_changes_is_not_an_edit(admin_client):
    """What a browser posts back (text areas with CRLF line ends, empty fields) stores
    the same values."""
    load_demo()
    item = NewsItem.objects.get(slug=PRESENTATION)
    published = timezone.localtime(item.published_at)
    data = {
        **{
            f"{name}_{code}": getattr(item, f"{name}_{code}").replace("\n", "\r\n")
            for name in ("title", "lead", "body")
            for code in ("en", "ru")
        },
        "kind": item.kind,
        "section": item.section_id,
        "slug": item.slug,
        "status": item.status,
        "published_at_0": published.strftime("%Y-%m-%d"),
        "published_at_1": published.strftime("%H:%M:%S"),
        "image_credit": "",
        "image_alt_en": "",
        "image_caption_en": "",
        "image_alt_ru": "",
        "image_caption_ru": "",
        "people": [p.pk for p in item.people.all()],
        "event": item.event_id,
    }
    for prefix in ("gallery", "attachments"):
        data |= {
            f"{prefix}-TOTAL_FORMS": "0",
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }

    response = admin_client.post(reverse("admin:news_newsitem_change", args=[item.pk]), data)

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.author is not None  # the admin stamped the editor
    assert load_demo() == UNCHANGED + "\n"
