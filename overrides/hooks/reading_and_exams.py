"""How long a page takes to read, and which exam routes it is on, derived from the pages themselves.

- Under each page's title: "About N minutes to read", and for a page that a route of the exam topic
  map includes, the exams of those routes ("On the routes for SAA-C03, DVA-C02").
- In the exam topic map's route table (docs/study/exam-map.md, "Suggested route per exam"), a
  column with each route's total reading time.

Reading time counts the words a reader reads (prose, tables, boxes and self-checks; not code
blocks, link targets or front matter) at WORDS_PER_MINUTE. A route link to a page that does not
exist stops the build, naming the map's line.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

WORDS_PER_MINUTE = 200
EXAM_MAP = "study/exam-map.md"
ROUTE_HEADING = "## Suggested route per exam"
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
FENCE = re.compile(r"^(?P<indent> *)(```|~~~).*?^(?P=indent)\2[ \t]*$", re.DOTALL | re.MULTILINE)
LINK_TARGET = re.compile(r"\]\([^)]*\)")
WORD = re.compile("[A-Za-z0-9][A-Za-z0-9'\u2019.-]*")
PAGE_LINK = re.compile(r"\]\((?P<target>[^)#\s]+\.md)(?:#[^)]*)?\)")
H1 = re.compile(r"^# .+$", re.MULTILINE)

_minutes: dict[str, int] = {}
_routes: dict[str, list[str]] = {}


def reading_minutes(markdown: str) -> int:
    """Minutes to read a page's Markdown at WORDS_PER_MINUTE, at least one."""
    text = LINK_TARGET.sub("]", FENCE.sub(" ", FRONT_MATTER.sub("", markdown)))
    return max(1, round(len(WORD.findall(text)) / WORDS_PER_MINUTE))


def route_rows(markdown: str) -> list[tuple[int, str, list[str]]]:
    """(line number, exam, linked page targets as written) of each row of the route table."""
    rows, in_routes = [], False
    for number, line in enumerate(markdown.splitlines(), start=1):
        if line.startswith("## "):
            in_routes = line.strip() == ROUTE_HEADING
        elif in_routes and line.startswith("|") and not line.startswith("| ---"):
            targets = [m["target"] for m in PAGE_LINK.finditer(line)]
            if targets:
                exam = line.strip("| ").split("|")[0].split(" (")[0].strip()
                rows.append((number, exam, targets))
    return rows


def resolve(target: str, known: Collection[str], line: int) -> str:
    """The page a route links, relative to docs/, as its Markdown source."""
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(EXAM_MAP), target))
    if resolved not in known:
        raise PluginError(f"docs/{EXAM_MAP}:{line}: the route links {target}, which is not a page of the site")
    return resolved


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _minutes.clear()
    _routes.clear()
    pages = [f for f in files.documentation_pages() if "includes" not in f.src_uri.split("/")]
    _minutes.update({f.src_uri: reading_minutes(f.content_string) for f in pages})
    exam_map = files.get_file_from_path(EXAM_MAP)
    if exam_map is None:
        raise PluginError(f"docs/{EXAM_MAP} is missing: the exam routes come from its '{ROUTE_HEADING}' table")
    rows = route_rows(exam_map.content_string)
    if not rows:
        raise PluginError(f"docs/{EXAM_MAP}: no route table under '{ROUTE_HEADING}'")
    for line, exam, targets in rows:
        _routes[exam] = [resolve(t, _minutes, line) for t in targets]
    return files


def exams_of(src: str) -> list[str]:
    return [exam for exam, pages in _routes.items() if src in pages]


def facts_line(src: str) -> str:
    minutes = _minutes.get(src, 1)
    line = f"About {minutes} minute{'s' if minutes != 1 else ''} to read"
    exams = exams_of(src)
    if exams:
        line += f" · on the routes for {', '.join(exams)}"
    return f'<p class="reading-time">{line}.</p>'


def with_route_totals(markdown: str) -> str:
    """The route table with a last column: each route's total reading time."""
    lines = markdown.splitlines()
    rows = {number: exam for number, exam, _ in route_rows(markdown)}
    for number, exam in rows.items():
        total = sum(_minutes[src] for src in _routes[exam])
        lines[number - 1] = f"{lines[number - 1].rstrip()} about {total} minutes ({total / 60:.1f} hours) |"
    first = min(rows) if rows else None
    if first is not None:
        header = first - 2  # the separator row sits right above the first route
        lines[header] = f"{lines[header].rstrip()} --- |"
        lines[header - 1] = f"{lines[header - 1].rstrip()} Reading time |"
    return "\n".join(lines) + ("\n" if markdown.endswith("\n") else "")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri == EXAM_MAP:
        markdown = with_route_totals(markdown)
    if page.is_homepage:
        return markdown
    title = H1.search(markdown)
    if title is None:
        return markdown  # checked_dates.py stops the build for a page without an H1
    return f"{markdown[: title.end()]}\n\n{facts_line(page.file.src_uri)}\n{markdown[title.end() :]}"
