"""A page's contents in the page itself, for screens where Material keeps the table of contents in the
drawer: a folded "On this page" list of the page's sections, placed before its first section.

extra.css shows it below 76.25em, the width under which Material has no table of contents sidebar.
It stays out of the search index (the headings it repeats already answer a search) and out of print.
"""

from __future__ import annotations

import html as html_lib
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

FEWEST_SECTIONS = 3  # a shorter page needs no list
FIRST_SECTION = re.compile(r"<h2[\s>]")


def contents(page: Page) -> str:
    """The list of the page's H2 sections, or "" for a page with fewer than FEWEST_SECTIONS."""
    sections = [child for top in page.toc.items for child in top.children]
    if len(sections) < FEWEST_SECTIONS:
        return ""
    items = "".join(f'<li><a href="{s.url}">{html_lib.escape(s.title, quote=False)}</a></li>' for s in sections)
    return (
        '<details class="page-contents" data-search-exclude>'
        f"<summary>On this page: {len(sections)} sections</summary><ul>{items}</ul></details>\n"
    )


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    listed = contents(page)
    first = FIRST_SECTION.search(html)
    if not listed or first is None:
        return html
    return html[: first.start()] + listed + html[first.start() :]
