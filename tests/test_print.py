"""Printing a page shows only the content: no header, navigation, search, footer or TOC; diagrams stay."""

from __future__ import annotations

import pytest

from scripts.local_server import serve
from scripts.print_pdf import print_pdf
from scripts.reader import diagram_problems, open_page

CHEAT_SHEET = "study/cheat-sheet/"
HIDDEN_WHEN_PRINTED = [
    ".md-header",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-search",
    ".md-footer",
    ".md-path",
]
DISPLAY_JS = """(selectors) => selectors.map(
  (s) => [s, [...document.querySelectorAll(s)].map((e) => getComputedStyle(e).display)])"""
VISIBLE_DIAGRAMS_JS = """() => [...document.querySelectorAll('.mermaid')]
  .filter((e) => e.getBoundingClientRect().height > 50).length"""


@pytest.mark.browser
def test_print_media_hides_the_chrome_and_keeps_diagrams(online, browser):
    with serve(online) as served, open_page(browser, served.url(CHEAT_SHEET)) as (page, _):
        assert not diagram_problems(page)
        page.emulate_media(media="print")
        shown = {s: d for s, d in page.evaluate(DISPLAY_JS, HIDDEN_WHEN_PRINTED) if any(v != "none" for v in d)}
        assert not shown, f"printed {CHEAT_SHEET} still shows: {shown}"
        diagrams = page.evaluate("() => document.querySelectorAll('.mermaid').length")
        visible = page.evaluate(VISIBLE_DIAGRAMS_JS)
        assert diagrams >= 2 and visible == diagrams, f"{visible} of {diagrams} diagrams visible in print"
        after = page.evaluate("() => getComputedStyle(document.querySelector('article a[href]'), '::after').content")
        assert after in ("none", "normal"), f"links print extra text after them: {after}"


@pytest.mark.browser
def test_the_cheat_sheet_prints_to_a_pdf(online, browser, tmp_path):
    pdf = print_pdf(online, CHEAT_SHEET, tmp_path / "cheat-sheet.pdf", browser)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_printing_a_missing_page_names_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="no-such-page"):
        print_pdf(tmp_path, "no-such-page/", tmp_path / "x.pdf")
