"""Underline each acronym once per page, at its first use, and never in a heading.

The `abbr` extension wraps every use of a glossary term in `<abbr title="...">`, and Material
draws a dotted line under each: six in one paragraph that says AWS and ECS three times each.
This hook marks the first use of each term in the text with the class `study-abbr-first`, the
only abbr that extra.css underlines, and makes it focusable, so the keyboard reaches its tooltip
(assets/javascripts/abbr.js). Later uses keep their title and answer a tap, without the line.

Uses in headings, question summaries and links are never the marked one: a heading is no place
for a dotted line, and a focusable abbr inside a link or a summary would nest one control in another.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

ABBR = re.compile(r"<abbr(?P<attrs>\s[^>]*)?>(?P<term>.*?)</abbr>", re.DOTALL)
# Elements whose abbrs are never the first use: they do not nest, so a non-greedy span is exact.
SKIPPED = re.compile(r"<(?P<tag>h[1-6]|a|summary)[\s>].*?</(?P=tag)>", re.DOTALL)
FIRST = ' class="study-abbr-first" tabindex="0"'


def mark_first_uses(content: str) -> str:
    skipped = [m.span() for m in SKIPPED.finditer(content)]
    seen: set[str] = set()

    def mark(use: re.Match[str]) -> str:
        term = use["term"]
        if term in seen or any(start <= use.start() < end for start, end in skipped):
            return use[0]
        seen.add(term)
        return f"<abbr{FIRST}{use['attrs'] or ''}>{term}</abbr>"

    return ABBR.sub(mark, content)


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return mark_first_uses(content)
