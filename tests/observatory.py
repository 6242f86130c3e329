"""The HTTP Observatory's grade of a response, worked out from its published rules.

A small reimplementation of the header tests of MDN's HTTP Observatory
(github.com/mdn/mdn-http-observatory, ``src/analyzer/tests/`` and
``src/grader/charts.js``), enough to grade this site's responses: a site starts at
100, each test adds its modifier, and the bonuses count only when the score without
them is at least 90. 100 and more is an A+. CORS files, Cross-Origin-Resource-Policy
and Cross-Origin-Embedder-Policy are not sent by the site and score 0, as the
Observatory scores them when absent. It reads the response the way a browser would
receive it from the real server; it is not a copy of the scanner.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

DANGEROUSLY_BROAD = {
    "ftp:", "http:", "https:", "*", "http://*", "http://*.*", "https://*", "https://*.*",
}  # fmt: skip
UNSAFE_INLINE = {"'unsafe-inline'", "data:"}
NONCES_HASHES = ("'sha256-", "'sha384-", "'sha512-", "'nonce-")
SIX_MONTHS = 15_552_000

MODIFIERS = {
    "csp-implemented-with-no-unsafe-default-src-none": 10,
    "csp-implemented-with-no-unsafe": 5,
    "csp-implemented-with-unsafe-inline-in-style-src-only": 0,
    "csp-implemented-with-insecure-scheme-in-passive-content-only": -10,
    "csp-implemented-with-unsafe-eval": -10,
    "csp-implemented-with-unsafe-inline": -20,
    "csp-implemented-with-insecure-scheme": -20,
    "csp-header-invalid": -25,
    "csp-not-implemented": -25,
    "cookies-secure-with-httponly-sessions-and-samesite": 5,
    "cookies-secure-with-httponly-sessions": 0,
    "cookies-not-found": 0,
    "cookies-without-secure-flag-but-protected-by-hsts": -5,
    "cookies-session-without-secure-flag-but-protected-by-hsts": -10,
    "cookies-without-secure-flag": -20,
    "cookies-samesite-flag-invalid": -20,
    "cookies-anticsrf-without-samesite-flag": -20,
    "cookies-session-without-httponly-flag": -30,
    "cookies-session-without-secure-flag": -40,
    "cross-origin-resource-sharing-not-implemented": 0,
    "redirection-to-https": 0,
    "redirection-not-to-https": -20,
    "redirection-missing": -20,
    "redirection-off-host-from-http": -5,
    "referrer-policy-private": 5,
    "referrer-policy-not-implemented": 0,
    "referrer-policy-unsafe": -5,
    "referrer-policy-header-invalid": -5,
    "hsts-implemented-max-age-at-least-six-months": 0,
    "hsts-implemented-max-age-less-than-six-months": -10,
    "hsts-not-implemented": -20,
    "hsts-header-invalid": -20,
    "sri-implemented-and-all-scripts-loaded-securely": 5,
    "sri-not-implemented-but-no-scripts-loaded": 0,
    "sri-not-implemented-but-all-scripts-loaded-from-secure-origin": 0,
    "sri-not-implemented-response-not-html": 0,
    "sri-not-implemented-but-external-scripts-loaded-securely": -5,
    "x-content-type-options-nosniff": 0,
    "x-content-type-options-not-implemented": -5,
    "x-content-type-options-header-invalid": -5,
    "x-frame-options-implemented-via-csp": 5,
    "x-frame-options-sameorigin-or-deny": 5,
    "x-frame-options-not-implemented": -20,
    "x-frame-options-header-invalid": -20,
    "cross-origin-resource-policy-not-implemented": 0,
    "coep-not-implemented": 0,
    "coop-implemented-with-same-origin": 10,
    "coop-implemented-with-same-origin-allow-popups": 10,
    "coop-implemented-with-unsafe-none": 0,
    "coop-not-implemented": 0,
    "coop-header-invalid": -5,
}


@dataclass
class Grade:
    results: dict = field(default_factory=dict)

    @property
    def score(self):
        modifiers = [MODIFIERS[result] for result in self.results.values()]
        uncurved = 100 + sum(m for m in modifiers if m < 0)
        return 100 + sum(modifiers) if uncurved >= 90 else max(uncurved, 0)

    @property
    def grade(self):
        score = self.score
        for floor, grade in ((100, "A+"), (90, "A"), (85, "A-"), (80, "B+"), (70, "B")):
            if score >= floor:
                return grade
        return "C or lower"


def parse_csp(value):
    """{directive: {source, ...}} of one policy; a repeated directive is invalid."""
    policy = {}
    for part in value.split(";"):
        words = part.strip().split()
        if not words:
            continue
        directive = words[0].lower()
        if directive in policy:
            raise ValueError(f"repeated directive {directive}")
        sources = {source.lower() for source in words[1:]}
        if not sources and directive.endswith("-src"):
            sources = {"'none'"}
        policy[directive] = sources
    return policy


def csp_test(headers, https=True):
    value = headers.get("Content-Security-Policy")
    if not value:
        return "csp-not-implemented"
    try:
        csp = parse_csp(value)
    except ValueError:
        return "csp-header-invalid"
    default = csp.get("default-src")
    script = set(csp.get("script-src") or default or {"*"})
    style = set(csp.get("style-src") or default or {"*"})
    objects = csp.get("object-src") or default or {"*"}
    for sources in (script, style):
        if any(s.startswith(NONCES_HASHES) for s in sources):
            sources.discard("'unsafe-inline'")
    passive = {"img-src", "media-src"}
    active = [s for d, sources in csp.items() if d not in passive | {"script-src"} for s in sources]
    active += script
    passive_sources = [s for d in passive for s in (csp.get(d) or default or set())]
    if script & (DANGEROUSLY_BROAD | UNSAFE_INLINE) or objects & DANGEROUSLY_BROAD:
        return "csp-implemented-with-unsafe-inline"
    if https and any(s.startswith(("http:", "ftp:")) for s in active):
        return "csp-implemented-with-insecure-scheme"
    if "'unsafe-eval'" in script | style:
        return "csp-implemented-with-unsafe-eval"
    if https and any(s.startswith(("http:", "ftp:")) for s in passive_sources):
        return "csp-implemented-with-insecure-scheme-in-passive-content-only"
    if style & (DANGEROUSLY_BROAD | UNSAFE_INLINE):
        return "csp-implemented-with-unsafe-inline-in-style-src-only"
    if default == {"'none'"}:
        return "csp-implemented-with-no-unsafe-default-src-none"
    return "csp-implemented-with-no-unsafe"


def hsts_test(headers):
    value = headers.get("Strict-Transport-Security")
    if not value:
        return "hsts-not-implemented"
    params = [p.strip().lower() for p in value.split(";")]
    ages = [p.removeprefix("max-age=") for p in params if p.startswith("max-age=")]
    if "," in value or not ages or not ages[0].isdigit():
        return "hsts-header-invalid"
    if int(ages[0]) < SIX_MONTHS:
        return "hsts-implemented-max-age-less-than-six-months"
    return "hsts-implemented-max-age-at-least-six-months"


def cookies_test(cookies, hsts_ok):
    """``cookies``: the Morsels of every Set-Cookie the scan saw."""
    if not cookies:
        return "cookies-not-found"
    order = [
        "cookies-without-secure-flag-but-protected-by-hsts",
        "cookies-without-secure-flag",
        "cookies-session-without-secure-flag-but-protected-by-hsts",
        "cookies-samesite-flag-invalid",
        "cookies-anticsrf-without-samesite-flag",
        "cookies-session-without-httponly-flag",
        "cookies-session-without-secure-flag",
    ]
    found = []
    missing_samesite = False
    for morsel in cookies:
        name = morsel.key.lower()
        session = "login" in name or "sess" in name
        samesite = (morsel["samesite"] or "").lower()
        if samesite and samesite not in {"lax", "strict", "none"}:
            found.append("cookies-samesite-flag-invalid")
        if not morsel["secure"]:
            found.append(
                "cookies-without-secure-flag-but-protected-by-hsts"
                if hsts_ok
                else "cookies-without-secure-flag"
            )
            if session:
                found.append(
                    "cookies-session-without-secure-flag-but-protected-by-hsts"
                    if hsts_ok
                    else "cookies-session-without-secure-flag"
                )
        if "csrf" in name and not samesite:
            found.append("cookies-anticsrf-without-samesite-flag")
        if session and not morsel["httponly"]:
            found.append("cookies-session-without-httponly-flag")
        missing_samesite = missing_samesite or not samesite
    if found:
        return max(found, key=order.index)
    if missing_samesite:
        return "cookies-secure-with-httponly-sessions"
    return "cookies-secure-with-httponly-sessions-and-samesite"


def redirection_test(http_response, host):
    location = http_response.get("Location") if http_response.status_code in (301, 302) else None
    if not location:
        return "redirection-missing"
    target = urlsplit(location)
    if target.scheme != "https":
        return "redirection-not-to-https"
    if target.hostname != host:
        return "redirection-off-host-from-http"
    return "redirection-to-https"


def referrer_test(headers):
    value = headers.get("Referrer-Policy")
    if not value:
        return "referrer-policy-not-implemented"
    good = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
    bad = {"origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"}
    known = [v.strip().lower() for v in value.split(",") if v.strip().lower() in good | bad]
    if not known:
        return "referrer-policy-header-invalid"
    return "referrer-policy-private" if known[-1] in good else "referrer-policy-unsafe"


def xcto_test(headers):
    value = headers.get("X-Content-Type-Options")
    if not value:
        return "x-content-type-options-not-implemented"
    if value.strip().lower() == "nosniff":
        return "x-content-type-options-nosniff"
    return "x-content-type-options-header-invalid"


def xfo_test(headers):
    try:
        if "frame-ancestors" in parse_csp(headers.get("Content-Security-Policy", "")):
            return "x-frame-options-implemented-via-csp"
    except ValueError:
        pass
    value = headers.get("X-Frame-Options", "").strip().lower()
    if not value:
        return "x-frame-options-not-implemented"
    if value in {"deny", "sameorigin"}:
        return "x-frame-options-sameorigin-or-deny"
    return "x-frame-options-header-invalid"


def coop_test(headers):
    value = headers.get("Cross-Origin-Opener-Policy")
    if not value:
        return "coop-not-implemented"
    return {
        "same-origin": "coop-implemented-with-same-origin",
        "same-origin-allow-popups": "coop-implemented-with-same-origin-allow-popups",
        "unsafe-none": "coop-implemented-with-unsafe-none",
    }.get(value.strip(), "coop-header-invalid")


class ScriptSources(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append(dict(attrs))


def sri_test(headers, body):
    if not headers.get("Content-Type", "").startswith("text/html"):
        return "sri-not-implemented-response-not-html"
    parser = ScriptSources()
    parser.feed(body)
    external = [s for s in parser.scripts if s.get("src")]
    if not external:
        return "sri-not-implemented-but-no-scripts-loaded"
    foreign = [s for s in external if urlsplit(s["src"]).netloc or s["src"].startswith("//")]
    if not foreign:
        return "sri-not-implemented-but-all-scripts-loaded-from-secure-origin"
    if all(s.get("integrity") for s in foreign):
        return "sri-implemented-and-all-scripts-loaded-securely"
    return "sri-not-implemented-but-external-scripts-loaded-securely"


def grade(https_response, http_response, cookies, host="testserver"):
    """Grade a site from its https response to ``/``, its plain http response to the
    same address, and every cookie the two set."""
    headers = https_response.headers
    hsts = hsts_test(headers)
    results = {
        "content-security-policy": csp_test(headers),
        "cookies": cookies_test(cookies, hsts.startswith("hsts-implemented-max-age-at-least")),
        "cross-origin-resource-sharing": "cross-origin-resource-sharing-not-implemented",
        "redirection": redirection_test(http_response, host),
        "referrer-policy": referrer_test(headers),
        "strict-transport-security": hsts,
        "subresource-integrity": sri_test(headers, https_response.content.decode()),
        "x-content-type-options": xcto_test(headers),
        "x-frame-options": xfo_test(headers),
        "cross-origin-resource-policy": "cross-origin-resource-policy-not-implemented",
        "cross-origin-embedder-policy": "coep-not-implemented",
        "cross-origin-opener-policy": coop_test(headers),
    }
    return Grade(results)
