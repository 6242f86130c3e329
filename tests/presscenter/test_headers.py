"""The security headers: every public page, the admin and the error pages carry them,
the Content Security Policy runs no inline script, and the Observatory's rules grade
the site A+ (tests/observatory.py)."""

import re
from http.cookies import SimpleCookie

import pytest
from django.urls import reverse

from tests import observatory
from tests.factories import (
    ContactFactory,
    EventFactory,
    NewsItemFactory,
    PositionFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db

# What the A+ rests on, header by header.
REQUIRED = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
CSP_DIRECTIVES = {
    "default-src": {"'self'"},
    "script-src": {"'self'"},
    "style-src": {"'self'"},
    "object-src": {"'none'"},
    "base-uri": {"'self'"},
    "form-action": {"'self'"},
    "frame-ancestors": {"'none'"},
}

SCRIPT_TAG = re.compile(r"<script\b[^>]*>")
INLINE_STYLE_OR_HANDLER = re.compile(r"<style\b|\sstyle=|\son[a-z]+=", re.IGNORECASE)


@pytest.fixture
def site():
    """One of everything, in both editions."""
    section = SectionFactory(russian=True)
    item = NewsItemFactory(published=True, section=section, russian=True)
    event = EventFactory(russian=True)
    person = PositionFactory(person__russian=True).person
    ContactFactory(in_footer=True)
    return {"section": section, "item": item, "event": event, "person": person}


def public_pages(site):
    pages = [
        reverse("home"),
        reverse("news:list"),
        reverse("news:section", kwargs={"section": site["section"].slug}),
        site["item"].get_absolute_url(),
        reverse("news:event_list"),
        site["event"].get_absolute_url(),
        reverse("people:list"),
        site["person"].get_absolute_url(),
        reverse("people:contacts"),
        reverse("news:feed_rss"),
        reverse("news:feed_atom"),
        reverse("news:calendar"),
        reverse("people:contacts_vcf"),
        reverse("people:contacts_csv"),
        "/sitemap.xml",
        "/robots.txt",
        "/no-such-page/",
    ]
    return pages + [f"/ru{page}" for page in pages if not page.startswith(("/sitemap", "/rob"))]


def assert_security_headers(response, required=REQUIRED):
    for header, value in required.items():
        assert response.get(header) == value, (response.wsgi_request.path, header)
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    csp = observatory.parse_csp(response["Content-Security-Policy"])
    for directive, sources in CSP_DIRECTIVES.items():
        assert csp[directive] == sources, (response.wsgi_request.path, directive)
    assert csp["img-src"] >= {"'self'", "data:"}
    script = csp["script-src"]
    assert not script & {"'unsafe-inline'", "'unsafe-eval'", "data:", "https:", "*"}
    return csp


def test_every_public_page_carries_the_headers(client, site):
    for path in public_pages(site):
        response = client.get(path)
        assert response.status_code in (200, 404), path
        assert_security_headers(response)


def test_public_pages_carry_no_nonce(client, site):
    """No public page has an inline script, so none needs a nonce: a stored page
    replayed to another visitor is as right as it was for the first."""
    for path in public_pages(site):
        response = client.get(path)
        assert "nonce-" not in response["Content-Security-Policy"]
        assert b"nonce=" not in response.content


def test_public_pages_run_no_inline_script_or_style(client, site):
    """The policy would block them: scripts and styles are files. (A JSON-LD block is
    data, not script, and runs nothing.)"""
    for path in public_pages(site):
        html = client.get(path).content.decode()
        assert not INLINE_STYLE_OR_HANDLER.search(html), path
        for opening in SCRIPT_TAG.findall(html):
            assert "src=" in opening or "application/ld+json" in opening, (path, opening)


def test_a_stored_page_is_served_with_the_headers(client, settings, site):
    settings.PAGE_CACHE_SECONDS = 600
    first = client.get("/")
    again = client.get("/")
    assert (first["X-Page-Cache"], again["X-Page-Cache"]) == ("miss", "hit")
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert_security_headers(again)


def test_the_admin_carries_the_headers(client, admin_client, site):
    assert_security_headers(client.get(reverse("admin:login")))
    item = site["item"]
    for url in (
        reverse("admin:index"),
        reverse("admin:news_newsitem_changelist"),
        reverse("admin:news_newsitem_change", args=[item.pk]),
        reverse("admin:news_newsitem_add"),
        reverse("admin:news_event_change", args=[site["event"].pk]),
        reverse("admin:autocomplete") + "?app_label=news&model_name=newsitem&field_name=people",
    ):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert_security_headers(response)


def test_the_admin_change_form_runs_no_inline_script_or_style(admin_client, site):
    """Django's admin passes data to its scripts in data attributes and JSON blocks,
    which the policy allows; nothing on the form is inline code."""
    for url in (
        reverse("admin:news_newsitem_change", args=[site["item"].pk]),
        reverse("admin:news_newsitem_changelist"),
    ):
        html = admin_client.get(url).content.decode()
        assert not INLINE_STYLE_OR_HANDLER.search(html), url
        for opening in SCRIPT_TAG.findall(html):
            assert "src=" in opening or 'type="application/json"' in opening, opening


def test_error_pages_carry_the_headers(client, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    response = client.get("/", headers={"Host": "forged.example"})
    assert response.status_code == 400
    # Refused before the frame-options middleware runs; frame-ancestors says the same.
    assert_security_headers(response, {k: v for k, v in REQUIRED.items() if k != "X-Frame-Options"})
    assert b"<style" not in response.content


def test_the_observatory_grades_the_site_a_plus(client, settings, site):
    """The Observatory asks for / over http and over https and collects the cookies
    both set; the score is worked out from its published rules."""
    settings.SECURE_SSL_REDIRECT = True
    http = client.get("/")
    https = client.get("/", secure=True)
    cookies = list(SimpleCookie(http.cookies.output(header="")).values())
    cookies += list(https.cookies.values())
    grade = observatory.grade(https, http, cookies)
    assert grade.results["content-security-policy"] == "csp-implemented-with-no-unsafe"
    assert grade.results["strict-transport-security"] == (
        "hsts-implemented-max-age-at-least-six-months"
    )
    assert grade.results["redirection"] == "redirection-to-https"
    assert grade.results["x-frame-options"] == "x-frame-options-implemented-via-csp"
    assert grade.results["referrer-policy"] == "referrer-policy-private"
    assert grade.results["cross-origin-opener-policy"] == "coop-implemented-with-same-origin"
    assert grade.grade == "A+", grade.results
    assert grade.score == 125


def test_the_observatory_grades_the_admin_login_a_plus(client, settings):
    """The login page sets the CSRF cookie: Secure, HttpOnly, SameSite=Lax."""
    settings.SECURE_SSL_REDIRECT = True
    http = client.get(reverse("admin:login"))
    https = client.get(reverse("admin:login"), secure=True)
    grade = observatory.grade(https, http, list(https.cookies.values()))
    assert grade.results["cookies"] == "cookies-secure-with-httponly-sessions-and-samesite"
    assert grade.grade == "A+", grade.results
    assert grade.score == 130


def test_the_grader_would_notice_a_weaker_policy(client, settings, site):
    """The reimplementation is not a rubber stamp: without HSTS and with an inline
    script allowed, the same site falls to a C."""
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 0
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {"default-src": ["'self'"], "script-src": ["'self'", "'unsafe-inline'"]}
    }
    grade = observatory.grade(client.get("/", secure=True), client.get("/"), [])
    assert grade.results["content-security-policy"] == "csp-implemented-with-unsafe-inline"
    assert grade.results["strict-transport-security"] == "hsts-not-implemented"
    assert grade.score == 60
