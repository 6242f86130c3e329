import pytest
from django.urls import reverse, set_script_prefix
from django.utils import translation

from core.reversing import slug_url


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize(
    ("viewname", "kwargs"),
    [
        ("news:detail", {"section": "secretary-general", "slug": "statement-at-the-un-2"}),
        ("news:section", {"section": "secretariat"}),
        ("news:event_detail", {"slug": "un-security-council-debate"}),
        ("people:detail", {"slug": "imangali-tasmagambetov"}),
    ],
)
def test_slug_url_is_what_reverse_gives(language, viewname, kwargs):
    with translation.override(language):
        assert slug_url(viewname, **kwargs) == reverse(viewname, kwargs=kwargs)


def test_slug_url_follows_the_script_prefix():
    try:
        set_script_prefix("/press/")
        assert slug_url("people:detail", slug="x") == "/press/people/x/"
    finally:
        set_script_prefix("/")
