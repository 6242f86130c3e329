"""What the stylesheet promises that no page test sees: nothing pushes a page sideways
on a narrow screen, and a printed page carries the text without the site's chrome.
Checked in headless Chromium by hand (docs/decisions.md, "Look and print"); these tests
keep the rules that make it so from being dropped."""

import re
from pathlib import Path

from django.conf import settings

CSS = (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_text()


def block(css, at_rule):
    """The body of the first ``at_rule { … }`` block, its nested braces included."""
    start = css.index("{", css.index(at_rule)) + 1
    depth, end = 1, start
    while depth:
        depth += {"{": 1, "}": -1}.get(css[end], 0)
        end += 1
    return css[start : end - 1]


def rule(css, selector):
    """The declarations of the rule whose selector list is exactly ``selector``."""
    match = re.search(r"(?:^|[}\n])\s*" + re.escape(selector) + r"\s*\{([^}]*)\}", css)
    assert match, f"no rule for {selector!r}"
    return match[1]


def test_long_words_and_addresses_break_instead_of_widening_the_page():
    assert "overflow-wrap: anywhere" in rule(CSS, "body")
    assert "overflow-x: auto" in rule(CSS, ".prose table")
    assert "overflow-x: auto" in rule(CSS, ".prose pre")
    # Single-column grids may shrink below their content's width.
    for grid in (".article__layout", ".profile__layout", ".home-grid", ".list-layout"):
        assert "grid-template-columns: minmax(0, 1fr)" in rule(CSS, grid), grid


def test_print_leaves_out_navigation_and_writes_out_link_addresses():
    printed = block(CSS, "@media print")
    hidden = printed[: printed.index("{ display: none !important; }")]
    hidden = hidden[hidden.rindex("}") + 1 :]
    for part in (".main-nav", ".lang-switch", ".site-footer", ".filters", ".back-links",
                 ".breadcrumbs", ".pagination"):  # fmt: skip
        assert part in hidden, part
    assert 'content: " (" attr(href) ")"' in printed
    assert ".prose a[href]" in printed
    assert "font: 11pt/1.5 var(--serif)" in printed
    assert "max-width: 100% !important" in rule(printed, "img, figure, .gallery__grid li")
