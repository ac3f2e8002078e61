"""Give every diagram a full-screen, zoomable view, and load its code on diagram pages only.

Each ```mermaid fence reaches this hook as `<pre class="mermaid"><code>...</code></pre>`. The hook
puts it in a `study-diagram` box with a visible "Full screen" button, named after the diagram's
accTitle so a screen reader says which diagram it opens, and links the viewer's stylesheet and
deferred script in the page's head. Pages without a diagram get neither. The script
(assets/javascripts/diagram-viewer.js) loads the pan-and-zoom library only when a reader first
opens a diagram. Build-time drawing (scripts/prerender_diagrams.py) replaces the `<pre>` inside the
box and leaves the box and its button as they are.
"""

from __future__ import annotations

import html
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

DIAGRAM = re.compile(r'<pre\s+class="mermaid"><code>(?P<source>.*?)</code></pre>', re.DOTALL)
TITLE = re.compile(r"^\s*accTitle\s*:\s*(?P<title>.+?)\s*$", re.MULTILINE)
BOX = '<div class="study-diagram">'
SCRIPT = "assets/javascripts/diagram-viewer.js"
STYLESHEET = "assets/stylesheets/diagram-viewer.css"
# Four corners, as on a video player's full-screen button (drawn in currentColor).
ICON = (
    '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">'
    '<path d="M5 5h5v2H7v3H5zm9 0h5v5h-2V7h-3zm3 9h2v5h-5v-2h3zm-7 3v2H5v-5h2v3z"/></svg>'
)


def button(source: str) -> str:
    found = TITLE.search(html.unescape(source))
    name = f"Open full screen: {found['title']}" if found else "Open the diagram full screen"
    return (
        f'<button type="button" class="study-diagram__open" aria-label="{html.escape(name)}">'
        f"{ICON}<span>Open full screen</span></button>"
    )


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return DIAGRAM.sub(lambda m: f"{BOX}{m[0]}{button(m['source'])}</div>", content)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if BOX not in output:
        return output
    css = get_relative_url(STYLESHEET, page.url)
    js = get_relative_url(SCRIPT, page.url)
    tags = f'<link rel="stylesheet" href="{css}">\n<script src="{js}" defer></script>\n'
    return output.replace("</head>", tags + "</head>", 1)
