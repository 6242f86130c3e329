"""core.html and core.slugs: the HTML an editor may store, and slugs in any script."""

import pytest
from django.db import IntegrityError, transaction

from core import slugs
from core.html import sanitize_html
from core.slugs import make_slug, transliterate, unique_slug
from news.models import NewsItem, Section
from tests.factories import EventFactory, NewsItemFactory, PersonFactory, SectionFactory


class TestSanitizeHtml:
    @pytest.mark.parametrize("empty", [None, ""])
    def test_nothing_gives_an_empty_string(self, empty):
        assert sanitize_html(empty) == ""

    def test_scripts_are_removed_with_their_content(self):
        assert sanitize_html("<p>Text</p><script>alert(document.cookie)</script>") == (
            "<p>Text</p>"
        )

    def test_style_blocks_are_removed_with_their_content(self):
        assert sanitize_html("<style>body{display:none}</style><p>Text</p>") == "<p>Text</p>"

    @pytest.mark.parametrize(
        "html",
        [
            '<p onclick="steal()">Text</p>',
            '<p style="position:fixed">Text</p>',
            '<p class="x" id="y">Text</p>',
        ],
    )
    def test_attributes_outside_the_list_are_removed(self, html):
        assert sanitize_html(html) == "<p>Text</p>"

    @pytest.mark.parametrize(
        "href",
        [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "vbscript:msgbox(1)",
        ],
    )
    def test_dangerous_link_schemes_are_removed(self, href):
        cleaned = sanitize_html(f'<a href="{href}">link</a>')

        assert "href" not in cleaned
        assert ">link</a>" in cleaned

    @pytest.mark.parametrize(
        "href", ["https://www.un.org/", "http://odkb-csto.org/", "mailto:odkb@gov.ru", "/news/"]
    )
    def test_safe_links_are_kept_with_noopener(self, href):
        cleaned = sanitize_html(f'<a href="{href}" title="More">link</a>')

        assert f'href="{href}"' in cleaned
        assert 'title="More"' in cleaned
        assert 'rel="noopener noreferrer"' in cleaned

    def test_an_editor_supplied_rel_or_target_is_dropped(self):
        cleaned = sanitize_html('<a href="https://x.example/" rel="opener" target="_blank">x</a>')

        assert cleaned == '<a href="https://x.example/" rel="noopener noreferrer">x</a>'

    @pytest.mark.parametrize(
        "tag", ["iframe", "form", "object", "embed", "img", "svg", "video", "input", "base"]
    )
    def test_embedding_and_form_tags_are_removed(self, tag):
        cleaned = sanitize_html(f'<{tag} src="https://evil.example/"></{tag}><p>ok</p>')

        assert f"<{tag}" not in cleaned
        assert "<p>ok</p>" in cleaned

    def test_structure_is_kept(self):
        html = (
            "<h2>Heading</h2><p>A <strong>strong</strong>, <em>emphasised</em> and "
            '<abbr title="Collective Security Treaty Organization">CSTO</abbr> text.</p>'
            "<blockquote><p>Quote</p></blockquote>"
            '<ol start="3"><li>three</li></ol>'
            '<table><caption>Votes</caption><thead><tr><th scope="col">For</th></tr></thead>'
            '<tbody><tr><td colspan="2">12</td></tr></tbody></table>'
        )

        assert sanitize_html(html) == html

    def test_unbalanced_markup_is_closed(self):
        assert sanitize_html("<p><strong>Open") == "<p><strong>Open</strong></p>"

    def test_text_that_looks_like_markup_is_escaped(self):
        assert sanitize_html("1 < 2 & 3 > 2") == "1 &lt; 2 &amp; 3 &gt; 2"


class TestMakeSlug:
    @pytest.mark.parametrize(
        ("text", "slug"),
        [
            ("Statement by the Secretary General", "statement-by-the-secretary-general"),
            ("Тасмагамбетов", "tasmagambetov"),
            ("Вольфович", "volfovich"),
            ("Щит Союза — 2025", "shchit-soyuza-2025"),
            ("ОДКБ и ООН", "odkb-i-oon"),
            ("Ёлка", "yolka"),
            ("Қазақстан", "kazakstan"),
            ("Українська", "ukrayinska"),
            ("CSTO — ОДКБ", "csto-odkb"),
        ],
    )
    def test_slugs(self, text, slug):
        assert make_slug(text) == slug

    @pytest.mark.parametrize("text", ["", None, "!!!", "🎉🎉🎉", "— « » …", "   "])
    def test_never_empty(self, text):
        assert make_slug(text) == "item"
        assert make_slug(text, fallback="news") == "news"

    def test_length_is_capped_without_a_trailing_dash(self):
        slug = make_slug("ab " * 50, max_length=10)

        assert len(slug) <= 10
        assert not slug.endswith("-")
        assert slug.startswith("ab-ab")

    def test_transliteration_keeps_capitals_and_other_characters(self):
        assert transliterate("Шойгу, 2025!") == "Shoygu, 2025!"


