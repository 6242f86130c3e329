"""core.local_paths: the one rule for paths a link built from a request may lead to."""

import pytest

from core.local_paths import is_local_path
from tests.off_site_inputs import NORMAL_PATH, OFF_SITE


@pytest.mark.parametrize("value", OFF_SITE)
def test_a_path_that_could_lead_off_the_site_is_refused(value):
    assert not is_local_path(value)


@pytest.mark.parametrize(
    "value",
    [
        "///evil.example/",
        "/\t/evil.example/",
        "/\n/evil.example/",
        " //evil.example/",
        "/%5Cevil.example/",
        "",
        None,
    ],
)
def test_control_characters_encoded_backslashes_and_non_paths_are_refused(value):
    assert not is_local_path(value)


@pytest.mark.parametrize(
    "value",
    [NORMAL_PATH, "/", "/ru/news/statements/?page=2&q=a%2F%2Fb", "/news/?q=%0A", "/events/#x"],
)
def test_a_path_on_this_site_is_kept(value):
    assert is_local_path(value)
