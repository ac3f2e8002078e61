"""Each per-page browser test fails on a page with its fault, and the failure names the page.

The faults go into a copy of the project, built without build-time drawing (as `make serve`
serves it), so the diagrams are drawn by the reader's browser. The real test functions judge
the faulty page, exactly as they judge every page of the site.

The three faulty copies build side by side, and their pages are read at once (scripts/reader.PageReader).
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import pytest

from scripts.build import finish_all, start_mkdocs
from scripts.check_diagrams import extract
from scripts.local_server import serve
from scripts.pages import load_site_map
from scripts.reader import PageReader, Reading, Visit
from tests.browser.targets import Target
from tests.browser.test_every_page_in_chromium import test_diagrams_turn_dark_with_the_palette_toggle as dark_test
from tests.browser.test_every_page_in_chromium import test_every_diagram_is_drawn_without_error as diagram_test
from tests.browser.test_every_page_in_chromium import test_no_console_error as console_test
from tests.browser.test_every_page_in_chromium import test_no_request_fails as failed_request_test
from tests.browser.test_every_page_in_chromium import test_no_request_leaves_the_machine as outside_test
from tests.browser.test_every_page_in_chromium import test_no_serious_accessibility_violation as axe_test

pytestmark = pytest.mark.browser

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


@pytest.fixture(scope="module")
def faulty(project_copies) -> dict[tuple[str, str], tuple[Target, Reading]]:
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


def failure_of(test, target: Target, reading: Reading) -> str:
    with pytest.raises(pytest.fail.Exception) as failure:
        test(target, lambda _: reading)
    message = str(failure.value)
    print(message)  # shown with -s: what a writer sees
    return message


@pytest.mark.parametrize("variant", ["online", "offline"])
def test_a_broken_diagram_fails_and_names_its_page_and_line(variant, faulty):
    target, reading = faulty[("broken diagram", variant)]
    message = failure_of(diagram_test, target, reading)
    line = target.diagram_lines[-1]
    assert message.startswith(f"docs/about.md ({variant}): diagrams:\n  docs/about.md:{line}: diagram "), message
    assert "not drawn: Parse error" in message, message


def test_each_fault_fails_its_test_and_names_the_page(faulty):
    target, reading = faulty[("faults", "online")]
    expected = [
        (outside_test, "GET https://example.com/outside.png"),
        (failed_request_test, "no-such-picture.png: HTTP 404"),
        (console_test, "console.error: a deliberate console error"),
        (dark_test, f"docs/about.md:{target.diagram_lines[-1]}: 0.02..0.02 in light, 0.02..0.02 in dark"),
        (axe_test, "light palette: image-alt (critical)"),
        (axe_test, "dark palette: color-contrast (serious)"),
    ]
    for test, words in expected:
        message = failure_of(test, target, reading)
        assert message.startswith("docs/about.md (online): "), message
        assert words in message, f"{test.__name__}: {message}"
