"""static/js/site.js: "Go back" follows only a same-site referrer.

The script runs in Node with the few browser objects it touches stubbed; the
end-to-end browser suite checks it on real pages."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.off_site_inputs import NORMAL_PATH, OFF_SITE

SCRIPT = Path(__file__).resolve().parents[2] / "static" / "js" / "site.js"
HERE = "https://press.example.org/news/secretary-general/some-item/"
SECTION = "/news/secretary-general/"

HARNESS = """
const fs = require("fs");
const [script, here, referrer, fallback] = JSON.parse(process.argv[1]);
const link = { href: fallback, setAttribute(name, value) { this[name] = value; } };
global.window = { location: new URL(here), matchMedia: () => ({ matches: false }) };
global.document = {
  referrer,
  querySelectorAll: (selector) => (selector === "a[data-go-back]" ? [link] : []),
};
eval(fs.readFileSync(script, "utf8"));
process.stdout.write(link.href);
"""

node = shutil.which("node")


def go_back_href(referrer):
    arguments = json.dumps([str(SCRIPT), HERE, referrer, SECTION])
    result = subprocess.run(
        [node, "-e", HARNESS, arguments], capture_output=True, text=True, check=True
    )
    return result.stdout


@pytest.mark.skipif(node is None, reason="Node.js is not installed")
@pytest.mark.parametrize(
    ("referrer", "expected"),
    [
        ("https://press.example.org/news/?kind=statement&page=2", "/news/?kind=statement&page=2"),
        ("https://press.example.org/ru/events/", "/ru/events/"),
        ("", SECTION),
        ("https://evil.example/phish", SECTION),
        ("http://press.example.org/news/", SECTION),  # another scheme is another origin
        ("https://press.example.org.evil.example/", SECTION),
        ("https://press.example.org//evil.example/", SECTION),
        ("https://press.example.org/\\\\evil.example/", SECTION),
        ("javascript:alert(1)", SECTION),
        (HERE, SECTION),  # a reload would make the link go nowhere
    ],
)
def test_go_back_follows_only_a_same_site_referrer(referrer, expected):
    assert go_back_href(referrer) == expected


def referrer_for(value):
    """A referrer carrying ``value``: a path on this site's origin, or as it is."""
    return "https://press.example.org" + value if value.startswith("/") else value


@pytest.mark.skipif(node is None, reason="Node.js is not installed")
@pytest.mark.parametrize("value", OFF_SITE)
def test_go_back_refuses_a_path_that_could_lead_off_the_site(value):
    assert go_back_href(referrer_for(value)) == SECTION


@pytest.mark.skipif(node is None, reason="Node.js is not installed")
def test_go_back_follows_a_normal_path():
    assert go_back_href(referrer_for(NORMAL_PATH)) == NORMAL_PATH
