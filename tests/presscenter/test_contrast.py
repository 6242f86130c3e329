"""The palette against WCAG 2.2 AA, read from the stylesheets themselves.

Every colour is a custom property in one ``:root`` block (static/css/*.css). The tests
compute the contrast ratio of each pair of colours that meet on the site: text on its
background (4.5:1; 3:1 for large text), the boundaries of form controls (3:1), and the
focus ring against every surface it is drawn on (3:1), in the normal, hover and focused
states. A rule that sets both a text colour and a background is checked as a pair
whatever the table below says, and a colour that is in no pair must say why.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

CSS_DIR = Path(settings.BASE_DIR) / "static" / "css"
TEXT, LARGE_TEXT, NON_TEXT = 4.5, 3.0, 3.0

# (foreground, background, minimum ratio, where the pair meets)
PAIRS = [
    # Body text, secondary text and links on the page and on cards.
    ("ink", "paper", TEXT, "body text on cards, articles, fields"),
    ("ink", "page", TEXT, "body text on the page"),
    ("ink-soft", "paper", TEXT, "meta lines, leads, captions on cards"),
    ("ink-soft", "page", TEXT, "intros, breadcrumbs, result counts on the page"),
    ("ink-soft", "muted-tint", TEXT, "the 'term ended' tag"),
    ("link", "paper", TEXT, "links on cards"),
    ("link", "page", TEXT, "links on the page, back links"),
    ("navy-dark", "paper", TEXT, "headings, card titles, link hover, the current language"),
    ("navy-dark", "page", TEXT, "page headings; link hover on the page"),
    ("navy", "paper", TEXT, "current navigation item, quiet button, initials"),
    ("navy", "navy-tint", TEXT, "initials on a portrait without a photo"),
    ("navy-dark", "navy-tint", TEXT, "chips, badges; hover of back links and pages"),
    ("navy-dark", "navy-tint-strong", TEXT, "chip hover"),
    # The navy header, buttons, date tiles and the current page number.
    ("on-dark", "navy", TEXT, "header, buttons, date tiles, current page"),
    ("on-dark-soft", "navy", TEXT, "'Press centre' under the name in the header"),
    ("on-dark", "navy-hover", TEXT, "language switcher hover"),
    # The footer.
    ("on-dark", "navy-dark", TEXT, "footer headings and links; button hover"),
    ("on-dark-soft", "navy-dark", TEXT, "footer text; footer link hover"),
    ("on-dark-muted", "navy-dark", TEXT, "kind of a contact in the footer"),
    # Badges and tags.
    ("statement-ink", "statement-tint", TEXT, "statement badge"),
    ("speech-ink", "speech-tint", TEXT, "speech badge"),
    ("interview-ink", "interview-tint", TEXT, "interview badge"),
    ("release-ink", "release-tint", TEXT, "press release badge"),
    ("ok", "ok-tint", TEXT, "'current' tag"),
    ("upcoming-ink", "notice-tint", TEXT, "'upcoming' tag"),
    # Messages.
    ("error", "paper", TEXT, "a field's error"),
    ("error-ink", "error-tint", TEXT, "the filters' error summary"),
    ("ink", "error-tint", TEXT, "text typed in an invalid field"),
    ("notice-ink", "notice-tint", TEXT, "the preview notice"),
    # Controls: what shows where a control is (WCAG 1.4.11).
    ("field-border", "paper", NON_TEXT, "the border of inputs and the quiet button"),
    ("error", "paper", NON_TEXT, "the border of an invalid field"),
    ("error", "error-tint", NON_TEXT, "the border of an invalid field, inside"),
    # The focus ring against every surface it is drawn on (outline-offset: 2px).
    ("focus-ring", "paper", NON_TEXT, "focus on cards, the navigation, the filters"),
    ("focus-ring", "page", NON_TEXT, "focus on the page"),
    ("focus-ring", "navy-tint", NON_TEXT, "focus next to a chip or a tinted block"),
    ("focus-ring-on-dark", "navy", NON_TEXT, "focus in the header"),
    ("focus-ring-on-dark", "navy-dark", NON_TEXT, "focus in the footer"),
    # Print.
    ("print-ink", "print-paper", TEXT, "everything on paper"),
]

# Colours in no pair, and why none is needed.
DECORATIVE = {
    "gold": "the rules under the header and above the footer and featured cards",
    "line": "card borders and dividers; cards are told apart by their content",
    "on-dark-line": "the rule above the footer's last line",
    "on-dark-border": "the language links' outline; their text identifies them",
    "notice": "the preview notice's side bar, beside its text",
}

ROOT = re.compile(r":root\s*\{(?P<body>[^}]*)\}")
PROPERTY = re.compile(r"--(?P<name>[\w-]+)\s*:\s*(?P<value>[^;]+);")
HEX = re.compile(r"^#(?P<hex>[0-9a-fA-F]{6})$")
RULE = re.compile(r"(?P<selector>[^{}]+)\{(?P<body>[^{}]*)\}")
DECLARATION = re.compile(r"(?P<property>[\w-]+)\s*:\s*(?P<value>[^;]+)")
COLOUR_LITERAL = re.compile(
    r"#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(|\b(?:white|black)\b"
)


def stylesheets():
    return {path.name: path.read_text() for path in sorted(CSS_DIR.glob("*.css"))}


def without_comments(css):
    return re.sub(r"/\*.*?\*/", "", css, flags=re.S)


def palette():
    """The colour custom properties of the ``:root`` blocks: {name: (r, g, b)}."""
    colours = {}
    for css in stylesheets().values():
        for root in ROOT.finditer(without_comments(css)):
            for prop in PROPERTY.finditer(root["body"]):
                match = HEX.match(prop["value"].strip())
                if match:
                    colours[prop["name"]] = tuple(
                        int(match["hex"][i : i + 2], 16) for i in (0, 2, 4)
                    )
    return colours


def luminance(rgb):
    """WCAG 2.2 relative luminance of an sRGB colour."""

    def channel(value):
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def rules_outside_root():
    """(selector, {property: value}) for every rule but the palette's."""
    for css in stylesheets().values():
        css = ROOT.sub("", without_comments(css))
        for rule in RULE.finditer(css):
            selector = rule["selector"].strip()
            if selector.startswith("@"):
                continue
            declarations = {
                d["property"]: d["value"].strip() for d in DECLARATION.finditer(rule["body"])
            }
            yield selector.split("}")[-1].strip(), declarations


