"""Every page says when its facts were last checked against AWS documentation.

The date lives in the page's front matter (`checked: 2026-11-28`); the build stops, naming the file,
when a page lacks it or it is not a date. It is shown under the page's title, and `make check-sources`
lists pages checked more than six months ago.
"""

from __future__ import annotations

import re
from datetime import date

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

H1 = re.compile(r"^# .+$", re.MULTILINE)


def shown(day: date) -> str:
    when = f'<time datetime="{day.isoformat()}">{day.day} {day:%B %Y}</time>'
    return f'<p class="checked-date">Checked against AWS documentation on {when}.</p>'


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    day = page.meta.get("checked")
    if not isinstance(day, date):
        found = f"it has {day!r}" if day is not None else "it has none"
        raise PluginError(
            f"docs/{page.file.src_uri}: the front matter needs `checked: YYYY-MM-DD`, the date this page's facts "
            f"were last checked against AWS documentation ({found})"
        )
    title = H1.search(markdown)
    if title is None:
        raise PluginError(f"docs/{page.file.src_uri}: no H1 title to show the checked date under")
    return f"{markdown[: title.end()]}\n\n{shown(day)}\n{markdown[title.end() :]}"
