"""Uploaded media, as the development server serves them (core/media.py): a file that
is not an image is a download, and nothing served can run script as the site."""

import pytest
from django.core.exceptions import SuspiciousOperation
from django.http import Http404

from core.media import MEDIA_CSP, media_urlpatterns, serve_media
from tests import upload_samples as samples


@pytest.fixture
def stored(media_root):
    """Write ``content`` at ``name`` under MEDIA_ROOT, as a stored upload."""

    def store(name, content):
        path = media_root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        return name

    return store


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("news/files/2024/07/briefing.html", samples.HTML),  # stored before the checks
        ("news/files/2024/07/emblem.svg", samples.SVG),
        ("news/files/2024/07/statement.pdf", samples.pdf()),
    ],
)
def test_a_stored_file_that_is_not_an_image_is_a_download_that_runs_nothing(
    rf, stored, name, content
):
    response = serve_media(rf.get(f"/media/{name}"), stored(name, content))
    assert response.status_code == 200
    filename = name.rsplit("/", 1)[1]
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert b"".join(response.streaming_content) == content


@pytest.mark.parametrize("name", ["photo.png", "photo.jpg", "photo.gif", "photo.webp"])
def test_an_image_is_shown_in_place_and_runs_nothing(rf, stored, name):
    format_name = {"jpg": "JPEG"}.get(name[-3:], name.rsplit(".", 1)[1].upper())
    path = stored(f"news/2024/07/{name}", samples.image(format_name))
    response = serve_media(rf.get(f"/media/{path}"), path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/")
    assert response["Content-Disposition"] == f'inline; filename="{name}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == MEDIA_CSP


def test_a_name_in_capitals_is_still_an_image(rf, stored):
    path = stored("news/PHOTO.PNG", samples.image("PNG"))
    response = serve_media(rf.get(f"/media/{path}"), path)
    assert response["Content-Disposition"].startswith("inline")


def test_the_media_urls_exist_only_when_debugging(settings):
    settings.DEBUG = False
    assert media_urlpatterns() == []

    settings.DEBUG = True
    [pattern] = media_urlpatterns()
    match = pattern.resolve("media/news/files/statement.pdf")
    assert match.func is serve_media
    assert match.kwargs == {"path": "news/files/statement.pdf"}
    assert pattern.resolve("static/css/site.css") is None


def test_media_on_another_host_are_not_served_here(settings):
    settings.DEBUG = True
    settings.MEDIA_URL = "https://media.example.org/"
    assert media_urlpatterns() == []


def test_a_missing_file_is_a_404(rf, media_root):
    with pytest.raises(Http404):
        serve_media(rf.get("/media/gone.pdf"), "gone.pdf")


def test_nothing_outside_media_root_is_served(rf, media_root, tmp_path):
    (tmp_path / "secret.txt").write_text("secret")
    with pytest.raises((Http404, SuspiciousOperation)):
        serve_media(rf.get("/media/../secret.txt"), "../secret.txt")
