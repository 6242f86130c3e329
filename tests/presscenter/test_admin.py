"""The editors' side: every admin page opens, and the newsroom's own admin behaviour."""

from urllib.parse import urlsplit

import pytest
from axes.models import AccessAttempt
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from news.models import Event, NewsItem, Section
from people.models import Contact, Person
from tests.factories import (
    ContactFactory,
    EventFactory,
    NewsItemFactory,
    PersonFactory,
    PositionFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


def make_instance(model, admin_user):
    """One saved object of ``model``, with related rows so that inlines have content."""
    if model is Section:
        return SectionFactory(russian=True)
    if model is Person:
        person = PersonFactory(russian=True)
        PositionFactory(person=person)
        ContactFactory(person=person, kind=Contact.Kind.EMAIL, value="press@odkb.example")
        return person
    if model is Event:
        return EventFactory(participants=[PersonFactory()])
    if model is NewsItem:
        return NewsItemFactory(published=True, people=[PersonFactory()], event=EventFactory())
    if model is Contact:
        return ContactFactory()
    if model is get_user_model():
        return admin_user
    if model is Group:
        return Group.objects.create(name="Editors")
    if model._meta.app_label == "axes":  # login attempts, written by the site itself
        fields = {"username": "editor", "ip_address": "192.0.2.1", "path_info": "/admin/login/"}
        if model is AccessAttempt:
            fields["failures_since_start"] = 1
        return model.objects.create(**fields)
    raise AssertionError(f"{model._meta.label} is registered in the admin: teach make_instance it")


def admin_pages():
    for model in sorted(admin.site._registry, key=lambda model: model._meta.label):
        pages = ["changelist", "search", "add", "change"]
        if hasattr(model, "get_absolute_url"):
            pages.append("view_on_site")
        for page in pages:
            yield pytest.param(model, page, id=f"{model._meta.label_lower}-{page}")


@pytest.mark.parametrize(("model", "page"), list(admin_pages()))
def test_every_admin_page_opens(admin_client, admin_user, model, page):
    """Changelist, search, add and change pages of every registered model answer 200.

    The admin checks some options only when a page renders (a misspelt date_hierarchy,
    a search field on a missing column, a broken list column), so opening them all,
    with a row to show, is the cheap safety net.
    """
    obj = make_instance(model, admin_user)
    prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    urls = {
        "changelist": reverse(f"{prefix}_changelist"),
        "search": reverse(f"{prefix}_changelist") + "?q=x",
        "add": reverse(f"{prefix}_add"),
        "change": reverse(f"{prefix}_change", args=[obj.pk]),
    }

    if page == "view_on_site":
        # "View on site" redirects to the public address; it needs get_absolute_url
        # to reverse, not the public page to work.
        content_type = ContentType.objects.get_for_model(model)
        response = admin_client.get(reverse("admin:view_on_site", args=[content_type.pk, obj.pk]))
        assert response.status_code == 302
        assert urlsplit(response["Location"]).path == obj.get_absolute_url()
        return

    response = admin_client.get(urls[page])

    if page == "add" and not admin.site._registry[model].has_add_permission(response.wsgi_request):
        assert response.status_code == 403  # nobody adds login attempts by hand
        return
    assert response.status_code == 200
    if page == "changelist":
        assert obj in response.context["cl"].result_list
    if page == "change":
        assert response.context["original"] == obj


def changelist(admin_user, rf, model, **params):
    """The admin's ChangeList for ``params``, without rendering the page."""
    request = rf.get("/admin/", params)
    request.user = admin_user
    return admin.site._registry[model].get_changelist_instance(request)


def test_the_changelist_search_finds_by_translated_title(admin_user, rf):
    wanted = NewsItemFactory(title_en="Summit in Minsk", russian=True)
    other = NewsItemFactory(title_en="Briefing")
    russian = NewsItemFactory(title_en="", title_ru="Саммит в Душанбе")

    found = set(changelist(admin_user, rf, NewsItem, q="summit").result_list)
    assert wanted in found
    assert other not in found

    assert set(changelist(admin_user, rf, NewsItem, q="Душанбе").result_list) == {russian}


def test_the_people_search_finds_either_spelling(admin_user, rf):
    person = PersonFactory(
        given_name_en="Imangali",
        family_name_en="Tasmagambetov",
        given_name_ru="Имангали",
        family_name_ru="Тасмагамбетов",
    )
    PersonFactory(family_name_en="Zaynetdinov")

    assert list(changelist(admin_user, rf, Person, q="Tasmag").result_list) == [person]
    assert list(changelist(admin_user, rf, Person, q="Тасмаг").result_list) == [person]


def newsitem_form_data(section, **fields):
    """What the admin's add form posts, inline management forms included."""
    data = {
        "title_en": "Secretary General visits Yerevan",
        "title_ru": "",
        "lead_en": "A working visit.",
        "lead_ru": "",
        "body_en": '<p onclick="x()">Talks were held.</p><script>alert(1)</script>',
        "body_ru": "",
        "kind": NewsItem.Kind.NEWS,
        "section": section.pk,
        "slug": "",
        "status": NewsItem.Status.DRAFT,
        "published_at_0": "",
        "published_at_1": "",
        "image_credit": "",
        "image_alt_en": "",
        "image_caption_en": "",
        "image_alt_ru": "",
        "image_caption_ru": "",
        "event": "",
    }
    for prefix in ("gallery", "attachments"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(fields)
    return data


def form_errors(response):
    context = response.context or {}
    errors = [context["adminform"].form.errors] if "adminform" in context else []
    errors += [fs.formset.errors for fs in context.get("inline_admin_formsets", [])]
    return errors


def test_adding_an_item_stamps_the_editor_as_author(admin_client, admin_user):
    section = SectionFactory()

    response = admin_client.post(
        reverse("admin:news_newsitem_add"), newsitem_form_data(section, slug="")
    )

    assert response.status_code == 302, form_errors(response)
    item = NewsItem.objects.get()
    assert item.author == admin_user
    assert item.slug == "secretary-general-visits-yerevan"
    assert item.body_en == "<p>Talks were held.</p>"


def test_editing_keeps_the_original_author(client, admin_user):
    author = get_user_model().objects.create_user("author", password="pw", is_staff=True)
    item = NewsItemFactory(author=author)
    client.force_login(admin_user)

    response = client.post(
        reverse("admin:news_newsitem_change", args=[item.pk]),
        newsitem_form_data(item.section, title_en="Corrected title", slug=item.slug),
    )

    assert response.status_code == 302, form_errors(response)
    item.refresh_from_db()
    assert item.title_en == "Corrected title"
    assert item.author == author


def test_the_admin_refuses_to_publish_without_a_time(admin_client):
    section = SectionFactory()

    response = admin_client.post(
        reverse("admin:news_newsitem_add"),
        newsitem_form_data(section, status=NewsItem.Status.PUBLISHED),
    )

    assert response.status_code == 200
    assert "published_at" in response.context["adminform"].form.errors
    assert not NewsItem.objects.exists()


def run_action(client, action, *items):
    return client.post(
        reverse("admin:news_newsitem_changelist"),
        {"action": action, "_selected_action": [item.pk for item in items]},
    )


def test_publish_now_publishes_a_draft(admin_client):
    draft = NewsItemFactory(draft=True)
    in_review = NewsItemFactory(status=NewsItem.Status.IN_REVIEW)
    untouched = NewsItemFactory(draft=True)
    before = timezone.now()

    response = run_action(admin_client, "publish_now", draft, in_review)

    assert response.status_code == 302
    for item in (draft, in_review):
        item.refresh_from_db()
        assert item.status == NewsItem.Status.PUBLISHED
        assert before <= item.published_at <= timezone.now()
    untouched.refresh_from_db()
    assert untouched.status == NewsItem.Status.DRAFT
    public = set(NewsItem.objects.published())
    assert public == {draft, in_review}


def test_publish_now_keeps_the_date_of_a_live_item(admin_client):
    live = NewsItemFactory(published=True)
    published_at = live.published_at

    run_action(admin_client, "publish_now", live)

    live.refresh_from_db()
    assert live.published_at == published_at


def test_publish_now_brings_a_scheduled_item_forward(admin_client):
    scheduled = NewsItemFactory(scheduled=True)

    run_action(admin_client, "publish_now", scheduled)

    scheduled.refresh_from_db()
    assert scheduled.is_published()
    assert scheduled in NewsItem.objects.published()


def test_return_to_draft_hides_an_item(admin_client):
    live = NewsItemFactory(published=True)

    response = run_action(admin_client, "return_to_draft", live)

    assert response.status_code == 302
    live.refresh_from_db()
    assert live.status == NewsItem.Status.DRAFT
    assert live not in NewsItem.objects.published()


def autocomplete(client, model_name, field_name, term, app_label="news"):
    response = client.get(
        "/admin/autocomplete/",
        {"app_label": app_label, "model_name": model_name, "field_name": field_name, "term": term},
    )
    assert response.status_code == 200
    return {row["text"] for row in response.json()["results"]}


def test_autocomplete_finds_people_for_a_news_item(admin_client):
    PersonFactory(given_name_en="Imangali", family_name_en="Tasmagambetov")
    PersonFactory(given_name_en="Vladimir", family_name_en="Zaynetdinov")

    assert autocomplete(admin_client, "newsitem", "people", "Tas") == {"Imangali Tasmagambetov"}


def test_autocomplete_finds_events_for_a_news_item(admin_client):
    EventFactory(title_en="UN Security Council debate")
    EventFactory(title_en="Meeting with graduates")

    assert autocomplete(admin_client, "newsitem", "event", "Security") == {
        "UN Security Council debate"
    }


def test_autocomplete_finds_participants_and_contact_owners(admin_client):
    PersonFactory(given_name_en="Imangali", family_name_en="Tasmagambetov")

    assert autocomplete(admin_client, "event", "participants", "Tas") == {"Imangali Tasmagambetov"}
    assert autocomplete(admin_client, "contact", "person", "Tas", app_label="people") == {
        "Imangali Tasmagambetov"
    }


def test_autocomplete_is_for_staff_only(client):
    response = client.get(
        "/admin/autocomplete/",
        {"app_label": "news", "model_name": "newsitem", "field_name": "people", "term": "Tas"},
    )

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
