"""The corrections log: every `correction` admonition of the site, listed on one page.

Each correction lives on its topic page, next to the fact it corrects. This hook collects them
at build time into a table at the marker line `[[corrections-log]]`, so the log can never go
stale. It also holds each correction to the house style, and stops the build naming file and
line when one lacks the notes' quote (`The notes say: "..."`) or a link to AWS documentation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

MARKER = "[[corrections-log]]"
OPENING = re.compile(r'^!!! correction "(?P<title>[^"]+)"\s*$')
QUOTE = re.compile(r'The notes say: "(?P<quote>.+)"[.,;]?\s*$')
AWS_DOCS = "https://docs.aws.amazon.com/"


@dataclass(frozen=True)
class Correction:
    src: str  # below docs/
    line: int
    title: str
    quote: str


def corrections_in(src: str, markdown: str) -> list[Correction]:
    found = []
    lines = markdown.splitlines()
    for number, line in enumerate(lines, start=1):
        opening = OPENING.match(line)
        if not opening:
            continue
        body = []
        for following in lines[number:]:
            if following.strip() and not following.startswith("    "):
                break
            body.append(following.strip())
        text = "\n".join(body)
        quote = next((m["quote"] for m in map(QUOTE.match, body) if m), None)
        if quote is None:
            raise PluginError(f'docs/{src}:{number}: a correction must quote the notes: The notes say: "..."')
        if AWS_DOCS not in text:
            raise PluginError(f"docs/{src}:{number}: a correction must link the AWS documentation ({AWS_DOCS}...)")
        title = opening["title"].removeprefix("Correction: ")
        found.append(Correction(src, number, title[:1].upper() + title[1:], quote))
    return found


def cell(text: str) -> str:
    return text.replace("|", "\\|")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if MARKER not in markdown:
        return markdown
    here = Path(page.file.src_uri).parent
    rows = ["| Page | The notes said | Corrected |", "| --- | --- | --- |"]
    count = 0
    for file in files.documentation_pages():
        if file is page.file:
            continue  # the log's own page explains the marker with an example
        source = Path(file.abs_src_path).read_text(encoding="utf-8")
        for c in corrections_in(file.src_uri, source):
            link = Path(*[".."] * len(here.parts), c.src).as_posix() if here.parts else c.src
            title = file.page.title if file.page and file.page.title else c.src
            rows.append(f"| [{cell(title)}]({link}) | {cell(c.quote)} | {cell(c.title)} |")
            count += 1
    table = f"{count} corrections, collected from the pages at build time.\n\n" + "\n".join(rows)
    return markdown.replace(MARKER, table)