@pytest.mark.django_db
class TestUniqueSlug:
    def test_free_slug_is_used_as_is(self):
        assert unique_slug(Section, "Statements") == "statements"

    def test_taken_slugs_get_the_next_free_number(self):
        Section.objects.create(name_en="A", slug="statements")
        Section.objects.create(name_en="B", slug="statements-2")

        assert unique_slug(Section, "Statements") == "statements-3"

    def test_the_object_itself_does_not_count(self):
        section = Section.objects.create(name_en="Statements")

        assert section.slug == "statements"
        assert unique_slug(Section, "Statements", exclude_pk=section.pk) == "statements"
        assert unique_slug(Section, "Statements") == "statements-2"

    def test_room_is_left_for_the_suffix(self):
        Section.objects.create(name_en="A", slug=make_slug("x" * 300, max_length=16))

        slug = unique_slug(Section, "x" * 300, max_length=20)

        assert slug == "x" * 16 + "-2"
        assert len(slug) <= 20

    def test_fallback_slugs_are_unique_too(self):
        Section.objects.create(name_en="A", slug="section")

        assert unique_slug(Section, "???", fallback="section") == "section-2"

    def test_one_query_however_many_suffixes_are_taken(self, django_assert_num_queries):
        taken = ["statements", *(f"statements-{n}" for n in range(2, 40) if n != 17)]
        # Not of the family: another base, a longer word, a suffix that is not a number.
        others = ["statements-of-the-day", "statementsx-2", "statements-2b", "other-statements-17"]
        Section.objects.bulk_create(
            Section(name_en=slug, name_ru=slug, slug=slug) for slug in (*taken, *others)
        )
        with django_assert_num_queries(1):
            assert unique_slug(Section, "Statements") == "statements-17"
        Section.objects.create(name_en="Statements", slug="statements-17")
        with django_assert_num_queries(1):
            assert unique_slug(Section, "Statements") == "statements-40"

    def test_a_thousand_namesakes_still_fit_the_length(self):
        taken = ["ab", *(f"ab-{n}" for n in range(2, 1000))]
        Section.objects.bulk_create(Section(name_en=s, name_ru=s, slug=s) for s in taken)

        slug = unique_slug(Section, "ab" * 10, max_length=6)

        assert len(slug) <= 6
        assert slug not in taken
        assert slug == "a"


def taken_once(real, taken):
    """A stand-in for ``unique_slug`` that answers ``taken`` once, as when another save
    took the same slug between the check and the insert, then asks the real one."""
    calls = []

    def stand_in(*args, **kwargs):
        calls.append(args)
        return taken if len(calls) == 1 else real(*args, **kwargs)

    stand_in.calls = calls
    return stand_in


@pytest.mark.django_db(transaction=True)
class TestConcurrentSaves:
    """Two saves that pick the same slug: the database's unique constraint refuses the
    second insert, and the save retries with a fresh slug inside a savepoint. Run
    outside a test transaction, as a request runs."""

    @pytest.mark.parametrize("kind", ["section", "event", "newsitem", "person"])
    def test_the_losing_save_takes_another_slug(self, monkeypatch, kind):
        section = SectionFactory(name_en="Home")
        build = {
            "section": lambda: SectionFactory.build(name_en="Statements"),
            "event": lambda: EventFactory.build(title_en="Statements"),
            "newsitem": lambda: NewsItemFactory.build(title_en="Statements", section=section),
            "person": lambda: PersonFactory.build(given_name_en="", family_name_en="Statements"),
        }[kind]
        winner, loser = build(), build()
        winner.save()
        assert winner.slug == "statements"
        stand_in = taken_once(slugs.unique_slug, "statements")
        module = "people.models" if kind == "person" else "news.models"
        monkeypatch.setattr(f"{module}.unique_slug", stand_in)

        loser.save()

        assert loser.slug == "statements-2"
        assert len(stand_in.calls) == 2
        assert type(loser).objects.filter(slug__startswith="statements").count() == 2

    def test_a_save_inside_a_transaction_keeps_the_transaction(self, monkeypatch):
        SectionFactory(name_en="Statements")
        monkeypatch.setattr("news.models.unique_slug", taken_once(slugs.unique_slug, "statements"))
        with transaction.atomic():
            section = Section(name_en="Statements", name_ru="Заявления")
            section.save()
            assert Section.objects.count() == 2
        assert Section.objects.get(pk=section.pk).slug == "statements-2"

    def test_other_integrity_errors_are_not_retried(self, monkeypatch):
        # A published item without a publication time breaks a check constraint.
        item = NewsItem(title_en="Statements", section=SectionFactory(), status="published")
        stand_in = taken_once(slugs.unique_slug, "fresh")
        monkeypatch.setattr("news.models.unique_slug", stand_in)

        with pytest.raises(IntegrityError):
            item.save()

        assert len(stand_in.calls) == 1
        assert not NewsItem.objects.exists()

    def test_retries_are_bounded(self, monkeypatch):
        SectionFactory(name_en="Statements")
        calls = []
        monkeypatch.setattr(
            "news.models.unique_slug", lambda *args, **kwargs: calls.append(args) or "statements"
        )

        with pytest.raises(IntegrityError):
            Section(name_en="Statements", name_ru="Заявления").save()

        assert len(calls) == 5
        assert Section.objects.count() == 1
