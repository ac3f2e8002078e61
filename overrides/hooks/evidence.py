"""The evidence boxes: held to their format, given anchors, and logged on the pages that list them.

Every `correction` and `changed` admonition (format: boxes.py) must quote AWS and link the AWS page the
quote is on; the build stops, naming file and line, when one does not. In the built HTML each box gets
an id (`correction-<title>`, `changed-<title>`) so the logs can link to the box itself. Two marker
lines expand into tables collected from every page at build time, so neither can go stale:

- `[[corrections-log]]` (the About page): every correction, with the notes' words it corrects;
- `[[changes-log]]` (What changed): every "Recent AWS change" box, with the date AWS made the change
  and the date it was checked, newest change first.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from boxes import Box, boxes_in
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

CORRECTIONS_MARKER = "[[corrections-log]]"
CHANGES_MARKER = "[[changes-log]]"
# Open boxes (`!!!`) are divs; collapsed ones (`???`, `???+`) are details elements.
BOX_DIV = re.compile(
    r'<div class="admonition (?P<kind>correction|changed)">'
    r'|<details class="(?P<folded>correction|changed)"(?P<open> open="open")?>'
)

_boxes: dict[str, list[Box]] = {}
_log_pages: set[str] = set()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _boxes.clear()
    _log_pages.clear()
    problems: list[str] = []
    for file in files.documentation_pages():
        text = Path(file.abs_src_path).read_text(encoding="utf-8")
        found, wrong = boxes_in(file.src_uri, text)
        _boxes[file.src_uri] = found
        if CORRECTIONS_MARKER in text or CHANGES_MARKER in text:
            _log_pages.add(file.src_uri)
        problems += wrong
    if problems:
        # Indented, so the lines stay with the error in the build log (scripts/build.py keeps them).
        raise PluginError("evidence boxes:\n" + "\n".join(f"  {problem}" for problem in problems))
    return files


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def _link(here: Page, file: File, anchor: str) -> str:
    parent = PurePosixPath(here.file.src_uri).parent
    up = "../" * len(parent.parts)
    return f"{up}{file.src_uri}#{anchor}"


def _title(file: File) -> str:
    return file.page.title if file.page and file.page.title else file.src_uri


def _section(file: File) -> str:
    parent = file.page.parent if file.page else None
    return parent.title if parent and parent.title else ""


def _logged_pages(files: Files) -> list[File]:
    """The pages the logs collect from: all but the pages that hold a log, which show boxes as examples."""
    return [file for file in files.documentation_pages() if file.src_uri not in _log_pages]


def _corrections_log(page: Page, files: Files) -> str:
    rows = ["| Page | The notes said | Corrected |", "| --- | --- | --- |"]
    for file in _logged_pages(files):
        for box in _boxes.get(file.src_uri, []):
            if box.kind == "correction":
                link = _link(page, file, box.anchor)
                rows.append(
                    f"| [{_cell(_title(file))}]({link}) | {_cell(box.notes_quote or '')} | {_cell(box.title)} |"
                )
    return f"{len(rows) - 2} corrections, collected from the pages at build time.\n\n" + "\n".join(rows)


def _changes_log(page: Page, files: Files) -> str:
    entries = [
        (box, file) for file in _logged_pages(files) for box in _boxes.get(file.src_uri, []) if box.kind == "changed"
    ]
    entries.sort(key=lambda entry: (entry[0].aws_date or "", entry[0].title), reverse=True)
    rows = ["| Changed by AWS | What changed | Service | Checked | On the page |", "| --- | --- | --- | --- | --- |"]
    for box, file in entries:
        link = _link(page, file, box.anchor)
        rows.append(
            f"| {box.aws_date} | [{_cell(box.title)}]({link}) | {_cell(_section(file))} | {box.checked} "
            f"| [{_cell(_title(file))}]({link}) |"
        )
    return f"{len(entries)} changes, collected from the pages at build time.\n\n" + "\n".join(rows)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if CORRECTIONS_MARKER in markdown:
        markdown = markdown.replace(CORRECTIONS_MARKER, _corrections_log(page, files))
    if CHANGES_MARKER in markdown:
        markdown = markdown.replace(CHANGES_MARKER, _changes_log(page, files))
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    boxes = iter(_boxes.get(page.file.src_uri, []))

    def with_id(match: re.Match[str]) -> str:
        kind = match["kind"] or match["folded"]
        box = next(boxes, None)
        if box is None or box.kind != kind:
            raise PluginError(f"docs/{page.file.src_uri}: a {kind} box in the HTML has no source box")
        if page.present_anchor_ids is not None:  # so MkDocs validates links to the box like any anchor
            page.present_anchor_ids.add(box.anchor)
        if match["kind"]:
            return f'<div class="admonition {kind}" id="{box.anchor}">'
        return f'<details class="{kind}" id="{box.anchor}"{match["open"] or ""}>'

    return BOX_DIV.sub(with_id, html)
