"""Sections that go deeper than the associate routes need carry a "Deep dive" mark beside their heading.

A writer marks a heading with attr_list: `## Prefix delegation { .deep-dive }`. The mark links to the
explanation on the exam topic map (docs/study/exam-map.md, LEGEND), so a reader on any page can find what
it means; it stays out of the search index. A `deep-dive` class on anything but an H2 or H3 stops the
build, naming the page; scripts/check_links.py checks that the explanation's anchor exists.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

EXAM_MAP = "study/exam-map.md"
LEGEND = "deep-dive-sections"  # the anchor of the explanation's heading on the exam map
MARKED = re.compile(
    r'<(?P<tag>[a-z][a-z0-9]*)(?P<before>[^>]*?) class="deep-dive"(?P<after>[^>]*)>'
    r'(?P<text>.*?)(?=<a class="headerlink"|</(?P=tag)>)',
    re.DOTALL,
)


def badge(page: Page, files: Files) -> str:
    exam_map = files.get_file_from_path(EXAM_MAP)
    if exam_map is None:
        raise PluginError(f"docs/{page.file.src_uri}: a deep-dive mark links docs/{EXAM_MAP}, which is missing")
    href = get_relative_url(exam_map.url, page.url)
    return f'<a class="deep-dive-mark" href="{href}#{LEGEND}" data-search-exclude>Deep dive</a>'


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    def marked(match: re.Match[str]) -> str:
        if match["tag"] not in ("h2", "h3"):
            raise PluginError(
                f"docs/{page.file.src_uri}: the deep-dive mark goes on a ## or ### heading, not on a <{match['tag']}>"
            )
        opening = f'<{match["tag"]}{match["before"]} class="deep-dive"{match["after"]}>'
        return f"{opening}{match['text']} {badge(page, files)}"

    return MARKED.sub(marked, html)
