"""Print a built page to PDF with headless Chromium, the way a reader's "Print" would, diagrams drawn.

    python -m scripts.print_pdf SITE_DIR [PAGE_URL] [OUT_PDF]
    # default page: study/cheat-sheet/ ; default output: dist/cheat-sheet.pdf

The site is served over http from a thread (directory URLs do not open from file://). Material
draws Mermaid diagrams in a closed shadow root, so the page is loaded with attachShadow forced
open, which lets us wait until every diagram has its SVG before printing.
"""

from __future__ import annotations

import functools
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

from scripts.browser import launch

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent
OPEN_SHADOW_JS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: "open" }); };
"""
DIAGRAMS_DRAWN_JS = """
() => [...document.querySelectorAll(".mermaid")].every((el) => el.shadowRoot && el.shadowRoot.querySelector("svg"))
"""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve `site` on a free local port for the duration of the block; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def print_pdf(site: Path, page_url: str, out: Path, browser: Browser | None = None, timeout_ms: int = 20_000) -> Path:
    """Print one built page to `out` (a new headless Chromium unless `browser` is given)."""
    if not (site / page_url / "index.html").is_file() and not (site / page_url).is_file():
        raise FileNotFoundError(f"{site / page_url}: no such built page (build the site first)")
    if browser is None:
        with launch() as new_browser:
            return print_pdf(site, page_url, out, new_browser, timeout_ms)
    out.parent.mkdir(parents=True, exist_ok=True)
    with serve(site) as base:
        page = browser.new_page()
        try:
            page.add_init_script(OPEN_SHADOW_JS)
            page.goto(base + page_url, wait_until="networkidle")
            page.wait_for_function(DIAGRAMS_DRAWN_JS, timeout=timeout_ms)
            page.emulate_media(media="print")
            page.pdf(path=str(out), format="A4", print_background=True)
        finally:
            page.close()
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    site = Path(args[0])
    page_url = args[1] if len(args) > 1 else "study/cheat-sheet/"
    out = Path(args[2]) if len(args) > 2 else ROOT / "dist" / "cheat-sheet.pdf"
    print(print_pdf(site, page_url, out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
