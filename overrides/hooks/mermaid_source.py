"""Escape diagram sources so the browser reads them as text, `<br>` line breaks included.

mkdocs-mermaid2-plugin's fence writes the diagram source into `<pre class="mermaid">` without
escaping it, so a label such as `"Amazon ECR<br>(private)"` becomes a real <br> element, and
Material, which hands Mermaid the element's textContent, draws the label on one line.

The plugin also logs "found N diagrams, adding scripts" for every diagram page of every build and
`make serve` rebuild; only its warnings reach the log.
"""

from __future__ import annotations

import html
import logging
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

logging.getLogger("mkdocs.plugins.mermaid2.util").setLevel(logging.WARNING)

DIAGRAM = re.compile(r'(<pre\s+class="mermaid"><code>)(.*?)(</code></pre>)', re.DOTALL)


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return DIAGRAM.sub(lambda m: m[1] + html.escape(m[2], quote=False) + m[3], content)
