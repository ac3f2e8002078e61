"""Tables that a phone can read: each data cell carries the name of its column.

A comparison table of four or five columns is wider than a 390 px phone, and a table that scrolls
sideways hides its last columns with nothing to say so. On narrow screens extra.css stacks the rows
of every table of three or more columns: each row becomes a block, and each cell shows its
column's name (`data-label`, set here) above its text. The table keeps its semantics through
explicit ARIA roles, which a `display: block` table would otherwise lose in some screen readers.
Tables of two columns fit a phone and are left as they are.
"""

from __future__ import annotations

import html
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

TABLE = re.compile(r"<table>(?P<body>.*?)</table>", re.DOTALL)
HEAD = re.compile(r"<thead>(?P<head>.*?)</thead>", re.DOTALL)
HEADER_CELL = re.compile(r"<th(?P<attrs>[^>]*)>(?P<text>.*?)</th>", re.DOTALL)
ROW = re.compile(r"<tr>(?P<cells>.*?)</tr>", re.DOTALL)
DATA_CELL = re.compile(r"<td(?P<attrs>[^>]*)>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")
MIN_COLUMNS = 3


def label(cell_html: str) -> str:
    return html.escape(" ".join(html.unescape(TAG.sub("", cell_html)).split()), quote=True)


def stack(table: re.Match[str]) -> str:
    body = table["body"]
    head = HEAD.search(body)
    labels = [label(m["text"]) for m in HEADER_CELL.finditer(head["head"])] if head else []
    if len(labels) < MIN_COLUMNS:
        return table[0]

    def row(match: re.Match[str]) -> str:
        column = iter(range(len(labels)))

        def cell(td: re.Match[str]) -> str:
            n = next(column, None)
            name = f' data-label="{labels[n]}"' if n is not None else ""
            return f'<td role="cell"{name}{td["attrs"]}>'

        cells = DATA_CELL.sub(cell, match["cells"])
        cells = HEADER_CELL.sub(lambda th: f'<th role="columnheader"{th["attrs"]}>{th["text"]}</th>', cells)
        return f'<tr role="row">{cells}</tr>'

    return f'<table role="table" data-stack>{ROW.sub(row, body)}</table>'


def stack_tables(content: str) -> str:
    return TABLE.sub(stack, content)


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return stack_tables(content)
