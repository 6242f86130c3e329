"""axe-core (from the npm registry, ``node_modules/axe-core``) run inside the page.

``npm ci`` (the Makefile's ``install-checks``) puts it there. The rules are WCAG 2.0,
2.1 and 2.2 at levels A and AA."""

import json
import textwrap
from functools import cache
from pathlib import Path

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@cache
def axe_source():
    if not AXE.exists():
        raise FileNotFoundError(f"{AXE} is missing: run `make install-checks` (npm ci).")
    return AXE.read_text(encoding="utf-8")


def axe_violations(driver):
    """Run axe on the page ``driver`` shows; return its violations."""
    if not driver.execute_script("return typeof window.axe === 'object';"):
        driver.execute_script(axe_source())
    results = driver.execute_async_script(
        """
        const [tags, done] = arguments;
        axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
          .then((results) => done(JSON.stringify(results.violations)))
          .catch((error) => done(JSON.stringify([{id: "axe-error", help: String(error),
                                                  impact: "", helpUrl: "", nodes: []}])));
        """,
        WCAG_AA,
    )
    return json.loads(results)


def describe(violations):
    """The violations as a reader wants them: rule, impact, help, and each element."""
    lines = []
    for violation in violations:
        lines.append(
            f"  [{violation['impact']}] {violation['id']}: {violation['help']} "
            f"({violation['helpUrl']})"
        )
        for node in violation["nodes"][:10]:
            lines.append(f"    at {' '.join(map(str, node['target']))}")
            lines.append(textwrap.indent(textwrap.shorten(node["html"], 200), "      "))
            summary = node.get("failureSummary") or ""
            lines.extend(textwrap.indent(summary, "      ").splitlines()[:6])
        if len(violation["nodes"]) > 10:
            lines.append(f"    … and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)
