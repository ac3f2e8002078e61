"""A Mermaid syntax error that reaches a reader's browser (a build without build-time drawing, as
`make serve` serves) fails the per-page diagram test, and the failure names the Markdown page."""

from __future__ import annotations

import pytest

from scripts.build import mkdocs_build
from scripts.check_diagrams import extract
from scripts.local_server import serve
from scripts.pages import load_site_map
from scripts.reader import read_page
from tests.browser.targets import Target
from tests.browser.test_every_page_in_chromium import test_every_diagram_is_drawn_without_error as diagram_test

pytestmark = pytest.mark.browser

BROKEN = "\n```mermaid\nflowchart LR\n  accTitle: Broken\n  accDescr: An arrow to nowhere\n  A -->\n```\n"


@pytest.mark.parametrize("variant", ["online", "offline"])
def test_a_broken_diagram_fails_and_names_its_page(variant, project_copy, browser):
    source = project_copy / "docs" / "about.md"
    source.write_text(source.read_text() + BROKEN)
    site = project_copy / "site"
    mkdocs_build(site, offline=variant == "offline", config=project_copy / "mkdocs.yml")
    about = load_site_map().by_src("about.md")
    target = Target(variant, "docs/about.md", about, tuple(d.line for d in extract(source)))
    if variant == "online":
        with serve(site) as served:
            reading = read_page(browser, served.url(about.url(directory_urls=True)), accessibility=False)
    else:
        reading = read_page(browser, about.built(site, directory_urls=False).as_uri(), accessibility=False)
    with pytest.raises(pytest.fail.Exception) as failure:
        diagram_test(target, lambda _: reading)
    message = str(failure.value)
    print(message)  # shown with -s: what a writer sees
    line = target.diagram_lines[-1]
    assert message.startswith(f"docs/about.md ({variant}): diagrams:\n  docs/about.md:{line}: diagram "), message
    assert "not drawn: Parse error" in message, message
