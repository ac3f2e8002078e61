"""One copy of the project with a fault planted on each of three pages (and the acronym script emptied),
built in both variants as `make serve` serves them (diagrams drawn by the reader's browser): what the tests
of tests/browser/test_faults_are_caught.py and the phone's fault test judge with the real per-page checks.

Each fault sits on a page of its own, so a page's reading holds its fault alone; one copy built twice
serves every fault test. tests/browser/conftest.py builds it (`faulty_copy`) and checks it (`fault_findings`:
its faulty pages read as every page is read, the sideways page read on a phone, its diagrams drawn as
`make build` draws them) in the background from the first browser test.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser

from scripts.browser import launch
from scripts.build import finish_all, start_mkdocs
from scripts.check_diagrams import extract
from scripts.local_server import serve
from scripts.pages import Page, load_site_map
from scripts.prerender_diagrams import DiagramError, Prerenderer
from scripts.reader import PageReader, Reading, Visit
from tests.browser import devices
from tests.browser.targets import Target

BROKEN_DIAGRAM = "\n```mermaid\nflowchart LR\n  accTitle: Broken\n  accDescr: An arrow to nowhere\n  A -->\n```\n"
# One fault per check: raw HTML, which the strict build does not look into.
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
SIDEWAYS = (
    '\n<div style="width: 40rem">A box wider than a phone.</div>\n'
    '\n<p><label><input type="checkbox"> A box too small to tap</label></p>\n'
)
# What each fault adds to the end of which page (a page without diagrams, so that the planted diagram is
# the page's last); the acronym script is emptied for the whole copy.
PLANTED = {
    "broken diagram": ("about.md", BROKEN_DIAGRAM),
    "faults": ("study/exam-map.md", FAULTS),
    "sideways": ("study/glossary.md", SIDEWAYS),
}
EMPTIED = "assets/javascripts/abbr.js"
SITE = load_site_map()
# The faulty pages read as every page is read, and in which builds.
READ = {("broken diagram", "online"), ("broken diagram", "offline"), ("faults", "online")}


@dataclass(frozen=True)
class FaultyCopy:
    project: Path
    online: Path  # built as `make serve` serves it
    offline: Path

    def page(self, fault: str) -> Page:
        return SITE.by_src(PLANTED[fault][0])

    def target(self, fault: str, variant: str) -> Target:
        """The Target of the page that holds `fault`, with the diagram lines of its planted source."""
        page = self.page(fault)
        lines = tuple(d.line for d in extract(self.project / "docs" / page.src))
        return Target(variant, f"docs/{page.src}", page, lines)


def build_faulty_copy(project_copies: Callable[[str], Path]) -> FaultyCopy:
    """Plant every fault of PLANTED in one new copy and build it in both variants, side by side."""
    project = project_copies("faulty")
    for src, text in PLANTED.values():
        page = project / "docs" / src
        page.write_text(page.read_text(encoding="utf-8") + text, encoding="utf-8")
    (project / "docs" / EMPTIED).write_text("")
    copy = FaultyCopy(project, project / "site", project / "site-offline")
    config = project / "mkdocs.yml"
    finish_all(
        [
            (start_mkdocs(copy.online, offline=False, config=config), False),
            (start_mkdocs(copy.offline, offline=True, config=config), True),
        ]
    )
    return copy


@dataclass(frozen=True)
class FaultFindings:
    readings: dict[tuple[str, str], tuple[Target, Reading]]  # per (fault, variant) of READ: the page's Target, Reading
    phone: devices.Visit  # the sideways page, online, read on a phone as every page is
    drawing: str  # what drawing the online copy's diagrams at build time raised ("": nothing)


def check_faulty_copy(copy: FaultyCopy, scratch: Path) -> FaultFindings:
    """Read the faulty pages of READ (a Chromium of their own), and meanwhile, in a Chromium of this thread,
    read the sideways page on a phone and draw the diagrams of a copy of the online site (in `scratch`)."""
    with serve(copy.online) as served:
        visits = {}
        for fault, variant in sorted(READ):
            page = copy.page(fault)
            if variant == "offline":
                visits[(fault, variant)] = Visit(page.built(copy.offline, directory_urls=False).as_uri())
            else:
                visits[(fault, variant)] = Visit(served.url(page.url(directory_urls=True)))
        with PageReader(visits) as reader, launch() as browser:
            phone = read_on_a_phone(browser, served.url(copy.page("sideways").url(directory_urls=True)), copy)
            drawing = draw_at_build_time(browser, copy, scratch)
            readings = {key: (copy.target(*key), reader.reading(key)) for key in visits}
    return FaultFindings(readings, phone, drawing)


def read_on_a_phone(browser: Browser, url: str, copy: FaultyCopy) -> devices.Visit:
    device = devices.open_device(browser, "phone", url)
    try:
        return devices.read_on(device, url, copy.page("sideways"))
    finally:
        device.tab.context.close()


def draw_at_build_time(browser: Browser, copy: FaultyCopy, scratch: Path) -> str:
    """What `make build` says after MkDocs, on a copy of the faulty online site (the readings read the original)."""
    site = shutil.copytree(copy.online, scratch / "site")
    try:
        Prerenderer(browser).prerender_sites(site, docs=copy.project / "docs")
    except DiagramError as error:
        return str(error)
    return ""
