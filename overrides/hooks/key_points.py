"""Every topic page opens with its key points: a reader on a phone sees the essentials first.

The box is an `abstract` admonition titled "Key points", placed before the page's first `## ` heading,
with 3 to 5 one-line bullets (each ends with a link to the section that teaches it):

    !!! abstract "Key points"

        - Fargate runs each task without instances to manage. ([Fargate](#fargate))

The build stops, naming the file and line, when a topic page lacks the box, places it after a section,
or holds too few or too many points. In the HTML the box gets the anchor `key-points`, the reading line
under the title (overrides/hooks/reading_and_exams.py) links it, and it stays out of the search index:
it repeats the page's own sentences, which already answer a search.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

TOPIC_SECTIONS = ("docker/", "aws/", "ecs/", "ecr/", "eks/")
OPENING = '!!! abstract "Key points"'
FEWEST, MOST = 3, 5
BOX_HTML = re.compile(r'<div class="admonition abstract">(\s*<p class="admonition-title">Key points</p>)')
ANCHOR = "key-points"
READING_LINE_END = re.compile(r'(<p class="reading-time">.*?)</p>')


def is_topic_page(src: str) -> bool:
    return src.startswith(TOPIC_SECTIONS)


def problems(src: str, markdown: str) -> list[str]:
    """What is wrong with the key points of one topic page, as `docs/x.md:LINE: ...` lines."""
    lines = markdown.splitlines()
    openings = [n for n, line in enumerate(lines, start=1) if line.rstrip() == OPENING]
    if not openings:
        return [
            f"docs/{src}:1: no key points: add `{OPENING}` with {FEWEST} to {MOST} one-line bullets "
            "before the first section"
        ]
    found = []
    if len(openings) > 1:
        found.append(f"docs/{src}:{openings[1]}: a second key points box; a page has one")
    start = openings[0]
    first_section = next((n for n, line in enumerate(lines, start=1) if line.startswith("## ")), None)
    if first_section is not None and first_section < start:
        found.append(
            f"docs/{src}:{start}: the key points come after the section on line {first_section}; move them above it"
        )
    bullets, other = [], []
    for number, line in enumerate(lines[start:], start=start + 1):
        if line.strip() and not line.startswith("    "):
            break
        if line.startswith("    - "):
            bullets.append(number)
        elif line.strip():
            other.append(number)
    if not FEWEST <= len(bullets) <= MOST:
        found.append(f"docs/{src}:{start}: {len(bullets)} key points; write {FEWEST} to {MOST}, one line each")
    found += [f"docs/{src}:{n}: key points are one-line bullets (`    - ...`); this line is not one" for n in other]
    return found


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if is_topic_page(page.file.src_uri):
        # The source as written, front matter included, so that line numbers match the file.
        found = problems(page.file.src_uri, page.file.content_string)
        if found:
            raise PluginError("key points:\n" + "\n".join(f"  {line}" for line in found))
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not is_topic_page(page.file.src_uri):
        return html
    if page.present_anchor_ids is not None:  # so MkDocs validates links to the box like any anchor
        page.present_anchor_ids.add(ANCHOR)
    html = BOX_HTML.sub(rf'<div class="admonition abstract" id="{ANCHOR}" data-search-exclude>\1', html, count=1)
    return READING_LINE_END.sub(rf'\1 <a href="#{ANCHOR}">Key points</a></p>', html, count=1)
