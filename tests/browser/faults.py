"""Copies of the project with faults planted in docs/about.md, built as `make serve` serves them (diagrams drawn
by the reader's browser), and their about page read as every page is read: what
tests/browser/test_faults_are_caught.py judges with the real per-page tests. The copies build side by
side, and their pages are read at once (scripts/reader.PageReader); tests/browser/conftest.py does this in
the background (`fault_readings`)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

from scripts.build import finish_all, start_mkdocs
from scripts.check_diagrams import extract
from scripts.local_server import serve
from scripts.pages import load_site_map
from scripts.reader import PageReader, Reading, Visit
from tests.browser.targets import Target

ABOUT = load_site_map().by_src("about.md")
BROKEN_DIAGRAM = "\n```mermaid\nflowchart LR\n  accTitle: Broken\n  accDescr: An arrow to nowhere\n  A -->\n```\n"
# One fault per check, on one page: raw HTML, which the strict build does not look into.
FAULTS = """
<img src="https://example.com/outside.png" alt="A picture from another host">
<img src="no-such-picture.png" alt="A picture that is not there">
<img src="../assets/images/favicon.png">
<script>console.error("a deliberate console error")</script>
<style>:root > body { --md-mermaid-label-fg-color: #222222; }</style>
<p class="dim-in-the-dark">Readable in the light palette only.</p>
<style>[data-md-color-scheme="slate"] .dim-in-the-dark { color: #333333; }</style>

```mermaid
flowchart LR
  accTitle: Labels that stay dark
  accDescr: Two boxes whose labels keep a dark colour in the dark palette
  A --> B
```
"""


# Each copy of the project: what is added to docs/about.md, and the build it is read from.
PLANTED = {
    ("broken diagram", "online"): BROKEN_DIAGRAM,
    ("broken diagram", "offline"): BROKEN_DIAGRAM,
    ("faults", "online"): FAULTS,
}


def read_faulty_copies(project_copies: Callable[[str], Path]) -> dict[tuple[str, str], tuple[Target, Reading]]:
    """Per copy of PLANTED, the Target and the Reading of its about.md."""
    copies: dict[tuple[str, str], tuple[Path, Path]] = {}
    for (fault, variant), text in PLANTED.items():
        project = project_copies(fault.replace(" ", "-"))
        source = project / "docs" / "about.md"
        source.write_text(source.read_text() + text)
        copies[(fault, variant)] = (project, project / "site")
    running = [
        (start_mkdocs(site, offline=variant == "offline", config=project / "mkdocs.yml"), variant == "offline")
        for (_, variant), (project, site) in copies.items()
    ]
    finish_all(running)
    with ExitStack() as servers:
        visits = {}
        for (fault, variant), (_, site) in copies.items():
            if variant == "offline":
                visits[(fault, variant)] = Visit(ABOUT.built(site, directory_urls=False).as_uri())
            else:
                served = servers.enter_context(serve(site))
                visits[(fault, variant)] = Visit(served.url(ABOUT.url(directory_urls=True)))
        with PageReader(visits) as reader:
            readings = {key: reader.reading(key) for key in visits}
    return {
        (fault, variant): (
            Target(variant, "docs/about.md", ABOUT, tuple(d.line for d in extract(project / "docs" / "about.md"))),
            readings[(fault, variant)],
        )
        for (fault, variant), (project, _) in copies.items()
    }
