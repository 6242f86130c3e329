"""Arbitrary values in every public query parameter and path segment, in both
editions, never give a 500 (property-based, with hypothesis).

The values are what a client can send: any text percent-encoded as UTF-8 (control
characters and lone surrogates included, the latter as the bytes a surrogate would
take), arbitrary bytes that are not UTF-8 at all, unencoded reserved characters,
numbers, very long values, and a few known troublemakers. The test client re-raises
any exception a view lets out, so a failure shows its traceback."""

from urllib.parse import quote, quote_from_bytes

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import EventFactory, NewsItemFactory, PersonFactory

pytestmark = pytest.mark.django_db

EXAMPLES = settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

TROUBLEMAKERS = [
    "", "0", "-1", "1e309", "NaN", "99999999999999999999999", "2024-13-45", "0000-00-00",
    "9999-12-31", "0001-01-01", "%", "%%", "%zz", "%00", "%C0%AF", "%ED%A0%80", "%FF%FE",
    "..%2F..%2Fetc%2Fpasswd", "%3Cscript%3E", "'%20OR%201=1--", "%E2%80%A8", "[]", "{}",
]  # fmt: skip


def utf8_encoded(text):
    return quote(text.encode("utf-8", "surrogatepass"), safe="")


values = st.one_of(
    st.text(st.characters(exclude_categories=()), max_size=80).map(utf8_encoded),
    st.binary(max_size=40).map(lambda raw: quote_from_bytes(raw, safe="")),
    st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=30),  # unencoded
    st.integers().map(str),
    st.builds(lambda char, n: utf8_encoded(char * n), st.characters(), st.integers(500, 3000)),
    st.sampled_from(TROUBLEMAKERS),
)  # fmt: skip
editions = st.sampled_from(["", "/ru"])


@pytest.fixture
def content():
    """One of each public object, so that valid values also lead somewhere."""
    person = PersonFactory(russian=True)
    event = EventFactory(russian=True, participants=[person])
    item = NewsItemFactory(published=True, russian=True, people=[person], event=event)
    return {"section": item.section.slug, "item": item.slug}


def assert_answers(client, url):
    response = client.get(url)
    assert response.status_code < 500, url


QUERY_PARAMETERS = [
    ("/news/", name)
    for name in ("q", "section", "kind", "person", "event", "date_from", "date_to", "page")
] + [("/news/{section}/", "q"), ("/events/", "page"), ("/sitemap-news.xml", "p")]


@pytest.mark.parametrize(("path", "name"), QUERY_PARAMETERS)
def test_a_query_parameter_never_gives_a_500(client, content, path, name):
    path = path.format(**content)

    @EXAMPLES
    @given(value=values, prefix=editions, repeated=st.booleans())
    def check(value, prefix, repeated):
        query = f"{name}={value}" + (f"&{name}=1" if repeated else "")
        assert_answers(client, f"{prefix}{path}?{query}")

    check()


def test_all_news_filters_at_once_never_give_a_500(client, content):
    names = ["q", "section", "kind", "person", "event", "date_from", "date_to", "page"]

    @EXAMPLES
    @given(chosen=st.dictionaries(st.sampled_from(names), values, max_size=8), prefix=editions)
    def check(chosen, prefix):
        query = "&".join(f"{name}={value}" for name, value in chosen.items())
        assert_answers(client, f"{prefix}/news/?{query}")

    check()


PATHS = ["/news/{x}/", "/news/{section}/{x}/", "/news/{x}/{y}/", "/events/{x}/", "/people/{x}/"]


@pytest.mark.parametrize("path", PATHS)
def test_a_path_segment_never_gives_a_500(client, content, path):
    @EXAMPLES
    @given(x=values, y=values, prefix=editions)
    def check(x, y, prefix):
        assert_answers(client, prefix + path.format(x=x, y=y, section=content["section"]))

    check()
