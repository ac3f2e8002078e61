"""A broken link's warning names the Markdown file and line, and the fix where one is near.

MkDocs's strict validation says "Doc file 'ecs/x.md' contains a link 'y.md#z', but the doc 'y.md'
does not contain an anchor '#z'", without the line, and a contributor searches the page for it. This
hook rewrites those warnings as they are logged (the build still fails on them), so they read

    docs/ecs/x.md:42: Doc file 'ecs/x.md' contains a link 'y.md#z', but ... Nearest anchors in y.md: #a, #b.

A missing page gets the nearest page names, a missing anchor the nearest anchors of its page (its
headings' slugs and `{#id}` attributes).
"""

from __future__ import annotations

import difflib
import logging
import re
from pathlib import Path

from markdown.extensions.toc import slugify
from mkdocs.config.defaults import MkDocsConfig

LINK = re.compile(
    r"^Doc file '(?P<src>[^']+)' contains (?:a|an unrecognized relative|an absolute) link '(?P<url>[^']+)'"
)
NO_ANCHOR = re.compile(r"the doc '(?P<doc>[^']+)' does not contain an anchor '#(?P<anchor>[^']+)'")
NO_PAGE = re.compile(r"is not found among documentation files\.$")
HEADING = re.compile(r"^#{1,6}\s+(?P<text>.+?)\s*#*\s*$")
ATTR_ID = re.compile(r"\{[^}]*#(?P<id>[\w-]+)[^}]*\}")


def line_of(markdown: str, url: str) -> int | None:
    """The first line that links `url`, as `](url)` or `]: url`."""
    for number, line in enumerate(markdown.splitlines(), start=1):
        if f"]({url})" in line or f"]({url} " in line or re.search(rf"\]:\s*{re.escape(url)}\b", line):
            return number
    return None


def anchors(markdown: str) -> list[str]:
    """The anchors a page's Markdown makes: heading slugs and `{#id}` attributes."""
    found = []
    for line in markdown.splitlines():
        if heading := HEADING.match(line):
            found.append(slugify(ATTR_ID.sub("", heading["text"]), "-"))
        found += [m["id"] for m in ATTR_ID.finditer(line)]
    return list(dict.fromkeys(found))


def nearest(word: str, choices: list[str], cutoff: float = 0.6) -> list[str]:
    return difflib.get_close_matches(word, choices, n=3, cutoff=cutoff)


class LineFinder(logging.Filter):
    def __init__(self) -> None:
        super().__init__()
        self.docs: Path | None = None

    def read(self, src: str) -> str | None:
        path = self.docs / src if self.docs else None
        return path.read_text(encoding="utf-8") if path and path.is_file() else None

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        found = LINK.match(message)
        markdown = self.read(found["src"]) if found else None
        if found is None or markdown is None or self.docs is None:
            return True
        line = line_of(markdown, found["url"])
        extra = ""
        if (missing := NO_ANCHOR.search(message)) and (target := self.read(missing["doc"])) is not None:
            close = nearest(missing["anchor"], anchors(target))
            extra = f" Nearest anchors in {missing['doc']}: {', '.join('#' + a for a in close)}." if close else ""
        elif NO_PAGE.search(message) and "Did you mean" not in message:
            pages = [p.relative_to(self.docs).as_posix() for p in self.docs.rglob("*.md")]
            close = nearest(found["url"].split("#")[0].split("/")[-1], [p.split("/")[-1] for p in pages], 0.75)
            names = [p for p in pages if p.split("/")[-1] in close]
            extra = f" Nearest pages: {', '.join(names)}." if names else ""
        where = f"docs/{found['src']}:{line}" if line else f"docs/{found['src']}"
        record.msg, record.args = f"{where}: {message}{extra}", ()
        return True


_finder = LineFinder()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _finder.docs = Path(config.docs_dir)
    logger = logging.getLogger("mkdocs.structure.pages")
    if _finder not in logger.filters:
        logger.addFilter(_finder)
    return config
