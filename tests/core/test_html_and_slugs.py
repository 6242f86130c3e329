"""core.html and core.slugs: the HTML an editor may store, and slugs in any script."""

import pytest

from core.html import sanitize_html
from core.slugs import make_slug, transliterate, unique_slug
from news.models import Section


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
