"""With a Chromium at build time, every diagram ships as an SVG drawn by Material, styled by the
palette's CSS variables, with its accessible title and description. (A diagram Mermaid cannot draw stops
the drawing: tests/browser/test_faults_are_caught.py plants one.)"""

from __future__ import annotations

import zipfile

import pytest

from overrides.hooks import mermaid_source
from scripts.build import MERMAID_JS
from scripts.check_diagrams import extract
from scripts.html import html_pages, shared_soup

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("variant", ["online", "offline"])
def test_every_diagram_is_drawn_at_build_time(variant, request, browser):
    site = request.getfixturevalue(variant)
    problems, drawn = [], 0
    for page in html_pages(site):
        html = shared_soup(page)
        problems += [f"{page.relative_to(site)}: diagram left to the browser" for _ in html.select("pre.mermaid")]
        # soupsieve does not look inside <template>, so step in by hand.
        for template in html.select("div.mermaid > template[shadowrootmode=open]"):
            svg = template.find("svg")
            drawn += 1
            where = f"{page.relative_to(site)} #{svg.get('id')}"
            if not (svg.find("title") and svg.find("desc") and svg.get("aria-labelledby")):
                problems.append(f"{where}: no accessible title and description")
            if "var(--md-mermaid-node-bg-color)" not in svg.style.get_text():
                problems.append(f"{where}: not styled by the palette's CSS variables")
    assert drawn >= 9 and not problems, "\n".join(problems)


def test_a_line_break_in_a_label_reaches_mermaid(site_map, online, browser):
    """`<br>` in a label source must stay a line break, not vanish as an HTML element would."""
    sources_with_br = [p for p in site_map.pages if "<br>" in "".join(d.source for d in extract(p.path))]
    assert sources_with_br, "no diagram label uses <br>; pick another check"
    page = sources_with_br[0]
    templates = shared_soup(page.built(online, directory_urls=True)).select("div.mermaid > template")
    labels = [label for t in templates for label in t.find_all(class_="nodeLabel")]
    assert any(label.find("br") for label in labels), f"docs/{page.src}: the <br> of its labels was lost"


def test_diagram_sources_are_escaped_for_client_side_mermaid():
    """make serve leaves diagrams to the browser, which reads the <pre>'s text: `<br>` must be text there."""
    raw = '<pre  class="mermaid"><code>flowchart LR\n  a["x<br>y & z"]\n</code></pre>'
    escaped = mermaid_source.on_page_content(raw, page=None, config=None, files=None)
    assert escaped == '<pre  class="mermaid"><code>flowchart LR\n  a["x&lt;br&gt;y &amp; z"]\n</code></pre>'


def test_the_offline_zip_leaves_out_the_mermaid_no_page_loads(builds, browser):
    with zipfile.ZipFile(builds.zip) as zf:
        names = zf.namelist()
    assert MERMAID_JS.as_posix() not in names, "the zip ships Mermaid, though every diagram is drawn"
    assert not (builds.offline / MERMAID_JS).exists()
