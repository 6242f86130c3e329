"""No link the site builds from a request leads off the site: the language switcher
and the admin login's ``next`` (``core.local_paths``); "Go back" is tested in Node
(tests/news/test_go_back_script.py). Each is tried with the same inputs."""

import re
from html import unescape
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from django.urls import reverse

from tests.off_site_inputs import NORMAL_PATH, OFF_SITE

pytestmark = pytest.mark.django_db


def switcher_links(html):
    """The language switcher's links, and every hreflang alternate in the head."""
    nav = html[html.index('class="lang-switch"') :]
    nav = nav[: nav.index("</nav>")]
    links = dict(re.findall(r'href="([^"]+)" hreflang="(\w+)"', nav))
    return links, re.findall(r'hreflang="\w+" href="([^"]+)"', html)


def host_reached(page, href):
    """The host a browser goes to from ``page`` by following ``href``: it reads a
    backslash as a slash and drops tabs and newlines."""
    href = unescape(href).replace("\\", "/")
    href = "".join(char for char in href if char not in "\t\n\r")
    return urlsplit(urljoin(page, href)).netloc


@pytest.mark.parametrize("path", OFF_SITE)
@pytest.mark.parametrize("prefix", ["", "/ru"], ids=["en", "ru"])
def test_the_language_switcher_never_leads_off_the_site(client, prefix, path):
    """``GET //evil.example/`` once rendered a "RU" link to ``//evil.example/ru/``. The
    path reaches Django as a server hands it over: percent-decoded (``%2F`` is ``/``),
    and with the test client's reading of ``//host`` as a host left out."""
    path_info = unquote(prefix + path) if path.startswith("/") else path
    response = client.get("/", PATH_INFO=path_info)
    assert response.status_code in (200, 404)
    links, alternates = switcher_links(response.content.decode())
    page = "http://testserver" + response.wsgi_request.get_full_path()
    for href in [*links, *alternates]:
        assert host_reached(page, href) == "testserver", href
    if path_info.startswith(("//", "/\\")):
        # Refused: the switcher offers the other edition's home page.
        assert set(links) == {"/ru/" if prefix == "" else "/"}


@pytest.mark.parametrize("prefix", ["", "/ru"], ids=["en", "ru"])
def test_the_language_switcher_leads_a_normal_path_to_the_same_page(client, prefix):
    links, _alternates = switcher_links(client.get(prefix + NORMAL_PATH).content.decode())
    other = "/ru/news/" if not prefix else NORMAL_PATH
    assert links == {other: "en" if prefix else "ru"}


@pytest.mark.parametrize("next_path", OFF_SITE)
def test_the_admin_login_never_follows_an_off_site_next(client, admin_user, next_path):
    form = client.get(reverse("admin:login"), {"next": next_path}).content.decode()
    assert '<input type="hidden" name="next" value="/admin/">' in form
    response = client.post(
        reverse("admin:login") + "?" + f"next={next_path}",
        {"username": admin_user.username, "password": "password", "next": next_path},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_the_admin_login_follows_a_next_on_this_site(client, admin_user):
    response = client.post(
        reverse("admin:login") + f"?next={NORMAL_PATH}",
        {"username": admin_user.username, "password": "password", "next": NORMAL_PATH},
    )
    assert response.status_code == 302
    assert response["Location"] == NORMAL_PATH