def test_the_arithmetic():
    black, white = (0, 0, 0), (255, 255, 255)
    assert contrast(black, white) == pytest.approx(21)
    assert contrast(white, white) == pytest.approx(1)
    # WebAIM's checker: #767676 on white is 4.54:1, the lightest grey that passes.
    assert contrast((0x76, 0x76, 0x76), white) == pytest.approx(4.54, abs=0.01)


def test_the_palette_is_read_from_the_stylesheet():
    colours = palette()
    assert colours["paper"] == (255, 255, 255)
    assert len(colours) > 30


@pytest.mark.parametrize(("fg", "bg", "minimum", "where"), PAIRS, ids=lambda v: str(v))
def test_each_pair_meets_its_minimum(fg, bg, minimum, where):
    colours = palette()
    ratio = contrast(colours[fg], colours[bg])
    assert ratio >= minimum, f"{fg} on {bg} ({where}): {ratio:.2f}:1 < {minimum}:1"


def test_every_rule_with_text_and_background_colours_is_a_readable_pair():
    colours = palette()
    checked, problems = 0, []
    for selector, declarations in rules_outside_root():
        fg = re.fullmatch(r"var\(--([\w-]+)\)", declarations.get("color", ""))
        background = declarations.get("background-color", declarations.get("background", ""))
        bg = re.fullmatch(r"var\(--([\w-]+)\)", background)
        if fg and bg:
            checked += 1
            ratio = contrast(colours[fg[1]], colours[bg[1]])
            if ratio < TEXT:
                problems.append(f"{selector}: {fg[1]} on {bg[1]} is {ratio:.2f}:1")
    assert checked > 15
    assert problems == []


def test_every_colour_is_checked_or_said_to_be_decorative():
    in_pairs = {name for fg, bg, _, _ in PAIRS for name in (fg, bg)}
    unchecked = set(palette()) - in_pairs - set(DECORATIVE)
    assert unchecked == set()
    assert in_pairs <= set(palette())


def test_colours_are_declared_in_the_palette_only():
    literals = []
    for selector, declarations in rules_outside_root():
        for prop, value in declarations.items():
            if COLOUR_LITERAL.search(re.sub(r"var\([^)]*\)", "", value)):
                literals.append(f"{selector} {{ {prop}: {value} }}")
    assert literals == []
