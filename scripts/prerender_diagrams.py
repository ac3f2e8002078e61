"""Draw the Mermaid diagrams of a built site at build time, so readers' browsers need no Mermaid.

`make serve` keeps client-side Mermaid (mkdocs-mermaid2-plugin adds the vendored script to
diagram pages). For `make build` and `make offline` this step opens each diagram page of the
built site in headless Chromium, lets Material draw the diagrams exactly as it would for a
reader, and writes each SVG back into the HTML inside a declarative shadow root. The SVG is
styled by Material's CSS variables, so it still follows the light/dark toggle without a
reload, and the page drops the 1 MB (gzip) Mermaid script and its main-thread work.

Same input, same bytes: diagrams are keyed by their position and source, and rendered once
per build run, so the offline and online variants share the result.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser

PRE = re.compile(r'<pre class="mermaid"><code>(?P<src>.*?)</code></pre>', re.DOTALL)
MERMAID_SCRIPT = re.compile(r'<script src="[^"]*assets/vendor/mermaid/mermaid\.min\.js"></script>\s*')
MERMAID_CONFIG = re.compile(r"<script>window\.mermaidConfig = \{.*?\};</script>\s*", re.DOTALL)
# Material initialises Mermaid with its own theme CSS when it meets the page's first diagram;
# each diagram is then drawn with the same call and id that Material would use on its page.
MATERIAL_SET_MERMAID_UP = "() => Boolean(window.mermaid && mermaid.mermaidAPI.getConfig().themeCSS)"
RENDER = """
async (jobs) => {
  const out = [];
  for (const [index, source] of jobs) {
    try {
      const { svg } = await mermaid.render(`__mermaid_${index}`, source);
      out.push({ svg });
    } catch (e) {
      out.push({ error: String((e && e.message) || e).split("\\n").slice(0, 4).join(" ") });
    }
  }
  return out;
}
"""


def shadow_host(svg: str) -> str:
    """The element Material would have made, with the SVG in a declarative (open) shadow root."""
    return f'<div class="mermaid"><template shadowrootmode="open">{svg}</template></div>'


class DiagramError(RuntimeError):
    """A diagram could not be drawn; the message names the Markdown file and the line of its fence."""


# The page's edit button links its Markdown source: `.../edit/main/docs/ecs/x.md`.
EDIT_LINK = re.compile(r'href="[^"]*/docs/(?P<src>[^"#?]+\.md)"')


def where(page_path: Path, page_html: str, index: int, docs: Path | None) -> str:
    """`docs/x.md:LINE` of the page's diagram `index` (from 0), or the built page when its source is unknown."""
    from scripts.check_diagrams import extract

    found = EDIT_LINK.search(page_html)
    if docs is None or found is None or not (docs / found["src"]).is_file():
        return f"{page_path}: diagram {index + 1}"
    fences = extract(docs / found["src"])
    line = fences[index].line if index < len(fences) else "?"
    return f"docs/{found['src']}:{line}: diagram {index + 1}"


@dataclass
class Prerenderer:
    browser: Browser
    timeout_ms: int = 20_000
    cache: dict[tuple[int, str], str] = field(default_factory=dict)

    def render(self, harness: Path, jobs: list[tuple[str, int, str]]) -> None:
        """Draw every (page, index, source) not drawn yet, in one page where Material set Mermaid up."""
        todo = list(dict.fromkeys((i, src) for _, i, src in jobs if (i, src) not in self.cache))
        if not todo:
            return
        context = self.browser.new_context()
        try:
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(harness.as_uri())
            try:
                page.wait_for_function(MATERIAL_SET_MERMAID_UP, timeout=self.timeout_ms)
            except Exception as exc:  # Playwright's TimeoutError, with the page's own errors attached
                detail = "; ".join(errors) or "Mermaid was never initialised"
                raise DiagramError(f"{harness}: Material did not set Mermaid up: {detail}") from exc
            results = page.evaluate(RENDER, todo)
        finally:
            context.close()
        failed: dict[tuple[int, str], str] = {}
        for key, result in zip(todo, results, strict=True):
            if "svg" in result:
                self.cache[key] = result["svg"]
            else:
                failed[key] = result["error"]
        if failed:
            # The same diagram in both variants is one failure: name it once.
            lines = dict.fromkeys(
                f"{place}: Mermaid cannot draw it: {failed[(i, src)]}" for place, i, src in jobs if (i, src) in failed
            )
            raise DiagramError("\n".join(lines))

    def prerender_sites(self, *sites: Path, docs: Path | None = None) -> int:
        """Rewrite every diagram page of the built sites; return how many diagrams were written.

        `docs`: the Markdown the sites were built from, so that a diagram Mermaid cannot draw is named by
        its file and line."""
        pages: dict[Path, tuple[str, list[str]]] = {}  # page -> (its HTML, its diagram sources)
        for site in sites:
            for page_path in sorted(site.rglob("*.html")):
                text = page_path.read_text(encoding="utf-8")
                if sources := [html.unescape(m["src"]) for m in PRE.finditer(text)]:
                    pages[page_path] = (text, sources)
        if not pages:
            return 0
        jobs = [
            (where(p, text, i, docs), i, src) for p, (text, sources) in pages.items() for i, src in enumerate(sources)
        ]
        self.render(next(iter(pages)), jobs)
        for page_path, (text, sources) in pages.items():
            drawn = iter(self.cache[(i, src)] for i, src in enumerate(sources))
            text = PRE.sub(lambda _, svgs=drawn: shadow_host(next(svgs)), text)
            text = MERMAID_CONFIG.sub("", MERMAID_SCRIPT.sub("", text))
            page_path.write_text(text, encoding="utf-8")
        return len(jobs)
