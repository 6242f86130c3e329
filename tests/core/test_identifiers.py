"""Permanent ids (tag URIs) and the checks of the settings they are built from."""

import datetime
from types import SimpleNamespace

import pytest

from core.checks import tag_uri_settings
from core.identifiers import is_valid_date, is_valid_domain, object_tag_uri, tag_uri


def test_a_tag_uri_names_the_domain_a_day_and_the_thing(settings):
    settings.PRESSCENTER_TAG_DOMAIN = "odkb-csto.example"
    settings.PRESSCENTER_TAG_DATE = "2003-05-14"
    assert tag_uri("en/news") == "tag:odkb-csto.example,2003-05-14:en/news"
    assert tag_uri("news/5", datetime.date(2024, 7, 19)) == (
        "tag:odkb-csto.example,2024-07-19:news/5"
    )


def test_an_objects_day_is_its_creation_in_utc(settings):
    settings.PRESSCENTER_TAG_DOMAIN = "press.example.org"
    # Half past midnight in Moscow is still the previous day in UTC.
    moscow = datetime.timezone(datetime.timedelta(hours=3))
    created = datetime.datetime(2024, 7, 19, 0, 30, tzinfo=moscow)
    obj = SimpleNamespace(pk=123, created_at=created)
    assert object_tag_uri(obj, "news") == "tag:press.example.org,2024-07-18:news/123"


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("press.example.org", True),
        ("odkb-csto.org", True),
        ("localhost", True),
        ("Press.Example.org", False),
        ("https://press.example.org", False),
        ("press.example.org:8000", False),
        ("-press.example.org", False),
        ("", False),
    ],
)
def test_domains(value, valid):
    assert is_valid_domain(value) is valid


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("2024", True),
        ("2024-07", True),
        ("2024-07-19", True),
        ("2024-13-01", False),
        ("2024-02-30", False),
        ("19.07.2024", False),
        ("", False),
    ],
)
def test_dates(value, valid):
    assert is_valid_date(value) is valid


def test_the_system_check_names_a_bad_setting(settings):
    assert tag_uri_settings(None) == []
    settings.PRESSCENTER_TAG_DOMAIN = "https://press.example.org/"
    settings.PRESSCENTER_TAG_DATE = "yesterday"
    assert [error.id for error in tag_uri_settings(None)] == ["core.E001", "core.E002"]
