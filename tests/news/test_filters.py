"""The news filters: when the filter panel opens."""

import pytest
from django.http import QueryDict
from django.urls import reverse

from news.filters import NewsFilter
from news.models import NewsItem
from tests.factories import SectionFactory

pytestmark = pytest.mark.django_db


def news_filter(query_string, **kwargs):
    data = QueryDict(query_string) if query_string else None
    return NewsFilter(data, queryset=NewsItem.objects.all(), **kwargs)


class TestIsActive:
    def test_no_query_string_is_not_active(self):
        assert not news_filter("").is_active

    @pytest.mark.parametrize(
        "query_string", ["q=council", "kind=statement", "date_from=2024-07-01", "q=x&page=2"]
    )
    def test_a_filter_with_a_value_is_active(self, query_string):
        assert news_filter(query_string).is_active

    def test_a_known_section_is_active(self):
        section = SectionFactory()
        assert news_filter(f"section={section.slug}").is_active

    @pytest.mark.parametrize("query_string", ["utm_source=x", "page=2", "q=&kind=&section="])
    def test_other_parameters_and_empty_filters_are_not_active(self, query_string):
        assert not news_filter(query_string).is_active

    @pytest.mark.parametrize("query_string", ["kind=zzz", "date_from=2024-13-45"])
    def test_a_refused_value_is_active(self, query_string):
        assert news_filter(query_string).is_active

    def test_the_section_filter_does_not_count_on_a_section_page(self):
        section = SectionFactory()
        assert not news_filter(f"section={section.slug}", section=section).is_active


class TestFilterPanel:
    @staticmethod
    def panel_is_open(client, params):
        html = client.get(reverse("news:list"), params).content.decode()
        return '<details class="filters" data-open-wide open>' in html

    def test_a_filter_in_the_query_string_opens_the_panel(self, client):
        assert self.panel_is_open(client, {"q": "council"})

    def test_an_unknown_parameter_leaves_it_folded(self, client):
        assert not self.panel_is_open(client, {"utm_source": "x"})
        assert not self.panel_is_open(client, {})

    def test_an_error_opens_the_panel(self, client):
        assert self.panel_is_open(client, {"date_to": "yesterday"})
