"""Check every Mermaid diagram in the Markdown sources, naming the file and line of each fault.

For each ```mermaid fence: it must carry `accTitle:` and `accDescr` (screen readers read
them), must not set its own colours (Material colours diagrams for both palettes), and must
parse and render with the vendored Mermaid in headless Chromium.

    python -m scripts.check_diagrams [FILE_OR_DIR ...]   # default: docs/
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
MERMAID_JS = DOCS / "assets" / "vendor" / "mermaid" / "mermaid.min.js"

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<ticks>`{3,}|~{3,})mermaid[ \t]*$")
COLOUR_DIRECTIVES = re.compile(r"^\s*(style|classDef|linkStyle)\s|%%\{\s*init", re.MULTILINE)


@dataclass(frozen=True)
class Diagram:
    path: Path
    line: int  # 1-based line of the opening fence
    source: str

    @property
    def where(self) -> str:
        try:
            shown = self.path.relative_to(ROOT)
        except ValueError:
            shown = self.path
        return f"{shown}:{self.line}"


def extract(path: Path) -> list[Diagram]:
    """The Mermaid fences of one Markdown file, with the line each opens on."""
    diagrams: list[Diagram] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        match = FENCE.match(lines[i])
        if not match:
            i += 1
            continue
        indent, ticks = match["indent"], match["ticks"]
        body: list[str] = []
        j = i + 1
        while j < len(lines) and lines[j].strip() != ticks:
            body.append(lines[j][len(indent) :] if lines[j].startswith(indent) else lines[j])
            j += 1
        diagrams.append(Diagram(path, i + 1, "\n".join(body)))
        i = j + 1
    return diagrams


def static_problems(diagram: Diagram) -> list[str]:
    problems = []
    if not re.search(r"^\s*accTitle\s*:", diagram.source, re.MULTILINE):
        problems.append("no accTitle: (an accessible title for screen readers)")
    if not re.search(r"^\s*accDescr\s*[:{]", diagram.source, re.MULTILINE):
        problems.append("no accDescr (an accessible description for screen readers)")
    if COLOUR_DIRECTIVES.search(diagram.source):
        problems.append("sets its own colours (style/classDef/linkStyle/init); they break one palette")
    return problems


RENDER_JS = """
async (sources) => {
  mermaid.initialize({ startOnLoad: false });
  const out = [];
  for (const [i, src] of sources.entries()) {
    try {
      await mermaid.parse(src);
      const { svg } = await mermaid.render("check-" + i, src);
      out.push(svg.includes("<svg") ? null : "rendered no SVG");
    } catch (e) {
      out.push(String((e && e.message) || e).split("\\n").slice(0, 4).join(" "));
    }
  }
  return out;
}
"""


def render_problems(diagrams: list[Diagram], browser: Browser | None = None) -> list[str | None]:
    """Parse and render every diagram in one headless Chromium page (a new browser if none is given)."""
    if browser is None:
        from scripts.browser import launch  # imported late: static checks need no browser

        with launch() as new_browser:
            return render_problems(diagrams, new_browser)
    page = browser.new_page()
    try:
        page.set_content("<!doctype html><html><body></body></html>")
        page.add_script_tag(path=str(MERMAID_JS))
        return page.evaluate(RENDER_JS, [d.source for d in diagrams])
    finally:
        page.close()


def diagrams_in(paths: list[Path]) -> list[Diagram]:
    """The diagrams of the given Markdown files, and of every Markdown file under the given folders."""
    files: list[Path] = []
    for p in paths:
        files.extend(sorted(p.rglob("*.md")) if p.is_dir() else [p])
    return [d for f in files for d in extract(f)]


def problems(diagrams: list[Diagram], render: bool = True, browser: Browser | None = None) -> list[str]:
    """One line per fault, `file:line: what is wrong`; drawing needs a Chromium unless `render` is off."""
    errors = [f"{d.where}: {problem}" for d in diagrams for problem in static_problems(d)]
    if render and diagrams:
        for diagram, problem in zip(diagrams, render_problems(diagrams, browser), strict=True):
            if problem:
                errors.append(f"{diagram.where}: Mermaid cannot draw this diagram: {problem}")
    return errors


def check(paths: list[Path], render: bool = True, browser: Browser | None = None) -> list[str]:
    return problems(diagrams_in(paths), render, browser)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    paths = [Path(a).resolve() for a in args] or [DOCS]
    diagrams = diagrams_in(paths)
    errors = problems(diagrams)
    for error in errors:
        print(error, file=sys.stderr)
    print(json.dumps({"diagrams": len(diagrams), "errors": len(errors)}))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
