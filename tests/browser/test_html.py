"""The Nu HTML Checker (``vnu.jar`` from the npm registry, on the system's Java) finds
nothing to report, neither error nor warning, in any public page type, in either
language.

The pages are rendered by Django's test client, written to a folder, and checked by
one run of the checker (the JVM's start is most of its time)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client

from .error_urls import ERROR_PAGES, error_pages
from .site import build_site, public_pages

VNU = (
    Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)
STATUS = {"not-found": 404, **dict(ERROR_PAGES)}

pytestmark = pytest.mark.django_db


def run_vnu(files):
    """The checker's messages for ``files``, from its JSON report."""
    java = shutil.which("java")
    if java is None:
        pytest.fail(
            "Java is missing: apt-get install default-jre-headless (.ci/run does it).",
            pytrace=False,
        )
    if not VNU.exists():
        pytest.fail(f"{VNU} is missing: run `make install-checks` (npm ci).", pytrace=False)
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.stdout, f"vnu wrote no report (exit {result.returncode}): {result.stderr}"
    return json.loads(result.stdout)["messages"]


def describe(messages):
    lines = []
    for message in messages:
        name = Path(message.get("url", "")).name
        where = f"{name}:{message.get('lastLine', '?')}:{message.get('lastColumn', '?')}"
        kind = message.get("subType", message["type"])
        lines.append(f"  {where} [{kind}] {message['message']}")
        if message.get("extract"):
            lines.append(f"      {' '.join(message['extract'].split())}")
    return "\n".join(lines)


def test_public_pages_are_valid_html(settings, tmp_path):
    settings.ROOT_URLCONF = "tests.browser.error_urls"
    build_site()
    client = Client(raise_request_exception=False)
    files = []
    for language in ("en", "ru"):
        for name, path in public_pages(language) + error_pages(language):
            response = client.get(path)
            assert response.status_code == STATUS.get(name, 200), path
            assert response["Content-Type"].startswith("text/html"), path
            page = tmp_path / f"{language}-{name}.html"
            page.write_bytes(response.content)
            files.append(page)
    messages = run_vnu(files)
    assert not messages, "The Nu HTML Checker reports:\n" + describe(messages)


def test_vnu_reports_what_it_finds(tmp_path):
    """The check can fail: an image without a text alternative is an error."""
    page = tmp_path / "broken.html"
    page.write_text('<!doctype html><html lang="en"><title>x</title><p><img src="a.png"></p>')
    messages = run_vnu([page])
    assert [m["type"] for m in messages] == ["error"]
    assert "alt" in messages[0]["message"]
